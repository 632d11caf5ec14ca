import validateStatement from '@learninglocker/xapi-validation';
import { describe, expect, test } from 'vitest';
import { buildCompletionRecord } from '../domain/completion-record.ts';
import { learnerProfile, recordCourse, T0 } from '../domain/completion-record-builders.ts';
import { emptyProgress } from '../domain/progress.ts';
import { fixtureRecord } from './export-builders.ts';
import { interactionStatement, toXapi, xapiContext } from './to-xapi.ts';

const UUID_V5 = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('xAPI statements', () => {
  test('get the same version-5 ids every time the same record is exported', () => {
    const a = toXapi(fixtureRecord()).statements.map((s) => s.id);
    const b = toXapi(fixtureRecord()).statements.map((s) => s.id);
    expect(a).toEqual(b);
    for (const id of a) expect(id).toMatch(UUID_V5);
  });

  test('keep the id of a statement when other parts of the record change', () => {
    const before = toXapi(fixtureRecord()).statements;
    const r = fixtureRecord();
    const later = toXapi({ ...r, time: { ...r.time, lastAccess: r.time.lastAccess + 3_600_000 } }).statements;
    const answered = (list: typeof before) => list.filter((s) => s.verb.id.endsWith('/answered')).map((s) => s.id);
    expect(answered(later)).toEqual(answered(before));
    expect(later.at(-1)!.id).not.toBe(before.at(-1)!.id);
  });

  test('give an outbox the same statement for one interaction as the full export holds', () => {
    const r = fixtureRecord();
    const ctx = xapiContext(r)!;
    const full = toXapi(r).statements;
    for (const i of r.interactions.slice(0, 3)) expect(full).toContainEqual(interactionStatement(ctx, i));
  });

  test('name a learner with an employee id by an account on the home page', () => {
    const s = toXapi(fixtureRecord()).statements[0]!;
    expect(s.actor).toEqual({ objectType: 'Agent', name: '李明', account: { homePage: 'https://hr.zhixing.example', name: 'E1024' } });
  });

  test('name a learner without an employee id by a name-based UUID of their local id, the same on every export', () => {
    const r = fixtureRecord();
    const anon = { ...r, learner: { localId: r.learner.localId, name: r.learner.name } };
    const a = toXapi(anon).statements[0]!.actor.account;
    expect(a.homePage).toBe('https://hr.zhixing.example');
    expect(a.name).toMatch(UUID_V5);
    expect(toXapi(anon).statements[0]!.actor.account.name).toBe(a.name);
    expect(toXapi({ ...anon, learner: { ...anon.learner, localId: 'other' } }).statements[0]!.actor.account.name).not.toBe(a.name);
  });

  test('use one registration per enrolment: a new first launch is a new registration', () => {
    const r = fixtureRecord();
    const reg = xapiContext(r)!.registration;
    expect(reg).toMatch(UUID_V5);
    expect(xapiContext({ ...r, time: { ...r.time, firstLaunch: T0 + 1 } })!.registration).not.toBe(reg);
  });

  test('put activity ids under the course base, keyed on author-written ids', () => {
    const ids = new Set(toXapi(fixtureRecord()).statements.map((s) => s.object.id));
    const base = 'https://training.zhixing.example/xapi/zhixing-compliance';
    expect(ids).toContain(`${base}/questions/risk-gift`);
    expect(ids).toContain(`${base}/scenarios/gift-case/steps/offer`);
    expect(ids).toContain(`${base}/chapters/risk`);
    expect(ids).toContain(`${base}/assessments/final-exam`);
    for (const id of ids) expect(id.startsWith(base)).toBe(true);
  });

  test('describe a matching question by its source and target components', () => {
    const s = toXapi(fixtureRecord()).statements.find((x) => x.object.id.endsWith('/risk-terms'))!;
    expect(s.object.definition).toMatchObject({
      interactionType: 'matching',
      correctResponsesPattern: ['kyc[.]kyc[,]aml[.]aml'],
      source: [{ id: 'kyc', description: { 'zh-CN': 'KYC' } }, { id: 'aml', description: { 'zh-CN': 'AML' } }],
      target: [{ id: 'kyc', description: { 'zh-CN': '了解你的客户' } }, { id: 'aml', description: { 'zh-CN': '反洗钱' } }],
    });
    expect(s.result).toMatchObject({ success: false, response: 'kyc[.]aml[,]aml[.]kyc' });
  });

  test('score a decision that loses points between its lowest and highest option, scaled within −1…1', () => {
    const r = fixtureRecord();
    const loss = { ...r.interactions.find((i) => i.kind === 'scenario-decision')!, score: -2, minScore: -4, weight: 2, result: 'incorrect' as const };
    const s = interactionStatement(xapiContext(r)!, loss);
    expect(s.result?.score).toEqual({ scaled: -0.5, raw: -2, min: -4, max: 2 });
    expect(validateStatement(s)).toEqual([]);
  });

  test('are none when the course states no records settings, and say what is missing', () => {
    expect(toXapi(fixtureRecord({ course: { ...fixtureRecord().course, records: undefined } }))).toEqual({ format: 'xapi', version: '1.0.3', statements: [], missing: 'records' });
  });

  test('are none for a learner who never launched the course', () => {
    const r = buildCompletionRecord({ ...recordCourse(), learner: learnerProfile(), progress: emptyProgress('1.2.0'), now: T0 });
    expect(toXapi(r).statements).toEqual([]);
  });

  test('of a learner part way, with no employee id, pass the validator', () => {
    const r = fixtureRecord();
    const part = { ...r, learner: { localId: 'lrn-1', name: 'Wang Fang' }, completionStatus: 'incomplete' as const, successStatus: 'unknown' as const, score: undefined, attempts: [], chapters: r.chapters.map((c) => ({ ...c, completedAt: undefined })) };
    const statements = toXapi(part).statements;
    expect(statements.map((s) => s.verb.id.split('/').at(-1))).not.toContain('completed');
    for (const s of statements) expect(validateStatement(s)).toEqual([]);
  });
});
