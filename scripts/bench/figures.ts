/**
 * The one shape every benchmark module reports in. A module measures something and returns figures;
 * index.ts collects them in one list, budgets.ts checks them, report.ts writes them out.
 */

export type Unit = 'B' | 'ms' | 'score' | 'cls' | 'count';

export interface Bounds {
  max?: number;
  min?: number;
}

export interface Spread {
  min: number;
  max: number;
  /** how many samples the value summarises */
  n: number;
  p95?: number;
}

export interface Figure {
  /** stable id, "group/…", e.g. "bundle/entry.gzip" or "lighthouse/mobile/home/accessibility" */
  name: string;
  value: number;
  unit: Unit;
  /** asserted by `npm run bench -- --check` */
  budget?: Bounds;
  /** reported (met / missed) but never fails the check: timings on a noisy machine */
  target?: Bounds;
  spread?: Spread;
  /** shown in the report's summary */
  headline?: boolean;
  note?: string;
}

/** What a benchmark module hands back: its figures and how it measured them (one line each, for the report). */
export interface ModuleResult {
  figures: Figure[];
  method: string[];
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Nearest-rank percentile (p in 0..100). */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * s.length));
  return s[rank - 1]!;
}

export function spreadOf(xs: readonly number[], extra: Partial<Spread> = {}): Spread {
  return { min: Math.min(...xs), max: Math.max(...xs), n: xs.length, ...extra };
}

/** A figure summarising repeated samples by their median, with their min–max. */
export function medianFigure(name: string, samples: readonly number[], unit: Unit, rest: Partial<Figure> = {}): Figure {
  return { name, value: median(samples), unit, spread: spreadOf(samples), ...rest };
}

export const KB = 1024;

export function formatValue(value: number, unit: Unit): string {
  if (!Number.isFinite(value)) return 'n/a';
  switch (unit) {
    case 'B':
      return value >= KB ? `${(value / KB).toFixed(1)} KB` : `${value} B`;
    case 'ms':
      return `${value < 10 && !Number.isInteger(value) ? value.toFixed(1) : Math.round(value)} ms`;
    case 'score':
      return String(Math.round(value));
    case 'cls':
      return value.toFixed(3);
    case 'count':
      return String(value);
  }
}

export function formatBounds(b: Bounds | undefined, unit: Unit): string {
  if (!b) return '';
  const parts: string[] = [];
  if (b.min !== undefined) parts.push(`≥ ${formatValue(b.min, unit)}`);
  if (b.max !== undefined) parts.push(`≤ ${formatValue(b.max, unit)}`);
  return parts.join(', ');
}
