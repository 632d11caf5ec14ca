import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { learnerProfile, recordCourse } from './completion-record-builders.ts';
import type { CompletionRecord, InteractionRecord } from './completion-record.ts';
import { toCsv } from '../exporters/to-csv.ts';
import { createTransfer, transferText } from './transfer.ts';
import { simulatedLearners, simulatedRecords } from './training-report-builders.ts';
import { aggregate, dedupe, filterLearners, findCertificate, importRecords, learnerFromRecord, parseCsv, readReportFile, sortLearners, type ReportAnswer, type ReportContext, type ReportFile, type ReportLearner } from './training-report.ts';

const sha256 = async (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const { manifest, items } = recordCourse();
const NOW = Date.UTC(2026, 5, 1);
const ctx: ReportContext = { manifest, items, sha256, now: NOW };

/** The independent computation: first responses picked by time, point-biserial by its textbook formula. */
function expectedItem(records: CompletionRecord[], id: string) {
  const firsts = records.map((r) => {
    const qs = r.interactions.filter((i) => i.kind !== 'scenario-decision' && i.weight > 0);
    const byId = new Map<string, InteractionRecord>();
    for (const i of [...qs].sort((a, b) => a.at - b.at)) if (!byId.has(`${i.kind}:${i.id}`)) byId.set(`${i.kind}:${i.id}`, i);
    return [...byId.values()];
  });
  const pairs: { x: number; rest: number }[] = [];
  let n = 0;
  let correct = 0;
  for (const list of firsts) {
    const mine = list.find((i) => i.id === id);
    if (!mine) continue;
    n++;
    const x = mine.result === 'correct' ? 1 : 0;
    correct += x;
    const others = list.filter((i) => i !== mine);
    const w = others.reduce((s, i) => s + i.weight, 0);
    if (w > 0) pairs.push({ x, rest: others.reduce((s, i) => s + i.score, 0) / w });
  }
  const mean = pairs.reduce((s, p) => s + p.rest, 0) / pairs.length;
  const sd = Math.sqrt(pairs.reduce((s, p) => s + (p.rest - mean) ** 2, 0) / pairs.length);
  const ones = pairs.filter((p) => p.x === 1);
  const zeros = pairs.filter((p) => p.x === 0);
  const m1 = ones.reduce((s, p) => s + p.rest, 0) / ones.length;
  const m0 = zeros.reduce((s, p) => s + p.rest, 0) / zeros.length;
  const p = ones.length / pairs.length;
  const pointBiserial = ((m1 - m0) / sd) * Math.sqrt(p * (1 - p));
  const sorted = pairs.map((q, k) => ({ ...q, k })).sort((a, b) => b.rest - a.rest || a.k - b.k);
  const g = Math.round(pairs.length * 0.27);
  const upperLower = sorted.slice(0, g).reduce((s, q) => s + q.x, 0) / g - sorted.slice(-g).reduce((s, q) => s + q.x, 0) / g;
  return { n, correct, facility: correct / n, pointBiserial, upperLower };
}

describe('the training report over 1,000 learners', () => {
  const records = simulatedRecords(manifest, items, 1000, { inverted: 'risk-steps' });
  const learners = records.map((r, k) => learnerFromRecord(r, `learner-${k}.json`));
  const report = aggregate(learners);

  test('counts learners, completions and passes as the records state them', () => {
    const completed = records.filter((r) => r.completionStatus === 'completed').length;
    const passed = records.filter((r) => r.successStatus === 'passed').length;
    const failed = records.filter((r) => r.successStatus === 'failed').length;
    const scores = records.flatMap((r) => (r.score ? [r.score.percent] : []));
    expect(report.learners).toBe(1000);
    expect([report.completed, report.passed, report.statuses.failed]).toEqual([completed, passed, failed]);
    expect(report.completionRate).toBeCloseTo(completed / 1000, 4);
    expect(report.passRate).toBeCloseTo(passed / 1000, 4);
    expect(report.passRateOfTaken).toBeCloseTo(passed / (passed + failed), 4);
    expect(report.averageScore).toBeCloseTo(scores.reduce((a, b) => a + b, 0) / scores.length, 2);
    // the fixture is spread: some never start, some fail, most pass
    expect(report.statuses['not-attempted']).toBeGreaterThan(20);
    expect(failed).toBeGreaterThan(20);
    expect(passed).toBeGreaterThan(200);
  });

  test('gives each question the facility and both discrimination indices of an independent computation', () => {
    expect(report.questions.map((q) => q.id).sort()).toEqual(['final-duty', 'final-hotline', 'final-plan', 'final-review', 'risk-gift', 'risk-report', 'risk-signals', 'risk-steps', 'risk-terms']);
    for (const q of report.questions) {
      const e = expectedItem(records, q.id);
      expect([q.id, q.responses, q.correct]).toEqual([q.id, e.n, e.correct]);
      expect(q.facility).toBeCloseTo(e.facility, 4);
      expect(q.pointBiserial).toBeCloseTo(e.pointBiserial, 4);
      expect(q.upperLower).toBeCloseTo(e.upperLower, 4);
    }
  });

  test('flags the question weaker learners get right, and names the hardest question and the weakest part', () => {
    const inverted = report.questions.find((q) => q.id === 'risk-steps')!;
    expect(inverted.pointBiserial).toBeLessThan(0);
    expect(inverted.upperLower).toBeLessThan(0);
    expect(inverted.flags).toContain('negative-discrimination');
    expect(report.questions.filter((q) => q.id !== 'risk-steps').every((q) => (q.pointBiserial ?? 0) > 0)).toBe(true);
    const lowest = Math.min(...report.questions.map((q) => q.facility));
    expect(report.hardestQuestion!.facility).toBe(lowest);
    for (const q of report.questions) expect(q.flags.includes('too-easy')).toBe(q.facility > 0.9);
    for (const q of report.questions) expect(q.flags.includes('too-hard')).toBe(q.facility < 0.3);
    expect(report.weakestPart!.averagePercent).toBe(Math.min(...report.parts.map((p) => p.averagePercent)));
    expect(report.parts.map((p) => p.part)).toEqual([1, 10]);
  });

  test('names the most chosen wrong answer with its text', () => {
    const gift = report.questions.find((q) => q.id === 'risk-gift')!;
    const counts = new Map<string, number>();
    for (const r of records) {
      const first = r.interactions.find((i) => i.id === 'risk-gift');
      if (first && first.result !== 'correct' && first.response.type === 'choice') for (const id of first.response.ids) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    const [topId, topCount] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]!;
    expect(gift.mostChosenWrong).toEqual({ key: topId, text: topId === 'accept' ? '收下后再说' : '私下处理', count: topCount });
  });

  test('counts scenario outcomes over the learners who began the scenario', () => {
    const began = records.filter((r) => r.chapters[0]!.scenarios[0]!.runs > 0);
    const s = report.scenarios.find((x) => x.id === 'gift-case')!;
    expect(s.learners).toBe(began.length);
    expect(s.outcomes.reduce((a, o) => a + o.count, 0) + s.unfinished).toBe(began.length);
    const good = began.filter((r) => r.chapters[0]!.scenarios[0]!.outcome?.rating === 'good').length;
    expect(s.outcomes.find((o) => o.rating === 'good')!.count).toBe(good);
  });

  test('filters by department, status and certificates expiring soon, and sorts with rows lacking a value last', () => {
    const inSales = filterLearners(learners, { department: '营业部' }, '2026-06-01');
    expect(inSales.length).toBe(250);
    const failed = filterLearners(learners, { status: 'failed' }, '2026-06-01');
    expect(failed.every((l) => l.success === 'failed')).toBe(true);
    const withCert = learners.filter((l) => l.certificate);
    const until = withCert.map((l) => l.certificate!.validUntil).sort();
    const soon = filterLearners(learners, { expiringWithinDays: 0 }, until[0]!);
    expect(soon.length).toBe(until.filter((d) => d === until[0]).length);
    const sorted = sortLearners(learners, 'score', 'descending');
    expect(sorted[0]!.score).toBe(Math.max(...learners.flatMap((l) => (l.score !== undefined ? [l.score] : []))));
    expect(sorted.at(-1)!.score).toBeUndefined();
  });
});

/** A learner who answered only what is given: [question id, correct] (one point each). */
function answering(k: number, given: [string, boolean][]): ReportLearner {
  const answers: ReportAnswer[] = given.map(([id, correct]) => ({ key: `assessment-question:${id}`, id, kind: 'assessment-question', part: 10, type: 'truefalse', prompt: id, correct, score: correct ? 1 : 0, weight: 1, wrong: correct ? [] : [{ key: 'false' }] }));
  return { file: `l${k}.json`, kind: 'transfer', courseId: 'c', courseVersion: '1', localId: `l${k}`, name: `L${k}`, status: 'incomplete', completion: 'incomplete', success: 'unknown', activeMs: 0, lastAccess: 0, answers };
}

describe('the upper and lower groups', () => {
  test('take learners tied on rest score in reading order: the upper group the earliest, the lower group the latest', () => {
    // eight learners, all with the same rest score (the other question right): groups of round(8 × 0.27) = 2
    const tied = [true, true, false, false, true, false, false, false].map((q, k) => answering(k, [['q', q], ['other', true]]));
    expect(aggregate(tied).questions.find((q) => q.id === 'q')!.upperLower).toBe(1);
    // the same answers read in the opposite order: now the lower group holds the two right answers
    expect(aggregate([...tied].reverse()).questions.find((q) => q.id === 'q')!.upperLower).toBe(-1);
  });

  test('put a higher rest score above any tie', () => {
    // learner 7 has the best rest score and gets q right; learners 0–6 tie on a lower one
    const others: [string, boolean][] = [['a', false], ['b', false]];
    const group = [true, false, false, true, false, false, false].map((q, k) => answering(k, [['q', q], ...others]));
    const best = answering(7, [['q', true], ['a', true], ['b', true]]);
    // upper: learner 7 and the earliest tie, learner 0 (both right); lower: the latest ties, 6 and 5 (both wrong)
    expect(aggregate([...group, best]).questions.find((q) => q.id === 'q')!.upperLower).toBe(1);
  });

  test('come out the same for a small report made after a large one', () => {
    const small = simulatedRecords(manifest, items, 40).map((r, k) => learnerFromRecord(r, `s${k}`));
    const alone = aggregate(small);
    aggregate(simulatedRecords(manifest, items, 300).map((r, k) => learnerFromRecord(r, `b${k}`)));
    expect(aggregate(small)).toEqual(alone);
  });
});

async function transferFile(name: string, learner = simulatedLearners(manifest, items, 1)[0]!): Promise<{ name: string; text: string }> {
  return { name, text: transferText(await createTransfer({ manifest, items, learner: learner.learner, progress: learner.progress, now: NOW, sha256 })) };
}

describe('importing files', () => {
  test('reports each bad file by name with its reason, and still imports the good ones', async () => {
    const good = await transferFile('good.json');
    const other = await createTransfer({ ...recordCourse({ id: 'other-course' }), learner: learnerProfile(), progress: simulatedLearners(manifest, items, 1)[0]!.progress, now: NOW, sha256 });
    const files: ReportFile[] = [
      good,
      { name: 'cut.json', text: good.text.slice(0, 300) },
      { name: 'edited.json', text: good.text.replace('学员1', '学员999') },
      { name: 'other.json', text: transferText(other) },
      { name: 'notes.txt', text: 'hello' },
      { name: 'empty.json', text: '   ' },
      { name: 'answers.csv', text: toCsv(simulatedRecords(manifest, items, 1)).interactions },
    ];
    const seen: number[] = [];
    const result = await importRecords(files, ctx, (done) => seen.push(done));
    expect(result.learners.map((l) => l.file)).toEqual(['good.json']);
    expect(result.problems).toEqual([
      { file: 'cut.json', reason: { kind: 'truncated' } },
      { file: 'edited.json', reason: { kind: 'edited' } },
      { file: 'other.json', reason: { kind: 'other-course', courseId: 'other-course' } },
      { file: 'notes.txt', reason: { kind: 'unknown-format' } },
      { file: 'empty.json', reason: { kind: 'empty' } },
      { file: 'answers.csv', reason: { kind: 'interactions-csv' } },
    ]);
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  test('reads the summary CSV the exporter writes, row by row, and reports a bad row without losing the others', async () => {
    const records = simulatedRecords(manifest, items, 5, {}, 3);
    const csv = toCsv(records).summary;
    const lines = csv.split('\r\n');
    const broken = [...lines.slice(0, 2), lines[2]!.replace(/,(completed|incomplete|not-attempted),/, ',done,'), ...lines.slice(3)].join('\r\n');
    const read = await readReportFile({ name: 'summary.csv', text: broken }, ctx);
    expect(read.problems).toEqual([{ file: 'summary.csv', reason: { kind: 'csv-bad-value', row: 2, column: 'completion_status' } }]);
    expect(read.learners.map((l) => l.localId)).toEqual([0, 2, 3, 4].map((k) => records[k]!.learner.localId));
    const first = read.learners[0]!;
    expect(first).toMatchObject({ kind: 'csv', row: 1, name: records[0]!.learner.name, department: records[0]!.learner.department, completion: records[0]!.completionStatus, success: records[0]!.successStatus });
    expect(first.score).toBe(records[0]!.score?.percent);
    const missing = await readReportFile({ name: 'cut.csv', text: 'course_id,learner_name\r\nzhixing-compliance,李明\r\n' }, ctx);
    expect(missing.problems[0]!.reason).toMatchObject({ kind: 'csv-missing-columns', columns: expect.arrayContaining(['learner_local_id', 'completion_status']) });
  });

  test('keeps the newest of two records of one learner, or of one employee id, and says which it left out', async () => {
    const [a] = simulatedLearners(manifest, items, 1);
    const older = await transferFile('older.json', { ...a!, progress: { ...a!.progress, updatedAt: a!.progress.updatedAt - 1000 } });
    const newer = await transferFile('newer.json', a!);
    const records = simulatedRecords(manifest, items, 1);
    // the same employee under another local id (a second device), in an old CSV
    const csv = toCsv([{ ...records[0]!, learner: { ...records[0]!.learner, localId: 'lrn-other' }, time: { ...records[0]!.time, lastAccess: 1 } }]).summary;
    const result = await importRecords([older, newer, { name: 'old.csv', text: csv }], ctx);
    expect(result.learners.map((l) => l.file)).toEqual(['newer.json']);
    expect(result.duplicates).toEqual([
      { name: a!.learner.name, kept: 'newer.json', dropped: 'older.json' },
      { name: a!.learner.name, kept: 'newer.json', dropped: 'old.csv #1' },
    ]);
  });

  test('checks each certificate number against its record and finds a learner by the printed verification code', async () => {
    const passed = simulatedLearners(manifest, items, 40).find((l) => l.progress.certificates?.length)!;
    const good = await readReportFile(await transferFile('ok.json', passed), ctx);
    const cert = good.learners[0]!.certificate!;
    expect(cert.check).toBe('matches');
    expect(cert.code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const forged = { ...passed, progress: { ...passed.progress, certificates: passed.progress.certificates!.map((c) => ({ ...c, number: 'ZC-2026-AAAAAAAAAA' })) } };
    const bad = await readReportFile(await transferFile('forged.json', forged), ctx);
    expect(bad.learners[0]!.certificate!.check).toBe('mismatch');
    expect(findCertificate(good.learners, cert.code!.toLowerCase().replace('-', ''))).toHaveLength(1);
    expect(findCertificate(good.learners, 'ZZZZ-ZZZZ')).toEqual([]);
  });

  test('dedupe keeps rows in the order they were read', () => {
    const rs = simulatedRecords(manifest, items, 3).map((r, k) => learnerFromRecord(r, `f${k}`));
    expect(dedupe(rs).learners.map((l) => l.file)).toEqual(['f0', 'f1', 'f2']);
  });

  test('parses RFC 4180 quoting: commas, doubled quotes and line breaks inside a field', () => {
    expect(parseCsv('a,b\r\n"x, y","say ""hi""\nthere"\r\n')).toEqual([['a', 'b'], ['x, y', 'say "hi"\nthere']]);
  });
});
