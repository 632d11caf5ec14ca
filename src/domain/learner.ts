/** Learners on a device. Data minimisation: a name, and optionally an employee id and department. */
export interface LearnerProfile {
  id: string;
  name: string;
  employeeId?: string;
  department?: string;
  createdAt: number;
}

export function validateProfile(input: { name: string; employeeId?: string; department?: string }): { ok: true } | { ok: false; field: 'name'; reason: 'required' | 'too-long' } {
  const name = input.name.trim();
  if (!name) return { ok: false, field: 'name', reason: 'required' };
  if (name.length > 60) return { ok: false, field: 'name', reason: 'too-long' };
  return { ok: true };
}
