/**
 * The report as CSV, by the exporters' rules (src/exporters/to-csv.ts: UTF-8 with a BOM, RFC 4180 quoting, CRLF,
 * formula neutralising): one row per figure, in sections a spreadsheet filters on. Column names and section
 * names are stable identifiers, not interface text.
 */
import type { ReportLearner, TrainingReport } from '../../domain/training-report.ts';
import { csvFile, type Cell } from '../../exporters/to-csv.ts';

export const REPORT_COLUMNS = ['section', 'id', 'label', 'part', 'value', 'count', 'responses', 'facility', 'point_biserial', 'upper_lower_index', 'most_chosen_wrong', 'most_chosen_wrong_count', 'flags'] as const;

export function reportCsv(r: TrainingReport, learners: readonly ReportLearner[]): string {
  const row = (section: string, id: string, o: Partial<Record<(typeof REPORT_COLUMNS)[number], Cell>> = {}): Cell[] => REPORT_COLUMNS.map((c) => (c === 'section' ? section : c === 'id' ? id : o[c]));
  const rows: Cell[][] = [
    row('summary', 'learners', { count: r.learners }),
    row('summary', 'completion_rate', { value: r.completionRate, count: r.completed }),
    row('summary', 'pass_rate', { value: r.passRate, count: r.passed }),
    row('summary', 'pass_rate_of_taken', { value: r.passRateOfTaken }),
    row('summary', 'average_score', { value: r.averageScore }),
    ...Object.entries(r.statuses).map(([s, n]) => row('status', s, { count: n })),
    ...r.parts.map((p) => row('part', String(p.part), { part: p.part, value: p.averagePercent, count: p.learners })),
    ...r.scenarios.flatMap((s) => [
      row('scenario', s.id, { label: s.title, value: s.averagePercent, count: s.learners }),
      ...s.outcomes.map((o) => row('scenario_outcome', `${s.id}/${o.id}`, { label: `${o.title} (${o.rating})`, count: o.count })),
      row('scenario_outcome', `${s.id}/unfinished`, { count: s.unfinished }),
    ]),
    ...r.questions.map((q) =>
      row('question', q.id, {
        label: q.prompt,
        part: q.part,
        responses: q.responses,
        count: q.correct,
        facility: q.facility,
        point_biserial: q.pointBiserial,
        upper_lower_index: q.upperLower,
        most_chosen_wrong: q.mostChosenWrong ? (q.mostChosenWrong.text ?? q.mostChosenWrong.key) : undefined,
        most_chosen_wrong_count: q.mostChosenWrong?.count,
        flags: q.flags.join(' '),
      }),
    ),
    ...[...new Set(learners.map((l) => l.department ?? ''))].sort().map((d) => {
      const inDept = learners.filter((l) => (l.department ?? '') === d);
      return row('department', d, { count: inDept.length, value: inDept.length ? Math.round((inDept.filter((l) => l.completion === 'completed').length / inDept.length) * 10_000) / 10_000 : 0 });
    }),
  ];
  return csvFile(REPORT_COLUMNS, rows);
}
