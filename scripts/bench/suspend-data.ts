/**
 * The suspend-data figure: how many characters the resume state of a worst-case learner of the whole course takes,
 * computed from the course as it is now (chapters and questions change), against SCORM 1.2's CMIString4096.
 */
import { decodeSuspendData, encodeSuspendData, SCORM12_SUSPEND_DATA_LIMIT, suspendCourse } from '../../src/domain/suspend-data.ts';
import { worstCaseProgress } from '../../src/domain/suspend-data.fixtures.ts';
import { ContentError } from '../content/errors.ts';
import { loadCourse } from '../content/load-course.ts';
import { BUDGETS } from './budgets.ts';
import type { ModuleResult } from './figures.ts';

const LEARNER = 'E20260417';

export function measureSuspendData(root: string): ModuleResult {
  const { manifest, interactive, bank, problems } = loadCourse(root);
  if (problems.length || !manifest) throw new ContentError(problems);
  const items = { chapters: interactive, bank };
  const course = suspendCourse(manifest, items);
  const encode = (chapterRounds: number) => {
    const p = worstCaseProgress(manifest, items, { learnerId: LEARNER, chapterRounds });
    const e = encodeSuspendData(p, course, { learnerId: LEARNER });
    const d = decodeSuspendData(e.data, course, { learnerId: LEARNER });
    if (!d.ok) throw new Error(`the worst case does not decode: ${d.reason}`);
    const left = e.omitted.filter((o) => o.kind !== 'attempt-details');
    if (left.length) throw new Error(`the worst case leaves out ${left.length} item(s): ${JSON.stringify(left[0])}`);
    return e;
  };
  const worst = encode(0);
  const withRounds = encode(1);
  const questions = manifest.chapters.reduce((n, c) => n + c.quizzes.reduce((m, q) => m + q.questionIds.length, 0), 0);
  return {
    figures: [
      {
        name: 'suspend-data/worst-case',
        value: worst.data.length,
        unit: 'count',
        budget: BUDGETS.suspendData,
        headline: true,
        note: `characters of cmi.suspend_data (SCORM 1.2 limit ${SCORM12_SUSPEND_DATA_LIMIT})`,
      },
      {
        name: 'suspend-data/worst-case-with-chapter-rounds',
        value: withRounds.data.length,
        unit: 'count',
        budget: { max: SCORM12_SUSPEND_DATA_LIMIT },
        note: 'the same learner with one more round of re-reading and attempts in every chapter quiz',
      },
    ],
    method: [
      `worst-case learner generated from the course as built now: ${manifest.chapters.length} chapters, ${Object.keys(worstCaseProgress(manifest, items).sectionsSeen).length} sections, ${questions} chapter-quiz questions, ${bank.length} bank questions`,
      'every section seen, every quiz allowance used (last attempt passed), the assessment failed, re-read, passed, refreshed and recertified, every scenario walked (latest and best on different paths), every risk placed, one plan item per area (20 + 12 Chinese characters)',
      'older attempts are kept as their results only (their answers go to interactions): the budget counts what the codec writes',
    ],
  };
}
