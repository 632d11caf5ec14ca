import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes, useLocation } from '../../ui/router.tsx';
import { expect, test, vi } from 'vitest';
import '../../i18n/index.ts';
import { findTextRanges } from './find-text.ts';
import { SearchPage } from './search-page.tsx';

// the first search loads the course's index, built from the content like the build does
vi.setConfig({ testTimeout: 30_000 });

function Where() {
  const { pathname, search } = useLocation();
  return <p data-testid="where">{decodeURIComponent(pathname + search)}</p>;
}

function renderSearch(entry = '/search') {
  const user = userEvent.setup();
  render(
    <MemoryRouter initialEntries={[entry]}>
      <Routes>
        <Route path="/search" element={<SearchPage />} />
        <Route path="*" element={<Where />} />
      </Routes>
    </MemoryRouter>,
  );
  return user;
}

test('a labelled search field, focused, finds the sections for a Chinese term and announces their count', async () => {
  const user = renderSearch();
  const field = screen.getByRole('searchbox', { name: '搜索词语或短语' });
  expect(field).toHaveFocus();
  await user.type(field, '神秘顾客');
  const status = await screen.findByText(/“神秘顾客”找到 \d+ 个小节/, undefined, { timeout: 20_000 });
  expect(status).toHaveAttribute('role', 'status');
  const list = screen.getByRole('list', { name: '搜索结果' });
  const items = within(list).getAllByRole('listitem');
  expect(status).toHaveTextContent(`找到 ${items.length} 个小节`);
  // the section that teaches the term comes first, its match marked in the snippet
  const first = items[0]!;
  expect(within(first).getByRole('link')).toHaveTextContent('合规考核与激励 · 考核方法与工具');
  expect(first.querySelector('mark')).toHaveTextContent('神秘客户');
  // the glossary's definition beside the results
  expect(screen.getByRole('complementary', { name: '术语表：神秘客户' })).toHaveTextContent('由不公开身份的人员以普通客户身份体验服务');
});

test('choosing a result opens its section with the words to highlight', async () => {
  const user = renderSearch('/search?q=风险矩阵');
  const list = await screen.findByRole('list', { name: '搜索结果' }, { timeout: 20_000 });
  await user.click(within(list).getAllByRole('link')[0]!);
  expect(screen.getByTestId('where')).toHaveTextContent('/chapter/risk-identification/p3-assessment?hl=风险矩阵');
});

test('a search that finds nothing says so and suggests another wording', async () => {
  renderSearch('/search?q=量子纠缠');
  expect(await screen.findByText('没有找到“量子纠缠”。试试更短的词或换一种说法。', undefined, { timeout: 20_000 })).toHaveAttribute('role', 'status');
  expect(screen.queryByRole('list')).toBeNull();
});

test('the highlight finds the words across elements, ignoring case, and not in hidden text', () => {
  const root = document.createElement('section');
  root.innerHTML = '<p>按照<strong>PDCA</strong>循环改进。<span hidden>PDCA循环（定义）</span></p><p>pdca循环再来一次。</p>';
  document.body.append(root);
  const ranges = findTextRanges(root, 'PDCA循环');
  expect(ranges.map((r) => r.toString())).toEqual(['PDCA循环', 'pdca循环']);
  expect(ranges[0]!.startContainer.parentElement?.tagName).toBe('STRONG');
  root.remove();
});
