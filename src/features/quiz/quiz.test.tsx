import { render, screen, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { beforeEach, describe, expect, test } from 'vitest';
import '../../i18n/index.ts';
import type { QuizData } from '../../domain/course.ts';
import { choice, inChapter, pair, progress, question, quiz, resetStore } from '../test-builders.ts';
import { Quiz } from './quiz.tsx';


beforeEach(() => {
  resetStore();
});

function renderQuiz(data: QuizData) {
  const user = userEvent.setup();
  render(inChapter({ quizzes: [data] }, <Quiz id={data.id} />));
  return user;
}

/** The fieldset of one question, found by its prompt. */
function questionGroup(prompt: string): HTMLElement {
  return screen.getByRole('group', { name: new RegExp(prompt) });
}

/** The question's aria-live feedback region. */
function feedbackOf(group: HTMLElement): HTMLElement {
  const live = group.querySelector<HTMLElement>('[aria-live="polite"]');
  if (!live) throw new Error('the question has no live region');
  return live;
}

const submit = (user: UserEvent, group: HTMLElement) => user.click(within(group).getByRole('button', { name: '提交答案' }));

const attempts = (quizId = 'q-quiz') => progress().quizzes[quizId]?.attempts ?? [];

const single = question({
  id: 'q-single',
  type: 'single',
  prompt: '风险等级分为几级？',
  explain: '风险等级分为高、较高、中、低四级。',
  choices: [
    choice({ id: 'a', text: '三级' }),
    choice({ id: 'b', text: '四级', correct: true }),
    choice({ id: 'c', text: '五级', feedback: '五类是风险类型的数量，不是等级。' }),
  ],
});

const multiple = question({
  id: 'q-multiple',
  type: 'multiple',
  points: 2,
  prompt: '可能性评估考虑哪些因素？',
  explain: '历史数据和当前控制措施。',
  choices: [
    choice({ id: 'a', text: '历史数据', correct: true }),
    choice({ id: 'b', text: '当前控制措施', correct: true }),
    choice({ id: 'c', text: '财务损失', feedback: '财务损失属于影响程度。' }),
  ],
});

const truefalse = question({
  id: 'q-tf',
  type: 'truefalse',
  prompt: '风险评估需要定期更新。',
  explain: '评估是持续的过程。',
  answer: true,
});

const order = question({
  id: 'q-order',
  type: 'order',
  prompt: '请排列PDCA的顺序。',
  explain: '计划、执行、检查、处理。',
  choices: [choice({ id: 'p', text: '计划' }), choice({ id: 'd', text: '执行' }), choice({ id: 'c', text: '检查' }), choice({ id: 'a', text: '处理' })],
});

const match = question({
  id: 'q-match',
  type: 'match',
  points: 2,
  prompt: '把具体风险与类型配对。',
  explain: '刑事责任属于法律法规风险，资质认证属于行业规范风险。',
  pairs: [pair({ id: 'a', left: '刑事责任风险', right: '法律法规风险' }), pair({ id: 'b', left: '资质认证风险', right: '行业规范风险' })],
});

/** The texts of an order question's list, top to bottom. */
function orderTexts(group: HTMLElement): string[] {
  return within(group)
    .getAllByRole('listitem')
    .map((li) => li.querySelector('.order-text')!.textContent!);
}

/** Moves items with the 上移 buttons until the list reads `target`. */
async function arrange(user: UserEvent, group: HTMLElement, target: string[]) {
  for (let i = 0; i < target.length; i++) {
    let at = orderTexts(group).indexOf(target[i]!);
    while (at > i) {
      await user.click(within(group).getByRole('button', { name: `上移：${target[i]}` }));
      at--;
    }
  }
  expect(orderTexts(group)).toEqual(target);
}

test('each question says what kind it is, so a learner knows whether to pick one answer or several', () => {
  renderQuiz(quiz({ questions: [single, multiple, truefalse, order, match] }));
  expect(questionGroup(single.prompt)).toHaveAccessibleName(/第 1 题（共 5 题） · 单选题/);
  expect(questionGroup(multiple.prompt)).toHaveAccessibleName(/多选题（选出所有正确项）/);
  expect(questionGroup(truefalse.prompt)).toHaveAccessibleName(/判断题/);
  expect(questionGroup(order.prompt)).toHaveAccessibleName(/排序题/);
  expect(questionGroup(match.prompt)).toHaveAccessibleName(/配对题/);
});

describe('a single-choice question', () => {
  test('a correct answer shows 回答正确 and the explanation in the live region and records full marks', async () => {
    const user = renderQuiz(quiz({ questions: [single] }));
    const group = questionGroup('风险等级分为几级');
    await user.click(within(group).getByRole('radio', { name: '四级' }));
    await submit(user, group);

    const live = feedbackOf(group);
    expect(live).toHaveTextContent('回答正确');
    expect(live).toHaveTextContent('得分 1/1');
    expect(live).toHaveTextContent('风险等级分为高、较高、中、低四级。');
    expect(group).toHaveAccessibleDescription(/回答正确/);
    const [attempt] = attempts();
    expect(attempt?.scores['q-single']).toEqual({ score: 1, max: 1, correct: true });
    expect(attempt?.answers['q-single']).toEqual({ type: 'single', choice: 'b' });
    expect(attempt).toMatchObject({ n: 1, percent: 100, passed: true });
    expect(screen.getByText(/通过！得分 100%/)).toBeInTheDocument();
  });

  test('a wrong answer shows 回答错误 with the picked choice’s feedback, locks the choices and records zero', async () => {
    const user = renderQuiz(quiz({ questions: [single] }));
    const group = questionGroup('风险等级分为几级');
    await user.click(within(group).getByRole('radio', { name: '五级' }));
    await submit(user, group);

    const live = feedbackOf(group);
    expect(live).toHaveTextContent('回答错误');
    expect(live).toHaveTextContent('「五级」：五类是风险类型的数量，不是等级。');
    expect(live).toHaveTextContent('解析：风险等级分为高、较高、中、低四级。');
    for (const radio of within(group).getAllByRole('radio')) expect(radio).toBeDisabled();
    expect(attempts()[0]?.scores['q-single']).toEqual({ score: 0, max: 1, correct: false });
    expect(attempts()[0]).toMatchObject({ percent: 0, passed: false });
  });

  test('submitting without an answer asks for one and records nothing', async () => {
    const user = renderQuiz(quiz({ questions: [single] }));
    const group = questionGroup('风险等级分为几级');
    await submit(user, group);

    expect(within(group).getByRole('alert')).toHaveTextContent('请选择一个答案。');
    expect(feedbackOf(group)).toBeEmptyDOMElement();
    expect(attempts()).toEqual([]);
  });
});

describe('a multiple-choice question', () => {
  test('picking exactly the correct choices is correct and earns all its points', async () => {
    const user = renderQuiz(quiz({ questions: [multiple] }));
    const group = questionGroup('可能性评估');
    await user.click(within(group).getByRole('checkbox', { name: '历史数据' }));
    await user.click(within(group).getByRole('checkbox', { name: '当前控制措施' }));
    await submit(user, group);

    expect(feedbackOf(group)).toHaveTextContent('回答正确');
    expect(feedbackOf(group)).toHaveTextContent('得分 2/2');
    expect(attempts()[0]?.scores['q-multiple']).toEqual({ score: 2, max: 2, correct: true });
  });

  test('without partial credit, missing one correct choice is wrong and scores nothing', async () => {
    const user = renderQuiz(quiz({ questions: [multiple] }));
    const group = questionGroup('可能性评估');
    expect(within(group).queryByText('本题按选对的比例给分')).not.toBeInTheDocument();
    await user.click(within(group).getByRole('checkbox', { name: '历史数据' }));
    await submit(user, group);

    expect(feedbackOf(group)).toHaveTextContent('回答错误');
    expect(attempts()[0]?.scores['q-multiple']).toEqual({ score: 0, max: 2, correct: false });
  });

  test('with partial credit, half of the correct choices earns half the points and shows 部分正确', async () => {
    const user = renderQuiz(quiz({ questions: [{ ...multiple, partial: true }] }));
    const group = questionGroup('可能性评估');
    expect(within(group).getByText('本题按选对的比例给分')).toBeInTheDocument();
    await user.click(within(group).getByRole('checkbox', { name: '历史数据' }));
    await submit(user, group);

    const live = feedbackOf(group);
    expect(live).toHaveTextContent('部分正确');
    expect(live).toHaveTextContent('得分 1/2');
    expect(live).toHaveTextContent('历史数据和当前控制措施。');
    expect(attempts()[0]?.scores['q-multiple']).toEqual({ score: 1, max: 2, correct: false });
    expect(attempts()[0]).toMatchObject({ percent: 50, passed: false });
  });

  test('with partial credit, a wrong pick cancels a right one and its feedback is shown', async () => {
    const user = renderQuiz(quiz({ questions: [{ ...multiple, partial: true }] }));
    const group = questionGroup('可能性评估');
    await user.click(within(group).getByRole('checkbox', { name: '历史数据' }));
    await user.click(within(group).getByRole('checkbox', { name: '财务损失' }));
    await submit(user, group);

    expect(feedbackOf(group)).toHaveTextContent('回答错误');
    expect(feedbackOf(group)).toHaveTextContent('「财务损失」：财务损失属于影响程度。');
    expect(attempts()[0]?.scores['q-multiple']?.score).toBe(0);
  });

  test('unticking a choice removes it from the answer, and submitting none asks for at least one', async () => {
    const user = renderQuiz(quiz({ questions: [multiple] }));
    const group = questionGroup('可能性评估');
    const box = within(group).getByRole('checkbox', { name: '财务损失' });
    await user.click(box);
    await user.click(box);
    expect(box).not.toBeChecked();
    await submit(user, group);
    expect(within(group).getByRole('alert')).toHaveTextContent('请至少选择一项。');
    expect(attempts()).toEqual([]);
  });
});

describe('a true/false question', () => {
  test('the right value is correct', async () => {
    const user = renderQuiz(quiz({ questions: [truefalse] }));
    const group = questionGroup('风险评估需要定期更新');
    await user.click(within(group).getByRole('radio', { name: '正确' }));
    await submit(user, group);

    expect(feedbackOf(group)).toHaveTextContent('回答正确');
    expect(feedbackOf(group)).toHaveTextContent('评估是持续的过程。');
    expect(attempts()[0]?.answers['q-tf']).toEqual({ type: 'truefalse', value: true });
    expect(attempts()[0]?.scores['q-tf']?.correct).toBe(true);
  });

  test('the other value is wrong', async () => {
    const user = renderQuiz(quiz({ questions: [truefalse] }));
    const group = questionGroup('风险评估需要定期更新');
    await user.click(within(group).getByRole('radio', { name: '错误' }));
    await submit(user, group);

    expect(feedbackOf(group)).toHaveTextContent('回答错误');
    expect(attempts()[0]?.scores['q-tf']).toEqual({ score: 0, max: 1, correct: false });
  });
});

describe('an ordering question', () => {
  test('it never starts out solved, and the first item cannot move up nor the last move down', () => {
    renderQuiz(quiz({ questions: [order] }));
    const group = questionGroup('请排列PDCA的顺序');
    const texts = orderTexts(group);
    expect(texts).not.toEqual(['计划', '执行', '检查', '处理']);
    expect(within(group).getByRole('button', { name: `上移：${texts[0]}` })).toBeDisabled();
    expect(within(group).getByRole('button', { name: `下移：${texts.at(-1)}` })).toBeDisabled();
  });

  test('arranged with 上移 and 下移 into the right order, it is correct', async () => {
    const user = renderQuiz(quiz({ questions: [order] }));
    const group = questionGroup('请排列PDCA的顺序');
    // 下移 then 上移 the same item: back where it was
    const first = orderTexts(group)[0]!;
    await user.click(within(group).getByRole('button', { name: `下移：${first}` }));
    expect(orderTexts(group)[1]).toBe(first);
    await user.click(within(group).getByRole('button', { name: `上移：${first}` }));
    expect(orderTexts(group)[0]).toBe(first);

    await arrange(user, group, ['计划', '执行', '检查', '处理']);
    await submit(user, group);

    expect(feedbackOf(group)).toHaveTextContent('回答正确');
    expect(attempts()[0]?.answers['q-order']).toEqual({ type: 'order', order: ['p', 'd', 'c', 'a'] });
    expect(attempts()[0]?.scores['q-order']).toEqual({ score: 1, max: 1, correct: true });
    for (const button of within(group).getAllByRole('button', { name: /^(上移|下移)/ })) expect(button).toBeDisabled();
  });

  test('with the keyboard, the moved item keeps the focus, on its other button once it reaches the top or bottom', async () => {
    const user = renderQuiz(quiz({ questions: [order] }));
    const group = questionGroup('请排列PDCA的顺序');
    const [first] = orderTexts(group) as [string];
    within(group).getByRole('button', { name: `下移：${first}` }).focus();
    await user.keyboard('{Enter}');
    expect(orderTexts(group)[1]).toBe(first);
    expect(within(group).getByRole('button', { name: `下移：${first}` })).toHaveFocus();

    await user.keyboard('{Enter}');
    await user.keyboard(' ');
    expect(orderTexts(group).at(-1)).toBe(first);
    expect(within(group).getByRole('button', { name: `下移：${first}` })).toBeDisabled();
    expect(within(group).getByRole('button', { name: `上移：${first}` })).toHaveFocus();

    const next = orderTexts(group)[1]!;
    within(group).getByRole('button', { name: `上移：${next}` }).focus();
    await user.keyboard('{Enter}');
    expect(orderTexts(group)[0]).toBe(next);
    expect(within(group).getByRole('button', { name: `下移：${next}` })).toHaveFocus();
  });

  test('submitted in a wrong order, it is wrong: ordering is all-or-nothing', async () => {
    const user = renderQuiz(quiz({ questions: [order] }));
    const group = questionGroup('请排列PDCA的顺序');
    await arrange(user, group, ['计划', '执行', '处理', '检查']);
    await submit(user, group);

    expect(feedbackOf(group)).toHaveTextContent('回答错误');
    expect(attempts()[0]?.scores['q-order']).toEqual({ score: 0, max: 1, correct: false });
  });
});

describe('a matching question', () => {
  test('every pair matched is correct', async () => {
    const user = renderQuiz(quiz({ questions: [match] }));
    const group = questionGroup('把具体风险与类型配对');
    await user.selectOptions(within(group).getByRole('combobox', { name: '刑事责任风险' }), '法律法规风险');
    await user.selectOptions(within(group).getByRole('combobox', { name: '资质认证风险' }), '行业规范风险');
    await submit(user, group);

    expect(feedbackOf(group)).toHaveTextContent('回答正确');
    expect(feedbackOf(group)).toHaveTextContent('得分 2/2');
    expect(attempts()[0]?.answers['q-match']).toEqual({ type: 'match', pairs: { a: 'a', b: 'b' } });
  });

  test('one pair of two matched earns half the points and shows 部分正确', async () => {
    const user = renderQuiz(quiz({ questions: [match] }));
    const group = questionGroup('把具体风险与类型配对');
    await user.selectOptions(within(group).getByRole('combobox', { name: '刑事责任风险' }), '法律法规风险');
    await user.selectOptions(within(group).getByRole('combobox', { name: '资质认证风险' }), '法律法规风险');
    await submit(user, group);

    expect(feedbackOf(group)).toHaveTextContent('部分正确');
    expect(feedbackOf(group)).toHaveTextContent('得分 1/2');
    expect(feedbackOf(group)).toHaveTextContent('刑事责任属于法律法规风险');
    expect(attempts()[0]?.scores['q-match']).toEqual({ score: 1, max: 2, correct: false });
  });

  test('no pair matched is wrong', async () => {
    const user = renderQuiz(quiz({ questions: [match] }));
    const group = questionGroup('把具体风险与类型配对');
    await user.selectOptions(within(group).getByRole('combobox', { name: '刑事责任风险' }), '行业规范风险');
    await user.selectOptions(within(group).getByRole('combobox', { name: '资质认证风险' }), '法律法规风险');
    await submit(user, group);

    expect(feedbackOf(group)).toHaveTextContent('回答错误');
    expect(attempts()[0]?.scores['q-match']?.score).toBe(0);
  });

  test('a pair left unmatched blocks the submission with a hint', async () => {
    const user = renderQuiz(quiz({ questions: [match] }));
    const group = questionGroup('把具体风险与类型配对');
    await user.selectOptions(within(group).getByRole('combobox', { name: '刑事责任风险' }), '法律法规风险');
    await submit(user, group);

    expect(within(group).getByRole('alert')).toHaveTextContent('请为每一项选择对应内容。');
    expect(attempts()).toEqual([]);
  });
});

describe('attempts', () => {
  const twoQuestions = quiz({ questions: [single, truefalse], attempts: 2 });

  test('answers chosen in other questions survive the first submission, which starts the attempt', async () => {
    const user = renderQuiz(twoQuestions);
    const tf = questionGroup('风险评估需要定期更新');
    await user.click(within(tf).getByRole('radio', { name: '正确' }));
    const first = questionGroup('风险等级分为几级');
    await user.click(within(first).getByRole('radio', { name: '四级' }));
    await submit(user, first);

    expect(attempts()).toHaveLength(1);
    expect(first).toBeInTheDocument();
    expect(within(first).getByRole('button', { name: '提交答案' })).toHaveFocus();
    expect(within(questionGroup('风险评估需要定期更新')).getByRole('radio', { name: '正确' })).toBeChecked();
    await submit(user, questionGroup('风险评估需要定期更新'));
    expect(attempts()[0]).toMatchObject({ percent: 100, passed: true });
  });

  test('a failed attempt offers a retry that starts a new attempt with every answer cleared', async () => {
    const user = renderQuiz(twoQuestions);
    await user.click(within(questionGroup('风险等级分为几级')).getByRole('radio', { name: '三级' }));
    await submit(user, questionGroup('风险等级分为几级'));
    await user.click(within(questionGroup('风险评估需要定期更新')).getByRole('radio', { name: '正确' }));
    await submit(user, questionGroup('风险评估需要定期更新'));

    expect(screen.getByText('未通过：得分 50%（及格线 80%）')).toBeInTheDocument();
    expect(screen.getByText('还可以再作答 1 次')).toBeInTheDocument();
    expect(screen.getByText(/第 1 次作答/)).toBeInTheDocument();
    expect(attempts()[0]).toMatchObject({ n: 1, percent: 50, passed: false });
    // a failed attempt that may be retried does not give the key away
    expect(screen.queryByText('（正确答案）')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: '重新作答' }));

    expect(screen.getByRole('heading', { name: '测验' })).toHaveFocus();
    expect(attempts()).toHaveLength(2);
    expect(attempts()[1]).toMatchObject({ n: 2, answers: {} });
    expect(attempts()[1]?.submittedAt).toBeUndefined();
    expect(screen.getByText(/第 2 次作答/)).toBeInTheDocument();
    expect(screen.getByText(/最好成绩 50%/)).toBeInTheDocument();
    for (const radio of screen.getAllByRole('radio')) {
      expect(radio).not.toBeChecked();
      expect(radio).toBeEnabled();
    }
    expect(screen.queryByText(/回答正确|回答错误/)).not.toBeInTheDocument();
    expect(screen.queryByText('测验结果')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '重新作答' })).not.toBeInTheDocument();

    await user.click(within(questionGroup('风险等级分为几级')).getByRole('radio', { name: '四级' }));
    await submit(user, questionGroup('风险等级分为几级'));
    await user.click(within(questionGroup('风险评估需要定期更新')).getByRole('radio', { name: '正确' }));
    await submit(user, questionGroup('风险评估需要定期更新'));
    expect(attempts()[1]).toMatchObject({ n: 2, percent: 100, passed: true });
    expect(attempts()[0]).toMatchObject({ n: 1, percent: 50 });
  });

  test('once every attempt is used, the correct answers are shown and there is no retry', async () => {
    const user = renderQuiz(quiz({ questions: [single, multiple, truefalse, order, match], attempts: 1 }));
    await user.click(within(questionGroup('风险等级分为几级')).getByRole('radio', { name: '三级' }));
    await submit(user, questionGroup('风险等级分为几级'));
    await user.click(within(questionGroup('可能性评估')).getByRole('checkbox', { name: '财务损失' }));
    await submit(user, questionGroup('可能性评估'));
    await user.click(within(questionGroup('风险评估需要定期更新')).getByRole('radio', { name: '错误' }));
    await submit(user, questionGroup('风险评估需要定期更新'));
    await submit(user, questionGroup('请排列PDCA的顺序'));
    const matchGroup = questionGroup('把具体风险与类型配对');
    await user.selectOptions(within(matchGroup).getByRole('combobox', { name: '刑事责任风险' }), '行业规范风险');
    await user.selectOptions(within(matchGroup).getByRole('combobox', { name: '资质认证风险' }), '法律法规风险');
    await submit(user, matchGroup);

    expect(attempts()).toHaveLength(1);
    expect(attempts()[0]).toMatchObject({ percent: 0, passed: false });
    expect(screen.getByText('已用完全部作答次数，正确答案已在上面各题中标出。')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '重新作答' })).not.toBeInTheDocument();

    const key = (prompt: string) => within(questionGroup(prompt));
    expect(key('风险等级分为几级').getByText('四级').closest('label')).toHaveTextContent('四级（正确答案）');
    expect(key('可能性评估').getByText('历史数据').closest('label')).toHaveTextContent('（正确答案）');
    expect(key('可能性评估').getByText('当前控制措施').closest('label')).toHaveTextContent('（正确答案）');
    expect(key('可能性评估').getByText('财务损失').closest('label')).not.toHaveTextContent('（正确答案）');
    expect(key('风险评估需要定期更新').getByText('正确').closest('label')).toHaveTextContent('（正确答案）');
    const orderKey = key('请排列PDCA的顺序').getByText('正确答案').parentElement!;
    expect(within(orderKey).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['计划', '执行', '检查', '处理']);
    // the key's label and the course text are separate elements (each in its own language)
    const matchKey = (text: string) => (_: string, el: Element | null) => !!el?.classList.contains('key-mark') && el.textContent === text;
    expect(key('把具体风险与类型配对').getByText(matchKey('正确答案：法律法规风险'))).toBeInTheDocument();
    expect(key('把具体风险与类型配对').getByText(matchKey('正确答案：行业规范风险'))).toBeInTheDocument();
  });
});
