import { render, screen } from '@testing-library/react';
import glossary from 'virtual:glossary';
import userEvent from '@testing-library/user-event';
import { expect, test } from 'vitest';
import '../../i18n/index.ts';
import { Card, Flashcards } from './flashcards.tsx';

function renderCards() {
  const user = userEvent.setup();
  render(
    <Flashcards title="三道防线">
      <Card term="第一道防线"><p>业务部门，直接承担本部门的合规责任。</p></Card>
      <Card term="第二道防线"><p>合规部门，制定合规政策、提供合规咨询。</p></Card>
    </Flashcards>,
  );
  return user;
}

const card = (term: string) => screen.getByRole('button', { name: new RegExp(`^${term}`) });
const live = () => document.querySelector('[aria-live="polite"]')!;

test('each card shows its term on a button that says the back is closed and how to turn it', () => {
  renderCards();
  expect(screen.getByRole('list', { name: '三道防线' })).toBeInTheDocument();
  expect(card('第一道防线')).toHaveAttribute('aria-expanded', 'false');
  expect(card('第一道防线')).toHaveAccessibleDescription('点击卡片，或按 Enter 键、空格键翻面');
  expect(screen.getByText('业务部门，直接承担本部门的合规责任。')).not.toBeVisible();
  expect(live()).toBeEmptyDOMElement();
});

test('a click turns a card over: the back shows and the live region reads it; a second click turns it back', async () => {
  const user = renderCards();
  await user.click(card('第一道防线'));
  expect(card('第一道防线')).toHaveAttribute('aria-expanded', 'true');
  expect(screen.getByText('业务部门，直接承担本部门的合规责任。')).toBeVisible();
  expect(live()).toHaveTextContent('「第一道防线」已翻到背面：业务部门，直接承担本部门的合规责任。');
  expect(card('第二道防线')).toHaveAttribute('aria-expanded', 'false');
  await user.click(card('第一道防线'));
  expect(screen.getByText('业务部门，直接承担本部门的合规责任。')).not.toBeVisible();
  expect(live()).toHaveTextContent('「第一道防线」已翻回正面');
});

test('Enter and Space turn a card by keyboard', async () => {
  const user = renderCards();
  await user.tab();
  await user.tab();
  expect(card('第二道防线')).toHaveFocus();
  await user.keyboard('{Enter}');
  expect(card('第二道防线')).toHaveAttribute('aria-expanded', 'true');
  await user.keyboard(' ');
  expect(card('第二道防线')).toHaveAttribute('aria-expanded', 'false');
});

test('a card drawn from the glossary shows the term and its definition as the content defines them', async () => {
  const user = userEvent.setup();
  const pdca = glossary.find((g) => g.id === 'pdca-cycle')!;
  render(<Flashcards><Card glossary="pdca-cycle" /></Flashcards>);
  await user.click(card(pdca.term));
  expect(screen.getByText(pdca.definition)).toBeVisible();
  expect(live()).toHaveTextContent(`「${pdca.term}」已翻到背面：${pdca.definition}`);
});
