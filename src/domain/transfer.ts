/**
 * The transfer file: one learner's records carried from one device to another (a shared PC to a phone). It holds
 * the completion record (for people and tools that read it) and the learner's full stored profile and progress
 * (what the other device restores), in a versioned envelope with a SHA-256 digest over its canonical form.
 *
 * The digest shows that the file is intact — not truncated, not edited by hand — and nothing about who made it:
 * anyone can recompute it. Pure: the time and the digest function are passed in (WebCrypto in the app,
 * node:crypto in tests).
 */
import { canonicalJson } from './canonical.ts';
import { buildCompletionRecord, type CompletionRecord } from './completion-record.ts';
import type { CourseItems, CourseManifest } from './course.ts';
import type { LearnerProfile } from './learner.ts';
import { mergeProgress } from './merge.ts';
import { CURRENT_VERSION, migrate } from './migrations.ts';
import type { LearnerProgress } from './progress.ts';
import { restoreState, type StoredState } from './restore.ts';

export const TRANSFER_TYPE = 'zhixing-transfer';
/** The envelope's own version: bumped when a member of the envelope changes meaning or disappears. */
export const TRANSFER_VERSION = 1;

/** SHA-256 of the text's UTF-8 bytes, as 64 lowercase hex digits. */
export type Sha256 = (text: string) => Promise<string>;

export interface TransferFile {
  type: typeof TRANSFER_TYPE;
  version: typeof TRANSFER_VERSION;
  /** the version of the stored progress inside (domain/migrations.ts), so a newer app's file is recognised */
  schemaVersion: number;
  course: { id: string; version: string };
  /** ISO 8601, UTC */
  exportedAt: string;
  learner: LearnerProfile;
  progress: LearnerProgress;
  record: CompletionRecord;
  /** over canonicalJson of every other member */
  digest: { algorithm: 'SHA-256'; value: string };
}

export interface TransferInput {
  manifest: CourseManifest;
  items: CourseItems;
  learner: LearnerProfile;
  progress: LearnerProgress;
  now: number;
  sha256: Sha256;
}

const body = (f: Omit<TransferFile, 'digest'> | Record<string, unknown>) => {
  const rest: Record<string, unknown> = { ...f };
  delete rest.digest;
  return canonicalJson(rest);
};

export async function createTransfer({ manifest, items, learner, progress, now, sha256 }: TransferInput): Promise<TransferFile> {
  const unsigned: Omit<TransferFile, 'digest'> = {
    type: TRANSFER_TYPE,
    version: TRANSFER_VERSION,
    schemaVersion: CURRENT_VERSION,
    course: { id: manifest.id, version: manifest.version },
    exportedAt: new Date(now).toISOString(),
    learner,
    progress,
    record: buildCompletionRecord({ manifest, items, learner, progress, now }),
  };
  return { ...unsigned, digest: { algorithm: 'SHA-256', value: await sha256(body(unsigned)) } };
}

/** The file's text: indented, so a person can read it; the digest does not depend on the layout. */
export const transferText = (f: TransferFile) => `${JSON.stringify(f, null, 2)}\n`;

/** Why a file cannot be imported; the interface words each kind. */
export type TransferError =
  | { kind: 'not-json' }
  | { kind: 'truncated' }
  | { kind: 'not-zhixing' }
  | { kind: 'other-course'; courseId: string }
  | { kind: 'newer-version'; version: number }
  | { kind: 'edited' };

/** A learner read from a transfer file, restored against this device's course. */
export interface ImportedLearner {
  learner: LearnerProfile;
  progress: LearnerProgress;
  courseVersion: string;
  exportedAt: string;
  /** what the forgiving restore changed (ids the course no longer has, from another course version) */
  repairs: string[];
}

export type TransferRead = { ok: true; value: ImportedLearner } | { ok: false; error: TransferError };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

/**
 * Text that opens a JSON object and ends before it closes: a download or a copy cut short. Scans brackets outside
 * strings; a file that is not JSON at all is told apart by not opening like one.
 */
