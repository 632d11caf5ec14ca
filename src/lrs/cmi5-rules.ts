/**
 * cmi5's rules for the statements an AU sends (cmi5 quartz, §9 and §10), as pure functions: what to send for
 * a learner event, given what this session and this registration have sent before. No clock, no ids, no I/O:
 * the caller passes the time and the ids and keeps the history.
 */

export const CMI5 = {
  category: 'https://w3id.org/xapi/cmi5/context/categories/cmi5',
  moveOnCategory: 'https://w3id.org/xapi/cmi5/context/categories/moveon',
  sessionId: 'https://w3id.org/xapi/cmi5/context/extensions/sessionid',
  masteryScore: 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore',
  verbs: {
    initialized: 'http://adlnet.gov/expapi/verbs/initialized',
    completed: 'http://adlnet.gov/expapi/verbs/completed',
    passed: 'http://adlnet.gov/expapi/verbs/passed',
    failed: 'http://adlnet.gov/expapi/verbs/failed',
    terminated: 'http://adlnet.gov/expapi/verbs/terminated',
  },
} as const;

export type DefinedVerb = keyof typeof CMI5.verbs;
export type LaunchMode = 'Normal' | 'Browse' | 'Review';
export type MoveOn = 'Passed' | 'Completed' | 'CompletedAndPassed' | 'CompletedOrPassed' | 'NotApplicable';

/** What the AU uses from the LMS.LaunchData state document (cmi5 §10.2). */
export interface LaunchData {
  launchMode: LaunchMode;
  /** 0–1 (cmi5 §10.2.4) */
  masteryScore?: number;
  moveOn: MoveOn;
  returnURL?: string;
  /** the base of every statement's context (cmi5 §10.2.1), holding the session id and the publisher grouping */
  contextTemplate: Record<string, unknown>;
  launchParameters?: string;
}

/** What a session and its registration have sent so far; kept by the caller across reloads. */
export interface Cmi5History {
  /** this session */
  initializedAt?: number;
  terminated?: boolean;
  judged?: boolean;
  /** this registration (any session) */
  completed?: boolean;
  passed?: boolean;
}

export type Cmi5Event =
  | { kind: 'start'; at: number }
  | { kind: 'complete'; at: number; durationMs: number }
  /** a judged activity finished (the final assessment): its score decides passed or failed */
  | { kind: 'judge'; at: number; durationMs: number; score: { raw: number; min: number; max: number; scaled: number } }
  | { kind: 'exit'; at: number };

/** A defined statement to send, before actor, object, context and id are filled in. */
export interface DefinedStatement {
  verb: DefinedVerb;
  at: number;
  result?: { score?: { scaled: number; raw: number; min: number; max: number }; success?: boolean; completion?: boolean; duration?: string };
  /** cmi5 §9.6.2.2: statements whose result carries success or completion also carry the moveOn category */
  moveOn: boolean;
  /** cmi5 §9.6.3.2: passed/failed decided by the LMS's mastery score carry it */
  masteryScore?: number;
}

/**
 * ISO 8601 duration for xAPI result.duration (xAPI 1.0.3 §4.6: "PT…S", seconds to 0.01 precision is
 * the most an LRS must keep).
 */
