/**
 * The files the records page downloads, each made from the completion record (the transfer file also from the
 * stored profile and progress). Every exporter is loaded only when its file is asked for.
 */
import type { CourseItems, CourseManifest } from '../../domain/course.ts';
import type { LearnerProfile } from '../../domain/learner.ts';
import type { LearnerProgress } from '../../domain/progress.ts';
import { sha256Hex } from './digest.ts';
import { fileName } from './file-name.ts';

export const FILE_KINDS = ['scorm12', 'scorm2004', 'xapi', 'summary', 'interactions', 'transfer'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

export interface FileInput {
  manifest: CourseManifest;
  items: CourseItems;
  learner: LearnerProfile;
  progress: LearnerProgress;
  now: number;
  /** the learner's local calendar date of `now`, yyyy-mm-dd */
  date: string;
}

export interface RecordFile {
  name: string;
  text: string;
  type: string;
  /** values a format's limits shortened or left out (each is listed in the file itself) */
  truncated: number;
  /** xAPI: the course states no `records` settings, so there are no statements */
  empty?: boolean;
}

const JSON_TYPE = 'application/json';
const CSV_TYPE = 'text/csv;charset=utf-8';
const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;

export async function recordFile(kind: FileKind, input: FileInput): Promise<RecordFile> {
  const name = fileName({ courseId: input.manifest.id, learnerName: input.learner.name, ...(input.learner.employeeId ? { employeeId: input.learner.employeeId } : {}), date: input.date, kind, extension: kind === 'summary' || kind === 'interactions' ? 'csv' : 'json' });
  if (kind === 'transfer') {
    const { createTransfer, transferText } = await import('../../domain/transfer.ts');
    const file = await createTransfer({ ...input, sha256: sha256Hex });
    return { name, text: transferText(file), type: JSON_TYPE, truncated: 0 };
  }
  const { buildCompletionRecord } = await import('../../domain/completion-record.ts');
  const record = buildCompletionRecord(input);
  switch (kind) {
    case 'scorm12': {
      const { toScorm12 } = await import('../../exporters/to-scorm12.ts');
      const out = toScorm12(record);
      return { name, text: json(out), type: JSON_TYPE, truncated: out.truncations.length };
    }
    case 'scorm2004': {
      const { toScorm2004 } = await import('../../exporters/to-scorm2004.ts');
      const out = toScorm2004(record);
      return { name, text: json(out), type: JSON_TYPE, truncated: out.truncations.length };
    }
    case 'xapi': {
      const { toXapi } = await import('../../exporters/to-xapi.ts');
      const out = toXapi(record);
      // an array of statements: what an LRS's statements resource takes in one POST
      return { name, text: json(out.statements), type: JSON_TYPE, truncated: 0, ...(out.missing ? { empty: true } : {}) };
    }
    case 'summary':
    case 'interactions': {
      const { toCsv } = await import('../../exporters/to-csv.ts');
      const out = toCsv(record);
      return { name, text: out[kind], type: CSV_TYPE, truncated: out.truncations.filter((x) => x.element.startsWith(`${kind}.`)).length };
    }
  }
}

/** Hands the file to the browser as a download. */
export function saveFile(file: Pick<RecordFile, 'name' | 'text' | 'type'>): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: file.type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // the download has taken the data by the next turn; a slow device gets a minute
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
