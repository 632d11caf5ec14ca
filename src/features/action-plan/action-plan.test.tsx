import { render, screen, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import '../../i18n/index.ts';
import { actionPlan, inChapter, progress, resetStore } from '../test-builders.ts';
import { ActionPlan } from './action-plan.tsx';


beforeEach(() => {
  resetStore();
});
afterEach(() => {
  vi.restoreAllMocks();
});

const data = actionPlan({ id: 'p-plan' });

function renderPlan() {
  const user = userEvent.setup();
  render(inChapter({ plans: [data] }, <ActionPlan id={data.id} />));
  return user;
}

// removed items stay as empty tombstones (see removePlanItem): the plan the learner sees is the rest
const items = () => (progress().plans['p-plan'] ?? []).filter((i) => !i.deleted);

async function fill(user: UserEvent, fields: { area?: string; action?: string; measure?: string; due?: string }) {
  if (fields.area) await user.selectOptions(screen.getByRole('combobox', { name: '方面' }), fields.area);
  if (fields.action) await user.type(screen.getByRole('textbox', { name: '行动内容' }), fields.action);
  if (fields.measure) await user.type(screen.getByRole('textbox', { name: '衡量标准' }), fields.measure);
  if (fields.due) await user.type(screen.getByLabelText('完成时间'), fields.due);
}

const add = (user: UserEvent) => user.click(screen.getByRole('button', { name: '添加到计划' }));

test('an empty plan invites the first item', () => {
  renderPlan();
  expect(screen.getByRole('heading', { name: '我的合规行动计划' })).toBeInTheDocument();
  expect(screen.getByText('还没有行动项。在下面写下第一条吧。')).toBeInTheDocument();
  expect(screen.getByRole('combobox', { name: '方面' })).toHaveValue('knowledge');
});

test('adding without an action asks for it by its field, moves focus there and saves nothing', async () => {
  const user = renderPlan();
  await fill(user, { due: '2030-06-30' });
  await add(user);
  const action = screen.getByRole('textbox', { name: '行动内容' });
  expect(action).toHaveAccessibleDescription('请填写行动内容。');
  expect(action).toHaveAttribute('aria-invalid', 'true');
  expect(action).toHaveFocus();
  expect(screen.getByRole('alert')).toHaveTextContent('有 1 处需要修改');
  expect(items()).toEqual([]);
});

test('adding an action made only of spaces counts as no action', async () => {
  const user = renderPlan();
  await fill(user, { action: '   ', due: '2030-06-30' });
  await add(user);
  expect(screen.getByRole('textbox', { name: '行动内容' })).toHaveAccessibleDescription('请填写行动内容。');
  expect(items()).toEqual([]);
});

test('adding without a target date asks for it and keeps what was typed', async () => {
  const user = renderPlan();
  await fill(user, { action: '每月复习一次个人信息保护规定' });
  await add(user);
  expect(screen.getByLabelText('完成时间')).toHaveAccessibleDescription('请选择完成时间。');
  expect(screen.getByRole('textbox', { name: '行动内容' })).toHaveValue('每月复习一次个人信息保护规定');
  expect(items()).toEqual([]);
});

test('a complete item is added to the list and the store, the form clears and the save is announced', async () => {
  const user = renderPlan();
  await add(user);
  expect(screen.getByRole('alert')).toHaveTextContent('有 2 处需要修改');

  await fill(user, { area: '技能提升', action: '  练习投诉处理话术  ', measure: '每周演练一次', due: '2030-06-30' });
  await add(user);

  expect(screen.getByRole('alert')).toBeEmptyDOMElement();
  expect(screen.getByRole('status')).toHaveTextContent('已保存到你的学习记录');
  const list = screen.getByRole('list');
  const [item] = within(list).getAllByRole('listitem');
  expect(item).toHaveTextContent('技能提升');
  expect(item).toHaveTextContent('练习投诉处理话术');
  expect(item).toHaveTextContent('衡量标准：每周演练一次');
  expect(item).toHaveTextContent('完成时间：2030-06-30');
  expect(screen.queryByText(/还没有行动项/)).not.toBeInTheDocument();

  expect(screen.getByRole('textbox', { name: '行动内容' })).toHaveValue('');
  expect(screen.getByRole('textbox', { name: '衡量标准' })).toHaveValue('');
  expect(screen.getByLabelText('完成时间')).toHaveValue('');
  expect(items()).toEqual([{ id: expect.any(String), area: 'skills', action: '练习投诉处理话术', measure: '每周演练一次', due: '2030-06-30' }]);
});

test('an item without a measure is added without one', async () => {
  const user = renderPlan();
  await fill(user, { action: '学习合规手册', due: '2030-01-15' });
  await add(user);
  expect(items()).toEqual([{ id: expect.any(String), area: 'knowledge', action: '学习合规手册', measure: '', due: '2030-01-15' }]);
  expect(screen.queryByText(/衡量标准：/)).not.toBeInTheDocument();
});

test('two items added in the same millisecond are both kept', async () => {
  const user = renderPlan();
  vi.spyOn(Date, 'now').mockReturnValue(Date.UTC(2030, 0, 1));
  await fill(user, { action: '学习合规手册', due: '2030-01-15' });
  await add(user);
  await fill(user, { action: '参加专项培训', due: '2030-02-15' });
  await add(user);

  expect(items().map((i) => i.action)).toEqual(['学习合规手册', '参加专项培训']);
  expect(new Set(items().map((i) => i.id)).size).toBe(2);
  expect(screen.getAllByRole('listitem')).toHaveLength(2);
});

test('an item can be marked done and undone, and its checkbox says which action it is for', async () => {
  const user = renderPlan();
  await fill(user, { action: '学习合规手册', due: '2030-01-15' });
  await add(user);
  await fill(user, { action: '参加专项培训', due: '2030-02-15' });
  await add(user);

  const box = screen.getByRole('checkbox', { name: '已完成', description: '参加专项培训' });
  expect(box).not.toBeChecked();
  await user.click(box);
  expect(box).toBeChecked();
  expect(items().map((i) => [i.action, !!i.done])).toEqual([
    ['学习合规手册', false],
    ['参加专项培训', true],
  ]);
  expect(box.closest('li')).toHaveClass('done');

  await user.click(box);
  expect(box).not.toBeChecked();
  expect(items()[1]?.done).toBe(false);
});

test('an item can be removed by its own button, and removing the last one shows the empty plan again', async () => {
  const user = renderPlan();
  await fill(user, { action: '学习合规手册', due: '2030-01-15' });
  await add(user);
  await fill(user, { action: '参加专项培训', due: '2030-02-15' });
  await add(user);

  await user.click(screen.getByRole('button', { name: '删除：学习合规手册' }));
  expect(items().map((i) => i.action)).toEqual(['参加专项培训']);
  expect(screen.queryByText('学习合规手册')).not.toBeInTheDocument();

  await user.click(screen.getByRole('button', { name: '删除：参加专项培训' }));
  expect(items()).toEqual([]);
  expect(screen.getByText('还没有行动项。在下面写下第一条吧。')).toBeInTheDocument();
});

test('an item is edited in place: the form opens with its values, saves under the same id and gives focus back', async () => {
  const user = renderPlan();
  await fill(user, { action: '学习合规手册', measure: '读完', due: '2030-01-15' });
  await add(user);
  const [before] = items();
  await user.click(screen.getByRole('button', { name: '修改：学习合规手册' }));
  const form = screen.getByRole('form', { name: '修改行动项：学习合规手册' });
  expect(within(form).getByRole('combobox', { name: '方面' })).toHaveFocus();
  const action = within(form).getByRole('textbox', { name: '行动内容' });
  expect(action).toHaveValue('学习合规手册');
  await user.clear(action);
  await user.type(action, '学习合规手册第二版');
  await user.click(within(form).getByRole('button', { name: '保存修改' }));

  expect(items()).toEqual([{ ...before, action: '学习合规手册第二版' }]);
  expect(screen.queryByRole('form', { name: /修改行动项/ })).not.toBeInTheDocument();
  expect(screen.getByRole('button', { name: '修改：学习合规手册第二版' })).toHaveFocus();
  expect(screen.getByRole('status')).toHaveTextContent('已更新');
});

test('cancelling an edit changes nothing', async () => {
  const user = renderPlan();
  await fill(user, { action: '学习合规手册', due: '2030-01-15' });
  await add(user);
  const stored = items();
  await user.click(screen.getByRole('button', { name: '修改：学习合规手册' }));
  const form = screen.getByRole('form', { name: '修改行动项：学习合规手册' });
  await user.type(within(form).getByRole('textbox', { name: '行动内容' }), '（改）');
  await user.click(within(form).getByRole('button', { name: '取消' }));
  expect(items()).toEqual(stored);
  expect(screen.getByRole('button', { name: '修改：学习合规手册' })).toHaveFocus();
});

test('a removal can be undone: the item comes back in its place, and focus goes to the undo offer first', async () => {
  const user = renderPlan();
  for (const [action, due] of [['学习合规手册', '2030-01-15'], ['参加专项培训', '2030-02-15'], ['整理客户投诉台账', '2030-03-15']] as const) {
    await fill(user, { action, due });
    await add(user);
  }
  await user.click(screen.getByRole('button', { name: '删除：参加专项培训' }));
  expect(screen.getByRole('status')).toHaveTextContent('已删除「参加专项培训」。');
  const undo = screen.getByRole('button', { name: '撤销删除' });
  expect(undo).toHaveFocus();
  expect(items().map((i) => i.action)).toEqual(['学习合规手册', '整理客户投诉台账']);

  await user.keyboard('{Enter}');
  expect(items().map((i) => i.action)).toEqual(['学习合规手册', '参加专项培训', '整理客户投诉台账']);
  expect(within(screen.getByRole('list')).getAllByRole('listitem')[1]).toHaveTextContent('参加专项培训');
  expect(screen.queryByRole('button', { name: '撤销删除' })).not.toBeInTheDocument();
  expect(screen.getByRole('button', { name: '修改：参加专项培训' })).toHaveFocus();
});

test('a target date before today is refused with a message in the error style', async () => {
  vi.useFakeTimers({ now: new Date(2030, 5, 10, 9), toFake: ['Date'] });
  const user = renderPlan();
  await fill(user, { action: '学习合规手册', due: '2030-06-09' });
  await add(user);
  const due = screen.getByLabelText('完成时间');
  expect(due).toHaveAccessibleDescription('完成时间不能早于今天。');
  expect(due).toHaveAttribute('min', '2030-06-10');
  expect(document.getElementById(due.getAttribute('aria-describedby')!)).toHaveClass('field-error');
  expect(items()).toEqual([]);
  vi.useRealTimers();
});

test('the same action twice in one area is refused; in another area it is accepted', async () => {
  const user = renderPlan();
  await fill(user, { action: '学习合规手册', due: '2030-01-15' });
  await add(user);
  await fill(user, { action: '学习 合规手册 ', due: '2030-02-15' });
  await add(user);
  expect(screen.getByRole('textbox', { name: '行动内容' })).toHaveAccessibleDescription('这个方面已有同样的行动项。');
  expect(items()).toHaveLength(1);
  await user.selectOptions(screen.getByRole('combobox', { name: '方面' }), '技能提升');
  await add(user);
  expect(items()).toHaveLength(2);
});

test('an action over 200 characters is refused with its length, and nothing typed is cut', async () => {
  const user = renderPlan();
  const long = '合'.repeat(201);
  const box = screen.getByRole('textbox', { name: '行动内容' });
  await user.click(box);
  await user.paste(long);
  await fill(user, { due: '2030-01-15' });
  await add(user);
  expect(box).toHaveValue(long);
  expect(box).toHaveAccessibleDescription(/最多 200 字，现在是 201 字/);
  expect(screen.getByText('201/200 字')).toHaveClass('over');
  expect(items()).toEqual([]);
});
