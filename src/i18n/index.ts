/** The one i18next instance. The interface language persists per device and keeps <html lang> in step. */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.ts';
import { zhCN } from './zh-cn.ts';

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
const KEY = 'zhixing:locale';

function savedLocale(): Locale {
  try {
    const v = globalThis.localStorage?.getItem(KEY);
    return v === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: savedLocale(),
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
