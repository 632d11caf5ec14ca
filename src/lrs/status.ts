/**
 * The running LRS link, for the records page: small on purpose, so showing the queue does not load the outbox,
 * the xAPI mapper or cmi5 with the page.
 */
import type { OutboxStatus } from './outbox.ts';

export interface LrsLinkView {
  readonly source: { kind: 'cmi5' | 'xapi' | 'course'; endpoint: string };
  status(): OutboxStatus;
  readonly outbox: { subscribe(listener: (s: OutboxStatus) => void): () => void; resume(): Promise<void>; refresh(): Promise<void>; flush(): Promise<void> };
  readonly cmi5?: { readonly data: { launchMode: string; returnURL?: string } };
  exit(): Promise<string | undefined>;
}

let current: LrsLinkView | undefined;
const listeners = new Set<() => void>();

export function setLrsLink(link: LrsLinkView | undefined): void {
  current = link;
  for (const l of listeners) l();
}

export function lrsLink(): LrsLinkView | undefined {
  return current;
}

export function onLrsLink(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
