/**
 * Canonical JSON: object keys sorted at every level, so two values that hold the same data give the same text
 * whatever order their keys were written in. Used to compare states (never by key order) and to digest records.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v === null || typeof v !== 'object') return v;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v).sort()) {
    const x = (v as Record<string, unknown>)[k];
    // JSON drops undefined members: so does the canonical form
    if (x !== undefined) out[k] = sortKeys(x);
  }
  return out;
}

/** Same data, whatever the key order. */
export function sameData(a: unknown, b: unknown): boolean {
  return a === b || canonicalJson(a) === canonicalJson(b);
}
