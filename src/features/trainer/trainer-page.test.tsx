import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createHash } from 'node:crypto';
import { MemoryRouter } from '../../ui/router.tsx';
import { afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import course from 'virtual:course';
import items from 'virtual:course-items';
import '../../i18n/index.ts';
import { createTransfer, transferText } from '../../domain/transfer.ts';
import { simulatedLearners } from '../../domain/training-report-builders.ts';
import { toCsv } from '../../exporters/to-csv.ts';
import { buildCompletionRecord } from '../../domain/completion-record.ts';
import { REVIEW_KEY, reviewModeStored } from '../../ui/review-mode.ts';
import { resetStore, withStore } from '../test-builders.ts';
import { TrainerPage } from './trainer-page.tsx';

const sha256 = async (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const NOW = Date.UTC(2026, 5, 1);
const learners = simulatedLearners(course, items, 4, {}, 7);

let files: File[] = [];
beforeAll(async () => {
  const transfer = async (l: (typeof learners)[number], updatedAt = l.progress.updatedAt) =>
    transferText(await createTransfer({ manifest: course, items, learner: l.learner, progress: { ...l.progress, updatedAt }, now: NOW, sha256 }));
  const [a, b, c, d] = learners as [typeof learners[number], typeof learners[number], typeof learners[number], typeof learners[number]];
  files = [
    new File([await transfer(a)], 'a.json'),
    new File([await transfer(b)], 'b.json'),
    new File([await transfer(c)], 'c.json'),
    // the same learner as a.json, exported earlier
    new File([await transfer(a, a.progress.updatedAt - 60_000)], 'a-old.json'),
    // a colleague's summary sheet with the fourth learner
    new File([toCsv(buildCompletionRecord({ manifest: course, items, learner: d.learner, progress: d.progress, now: NOW })).summary], 'summary.csv'),
    new File(['{"type":"zhixing-transfer","version":1'], 'cut.json'),
  ];
});

beforeEach(() => {
  resetStore();
  localStorage.removeItem(REVIEW_KEY);
});
afterEach(() => vi.restoreAllMocks());

async function importFiles() {
  const user = userEvent.setup();
  render(withStore(<MemoryRouter><TrainerPage /></MemoryRouter>));
  await screen.findByRole('heading', { level: 1, name: '培训师工作台' });
  await user.upload(screen.getByLabelText('选择文件'), files);
  await screen.findByText(/从 6 个文件中导入了 4 名学员。/, undefined, { timeout: 10_000 });
  return user;
}

describe('the trainer page', { timeout: 30_000 }, () => {
  test('imports several files at once: names the bad file, keeps the newest duplicate, and lists every learner', async () => {
    await importFiles();
    expect(screen.getByText(/1 个文件有问题/)).toBeInTheDocument();
    expect(screen.getByText('cut.json').closest('li')).toHaveTextContent('cut.json: 文件不完整（下载或复制时被截断），请让学员重新导出。');
    expect(screen.getByText(/a\.json（最新），未采用 a-old\.json/)).toBeInTheDocument();
    const table = screen.getByRole('table', { name: '学员名单' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent).sort()).toEqual(learners.map((l) => l.learner.name).sort());
    expect(screen.getByText('显示 4 / 4 名学员')).toBeInTheDocument();
  });

  test('sorts the learners by a column, and says which way', async () => {
    const user = await importFiles();
    const table = screen.getByRole('table', { name: '学员名单' });
    await user.click(within(table).getByRole('button', { name: '工号' }));
    await user.click(within(table).getByRole('button', { name: '工号' }));
    expect(within(table).getByRole('columnheader', { name: '工号' })).toHaveAttribute('aria-sort', 'descending');
    const ids = within(table).getAllByRole('row').slice(1).map((r) => r.querySelectorAll('td')[0]!.textContent);
    expect(ids).toEqual([...ids].sort().reverse());
  });

  test('filters by status, and refuses a negative number of days with a message', async () => {
    const user = await importFiles();
    await user.selectOptions(screen.getByLabelText('状态'), '已通过');
    const shown = screen.getByText(/^显示 \d+ \/ 4 名学员$/).textContent!;
    const n = Number(/显示 (\d+)/.exec(shown)![1]);
    expect(within(screen.getByRole('table', { name: '学员名单' })).getAllByRole('row')).toHaveLength(n + 1);
    await user.type(screen.getByLabelText('证书几天内到期'), '-3');
    expect(screen.getByText('请输入 0 或更大的整数天数。')).toBeInTheDocument();
    expect(screen.getByLabelText('证书几天内到期')).toHaveAttribute('aria-invalid', 'true');
  });

  test('shows where training is needed and exports it as CSV with a BOM', async () => {
    const saved: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      saved.push(b as Blob);
      return 'blob:test';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const user = await importFiles();
    expect(screen.getByTestId('weakest-part')).toHaveTextContent(/^最薄弱的部分：/);
    expect(screen.getByTestId('hardest-question')).toHaveTextContent(/^最难的题目：/);
    expect(screen.getByRole('table', { name: '题目分析' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '导出汇总 CSV' }));
    const bytes = new Uint8Array(await saved[0]!.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = await saved[0]!.text();
    expect(text.startsWith('section,id,label')).toBe(true);
    expect(text).toContain('\r\nsummary,learners,,,,4,');
  });

  test('review mode is off until turned on, and is remembered on the device', async () => {
    const user = userEvent.setup();
    render(withStore(<MemoryRouter><TrainerPage /></MemoryRouter>));
    const toggle = await screen.findByRole('checkbox', { name: '开启审阅模式' });
    expect(toggle).not.toBeChecked();
    await user.click(toggle);
    expect(toggle).toBeChecked();
    expect(reviewModeStored()).toBe(true);
    await user.click(toggle);
    await waitFor(() => expect(reviewModeStored()).toBe(false));
  });
});
