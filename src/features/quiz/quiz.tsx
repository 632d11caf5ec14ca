import { useEffect, useRef, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation.ts';
import { openAttempt, startAttempt, submitAnswer } from '../../domain/progress-updates.ts';
import { hashSeed } from '../../domain/random.ts';
import { attemptsAllowed, chapterRereadSections, openRound, roundState } from '../../domain/rounds.ts';
import { settingsOf } from '../../domain/requirements.ts';
import { attemptsLeft, type Answer } from '../../domain/scoring.ts';
import { Link } from '../../ui/router.tsx';
import course from 'virtual:course';
import { useAttemptRules } from '../../ui/attempt-rules.ts';
import { currentProgress, useStore } from '../../state/store.ts';
import { useChapter } from '../../ui/chapter-context.ts';
import { QuestionView } from '../../ui/question-view.tsx';
import { useReviewMode } from '../../ui/review-mode.ts';
import { QuizReviewKey } from './review-key.tsx';
import { COURSE_LANG } from '../../ui/course-lang.ts';

/** A chapter quiz, rendered from the data extracted at build time and the learner's attempts. */
export function Quiz({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const { chapter, interactive } = useChapter();
  const quiz = interactive.quizzes.find((q) => q.id === id);
  const learnerId = useStore((s) => s.currentLearnerId ?? 'anonymous');
  const attempts = useStore((s) => currentProgress(s).quizzes[id]?.attempts ?? NO_ATTEMPTS);
  const rounds = useStore((s) => currentProgress(s).rounds?.[id] ?? NO_ROUNDS);
  const updateProgress = useStore((s) => s.updateProgress);
  const review = useReviewMode();
  // no dead ends: after the last allowed attempt, re-reading the chapter unlocks a new round (not inside an LMS)
  const rules = useAttemptRules();
  const roundsOn = settingsOf(course).rounds.enabled && rules === 'player';
  // when the learner was last "handed" a question: latency runs from here to the next submission
  const lastMark = useRef(0);
  useEffect(() => {
    lastMark.current = Date.now();
  }, []);
  // a retry removes the button just pressed: move focus to the quiz heading so keyboard users start from the top
  const heading = useRef<HTMLHeadingElement>(null);
  const [retries, setRetries] = useState(0);
  useEffect(() => {
    if (retries > 0) heading.current?.focus();
  }, [retries]);
  if (!quiz) return null;

  const open = attempts.at(-1);
  const finished = open?.submittedAt !== undefined;
  const allowed = roundsOn ? attemptsAllowed(quiz.attempts, rounds) : quiz.attempts;
  const left = attemptsLeft(attempts.length, allowed);
  const allowance = { id: quiz.id, attempts: allowed };
  const passed = attempts.some((a) => a.passed);
  const over = finished && (passed || left <= 0);
  const seed = open && !finished ? open.seed : open && finished ? open.seed : hashSeed(`${learnerId}:${quiz.id}:${attempts.length + 1}`);

  const submit = (questionId: string, answer: Answer) =>
    updateProgress((p, at) => {
      const latency = at - lastMark.current;
      lastMark.current = at;
      const started = openAttempt(p, quiz.id) ? p : startAttempt(p, allowance, learnerId, at);
      const next = submitAnswer(started, quiz, questionId, answer, latency, at);
      // the last allowed attempt failed: open the next round, which re-reading the chapter unlocks
      return roundsOn ? openRound(next, quiz.id, quiz.attempts, next.quizzes[quiz.id]?.attempts ?? [], chapterRereadSections(chapter), at) : next;
    });
  const retry = () => {
    updateProgress((p, at) => {
      lastMark.current = at;
      return startAttempt(p, allowance, learnerId, at);
    });
    setRetries((n) => n + 1);
  };
  const best = Math.max(...attempts.filter((a) => a.percent !== undefined).map((a) => a.percent!), -1);

  return (
    // interface text in the interface's language; the course text in it is marked zh-CN
    <section className="quiz" aria-labelledby={`quiz-${id}`} lang={i18n.language}>
      <header className="quiz-header">
        <h3 id={`quiz-${id}`} ref={heading} tabIndex={-1} lang={quiz.title ? 'zh-CN' : undefined}>{quiz.title ?? t('quiz.title')}</h3>
        <p className="quiz-meta">
          {t('quiz.passMark', { passMark: quiz.passMark })} ·{' '}
          {quiz.attempts === 0 ? t('quiz.attemptsUnlimited') : t('quiz.attemptsAllowed', { count: quiz.attempts })}
          {open && <> · {t('quiz.attempt', { n: open.n })}</>}
          {best >= 0 && <> · {t('quiz.best', { percent: Math.round(best) })}</>}
        </p>
      </header>
      {review && <QuizReviewKey quiz={quiz} />}
      {quiz.questions.map((q, i) => (
        <QuestionView
          // keyed by the attempt the answers belong to: before the first submission that is attempt 1 too,
          // so starting it keeps the other questions' drafts (and the focus on the button just pressed)
          key={`${q.id}:${open?.n ?? 1}`}
          question={q}
          index={i}
          total={quiz.questions.length}
          seed={seed}
          submitted={open?.answers[q.id] ? { answer: open.answers[q.id]!, score: open.scores[q.id]! } : undefined}
          reveal={over}
          onSubmit={(a) => submit(q.id, a)}
        />
      ))}
      <div className="quiz-result" aria-live="polite">
        {finished && open && (
          <div className={`result-box ${open.passed ? 'passed' : 'failed'}`}>
            <p className="box-title">{t('quiz.result')}</p>
            <p>{open.passed ? t('quiz.passed', { percent: Math.round(open.percent ?? 0), passMark: quiz.passMark }) : t('quiz.failed', { percent: Math.round(open.percent ?? 0), passMark: quiz.passMark })}</p>
            {left > 0 ? (
              <>
                <p>{left === Infinity ? t('quiz.attemptsUnlimited') : t('quiz.attemptsLeft', { count: left })}</p>
                <button type="button" className="button" onClick={retry}>{t('quiz.retry')}</button>
              </>
            ) : (
              !open.passed && <RoundNotice quizId={id} perRound={quiz.attempts} roundsOn={roundsOn} />
            )}
          </div>
        )}
      </div>
    </section>
  );
}

const NO_ATTEMPTS: never[] = [];
const NO_ROUNDS: never[] = [];

/** Every attempt used: what unlocks the next round, with links to the sections still to re-read. */
function RoundNotice({ quizId, perRound, roundsOn }: { quizId: string; perRound: number; roundsOn: boolean }) {
  const { t } = useTranslation();
  const { chapter } = useChapter();
  const progress = useStore(currentProgress);
  const state = roundState(progress, quizId, perRound, progress.quizzes[quizId]?.attempts ?? [], roundsOn);
  if (state.kind !== 'locked') return <p>{t('quiz.noAttemptsLeft')}</p>;
  return (
    <div className="round-notice">
      <p>{t('quiz.noAttemptsLeft')}</p>
      <p>{t('rounds.rereadChapter', { n: state.round.n, count: state.remaining.length })}</p>
      <ul>
        {state.remaining.map((sid) => (
          <li key={sid}><Link to={`/chapter/${chapter.id}/${sid}`} lang={COURSE_LANG}>{chapter.sections.find((x) => x.id === sid)?.title ?? sid}</Link></li>
        ))}
      </ul>
    </div>
  );
}
