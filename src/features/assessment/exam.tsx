import { useEffect, useRef, useState } from 'react';
import type { Question } from '../../domain/course.ts';
import { examProgress, isAnswered } from '../../domain/exam.ts';
import type { QuizAttempt } from '../../domain/progress.ts';
import type { Answer } from '../../domain/scoring.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { ExamQuestion } from './exam-question.tsx';
import { listOf } from '../../ui/labels.ts';
import { COURSE_LANG } from '../../ui/course-lang.ts';

/**
 * Taking the exam: one question at a time with progress, back and forth, a map of the paper with the unanswered
 * questions marked, a review screen, and 交卷 only after a confirmation. Answers are saved as they are given, so
 * the paper survives a reload; the position starts at the first unanswered question.
 */
export function Exam({ attempt, questions, title, onAnswer, onSubmit }: { attempt: QuizAttempt; questions: Question[]; title: string; onAnswer(questionId: string, a: Answer | undefined): void; onSubmit(): void }) {
  const { t, i18n } = useTranslation();
  const progress = examProgress(questions, attempt);
  const [index, setIndex] = useState(() => progress.unanswered[0] ?? 0);
  const [review, setReview] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  useEffect(() => {
    // after moving to another question or to the review, the keyboard starts from its heading
    if (moved.current) heading.current?.focus();
  }, [index, review]);
  const go = (i: number) => {
    moved.current = true;
    setReview(false);
    setIndex(Math.max(0, Math.min(questions.length - 1, i)));
  };
  const q = questions[index];
  // a browser without the modal dialog API (and jsdom) still shows and hides it by its open attribute
  const confirm = () => {
    const d = dialog.current;
    if (d && typeof d.showModal === 'function') d.showModal();
    else d?.setAttribute('open', '');
  };
  const dismiss = () => {
    const d = dialog.current;
    if (d && typeof d.close === 'function') d.close();
    else d?.removeAttribute('open');
  };

  return (
    <section className="exam" aria-labelledby="exam-heading">
      <h2 id="exam-heading" ref={heading} tabIndex={-1}>{review ? t('exam.reviewTitle') : title}</h2>
      <p className="hint" aria-live="polite">
        {review ? t('exam.answeredOf', { answered: progress.answered, total: progress.total }) : t('exam.position', { n: index + 1, total: questions.length, answered: progress.answered })}
      </p>
      <progress className="exam-progress" max={progress.total} value={progress.answered} aria-label={t('exam.answeredOf', { answered: progress.answered, total: progress.total })} />
      <nav className="exam-map" aria-label={t('exam.map')}>
        <ol>
          {questions.map((x, i) => {
            const done = isAnswered(x, attempt.answers[x.id]);
            return (
              <li key={x.id}>
                <button
                  type="button"
                  className={`exam-map-item${done ? ' answered' : ' unanswered'}`}
                  aria-current={!review && i === index ? 'step' : undefined}
                  aria-label={t(done ? 'exam.mapAnswered' : 'exam.mapUnanswered', { n: i + 1 })}
                  onClick={() => go(i)}
                >
                  {i + 1}
                </button>
              </li>
            );
          })}
        </ol>
      </nav>

      {!review && q && (
        <>
          <ExamQuestion key={q.id} question={q} index={index} total={questions.length} seed={attempt.seed} answer={attempt.answers[q.id]} onAnswer={(a) => onAnswer(q.id, a)} />
          {!isAnswered(q, attempt.answers[q.id]) && <p className="hint unanswered-mark">{t('exam.notAnswered')}</p>}
          <div className="exam-actions">
            <button type="button" className="button" disabled={index === 0} onClick={() => go(index - 1)}>{t('exam.previous')}</button>
            {index < questions.length - 1 ? (
              <button type="button" className="button primary" onClick={() => go(index + 1)}>{t('exam.next')}</button>
            ) : null}
            <button
              type="button"
              className="button"
              onClick={() => {
                moved.current = true;
                setReview(true);
              }}
            >
              {t('exam.review')}
            </button>
          </div>
        </>
      )}

      {review && (
        <>
          {progress.unanswered.length > 0 ? (
            <p className="exam-warning" role="status">{t('exam.unansweredList', { count: progress.unanswered.length, list: listOf(i18n.language, progress.unanswered.map((i) => String(i + 1)), 'series') })}</p>
          ) : (
            <p role="status">{t('exam.allAnswered')}</p>
          )}
          <ol className="exam-review">
            {questions.map((x, i) => {
              const done = isAnswered(x, attempt.answers[x.id]);
              return (
                <li key={x.id} className={done ? 'answered' : 'unanswered'}>
                  <button type="button" className="link-button" onClick={() => go(i)}>
                    {t('quiz.question', { n: i + 1, total: questions.length })}
                  </button>{' '}
                  <span lang={COURSE_LANG}>{x.prompt}</span> · <strong>{done ? t('exam.answered') : t('exam.notAnswered')}</strong>
                </li>
              );
            })}
          </ol>
          <div className="exam-actions">
            <button type="button" className="button" onClick={() => go(progress.unanswered[0] ?? index)}>{t('exam.backToPaper')}</button>
            <button type="button" className="button primary" onClick={confirm}>{t('exam.handIn')}</button>
          </div>
        </>
      )}

      <dialog ref={dialog} className="dialog" aria-labelledby="hand-in-title" aria-describedby="hand-in-text">
        <h2 id="hand-in-title">{t('exam.confirmTitle')}</h2>
        <p id="hand-in-text">
          {progress.unanswered.length ? t('exam.confirmUnanswered', { count: progress.unanswered.length }) : t('exam.confirmAll')} {t('exam.confirmFinal')}
        </p>
        <div className="exam-actions">
          <button type="button" className="button" onClick={dismiss}>{t('exam.keepAnswering')}</button>
          <button
            type="button"
            className="button primary"
            onClick={() => {
              dismiss();
              onSubmit();
            }}
          >
            {t('exam.confirmHandIn')}
          </button>
        </div>
      </dialog>
    </section>
  );
}
