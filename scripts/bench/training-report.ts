/**
 * The training report's figures, in node, with the pure module the trainer page's import worker runs:
 * - import: 1,000 transfer files of the real course (each ~0.4 MB: JSON, digest, restore, completion record), read
 *   one at a time as the worker reads them; 10,000 files estimated from that rate (the work is per file, and the
 *   bench keeps its run short);
 * - aggregate: rates, parts, scenarios and item statistics over 1,000 learners, and over 10,000 (the 1,000
 *   imported learners ten times over, under new ids), the median of five runs. Budget: 10,000 in under 500 ms.
 * Learners are simulated with the player's own progress updates (src/domain/training-report-builders.ts).
 */
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { createTransfer, transferText } from '../../src/domain/transfer.ts';
import { simulatedLearners } from '../../src/domain/training-report-builders.ts';
import { aggregate, dedupe, readReportFile, type ReportLearner } from '../../src/domain/training-report.ts';
import { ContentError } from '../content/errors.ts';
import { loadCourse } from '../content/load-course.ts';
import { BUDGETS } from './budgets.ts';
import { median, spreadOf, type Figure, type ModuleResult } from './figures.ts';

const sha256 = async (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const N = 1000;
const RUNS = 5;
/** runs before the timed ones, not counted: the first run compiles the hot loops as it goes and takes two to three
 * times a compiled one (about 700 ms of CPU over 10,000 learners on this machine, against 200–300 ms); the budget
 * is for compiled code */
const WARMUP = 5;

function timeAggregate(learners: readonly ReportLearner[]): { ms: number; times: number[]; questions: number } {
  const times: number[] = [];
  let questions = 0;
  for (let w = 0; w < WARMUP; w++) aggregate(learners);
  for (let r = 0; r < RUNS; r++) {
    const t = performance.now();
    questions = aggregate(learners).questions.length;
    times.push(performance.now() - t);
  }
  return { ms: Math.round(median(times) * 10) / 10, times, questions };
}

export async function measureTrainingReport(root: string): Promise<ModuleResult> {
  const { manifest, interactive, bank, problems } = loadCourse(root);
  if (problems.length || !manifest) throw new ContentError(problems);
  const items = { chapters: interactive, bank };
  const now = Date.UTC(2026, 5, 1);
  const ctx = { manifest, items, sha256, now };

  let made = 0;
  let importMs = 0;
  let chars = 0;
  const read: ReportLearner[] = [];
  for (const l of simulatedLearners(manifest, items, N)) {
    const t0 = performance.now();
    const text = transferText(await createTransfer({ manifest, items, learner: l.learner, progress: l.progress, now, sha256 }));
    const t1 = performance.now();
    const r = await readReportFile({ name: `${l.learner.id}.json`, text }, ctx);
    importMs += performance.now() - t1;
    made += t1 - t0;
    chars += text.length;
    if (r.problems.length) throw new Error(`a bench file does not import: ${JSON.stringify(r.problems[0])}`);
    read.push(...r.learners);
  }
  const t2 = performance.now();
  const learners = dedupe(read).learners;
  importMs += performance.now() - t2;
  if (learners.length !== N) throw new Error(`the bench import kept ${learners.length} of ${N} learners`);
  const ten = Array.from({ length: 10 }, (_, k) => learners.map((l) => ({ ...l, localId: `${l.localId}-${k}`, employeeId: `${l.employeeId}-${k}` }))).flat();
  const a1 = timeAggregate(learners);
  const a10 = timeAggregate(ten);
  const figures: Figure[] = [
    { name: 'training-report/import-1000', value: Math.round(importMs), unit: 'ms', note: `${N} transfer files, ${(chars / 1e6).toFixed(0)} M characters: JSON, digest, restore, completion record, duplicates` },
    { name: 'training-report/import-10000', value: Math.round(importMs * 10), unit: 'ms', note: 'estimated: ten times the 1,000-file import (files are read one at a time)' },
    { name: 'training-report/aggregate-1000', value: a1.ms, unit: 'ms', spread: spreadOf(a1.times), note: `${a1.questions} questions' statistics, rates, parts and scenarios over ${N} learners (median of ${RUNS}, after ${WARMUP} untimed)` },
    { name: 'training-report/aggregate-10000', value: a10.ms, unit: 'ms', spread: spreadOf(a10.times), budget: BUDGETS.trainingReportAggregate, headline: true, note: `the same over 10,000 learners (median of ${RUNS}, after ${WARMUP} untimed)` },
  ];
  return {
    figures,
    method: [
      `${N} learners of the real course simulated with the player's progress updates; their transfer files made in ${Math.round(made / 1000)} s (not counted), each read back as the import worker reads it`,
      'aggregate over 10,000: the 1,000 imported learners ten times over under new ids; node, one core; in the app the same module runs in a Web Worker, so the page stays responsive during an import',
    ],
  };
}
