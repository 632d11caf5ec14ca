/**
 * CompletionRecord → xAPI 1.0.3 statements: initialized, experienced (each completed chapter), answered (each
 * interaction), passed/failed (each formal assessment attempt, and the course), completed, terminated.
 *
 * - Actor: an account on `records.actorHomePage` named by the employee id; a learner without one gets an account
 *   whose name is a name-based UUID of their id on the device, so it stays the same on every export.
 * - Activity ids are IRIs under `records.activityBase` keyed on author-written ids (never on position).
 * - Registration: one per enrolment (the learner's first launch of the course).
 * - Statement ids are version-5 UUIDs of what each statement states, so exporting twice, or sending one
 *   interaction now and the whole record later, gives the same ids and an LRS can drop the duplicates.
 */
import type { ChapterRecord, CompletionRecord, InteractionRecord } from '../domain/completion-record.ts';
import type { RecordSettings } from '../domain/course.ts';
import { responsePattern } from './patterns.ts';
import { isoDuration, isoTimestamp } from './time-formats.ts';
import { NAMESPACE_URL, uuidV5 } from './uuid.ts';

export type LanguageMap = Record<string, string>;

export interface XapiActivity {
  objectType: 'Activity';
  id: string;
  definition?: {
    type: string;
    name?: LanguageMap;
    description?: LanguageMap;
    interactionType?: 'true-false' | 'choice' | 'sequencing' | 'matching';
    correctResponsesPattern?: string[];
    choices?: { id: string; description: LanguageMap }[];
    source?: { id: string; description: LanguageMap }[];
    target?: { id: string; description: LanguageMap }[];
  };
}

export interface XapiAgent {
  objectType: 'Agent';
  name: string;
  account: { homePage: string; name: string };
}

export interface XapiStatement {
  id: string;
  actor: XapiAgent;
  verb: { id: string; display: LanguageMap };
  object: XapiActivity;
  result?: {
    score?: { scaled: number; raw: number; min: number; max: number };
    success?: boolean;
    completion?: boolean;
    response?: string;
    duration?: string;
  };
  context: {
    registration: string;
    platform: string;
    language: string;
    contextActivities?: { parent?: { objectType: 'Activity'; id: string }[]; grouping?: { objectType: 'Activity'; id: string }[] };
    extensions?: Record<string, unknown>;
  };
  timestamp: string;
}

export interface XapiExport {
  format: 'xapi';
  version: '1.0.3';
  /** empty when the course states no `records` settings: activity ids and actors need them */
  statements: XapiStatement[];
  missing?: 'records';
}

/** ADL verbs (xAPI vocabulary), as cmi5 and most LRS reports use them. */
export const VERBS = {
  initialized: { id: 'http://adlnet.gov/expapi/verbs/initialized', display: { 'en-US': 'initialized', 'zh-CN': '开始' } },
  experienced: { id: 'http://adlnet.gov/expapi/verbs/experienced', display: { 'en-US': 'experienced', 'zh-CN': '学习了' } },
  answered: { id: 'http://adlnet.gov/expapi/verbs/answered', display: { 'en-US': 'answered', 'zh-CN': '回答了' } },
  completed: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'en-US': 'completed', 'zh-CN': '完成了' } },
  passed: { id: 'http://adlnet.gov/expapi/verbs/passed', display: { 'en-US': 'passed', 'zh-CN': '通过了' } },
  failed: { id: 'http://adlnet.gov/expapi/verbs/failed', display: { 'en-US': 'failed', 'zh-CN': '未通过' } },
  terminated: { id: 'http://adlnet.gov/expapi/verbs/terminated', display: { 'en-US': 'terminated', 'zh-CN': '结束' } },
} as const;
type Verb = keyof typeof VERBS;

/** ADL activity types. */
export const ACTIVITY_TYPES = {
  course: 'http://adlnet.gov/expapi/activities/course',
  module: 'http://adlnet.gov/expapi/activities/module',
  assessment: 'http://adlnet.gov/expapi/activities/assessment',
  interaction: 'http://adlnet.gov/expapi/activities/cmi.interaction',
  simulation: 'http://adlnet.gov/expapi/activities/simulation',
} as const;

const PLATFORM = 'Zhixing';

/** Everything a statement needs besides its own facts: computed once per record, reusable by an outbox. */
export interface XapiContext {
  settings: RecordSettings;
  namespace: string;
  registration: string;
  actor: XapiAgent;
  lang: string;
  record: CompletionRecord;
}

const seg = (id: string) => encodeURIComponent(id);

