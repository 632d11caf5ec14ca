import { describe, expect, test } from 'vitest';
import { choiceInteraction, fixtureRecord } from './export-builders.ts';
import { CSV } from './limits.ts';
import { BOM, csvField, csvFile, INTERACTION_COLUMNS, neutralise, SUMMARY_COLUMNS, toCsv } from './to-csv.ts';

/** Reads an RFC 4180 file back into rows, to check what a spreadsheet would see. */
function parse(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const body = text.startsWith(BOM) ? text.slice(1) : text;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') endCell();
    else if (ch === '\r' && body[i + 1] === '\n') {
      endCell();
      rows.push(row);
      row = [];
      i++;
    } else cell += ch;
  }
  return rows;
}

describe('CSV fields', () => {
  test('neutralise a cell that a spreadsheet would run as a formula', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(neutralise(`${start}1+1`)).toBe(`'${start}1+1`);
    expect(neutralise('1+1')).toBe('1+1');
    expect(neutralise('合规=守法')).toBe('合规=守法');
  });

  test('quote a field with a comma, a quote or a line break, doubling its quotes (RFC 4180)', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('说"当面"讲')).toBe('"说""当面""讲"');
    expect(csvField('一\r\n二')).toBe('"一\r\n二"');
    expect(csvField('plain')).toBe('plain');
    expect(csvField(undefined)).toBe('');
    expect(csvField(0.75)).toBe('0.75');
  });

  test('neutralise before quoting, so a quoted formula is still text', () => {
    expect(csvField('=HYPERLINK("http://x","点我")')).toBe(`"'=HYPERLINK(""http://x"",""点我"")"`);
  });

  test('make a file with a byte-order mark and CRLF after every line', () => {
    expect(csvFile(['a', 'b'], [[1, '二']])).toBe('\uFEFFa,b\r\n1,二\r\n');
  });
});

describe('the CSV export', () => {
  test('has one summary row per learner and course, in the column order it names', () => {
    const r = fixtureRecord();
    const rows = parse(toCsv([r, { ...r, learner: { ...r.learner, localId: 'lrn-2', name: '王芳' } }]).summary);
    expect(rows[0]).toEqual([...SUMMARY_COLUMNS]);
    expect(rows).toHaveLength(3);
    const row = Object.fromEntries(SUMMARY_COLUMNS.map((c, k) => [c, rows[2]![k]]));
    expect(row).toMatchObject({ learner_name: '王芳', completion_status: 'completed', success_status: 'passed', score_percent: '75', certificate_number: 'ZC-2026-7K4Q9M2XAD', truncated: '' });
  });

  test('has one interactions row per interaction, with text a learner typed kept as text', () => {
    const r = fixtureRecord();
    const learner = { ...r.learner, name: '=cmd|"/c calc"!A1', department: '@SUM(A1)' };
    const rows = parse(toCsv({ ...r, learner }).interactions);
    expect(rows[0]).toEqual([...INTERACTION_COLUMNS]);
    expect(rows).toHaveLength(r.interactions.length + 1);
    expect(rows[1]![INTERACTION_COLUMNS.indexOf('learner_name')]).toBe(`'=cmd|"/c calc"!A1`);
    const summary = parse(toCsv({ ...r, learner }).summary);
    expect(summary[1]![SUMMARY_COLUMNS.indexOf('department')]).toBe("'@SUM(A1)");
  });

  test('cuts a cell longer than a spreadsheet holds, and names its column in the row', () => {
    const r = fixtureRecord({ interactions: [choiceInteraction(2, { description: '长'.repeat(CSV.cell + 10) })] });
    const out = toCsv(r);
    const row = parse(out.interactions)[1]!;
    expect(Array.from(row[INTERACTION_COLUMNS.indexOf('description')]!)).toHaveLength(CSV.cell);
    expect(row.at(-1)).toBe('description');
    expect(out.truncations).toEqual([{ element: 'interactions.1.description', limit: 'CSV.cell', max: 32767, length: 32777, action: 'cut' }]);
  });
});
