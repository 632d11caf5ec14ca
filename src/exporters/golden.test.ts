/**
 * Golden files: the four formats for the fixture learner of completion-record-builders.ts. `UPDATE_GOLDEN=1`
 * rewrites them; otherwise each export must equal its file byte for byte. Beside the comparison, the files are
 * checked against the formats themselves: the SCORM values against the data models' vocabularies, types and
 * lengths, the xAPI statements by an independent validator.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import validateStatement from '@learninglocker/xapi-validation';
import { Scorm12API, Scorm2004API } from 'scorm-again';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildCompletionRecord } from '../domain/completion-record.ts';
import { finishedLearner, recordCourse } from '../domain/completion-record-builders.ts';
import { SCORM12, SCORM2004 } from './limits.ts';
import { toCsv } from './to-csv.ts';
import * as s12 from './to-scorm12.ts';
import * as s2004 from './to-scorm2004.ts';
import { toXapi } from './to-xapi.ts';

const dir = join(import.meta.dirname, '../../tests/golden');
const update = process.env.UPDATE_GOLDEN === '1';

const record = () => buildCompletionRecord({ ...recordCourse(), ...finishedLearner() });
const json = (v: unknown) => JSON.stringify(v, null, 2) + '\n';

const files: Record<string, () => string> = {
  'completion-record.json': () => json(record()),
  'scorm12.json': () => json(s12.toScorm12(record())),
  'scorm2004.json': () => json(s2004.toScorm2004(record())),
  'xapi-statements.json': () => json(toXapi(record()).statements),
  'summary.csv': () => toCsv(record()).summary,
  'interactions.csv': () => toCsv(record()).interactions,
};

describe('the golden export files', () => {
  for (const [name, make] of Object.entries(files))
    test(`${name} is what the fixture learner exports`, () => {
      const path = join(dir, name);
      const text = make();
      if (update) {
        mkdirSync(dir, { recursive: true });
        writeFileSync(path, text);
      }
      expect(existsSync(path), `${path} is missing: run UPDATE_GOLDEN=1 npx vitest run src/exporters/golden.test.ts`).toBe(true);
      expect(text).toBe(readFileSync(path, 'utf8'));
    });
});

/** What an LMS runtime refuses from a SCO: the elements the LMS itself sets (read-only to the SCO). */
function refused(set: (k: string, v: string) => string, values: Record<string, string>): string[] {
  return Object.entries(values)
    .filter(([k, v]) => set(k, v) !== 'true')
    .map(([k]) => k);
}

const golden = (name: string) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as unknown;
const chars = (s: string) => Array.from(s).length;

