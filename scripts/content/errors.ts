/** A problem in the course content, located by file and line, with a hint for the trainer. */
export interface ContentProblem {
  file: string;
  line?: number;
  /** the field or element at fault, e.g. "frontmatter.part" or "<Question id=\"p3-q1\">" */
  field?: string;
  message: string;
  hint?: string;
}

export function formatProblem(p: ContentProblem): string {
  const where = p.line ? `${p.file}:${p.line}` : p.file;
  const field = p.field ? ` ${p.field}` : '';
  const hint = p.hint ? `\n    hint: ${p.hint}` : '';
  return `${where} —${field} ${p.message}${hint}`;
}

export function formatProblems(problems: ContentProblem[]): string {
  const n = problems.length;
  return `The course content has ${n} problem${n === 1 ? '' : 's'}:\n` + problems.map((p) => '  ' + formatProblem(p)).join('\n');
}

export class ContentError extends Error {
  readonly problems: ContentProblem[];
  constructor(problems: ContentProblem[]) {
    super(formatProblems(problems));
    this.name = 'ContentError';
    this.problems = problems;
  }
}
