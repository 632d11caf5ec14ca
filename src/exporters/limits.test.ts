import { describe, expect, test } from 'vitest';
import { fitCharacters, fitId, fitList, fitText, fitWhole, SCORM12, type TruncationLog } from './limits.ts';

describe('the truncation policy', () => {
  test('keeps text within the limit as it is and logs nothing', () => {
    const log: TruncationLog = [];
    expect(fitText('合规', 2, 'e', 'L', log)).toBe('合规');
    expect(log).toEqual([]);
  });

  test('cuts text at the limit counted in characters, never inside a surrogate pair, and logs the cut', () => {
    const log: TruncationLog = [];
    expect(fitText('😀😀😀', 2, 'cmi.core.student_name', 'SCORM12.CMIString255', log)).toBe('😀😀');
    expect(log).toEqual([{ element: 'cmi.core.student_name', limit: 'SCORM12.CMIString255', max: 2, length: 3, action: 'cut' }]);
  });

  test('shortens a long identifier to the limit with a hash of the whole, so two long ids stay apart', () => {
    const log: TruncationLog = [];
    const a = fitId('x'.repeat(300) + 'a', SCORM12.CMIIdentifier, 'id', 'SCORM12.CMIIdentifier', log);
    const b = fitId('x'.repeat(300) + 'b', SCORM12.CMIIdentifier, 'id', 'SCORM12.CMIIdentifier', log);
    expect(a).toHaveLength(255);
    expect(a).toMatch(/^x{246}-[0-9a-f]{8}$/);
    expect(a).not.toBe(b);
    expect(log.map((t) => t.action)).toEqual(['shortened-id', 'shortened-id']);
  });

  test('leaves out a value that is useless when cut, and logs it', () => {
    const log: TruncationLog = [];
    expect(fitWhole('abcd', 3, 'cmi.suspend_data', 'SCORM12.CMIString4096', log)).toBeUndefined();
    expect(fitWhole('abc', 3, 'cmi.suspend_data', 'SCORM12.CMIString4096', log)).toBe('abc');
    expect(log).toEqual([{ element: 'cmi.suspend_data', limit: 'SCORM12.CMIString4096', max: 3, length: 4, action: 'omitted' }]);
  });

  test('drops the entries over a count limit from the chosen end, and logs how many there were', () => {
    const log: TruncationLog = [];
    expect(fitList([1, 2, 3, 4], 2, 'cmi.interactions', 'SCORM2004.interactions', log)).toEqual([3, 4]);
    expect(fitList([1, 2, 3, 4], 2, 'cmi.objectives', 'SCORM2004.objectives', log, 'first')).toEqual([1, 2]);
    expect(log.map((t) => [t.element, t.length, t.action])).toEqual([
      ['cmi.interactions', 4, 'dropped'],
      ['cmi.objectives', 4, 'dropped'],
    ]);
  });

  test('replaces characters a format does not allow, and logs it', () => {
    const log: TruncationLog = [];
    expect(fitCharacters('E 10 24', /^[\x21-\x7e]$/, 'cmi.core.student_id', 'SCORM12.CMIIdentifier', 255, log)).toBe('E_10_24');
    expect(log[0]).toMatchObject({ action: 'replaced-characters', length: 7 });
  });
});
