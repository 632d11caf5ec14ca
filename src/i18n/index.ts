/** The one translator of the interface. The interface language persists per device and keeps <html lang> in step. */
import { createTranslator } from './translator.ts';
import { zhCN } from './zh-cn.ts';

export type { TFunction, TranslationKey } from './translator.ts';

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

// English loads on demand (setLocale): most learners never need it, and the first view stays small
export const i18n = createTranslator({ language: 'zh-CN', fallback: 'zh-CN', resources: { 'zh-CN': zhCN } });

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

let more: Promise<void> | undefined;

/**
 * Loads the Chinese strings past the first view (zh-cn-more.ts). Every lazily loaded page and panel awaits it
 * with its own code, so the first view carries only its own strings; English loads whole when chosen.
 */
export function loadStrings(): Promise<void> {
  more ??= import('./zh-cn-more.ts').then(({ zhCNMore }) => {
    i18n.addResourceBundle('zh-CN', zhCNMore);
  });
  return more;
}

/** Switches the interface language, loading its strings first when needed. */
export async function setLocale(lng: Locale): Promise<void> {
  if (!i18n.hasResourceBundle(lng)) {
    const { en } = await import('./en.ts');
    i18n.addResourceBundle('en', en);
  }
  // the fallback language, complete: a string missing in English is shown in Chinese rather than as a key
  await loadStrings();
  await i18n.changeLanguage(lng);
}
