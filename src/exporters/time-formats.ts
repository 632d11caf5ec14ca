/** The time notations the formats use, from epoch milliseconds and millisecond durations. All in UTC. */

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/**
 * SCORM 1.2 CMITimespan: HHHH:MM:SS.SS (hours 2–4 digits, hundredths optional). Durations past 9999 hours are
 * held at 9999:59:59.99, the most the type can say.
 */
export function cmiTimespan(ms: number): string {
  const cs = Math.min(Math.max(0, Math.round(ms / 10)), (9999 * 3600 + 3599) * 100 + 99);
  const h = Math.floor(cs / 360_000);
  const m = Math.floor((cs % 360_000) / 6000);
  const s = Math.floor((cs % 6000) / 100);
  const frac = cs % 100;
  return `${pad(h, 4)}:${pad(m)}:${pad(s)}${frac ? `.${pad(frac)}` : ''}`;
}

/** SCORM 1.2 CMITime: the time of day, HH:MM:SS (1.2 has no date in an interaction's time). */
export function cmiTime(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(11, 19);
}

/**
 * ISO 8601 duration to hundredths of a second: SCORM 2004 timeinterval (second,10,2) and xAPI result.duration,
 * e.g. PT1H2M3.5S; zero is PT0S.
 */
export function isoDuration(ms: number): string {
  const cs = Math.max(0, Math.round(ms / 10));
  const h = Math.floor(cs / 360_000);
  const m = Math.floor((cs % 360_000) / 6000);
  const s = (cs % 6000) / 100;
  const parts = `${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s ? `${Number(s.toFixed(2))}S` : ''}`;
  return `PT${parts || '0S'}`;
}

/**
 * SCORM 2004 time (second,10,0): YYYY-MM-DDThh:mm:ss.s with a time zone, which the type allows only after the
 * fraction of a second, so the fraction is always written (in hundredths).
 */
export function scorm2004Time(epochMs: number): string {
  const iso = new Date(epochMs).toISOString();
  return `${iso.slice(0, 19)}.${iso.slice(20, 22)}Z`;
}

/** xAPI 1.0.3 timestamp: ISO 8601 with milliseconds, in UTC. */
export function isoTimestamp(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

/** A spreadsheet-friendly UTC date-time, YYYY-MM-DDThh:mm:ssZ. */
export function isoSeconds(epochMs: number): string {
  return `${new Date(epochMs).toISOString().slice(0, 19)}Z`;
}
