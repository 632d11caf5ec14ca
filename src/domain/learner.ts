/** Learners on a device. Data minimisation: a name, and optionally an employee id and department. */
import { sha256 } from '@noble/hashes/sha2.js';

export interface LearnerProfile {
  id: string;
  name: string;
  employeeId?: string;
  department?: string;
  createdAt: number;
  /**
   * A short PIN that switching to this learner and deleting their data ask for, kept as a salted SHA-256 digest.
   * It keeps colleagues on a shared device out of casual view; four to six digits stop no determined person who
   * has the device (and its storage) in hand, and the interface says so.
   */
  pin?: { salt: string; hash: string };
}

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

/** The longest name a certificate prints on one line; counted in characters as read (a CJK character is one). */
export const NAME_MAX = 60;

export function validateProfile(input: { name: string; employeeId?: string; department?: string }): { ok: true } | { ok: false; field: 'name'; reason: 'required' | 'too-long' } {
  const name = input.name.trim();
  if (!name) return { ok: false, field: 'name', reason: 'required' };
  if (Array.from(name).length > NAME_MAX) return { ok: false, field: 'name', reason: 'too-long' };
  return { ok: true };
}
