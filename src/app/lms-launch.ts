/**
 * Composition, before the first view: when an LMS launched the course, initialise it and let it decide who the
 * learner is (no profile prompt: name and id come from the LMS) and the mastery score.
 */
import type { CourseManifest } from '../domain/course.ts';
import { emptyProgress } from '../domain/progress.ts';
import type { ApiHost } from '../lms/discovery.ts';
import { openLms, type LmsLaunch } from '../lms/launch.ts';
import type { AppStore } from '../state/store.ts';

/**
 * Opens the LMS session, if there is an LMS. Its mastery score replaces course.yaml's in the course every view
 * reads, before any view reads it (SCORM 1.2 cmi.student_data.mastery_score, SCORM 2004 cmi.scaled_passing_score).
 */
export function launchInLms(course: CourseManifest, win?: ApiHost): LmsLaunch | undefined {
  const launch = openLms(win);
  const mastery = launch?.data?.masteryScore;
  if (mastery !== undefined) course.masteryScore = mastery;
  return launch;
}

/** Once storage is read, the LMS's learner is the current learner, with the LMS's name and id. */
export function adoptLmsLearner(store: AppStore, launch: LmsLaunch): void {
  const key = launch.learnerKey;
  const data = launch.data;
  if (!key || !data) return;
  const adopt = () => {
    const now = Date.now();
    store.setState((s) => ({
      learners: {
        ...s.learners,
        [key]: { ...(s.learners[key] ?? { id: key, createdAt: now }), name: data.learnerName || s.learners[key]?.name || '', employeeId: data.learnerId },
      },
      progress: s.progress[key] ? s.progress : { ...s.progress, [key]: emptyProgress(store.course.version, now) },
      currentLearnerId: key,
    }));
  };
  if (store.getState().hydrated) return adopt();
  // in the same turn as hydration, before the first view renders and before a blank learner is made
  const off = store.subscribe((s) => {
    if (!s.hydrated) return;
    off();
    adopt();
  });
}
