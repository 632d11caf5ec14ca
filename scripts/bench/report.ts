/** Renders the collected figures as bench/report.md. Pure: report data in, markdown out. */
import type { Violation } from './budgets.ts';
import { formatBounds, formatValue, type Figure } from './figures.ts';

export interface SectionInfo {
  id: string;
  title: string;
  method: string[];
  durationMs?: number;
  error?: string;
  skipped?: string;
}

export interface Report {
  generatedAt: string;
  commit: string;
  machine: { cpus: string; memoryGb: number; node: string; chromium: string };
  options: Record<string, unknown>;
  sections: SectionInfo[];
  figures: Figure[];
  violations: Violation[];
  targetsMissed: Violation[];
}

const group = (f: Figure) => f.name.split('/')[0]!;
const escape = (s: string) => s.replace(/\|/g, '\\|');

function spreadText(f: Figure): string {
  if (!f.spread) return '';
  const p95 = f.spread.p95 !== undefined ? `, p95 ${formatValue(f.spread.p95, f.unit)}` : '';
  return `${formatValue(f.spread.min, f.unit)} – ${formatValue(f.spread.max, f.unit)} (n=${f.spread.n}${p95})`;
}

function limits(f: Figure): string {
  return [f.budget && `budget ${formatBounds(f.budget, f.unit)}`, f.target && `target ${formatBounds(f.target, f.unit)}`].filter(Boolean).join('; ');
}

function status(f: Figure, broken: Set<string>, missed: Set<string>): string {
  if (broken.has(f.name)) return '❌';
  if (missed.has(f.name)) return '⚠️';
  if (f.budget || f.target) return '✅';
  return '';
}

function table(figures: Figure[], broken: Set<string>, missed: Set<string>, strip: string): string[] {
  const rows = ['| Figure | Value | Spread (min – max) | Limit | |', '|---|--:|---|---|---|'];
  for (const f of figures) {
    const name = f.name.startsWith(strip) ? f.name.slice(strip.length) : f.name;
    const label = f.note ? `${name} <sub>${escape(f.note)}</sub>` : name;
    rows.push(`| ${label} | ${formatValue(f.value, f.unit)} | ${spreadText(f)} | ${limits(f)} | ${status(f, broken, missed)} |`);
  }
  return rows;
}

/** Figures named group/row…/column all of one depth render as a matrix: one row per middle part, one column per last part. */
function matrix(figures: Figure[], broken: Set<string>, missed: Set<string>): string[] | undefined {
  const parts = figures.map((f) => f.name.split('/'));
  const depth = parts[0]!.length;
  if (depth < 3 || parts.some((p) => p.length !== depth)) return undefined;
  const rowOf = (p: string[]) => p.slice(1, -1).join(' / ');
  const rows = [...new Set(parts.map(rowOf))];
  const cols = [...new Set(parts.map((p) => p.at(-1)!))];
  if (rows.length < 2 || cols.length < 2) return undefined;
  const at = new Map(figures.map((f, i) => [`${rowOf(parts[i]!)}|${parts[i]!.at(-1)}`, f]));
  const out = [`| | ${cols.join(' | ')} |`, `|---|${cols.map(() => '--:').join('|')}|`];
  for (const r of rows) {
    const cells = cols.map((c) => {
      const f = at.get(`${r}|${c}`);
      if (!f) return '';
      const mark = status(f, broken, missed);
      const range = f.spread && f.spread.n > 1 ? `<br><sub>${formatValue(f.spread.min, f.unit)} – ${formatValue(f.spread.max, f.unit)}</sub>` : '';
      return `${mark && mark !== '✅' ? mark + ' ' : ''}${formatValue(f.value, f.unit)}${range}`;
    });
    out.push(`| ${r} | ${cells.join(' | ')} |`);
  }
  const legend = cols
    .map((c) => {
      const f = figures.find((x) => x.name.endsWith(`/${c}`) && limits(x));
      return f && `${c}: ${limits(f)}`;
    })
    .filter(Boolean);
  const n = figures.find((f) => f.spread)?.spread?.n;
  out.push('', `Median of ${n ?? '?'} runs, min – max below.${legend.length ? ` Limits — ${legend.join('; ')}.` : ''} ❌ budget broken, ⚠️ target missed.`);
  return out;
}

function flags(options: Record<string, unknown>): string {
  const on = Object.entries(options).filter(([, v]) => v === true).map(([k]) => `--${k}`);
  return on.length ? ` -- ${on.join(' ')}` : '';
}

export function renderMarkdown(r: Report): string {
  const broken = new Set(r.violations.map((v) => v.name));
  const missed = new Set(r.targetsMissed.map((v) => v.name));
  const failedSections = r.sections.filter((s) => s.error);
  const out: string[] = [
    '# Zhixing bench',
    '',
    `${r.generatedAt} · commit ${r.commit} · ${r.machine.cpus}, ${r.machine.memoryGb} GB · Node ${r.machine.node} · ${r.machine.chromium}`,
    '',
    `Run with \`npm run bench${flags(r.options)}\`` +
      ` (${Object.entries(r.options).filter(([, v]) => typeof v === 'number').map(([k, v]) => `${k} ${v}`).join(', ')}).`,
    '',
    '## Result',
    '',
  ];
  if (r.violations.length === 0 && failedSections.length === 0) out.push('✅ Every measured budget is met.');
  for (const v of r.violations) out.push(`- ❌ ${v.message}`);
  for (const s of failedSections) out.push(`- ❌ ${s.title} could not be measured: ${s.error}`);
  for (const s of r.sections.filter((x) => x.skipped)) out.push(`- ⏭️ ${s.title} skipped (${s.skipped}): its budgets were not checked.`);
  for (const v of r.targetsMissed) out.push(`- ⚠️ target missed (reported, not enforced): ${v.message}`);

  const headlines = r.figures.filter((f) => f.headline);
  if (headlines.length) out.push('', '## Summary', '', ...table(headlines, broken, missed, ''));

  for (const s of r.sections) {
    out.push('', `## ${s.title}`, '');
    if (s.skipped) {
      out.push(`Skipped (${s.skipped}).`);
      continue;
    }
    if (s.error) out.push(`**Failed:** ${s.error}`, '');
    for (const m of s.method) out.push(`- ${m}`);
    const figs = r.figures.filter((f) => group(f) === s.id);
    if (figs.length) out.push('', ...(matrix(figs, broken, missed) ?? table(figs, broken, missed, `${s.id}/`)));
    if (s.durationMs !== undefined) out.push('', `<sub>took ${Math.round(s.durationMs / 1000)} s</sub>`);
  }
  return out.join('\n') + '\n';
}