export function isoDuration(ms: number): string {
  const cs = Math.max(0, Math.round(ms / 10));
  const h = Math.floor(cs / 360_000);
  const m = Math.floor((cs % 360_000) / 6_000);
  const s = (cs % 6_000) / 100;
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s || (!h && !m) ? `${Number(s.toFixed(2))}S` : ''}`;
}

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

/** Passed when the scaled score reaches the mastery score (cmi5 §9.3.4/§9.3.5: the LMS's value decides). */
export function judge(scaled: number, masteryScore: number): 'passed' | 'failed' {
  // scores are compared to the 4 decimal places cmi5 gives mastery scores (§9.6.3.2), so 0.8 reaches 0.8
  return round4(scaled) >= round4(masteryScore) ? 'passed' : 'failed';
}

/**
 * The defined statements an event calls for, and the history after them.
 * - initialized first, once per session; terminated last, once; nothing after terminated (§9.3)
 * - Browse and Review send initialized and terminated only (§10.2.2)
 * - completed at most once per registration; passed at most once; failed never after passed, and one of
 *   passed/failed per session (§9.3)
 * - score and success only on passed/failed, completion only on completed; durations on completed, passed,
 *   failed and terminated (§9.5)
 */
export function definedStatements(
  event: Cmi5Event,
  history: Cmi5History,
  launch: Pick<LaunchData, 'launchMode' | 'masteryScore'>,
  fallbackMasteryScore: number,
): { statements: DefinedStatement[]; history: Cmi5History } {
  const h = { ...history };
  const out: DefinedStatement[] = [];
  if (h.terminated) return { statements: [], history: h };
  const ensureStarted = (at: number) => {
    if (h.initializedAt !== undefined) return;
    h.initializedAt = at;
    out.push({ verb: 'initialized', at, moveOn: false });
  };
  const normal = launch.launchMode === 'Normal';
  switch (event.kind) {
    case 'start':
      ensureStarted(event.at);
      break;
    case 'complete':
      ensureStarted(event.at);
      if (!normal || h.completed) break;
      h.completed = true;
      out.push({ verb: 'completed', at: event.at, moveOn: true, result: { completion: true, duration: isoDuration(event.durationMs) } });
      break;
    case 'judge': {
      ensureStarted(event.at);
      if (!normal || h.passed || h.judged) break;
      const mastery = launch.masteryScore ?? fallbackMasteryScore;
      const verb = judge(event.score.scaled, mastery);
      h.judged = true;
      if (verb === 'passed') h.passed = true;
      out.push({
        verb,
        at: event.at,
        moveOn: true,
        // the scaled score as judged (4 places), so a passed statement's score is never below the mastery score
        result: { score: { ...event.score, scaled: round4(event.score.scaled) }, success: verb === 'passed', duration: isoDuration(event.durationMs) },
        ...(launch.masteryScore !== undefined ? { masteryScore: launch.masteryScore } : {}),
      });
      break;
    }
    case 'exit':
      ensureStarted(event.at);
      h.terminated = true;
      out.push({ verb: 'terminated', at: event.at, moveOn: false, result: { duration: isoDuration(event.at - h.initializedAt!) } });
      break;
  }
  return { statements: out, history: h };
}

/** Whether a cmi5 allowed statement (answered, experienced …) may be sent now: only inside a live session (§9.3). */
export function allowedNow(history: Cmi5History): boolean {
  return history.initializedAt !== undefined && !history.terminated;
}

/** The LMS.LaunchData document read forgivingly: unknown modes are Normal, mastery scores outside 0–1 ignored. */
export function readLaunchData(doc: unknown): LaunchData {
  const o = (doc && typeof doc === 'object' ? doc : {}) as Record<string, unknown>;
  const mode = o.launchMode === 'Browse' || o.launchMode === 'Review' ? o.launchMode : 'Normal';
  const moveOns: MoveOn[] = ['Passed', 'Completed', 'CompletedAndPassed', 'CompletedOrPassed', 'NotApplicable'];
  const moveOn = moveOns.includes(o.moveOn as MoveOn) ? (o.moveOn as MoveOn) : 'NotApplicable';
  const mastery = typeof o.masteryScore === 'number' && o.masteryScore >= 0 && o.masteryScore <= 1 ? o.masteryScore : undefined;
  const template = o.contextTemplate && typeof o.contextTemplate === 'object' && !Array.isArray(o.contextTemplate) ? (o.contextTemplate as Record<string, unknown>) : {};
  return {
    launchMode: mode,
    moveOn,
    contextTemplate: template,
    ...(mastery !== undefined ? { masteryScore: mastery } : {}),
    ...(typeof o.returnURL === 'string' && o.returnURL ? { returnURL: o.returnURL } : {}),
    ...(typeof o.launchParameters === 'string' ? { launchParameters: o.launchParameters } : {}),
  };
}

/** The session id the LMS put in the context template (cmi5 §9.6.3.1). */
export function sessionIdOf(launch: LaunchData): string | undefined {
  const ext = launch.contextTemplate.extensions as Record<string, unknown> | undefined;
  const id = ext?.[CMI5.sessionId];
  return typeof id === 'string' && id ? id : undefined;
}

interface Context {
  registration?: string;
  contextActivities?: { category?: { id: string }[]; grouping?: { id: string }[]; parent?: { id: string }[]; other?: { id: string }[] };
  extensions?: Record<string, unknown>;
  [k: string]: unknown;
}

/**
 * A statement's context: the LMS's template, the registration, the session id; defined statements add the cmi5
 * category (and moveOn where §9.6.2.2 asks), allowed statements keep their own context and must not carry the
 * cmi5 category (§7.1.3).
 */
export function cmi5Context(
  launch: LaunchData,
  session: { registration: string; sessionId: string },
  defined: Pick<DefinedStatement, 'moveOn' | 'masteryScore'> | undefined,
  own: Context = {},
): Context {
  const template = structuredClone(launch.contextTemplate) as Context;
  const acts = { ...(template.contextActivities ?? {}) };
  for (const [k, list] of Object.entries(own.contextActivities ?? {})) {
    const key = k as keyof NonNullable<Context['contextActivities']>;
    acts[key] = [...(acts[key] ?? []), ...(list ?? [])];
  }
  const cmi5Ids = new Set<string>([CMI5.category, CMI5.moveOnCategory]);
  const category = (acts.category ?? []).filter((a) => !cmi5Ids.has(a.id));
  if (defined) {
    category.push({ id: CMI5.category });
    if (defined.moveOn) category.push({ id: CMI5.moveOnCategory });
  }
  if (category.length) acts.category = category;
  else delete acts.category;
  const extensions: Record<string, unknown> = { ...(template.extensions ?? {}), ...(own.extensions ?? {}), [CMI5.sessionId]: session.sessionId };
  if (defined?.masteryScore !== undefined) extensions[CMI5.masteryScore] = defined.masteryScore;
  return {
    ...template,
    ...own,
    registration: session.registration,
    ...(Object.keys(acts).length ? { contextActivities: acts } : {}),
    extensions,
  };
}
