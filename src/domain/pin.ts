/** A learner's PIN on a shared device: its stored form and the check. Loaded with the learner panel only. */
import { sha256 } from '@noble/hashes/sha2.js';
import type { LearnerProfile } from './learner.ts';

/** Four to six digits: quick to type on a phone's number pad. */
export const PIN_PATTERN = /^\d{4,6}$/;

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/** The stored form of a PIN; `salt` is random, made by the caller (the domain has no randomness of its own). */
export function pinRecord(pin: string, salt: string): { salt: string; hash: string } {
  return { salt, hash: hex(sha256(new TextEncoder().encode(`${salt}:${pin}`))) };
}

/** Whether `pin` opens this learner: always, for a learner without a PIN. */
export function pinMatches(learner: Pick<LearnerProfile, 'pin'>, pin: string): boolean {
  return !learner.pin || pinRecord(pin, learner.pin.salt).hash === learner.pin.hash;
}