describe('the SCORM 1.2 golden file', () => {
  let values: Record<string, string> = {};
  let n = 0;
  beforeAll(() => {
    values = (golden('scorm12.json') as s12.Scorm12Export).values;
    n = Object.keys(values).filter((k) => /^cmi\.interactions\.\d+\.id$/.test(k)).length;
  });
  const CMI_TIMESPAN = /^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/;
  const CMI_TIME = /^([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,2})?$/;
  const CMI_DECIMAL = /^-?\d+(\.\d+)?$/;
  const IDENTIFIER = /^[\x21-\x7e]{1,255}$/;

  test('sets only 1.2 data-model elements', () => {
    const known = [
      /^cmi\.core\.(student_id|student_name|lesson_status|lesson_location|session_time|total_time|exit)$/,
      /^cmi\.core\.score\.(raw|min|max)$/,
      /^cmi\.(suspend_data|comments)$/,
      /^cmi\.student_data\.mastery_score$/,
      /^cmi\.objectives\.\d+\.(id|status|score\.(raw|min|max))$/,
      /^cmi\.interactions\.\d+\.(id|time|type|weighting|student_response|result|latency|objectives\.\d+\.id|correct_responses\.\d+\.pattern)$/,
    ];
    for (const k of Object.keys(values)) expect(known.some((re) => re.test(k)), k).toBe(true);
  });

  test('uses the status, type and result vocabularies and the CMI types', () => {
    expect(s12.LESSON_STATUS).toContain(values['cmi.core.lesson_status']);
    expect(values['cmi.core.session_time']).toMatch(CMI_TIMESPAN);
    expect(values['cmi.core.total_time']).toMatch(CMI_TIMESPAN);
    expect(['', 'time-out', 'suspend', 'logout']).toContain(values['cmi.core.exit']);
    for (const k of ['raw', 'min', 'max']) {
      expect(values[`cmi.core.score.${k}`]).toMatch(CMI_DECIMAL);
      expect(Number(values[`cmi.core.score.${k}`])).toBeGreaterThanOrEqual(0);
      expect(Number(values[`cmi.core.score.${k}`])).toBeLessThanOrEqual(100);
    }
    expect(values['cmi.core.student_id']).toMatch(IDENTIFIER);
    expect(n).toBeGreaterThan(0);
    for (let i = 0; i < n; i++) {
      const v = (e: string) => values[`cmi.interactions.${i}.${e}`];
      expect(v('id')).toMatch(IDENTIFIER);
      expect(s12.INTERACTION_TYPES).toContain(v('type'));
      expect(v('time')).toMatch(CMI_TIME);
      expect(v('weighting')).toMatch(CMI_DECIMAL);
      expect([...s12.RESULTS].includes(v('result') as (typeof s12.RESULTS)[number]) || CMI_DECIMAL.test(v('result')!), v('result')).toBe(true);
      if (v('latency') !== undefined) expect(v('latency')).toMatch(CMI_TIMESPAN);
    }
    for (const [k, status] of Object.entries(values)) if (/^cmi\.objectives\.\d+\.status$/.test(k)) expect(s12.LESSON_STATUS).toContain(status);
  });

  test('writes responses in the characters 1.2 allows for each interaction type', () => {
    const formats: Record<string, RegExp> = {
      'true-false': /^[01tf]$/,
      choice: /^[0-9a-z](,[0-9a-z])*$/,
      sequencing: /^[0-9a-z](,[0-9a-z])*$/,
      matching: /^[0-9a-z]\.[0-9a-z](,[0-9a-z]\.[0-9a-z])*$/,
    };
    const types = new Set<string>();
    for (let i = 0; i < n; i++) {
      const type = values[`cmi.interactions.${i}.type`]!;
      types.add(type);
      for (const [k, v] of Object.entries(values))
        if (k === `cmi.interactions.${i}.student_response` || k.startsWith(`cmi.interactions.${i}.correct_responses.`)) {
          expect(v, k).toMatch(formats[type]!);
          expect(chars(v)).toBeLessThanOrEqual(SCORM12.CMIFeedback);
        }
    }
    expect([...types].sort()).toEqual(['choice', 'matching', 'sequencing', 'true-false']);
  });

  test('keeps every string within its CMIString limit', () => {
    expect(chars(values['cmi.core.student_name']!)).toBeLessThanOrEqual(SCORM12.CMIString255);
    expect(chars(values['cmi.core.lesson_location']!)).toBeLessThanOrEqual(SCORM12.CMIString255);
    expect(chars(values['cmi.comments']!)).toBeLessThanOrEqual(SCORM12.CMIString4096);
  });
});

describe('an LMS runtime (scorm-again) given the golden values', () => {
  test('accepts every SCORM 1.2 value a course may set; the others are the LMS’s own read-only elements', () => {
    const api = new Scorm12API({ logLevel: 5 });
    api.LMSInitialize('');
    const { values } = golden('scorm12.json') as s12.Scorm12Export;
    expect(refused((k, v) => api.LMSSetValue(k, v), values)).toEqual(['cmi.core.student_id', 'cmi.core.student_name', 'cmi.core.total_time', 'cmi.student_data.mastery_score']);
  });

  test('accepts every SCORM 2004 value a course may set; the others are the LMS’s own read-only elements', () => {
    const api = new Scorm2004API({ logLevel: 5 });
    api.Initialize('');
    const { values } = golden('scorm2004.json') as s2004.Scorm2004Export;
    expect(refused((k, v) => api.SetValue(k, v), values)).toEqual(['cmi.learner_id', 'cmi.learner_name', 'cmi.scaled_passing_score', 'cmi.total_time']);
  });
});

