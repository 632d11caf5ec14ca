import { Fragment, useEffect } from 'react';
import { Link, useParams } from '../../ui/router.tsx';
import course from 'virtual:course';
import glossary from 'virtual:glossary';
import { useTranslation } from '../../i18n/use-translation.ts';
import { partLabel } from '../../ui/labels.ts';
import { PageHeading } from '../../ui/page-heading.tsx';
import type { GlossaryEntry } from './glossary-types.ts';
import './glossary.css';
import { COURSE_LANG } from '../../ui/course-lang.ts';

/** Where a term is taught: the chapter and section the glossary names, with their titles. */
function source(entry: GlossaryEntry) {
  const chapter = course.chapters.find((c) => c.id === entry.chapter);
  const section = chapter?.sections.find((s) => s.id === entry.section);
  return chapter ? { chapter, section } : undefined;
}

/**
 * The glossary page (#/glossary, #/glossary/<term id>): every term with its definition and the part, chapter and
 * section that teach it, grouped by part in teaching order. Each term is an anchor the popovers link to.
 */
export function GlossaryPage() {
  const { t } = useTranslation();
  const { termId } = useParams();
  const parts = [...new Set(glossary.map((g) => g.part))].sort((a, b) => a - b);
  const known = termId === undefined || glossary.some((g) => g.id === termId);

  useEffect(() => {
    if (!termId) return;
    const el = document.getElementById(`term-${termId}`);
    if (el) {
      el.scrollIntoView?.({ block: 'start' });
      el.focus({ preventScroll: true });
    }
  }, [termId]);

  return (
    <main id="main" tabIndex={-1} className="page narrow glossary-page">
      <PageHeading title={t('glossary.title')} focus={!termId || !known} />
      <p>{t('glossary.intro')}</p>
      <p className="hint">{t('glossary.count', { count: glossary.length })}</p>
      {!known && <p role="alert">{t('glossary.unknown', { id: termId })}</p>}
      {parts.map((part) => (
        <section key={part} className="glossary-part" aria-labelledby={`glossary-part-${part}`}>
          <h2 id={`glossary-part-${part}`}>
            {partLabel(t, part)}
            {course.chapters.filter((c) => c.part === part).map((c) => (
              <Fragment key={c.id}>
                {' · '}
                <span lang={COURSE_LANG}>{c.title}</span>
              </Fragment>
            ))}
          </h2>
          <dl className="glossary-list">
            {glossary.filter((g) => g.part === part).map((g) => {
              const src = source(g);
              return (
                <div key={g.id}>
                  <dt id={`term-${g.id}`} tabIndex={-1}>
                    <span lang={COURSE_LANG}>{g.term}</span>
                    {g.aliases.length > 0 && (
                      <span className="glossary-aliases">
                        {t('app.labelled', { label: t('glossary.aliases') })}<span lang={COURSE_LANG}>{g.aliases.join('、')}</span>
                      </span>
                    )}
                  </dt>
                  <dd>
                    <p lang={COURSE_LANG}>{g.definition}</p>
                    {src && (
                      <p className="glossary-source">
                        {t('glossary.taughtIn', { part: partLabel(t, g.part) })}{' '}
                        <Link lang={COURSE_LANG} to={src.section ? `/chapter/${src.chapter.id}/${src.section.id}` : `/chapter/${src.chapter.id}`}>
                          {src.chapter.title}
                          {src.section && ` · ${src.section.title}`}
                        </Link>
                      </p>
                    )}
                  </dd>
                </div>
              );
            })}
          </dl>
        </section>
      ))}
    </main>
  );
}
