import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test } from 'vitest';
import '../../i18n/index.ts';
import { Step, Steps } from './steps.tsx';

function renderSteps(mode?: 'one' | 'all') {
  const user = userEvent.setup();
  render(
    <Steps title="投诉处理的四个环节" mode={mode}>
      <Step title="投诉接收"><p>倾听、记录、确认、道歉和承诺处理。</p></Step>
      <Step title="问题分析与判断"><p>分析问题性质、原因和影响。</p></Step>
      <Step title="解决方案制定"><p>制定合理、可行的解决方案。</p></Step>
    </Steps>,
  );
  return user;
}

const list = () => screen.getByRole('list', { name: '投诉处理的四个环节' });
const visibleSteps = () => within(list()).queryAllByRole('listitem').map((li) => li.textContent);

test('one step at a time: the first is shown with its number and position, previous is unavailable', () => {
  renderSteps();
  expect(visibleSteps()).toEqual(['1投诉接收倾听、记录、确认、道歉和承诺处理。']);
  expect(screen.getByRole('button', { name: '上一步' })).toBeDisabled();
  expect(screen.getByText('第 1 步，共 3 步')).toBeInTheDocument();
});

test('next and previous move through the steps and the live region announces the position and title', async () => {
  const user = renderSteps();
  await user.click(screen.getByRole('button', { name: '下一步' }));
  expect(visibleSteps()).toEqual(['2问题分析与判断分析问题性质、原因和影响。']);
  const live = screen.getByText('第 2 步，共 3 步');
  expect(live).toHaveAttribute('aria-live', 'polite');
  expect(live).toHaveTextContent('第 2 步，共 3 步问题分析与判断');
  expect(within(list()).getByRole('listitem')).toHaveAttribute('aria-current', 'step');
  await user.click(screen.getByRole('button', { name: '上一步' }));
  expect(visibleSteps()[0]).toContain('投诉接收');
});

test('at the last step next is unavailable and the focus moves to the step shown, not to the page', async () => {
  const user = renderSteps();
  await user.click(screen.getByRole('button', { name: '下一步' }));
  await user.click(screen.getByRole('button', { name: '下一步' }));
  expect(screen.getByRole('button', { name: '下一步' })).toBeDisabled();
  await new Promise((r) => requestAnimationFrame(r));
  expect(document.activeElement).toHaveTextContent('3解决方案制定');
});

test('"show all" shows every step and hides previous and next; pressed again it goes back to one at a time', async () => {
  const user = renderSteps();
  const toggle = screen.getByRole('button', { name: '显示全部步骤' });
  await user.click(toggle);
  expect(toggle).toHaveAttribute('aria-pressed', 'true');
  expect(visibleSteps()).toHaveLength(3);
  expect(screen.queryByRole('button', { name: '下一步' })).not.toBeInTheDocument();
  await user.keyboard('{Enter}');
  expect(visibleSteps()).toHaveLength(1);
});

test('mode="all" starts with every step shown', () => {
  renderSteps('all');
  expect(visibleSteps()).toHaveLength(3);
  expect(screen.getByRole('button', { name: '显示全部步骤' })).toHaveAttribute('aria-pressed', 'true');
});
