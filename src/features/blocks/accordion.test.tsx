import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test } from 'vitest';
import '../../i18n/index.ts';
import { Accordion, Item } from './accordion.tsx';

function renderAccordion(level?: 3 | 4) {
  const user = userEvent.setup();
  render(
    <Accordion level={level}>
      <Item title="合规手册编制"><p>编写全面、系统的合规手册。</p></Item>
      <Item title="合规操作指引" open><p>针对高风险业务环节制定操作指引。</p></Item>
    </Accordion>,
  );
  return user;
}

const button = (name: string) => screen.getByRole('button', { name });

test('each title is a button inside a heading, saying whether its panel is open and which panel it controls', () => {
  renderAccordion();
  expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['合规手册编制', '合规操作指引']);
  expect(button('合规手册编制')).toHaveAttribute('aria-expanded', 'false');
  expect(button('合规操作指引')).toHaveAttribute('aria-expanded', 'true');
  const open = screen.getByRole('region', { name: '合规操作指引' });
  expect(button('合规操作指引')).toHaveAttribute('aria-controls', open.id);
  expect(open).toHaveTextContent('针对高风险业务环节制定操作指引。');
  expect(screen.getByText('编写全面、系统的合规手册。')).not.toBeVisible();
});

test('Enter and Space open and close an item; items open independently', async () => {
  const user = renderAccordion();
  await user.tab();
  expect(button('合规手册编制')).toHaveFocus();
  await user.keyboard('{Enter}');
  expect(button('合规手册编制')).toHaveAttribute('aria-expanded', 'true');
  expect(screen.getByText('编写全面、系统的合规手册。')).toBeVisible();
  expect(screen.getByText('针对高风险业务环节制定操作指引。')).toBeVisible();
  await user.keyboard(' ');
  expect(button('合规手册编制')).toHaveAttribute('aria-expanded', 'false');
  expect(screen.getByText('编写全面、系统的合规手册。')).not.toBeVisible();
});

test('the heading level follows the level prop', () => {
  renderAccordion(4);
  expect(screen.getAllByRole('heading', { level: 4 })).toHaveLength(2);
  expect(screen.queryAllByRole('heading', { level: 3 })).toHaveLength(0);
});

test('with more than six items the panels are not regions, so the landmarks stay few', () => {
  render(
    <Accordion>
      {Array.from({ length: 7 }, (_, i) => <Item key={i} title={`第${i + 1}项`} open><p>内容{i + 1}</p></Item>)}
    </Accordion>,
  );
  expect(screen.queryAllByRole('region')).toHaveLength(0);
  expect(screen.getByText('内容7')).toBeVisible();
});
