/**
 * The interface's translator: nested string tables per language, `{{name}}` interpolation, plural forms chosen by
 * `Intl.PluralRules` (`key_one`, `key_other`, … selected by `count`), a fallback language for strings a table
 * lacks, and listeners for a language change or new strings. Keys are checked at compile time against the
 * Chinese tables.
 */
import type { Resources } from './zh-cn.ts';

type PluralSuffix = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
type Base<K extends string> = K extends `${infer B}_${PluralSuffix}` ? B : K;
type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${Base<K>}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** every key of the interface strings, plural forms under their base key */
export type TranslationKey = Leaves<Resources>;
export type TranslationOptions = Record<string, unknown> & { count?: number };
export type TFunction = (key: TranslationKey, options?: TranslationOptions) => string;

export interface StringTable {
  [key: string]: string | StringTable;
}

type Event = 'languageChanged' | 'added';

export interface Translator {
  readonly language: string;
  t: TFunction;
  /** a `t` bound to the language of the moment (a new one after each change, for memoised components) */
  getFixedT(): TFunction;
  hasResourceBundle(lng: string): boolean;
  /** merges strings into a language's table (deeply; new strings win) */
  addResourceBundle(lng: string, strings: StringTable): void;
  changeLanguage(lng: string): Promise<void>;
  on(event: Event, listener: (lng: string) => void): () => void;
}

function merge(into: StringTable, from: StringTable): void {
  for (const [k, v] of Object.entries(from)) {
    const have = into[k];
    if (typeof v !== 'object') into[k] = v;
    else if (typeof have === 'object') merge(have, v);
    else merge((into[k] = {}), v);
  }
}

function lookup(table: StringTable | undefined, key: string): string | undefined {
  let at: string | StringTable | undefined = table;
  for (const part of key.split('.')) {
    if (typeof at !== 'object') return undefined;
    at = at[part];
  }
  return typeof at === 'string' ? at : undefined;
}

const PLACEHOLDER = /\{\{\s*([\w.-]+)\s*\}\}/g;

export function createTranslator(options: { language: string; fallback: string; resources: Record<string, StringTable> }): Translator {
  const tables = new Map<string, StringTable>();
  for (const [lng, strings] of Object.entries(options.resources)) {
    const table: StringTable = {};
    merge(table, strings);
    tables.set(lng, table);
  }
  const listeners = new Map<Event, Set<(lng: string) => void>>();
  const emit = (event: Event, lng: string) => listeners.get(event)?.forEach((l) => l(lng));
  const plurals = new Map<string, Intl.PluralRules>();
  const pluralOf = (lng: string, n: number) => {
    let rules = plurals.get(lng);
    if (!rules) plurals.set(lng, (rules = new Intl.PluralRules(lng)));
    return rules.select(n);
  };
  let language = options.language;

  const resolve = (lng: string, key: string, count: number | undefined): string | undefined => {
    const table = tables.get(lng);
    if (count !== undefined) {
      const form = lookup(table, `${key}_${pluralOf(lng, count)}`) ?? lookup(table, `${key}_other`);
      if (form !== undefined) return form;
    }
    return lookup(table, key);
  };

  const translate = (lng: string, key: string, values?: TranslationOptions): string => {
    const count = typeof values?.count === 'number' ? values.count : undefined;
    const text = resolve(lng, key, count) ?? resolve(options.fallback, key, count);
    // a missing string shows its key: visible in review, never a blank
    if (text === undefined) return key;
    if (!values) return text;
    return text.replace(PLACEHOLDER, (whole, name: string) => (values[name] === undefined ? whole : String(values[name])));
  };

  return {
    get language() {
      return language;
    },
    t: (key, values) => translate(language, key, values),
    getFixedT() {
      const lng = language;
      return (key, values) => translate(lng, key, values);
    },
    hasResourceBundle: (lng) => tables.has(lng),
    addResourceBundle(lng, strings) {
      let table = tables.get(lng);
      if (!table) tables.set(lng, (table = {}));
      merge(table, strings);
      emit('added', lng);
    },
    async changeLanguage(lng) {
      if (lng === language) return;
      language = lng;
      emit('languageChanged', lng);
    },
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
      return () => void set.delete(listener);
    },
  };
}
