/**
 * One import: every file read, checked and de-duplicated, then aggregated. Runs inside the import worker; where
 * the page has no Worker (a test environment) the page runs it itself.
 */
import type { CourseItems, CourseManifest } from '../../domain/course.ts';
import { aggregate, importRecords, withoutAnswers, type Duplicate, type FileProblem, type ReportFile, type ReportLearner, type TrainingReport } from '../../domain/training-report.ts';
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
  /** without their answers: the table needs none, and the page stays light */
  learners: ReportLearner[];
  problems: FileProblem[];
  duplicates: Duplicate[];
  report: TrainingReport;
}

export type WorkerMessage = { type: 'progress'; done: number; total: number } | { type: 'done'; outcome: ImportOutcome } | { type: 'failed'; message: string };

/** Files are read one at a time; `onProgress` at most every 50 ms, and after the last file. */
export async function runImport(req: ImportRequest, onProgress: (done: number, total: number) => void): Promise<ImportOutcome> {
  const total = req.files.length;
  let last = 0;
  const files: ReportFile[] = req.files.map((f) => ({ name: f.name, text: () => f.file.text() }));
  const result = await importRecords(files, { manifest: req.manifest, items: req.items, sha256: sha256Hex, now: req.now }, (done) => {
    const t = Date.now();
    if (done === total || t - last >= 50) {
      last = t;
      onProgress(done, total);
    }
  });
  return { files: total, learners: withoutAnswers(result.learners), problems: result.problems, duplicates: result.duplicates, report: aggregate(result.learners) };
}
