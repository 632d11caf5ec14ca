import type { Question } from '../domain/course.ts';
import { hashSeed, shuffle } from '../domain/random.ts';

/** The order a learner sees choices in this attempt: seeded, so a reload shows the same order. */
export function displayOrder(q: Question, attemptSeed: number): { choices: string[]; rights: string[] } {
  const seed = attemptSeed ^ hashSeed(q.id);
  const ids = q.choices.map((c) => c.id);
  let choices = q.type === 'truefalse' ? [] : shuffle(ids, seed);
  // an ordering question must not start out solved
  if (q.type === 'order' && choices.length > 1 && choices.every((c, i) => c === ids[i])) choices = [...choices.slice(1), choices[0]!];
  const rights = shuffle(
    q.pairs.map((p) => p.id),
    seed ^ 0x9e3779b9,
  );
  return { choices, rights };
}
