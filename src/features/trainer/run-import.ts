/**
 * One import: every file read, checked and de-duplicated, then aggregated. Runs inside the import worker; where
 * the page has no Worker (a test environment) the page runs it itself.
 */
import type { CourseItems, CourseManifest } from '../../domain/course.ts';
import { aggregate, importRecords, withoutRecords, type Duplicate, type FileProblem, type ReportFile, type ReportLearner, type TrainingReport } from '../../domain/training-report.ts';
import { sha256Hex } from './sha256.ts';

export interface ImportSource {
  name: string;
  file: Blob;
}

export interface ImportRequest {
  manifest: CourseManifest;
  items: CourseItems;
  now: number;
  files: ImportSource[];
}

export interface ImportOutcome {
  files: number;
  /** without their full records: the table needs none, and the page stays light */
  learners: ReportLearner[];
  problems: FileProblem[];
  duplicates: Duplicate[];
  report: TrainingReport;
}

export type WorkerMessage = { type: 'progress'; done: number; total: number } | { type: 'done'; outcome: ImportOutcome } | { type: 'failed'; message: string };

/** `onProgress` at most every 50 ms, and once at the end of each stage. */
export async function runImport(req: ImportRequest, onProgress: (done: number, total: number) => void): Promise<ImportOutcome> {
  const total = req.files.length;
  const texts: ReportFile[] = [];
  const unreadable: FileProblem[] = [];
  let last = 0;
  const tick = (done: number) => {
    const t = Date.now();
    if (done === total || t - last >= 50) {
      last = t;
      onProgress(done, total);
    }
  };
  // reading is half the work, checking the other half
  for (const [k, f] of req.files.entries()) {
    try {
      texts.push({ name: f.name, text: await f.file.text() });
    } catch {
      unreadable.push({ file: f.name, reason: { kind: 'unreadable' } });
    }
    tick(Math.floor((k + 1) / 2));
  }
  const half = Math.floor(total / 2);
  const result = await importRecords(texts, { manifest: req.manifest, items: req.items, sha256: sha256Hex, now: req.now }, (done) => tick(half + Math.ceil((done * (total - half)) / texts.length)));
  onProgress(total, total);
  return { files: total, learners: withoutRecords(result.learners), problems: [...unreadable, ...result.problems], duplicates: result.duplicates, report: aggregate(result.learners) };
}
