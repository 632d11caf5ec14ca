import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test } from 'vitest';
import '../../i18n/index.ts';
import { Tab, Tabs } from './tabs.tsx';

function renderTabs() {
  const user = userEvent.setup();
  render(
    <Tabs title="合规要求的四类来源">
      <Tab title="法律法规"><p>国家制定的法律和行政法规。</p></Tab>
      <Tab title="监管规定"><p>监管机构针对本行业发布的规定。</p></Tab>
      <Tab title="行业准则"><p>行业协会制定的自律规则。</p></Tab>
    </Tabs>,
  );
  return user;
}

const tab = (name: string) => screen.getByRole('tab', { name });

test('the tab list is named by its title; the first tab is selected, in the tab order, and names the panel it controls', () => {
  renderTabs();
  expect(screen.getByRole('tablist', { name: '合规要求的四类来源' })).toBeInTheDocument();
  expect(screen.getAllByRole('tab').map((t) => [t.textContent, t.getAttribute('aria-selected'), t.tabIndex])).toEqual([
    ['法律法规', 'true', 0],
    ['监管规定', 'false', -1],
    ['行业准则', 'false', -1],
  ]);
  const panel = screen.getByRole('tabpanel', { name: '法律法规' });
  expect(tab('法律法规')).toHaveAttribute('aria-controls', panel.id);
  expect(panel).toHaveTextContent('国家制定的法律和行政法规。');
  expect(screen.queryByText('监管机构针对本行业发布的规定。')).not.toBeVisible();
});

test('arrow keys move the selection and the focus, wrapping at both ends; Home and End go to the first and last tab', async () => {
  const user = renderTabs();
  await user.tab();
  expect(tab('法律法规')).toHaveFocus();
  await user.keyboard('{ArrowRight}');
  expect(tab('监管规定')).toHaveFocus();
  expect(tab('监管规定')).toHaveAttribute('aria-selected', 'true');
  expect(screen.getByRole('tabpanel', { name: '监管规定' })).toHaveTextContent('监管机构针对本行业发布的规定。');
  await user.keyboard('{ArrowRight}{ArrowRight}');
  expect(tab('法律法规')).toHaveFocus();
  await user.keyboard('{ArrowLeft}');
  expect(tab('行业准则')).toHaveFocus();
  await user.keyboard('{Home}');
  expect(tab('法律法规')).toHaveAttribute('aria-selected', 'true');
  await user.keyboard('{End}');
  expect(tab('行业准则')).toHaveFocus();
  expect(screen.getAllByRole('tab').filter((t) => t.tabIndex === 0)).toEqual([tab('行业准则')]);
});

test('Tab from the selected tab goes to its panel, not to the other tabs', async () => {
  const user = renderTabs();
  await user.click(tab('行业准则'));
  await user.tab();
  expect(screen.getByRole('tabpanel', { name: '行业准则' })).toHaveFocus();
});

test('a click selects a tab and shows its panel only', async () => {
  const user = renderTabs();
  await user.click(tab('监管规定'));
  expect(screen.getAllByRole('tabpanel')).toHaveLength(1);
  expect(screen.getByRole('tabpanel')).toHaveAccessibleName('监管规定');
  expect(screen.getByText('国家制定的法律和行政法规。')).not.toBeVisible();
});
