import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation.ts';
import { Link } from 'react-router';
import course from 'virtual:course';
import { assessmentQuiz, assessmentSeed, drawQuestions, resultsByPart, startAssessment, weakParts, type AssessmentMode } from '../../domain/assessment.ts';
import type { Question } from '../../domain/course.ts';
import { submitAnswer } from '../../domain/progress-updates.ts';
import { attemptsLeft, type Answer } from '../../domain/scoring.ts';
import { currentProgress, useStore } from '../../state/store.ts';
import { partLabel } from '../../ui/labels.ts';
import { NotFoundPage } from '../../ui/not-found-page.tsx';
import { PageHeading } from '../../ui/page-heading.tsx';
import { QuestionView } from '../../ui/question-view.tsx';
import { loadBank } from './bank.ts';

const NO_ATTEMPTS: never[] = [];

export function AssessmentPage() {
  const info = course.assessmentBank;
  if (!info) return <NotFoundPage />;
  return <Assessment bankId={info.id} title={info.title} file={info.file} />;
}

function Assessment({ bankId, title, file }: { bankId: string; title: string; file: string }) {
  const { t } = useTranslation();
  const [bank, setBank] = useState<Question[] | null>(null);
  const learnerId = useStore((s) => s.currentLearnerId ?? 'anonymous');
  const attempts = useStore((s) => currentProgress(s).quizzes[bankId]?.attempts ?? NO_ATTEMPTS);
  const progress = useStore(currentProgress);
  const updateProgress = useStore((s) => s.updateProgress);
  const lastMark = useRef(0);
  const resultRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    let live = true;
    void loadBank(file).then((b) => live && setBank(b));
    return () => void (live = false);
  }, [file]);

  const { questionsPerPart, refresherQuestionsPerPart, attempts: allowed } = course.assessment;
  const last = attempts.at(-1);
  const open = last && last.submittedAt === undefined ? last : undefined;
  const finished = last?.submittedAt !== undefined ? last : undefined;
  const finals = attempts.filter((a) => (a.mode ?? 'final') === 'final');
  const left = attemptsLeft(finals.length, allowed);
  const questions = useMemo(() => {
    if (!bank || !last?.questionIds) return [];
    const byId = new Map(bank.map((q) => [q.id, q]));
    return last.questionIds.flatMap((id) => byId.get(id) ?? []);
  }, [bank, last]);
  const finishedAt = finished?.submittedAt;
  useEffect(() => {
    if (finishedAt) resultRef.current?.focus();
  }, [finishedAt]);

  if (!bank) return <main id="main" className="page" tabIndex={-1}><PageHeading title={title} lang="zh-CN" /><p role="status">{t('assessment.loading')}</p></main>;

  const partsCount = new Set(bank.map((q) => q.part ?? 0)).size;
  const start = (mode: AssessmentMode) =>
    updateProgress((p, now) => {
      lastMark.current = now;
      const n = (p.quizzes[bankId]?.attempts.length ?? 0) + 1;
      const seed = assessmentSeed(learnerId, bankId, n);
      const weak = weakParts(p, course, bank, bankId);
      const drawn = drawQuestions(bank, { questionsPerPart, refresherQuestionsPerPart }, seed, mode, weak);
      return startAssessment(p, bankId, allowed, { questionIds: drawn.map((q) => q.id), seed, mode }, now);
    });
  const submit = (questionId: string, answer: Answer) =>
    updateProgress((p, now) => {
      const latency = now - lastMark.current;
      lastMark.current = now;
      return submitAnswer(p, assessmentQuiz(bankId, questions, course.masteryScore, 0), questionId, answer, latency, now);
    });
  const partChapter = (part: number) => course.chapters.find((c) => c.part === part);
  const weak = weakParts(progress, course, bank, bankId);

  return (
    <main id="main" tabIndex={-1} className="page assessment">
      <p className="eyebrow">{t('assessment.eyebrow')}</p>
      <PageHeading title={title} lang="zh-CN" />
      <p>{t('assessment.intro', { count: partsCount * questionsPerPart, mastery: course.masteryScore })}</p>
      <p className="hint">{allowed === 0 ? t('assessment.attemptsUnlimited', { used: finals.length }) : t('assessment.attempts', { allowed, used: finals.length })}</p>

      {open && (
        <section aria-labelledby="assessment-questions">
          <h2 id="assessment-questions">{open.mode === 'refresher' ? t('assessment.startRefresher') : t('assessment.eyebrow')}</h2>
          <p className="hint" aria-live="polite">{t('assessment.answered', { answered: Object.keys(open.answers).length, total: questions.length })}</p>
          {questions.map((q, i) => (
            <QuestionView
              key={`${q.id}:${open.n}`}
              question={q}
              index={i}
              total={questions.length}
              seed={open.seed}
              submitted={open.answers[q.id] ? { answer: open.answers[q.id]!, score: open.scores[q.id]! } : undefined}
              reveal={false}
              onSubmit={(a) => submit(q.id, a)}
            />
          ))}
        </section>
      )}

      {!open && finished && (
        <section className={`result-box ${finished.passed ? 'passed' : 'failed'}`} aria-labelledby="assessment-result">
          <h2 id="assessment-result" ref={resultRef} tabIndex={-1}>{finished.mode === 'refresher' ? t('assessment.refresherResultTitle') : t('assessment.resultTitle')}</h2>
          <p>{finished.passed ? t('assessment.passed', { percent: Math.round(finished.percent ?? 0), mastery: course.masteryScore }) : t('assessment.failed', { percent: Math.round(finished.percent ?? 0), mastery: course.masteryScore })}</p>
          <table className="part-results">
            <caption>{t('assessment.byPart')}</caption>
            <thead><tr><th scope="col">{t('assessment.colPart')}</th><th scope="col">{t('assessment.colScore')}</th></tr></thead>
            <tbody>
              {resultsByPart(questions, finished).map((r) => {
                const ch = partChapter(r.part);
                return (
                  <tr key={r.part} className={r.percent < course.masteryScore ? 'weak' : undefined}>
                    <th scope="row">
                      {partLabel(t, r.part)}{ch && <> · <Link to={`/chapter/${ch.id}`} lang="zh-CN">{ch.title}</Link></>}
                    </th>
                    <td>{r.percent}%{r.percent < course.masteryScore && <strong className="weak-mark"> · {t('assessment.weak')}</strong>}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {!finished.passed && left <= 0 && <p>{t('assessment.noAttemptsLeft')}</p>}
        </section>
      )}

      {!open && (
        <div className="assessment-actions">
          {left > 0 && !attempts.some((a) => a.passed && (a.mode ?? 'final') === 'final') && (
            <button type="button" className="button primary" onClick={() => start('final')}>{t('assessment.start')}</button>
          )}
          {finished && (
            <>
              <p className="hint">{t('assessment.refresherIntro', { count: refresherQuestionsPerPart })}</p>
              {weak.size > 0 && <p className="hint">{t('assessment.weak')}：{[...weak].map((p) => partLabel(t, p)).join('、')}</p>}
              <button type="button" className="button" onClick={() => start('refresher')}>{t('assessment.startRefresher')}</button>
            </>
          )}
        </div>
      )}
    </main>
  );
}