function endsEarly(text: string): boolean {
  if (!text.startsWith('{')) return false;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{' || ch === '[') depth++;
    else if (ch === '}' || ch === ']') depth--;
  }
  return inString || depth > 0;
}

const fail = (error: TransferError): TransferRead => ({ ok: false, error });

/**
 * Reads a transfer file. Checks, in order: JSON, the envelope's type, its versions, the course, the digest, then
 * the profile and progress inside (restored as stored data is: defaults filled, ids the course lacks dropped).
 * Nothing is applied here: the caller applies the result whole, or not at all.
 */
export async function readTransfer(text: string, { manifest, sha256 }: { manifest: CourseManifest; sha256: Sha256 }): Promise<TransferRead> {
  const t = text.replace(/^\uFEFF/, '').trim();
  let parsed: unknown;
  try {
    parsed = JSON.parse(t);
  } catch {
    return fail({ kind: endsEarly(t) ? 'truncated' : 'not-json' });
  }
  if (!isObj(parsed) || parsed.type !== TRANSFER_TYPE) return fail({ kind: 'not-zhixing' });
  if (!isInt(parsed.version) || !isInt(parsed.schemaVersion)) return fail({ kind: 'not-zhixing' });
  // a newer file may be laid out differently, digest included: say so before judging anything else
  if (parsed.version > TRANSFER_VERSION) return fail({ kind: 'newer-version', version: parsed.version });
  if (parsed.schemaVersion > CURRENT_VERSION) return fail({ kind: 'newer-version', version: parsed.schemaVersion });
  const course = parsed.course;
  if (!isObj(course) || !isStr(course.id) || !isStr(course.version)) return fail({ kind: 'not-zhixing' });
  if (course.id !== manifest.id) return fail({ kind: 'other-course', courseId: course.id });
  const digest = parsed.digest;
  if (!isObj(digest) || digest.algorithm !== 'SHA-256' || !isStr(digest.value)) return fail({ kind: 'edited' });
  if ((await sha256(body(parsed))) !== digest.value.toLowerCase()) return fail({ kind: 'edited' });
  // intact, yet not what this app writes: made by some other program
  const { learner, progress } = parsed;
  if (!isObj(learner) || !isStr(learner.id) || !learner.id || !isObj(progress) || !isStr(parsed.exportedAt)) return fail({ kind: 'not-zhixing' });

  const id = learner.id;
  const stored = migrate({ learners: { [id]: learner }, progress: { [id]: progress } }, parsed.schemaVersion);
  const report = restoreState(stored, manifest);
  const profile = report.state.learners[id];
  const restored = report.state.progress[id];
  if (!profile || !restored) return fail({ kind: 'not-zhixing' });
  return { ok: true, value: { learner: profile, progress: restored, courseVersion: course.version, exportedAt: parsed.exportedAt, repairs: report.repairs } };
}

/**
 * What importing means on this device:
 * - new: the learner is not here yet;
 * - same: this device already holds exactly the file's records;
 * - update: this device holds an older copy: the file's records join it;
 * - conflict: this device's copy is newer than the file's: the learner is asked (keep mine / take the file's).
 */
export type ImportPlan = { kind: 'new' } | { kind: 'same' } | { kind: 'update' } | { kind: 'conflict'; localUpdatedAt: number; fileUpdatedAt: number };

export function planImport(state: StoredState, imported: ImportedLearner): ImportPlan {
  const id = imported.learner.id;
  const local = state.learners[id] ? state.progress[id] : undefined;
  if (!local) return { kind: 'new' };
  const joined = mergeProgress(imported.progress, local);
  if (canonicalJson(joined) === canonicalJson(local) && canonicalJson(state.learners[id]) === canonicalJson(imported.learner)) return { kind: 'same' };
  if (local.updatedAt > imported.progress.updatedAt) return { kind: 'conflict', localUpdatedAt: local.updatedAt, fileUpdatedAt: imported.progress.updatedAt };
  return { kind: 'update' };
}

/** A learner made for this device on first launch and never used: left out once a real learner arrives. */
const untouched = (s: StoredState, id: string) => {
  const p = s.progress[id];
  return !s.learners[id]?.name.trim() && !!p && Object.keys(p.sectionsSeen).length + Object.keys(p.quizzes).length + Object.keys(p.scenarios).length + Object.keys(p.plans).length + Object.keys(p.matrices).length + Object.keys(p.time).length === 0;
};

/**
 * The device's state with the imported learner in it, made current. A copy already here is joined with the
 * file's, as two tabs' copies are (domain/merge.ts): storage merges on every write, so a join is what it would
 * hold anyway, and nothing recorded on either device is lost. The file's profile (name, employee id) wins.
 * A learner deleted on this device earlier comes back: importing is an explicit choice.
 */
export function applyImport(state: StoredState, imported: ImportedLearner): StoredState {
  const id = imported.learner.id;
  const local = state.learners[id] ? state.progress[id] : undefined;
  const learners = { ...state.learners, [id]: imported.learner };
  const progress = { ...state.progress, [id]: local ? mergeProgress(imported.progress, local) : imported.progress };
  let removed = (state.removed ?? []).filter((r) => r !== id);
  for (const other of Object.keys(state.learners))
    if (other !== id && untouched(state, other)) {
      delete learners[other];
      delete progress[other];
      removed = [...removed, other];
    }
  return { learners, progress, currentLearnerId: id, ...(removed.length ? { removed } : {}) };
}
