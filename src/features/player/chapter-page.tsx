import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation.ts';
import { Link, useParams } from '../../ui/router.tsx';
import course from 'virtual:course';
import { currentProgress, useStore } from '../../state/store.ts';
import { ChapterContext } from '../../ui/chapter-context.ts';
import { loadChapter, type ChapterModule } from './chapter-modules.ts';
import { partLabelBeside } from '../../ui/labels.ts';
import { NotFoundPage } from '../../ui/not-found-page.tsx';
import { PageHeading } from '../../ui/page-heading.tsx';
import { useChapterTime } from './use-chapter-time.ts';
import { useScrollMemory } from './use-scroll-memory.ts';
import { COURSE_LANG } from '../../ui/course-lang.ts';

export function ChapterPage() {
  const { chapterId, sectionId } = useParams();
  const index = course.chapters.findIndex((c) => c.id === chapterId);
  const chapter = course.chapters[index];
  if (!chapter) return <NotFoundPage />;
  return <Chapter key={chapter.id} index={index} sectionId={sectionId} />;
}

function Chapter({ index, sectionId }: { index: number; sectionId: string | undefined }) {
  const { t } = useTranslation();
  const chapter = course.chapters[index]!;
  const prev = course.chapters[index - 1];
  const next = course.chapters[index + 1];
  const [mod, setMod] = useState<ChapterModule | null>(null);
  const [failed, setFailed] = useState(false);
  // only which of this chapter's sections are read, as one string: an answer or a tick of active time does not
  // re-render the chapter (its whole length), which would delay the write of that answer
  const seenMask = useStore((s) => chapter.sections.map((x) => (currentProgress(s).sectionsSeen[x.id] !== undefined ? '1' : '0')).join(''));
  const updateProgress = useStore((s) => s.updateProgress);
  useChapterTime(chapter.id);
  useScrollMemory(chapter.id, mod !== null);
  // on a phone the outline is a sticky bar, opened by a tap; on a desktop it is always open beside the text
  const [outlineOpen, setOutlineOpen] = useState(false);

  useEffect(() => {
    let live = true;
    loadChapter(chapter.file).then(
      (m) => live && setMod(m),
      () => live && setFailed(true),
    );
    return () => void (live = false);
  }, [chapter.file]);

  useEffect(() => {
    updateProgress((p) => (p.resume?.chapter === chapter.id ? p : { ...p, resume: { chapter: chapter.id } }));
  }, [chapter.id, updateProgress]);

  // A deep link to a section: once the content is there, bring the section into view and focus its heading.
  useEffect(() => {
    if (!mod || !sectionId) return;
    const heading = document.getElementById(`h-${sectionId}`);
    if (heading) {
      heading.scrollIntoView({ block: 'start' });
      heading.focus({ preventScroll: true });
    }
  }, [mod, sectionId]);

  const value = useMemo(() => (mod ? { chapter, interactive: mod.interactive } : null), [mod, chapter]);
  const seen = [...seenMask].filter((c) => c === '1').length;
  const content = useMemo(() => (value && mod ? <mod.default /> : null), [value, mod]);
  const total = chapter.sections.length;

  return (
    <div className="chapter-layout">
      <nav className={outlineOpen ? 'toc open' : 'toc'} aria-labelledby="toc-heading">
        <div className="toc-bar">
          <div className="toc-summary">
            <h2 id="toc-heading" className="toc-heading">{t('chapter.contents')}</h2>
            <p className="toc-progress" id="chapter-progress-label">{t('chapter.sectionsSeen', { seen, total })}</p>
          </div>
          <button type="button" className="button secondary small toc-toggle" aria-expanded={outlineOpen} aria-controls="toc-list" onClick={() => setOutlineOpen((o) => !o)}>
            {outlineOpen ? t('chapter.hideOutline') : t('chapter.showOutline')}
          </button>
        </div>
        <progress max={total} value={seen} aria-labelledby="chapter-progress-label" />
        <ol id="toc-list">
          {chapter.sections.map((s) => {
            const isSeen = seenMask[chapter.sections.indexOf(s)] === '1';
            return (
              <li key={s.id} className={isSeen ? 'seen' : undefined}>
                <Link to={`/chapter/${chapter.id}/${s.id}`} aria-current={sectionId === s.id ? 'location' : undefined} onClick={() => setOutlineOpen(false)}>
                  <span lang={COURSE_LANG}>{s.title}</span>
                  {isSeen && <span className="seen-mark"><span aria-hidden="true">✓</span><span className="visually-hidden">{t('chapter.seenMark')}</span></span>}
                </Link>
              </li>
            );
          })}
        </ol>
      </nav>
      {/* the interface's language; the course text inside is marked zh-CN (WCAG 3.1.2) */}
      <main id="main" tabIndex={-1} className="page chapter">
        <p className="eyebrow">
          {[partLabelBeside(t, chapter.part, chapter.title), t('chapter.minutes', { count: chapter.minutes })].filter(Boolean).join(' · ')}
        </p>
        <PageHeading title={chapter.title} focus={!sectionId} lang={COURSE_LANG} />
        <section className="objectives" aria-labelledby="objectives-heading">
          <h2 id="objectives-heading" className="small-heading">{t('chapter.objectives')}</h2>
          <ul lang={COURSE_LANG}>
            {chapter.objectives.map((o) => <li key={o}>{o}</li>)}
          </ul>
        </section>
        {failed && <p role="alert">{t('chapter.loadError')}</p>}
        {!mod && !failed && <p role="status" className="loading">{t('app.loading')}</p>}
        {value && mod && (
          <ChapterContext.Provider value={value}>
            <div lang={COURSE_LANG}>
              {content}
            </div>
          </ChapterContext.Provider>
        )}
        {mod && <nav className="chapter-nav" aria-label={t('chapter.pager')}>
          {prev ? (
            <Link className="button secondary" to={`/chapter/${prev.id}`} rel="prev">
              ← {t('app.labelled', { label: t('chapter.previous') })}<span lang={COURSE_LANG}>{prev.title}</span>
            </Link>
          ) : <Link className="button secondary" to="/">← {t('chapter.backHome')}</Link>}
          {next ? (
            <Link className="button primary" to={`/chapter/${next.id}`} rel="next">
              {t('app.labelled', { label: t('chapter.next') })}<span lang={COURSE_LANG}>{next.title}</span> →
            </Link>
          ) : course.assessmentBank ? (
            <Link className="button primary" to="/assessment" rel="next">{t('home.assessmentGo')} →</Link>
          ) : <Link className="button primary" to="/">{t('chapter.backHome')}</Link>}
        </nav>}
      </main>
    </div>
  );
}
