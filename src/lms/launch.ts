/**
 * The launch, before the first view: find the LMS, initialise, and read who the learner is, where they were and
 * the mastery score. Synchronous (the SCORM API is), so the first view already shows the LMS's learner and never
 * asks for a profile. Everything else the runtime needs loads after the first view (src/app/lms-link.ts).
 */
import { findApi, type ApiHost, type LmsKind } from './discovery.ts';
import { readLaunch, type LaunchData } from './launch-data.ts';
import { createRuntime, type LmsRuntime } from './runtime.ts';

export interface LmsLaunch {
  runtime: LmsRuntime;
  kind: LmsKind;
  /** false when Initialize failed: the session tries again, and the banner says so */
  initialized: boolean;
  /** what the LMS said at launch (absent when Initialize failed) */
  data?: LaunchData;
  /** the learner's id in this store: the LMS's id, so attempt seeds and suspend data follow the learner */
  learnerKey?: string;
}

/** The learner's id in the store for an LMS learner id. */
export const lmsLearnerKey = (learnerId: string) => `lms:${learnerId}`;

export function openLms(win?: ApiHost): LmsLaunch | undefined {
  const found = findApi(win);
  if (!found) return undefined;
  const runtime = createRuntime(found.kind, found.api);
  // an LMS that is slow to set up its API may fail the first call: one more before the session's retries take over
  const initialized = runtime.initialize() || runtime.initialize();
  if (!initialized) return { runtime, kind: found.kind, initialized };
  const data = readLaunch[found.kind](runtime);
  return { runtime, kind: found.kind, initialized, data, ...(data.learnerId ? { learnerKey: lmsLearnerKey(data.learnerId) } : {}) };
}
