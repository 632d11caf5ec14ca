import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, expect, test } from 'vitest';
import { HashRouter, Link, matchPath, MemoryRouter, Outlet, parseTo, Route, Routes, useLocation, useParams, useSearchParams } from './router.tsx';

afterEach(() => {
  window.history.replaceState(null, '', '#');
});

function Params() {
  return <p data-testid="params">{JSON.stringify(useParams())}</p>;
}

function Where() {
  const { pathname, search } = useLocation();
  return <p data-testid="where">{pathname + search}</p>;
}

function app() {
  return (
    <Routes>
      <Route element={<div data-testid="layout"><Outlet /></div>}>
        <Route index element={<p>home</p>} />
        <Route path="chapter/:chapterId/:sectionId?" element={<Params />} />
        <Route path="search" element={<Where />} />
        <Route path="*" element={<p>not found</p>} />
      </Route>
    </Routes>
  );
}

test('a pattern matches its own paths, with optional and decoded parameters, and nothing longer', () => {
  expect(matchPath('chapter/:chapterId/:sectionId?', '/chapter/intro')).toEqual({ chapterId: 'intro' });
  expect(matchPath('chapter/:chapterId/:sectionId?', '/chapter/intro/s%E4%B8%80')).toEqual({ chapterId: 'intro', sectionId: 's一' });
  expect(matchPath('chapter/:chapterId/:sectionId?', '/chapter')).toBeNull();
  expect(matchPath('chapter/:chapterId/:sectionId?', '/chapter/a/b/c')).toBeNull();
  expect(matchPath('/search', '/search/')).toEqual({});
  expect(matchPath('search', '/records')).toBeNull();
  expect(matchPath('*', '/any/where')).toEqual({});
});

test('a link target splits into pathname and query, always rooted', () => {
  expect(parseTo('/search?q=合规')).toEqual({ pathname: '/search', search: '?q=合规' });
  expect(parseTo('')).toEqual({ pathname: '/', search: '' });
  expect(parseTo('records')).toEqual({ pathname: '/records', search: '' });
});

test('the first matching route renders inside its layout, with its parameters', () => {
  render(<MemoryRouter initialEntries={['/chapter/risk-identification/p3']}>{app()}</MemoryRouter>);
  expect(screen.getByTestId('layout')).toContainElement(screen.getByTestId('params'));
  expect(screen.getByTestId('params')).toHaveTextContent('{"chapterId":"risk-identification","sectionId":"p3"}');
});

test('the index route is the home page, and an unknown path falls through to the catch-all', () => {
  const { unmount } = render(<MemoryRouter>{app()}</MemoryRouter>);
  expect(screen.getByText('home')).toBeInTheDocument();
  unmount();
  render(<MemoryRouter initialEntries={['/nowhere']}>{app()}</MemoryRouter>);
  expect(screen.getByText('not found')).toBeInTheDocument();
});

test('the hash router follows the address: a link is a real #/ address, and Back returns', async () => {
  const user = userEvent.setup();
  render(<HashRouter><Link to="/search?q=x">search</Link>{app()}</HashRouter>);
  expect(screen.getByText('home')).toBeInTheDocument();
  expect(screen.getByRole('link', { name: 'search' })).toHaveAttribute('href', '#/search?q=x');
  await user.click(screen.getByRole('link', { name: 'search' }));
  expect(await screen.findByTestId('where')).toHaveTextContent('/search?q=x');
  await act(async () => {
    window.history.back();
    await new Promise((r) => window.addEventListener('popstate', r, { once: true }));
  });
  expect(await screen.findByText('home')).toBeInTheDocument();
});

test('a link in a memory router navigates without touching the page address', async () => {
  const user = userEvent.setup();
  render(<MemoryRouter><Link to="/chapter/intro">intro</Link>{app()}</MemoryRouter>);
  await user.click(screen.getByRole('link', { name: 'intro' }));
  expect(screen.getByTestId('params')).toHaveTextContent('{"chapterId":"intro"}');
  expect(window.location.hash).toBe('');
});

function Query() {
  const [params, setParams] = useSearchParams();
  return (
    <>
      <p data-testid="q">{params.get('q') ?? ''}</p>
      <button type="button" onClick={() => setParams({ q: '风险 评估' }, { replace: true })}>set</button>
      <button type="button" onClick={() => setParams({}, { replace: true })}>clear</button>
      <Where />
    </>
  );
}

test('setting the query keeps the path, encodes the value, and an empty query leaves a bare path', async () => {
  const user = userEvent.setup();
  render(<HashRouter><Routes><Route path="search" element={<Query />} /></Routes></HashRouter>);
  act(() => {
    window.location.hash = '/search';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  });
  await user.click(await screen.findByRole('button', { name: 'set' }));
  expect(screen.getByTestId('q')).toHaveTextContent('风险 评估');
  expect(window.location.hash).toBe('#/search?q=%E9%A3%8E%E9%99%A9+%E8%AF%84%E4%BC%B0');
  await user.click(screen.getByRole('button', { name: 'clear' }));
  expect(screen.getByTestId('where')).toHaveTextContent(/^\/search$/);
});

test('a link outside any router still points at its #/ address', () => {
  render(<Link to="/records">records</Link>);
  expect(screen.getByRole('link', { name: 'records' })).toHaveAttribute('href', '#/records');
});