/** Activity ids under the course's base IRI. */
export const activityIds = {
  course: (base: string) => base,
  chapter: (base: string, id: string) => `${base}/chapters/${seg(id)}`,
  quiz: (base: string, id: string) => `${base}/quizzes/${seg(id)}`,
  assessment: (base: string, id: string) => `${base}/assessments/${seg(id)}`,
  question: (base: string, id: string) => `${base}/questions/${seg(id)}`,
  scenario: (base: string, id: string) => `${base}/scenarios/${seg(id)}`,
  step: (base: string, scenario: string, step: string) => `${base}/scenarios/${seg(scenario)}/steps/${seg(step)}`,
  extension: (base: string, name: string) => `${base}/extensions/${name}`,
};

/** The context of a record's statements, or undefined when the course has no `records` settings. */
export function xapiContext(record: CompletionRecord, settings: RecordSettings | undefined = record.course.records): XapiContext | undefined {
  if (!settings) return undefined;
  const namespace = uuidV5(NAMESPACE_URL, settings.activityBase);
  const registration = uuidV5(namespace, `registration|${record.course.id}|${record.learner.localId}|${record.time.firstLaunch ?? ''}`);
  const account = record.learner.employeeId
    ? { homePage: settings.actorHomePage, name: record.learner.employeeId }
    : { homePage: settings.actorHomePage, name: uuidV5(namespace, `learner|${record.learner.localId}`) };
  return { settings, namespace, registration, actor: { objectType: 'Agent', name: record.learner.name, account }, lang: record.course.defaultLocale, record };
}

const activity = (id: string) => ({ objectType: 'Activity' as const, id });

function statement(ctx: XapiContext, verb: Verb, object: XapiActivity, at: number, discriminator: string, extra: Pick<XapiStatement, 'result'> & { parent?: string[]; grouping?: string[]; extensions?: Record<string, unknown> } = {}): XapiStatement {
  const { parent, grouping, extensions, result } = extra;
  const contextActivities = {
    ...(parent?.length ? { parent: parent.map(activity) } : {}),
    ...(grouping?.length ? { grouping: grouping.map(activity) } : {}),
  };
  const timestamp = isoTimestamp(at);
  return {
    id: uuidV5(ctx.namespace, ['statement', ctx.registration, verb, object.id, timestamp, discriminator].join('|')),
    actor: ctx.actor,
    verb: VERBS[verb],
    object,
    ...(result ? { result } : {}),
    context: {
      registration: ctx.registration,
      platform: PLATFORM,
      language: ctx.lang,
      ...(Object.keys(contextActivities).length ? { contextActivities } : {}),
      ...(extensions && Object.keys(extensions).length ? { extensions } : {}),
    },
    timestamp,
  };
}

/** result.score: scaled is raw over max for a gain and raw over |min| for a loss, so it stays within −1…1. */
const score = (raw: number, max: number, min = 0) => {
  const scaled = raw >= 0 ? (max > 0 ? raw / max : 0) : min < 0 ? raw / -min : 0;
  return { scaled: Math.round(scaled * 10000) / 10000, raw, min, max };
};

function courseActivity(ctx: XapiContext): XapiActivity {
  const c = ctx.record.course;
  return { objectType: 'Activity', id: activityIds.course(ctx.settings.activityBase), definition: { type: ACTIVITY_TYPES.course, name: { [ctx.lang]: c.title } } };
}

function chapterActivity(ctx: XapiContext, c: ChapterRecord): XapiActivity {
  return { objectType: 'Activity', id: activityIds.chapter(ctx.settings.activityBase, c.id), definition: { type: ACTIVITY_TYPES.module, name: { [ctx.lang]: c.title } } };
}

/** The activity an interaction is about, with its interaction definition (type, correct responses, components). */
export function interactionActivity(ctx: XapiContext, i: InteractionRecord): XapiActivity {
  const base = ctx.settings.activityBase;
  const id = i.source.kind === 'scenario' ? activityIds.step(base, i.source.scenarioId, i.id) : activityIds.question(base, i.id);
  const lm = (text: string) => ({ [ctx.lang]: text });
  const components =
    i.type === 'matching'
      ? { source: i.choices.map((c) => ({ id: c.id, description: lm(c.text) })), target: (i.targets ?? []).map((c) => ({ id: c.id, description: lm(c.text) })) }
      : i.type === 'true-false'
        ? {}
        : { choices: i.choices.map((c) => ({ id: c.id, description: lm(c.text) })) };
  return {
    objectType: 'Activity',
    id,
    definition: {
      type: ACTIVITY_TYPES.interaction,
      description: lm(i.description),
      interactionType: i.type,
      correctResponsesPattern: i.correct.map(responsePattern),
      ...components,
    },
  };
}

