/**
 * Composition: when an LRS is configured (course.yaml `lrs`) or the page was launched by an LMS with an LRS
 * (cmi5 or xAPI launch parameters), feed it the learner's completion record as it changes. Everything the link
 * needs loads only then, off the first view.
 */
import { lrsSource } from '../lrs/config.ts';
import { currentProgress, type AppStore } from '../state/store.ts';

/** a burst of actions (an answer and the chapter it completes) becomes one look at the record */
const SETTLE_MS = 300;

export async function linkLrs(store: AppStore, search = globalThis.location?.search ?? ''): Promise<void> {
  const source = lrsSource(search, store.course.lrs);
  if (!source) return;
  const [{ startLrsLink }, { buildCompletionRecord }, { default: items }] = await Promise.all([
    import('../lrs/index.ts'),
    import('../domain/completion-record.ts'),
    import('virtual:course-items'),
  ]);
  const link = await startLrsLink(source, store.course);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last: unknown;
  const feed = () => {
    timer = undefined;
    const s = store.getState();
    const learner = s.currentLearnerId ? s.learners[s.currentLearnerId] : undefined;
    const progress = currentProgress(s);
    if (!s.hydrated || !learner || progress === last) return;
    last = progress;
    void link.accept(buildCompletionRecord({ manifest: store.course, items, learner, progress, now: Date.now() }));
  };
  store.subscribe(() => {
    if (timer === undefined) timer = setTimeout(feed, SETTLE_MS);
  });
  feed();
}
