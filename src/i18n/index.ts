/** The one i18next instance. The interface language persists per device and keeps <html lang> in step. */
import i18next from 'i18next';
import { zhCN } from './zh-cn.ts';

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
const KEY = 'zhixing:locale';

export function savedLocale(): Locale {
  try {
    const v = globalThis.localStorage?.getItem(KEY);
    return v === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

export const i18n = i18next.createInstance();

void i18n.init({
  // English loads on demand (setLocale): most learners never need it, and the first view stays small
  resources: { 'zh-CN': { translation: zhCN } },
  partialBundledLanguages: true,
  lng: 'zh-CN',
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
});

function syncHtml(lng: string) {
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
}
syncHtml(i18n.language);
i18n.on('languageChanged', (lng) => {
  syncHtml(lng);
  try {
    globalThis.localStorage?.setItem(KEY, lng);
  } catch {
    /* the choice then lasts for this visit only */
  }
});

/** Switches the interface language, loading its strings first when needed. */
export async function setLocale(lng: Locale): Promise<void> {
  if (!i18n.hasResourceBundle(lng, 'translation')) {
    const { en } = await import('./en.ts');
    i18n.addResourceBundle('en', 'translation', en);
  }
  await i18n.changeLanguage(lng);
}
