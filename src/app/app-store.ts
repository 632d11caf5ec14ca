/** The app's one store: this course, kept on this device (IndexedDB → localStorage → memory). */
import course from 'virtual:course';
import { createPersistence } from '../state/persistence.ts';
import { createAppStore } from '../state/store.ts';

export const appStore = createAppStore({ course, persistence: (events) => createPersistence(events, { course }) });
