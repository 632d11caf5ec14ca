import { render, screen, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import '../../i18n/index.ts';
import { inChapter, progress, resetStore, riskMatrix } from '../test-builders.ts';
import { RiskMatrix } from './risk-matrix.tsx';


beforeEach(() => {
  resetStore();
});
afterEach(() => {
  vi.unstubAllGlobals();
});

/** A desktop (the matrix beside the list) or a phone (the matrix inside the risk being placed). */
const screenWidth = (wide: boolean) => vi.stubGlobal('matchMedia', (q: string) => ({ matches: wide && q.includes('min-width'), addEventListener() {}, removeEventListener() {} }));

const data = riskMatrix({
  id: 'm-matrix',
  risks: [
    { id: 'a', likelihood: 4, impact: 4, text: '未核实客户本人身份即为代办人办理业务' },
    { id: 'b', likelihood: 2, impact: 1, text: '办公用品申领单据流转较慢' },
  ],
});

function renderMatrix() {
  const user = userEvent.setup();
  render(inChapter({ matrices: [data] }, <RiskMatrix id={data.id} />));
  return user;
}

/** The list item of one risk, found by its text. */
function risk(text: string): HTMLElement {
  const item = screen.getByText(text).closest('li');
  if (!item) throw new Error(`no risk item for ${text}`);
  return item;
}

async function rate(user: UserEvent, text: string, likelihood: number, impact: number) {
  const item = within(risk(text));
  await user.selectOptions(item.getByRole('combobox', { name: '可能性' }), String(likelihood));
  await user.selectOptions(item.getByRole('combobox', { name: '影响程度' }), String(impact));
}

const gradeOf = (text: string) => risk(text).querySelector('.grade')!;
const summary = () => screen.getByText((_, el) => el?.classList.contains('matrix-summary') ?? false);

test('before rating, each risk offers likelihood and impact from 1 to 4 and shows no grade', () => {
  renderMatrix();
  const item = within(risk('未核实客户本人身份即为代办人办理业务'));
  const likelihood = item.getByRole('combobox', { name: '可能性' });
  expect(likelihood).toHaveValue('');
  // scale words, never the grade words (高 / 较高 / 中 / 低), which would read as the answer
  expect(within(likelihood).getAllByRole('option').map((o) => o.textContent)).toEqual(['—', '1 · 很少发生', '2 · 偶尔发生', '3 · 较常发生', '4 · 经常发生']);
  expect(likelihood).toHaveAccessibleDescription('A未核实客户本人身份即为代办人办理业务');
  expect(gradeOf('未核实客户本人身份即为代办人办理业务')).toBeEmptyDOMElement();
  expect(screen.getByText('已评估 0/2 项')).toBeInTheDocument();
  expect(summary()).toBeEmptyDOMElement();
});

test.each([
  [4, 4, '高'],
  [3, 4, '高'],
  [3, 3, '较高'],
  [4, 2, '较高'],
  [2, 3, '中'],
  [3, 1, '中'],
  [1, 2, '低'],
  [1, 1, '低'],
])('likelihood %i and impact %i give the grade %s', async (likelihood, impact, grade) => {
  const user = renderMatrix();
  await rate(user, '未核实客户本人身份即为代办人办理业务', likelihood, impact);
  expect(gradeOf('未核实客户本人身份即为代办人办理业务')).toHaveTextContent(`风险等级：${grade}`);
  expect(progress().matrices['m-matrix']?.a).toEqual({ likelihood, impact });
});

test('a risk rated on one axis only is neither graded, counted nor saved until the other axis is chosen', async () => {
  const user = renderMatrix();
  const item = within(risk('办公用品申领单据流转较慢'));
  await user.selectOptions(item.getByRole('combobox', { name: '可能性' }), '2');

  expect(item.getByRole('combobox', { name: '可能性' })).toHaveValue('2');
  expect(item.getByRole('combobox', { name: '影响程度' })).toHaveValue('');
  expect(gradeOf('办公用品申领单据流转较慢')).toBeEmptyDOMElement();
  expect(screen.getByText('已评估 0/2 项')).toBeInTheDocument();
  expect(progress().matrices['m-matrix']).toBeUndefined();

  await user.selectOptions(item.getByRole('combobox', { name: '影响程度' }), '1');
  expect(gradeOf('办公用品申领单据流转较慢')).toHaveTextContent('风险等级：低');
  expect(screen.getByText('已评估 1/2 项')).toBeInTheDocument();
  expect(progress().matrices['m-matrix']?.b).toEqual({ likelihood: 2, impact: 1 });
});

test('查看结果 compares the rated risks with the trainer: same grade matches, another grade differs', async () => {
  const user = renderMatrix();
  await rate(user, '未核实客户本人身份即为代办人办理业务', 2, 2);
  expect(within(risk('未核实客户本人身份即为代办人办理业务')).queryByText(/培训师/)).not.toBeInTheDocument();

  await user.click(screen.getByRole('button', { name: '查看结果' }));
  // pressed once, the results follow every change: the button is gone
  expect(screen.queryByRole('button', { name: '查看结果' })).not.toBeInTheDocument();
  expect(within(risk('未核实客户本人身份即为代办人办理业务')).getByText('与培训师不同：培训师判断为可能性 4、影响 4（高）')).toBeInTheDocument();
  expect(within(risk('办公用品申领单据流转较慢')).queryByText(/培训师/)).not.toBeInTheDocument();
  expect(summary()).toHaveTextContent('0/2 项与培训师判断的等级一致');

  // a different cell in the same grade still matches
  await rate(user, '未核实客户本人身份即为代办人办理业务', 4, 3);
  expect(within(risk('未核实客户本人身份即为代办人办理业务')).getByText('与培训师的判断一致')).toBeInTheDocument();
  expect(summary()).toHaveTextContent('1/2 项与培训师判断的等级一致');
});

test('once every risk is rated the results show by themselves in the live summary', async () => {
  const user = renderMatrix();
  await rate(user, '未核实客户本人身份即为代办人办理业务', 4, 4);
  await rate(user, '办公用品申领单据流转较慢', 3, 3);

  expect(screen.getByText('已评估 2/2 项')).toBeInTheDocument();
  expect(screen.queryByRole('button', { name: '查看结果' })).not.toBeInTheDocument();
  expect(within(risk('未核实客户本人身份即为代办人办理业务')).getByText('与培训师的判断一致')).toBeInTheDocument();
  expect(within(risk('办公用品申领单据流转较慢')).getByText('与培训师不同：培训师判断为可能性 2、影响 1（低）')).toBeInTheDocument();
  expect(summary()).toHaveAttribute('aria-live', 'polite');
  expect(summary()).toHaveTextContent('1/2 项与培训师判断的等级一致');
  expect(progress().matrices['m-matrix']).toEqual({ a: { likelihood: 4, impact: 4 }, b: { likelihood: 3, impact: 3 } });
});

test('each rated risk appears by its letter in the matrix cell of its likelihood and impact', async () => {
  const user = renderMatrix();
  await rate(user, '办公用品申领单据流转较慢', 3, 2);
  const grid = screen.getByRole('table', { name: '风险矩阵' });
  const row = within(grid).getByRole('row', { name: /^2一般 / });
  const cells = within(row).getAllByRole('cell');
  expect(cells[2]).toHaveTextContent('中B');
  expect(cells.filter((c) => /[AB]/.test(c.textContent ?? ''))).toHaveLength(1);
});

test('authored scale words name the levels, as the chapter’s text does', () => {
  render(inChapter({ matrices: [{ ...data, likelihoodScale: ['极少', '偶尔', '常有', '总是'], impactScale: ['轻', '中等', '重', '极重'] }] }, <RiskMatrix id={data.id} />));
  const item = within(risk('办公用品申领单据流转较慢'));
  expect(within(item.getByRole('combobox', { name: '影响程度' })).getAllByRole('option').map((o) => o.textContent)).toEqual(['—', '1 · 轻', '2 · 中等', '3 · 重', '4 · 极重']);
  expect(within(screen.getByRole('table')).getByRole('columnheader', { name: '4总是' })).toBeInTheDocument();
});

test('on a desktop a tap on a cell places the chosen risk, and the next unplaced risk is chosen for the next tap', async () => {
  screenWidth(true);
  const user = renderMatrix();
  const grid = screen.getByRole('table', { name: '风险矩阵：点击格子放置风险 A' });
  await user.click(within(grid).getByRole('button', { name: '高：放置风险 A，可能性 3（较常发生），影响 4（严重）' }));
  expect(progress().matrices['m-matrix']?.a).toEqual({ likelihood: 3, impact: 4 });
  expect(gradeOf('未核实客户本人身份即为代办人办理业务')).toHaveTextContent('风险等级：高');
  expect(screen.getByText('风险 A 已放在可能性 3（较常发生）、影响 4（严重）：高')).toBeInTheDocument();
  // B is next; the cell now says A is there
  const next = screen.getByRole('table', { name: '风险矩阵：点击格子放置风险 B' });
  expect(within(next).getByRole('button', { name: '高A：放置风险 B，可能性 3（较常发生），影响 4（严重）' })).toBeInTheDocument();
  // choosing a risk by its button moves a placed one
  await user.click(screen.getByRole('button', { name: '在矩阵中放置 A', pressed: false }));
  expect(screen.getByRole('button', { name: '在矩阵中放置 A' })).toHaveAttribute('aria-pressed', 'true');
  await user.click(within(screen.getByRole('table', { name: /放置风险 A/ })).getByRole('button', { name: /，可能性 1（很少发生），影响 1（轻微）$/ }));
  expect(progress().matrices['m-matrix']?.a).toEqual({ likelihood: 1, impact: 1 });
});

test('on a phone the matrix opens inside the risk being placed, closes after the tap and gives focus back', async () => {
  screenWidth(false);
  const user = renderMatrix();
  const item = risk('办公用品申领单据流转较慢');
  expect(within(item).queryByRole('table')).not.toBeInTheDocument();
  const open = within(item).getByRole('button', { name: '在矩阵中放置 B' });
  await user.click(open);
  expect(open).toHaveAttribute('aria-pressed', 'true');
  await user.click(within(within(item).getByRole('table')).getByRole('button', { name: /，可能性 2（偶尔发生），影响 1（轻微）$/ }));
  expect(progress().matrices['m-matrix']?.b).toEqual({ likelihood: 2, impact: 1 });
  expect(within(item).queryByRole('table')).not.toBeInTheDocument();
  expect(open).toHaveFocus();
  expect(within(item).getByRole('combobox', { name: '可能性' })).toHaveValue('2');
});
