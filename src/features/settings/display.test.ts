import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { applyDisplay, DISPLAY_KEY, parseDisplay, readDisplay, resolveDisplay, saveDisplay, TEXT_SIZES, THEMES, watchDisplay } from './display.ts';

const root = document.documentElement;
const system = (dark: boolean) => {
  const listeners = new Set<() => void>();
  const media = { matches: dark, addEventListener: (_: string, f: () => void) => listeners.add(f), removeEventListener: (_: string, f: () => void) => listeners.delete(f) };
  vi.stubGlobal('matchMedia', () => media);
  return { set: (d: boolean) => { media.matches = d; listeners.forEach((f) => f()); } };
};

afterEach(() => {
  localStorage.clear();
  vi.unstubAllGlobals();
  delete root.dataset.theme;
  delete root.dataset.textSize;
});

describe('display settings', () => {
  it('fall back setting by setting when what is stored is damaged or unknown', () => {
    expect(parseDisplay(null)).toEqual({ textSize: 'standard', theme: 'system' });
    expect(parseDisplay('{not json')).toEqual({ textSize: 'standard', theme: 'system' });
    expect(parseDisplay('{"textSize":"huge","theme":"dark"}')).toEqual({ textSize: 'standard', theme: 'dark' });
    expect(parseDisplay('"large"')).toEqual({ textSize: 'standard', theme: 'system' });
  });

  it('follow the system theme until the learner chooses one', () => {
    const s = system(true);
    applyDisplay(readDisplay());
    expect(root.dataset.theme).toBe('dark');
    const stop = watchDisplay();
    s.set(false);
    expect(root.dataset.theme).toBe('light');
    saveDisplay({ textSize: 'larger', theme: 'dark' });
    s.set(false);
    expect(root.dataset).toMatchObject({ theme: 'dark', textSize: 'larger' });
    expect(JSON.parse(localStorage.getItem(DISPLAY_KEY)!)).toEqual({ textSize: 'larger', theme: 'dark' });
    stop();
  });

  it('print light whatever the theme, and come back after printing', () => {
    system(false);
    saveDisplay({ textSize: 'standard', theme: 'dark' });
    const stop = watchDisplay();
    window.dispatchEvent(new Event('beforeprint'));
    expect(root.dataset.theme).toBe('light');
    window.dispatchEvent(new Event('afterprint'));
    expect(root.dataset.theme).toBe('dark');
    stop();
  });

  it('are applied before the first paint by index.html with the same rules', () => {
    const html = readFileSync(resolve(process.cwd(), 'index.html'), 'utf8');
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;
    const stored = [null, '{bad', '{}', ...TEXT_SIZES.flatMap((textSize) => THEMES.map((theme) => JSON.stringify({ textSize, theme }))), '{"textSize":"x","theme":"y"}'];
    for (const text of stored)
      for (const dark of [false, true]) {
        localStorage.clear();
        if (text !== null) localStorage.setItem(DISPLAY_KEY, text);
        system(dark);
        new Function(script)();
        expect({ theme: root.dataset.theme, textSize: root.dataset.textSize }, `${text} / system dark ${dark}`).toEqual(resolveDisplay(parseDisplay(text), dark));
      }
  });
});
