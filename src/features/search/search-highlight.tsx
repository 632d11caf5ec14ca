import { useEffect, useState } from 'react';
import { useParams, useSearchParams } from '../../ui/router.tsx';
import { useTranslation } from '../../i18n/use-translation.ts';
import { findTextRanges } from './find-text.ts';
import './search.css';

const NAME = 'zx-search';

/** Marks the ranges: the CSS Custom Highlight API leaves React's DOM untouched; without it, the text is selected. */
function paint(ranges: Range[]): () => void {
  if (typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined') {
    CSS.highlights.set(NAME, new Highlight(...ranges));
    return () => CSS.highlights.delete(NAME);
  }
  const selection = window.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(ranges[0]!);
  return () => undefined;
}

/**
 * On a chapter opened from search (#/chapter/<id>/<section>?hl=<words>): once the section is on the page, the
 * words are highlighted in it, the first one scrolled into view and the find announced.
 */
export function SearchHighlight() {
  const { t } = useTranslation();
  const { sectionId } = useParams();
  const [params] = useSearchParams();
  const words = params.get('hl') ?? '';
  const [found, setFound] = useState('');

  useEffect(() => {
    if (!words || !sectionId) return;
    let clear = () => {};
    let timer: ReturnType<typeof setTimeout> | undefined;
    const apply = (): boolean => {
      const section = document.getElementById(`s-${sectionId}`);
      const ranges = section ? findTextRanges(section, words) : [];
      if (!ranges.length) return false;
      clear = paint(ranges);
      setFound(words);
      // after the chapter has brought the section's heading into view
      timer = setTimeout(() => {
        const target = ranges[0]!.startContainer.parentElement;
        target?.scrollIntoView({ block: 'center' });
      }, 150);
      return true;
    };
    let observer: MutationObserver | undefined;
    if (!apply()) {
      observer = new MutationObserver(() => {
        if (apply()) observer?.disconnect();
      });
      observer.observe(document.body, { childList: true, subtree: true });
    }
    const stop = setTimeout(() => observer?.disconnect(), 15000);
    return () => {
      observer?.disconnect();
      clearTimeout(stop);
      clearTimeout(timer);
      clear();
      setFound('');
    };
  }, [words, sectionId]);

  return (
    <p className="visually-hidden" role="status">
      {found ? t('search.highlighted', { text: found }) : ''}
    </p>
  );
}