describe('the SCORM 2004 golden file', () => {
  let values: Record<string, string> = {};
  let n = 0;
  beforeAll(() => {
    values = (golden('scorm2004.json') as s2004.Scorm2004Export).values;
    n = Object.keys(values).filter((k) => /^cmi\.interactions\.\d+\.id$/.test(k)).length;
  });
  // RTE 4.1.1 timeinterval (second,10,2) and time (second,10,0)
  const DURATION = /^P(?:\d+Y)?(?:\d+M)?(?:\d+D)?(?:T(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d{1,2})?S)?)?$/;
  const TIME = /^(19[7-9]\d|20[0-2]\d|203[0-8])-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{1,2}(Z|[+-]\d{2}(:\d{2})?)$/;
  const REAL = /^-?\d+(\.\d{1,7})?$/;
  const LOCALIZED = /^\{lang=[a-zA-Z-]+\}/;

  test('sets only 2004 data-model elements', () => {
    const known = [
      /^cmi\.(learner_id|learner_name|completion_status|success_status|progress_measure|scaled_passing_score|session_time|total_time|exit|location|suspend_data)$/,
      /^cmi\.score\.(scaled|raw|min|max)$/,
      /^cmi\.comments_from_learner\.\d+\.(comment|location|timestamp)$/,
      /^cmi\.objectives\.\d+\.(id|success_status|completion_status|progress_measure|description|score\.(scaled|raw|min|max))$/,
      /^cmi\.interactions\.\d+\.(id|type|timestamp|weighting|learner_response|result|latency|description|objectives\.\d+\.id|correct_responses\.\d+\.pattern)$/,
    ];
    for (const k of Object.keys(values)) expect(known.some((re) => re.test(k)), k).toBe(true);
  });

  test('uses the status, type and result vocabularies and the data types', () => {
    expect(s2004.COMPLETION_STATUS).toContain(values['cmi.completion_status']);
    expect(s2004.SUCCESS_STATUS).toContain(values['cmi.success_status']);
    expect(['time-out', 'suspend', 'logout', 'normal', '']).toContain(values['cmi.exit']);
    expect(Math.abs(Number(values['cmi.score.scaled']))).toBeLessThanOrEqual(1);
    for (const k of ['cmi.score.scaled', 'cmi.score.raw', 'cmi.progress_measure', 'cmi.scaled_passing_score']) expect(values[k], k).toMatch(REAL);
    expect(values['cmi.session_time']).toMatch(DURATION);
    expect(values['cmi.total_time']).toMatch(DURATION);
    expect(values['cmi.learner_name']).toMatch(LOCALIZED);
    for (let i = 0; i < n; i++) {
      const v = (e: string) => values[`cmi.interactions.${i}.${e}`];
      expect(s2004.INTERACTION_TYPES).toContain(v('type'));
      expect(v('timestamp')).toMatch(TIME);
      expect(v('weighting')).toMatch(REAL);
      expect([...s2004.RESULTS].includes(v('result') as (typeof s2004.RESULTS)[number]) || REAL.test(v('result')!), v('result')).toBe(true);
      if (v('latency') !== undefined) expect(v('latency')).toMatch(DURATION);
      expect(v('description')).toMatch(LOCALIZED);
      expect(chars(v('id')!)).toBeLessThanOrEqual(SCORM2004.longIdentifier);
    }
    for (const [k, t] of Object.entries(values)) if (/\.timestamp$/.test(k)) expect(t, k).toMatch(TIME);
  });

  test('writes responses in the 2004 patterns for each interaction type', () => {
    const id = '[^\\s\\[\\]]{1,250}';
    const formats: Record<string, RegExp> = {
      'true-false': /^(true|false)$/,
      choice: new RegExp(`^${id}(\\[,\\]${id})*$`),
      sequencing: new RegExp(`^${id}(\\[,\\]${id})*$`),
      matching: new RegExp(`^${id}\\[\\.\\]${id}(\\[,\\]${id}\\[\\.\\]${id})*$`),
    };
    for (let i = 0; i < n; i++) {
      const type = values[`cmi.interactions.${i}.type`]!;
      expect(values[`cmi.interactions.${i}.learner_response`]).toMatch(formats[type]!);
      const patterns = Object.keys(values).filter((k) => k.startsWith(`cmi.interactions.${i}.correct_responses.`));
      expect(patterns.length).toBeGreaterThan(0);
      expect(patterns.length).toBeLessThanOrEqual(SCORM2004.correctResponses[type as keyof typeof SCORM2004.correctResponses]);
      for (const k of patterns) expect(values[k], k).toMatch(formats[type]!);
    }
  });
});

describe('the xAPI golden file', () => {
  let statements: ReturnType<typeof toXapi>['statements'] = [];
  beforeAll(() => {
    statements = golden('xapi-statements.json') as typeof statements;
  });

  test('passes an independent xAPI 1.0.3 validator, statement by statement', () => {
    for (const s of statements) expect(validateStatement(s).map((w) => `${w.path.join('.')}: ${w.message}`), s.id).toEqual([]);
  });

  test('has a statement for every verb the record calls for, and unique ids', () => {
    const verbs = statements.map((s) => s.verb.id.split('/').at(-1));
    expect(verbs[0]).toBe('initialized');
    expect(verbs.at(-1)).toBe('terminated');
    expect(new Set(verbs)).toEqual(new Set(['initialized', 'experienced', 'answered', 'failed', 'passed', 'completed', 'terminated']));
    expect(new Set(statements.map((s) => s.id)).size).toBe(statements.length);
    expect(new Set(statements.map((s) => s.context.registration)).size).toBe(1);
  });
});

describe('the CSV golden files', () => {
  test('begin with a byte-order mark and end every line in CRLF', () => {
    for (const name of ['summary.csv', 'interactions.csv']) {
      const text = readFileSync(join(dir, name), 'utf8');
      expect(text.startsWith('\uFEFF')).toBe(true);
      expect(text.endsWith('\r\n')).toBe(true);
      expect(text.replace(/\r\n/g, '')).not.toMatch(/(^|[^"])\n/);
    }
  });
});
