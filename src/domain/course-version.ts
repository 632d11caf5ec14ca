/** Course versions ("major.minor.patch") and what changed between them, as course.yaml `changes` lists it. Pure. */
import type { CourseManifest } from './course.ts';

/** Negative when a is older than b, 0 when equal, positive when newer. Unparsable parts count as 0. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map((x) => Number.parseInt(x, 10) || 0);
  const pb = b.split('.').map((x) => Number.parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * The chapters changed after `since` up to the course's current version, in teaching order: what a learner
 * certified on `since` has not seen in its present form.
 */
export function chaptersChangedSince(m: Pick<CourseManifest, 'version' | 'changes' | 'chapters'>, since: string): string[] {
  const changed = new Set<string>();
  for (const c of m.changes ?? [])
    if (compareVersions(c.version, since) > 0 && compareVersions(c.version, m.version) <= 0) c.chapters.forEach((id) => changed.add(id));
  return m.chapters.filter((c) => changed.has(c.id)).map((c) => c.id);
}
