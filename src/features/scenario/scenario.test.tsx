import { render, screen, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { beforeEach, expect, test } from 'vitest';
import '../../i18n/index.ts';
import { inChapter, option, outcome, progress, resetStore, scenario, step } from '../test-builders.ts';
import { Scenario } from './scenario.tsx';


beforeEach(() => {
  resetStore();
});

/**
 * Three decisions deep: the best path (记录并叫停 → 定为高 → 复查并更新) scores 6 and ends well,
 * stopping halfway ends fair, ignoring the problem ends poorly.
 */
const data = scenario({
  id: 's-photos',
  title: '巡检中发现的「方便做法」',
  steps: [
    step({
      id: 'start',
      text: ['你看到客服人员用个人社交软件传送客户身份证照片。'],
      options: [
        option({ id: 'a', to: 's-grade', score: 2, text: '记录并当场叫停', feedback: '好的开始：先叫停，再评估。' }),
        option({ id: 'b', to: 'o-poor', score: 0, text: '不必处理', feedback: '「大家都这么做」恰恰说明风险普遍。' }),
      ],
    }),
    step({
      id: 's-grade',
      text: ['你开始评估这一风险。'],
      options: [
        option({ id: 'a', to: 's-follow', score: 2, text: '定为高等级', feedback: '判断准确：乘积12，属于高等级。' }),
        option({ id: 'b', to: 'o-fair', score: 1, text: '定为中等级', feedback: '低估了影响。' }),
      ],
    }),
    step({
      id: 's-follow',
      text: ['措施落实了一段时间。'],
      options: [
        option({ id: 'a', to: 'o-good', score: 2, text: '复查并更新评估', feedback: '形成PDCA闭环。' }),
        option({ id: 'b', to: 'o-fair', score: 0, text: '直接结案', feedback: '闭环断了。' }),
      ],
    }),
  ],
  outcomes: [
    outcome({ id: 'o-good', rating: 'good', title: '形成闭环', text: ['复盘：识别、评估、防范、改进。'] }),
    outcome({ id: 'o-fair', rating: 'fair', title: '还没闭环', text: ['复盘：措施不够。'] }),
    outcome({ id: 'o-poor', rating: 'poor', title: '风险扩大', text: ['复盘：风险持续扩大。'] }),
  ],
});

function renderScenario() {
  const user = userEvent.setup();
  const { unmount } = render(inChapter({ scenarios: [data] }, <Scenario id={data.id} />));
  return { user, unmount };
}

const run = () => progress().scenarios['s-photos'];

/** The scenario's aria-live feedback region. */
function feedback(): HTMLElement {
  const live = screen.getByRole('region', { name: data.title }).querySelector<HTMLElement>('[aria-live="polite"]');
  if (!live) throw new Error('the scenario has no live region');
  return live;
}

async function choose(user: UserEvent, text: string) {
  await user.click(screen.getByRole('button', { name: text }));
}

test('the first decision is shown without taking the focus, and the maximum score is the best path’s', () => {
  renderScenario();
  expect(data.maxScore).toBe(6);
  const heading = screen.getByRole('heading', { name: '第 1 个决策' });
  expect(heading).not.toHaveFocus();
  expect(screen.getByText('你看到客服人员用个人社交软件传送客户身份证照片。')).toBeInTheDocument();
  const options = screen.getByRole('list', { name: '你会怎么做？' });
  expect(within(options).getAllByRole('button').map((b) => b.textContent)).toEqual(['记录并当场叫停', '不必处理']);
  expect(feedback()).toBeEmptyDOMElement();
  expect(run()).toBeUndefined();
});

test('walking the best path moves the focus to each new step, gives feedback and ends well with full marks', async () => {
  const { user } = renderScenario();

  await choose(user, '记录并当场叫停');
  expect(screen.getByRole('heading', { name: '第 2 个决策' })).toHaveFocus();
  expect(feedback()).toHaveTextContent('反馈：好的开始：先叫停，再评估。');
  expect(run()?.latest).toEqual({ choices: [{ step: 'start', option: 'a', at: expect.any(Number) }], score: 2 });

  await choose(user, '定为高等级');
  expect(screen.getByRole('heading', { name: '第 3 个决策' })).toHaveFocus();
  expect(feedback()).toHaveTextContent('判断准确：乘积12，属于高等级。');
  expect(screen.getByText('你的选择（2）')).toBeInTheDocument();

  await choose(user, '复查并更新评估');
  const end = screen.getByRole('heading', { name: /结局：形成闭环/ });
  expect(end).toHaveFocus();
  expect(end).toHaveTextContent('妥善');
  expect(feedback()).toHaveTextContent('形成PDCA闭环。');
  expect(screen.getByText('复盘：识别、评估、防范、改进。')).toBeInTheDocument();
  expect(screen.getByText(/本次得分 6\/6/)).toHaveTextContent('最好成绩 6/6');
  expect(screen.queryByRole('list', { name: '你会怎么做？' })).not.toBeInTheDocument();

  expect(run()?.latest).toMatchObject({ score: 6, outcome: 'o-good' });
  expect(run()?.latest.choices.map((c) => `${c.step}:${c.option}`)).toEqual(['start:a', 's-grade:a', 's-follow:a']);
  expect(run()?.best).toMatchObject({ score: 6, outcome: 'o-good' });
  expect(run()?.runs).toBe(1);
});

test('stopping halfway ends fair with a partial score', async () => {
  const { user } = renderScenario();
  await choose(user, '记录并当场叫停');
  await choose(user, '定为中等级');

  const end = screen.getByRole('heading', { name: /结局：还没闭环/ });
  expect(end).toHaveFocus();
  expect(end).toHaveTextContent('尚可');
  expect(feedback()).toHaveTextContent('低估了影响。');
  expect(screen.getByText(/本次得分 3\/6/)).toBeInTheDocument();
  expect(run()?.latest).toMatchObject({ score: 3, outcome: 'o-fair' });
  expect(run()?.best).toMatchObject({ score: 3, outcome: 'o-fair' });
});

test('ignoring the problem ends poorly with no score', async () => {
  const { user } = renderScenario();
  await choose(user, '不必处理');

  const end = screen.getByRole('heading', { name: /结局：风险扩大/ });
  expect(end).toHaveFocus();
  expect(end).toHaveTextContent('欠妥');
  expect(feedback()).toHaveTextContent('「大家都这么做」恰恰说明风险普遍。');
  expect(screen.getByText('复盘：风险持续扩大。')).toBeInTheDocument();
  expect(screen.getByText(/本次得分 0\/6/)).toBeInTheDocument();
  expect(run()?.latest).toMatchObject({ score: 0, outcome: 'o-poor' });
});

test('重新开始 returns to the first decision with the focus on it and clears the path and feedback', async () => {
  const { user } = renderScenario();
  await choose(user, '不必处理');
  await user.click(screen.getByRole('button', { name: '重新开始' }));

  expect(screen.getByRole('heading', { name: '第 1 个决策' })).toHaveFocus();
  expect(feedback()).toBeEmptyDOMElement();
  expect(screen.queryByText(/你的选择/)).not.toBeInTheDocument();
  expect(screen.getByRole('button', { name: '记录并当场叫停' })).toBeInTheDocument();
  expect(run()?.latest).toEqual({ choices: [], score: 0 });
  expect(run()?.best).toMatchObject({ score: 0, outcome: 'o-poor' });
  expect(run()?.runs).toBe(2);
});

test('the store keeps the best run apart from the latest one across restarts', async () => {
  const { user } = renderScenario();
  // fair first: best and latest are the same run
  await choose(user, '记录并当场叫停');
  await choose(user, '定为中等级');
  expect(run()?.best).toMatchObject({ score: 3, outcome: 'o-fair' });

  // then good: a better run replaces the best
  await user.click(screen.getByRole('button', { name: '重新开始' }));
  await choose(user, '记录并当场叫停');
  await choose(user, '定为高等级');
  expect(run()?.best).toMatchObject({ score: 3, outcome: 'o-fair' });
  await choose(user, '复查并更新评估');
  expect(run()?.best).toMatchObject({ score: 6, outcome: 'o-good' });

  // then poor: the latest run is poor, the best stays good
  await user.click(screen.getByRole('button', { name: '重新开始' }));
  await choose(user, '不必处理');
  expect(run()?.latest).toMatchObject({ score: 0, outcome: 'o-poor' });
  expect(run()?.best).toMatchObject({ score: 6, outcome: 'o-good' });
  expect(run()?.runs).toBe(3);
  expect(screen.getByText(/本次得分 0\/6/)).toHaveTextContent('最好成绩 6/6');
});

test('a run left mid-way resumes at the same step when the scenario is shown again', async () => {
  const { user, unmount } = renderScenario();
  await choose(user, '记录并当场叫停');
  await choose(user, '定为高等级');
  unmount();

  renderScenario();
  expect(screen.getByRole('heading', { name: '第 3 个决策' })).toBeInTheDocument();
  expect(screen.getByRole('button', { name: '复查并更新评估' })).toBeInTheDocument();
  expect(feedback()).toHaveTextContent('判断准确：乘积12，属于高等级。');
});