/** The answered statement of one interaction: what an LRS outbox sends when the learner submits it. */
export function interactionStatement(ctx: XapiContext, i: InteractionRecord): XapiStatement {
  const base = ctx.settings.activityBase;
  const c = ctx.record.course;
  const parent =
    i.source.kind === 'quiz' ? activityIds.quiz(base, i.source.quizId) : i.source.kind === 'assessment' ? activityIds.assessment(base, i.source.bankId) : activityIds.scenario(base, i.source.scenarioId);
  const grouping = [activityIds.course(base), ...(i.source.kind === 'assessment' ? [] : [activityIds.chapter(base, i.source.chapterId)])];
  const attempt = i.source.kind === 'scenario' ? i.source.run : i.source.attempt;
  return statement(ctx, 'answered', interactionActivity(ctx, i), i.at, i.key, {
    result: {
      ...(i.weight > i.minScore ? { score: score(i.score, i.weight, i.minScore) } : {}),
      success: i.result === 'correct',
      response: responsePattern(i.response),
      ...(i.latencyMs !== undefined ? { duration: isoDuration(i.latencyMs) } : {}),
    },
    parent: [parent],
    grouping,
    extensions: {
      [activityIds.extension(base, 'part')]: i.part,
      [activityIds.extension(base, 'attempt')]: attempt,
      ...(i.source.kind === 'assessment' ? { [activityIds.extension(base, 'mode')]: i.source.mode } : {}),
      [activityIds.extension(base, 'course-version')]: c.version,
    },
  });
}

export function toXapi(record: CompletionRecord, settings: RecordSettings | undefined = record.course.records): XapiExport {
  const ctx = xapiContext(record, settings);
  if (!ctx) return { format: 'xapi', version: '1.0.3', statements: [], missing: 'records' };
  // a learner who never launched the course has nothing to state
  if (record.time.firstLaunch === undefined) return { format: 'xapi', version: '1.0.3', statements: [] };
  const base = ctx.settings.activityBase;
  const course = courseActivity(ctx);
  const courseGroup = { grouping: [activityIds.course(base)] };
  const out: XapiStatement[] = [];
  const first = record.time.firstLaunch;
  out.push(statement(ctx, 'initialized', course, first, 'course'));
  // answers before what they lead to: at the same instant, a chapter's last answer comes before the chapter
  for (const i of record.interactions) out.push(interactionStatement(ctx, i));
  for (const c of record.chapters)
    if (c.completedAt !== undefined)
      out.push(statement(ctx, 'experienced', chapterActivity(ctx, c), c.completedAt, c.id, { result: { completion: true, duration: isoDuration(c.timeMs) }, parent: [activityIds.course(base)] }));
  const bank = record.course.assessment;
  if (bank)
    for (const a of record.attempts)
      if (a.mode !== 'refresher' && a.submittedAt !== undefined && a.score && a.passed !== undefined) {
        const object: XapiActivity = { objectType: 'Activity', id: activityIds.assessment(base, bank.id), definition: { type: ACTIVITY_TYPES.assessment, name: { [ctx.lang]: bank.title } } };
        out.push(
          statement(ctx, a.passed ? 'passed' : 'failed', object, a.submittedAt, `attempt-${a.n}`, {
            result: { score: score(a.score.raw, a.score.max), success: a.passed, completion: true, duration: isoDuration(a.submittedAt - a.startedAt) },
            parent: [activityIds.course(base)],
            extensions: { [activityIds.extension(base, 'attempt')]: a.n, [activityIds.extension(base, 'mode')]: a.mode },
          }),
        );
      }
  const completedAt = Math.max(...record.chapters.map((c) => c.completedAt ?? -Infinity));
  if (record.completionStatus === 'completed' && Number.isFinite(completedAt))
    out.push(statement(ctx, 'completed', course, completedAt, 'course', { result: { completion: true, duration: isoDuration(record.time.totalActiveMs) }, ...courseGroup }));
  if (record.successStatus !== 'unknown') {
    const formal = record.attempts.filter((a) => a.mode !== 'refresher' && a.submittedAt !== undefined && a.passed !== undefined);
    const decisive = record.successStatus === 'passed' ? formal.find((a) => a.passed) : formal.at(-1);
    if (decisive?.submittedAt !== undefined)
      out.push(
        statement(ctx, record.successStatus, course, decisive.submittedAt, 'course', {
          result: { ...(record.score ? { score: score(record.score.raw, record.score.max) } : {}), success: record.successStatus === 'passed', completion: record.completionStatus === 'completed' },
        }),
      );
  }
  // initialized first and terminated last; between them, in time order (stable, so ties keep the order above)
  const body = out.slice(1).sort((a, b) => a.timestamp.localeCompare(b.timestamp));
  const last = Math.max(record.time.lastAccess, ...out.map((s) => Date.parse(s.timestamp)));
  const end = statement(ctx, 'terminated', course, last, 'course', { result: { duration: isoDuration(record.time.totalActiveMs) } });
  return { format: 'xapi', version: '1.0.3', statements: [out[0]!, ...body, end] };
}
