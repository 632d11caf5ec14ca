import { describe, expect, test } from 'vitest';
import type { InteractionRecord } from '../domain/completion-record.ts';
import { choiceInteraction, fixtureRecord } from './export-builders.ts';
import { SCORM2004, type TruncationLog } from './limits.ts';
import { completionStatus, interactionValues, toScorm2004 } from './to-scorm2004.ts';

const interactions = (n: number): InteractionRecord[] => Array.from({ length: n }, (_, k) => choiceInteraction(2, { key: `k${k}`, id: `q${k}`, at: Date.UTC(2026, 2, 1) + k * 1000 }));

describe('the SCORM 2004 values', () => {
  test('carry completion and success apart, and the score scaled from the best final attempt', () => {
    const { values } = toScorm2004(fixtureRecord());
    expect([values['cmi.completion_status'], values['cmi.success_status'], values['cmi.score.scaled'], values['cmi.score.raw'], values['cmi.score.max']]).toEqual(['completed', 'passed', '0.75', '3', '4']);
    expect(completionStatus({ completionStatus: 'not-attempted' })).toBe('not attempted');
  });

  test('write every best option of a decision as a correct response, and responses in [,] and [.] patterns', () => {
    const { values } = toScorm2004(fixtureRecord());
    const n = (id: string) => Object.entries(values).find(([k, v]) => /interactions\.\d+\.id$/.test(k) && v === id)![0].split('.')[2];
    expect(values[`cmi.interactions.${n('risk-terms')}.learner_response`]).toBe('kyc[.]aml[,]aml[.]kyc');
    expect(values[`cmi.interactions.${n('risk-signals')}.correct_responses.0.pattern`]).toBe('relative[,]gift');
    const log: TruncationLog = [];
    const decision = choiceInteraction(3, { type: 'choice', correct: [{ type: 'choice', ids: ['c0'] }, { type: 'choice', ids: ['c2'] }] });
    const v = interactionValues(decision, 0, 'zh-CN', log);
    expect([v['cmi.interactions.0.correct_responses.0.pattern'], v['cmi.interactions.0.correct_responses.1.pattern']]).toEqual(['c0', 'c2']);
  });

  test('write a partly right answer as the points it earned', () => {
    expect(interactionValues(choiceInteraction(2, { result: 'partial', score: 1.5 }), 0, 'zh-CN', [])['cmi.interactions.0.result']).toBe('1.5');
  });
});

