import { forwardRef } from 'react';
import { Link } from '../../ui/router.tsx';
import course from 'virtual:course';
import { resultsByPart } from '../../domain/assessment.ts';
import type { Question } from '../../domain/course.ts';
import { missedQuestions } from '../../domain/exam.ts';
import type { QuizAttempt } from '../../domain/progress.ts';
import { correctAnswer } from '../../domain/scoring.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { partLabel, partLabelBeside } from '../../ui/labels.ts';
import { answerText } from './answer-text.ts';
import { COURSE_LANG } from '../../ui/course-lang.ts';

const chapterOfPart = (part: number) => course.chapters.find((c) => c.part === part);

/** After 交卷: the score, pass or fail, the result by part, and each question missed with the right answer, its explanation and the chapter to go back to. */
export const ExamResult = forwardRef<HTMLHeadingElement, { attempt: QuizAttempt; questions: Question[] }>(function ExamResult({ attempt, questions }, ref) {
  const { t } = useTranslation();
  const parts = resultsByPart(questions, attempt);
  const missed = missedQuestions(questions, attempt);
  const words = { true: t('quiz.true'), false: t('quiz.false'), none: t('exam.noAnswer') };
  const title = attempt.mode === 'refresher' ? t('assessment.refresherResultTitle') : attempt.mode === 'recertification' ? t('exam.recertResultTitle') : t('assessment.resultTitle');
  const percent = Math.round(attempt.percent ?? 0);
  const weakParts = parts.filter((r) => r.percent < course.masteryScore);
  return (
    <section className={`result-box ${attempt.passed ? 'passed' : 'failed'}`} aria-labelledby="assessment-result">
      <h2 id="assessment-result" ref={ref} tabIndex={-1}>{title}</h2>
      <p className="exam-score">
        {attempt.passed ? t('assessment.passed', { percent, mastery: course.masteryScore }) : t('assessment.failed', { percent, mastery: course.masteryScore })}
        {' '}{t('exam.points', { score: attempt.score ?? 0, max: attempt.max ?? 0 })}
      </p>
      <table className="part-results">
        <caption>{t('assessment.byPart')}</caption>
        <thead><tr><th scope="col">{t('assessment.colPart')}</th><th scope="col">{t('assessment.colScore')}</th></tr></thead>
        <tbody>
          {parts.map((r) => {
            const ch = chapterOfPart(r.part);
            return (
              <tr key={r.part} className={r.percent < course.masteryScore ? 'weak' : undefined}>
                <th scope="row">{ch && partLabelBeside(t, r.part, ch.title) === undefined ? <span lang={COURSE_LANG}>{ch.title}</span> : <>{partLabel(t, r.part)}{ch && <> · <span lang={COURSE_LANG}>{ch.title}</span></>}</>}</th>
                <td>{r.percent}%{r.percent < course.masteryScore && <strong className="weak-mark"> · {t('assessment.weak')}</strong>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {weakParts.length > 0 && (
        <div className="review-links">
          <h3>{t('exam.reviewChapters')}</h3>
          <ul>
            {weakParts.map((r) => {
              const ch = chapterOfPart(r.part);
              return ch ? <li key={r.part}><Link to={`/chapter/${ch.id}`} lang={COURSE_LANG}>{ch.title}</Link></li> : null;
            })}
          </ul>
        </div>
      )}
      {missed.length > 0 && (
        <div className="missed">
          <h3>{t('exam.missedTitle', { count: missed.length })}</h3>
          <ol>
            {missed.map((q) => {
              const ch = chapterOfPart(q.part ?? 0);
              return (
                <li key={q.id} className="missed-question">
                  <p className="question-prompt" lang={COURSE_LANG}>{q.prompt}</p>
                  <p><strong>{t('app.labelled', { label: t('quiz.yourAnswer') })}</strong><span lang={COURSE_LANG}>{answerText(q, attempt.answers[q.id], words)}</span></p>
                  <p><strong>{t('app.labelled', { label: t('quiz.correctAnswer') })}</strong><span lang={COURSE_LANG}>{answerText(q, correctAnswer(q), words)}</span></p>
                  <p className="explain"><strong>{t('app.labelled', { label: t('quiz.explanation') })}</strong><span lang={COURSE_LANG}>{q.explain}</span></p>
                  {ch && <p><Link to={`/chapter/${ch.id}`}>{t('exam.backToChapter', { title: ch.title })}</Link></p>}
                </li>
              );
            })}
          </ol>
        </div>
      )}
    </section>
  );
});
