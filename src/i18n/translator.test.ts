import { expect, test, vi } from 'vitest';
import { createTranslator, type StringTable, type TranslationKey } from './translator.ts';

const zh: StringTable = {
  home: { greeting: '{{name}}，欢迎回来', attempts_other: '已作答 {{count}} 次' },
  only: { zh: '只有中文' },
};
const en: StringTable = {
  home: { greeting: 'Welcome back, {{name}}', attempts_one: '{{count}} attempt', attempts_other: '{{count}} attempts' },
};

// the fixture's keys are not the app's: the tests call through a loosely typed t
const make = () => {
  const tr = createTranslator({ language: 'zh-CN', fallback: 'zh-CN', resources: { 'zh-CN': zh } });
  const t = (key: string, values?: Record<string, unknown>) => tr.t(key as TranslationKey, values);
  return { tr, t };
};

test('a string is found by its dotted key and its placeholders are filled', () => {
  const { t } = make();
  expect(t('home.greeting', { name: '张小明' })).toBe('张小明，欢迎回来');
});

test('a count picks the plural form of the language, and Chinese uses its one form for every number', async () => {
  const { tr, t } = make();
  expect(t('home.attempts', { count: 1 })).toBe('已作答 1 次');
  tr.addResourceBundle('en', en);
  await tr.changeLanguage('en');
  expect(t('home.attempts', { count: 1 })).toBe('1 attempt');
  expect(t('home.attempts', { count: 3 })).toBe('3 attempts');
  expect(t('home.attempts', { count: 0 })).toBe('0 attempts');
});

test('a string the language lacks comes from the fallback language, and an unknown key shows itself', async () => {
  const { tr, t } = make();
  tr.addResourceBundle('en', en);
  await tr.changeLanguage('en');
  expect(t('only.zh')).toBe('只有中文');
  expect(t('no.such.key')).toBe('no.such.key');
  expect(t('home')).toBe('home');
});

test('a placeholder without a value stays visible rather than printing "undefined"', () => {
  const { t } = make();
  expect(t('home.greeting', {})).toBe('{{name}}，欢迎回来');
  expect(t('home.greeting', { name: undefined })).toBe('{{name}}，欢迎回来');
  expect(t('home.greeting', { name: 0 })).toBe('0，欢迎回来');
});

test('added strings merge into the table without dropping the ones already there, and listeners hear of it', () => {
  const { tr, t } = make();
  const added = vi.fn();
  tr.on('added', added);
  tr.addResourceBundle('zh-CN', { home: { start: '开始学习' } });
  expect(t('home.start')).toBe('开始学习');
  expect(t('home.greeting', { name: '李华' })).toBe('李华，欢迎回来');
  expect(added).toHaveBeenCalledWith('zh-CN');
});

test('the tables are copies: changing the object passed in later does not change the interface', () => {
  const source: StringTable = { a: { b: '原文' } };
  const tr = createTranslator({ language: 'zh-CN', fallback: 'zh-CN', resources: { 'zh-CN': source } });
  (source.a as StringTable).b = '改过';
  expect(tr.t('a.b' as TranslationKey)).toBe('原文');
});

test('a language change tells its listeners once, and a fixed t keeps the language it was made in', async () => {
  const { tr } = make();
  tr.addResourceBundle('en', en);
  const changed = vi.fn();
  const off = tr.on('languageChanged', changed);
  const zhT = tr.getFixedT();
  await tr.changeLanguage('en');
  await tr.changeLanguage('en');
  expect(changed).toHaveBeenCalledTimes(1);
  expect(changed).toHaveBeenCalledWith('en');
  expect(tr.language).toBe('en');
  expect(zhT('home.greeting' as TranslationKey, { name: 'A' })).toBe('A，欢迎回来');
  off();
  await tr.changeLanguage('zh-CN');
  expect(changed).toHaveBeenCalledTimes(1);
});