describe('the SCORM 2004 limits', () => {
  test('suspend_data SPM 64000: kept whole up to the limit, left out and listed beyond it', () => {
    expect(toScorm2004(fixtureRecord({ suspendData: 'x'.repeat(SCORM2004.suspendData) })).values['cmi.suspend_data']).toHaveLength(64000);
    const out = toScorm2004(fixtureRecord({ suspendData: 'x'.repeat(SCORM2004.suspendData + 1) }));
    expect('cmi.suspend_data' in out.values).toBe(false);
    expect(out.truncations).toEqual([{ element: 'cmi.suspend_data', limit: 'SCORM2004.suspendData', max: 64000, length: 64001, action: 'omitted' }]);
  });

  test('location SPM 1000 and learner_name SPM 250: cut and listed', () => {
    const r = fixtureRecord();
    const out = toScorm2004({ ...r, learner: { ...r.learner, name: '名'.repeat(251) }, resume: { chapter: 'c'.repeat(1001) } });
    expect(out.values['cmi.learner_name']).toBe(`{lang=zh-CN}${'名'.repeat(250)}`);
    expect(out.values['cmi.location']).toHaveLength(1000);
    expect(out.truncations.map((t) => t.limit)).toEqual(['SCORM2004.localizedString250', 'SCORM2004.location']);
  });

  test('learner_id and interaction ids, long_identifier_type SPM 4000: shortened with a hash and listed', () => {
    const r = fixtureRecord();
    const out = toScorm2004({ ...r, learner: { ...r.learner, employeeId: 'e'.repeat(4001) }, interactions: [choiceInteraction(2, { id: 'q'.repeat(4001) })] });
    expect(out.values['cmi.learner_id']).toHaveLength(4000);
    expect(out.values['cmi.interactions.0.id']).toHaveLength(4000);
    expect(out.truncations.filter((t) => t.action === 'shortened-id').map((t) => t.element)).toEqual(['cmi.learner_id', 'cmi.interactions.0.id']);
  });

  test('interactions SPM 250: the latest 250 are kept and the rest listed as dropped', () => {
    const out = toScorm2004(fixtureRecord({ interactions: interactions(252) }));
    expect(out.values['cmi.interactions.0.id']).toBe('q2');
    expect(out.values['cmi.interactions.249.id']).toBe('q251');
    expect('cmi.interactions.250.id' in out.values).toBe(false);
    expect(out.truncations).toEqual([{ element: 'cmi.interactions', limit: 'SCORM2004.interactions', max: 250, length: 252, action: 'dropped' }]);
  });

  test('objectives SPM 100 and comments_from_learner SPM 250: the first ones are kept and the rest listed', () => {
    const r = fixtureRecord();
    const chapters = Array.from({ length: 101 }, (_, k) => ({ ...r.chapters[0]!, id: `ch${k}` }));
    const plan = Array.from({ length: 251 }, (_, k) => ({ ...r.actionPlan[0]!, itemId: `i${k}` }));
    const out = toScorm2004({ ...r, chapters, actionPlan: plan });
    expect(out.values['cmi.objectives.99.id']).toBe('ch99');
    expect('cmi.objectives.100.id' in out.values).toBe(false);
    expect(out.values['cmi.comments_from_learner.249.location']).toBe('summary/my-plan/i249');
    expect(out.truncations.map((t) => [t.element, t.length])).toEqual([
      ['cmi.comments_from_learner', 251],
      ['cmi.objectives', 102],
    ]);
  });

  test('comment SPM 4000 and description SPM 250: cut and listed', () => {
    const r = fixtureRecord();
    const out = toScorm2004({ ...r, actionPlan: [{ ...r.actionPlan[0]!, action: '计'.repeat(4100) }], interactions: [choiceInteraction(2, { description: '问'.repeat(300) })] });
    expect(Array.from(out.values['cmi.comments_from_learner.0.comment']!)).toHaveLength('{lang=zh-CN}'.length + 4000);
    expect(Array.from(out.values['cmi.interactions.0.description']!)).toHaveLength('{lang=zh-CN}'.length + 250);
    expect(out.truncations.map((t) => t.element)).toEqual(['cmi.comments_from_learner.0.comment', 'cmi.interactions.0.description']);
  });

  test('comments_from_learner location SPM 250: cut and listed', () => {
    const r = fixtureRecord();
    const out = toScorm2004({ ...r, actionPlan: [{ ...r.actionPlan[0]!, itemId: 'i'.repeat(300) }] });
    expect(out.values['cmi.comments_from_learner.0.location']).toHaveLength(250);
    expect(out.truncations).toEqual([{ element: 'cmi.comments_from_learner.0.location', limit: 'SCORM2004.commentLocation', max: 250, length: 'summary/my-plan/'.length + 300, action: 'cut' }]);
  });

  test('correct_responses SPM per type: a decision with more than 10 best options keeps the first 10', () => {
    const log: TruncationLog = [];
    const correct = Array.from({ length: 12 }, (_, k) => ({ type: 'choice' as const, ids: [`c${k}`] }));
    const v = interactionValues(choiceInteraction(12, { correct }), 0, 'zh-CN', log);
    expect(v['cmi.interactions.0.correct_responses.9.pattern']).toBe('c9');
    expect('cmi.interactions.0.correct_responses.10.pattern' in v).toBe(false);
    expect(log).toEqual([{ element: 'cmi.interactions.0.correct_responses', limit: 'SCORM2004.correctResponses.choice', max: 10, length: 12, action: 'dropped' }]);
  });

  test('36 items, 250-character ids and 4000 characters per response: a pattern that breaks one is left out and listed', () => {
    const cases: [InteractionRecord, string][] = [
      [choiceInteraction(37), 'SCORM2004.responseItems'],
      [choiceInteraction(1, {}, 'x'.repeat(251)), 'SCORM2004.shortIdentifier'],
      [choiceInteraction(36, {}, 'y'.repeat(120)), 'SCORM2004.learnerResponse'],
    ];
    for (const [i, limit] of cases) {
      const log: TruncationLog = [];
      const v = interactionValues({ ...i, correct: [] }, 0, 'zh-CN', log);
      expect(v['cmi.interactions.0.learner_response'], limit).toBeUndefined();
      expect(log.map((t) => [t.element, t.limit, t.action])).toEqual([['cmi.interactions.0.learner_response', limit, 'omitted']]);
    }
    expect(interactionValues(choiceInteraction(36), 0, 'zh-CN', [])['cmi.interactions.0.learner_response']).toBeDefined();
  });
});
