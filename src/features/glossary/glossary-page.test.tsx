import { render, screen, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from '../../ui/router.tsx';
import glossary from 'virtual:glossary';
import { expect, test } from 'vitest';
import '../../i18n/index.ts';
import { GlossaryPage } from './glossary-page.tsx';

function renderAt(path: string) {
  render(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route path="/glossary/:termId?" element={<GlossaryPage />} />
      </Routes>
    </MemoryRouter>,
  );
}

test('lists every term of the course under the part that teaches it, with its definition and where to read it', () => {
  renderAt('/glossary');
  expect(screen.getByRole('heading', { level: 1, name: '术语表' })).toBeInTheDocument();
  expect(document.querySelectorAll('dt')).toHaveLength(glossary.length);
  const part3 = screen.getByRole('heading', { level: 2, name: '第3部分 · 合规风险识别与防范' }).closest('section')!;
  const dt = within(part3).getByText('风险矩阵').closest('dt')!;
  expect(dt).toHaveAttribute('id', 'term-risk-matrix');
  const dd = dt.nextElementSibling as HTMLElement;
  expect(dd).toHaveTextContent('把可能性作为一个坐标、影响程度作为另一个坐标');
  expect(within(dd).getByRole('link', { name: '合规风险识别与防范 · 风险评估与分级' })).toHaveAttribute('href', '#/chapter/risk-identification/p3-assessment');
  // aliases are shown beside the term
  expect(screen.getByText('神秘客户').closest('dt')).toHaveTextContent('又作：神秘顾客');
});

test('a link to one term focuses it', () => {
  renderAt('/glossary/mystery-shopper');
  expect(document.getElementById('term-mystery-shopper')).toHaveFocus();
  expect(screen.queryByRole('alert')).toBeNull();
});

test('a link to a term the glossary does not have says so', () => {
  renderAt('/glossary/no-such-term');
  expect(screen.getByRole('alert')).toHaveTextContent('术语表中没有术语“no-such-term”。');
});
