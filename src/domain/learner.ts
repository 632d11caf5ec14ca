/** Learners on a device. Data minimisation: a name, and optionally an employee id and department. */
export interface LearnerProfile {
  id: string;
  name: string;
  employeeId?: string;
  department?: string;
  createdAt: number;
  /**
   * A short PIN that switching to this learner and deleting their data ask for, kept as a salted SHA-256 digest (pin.ts).
   * It keeps colleagues on a shared device out of casual view; four to six digits stop no determined person who
   * has the device (and its storage) in hand, and the interface says so.
   */
  pin?: { salt: string; hash: string };
}

/** The longest name a certificate prints on one line; counted in characters as read (a CJK character is one). */
export const NAME_MAX = 60;

export function validateProfile(input: { name: string; employeeId?: string; department?: string }): { ok: true } | { ok: false; field: 'name'; reason: 'required' | 'too-long' } {
  const name = input.name.trim();
  if (!name) return { ok: false, field: 'name', reason: 'required' };
  if (Array.from(name).length > NAME_MAX) return { ok: false, field: 'name', reason: 'too-long' };
  return { ok: true };
}
