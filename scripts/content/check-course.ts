/**
 * The whole content check: the structural checks of loadCourse, then the item-quality rules on a course that
 * passed them. `problems` fail the check and the build; `warnings` are printed with file:line.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ContentProblem } from './errors.ts';
import { loadCourse, type LoadedCourse } from './load-course.ts';
import { checkQuality, QUALITY, type QualityFigures, type QualityThresholds, type SourceFile } from './quality.ts';

export interface CheckedCourse {
  loaded: LoadedCourse;
  problems: ContentProblem[];
  warnings: ContentProblem[];
  /** the quality figures, when the course was well formed enough to measure */
  figures: QualityFigures | undefined;
}

export function checkCourse(root: string, contentDir = 'content', thresholds: QualityThresholds = QUALITY): CheckedCourse {
  const loaded = loadCourse(root, contentDir);
  const m = loaded.manifest;
  if (loaded.problems.length || !m) return { loaded, problems: loaded.problems, warnings: [], figures: undefined };
  const sources: SourceFile[] = m.chapters.map((c) => ({ file: c.file, source: readFileSync(join(root, c.file), 'utf8'), bank: false }));
  if (m.assessmentBank) sources.push({ file: m.assessmentBank.file, source: readFileSync(join(root, m.assessmentBank.file), 'utf8'), bank: true });
  const report = checkQuality(sources, thresholds);
  return { loaded, problems: report.errors, warnings: report.warnings, figures: report.figures };
}
