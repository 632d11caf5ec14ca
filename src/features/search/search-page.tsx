import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { Link, useSearchParams } from '../../ui/router.tsx';
import { useTranslation } from '../../i18n/use-translation.ts';
import { PageHeading } from '../../ui/page-heading.tsx';
import type { SearchResult } from './search-core.ts';
import './search.css';
import { COURSE_LANG } from '../../ui/course-lang.ts';

type Search = (query: string) => SearchResult;

/**
 * The search page (#/search?q=…): a labelled search field, results as they are typed (the count announced), each
 * a link to its section with the match highlighted there. The index loads when the page opens, from the
 * service worker's cache when offline.
 */
export function SearchPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const query = params.get('q') ?? '';
  const [input, setInput] = useState(query);
  const [search, setSearch] = useState<Search | null>(null);
  const [failed, setFailed] = useState(false);
  const field = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const hintId = useId();

  useEffect(() => {
    let live = true;
    import('./search-engine.ts').then(
      (m) => live && setSearch(() => m.search),
      () => live && setFailed(true),
    );
    field.current?.focus();
    return () => void (live = false);
  }, []);

  // the query follows the field (kept in the address, so Back returns to these results)
  useEffect(() => {
    if (input.trim() === query) return;
    const timer = setTimeout(() => setParams(input.trim() ? { q: input.trim() } : {}, { replace: true }), 200);
    return () => clearTimeout(timer);
  }, [input, query, setParams]);

  const result = useMemo(() => (search && query ? search(query) : null), [search, query]);

  return (
    <main id="main" tabIndex={-1} className="page narrow search-page">
      <PageHeading title={t('search.title')} focus={false} />
      <form
        role="search"
        className="search-form"
        onSubmit={(e) => {
          e.preventDefault();
          setParams(input.trim() ? { q: input.trim() } : {}, { replace: true });
        }}
      >
        <label htmlFor={inputId}>{t('search.label')}</label>
        <div className="search-row">
          <input ref={field} id={inputId} type="search" value={input} onChange={(e) => setInput(e.target.value)} aria-describedby={hintId} autoComplete="off" enterKeyHint="search" />
          <button type="submit" className="button primary">{t('search.submit')}</button>
        </div>
        <p id={hintId} className="hint">{t('search.hint')}</p>
      </form>
      {failed && <p role="alert">{t('search.loadError')}</p>}
      <p role="status" className="search-status">
        {!search && !failed ? t('search.loading') : result ? (result.hits.length ? t('search.results', { count: result.hits.length, query }) : t('search.none', { query })) : ''}
      </p>
      {result?.term && (
        <aside className="search-term" aria-label={t('search.inTerm', { term: result.term.term })}>
          <p>
            <strong lang={COURSE_LANG}>{result.term.term}</strong>
            <span lang={COURSE_LANG}>：{result.term.definition}</span>
          </p>
          <Link to={`/glossary/${result.term.id}`}>{t('glossary.open')}</Link>
        </aside>
      )}
      {result && result.hits.length > 0 && (
        <ol className="search-results" aria-label={t('search.resultsLabel')}>
          {result.hits.map((h) => (
            <li key={h.doc.id}>
              <Link to={`/chapter/${h.doc.chapter}/${h.doc.section}${h.match ? `?hl=${encodeURIComponent(h.match)}` : ''}`} lang={COURSE_LANG}>
                {h.doc.chapterTitle} · {h.doc.title}
              </Link>
              <p className="search-snippet" lang={COURSE_LANG}>
                {h.before}
                {h.match && <mark>{h.match}</mark>}
                {h.after}
              </p>
            </li>
          ))}
        </ol>
      )}
    </main>
  );
}
