import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { createHash } from 'node:crypto';
import { MemoryRouter } from '../../ui/router.tsx';
import { afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import course from 'virtual:course';
import items from 'virtual:course-items';
import { canonicalJson } from '../../domain/canonical.ts';
import { markSectionSeen } from '../../domain/progress-updates.ts';
import { setLocale } from '../../i18n/index.ts';
import { LEARNER_ID, resetStore, testStore, withStore } from '../test-builders.ts';
import { recordFile } from './record-files.ts';
import { courseworkIn } from './records-builders.ts';
import { loadCourseItems } from './use-course-items.ts';
import { RecordsPage } from './records-page.tsx';

const T = Date.UTC(2026, 2, 1, 1, 0, 0);
const NAME = '测试学员';

/** The current learner has read a chapter, passed its quiz and finished its scenario. */
function seedCoursework() {
  const work = courseworkIn(course, items, T);
  testStore().setState((s) => ({ learners: { [LEARNER_ID]: { ...s.learners[LEARNER_ID]!, employeeId: 'E1024' } }, progress: { [LEARNER_ID]: work.progress } }));
  return work;
}

// the page renders the whole course's record: on a busy machine that takes longer than the default 5 s
vi.setConfig({ testTimeout: 20_000 });
// the answer key loads once, before the first test, as the page loads it
beforeAll(() => loadCourseItems(), 30_000);

let saved: { name: string; blob: Blob }[] = [];
beforeEach(() => {
  resetStore();
  saved = [];
  const blobs: Blob[] = [];
  vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: vi.fn((b: Blob) => `blob:test/${blobs.push(b)}`), revokeObjectURL: vi.fn() }));
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push({ name: this.download, blob: blobs[Number(this.href.split('/').pop()) - 1]! });
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

async function renderPage(): Promise<UserEvent> {
  const user = userEvent.setup();
  render(withStore(<MemoryRouter><RecordsPage /></MemoryRouter>));
  await screen.findByRole('heading', { name: '下载我的学习记录' });
  return user;
}

const chaptersTable = () => within(screen.getByRole('region', { name: '各章情况' }).querySelector('table')!);
const rowOf = (title: string) => chaptersTable().getByRole('row', { name: new RegExp(title) });
const fileInput = () => screen.getByLabelText('迁移文件（.json）');
const alert = () => screen.getAllByRole('alert').find((a) => a.textContent)?.textContent ?? '';
const statusText = () => screen.getAllByRole('status').map((s) => s.textContent).join(' ');
const json = (name: string) => new File([name], 'x_transfer.json', { type: 'application/json' });
const sha = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

async function download(user: UserEvent, label: string): Promise<{ name: string; text: string }> {
  const before = saved.length;
  await user.click(screen.getByRole('button', { name: label }));
  await waitFor(() => expect(saved.length).toBe(before + 1));
  const file = saved[before]!;
  await waitFor(() => expect(statusText()).toContain(file.name));
  // the BOM stays visible: Blob.text() decodes without stripping it only via arrayBuffer
  return { name: file.name, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(await file.blob.arrayBuffer()) };
}

/** A transfer file of the current learner, made as the page makes it. */
async function transferOfCurrent(): Promise<string> {
  const s = testStore().getState();
  const file = await recordFile('transfer', { manifest: course, items, learner: s.learners[LEARNER_ID]!, progress: s.progress[LEARNER_ID]!, now: T + 3_600_000, date: '2026-03-01' });
  return file.text;
}

describe('the records page', () => {
  test('shows the chapters, scenario, plan and time from the completion record', async () => {
    const { chapter, scenario } = seedCoursework();
    await renderPage();
    const row = rowOf(chapter.title);
    expect(within(row).getByText('已完成')).toBeInTheDocument();
    expect(within(row).getByText('100% ✓')).toBeInTheDocument();
    expect(within(row).getByText(`${chapter.sections.length}/${chapter.sections.length}`)).toBeInTheDocument();
    const scenarios = within(screen.getByRole('region', { name: '情景案例' }));
    expect(scenarios.getByRole('row', { name: new RegExp(scenario.title) })).toBeInTheDocument();
    expect(screen.getByText('首次学习')).toBeInTheDocument();
    expect(screen.getByText(/未完成 · 尚无结业考核结果/)).toBeInTheDocument();
  });
});

