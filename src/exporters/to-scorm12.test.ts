import { describe, expect, test } from 'vitest';
import { choiceInteraction, fixtureRecord } from './export-builders.ts';
import { SCORM12, type TruncationLog } from './limits.ts';
import { encodeResponse, interactionValues, lessonStatus, responseCodes, toScorm12 } from './to-scorm12.ts';

describe('cmi.core.lesson_status', () => {
  test('is decided by a passed or failed assessment, else by how far the learner got', () => {
    expect(lessonStatus({ completionStatus: 'completed', successStatus: 'passed' })).toBe('passed');
    expect(lessonStatus({ completionStatus: 'incomplete', successStatus: 'failed' })).toBe('failed');
    expect(lessonStatus({ completionStatus: 'completed', successStatus: 'unknown' })).toBe('completed');
    expect(lessonStatus({ completionStatus: 'incomplete', successStatus: 'unknown' })).toBe('incomplete');
    expect(lessonStatus({ completionStatus: 'not-attempted', successStatus: 'unknown' })).toBe('not attempted');
  });
});

describe('the SCORM 1.2 values', () => {
  test('give the score as the percentage of the best final attempt, on 0–100', () => {
    const { values } = toScorm12(fixtureRecord());
    expect([values['cmi.core.score.raw'], values['cmi.core.score.min'], values['cmi.core.score.max']]).toEqual(['75', '0', '100']);
    expect('cmi.core.score.raw' in toScorm12(fixtureRecord({ score: undefined })).values).toBe(false);
  });

  test('write a partly right answer as the points it earned, and a wrong one as "wrong"', () => {
    const log: TruncationLog = [];
    expect(interactionValues(choiceInteraction(3, { result: 'partial', score: 0.5 }), 0, log).values['cmi.interactions.0.result']).toBe('0.5');
    expect(interactionValues(choiceInteraction(3), 0, log).values['cmi.interactions.0.result']).toBe('wrong');
  });

  test('give choices codes by the alphabetical order of their ids, so reordering choices keeps each code', () => {
    const i = choiceInteraction(0, { choices: [{ id: 'zeta', text: 'z' }, { id: 'alpha', text: 'a' }] });
    const j = choiceInteraction(0, { choices: [{ id: 'alpha', text: 'a' }, { id: 'zeta', text: 'z' }] });
    expect([...responseCodes(i)!]).toEqual([...responseCodes(j)!]);
    expect(encodeResponse({ type: 'choice', ids: ['zeta', 'alpha'] }, responseCodes(i)!)).toBe('b,a');
    expect(encodeResponse({ type: 'matching', pairs: [['alpha', 'zeta']] }, responseCodes(i)!)).toBe('a.b');
    expect(encodeResponse({ type: 'true-false', value: false }, new Map())).toBe('f');
  });

  test('list each interaction’s codes beside the values, so a code can be read back as the choice id', () => {
    const out = toScorm12(fixtureRecord());
    expect(out.responseCodes['risk-gift']).toEqual({ a: 'accept', b: 'decline', c: 'hide' });
    expect(out.responseCodes['gift-case.offer']).toEqual({ a: 'refuse', b: 'take' });
  });
});

describe('the SCORM 1.2 limits', () => {
  test('CMIString4096: suspend data that fits is kept whole; longer suspend data is left out and listed', () => {
    expect(toScorm12(fixtureRecord({ suspendData: 'x'.repeat(SCORM12.CMIString4096) })).values['cmi.suspend_data']).toHaveLength(4096);
    const out = toScorm12(fixtureRecord({ suspendData: 'x'.repeat(SCORM12.CMIString4096 + 1) }));
    expect('cmi.suspend_data' in out.values).toBe(false);
    expect(out.truncations).toEqual([{ element: 'cmi.suspend_data', limit: 'SCORM12.CMIString4096', max: 4096, length: 4097, action: 'omitted' }]);
  });

  test('CMIString4096: an action plan longer than cmi.comments holds is cut and listed', () => {
    const r = fixtureRecord();
    const long = { ...r.actionPlan[0]!, action: '计'.repeat(5000) };
    const out = toScorm12({ ...r, actionPlan: [long] });
    expect(Array.from(out.values['cmi.comments']!)).toHaveLength(4096);
    expect(out.truncations).toEqual([expect.objectContaining({ element: 'cmi.comments', action: 'cut' })]);
  });

  test('CMIString255: a long learner name and resume point are cut and listed', () => {
    const r = fixtureRecord();
    const out = toScorm12({ ...r, learner: { ...r.learner, name: '名'.repeat(300) }, resume: { chapter: 'c'.repeat(300) } });
    expect(Array.from(out.values['cmi.core.student_name']!)).toHaveLength(255);
    expect(out.values['cmi.core.lesson_location']).toHaveLength(255);
    expect(out.truncations.map((t) => t.element)).toEqual(['cmi.core.student_name', 'cmi.core.lesson_location']);
  });

  test('CMIIdentifier: a student id with white space has it replaced, and a long interaction id is shortened', () => {
    const r = fixtureRecord();
    const out = toScorm12({ ...r, learner: { ...r.learner, employeeId: 'E 1024' }, interactions: [choiceInteraction(2, { id: 'q'.repeat(SCORM12.CMIIdentifier + 1) })] });
    expect(out.values['cmi.core.student_id']).toBe('E_1024');
    expect(out.values['cmi.interactions.0.id']).toHaveLength(255);
    expect(out.truncations.map((t) => [t.element, t.action])).toEqual([
      ['cmi.core.student_id', 'replaced-characters'],
      ['cmi.interactions.0.id', 'shortened-id'],
    ]);
  });

  test('36 response codes: an interaction with more choices keeps its result but not its responses, and says so', () => {
    const log: TruncationLog = [];
    expect(responseCodes(choiceInteraction(SCORM12.responseCodes))?.size).toBe(36);
    const { values } = interactionValues(choiceInteraction(SCORM12.responseCodes + 1), 0, log);
    expect(values['cmi.interactions.0.student_response']).toBeUndefined();
    expect(values['cmi.interactions.0.correct_responses.0.pattern']).toBeUndefined();
    expect(values['cmi.interactions.0.result']).toBe('wrong');
    expect(log).toEqual([{ element: 'cmi.interactions.0.student_response', limit: 'SCORM12.responseCodes', max: 36, length: 37, action: 'omitted' }]);
  });

  test('CMIFeedback: the longest response 36 codes can make (36 matching pairs) still fits in 255 characters', () => {
    const ids = Array.from({ length: 36 }, (_, k) => `p${String(k).padStart(2, '0')}`);
    const i = choiceInteraction(0, { type: 'matching', choices: ids.map((id) => ({ id, text: id })), targets: ids.map((id) => ({ id, text: id })) });
    const response = encodeResponse({ type: 'matching', pairs: ids.map((id) => [id, id]) }, responseCodes(i)!);
    expect(response.length).toBe(36 * 4 - 1);
    expect(response.length).toBeLessThanOrEqual(SCORM12.CMIFeedback);
  });
});
