/**
 * The learner's own calendar, from the browser's time zone: certificate dates are the days the learner lives
 * in, so a certificate earned late in the evening in Beijing is dated that Beijing day.
 */
import type { Calendar } from '../domain/certificate.ts';

const pad = (n: number) => String(n).padStart(2, '0');

export const localCalendar: Calendar = {
  dateOf(ms) {
    const d = new Date(ms);
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  },
};

/** A yyyy-mm-dd calendar date in words, in the interface's language ("2027年3月3日" / "3 March 2027"). */
export function formatCalendarDate(date: string, language: string): string {
  const [y, m, d] = date.split('-').map((x) => Number.parseInt(x, 10));
  // noon UTC of that day, formatted in UTC: the same day whatever the zone
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1, 12)).toLocaleDateString(language === 'en' ? 'en-GB' : 'zh-CN', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
}
