/**
 * Composition: when an LMS launched the course, the LMS is fed the learner's completion record as it changes,
 * through the runtime in src/lms. On launch the learner's suspend data and location are read back: inside an LMS
 * the LMS is authoritative and this device's copy is the backup, so both are merged and the LMS's location wins.
 * Everything here loads only inside an LMS, off the first view.
 */
import type { LearnerProgress } from '../domain/progress.ts';
import type { LmsLaunch } from '../lms/launch.ts';
import { currentProgress, type AppStore } from '../state/store.ts';

/** a burst of actions (an answer and the chapter it completes) becomes one look at the record */
const SETTLE_MS = 300;

export interface LmsLinkOptions {
  settleMs?: number;
  periodMs?: number;
  /** the page whose hide and visibility end or pause the session (default: this window) */
  page?: Pick<Window, 'addEventListener' | 'removeEventListener'> & { document: Pick<Document, 'visibilityState' | 'addEventListener' | 'removeEventListener'> };
}

export async function linkLms(store: AppStore, launch: LmsLaunch, options: LmsLinkOptions = {}): Promise<{ dispose(): void }> {
  const [{ createSession }, { dataModels }, { buildCompletionRecord }, suspend, { mergeProgress }, { setLmsLink }, { default: items }] = await Promise.all([
    import('../lms/session.ts'),
    import('../lms/data-model.ts'),
    import('../domain/completion-record.ts'),
    import('../domain/suspend-data.ts'),
    import('../domain/merge.ts'),
    import('../lms/status.ts'),
    import('virtual:course-items'),
  ]);
  const model = dataModels[launch.kind];
  const course = store.course;
  const codec = suspend.suspendCourse(course, items);
  const session = createSession({ runtime: launch.runtime, model, initialized: launch.initialized, ...(options.periodMs !== undefined ? { periodMs: options.periodMs } : {}) });
  // SCORM 1.2 CMIString4096; SCORM 2004 SPM 64000
  const maxLength = launch.kind === 'scorm12' ? suspend.SCORM12_SUSPEND_DATA_LIMIT : 64_000;
  const learnerKey = launch.learnerKey;

  await hydrated(store);

  // resume: the LMS's suspend data joins this device's copy, and the LMS's location is where "continue" leads
  let writtenBefore = Number.NEGATIVE_INFINITY;
  let fromLms: LearnerProgress | undefined;
  const id = learnerKey && store.getState().learners[learnerKey] ? learnerKey : store.getState().currentLearnerId;
  if (id && launch.data) {
    const decoded = suspend.decodeSuspendData(launch.data.suspendData, codec, { learnerId: id });
    if (!decoded.ok && decoded.reason !== 'empty') console.warn('the LMS’s suspend data cannot be read back; this device’s copy is used', decoded.reason);
    const at = launch.data.location?.split('/');
    store.setState((s) => {
      const mine = s.progress[id];
      if (!mine) return {};
      let p = decoded.ok ? mergeProgress(mine, decoded.progress) : mine;
      const chapter = at?.[0] && course.chapters.find((c) => c.id === at[0]);
      if (chapter) p = { ...p, resume: { chapter: chapter.id, ...(at[1] && chapter.sections.some((x) => x.id === at[1]) ? { section: at[1] } : {}) } };
      return { progress: { ...s.progress, [id]: p } };
    });
    // what the suspend data holds was committed with its interactions: the LMS has every answer given before it
    if (decoded.ok) {
      fromLms = decoded.progress;
      writtenBefore = decoded.progress.updatedAt + 1000;
    }
  }

  const record = () => {
    const s = store.getState();
    const learner = s.currentLearnerId ? s.learners[s.currentLearnerId] : undefined;
    if (!learner) return undefined;
    const progress = currentProgress(s);
    const encoded = suspend.encodeSuspendData(progress, codec, { learnerId: learner.id, maxLength });
    session.setKeptLocally(encoded.omitted.filter((o) => o.kind === 'plan-item').length);
    return buildCompletionRecord({ manifest: course, items, learner, progress, now: Date.now(), ...(encoded.fits ? { suspendData: encoded.data } : {}) });
  };

  const first = record();
  const learner = store.getState().currentLearnerId ? store.getState().learners[store.getState().currentLearnerId!] : undefined;
  const held = fromLms && learner ? buildCompletionRecord({ manifest: course, items, learner, progress: fromLms, now: Date.now() }).interactions.map((i) => i.key) : [];
  session.known([...held, ...(first?.interactions.filter((i) => i.at < writtenBefore).map((i) => i.key) ?? [])], launch.data?.interactionCount ?? 0);

  const lang = course.defaultLocale;
  let last: unknown;
  const feed = (force = false) => {
    timer = undefined;
    const progress = currentProgress(store.getState());
    if (!force && progress === last) return;
    last = progress;
    const r = record();
    if (!r) return;
    session.update({ ...model.state(r), ...model.sessionTime(session.sessionMs()) });
    for (const i of r.interactions) session.interaction(i.key, (n) => model.interaction(i, n, lang));
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const unsubscribe = store.subscribe(() => {
    if (timer === undefined) timer = setTimeout(feed, options.settleMs ?? SETTLE_MS);
  });
  feed(true);

  // page hidden: commit now (the page may never come back); page gone: finish the session
  const page = options.page ?? window;
  const onVisibility = () => {
    if (page.document.visibilityState !== 'hidden') return;
    if (timer) clearTimeout(timer);
    feed(true);
    session.flush();
  };
  const onHide = () => {
    if (timer) clearTimeout(timer);
    feed(true);
    session.exit(model.sessionTime(session.sessionMs()));
  };
  page.document.addEventListener('visibilitychange', onVisibility);
  page.addEventListener('pagehide', onHide);

  setLmsLink({ status: session.status, subscribe: session.subscribe, retry: session.retry });
  return {
    dispose() {
      unsubscribe();
      if (timer) clearTimeout(timer);
      page.document.removeEventListener('visibilitychange', onVisibility);
      page.removeEventListener('pagehide', onHide);
      session.dispose();
      setLmsLink(undefined);
    },
  };
}

function hydrated(store: AppStore): Promise<void> {
  if (store.getState().hydrated) return Promise.resolve();
  return new Promise((resolve) => {
    const off = store.subscribe((s) => {
      if (!s.hydrated) return;
      off();
      resolve();
    });
  });
}
