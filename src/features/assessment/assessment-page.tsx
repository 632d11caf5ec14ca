import { useEffect, useMemo, useRef, useState } from 'react';
import { Link } from '../../ui/router.tsx';
import course from 'virtual:course';
import { assessmentSeed, drawQuestions, weakParts, type AssessmentMode } from '../../domain/assessment.ts';
import { certificateStanding, changedSinceCertificate, currentCertificate, issueCertificates, recertificationDue, recertificationFocus } from '../../domain/certificate.ts';
import type { Question } from '../../domain/course.ts';
import { examQuestions, setExamAnswer, startExam, submitExam } from '../../domain/exam.ts';
import type { LearnerProgress } from '../../domain/progress.ts';
import { assessmentOpen, requirements, settingsOf } from '../../domain/requirements.ts';
import { assessmentRereadSections, attemptsAllowed, openRound, roundState } from '../../domain/rounds.ts';
import { attemptsLeft } from '../../domain/scoring.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { currentProgress, useStore } from '../../state/store.ts';
import { useCertificateIssuer } from '../../state/use-certificate-issuer.ts';
import { useAttemptRules } from '../../ui/attempt-rules.ts';
import { listOf, partLabel } from '../../ui/labels.ts';
import { formatCalendarDate, localCalendar } from '../../ui/local-calendar.ts';
import { NotFoundPage } from '../../ui/not-found-page.tsx';
import { PageHeading } from '../../ui/page-heading.tsx';
import { RequirementsList } from '../../ui/requirements-list.tsx';
import { loadBank } from './bank.ts';
import { Exam } from './exam.tsx';
import { ExamResult } from './exam-result.tsx';
import { COURSE_LANG } from '../../ui/course-lang.ts';

const SETTINGS = settingsOf(course);
const NO_ROUNDS: never[] = [];

export function AssessmentPage() {
  const info = course.assessmentBank;
  if (!info) return <NotFoundPage />;
  return <Assessment bankId={info.id} title={info.title} file={info.file} />;
}

const sectionTitle = (id: string) => {
  for (const c of course.chapters) {
    const s = c.sections.find((x) => x.id === id);
    if (s) return { chapter: c, section: s };
  }
  return undefined;
};

