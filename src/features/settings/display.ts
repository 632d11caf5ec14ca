/**
 * Display settings: text size and theme, remembered on the device (not with the learner's progress: they belong
 * to the device and its reader, and they must apply before the first paint, before the progress store is read).
 * index.html repeats `resolve` as a tiny inline script so the first paint has the right size and colours; a test
 * holds the two together.
 */
export const TEXT_SIZES = ['standard', 'large', 'larger'] as const;
export const THEMES = ['system', 'light', 'dark'] as const;
export type TextSize = (typeof TEXT_SIZES)[number];
export type Theme = (typeof THEMES)[number];
export interface DisplaySettings {
  textSize: TextSize;
  theme: Theme;
}

export const DISPLAY_KEY = 'zhixing:display';
export const DEFAULT_DISPLAY: DisplaySettings = { textSize: 'standard', theme: 'system' };

/** Forgiving: anything unreadable or unknown falls back to the default for that setting alone. */
export function parseDisplay(text: string | null | undefined): DisplaySettings {
  let v: unknown;
  try {
    v = JSON.parse(text ?? '{}');
  } catch {
    return DEFAULT_DISPLAY;
  }
  const o = typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
  return {
    textSize: TEXT_SIZES.includes(o.textSize as TextSize) ? (o.textSize as TextSize) : DEFAULT_DISPLAY.textSize,
    theme: THEMES.includes(o.theme as Theme) ? (o.theme as Theme) : DEFAULT_DISPLAY.theme,
  };
}

/** What the root element gets: the theme resolved against the system's scheme. */
export function resolveDisplay(s: DisplaySettings, systemDark: boolean): { textSize: TextSize; theme: 'light' | 'dark' } {
  return { textSize: s.textSize, theme: s.theme === 'system' ? (systemDark ? 'dark' : 'light') : s.theme };
}

const storage = (): Storage | undefined => {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined; // storage blocked: the settings last for this visit
  }
};

export function readDisplay(): DisplaySettings {
  try {
    return parseDisplay(storage()?.getItem(DISPLAY_KEY));
  } catch {
    return DEFAULT_DISPLAY;
  }
}

const systemScheme = () => globalThis.matchMedia?.('(prefers-color-scheme: dark)');

/** Sets the root element's data-text-size and data-theme. */
export function applyDisplay(s: DisplaySettings, root: HTMLElement = document.documentElement): void {
  const r = resolveDisplay(s, systemScheme()?.matches ?? false);
  root.dataset.textSize = r.textSize;
  root.dataset.theme = r.theme;
}

export function saveDisplay(s: DisplaySettings): void {
  try {
    storage()?.setItem(DISPLAY_KEY, JSON.stringify(s));
  } catch {
    /* full or blocked: applied for this visit */
  }
  applyDisplay(s);
}

/**
 * Keeps the page in step: a system theme change while following the system, a change made in another tab, and
 * printing, which is always light (paper is white).
 */
export function watchDisplay(): () => void {
  const media = systemScheme();
  const reapply = () => applyDisplay(readDisplay());
  const onStorage = (e: StorageEvent) => {
    if (e.key === DISPLAY_KEY) reapply();
  };
  const beforePrint = () => {
    document.documentElement.dataset.theme = 'light';
  };
  media?.addEventListener?.('change', reapply);
  globalThis.addEventListener('storage', onStorage);
  globalThis.addEventListener('beforeprint', beforePrint);
  globalThis.addEventListener('afterprint', reapply);
  return () => {
    media?.removeEventListener?.('change', reapply);
    globalThis.removeEventListener('storage', onStorage);
    globalThis.removeEventListener('beforeprint', beforePrint);
    globalThis.removeEventListener('afterprint', reapply);
  };
}
