import { describe, expect, test } from 'vitest';
import { cmiTime, cmiTimespan, isoDuration, isoSeconds, isoTimestamp, scorm2004Time } from './time-formats.ts';

const CMI_TIMESPAN = /^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/;
const T = Date.UTC(2026, 2, 1, 9, 5, 7, 456);

describe('SCORM 1.2 times', () => {
  test('write a duration as HHHH:MM:SS.SS', () => {
    expect(cmiTimespan(0)).toBe('0000:00:00');
    expect(cmiTimespan(2_652_500)).toBe('0000:44:12.50');
    expect(cmiTimespan(100 * 3_600_000 + 61_000)).toBe('0100:01:01');
    expect(cmiTimespan(-5)).toBe('0000:00:00');
  });

  test('hold a duration past 9999 hours at the largest CMITimespan', () => {
    expect(cmiTimespan(10_000 * 3_600_000)).toBe('9999:59:59.99');
    expect(cmiTimespan(10_000 * 3_600_000)).toMatch(CMI_TIMESPAN);
  });

  test('write an interaction time as the UTC time of day', () => {
    expect(cmiTime(T)).toBe('09:05:07');
  });
});

describe('ISO 8601 times', () => {
  test('write durations to the hundredth of a second, leaving out zero parts', () => {
    expect(isoDuration(0)).toBe('PT0S');
    expect(isoDuration(2_652_500)).toBe('PT44M12.5S');
    expect(isoDuration(3_600_000)).toBe('PT1H');
    expect(isoDuration(26 * 3_600_000 + 4)).toBe('PT26H');
    expect(isoDuration(45_678)).toBe('PT45.68S');
  });

  test('write a SCORM 2004 time with a fraction before the zone, and xAPI and CSV times in UTC', () => {
    expect(scorm2004Time(T)).toBe('2026-03-01T09:05:07.45Z');
    expect(isoTimestamp(T)).toBe('2026-03-01T09:05:07.456Z');
    expect(isoSeconds(T)).toBe('2026-03-01T09:05:07Z');
  });
});
