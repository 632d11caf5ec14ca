import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from '../../ui/router.tsx';
import { beforeEach, expect, test } from 'vitest';
import course from 'virtual:course';
import '../../i18n/index.ts';
import { markSectionSeen } from '../../domain/progress-updates.ts';
import { LEARNER_ID, resetStore, testStore, withStore } from '../test-builders.ts';
import { HomePage } from './home-page.tsx';

const renderHome = () => {
  const user = userEvent.setup();
  render(withStore(<MemoryRouter><HomePage /></MemoryRouter>));
  return user;
};

beforeEach(() => {
  resetStore();
});

const unnamed = () => testStore().setState((s) => ({ learners: { [LEARNER_ID]: { ...s.learners[LEARNER_ID]!, name: '' } } }));

test('a first visit has one thing to do, give a name: there is no way into the course unnamed', async () => {
  unnamed();
  const user = renderHome();
  expect(screen.getByText('欢迎参加培训')).toBeInTheDocument();
  expect(screen.getByRole('button', { name: '保存' })).toHaveClass('primary');
  expect(screen.queryByRole('link', { name: '开始学习' })).not.toBeInTheDocument();

  await user.type(screen.getByRole('textbox', { name: '姓名' }), '张小明');
  await user.click(screen.getByRole('button', { name: '保存' }));
  // just named, not yet begun: welcomed, not "welcomed back"
  expect(screen.getByText('张小明，欢迎参加培训')).toBeInTheDocument();
  expect(screen.queryByText(/欢迎回来/)).not.toBeInTheDocument();
  expect(screen.getByRole('link', { name: '开始学习' })).toHaveAttribute('href', `#/chapter/${course.chapters[0]!.id}`);
});

test('a name that is too long is kept whole as typed and refused with its limit', async () => {
  unnamed();
  const user = renderHome();
  const long = '张'.repeat(61);
  const box = screen.getByRole('textbox', { name: '姓名' });
  await user.click(box);
  await user.paste(long);
  expect(box).toHaveValue(long);
  await user.click(screen.getByRole('button', { name: '保存' }));
  expect(screen.getByRole('alert')).toHaveTextContent('姓名不能超过 60 个字。');
  expect(testStore().getState().learners[LEARNER_ID]!.name).toBe('');
});

test('a learner who has begun is welcomed back and led on', () => {
  testStore().setState((s) => ({ progress: { [LEARNER_ID]: markSectionSeen(s.progress[LEARNER_ID]!, course.chapters[0]!.sections[0]!.id, 1000) } }));
  renderHome();
  expect(screen.getByText('测试学员，欢迎回来')).toBeInTheDocument();
  expect(screen.getByRole('link', { name: /^继续：/ })).toBeInTheDocument();
});