describe('downloads', () => {
  test('give each format a file named by course, learner, employee id, date and kind', async () => {
    seedCoursework();
    const user = await renderPage();
    const names: string[] = [];
    for (const label of ['SCORM 1.2 数据（JSON）', 'SCORM 2004 数据（JSON）', 'xAPI 语句（JSON）', '汇总表（CSV，用于电子表格）', '答题与决策明细（CSV，用于电子表格）', '迁移文件，用于另一台设备（JSON）']) names.push((await download(user, label)).name);
    const date = /\d{4}-\d{2}-\d{2}/;
    expect(names.map((n) => n.replace(date, 'DATE'))).toEqual(['scorm12.json', 'scorm2004.json', 'xapi.json', 'summary.csv', 'interactions.csv', 'transfer.json'].map((k) => `${course.id}_${NAME}-E1024_DATE_${k}`));
    expect(statusText()).toContain(`已下载 ${names[5]}。`);
  });

  test('hold the record in each format: status, score, interactions, BOM and statement ids', async () => {
    const { quiz, scenario } = seedCoursework();
    const user = await renderPage();
    const scorm12 = JSON.parse((await download(user, 'SCORM 1.2 数据（JSON）')).text) as { values: Record<string, string> };
    expect(scorm12.values['cmi.core.lesson_status']).toBe('incomplete');
    expect(Object.keys(scorm12.values).filter((k) => /^cmi\.interactions\.\d+\.id$/.test(k)).length).toBe(quiz.questions.length + Object.keys(testStore().getState().progress[LEARNER_ID]!.scenarios[scenario.id]!.latest.choices).length);
    const scorm2004 = JSON.parse((await download(user, 'SCORM 2004 数据（JSON）')).text) as { values: Record<string, string> };
    expect(scorm2004.values['cmi.completion_status']).toBe('incomplete');
    expect(scorm2004.values['cmi.interactions.0.result']).toBe('correct');
    const xapi = JSON.parse((await download(user, 'xAPI 语句（JSON）')).text) as { id: string; verb: { id: string } }[];
    expect(xapi.filter((s) => s.verb.id.endsWith('/answered')).length).toBeGreaterThanOrEqual(quiz.questions.length);
    const again = JSON.parse((await download(user, 'xAPI 语句（JSON）')).text) as { id: string }[];
    expect(again.map((s) => s.id)).toEqual(xapi.map((s) => s.id));
    const summary = (await download(user, '汇总表（CSV，用于电子表格）')).text;
    expect(summary.startsWith('\uFEFF')).toBe(true);
    expect(summary).toContain(NAME);
    const interactions = (await download(user, '答题与决策明细（CSV，用于电子表格）')).text;
    expect(interactions.startsWith('\uFEFF')).toBe(true);
    for (const q of quiz.questions) expect(interactions).toContain(q.id);
    const transfer = JSON.parse((await download(user, '迁移文件，用于另一台设备（JSON）')).text) as { type: string; course: { id: string }; digest: { value: string } };
    expect(transfer).toMatchObject({ type: 'zhixing-transfer', course: { id: course.id } });
    expect(transfer.digest.value).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('importing a transfer file', () => {
  const bad: [string, () => Promise<string>, string][] = [
    ['text that is not JSON', async () => '姓名,成绩\n李明,75', '无法导入：这不是 JSON 文件。'],
    ['a file cut short', async () => (await transferOfCurrent()).slice(0, 900), '无法导入：文件不完整'],
    ['JSON that is not a Zhixing file', async () => JSON.stringify({ statements: [] }), '无法导入：这不是知行的迁移文件。'],
    [
      'a file of another course',
      async () => {
        const f = JSON.parse(await transferOfCurrent()) as Record<string, unknown>;
        delete f.digest;
        f.course = { id: 'other-course', version: '1.0.0' };
        return JSON.stringify({ ...f, digest: { algorithm: 'SHA-256', value: sha(canonicalJson(f)) } });
      },
      '无法导入：文件中是另一门课程（other-course）的记录',
    ],
    ['a file from a newer version', async () => JSON.stringify({ ...(JSON.parse(await transferOfCurrent()) as object), schemaVersion: 99 }), '无法导入：文件由更新版本的课程播放器生成（格式 99）'],
    ['a file edited by hand', async () => (await transferOfCurrent()).replace(NAME, '张三'), '无法导入：文件在导出后被修改过'],
  ];
  for (const [what, make, message] of bad)
    test(`${what} is refused with a clear message, and nothing changes`, async () => {
      seedCoursework();
      const text = await make();
      const user = await renderPage();
      const before = structuredClone({ learners: testStore().getState().learners, progress: testStore().getState().progress });
      await user.upload(fileInput(), json(text));
      await waitFor(() => expect(alert()).toContain(message));
      expect({ learners: testStore().getState().learners, progress: testStore().getState().progress }).toEqual(before);
    });

  test('the refusal is worded in English too', async () => {
    const user = await renderPage();
    await act(() => setLocale('en'));
    try {
      await user.upload(await screen.findByLabelText('Transfer file (.json)'), json('{"type":"zhixing-transfer","version":1'));
      await waitFor(() => expect(alert()).toContain('it ends early, so the download or copy was cut short'));
    } finally {
      await act(() => setLocale('zh-CN'));
    }
  });

  test('asks before joining a file older than this device’s copy, with focus on the question, and can keep the local copy', async () => {
    seedCoursework();
    const text = await transferOfCurrent();
    // since the file was made, this device lost nothing the file holds but one section, and read another
    const filed = testStore().getState().progress[LEARNER_ID]!;
    const [dropped, ...kept] = Object.entries(filed.sectionsSeen);
    const other = course.chapters.find((c) => c.sections.length && !filed.sectionsSeen[c.sections[0]!.id])!.sections[0]!.id;
    const local = markSectionSeen({ ...filed, sectionsSeen: Object.fromEntries(kept), updatedAt: filed.updatedAt + 3_600_000 }, other, filed.updatedAt + 3_600_000);
    testStore().setState((s) => ({ progress: { ...s.progress, [LEARNER_ID]: local } }));
    const user = await renderPage();
    await user.upload(fileInput(), json(text));
    const question = await screen.findByText(/本设备上 测试学员 的记录（最后更新于 .+）比文件中的（最后更新于 .+）更新/);
    expect(question).toHaveFocus();
    await user.click(screen.getByRole('button', { name: '保留本设备的记录' }));
    expect(statusText()).toContain('已保留本设备上 测试学员 的记录，文件未导入。');
    expect(testStore().getState().progress[LEARNER_ID]).toBe(local);
    expect(fileInput()).toHaveFocus();

    await user.upload(fileInput(), json(text));
    await user.click(await screen.findByRole('button', { name: '仍然导入文件' }));
    await waitFor(() => expect(statusText()).toContain('已导入 测试学员 的学习记录'));
    // joined: what either holds is kept
    expect(testStore().getState().progress[LEARNER_ID]!.sectionsSeen).toMatchObject({ [other]: expect.any(Number), [dropped![0]]: dropped![1] });
  });

  test('round trip: a file exported here, imported on an empty device, shows the same records', async () => {
    seedCoursework();
    let user = await renderPage();
    const rows = () => chaptersTable().getAllByRole('row').map((r) => r.textContent);
    const scenarios = () => within(screen.getByRole('region', { name: '情景案例' })).getAllByRole('row').map((r) => r.textContent);
    const shown = { chapters: rows(), scenarios: scenarios() };
    const { text } = await download(user, '迁移文件，用于另一台设备（JSON）');
    document.body.innerHTML = '';

    // another device: one unused learner, nothing done
    resetStore();
    testStore().setState({ learners: { fresh: { id: 'fresh', name: '', createdAt: 0 } }, progress: { fresh: testStore().getState().progress[LEARNER_ID]! }, currentLearnerId: 'fresh' });
    user = await renderPage();
    expect(rows()).not.toEqual(shown.chapters);
    await user.upload(fileInput(), json(text));
    await waitFor(() => expect(statusText()).toMatch(/已导入 测试学员 的学习记录（导出于 .+）。当前学员已切换为 测试学员。/));
    expect(testStore().getState().currentLearnerId).toBe(LEARNER_ID);
    expect(testStore().getState().learners.fresh).toBeUndefined();
    await waitFor(() => expect(rows()).toEqual(shown.chapters));
    expect(scenarios()).toEqual(shown.scenarios);
  });
});
