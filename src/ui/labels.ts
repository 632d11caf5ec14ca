import type { TFunction } from '../i18n/index.ts';

/** "导言" / "第3部分" / "总结" for a chapter's part number. */
export function partLabel(t: TFunction, part: number): string {
  if (part === 0) return t('home.partIntro');
  if (part === 10) return t('home.partSummary');
  return t('home.partN', { n: part });
}

/**
 * A list in the interface's language: "导言、第1部分和第2部分" / "Introduction, Part 1 and Part 2"; a `series` (of
 * question numbers, say) has no "and": "2、3、5" / "2, 3, 5".
 */
export function listOf(language: string, items: readonly string[], kind: 'and' | 'series' = 'and'): string {
  return new Intl.ListFormat(language === 'en' ? 'en-GB' : 'zh-CN', { type: 'conjunction', style: kind === 'series' ? 'narrow' : 'long' }).format(items);
}

/** The part label beside a chapter's title, or nothing when it would only repeat the title (导言 / 导言). */
export function partLabelBeside(t: TFunction, part: number, title: string): string | undefined {
  const label = partLabel(t, part);
  return label === title ? undefined : label;
}

/** Active time as "1 小时 5 分钟" / "1 h 5 min". */
export function formatDuration(t: TFunction, ms: number): string {
  const minutes = Math.round(ms / 60000);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h ? t('time.hoursMinutes', { h, m }) : t('time.minutes', { m });
}
