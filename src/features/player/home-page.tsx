import { lazy, Suspense, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from '../../i18n/use-translation.ts';
import { Link } from '../../ui/router.tsx';
import course from 'virtual:course';
import { validateProfile } from '../../domain/learner.ts';
import { chapterStatus, continueTarget, courseSummary, quizBest, quizPassed, sectionsSeenIn } from '../../domain/progress.ts';
import { currentProgress, useStore } from '../../state/store.ts';
import { formatDuration, partLabelBeside } from '../../ui/labels.ts';
import { PageHeading } from '../../ui/page-heading.tsx';
import { COURSE_LANG } from '../../ui/course-lang.ts';
import { loadStrings } from '../../i18n/index.ts';

// below the first view's needs: loaded after it (the entry chunk's budget)
const certification = () => Promise.all([import('./home-certification.tsx'), loadStrings()]).then(([m]) => m);
const CertificateNotice = lazy(async () => ({ default: (await certification()).CertificateNotice }));
const HomeRequirements = lazy(async () => ({ default: (await certification()).HomeRequirements }));

/** The course home; `children` are the panels below the fold (learners, storage), which the app composes in. */
export function HomePage({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  const progress = useStore(currentProgress);
  const certified = (progress.certificates?.length ?? 0) > 0;
  const learner = useStore((s) => (s.currentLearnerId ? s.learners[s.currentLearnerId] : undefined));
  const summary = courseSummary(progress, course);
  const target = continueTarget(progress, course);
  const targetChapter = course.chapters.find((c) => c.id === target?.chapter);
  const started = summary.status !== 'not-started';
  const href = target ? `/chapter/${target.chapter}${target.section ? '/' + target.section : ''}` : '/';
  return (
    <main id="main" tabIndex={-1} className="page home">
      <section className="hero" aria-labelledby="course-title">
        <p className="eyebrow" lang={COURSE_LANG}>{course.subtitle}</p>
        <PageHeading title={course.title} lang={COURSE_LANG} />
        <span id="course-title" hidden lang={COURSE_LANG}>{course.title}</span>
        {/* "welcome back" only to a learner who has begun */}
        <p className="greeting">{learner?.name ? t(started ? 'home.greeting' : 'home.greetingFirst', { name: learner.name }) : t('home.greetingNew')}</p>
        {/* a first visit has one thing to do: give a name (the certificate needs it); then the course opens. A learner
            who began unnamed keeps the way back in beside the form */}
        {!learner?.name && <NameForm />}
        {(learner?.name || started) && <div className="hero-actions">
          {/* a certified learner is led to the certificate (the notice below leads to the refresher when it is due), not back into the course */}
          {certified ? (
            <Link className="button primary" to="/records">{t('home.viewCertificate')}</Link>
          ) : (
            <Link className="button primary" to={href}>
              {started && targetChapter ? t('home.continueTo', { title: targetChapter.title }) : t('home.start')}
            </Link>
          )}
        </div>}
        <dl className="summary">
          <div>
            <dt>{t('home.progress')}</dt>
            <dd>{t('home.progressValue', { done: summary.chaptersCompleted, total: summary.chapters })}</dd>
          </div>
          <div>
            <dt className="visually-hidden">{t('home.timeSpent', { time: '' })}</dt>
            <dd>{t('home.timeSpent', { time: formatDuration(t, summary.timeMs) })}</dd>
          </div>
          {summary.averageScore !== undefined && (
            <div>
              <dt className="visually-hidden">{t('home.averageScore', { score: '' })}</dt>
              <dd>{t('home.averageScore', { score: `${summary.averageScore}%` })}</dd>
            </div>
          )}
        </dl>
        <progress className="course-progress" max={100} value={summary.percent} aria-label={t('home.progress')} />
        <Suspense fallback={null}><CertificateNotice /></Suspense>
      </section>
      <section aria-labelledby="chapters-heading">
        <h2 id="chapters-heading">{t('home.chapters')}</h2>
        <ol className="chapter-list">
          {course.chapters.map((c) => {
            const status = chapterStatus(progress, c);
            return (
              <li key={c.id} className={`chapter-card status-${status}`}>
                <Link to={`/chapter/${c.id}`} className="chapter-link">
                  {partLabelBeside(t, c.part, c.title) && <span className="chapter-part">{partLabelBeside(t, c.part, c.title)}</span>}
                  <span className="chapter-title" lang={COURSE_LANG}>{c.title}</span>
                </Link>
                <span className="chapter-meta">
                  <span className={`badge ${status}`}>{t(`status.${status}`)}</span>
                  <span>{t('home.chapterMinutes', { count: c.minutes })}</span>
                  <span>{t('chapter.sectionsSeen', { seen: sectionsSeenIn(progress, c), total: c.sections.length })}</span>
                </span>
              </li>
            );
          })}
        </ol>
        {course.assessmentBank && (
          <div className="assessment-card">
            <h3 id="home-req-heading">{t('home.assessmentCard')}</h3>
            <Suspense fallback={null}><HomeRequirements headingId="home-req-heading" /></Suspense>
            <p>
              {quizPassed(progress, course.assessmentBank.id)
                ? t('home.assessmentPassed', { percent: Math.round(quizBest(progress, course.assessmentBank.id) ?? 0) })
                : quizBest(progress, course.assessmentBank.id) !== undefined
                  ? t('home.assessmentFailed', { percent: Math.round(quizBest(progress, course.assessmentBank.id) ?? 0) })
                  : t('home.assessmentNone')}
            </p>
            <Link className="button" to="/assessment">{t('home.assessmentGo')}</Link>
          </div>
        )}
        <p>
          <Link to="/records">{t('home.recordsLink')}</Link>
        </p>
      </section>
      <Suspense fallback={null}>{children}</Suspense>
    </main>
  );
}

function NameForm() {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  // a key, translated when shown
  const [error, setError] = useState<'' | 'learner.nameRequired' | 'learner.nameTooLong'>('');
  const learnerId = useStore((s) => s.currentLearnerId);
  const update = useStore((s) => s.updateLearner);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const v = validateProfile({ name });
    if (!v.ok || !learnerId) return setError(!v.ok && v.reason === 'too-long' ? 'learner.nameTooLong' : 'learner.nameRequired');
    update(learnerId, { name: name.trim() });
  };
  return (
    <form className="name-form" onSubmit={submit} noValidate>
      <p id="name-help">{t('home.namePrompt')}</p>
      <label htmlFor="learner-name">{t('home.nameLabel')}</label>
      <div className="row">
        <input id="learner-name" autoComplete="name" value={name} aria-describedby="name-help name-error" aria-invalid={!!error} onChange={(e) => setName(e.target.value)} />
        <button type="submit" className="button primary">{t('home.save')}</button>
      </div>
      <span id="name-error" className="field-error" role="alert">{error && t(error)}</span>
    </form>
  );
}
