/** `npm run check:content`: checks the course content the way the build does, without building. */
import { formatProblems } from './content/errors.ts';
import { loadCourse } from './content/load-course.ts';

const root = process.argv[2] ?? process.cwd();
const { manifest, bank, problems } = loadCourse(root);
if (problems.length) {
  console.error(formatProblems(problems));
  process.exit(1);
}
const m = manifest!;
const questions = m.chapters.reduce((s, c) => s + c.quizzes.reduce((t, q) => t + q.questionIds.length, 0), 0);
const scenarios = m.chapters.reduce((s, c) => s + c.scenarios.length, 0);
console.log(
  `Content OK: ${m.chapters.length} chapters, ${m.chapters.reduce((s, c) => s + c.sections.length, 0)} sections, ` +
    `${questions} quiz questions, ${scenarios} scenarios, ${bank.length} assessment questions.`,
);
