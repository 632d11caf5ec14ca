/** `npm run check:content`: checks the course content the way the build does, without building, plus the item-quality rules. */
import { formatProblem, formatProblems } from './content/errors.ts';
import { checkCourse } from './content/check-course.ts';
import { formatFigures } from './content/quality.ts';

const root = process.argv[2] ?? process.cwd();
const { loaded, problems, warnings, figures } = checkCourse(root);
if (warnings.length) console.warn(`${warnings.length} warning${warnings.length === 1 ? '' : 's'}:\n` + warnings.map((w) => '  ' + formatProblem(w)).join('\n'));
if (figures) console.log(formatFigures(figures));
if (problems.length) {
  console.error(formatProblems(problems));
  process.exit(1);
}
const { manifest, bank } = loaded;
const m = manifest!;
const questions = m.chapters.reduce((s, c) => s + c.quizzes.reduce((t, q) => t + q.questionIds.length, 0), 0);
const scenarios = m.chapters.reduce((s, c) => s + c.scenarios.length, 0);
console.log(
  `Content OK: ${m.chapters.length} chapters, ${m.chapters.reduce((s, c) => s + c.sections.length, 0)} sections, ` +
    `${questions} quiz questions, ${scenarios} scenarios, ${bank.length} assessment questions.`,
);
