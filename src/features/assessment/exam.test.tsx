import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { expect, test, vi } from 'vitest';
import '../../i18n/index.ts';
import type { Question } from '../../domain/course.ts';
import { setExamAnswer } from '../../domain/exam.ts';
import { emptyProgress, type LearnerProgress } from '../../domain/progress.ts';
import { question, choice } from '../test-builders.ts';
import { Exam } from './exam.tsx';

const questions: Question[] = [
  question({ id: 'e1', type: 'truefalse', answer: true, prompt: '合规是每个人的事' }),
  question({ id: 'e2', type: 'single', prompt: '风险等级分为几级', choices: [choice({ id: 'a', text: '三级' }), choice({ id: 'b', text: '四级', correct: true })] }),
  question({ id: 'e3', type: 'truefalse', answer: false, prompt: '违规可以事后补救' }),
];

/** The exam over a progress held in component state, as the store would hold it. */
function Harness({ onSubmit }: { onSubmit(p: LearnerProgress): void }) {
  const [p, setP] = useState<LearnerProgress>(() => ({
    ...emptyProgress('1'),
    quizzes: { fa: { attempts: [{ n: 1, seed: 3, startedAt: 0, answers: {}, scores: {}, latency: {}, answeredAt: {}, questionIds: questions.map((q) => q.id), mode: 'final' }] } },
  }));
  return <Exam attempt={p.quizzes.fa!.attempts[0]!} questions={questions} title="结业考核" onAnswer={(id, a) => setP((x) => setExamAnswer(x, 'fa', id, a, 1))} onSubmit={() => onSubmit(p)} />;
}

test('the exam shows one question at a time, goes back and forth, and marks what is unanswered', async () => {
  const user = userEvent.setup();
  render(<Harness onSubmit={() => undefined} />);
  expect(screen.getByText('第 1 题，共 3 题 · 已答 0 题')).toBeInTheDocument();
  expect(screen.getAllByRole('group')).toHaveLength(1);
  await user.click(screen.getByRole('radio', { name: '正确' }));
  await user.click(screen.getByRole('button', { name: '下一题' }));
  expect(screen.getByText('风险等级分为几级')).toBeInTheDocument();
  expect(screen.getByText('第 2 题，共 3 题 · 已答 1 题')).toBeInTheDocument();
  expect(screen.getByRole('button', { name: '第 1 题（已答）' })).toBeInTheDocument();
  expect(screen.getByRole('button', { name: '第 2 题（未答）' })).toHaveAttribute('aria-current', 'step');
  await user.click(screen.getByRole('button', { name: '上一题' }));
  // an answer can be changed before 交卷
  expect(screen.getByRole('radio', { name: '正确' })).toBeChecked();
  await user.click(screen.getByRole('radio', { name: '错误' }));
  expect(screen.getByRole('radio', { name: '错误' })).toBeChecked();
});

test('交卷 is asked for only after the review, with a confirmation that says what is unanswered', async () => {
  const user = userEvent.setup();
  const onSubmit = vi.fn();
  render(<Harness onSubmit={onSubmit} />);
  await user.click(screen.getByRole('radio', { name: '正确' }));
  expect(screen.queryByRole('button', { name: '交卷' })).not.toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: '检查答卷' }));
  expect(screen.getByText('还有 2 题未答：第 2、3 题。')).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: '交卷' }));
  expect(screen.getByText(/还有 2 题未答，未答的题不得分。/)).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: '继续作答' }));
  expect(onSubmit).not.toHaveBeenCalled();
  await user.click(screen.getByRole('button', { name: '交卷' }));
  await user.click(screen.getByRole('button', { name: '确认交卷' }));
  expect(onSubmit).toHaveBeenCalledTimes(1);
  expect(onSubmit.mock.calls[0]![0].quizzes.fa.attempts[0].answers).toEqual({ e1: { type: 'truefalse', value: true } });
});
