import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { act } from 'react';
import { beforeEach, expect, test } from 'vitest';
import '../../i18n/index.ts';
import { placeRisk } from '../../domain/progress-updates.ts';
import { inChapter, LEARNER_ID, resetStore, riskMatrix, testStore } from '../test-builders.ts';
import { Callout } from './key-points.tsx';

const matrix = riskMatrix({ id: 'm1', risks: [{ id: 'a', likelihood: 2, impact: 3, text: '甲' }, { id: 'b', likelihood: 1, impact: 1, text: '乙' }] });
const place = (riskId: string) =>
  act(() => testStore().setState((s) => ({ progress: { [LEARNER_ID]: placeRisk(s.progress[LEARNER_ID]!, 'm1', riskId, { likelihood: 1, impact: 1 }) } })));

beforeEach(() => {
  resetStore();
});

test('a reference answer waits until every risk of its matrix is placed', () => {
  render(inChapter({ matrices: [matrix] }, <Callout kind="tip" title="参考思路" revealAfter="m1"><p>风险A属于中。</p></Callout>));
  expect(screen.queryByText('风险A属于中。')).not.toBeInTheDocument();
  expect(screen.getByRole('note', { name: '提示参考思路' })).toHaveTextContent('先完成上面的练习');
  place('a');
  expect(screen.queryByText('风险A属于中。')).not.toBeInTheDocument();
  place('b');
  expect(screen.getByText('风险A属于中。')).toBeInTheDocument();
});

test('a learner may open the reference answer before finishing', async () => {
  const user = userEvent.setup();
  render(inChapter({ matrices: [matrix] }, <Callout kind="tip" revealAfter="m1"><p>风险A属于中。</p></Callout>));
  await user.click(screen.getByRole('button', { name: '现在就看' }));
  expect(screen.getByText('风险A属于中。')).toBeInTheDocument();
});

test('a callout without revealAfter shows its text at once', () => {
  render(inChapter({}, <Callout kind="warning"><p>注意正文。</p></Callout>));
  expect(screen.getByText('注意正文。')).toBeInTheDocument();
});