function Assessment({ bankId, title, file }: { bankId: string; title: string; file: string }) {
  const { t, i18n } = useTranslation();
  const [bank, setBank] = useState<Question[] | null>(null);
  const learnerId = useStore((s) => s.currentLearnerId ?? 'anonymous');
  const progress = useStore(currentProgress);
  const updateProgress = useStore((s) => s.updateProgress);
  const rules = useAttemptRules();
  const roundsOn = SETTINGS.rounds.enabled && rules === 'player';
  const resultRef = useRef<HTMLHeadingElement>(null);
  const [today] = useState(() => localCalendar.dateOf(Date.now()));
  useCertificateIssuer(course, localCalendar);
  useEffect(() => {
    let live = true;
    void loadBank(file).then((b) => live && setBank(b));
    return () => void (live = false);
  }, [file]);

  const attempts = progress.quizzes[bankId]?.attempts ?? NO_ROUNDS;
  const rounds = progress.rounds?.[bankId] ?? NO_ROUNDS;
  const last = attempts.at(-1);
  const open = last && last.submittedAt === undefined ? last : undefined;
  const finished = last?.submittedAt !== undefined ? last : undefined;
  const finals = attempts.filter((a) => (a.mode ?? 'final') === 'final');
  const perRound = course.assessment.attempts;
  const allowed = roundsOn ? attemptsAllowed(perRound, rounds) : perRound;
  const left = attemptsLeft(finals.length, allowed);
  const passedFinal = finals.some((a) => a.passed);
  const questions = useMemo(() => (bank ? examQuestions(bank, last) : []), [bank, last]);
  const finishedAt = finished?.submittedAt;
  useEffect(() => {
    if (finishedAt) resultRef.current?.focus();
  }, [finishedAt]);

  if (!bank) return <main id="main" className="page" tabIndex={-1}><PageHeading title={title} lang={COURSE_LANG} /><p role="status">{t('assessment.loading')}</p></main>;

  const reqs = requirements(progress, course);
  const canOpen = assessmentOpen(progress, course);
  const cert = currentCertificate(progress);
  const standing = cert ? certificateStanding(cert, today, SETTINGS.recertification.withinDays) : undefined;
  const due = recertificationDue(progress, course, today);
  const changed = changedSinceCertificate(progress, course);
  const partsCount = new Set(bank.map((q) => q.part ?? 0)).size;
  const { questionsPerPart, refresherQuestionsPerPart } = course.assessment;
  const date = (d: string) => formatCalendarDate(d, i18n.language);

  const start = (mode: AssessmentMode) =>
    updateProgress((p, now) => {
      const n = (p.quizzes[bankId]?.attempts.length ?? 0) + 1;
      const seed = assessmentSeed(learnerId, bankId, n);
      const weak = mode === 'recertification' ? recertificationFocus(p, course, bank) : weakParts(p, course, bank, bankId);
      const drawn = drawQuestions(bank, { questionsPerPart, refresherQuestionsPerPart }, seed, mode, weak);
      return startExam(p, bankId, allowed, { questionIds: drawn.map((q) => q.id), seed, mode }, course.version, now);
    });
  const answer = (questionId: string, a: Parameters<typeof setExamAnswer>[3]) => updateProgress((p, now) => setExamAnswer(p, bankId, questionId, a, now));
  const handIn = () =>
    updateProgress((p, now) => {
      let next: LearnerProgress = submitExam(p, { id: bankId, passMark: course.masteryScore, questions }, now);
      const done = next.quizzes[bankId]!.attempts.at(-1)!;
      if (roundsOn && (done.mode ?? 'final') === 'final') {
        const counted = next.quizzes[bankId]!.attempts.filter((a) => (a.mode ?? 'final') === 'final');
        next = openRound(next, bankId, perRound, counted, assessmentRereadSections(course, SETTINGS.rounds.assessmentReread, bank, done), now);
      }
      return issueCertificates(next, course, learnerId, localCalendar);
    });

  const round = roundState(progress, bankId, perRound, finals, roundsOn);
  const examTitle = open?.mode === 'refresher' ? t('exam.practiceTitle') : open?.mode === 'recertification' ? t('exam.recertTitle') : t('assessment.eyebrow');

  return (
    <main id="main" tabIndex={-1} className="page assessment">
      <p className="eyebrow">{t('assessment.eyebrow')}</p>
      <PageHeading title={title} lang={COURSE_LANG} />

      {open ? (
        <Exam key={open.n} attempt={open} questions={questions} title={examTitle} onAnswer={answer} onSubmit={handIn} />
      ) : (
        <>
          <section aria-labelledby="req-heading" className="requirements-box">
            <h2 id="req-heading">{t('requirements.title')}</h2>
            <RequirementsList requirements={reqs} headingId="req-heading" />
          </section>
          {finished && <ExamResult ref={resultRef} attempt={finished} questions={questions} />}
          {cert && standing && (
            <section aria-labelledby="cert-status" className={`cert-status ${standing.state}`}>
              <h2 id="cert-status">{t('certification.yourCertificate')}</h2>
              <p>
                {standing.state === 'expired' ? t('certification.expiredOn', { date: date(cert.validUntil) }) : standing.state === 'expiring' ? t('certification.expiresSoon', { date: date(cert.validUntil), count: standing.daysLeft }) : t('certification.validUntil', { date: date(cert.validUntil) })}
              </p>
              <p><Link to="/records">{t('home.viewCertificate')}</Link></p>
              {changed.length > 0 && (
                <div className="changed-chapters">
                  <p>{t('certification.changedSince', { version: cert.courseVersion })}</p>
                  <ul>{changed.map((id) => { const c = course.chapters.find((x) => x.id === id)!; return <li key={id}><Link to={`/chapter/${id}`} lang={COURSE_LANG}>{c.title}</Link></li>; })}</ul>
                </div>
              )}
              {due && (
                <>
                  <p>{t('certification.recertIntro', { count: refresherQuestionsPerPart * partsCount })}</p>
                  {recertificationFocus(progress, course, bank).size > 0 && (
                    <p className="hint">{t('certification.recertFocus', { parts: listOf(i18n.language, [...recertificationFocus(progress, course, bank)].sort((a, b) => a - b).map((p) => partLabel(t, p))) })}</p>
                  )}
                  <button type="button" className="button primary" onClick={() => start('recertification')}>{t('certification.startRecert')}</button>
                </>
              )}
            </section>
          )}
          {!cert && (
            <section aria-labelledby="final-heading" className="final-box">
              <h2 id="final-heading">{t('exam.finalTitle')}</h2>
              <p>{t('assessment.intro', { count: partsCount * questionsPerPart, mastery: course.masteryScore })}</p>
              <p className="hint">{allowed === 0 ? t('assessment.attemptsUnlimited', { used: finals.length }) : t('assessment.attempts', { allowed, used: finals.length })}</p>
              {!canOpen && !passedFinal && <p className="exam-locked" role="status">{t('exam.locked')}</p>}
              {canOpen && !passedFinal && left > 0 && (
                <button type="button" className="button primary" onClick={() => start('final')}>{finals.length ? t('exam.retake') : t('assessment.start')}</button>
              )}
              {passedFinal && !cert && <p>{t('exam.passedNeedsMore')}</p>}
              {!passedFinal && left <= 0 && round.kind === 'locked' && (
                <div className="round-notice">
                  <p>{t('rounds.assessmentExhausted', { n: round.round.n, count: round.remaining.length })}</p>
                  <ul>
                    {round.remaining.map((sid) => {
                      const at = sectionTitle(sid);
                      return at ? <li key={sid}><Link to={`/chapter/${at.chapter.id}/${sid}`}><span lang={COURSE_LANG}>{at.chapter.title}</span> · <span lang={COURSE_LANG}>{at.section.title}</span></Link></li> : null;
                    })}
                  </ul>
                </div>
              )}
              {!passedFinal && left <= 0 && round.kind === 'exhausted' && <p>{t('assessment.noAttemptsLeft')}</p>}
            </section>
          )}
          {finished && (
            <section aria-labelledby="practice-heading" className="practice-box">
              <h2 id="practice-heading">{t('exam.practiceTitle')}</h2>
              <p className="hint">{t('exam.practiceIntro', { count: refresherQuestionsPerPart })}</p>
              {weakParts(progress, course, bank, bankId).size > 0 && (
                <p className="hint">{t('assessment.weakList', { list: listOf(i18n.language, [...weakParts(progress, course, bank, bankId)].map((p) => partLabel(t, p))) })}</p>
              )}
              <button type="button" className="button" onClick={() => start('refresher')}>{t('exam.startPractice')}</button>
            </section>
          )}
        </>
      )}
    </main>
  );
}
