import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes, useLocation } from '../../ui/router.tsx';
import { expect, test } from 'vitest';
import '../../i18n/index.ts';
import { Term } from './term.tsx';

function Where() {
  return <p data-testid="where">{useLocation().pathname}</p>;
}

function renderTerm(id = 'mystery-shopper', text = '神秘顾客') {
  const user = userEvent.setup();
  render(
    <MemoryRouter>
      <Routes>
        <Route path="*" element={<><p>抽查可以请<Term id={id}>{text}</Term>来体验。</p><button type="button">别处</button><Where /></>} />
      </Routes>
    </MemoryRouter>,
  );
  return user;
}

const trigger = () => screen.getByRole('button', { name: '神秘顾客' });

test('a term is a button that controls its definition, closed at first', () => {
  renderTerm();
  expect(trigger()).toHaveAttribute('aria-expanded', 'false');
  const panel = document.getElementById(trigger().getAttribute('aria-controls')!);
  expect(panel).not.toBeVisible();
  expect(screen.queryByRole('group', { name: '“神秘客户”的定义' })).toBeNull();
});

test('Enter opens the definition with a link to the glossary; Escape closes it and returns the focus to the term', async () => {
  const user = renderTerm();
  await user.tab();
  expect(trigger()).toHaveFocus();
  await user.keyboard('{Enter}');
  expect(trigger()).toHaveAttribute('aria-expanded', 'true');
  const panel = screen.getByRole('group', { name: '“神秘客户”的定义' });
  expect(panel).toHaveTextContent('由不公开身份的人员以普通客户身份体验服务');
  await user.tab();
  expect(screen.getByRole('link', { name: '打开术语表' })).toHaveFocus();
  await user.keyboard('{Escape}');
  expect(trigger()).toHaveAttribute('aria-expanded', 'false');
  expect(trigger()).toHaveFocus();
  expect(panel).not.toBeVisible();
});

test('Space and a click toggle the definition; a click elsewhere closes it', async () => {
  const user = renderTerm();
  await user.tab();
  await user.keyboard(' ');
  expect(trigger()).toHaveAttribute('aria-expanded', 'true');
  await user.click(trigger());
  expect(trigger()).toHaveAttribute('aria-expanded', 'false');
  await user.click(trigger());
  expect(trigger()).toHaveAttribute('aria-expanded', 'true');
  await user.click(screen.getByRole('button', { name: '别处' }));
  expect(trigger()).toHaveAttribute('aria-expanded', 'false');
  expect(screen.getByRole('button', { name: '别处' })).toHaveFocus();
});

test('the link opens the term on the glossary page', async () => {
  const user = renderTerm();
  await user.click(trigger());
  await user.click(screen.getByRole('link', { name: '打开术语表' }));
  expect(screen.getByTestId('where')).toHaveTextContent('/glossary/mystery-shopper');
});

test('a term the glossary does not know is shown as plain text', () => {
  renderTerm('no-such-term', '某词');
  expect(screen.getByText(/某词/).tagName).toBe('P');
  expect(screen.queryByRole('button', { name: '某词' })).toBeNull();
});
