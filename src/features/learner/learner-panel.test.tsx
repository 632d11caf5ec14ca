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

test('a learner sets a PIN: it is kept as a digest, after a check of its form and a second entry', async () => {
  const user = userEvent.setup();
  render(withStore(<LearnerPanel />));
  await user.click(screen.getByRole('button', { name: '设置 PIN' }));
  const form = within(screen.getByRole('form', { name: '设置 PIN' }));
  expect(form.getByText(/不能阻止拿到这台设备并有意查看的人/)).toBeInTheDocument();
  expect(form.getByLabelText('新 PIN（4–6 位数字）')).toHaveFocus();
  await user.type(form.getByLabelText('新 PIN（4–6 位数字）'), '12');
  await user.click(form.getByRole('button', { name: '保存 PIN' }));
  expect(form.getByRole('alert')).toHaveTextContent('PIN 须为 4–6 位数字。');
  await user.type(form.getByLabelText('新 PIN（4–6 位数字）'), '34');
  await user.type(form.getByLabelText('再输入一次新 PIN'), '1235');
  await user.click(form.getByRole('button', { name: '保存 PIN' }));
  expect(form.getByRole('alert')).toHaveTextContent('两次输入的 PIN 不一致。');
  await user.clear(form.getByLabelText('再输入一次新 PIN'));
  await user.type(form.getByLabelText('再输入一次新 PIN'), '1234');
  await user.click(form.getByRole('button', { name: '保存 PIN' }));
  expect(screen.getByRole('status')).toHaveTextContent('已设置 PIN。');
  const stored = testStore().getState().learners.a!.pin!;
  expect(stored.hash).toMatch(/^[0-9a-f]{64}$/);
  expect(JSON.stringify(testStore().getState().learners.a)).not.toContain('1234');
});

test('switching to a learner with a PIN asks for it: a wrong PIN changes nothing, the right one switches', async () => {
  const user = userEvent.setup();
  const { pinRecord } = await import('../../domain/pin.ts');
  testStore().setState((s) => ({ learners: { ...s.learners, b: { ...s.learners.b!, pin: pinRecord('2580', 'ab') } } }));
  render(withStore(<LearnerPanel />));
  await user.click(screen.getByRole('button', { name: '切换到 王芳' }));
  const pin = screen.getByLabelText('输入“王芳”的 PIN');
  expect(pin).toHaveFocus();
  await user.type(pin, '0000{Enter}');
  expect(screen.getByRole('alert')).toHaveTextContent('PIN 不正确。');
  expect(testStore().getState().currentLearnerId).toBe('a');
  await user.clear(pin);
  await user.type(pin, '2580');
  await user.click(screen.getByRole('button', { name: '切换' }));
  expect(testStore().getState().currentLearnerId).toBe('b');
});

test('deleting the data of a learner with a PIN asks for it', async () => {
  const user = userEvent.setup();
  const { pinRecord } = await import('../../domain/pin.ts');
  testStore().setState((s) => ({ learners: { ...s.learners, a: { ...s.learners.a!, pin: pinRecord('2580', 'cd') } } }));
  render(withStore(<LearnerPanel />));
  await user.click(screen.getByRole('button', { name: '删除我的数据' }));
  await user.type(screen.getByLabelText('输入“李明”的 PIN'), '1111');
  await user.click(screen.getByRole('button', { name: '确认删除' }));
  expect(testStore().getState().learners.a).toBeDefined();
  await user.clear(screen.getByLabelText('输入“李明”的 PIN'));
  await user.type(screen.getByLabelText('输入“李明”的 PIN'), '2580');
  await user.click(screen.getByRole('button', { name: '确认删除' }));
  expect(testStore().getState().learners.a).toBeUndefined();
});
