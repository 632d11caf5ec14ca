import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { canonicalJson } from './canonical.ts';
import { buildCompletionRecord } from './completion-record.ts';
import { finishedLearner, learnerProfile, recordCourse, T0 } from './completion-record-builders.ts';
import { CURRENT_VERSION } from './migrations.ts';
import { markSectionSeen } from './progress-updates.ts';
import { emptyProgress } from './progress.ts';
import type { StoredState } from './restore.ts';
import { applyImport, createTransfer, planImport, readTransfer, transferText, TRANSFER_VERSION, type ImportedLearner, type TransferFile } from './transfer.ts';

const sha256 = async (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const course = recordCourse();
const { manifest, items } = course;

async function exported(): Promise<{ file: TransferFile; text: string }> {
  const f = finishedLearner();
  const file = await createTransfer({ manifest, items, learner: f.learner, progress: f.progress, now: f.now, sha256 });
  return { file, text: transferText(file) };
}

/** Re-signs an edited file, as a program that writes its own digest would. */
async function resigned(edit: (f: Record<string, unknown>) => void): Promise<string> {
  const { file } = await exported();
  const f = structuredClone(file) as unknown as Record<string, unknown>;
  edit(f);
  delete f.digest;
  const rest = f;
  return JSON.stringify({ ...rest, digest: { algorithm: 'SHA-256', value: await sha256(canonicalJson(rest)) } });
}

const read = (text: string, m = manifest) => readTransfer(text, { manifest: m, sha256 });

async function imported(): Promise<ImportedLearner> {
  const r = await read((await exported()).text);
  if (!r.ok) throw new Error(`the exported file does not read back: ${r.error.kind}`);
  return r.value;
}

/** A device as the store leaves it on first launch: one unnamed learner with nothing done. */
const freshDevice = (): StoredState => ({
  learners: { 'auto-1': { id: 'auto-1', name: '', createdAt: T0 + 99 } },
  progress: { 'auto-1': emptyProgress(manifest.version, T0 + 99) },
  currentLearnerId: 'auto-1',
});

describe('a transfer file', () => {
  test('names its type, versions, course and export time, and carries the record, profile and progress', async () => {
    const { file } = await exported();
    const f = finishedLearner();
    expect(file).toMatchObject({ type: 'zhixing-transfer', version: TRANSFER_VERSION, schemaVersion: CURRENT_VERSION, course: { id: 'zhixing-compliance', version: '1.2.0' }, exportedAt: new Date(f.now).toISOString() });
    expect(file.learner).toEqual(f.learner);
    expect(file.progress).toEqual(f.progress);
    expect(file.record).toEqual(buildCompletionRecord({ ...course, ...f }));
  });

  test('has a SHA-256 digest of its canonical form that does not depend on key order or layout', async () => {
    const { file, text } = await exported();
    const { digest, ...rest } = file;
    expect(digest.value).toMatch(/^[0-9a-f]{64}$/);
    expect(digest.value).toBe(await sha256(canonicalJson(rest)));
    const reordered = JSON.stringify(Object.fromEntries(Object.entries(JSON.parse(text) as object).reverse()));
    expect((await read(reordered)).ok).toBe(true);
  });

  test('reads back the learner and progress it was made from', async () => {
    const f = finishedLearner();
    const got = await imported();
    expect(got.learner).toEqual(f.learner);
    expect(got.progress).toEqual(f.progress);
    expect(got.repairs).toEqual([]);
  });
});

describe('a file that cannot be imported says why', () => {
  test('text that is not JSON', async () => {
    expect(await read('姓名,成绩\n李明,75')).toEqual({ ok: false, error: { kind: 'not-json' } });
    expect(await read('')).toEqual({ ok: false, error: { kind: 'not-json' } });
  });

  test('a file cut short, wherever the cut falls', async () => {
    const { text } = await exported();
    for (const at of [1, 40, Math.floor(text.length / 2), text.length - 3]) expect(await read(text.slice(0, at)), `cut at ${at}`).toEqual({ ok: false, error: { kind: 'truncated' } });
  });

  test('JSON that is not a Zhixing transfer file: another type, or an export in another format', async () => {
    expect(await read('{"type":"other"}')).toEqual({ ok: false, error: { kind: 'not-zhixing' } });
    expect(await read('[1,2,3]')).toEqual({ ok: false, error: { kind: 'not-zhixing' } });
    expect(await read(JSON.stringify({ format: 'scorm12', values: {} }))).toEqual({ ok: false, error: { kind: 'not-zhixing' } });
  });

  test('a file of another course, naming that course', async () => {
    const other = recordCourse({ id: 'fire-safety' }).manifest;
    expect(await read((await exported()).text, other)).toEqual({ ok: false, error: { kind: 'other-course', courseId: 'zhixing-compliance' } });
  });

  test('a file from a newer version of the app, by envelope or by stored-progress schema', async () => {
    expect(await read(await resigned((f) => (f.version = TRANSFER_VERSION + 1)))).toEqual({ ok: false, error: { kind: 'newer-version', version: TRANSFER_VERSION + 1 } });
    expect(await read(await resigned((f) => (f.schemaVersion = CURRENT_VERSION + 1)))).toEqual({ ok: false, error: { kind: 'newer-version', version: CURRENT_VERSION + 1 } });
  });

  test('a file edited after export: a score raised, a name changed, or the digest removed', async () => {
    const { text } = await exported();
    const raised = text.replace('"percent": 75', '"percent": 95');
    expect(raised).not.toBe(text);
    expect(await read(raised)).toEqual({ ok: false, error: { kind: 'edited' } });
    expect(await read(text.replace(/"name": "李明"/g, '"name": "王强"'))).toEqual({ ok: false, error: { kind: 'edited' } });
    const unsigned: Partial<TransferFile> = JSON.parse(text) as TransferFile;
    delete unsigned.digest;
    expect(await read(JSON.stringify(unsigned))).toEqual({ ok: false, error: { kind: 'edited' } });
  });

  test('an intact file with no learner in it is not taken for one this app wrote', async () => {
    expect(await read(await resigned((f) => delete f.learner))).toEqual({ ok: false, error: { kind: 'not-zhixing' } });
  });
});

describe('importing', () => {
  test('on an empty device gives the same completion record as on the device it came from', async () => {
    const f = finishedLearner();
    const original = buildCompletionRecord({ ...course, ...f });
    const state = applyImport(freshDevice(), await imported());
    const id = state.currentLearnerId!;
    expect(id).toBe(f.learner.id);
    expect(buildCompletionRecord({ ...course, learner: state.learners[id]!, progress: state.progress[id]!, now: f.now })).toEqual(original);
  });

  test('leaves out the unused learner a fresh device started with, and keeps anyone who did something', async () => {
    const device = freshDevice();
    device.learners['w'] = { id: 'w', name: '王芳', createdAt: T0 };
    device.progress['w'] = markSectionSeen(emptyProgress(manifest.version, T0), 'risk-basics', T0 + 1);
    const state = applyImport(device, await imported());
    expect(Object.keys(state.learners).sort()).toEqual(['lrn-7f3a', 'w']);
    expect(state.removed).toEqual(['auto-1']);
  });

  test('of a learner not on the device is new; of the same records again changes nothing', async () => {
    const got = await imported();
    expect(planImport(freshDevice(), got)).toEqual({ kind: 'new' });
    const after = applyImport(freshDevice(), got);
    expect(planImport(after, got)).toEqual({ kind: 'same' });
  });

  test('over an older copy of the learner joins the file to it without asking', async () => {
    const got = await imported();
    const older = { learners: { [got.learner.id]: learnerProfile() }, progress: { [got.learner.id]: markSectionSeen(emptyProgress(manifest.version, T0), 'risk-basics', T0 + 2 * 60_000) } };
    expect(planImport(older, got)).toEqual({ kind: 'update' });
    expect(applyImport(older, got).progress[got.learner.id]).toEqual(got.progress);
  });

  test('over a newer copy of the learner asks first, and taking the file keeps what only this device has', async () => {
    const got = await imported();
    const later = got.progress.updatedAt + 86_400_000;
    const newer = { ...got.progress, sectionsSeen: { ...got.progress.sectionsSeen }, time: { ...got.progress.time, risk: got.progress.time['risk']! + 60_000 }, updatedAt: later };
    const device: StoredState = { learners: { [got.learner.id]: { ...got.learner, name: '李明（手机）' } }, progress: { [got.learner.id]: newer } };
    expect(planImport(device, got)).toEqual({ kind: 'conflict', localUpdatedAt: later, fileUpdatedAt: got.progress.updatedAt });
    const taken = applyImport(device, got);
    expect(taken.learners[got.learner.id]!.name).toBe('李明');
    expect(taken.progress[got.learner.id]!.time['risk']).toBe(newer.time['risk']);
  });

  test('brings back a learner deleted on this device earlier, as importing is asked for', async () => {
    const got = await imported();
    const state = applyImport({ learners: {}, progress: {}, removed: [got.learner.id, 'someone-else'] }, got);
    expect(state.learners[got.learner.id]).toEqual(got.learner);
    expect(state.removed).toEqual(['someone-else']);
  });

  test('of a file from an older course version drops what the course no longer has and says so', async () => {
    const f = finishedLearner();
    const older = await createTransfer({ manifest: { ...manifest, version: '1.1.0' }, items, learner: f.learner, progress: { ...f.progress, sectionsSeen: { ...f.progress.sectionsSeen, 'gone-section': T0 } }, now: f.now, sha256 });
    const r = await read(transferText(older));
    expect(r.ok && r.value.progress.sectionsSeen['gone-section']).toBe(undefined);
    expect(r.ok && r.value.courseVersion).toBe('1.1.0');
    expect(r.ok && r.value.repairs.some((x) => x.includes('gone-section'))).toBe(true);
  });
});
