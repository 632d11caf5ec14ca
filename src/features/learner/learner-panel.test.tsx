import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, expect, test } from 'vitest';
import course from 'virtual:course';
import { completionSummary } from '../../domain/completion-record.ts';
import { addTime, markSectionSeen } from '../../domain/progress-updates.ts';
import { emptyProgress, type LearnerProgress } from '../../domain/progress.ts';
import '../../i18n/index.ts';
import { resetStore, testStore, withStore } from '../test-builders.ts';
import { LearnerPanel } from './learner-panel.tsx';

const T = Date.UTC(2026, 2, 1);
const chapter = course.chapters.find((c) => c.quizzes.length === 0 && c.sections.length > 0) ?? course.chapters[0]!;

/** A chapter read through, 25 minutes on it, and (optionally) a final assessment handed in at `percent`. */
function worked(percent?: number): LearnerProgress {
  let p: LearnerProgress = { ...emptyProgress(course.version, T), startedAt: T };
  for (const s of chapter.sections) p = markSectionSeen(p, s.id, T + 60_000);
  p = addTime(p, chapter.id, 25 * 60_000);
  const bank = course.assessmentBank?.id;
  if (percent !== undefined && bank)
    p = { ...p, quizzes: { ...p.quizzes, [bank]: { attempts: [{ n: 1, seed: 1, startedAt: T, answers: {}, scores: {}, latency: {}, answeredAt: {}, submittedAt: T + 600_000, score: percent, max: 100, percent, passed: percent >= 80, mode: 'final' }] } } };
  return p;
}

beforeEach(() => {
  resetStore();
  testStore().setState({
    learners: { a: { id: 'a', name: '李明', createdAt: 1 }, b: { id: 'b', name: '王芳', createdAt: 2 } },
    progress: { a: worked(86), b: worked() },
    currentLearnerId: 'a',
  });
});

test('each learner’s row shows the completion record’s chapters, active time and course score', () => {
  render(withStore(<LearnerPanel />));
  const table = within(screen.getByRole('table', { name: '本设备上每位学员的学习进度' }));
  const a = completionSummary(course, worked(86));
  const rowA = table.getByRole('row', { name: /李明/ });
  expect(within(rowA).getByText(`${a.chaptersCompleted}/${a.chapters}`)).toBeInTheDocument();
  expect(within(rowA).getByText('25 分钟')).toBeInTheDocument();
  expect(within(rowA).getByText('86%')).toBeInTheDocument();
  // no final assessment handed in: no course score, whatever the chapter quizzes say
  expect(within(table.getByRole('row', { name: /王芳/ })).getByText('—')).toBeInTheDocument();
});

test('a learner is switched to from their row', async () => {
  const user = userEvent.setup();
  render(withStore(<LearnerPanel />));
  await user.click(screen.getByRole('button', { name: /王芳/ }));
  expect(testStore().getState().currentLearnerId).toBe('b');
});
