/** The app's one store: this course, kept on this device (IndexedDB → localStorage → memory); inside an LMS, the LMS's learner. */
import course from 'virtual:course';
import { createPersistence } from '../state/persistence.ts';
import { createAppStore } from '../state/store.ts';
import { adoptLmsLearner, launchInLms } from './lms-launch.ts';

/** the LMS that launched the course, initialised before the store is made (its mastery score counts from the start) */
export const lmsLaunch = launchInLms(course);

export const appStore = createAppStore({ course, persistence: (events) => createPersistence(events, { course }) });

if (lmsLaunch) adoptLmsLearner(appStore, lmsLaunch);
