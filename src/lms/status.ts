/**
 * The LMS link as the interface sees it: its status and the learner's "try again". Set once the runtime is up
 * (src/app/lms-link.ts); nothing when the course runs outside an LMS.
 */
import type { LmsStatus } from './session.ts';

export interface LmsLinkView {
  status(): LmsStatus;
  subscribe(listener: (s: LmsStatus) => void): () => void;
  retry(): boolean;
}

let current: LmsLinkView | undefined;
const listeners = new Set<() => void>();

export function setLmsLink(link: LmsLinkView | undefined): void {
  current = link;
  for (const l of listeners) l();
}

export const lmsLink = (): LmsLinkView | undefined => current;

export function onLmsLink(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
