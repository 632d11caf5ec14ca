/**
 * Where the LRS is and who the learner is, from one of three sources, most specific first:
 * 1. a cmi5 launch (cmi5 §8.1): `endpoint`, `fetch`, `actor`, `registration`, `activityId` in the launch URL;
 * 2. an xAPI launch in the convention LMSs use for xAPI ("Tin Can") content: `endpoint`, `auth`, `actor`,
 *    `registration`, `activity_id`;
 * 3. course.yaml `lrs`: an endpoint, and optionally a token URL the browser asks for the credential at run time.
 * Launched by an LMS, the learner's identity is the LMS's actor, not the device's learner profile.
 */
import type { LrsSettings } from '../domain/course.ts';

/** An xAPI Agent (xAPI 1.0.3 §2.4.2.1): one inverse functional identifier. */
export interface XapiAgent {
  objectType?: 'Agent';
  name?: string;
  mbox?: string;
  mbox_sha1sum?: string;
  openid?: string;
  account?: { homePage: string; name: string };
}

export interface Cmi5Launch {
  kind: 'cmi5';
  endpoint: string;
  fetch: string;
  actor: XapiAgent;
  registration: string;
  activityId: string;
}

export interface XapiLaunch {
  kind: 'xapi';
  endpoint: string;
  /** the Authorization header value, as the LMS gave it */
  auth?: string;
  actor?: XapiAgent;
  registration?: string;
  activityId?: string;
}

export interface CourseLrs {
  kind: 'course';
  endpoint: string;
  tokenUrl?: string;
}

export type LrsSource = Cmi5Launch | XapiLaunch | CourseLrs;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** An endpoint with its trailing slash, or undefined when it is not an absolute http(s) address. */
export function normaliseEndpoint(raw: string | null | undefined): string | undefined {
  if (!raw) return undefined;
  try {
    const u = new URL(raw);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
    u.hash = '';
    u.search = '';
    return u.href.endsWith('/') ? u.href : `${u.href}/`;
  } catch {
    return undefined;
  }
}

/**
 * The actor parameter as an Agent. Older xAPI launchers send every field as a one-element list
 * (`{"name":["Ann"],"mbox":["mailto:ann@…"]}`); the first element is taken.
 */
export function parseActor(raw: string | null | undefined): XapiAgent | undefined {
  if (!raw) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const o = value as Record<string, unknown>;
  const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
  const str = (v: unknown) => (typeof first(v) === 'string' && (first(v) as string).length > 0 ? (first(v) as string) : undefined);
  const agent: XapiAgent = { objectType: 'Agent' };
  const name = str(o.name);
  if (name) agent.name = name;
  const rawAccount = first(o.account);
  const account = rawAccount && typeof rawAccount === 'object' ? (rawAccount as Record<string, unknown>) : undefined;
  const homePage = str(account?.homePage ?? account?.accountServiceHomePage);
  const accountName = str(account?.name ?? account?.accountName);
  const mbox = str(o.mbox);
  // exactly one identifier (xAPI 1.0.3 §2.4.2.1): account first, as cmi5 requires one (cmi5 §9.2)
  if (homePage && accountName) agent.account = { homePage, name: accountName };
  else if (mbox) agent.mbox = mbox.startsWith('mailto:') ? mbox : `mailto:${mbox}`;
  else if (str(o.mbox_sha1sum)) agent.mbox_sha1sum = str(o.mbox_sha1sum)!;
  else if (str(o.openid)) agent.openid = str(o.openid)!;
  else return undefined;
  return agent;
}

/** The launch in a page address's query, if any (the query before the hash: routes live in the hash). */
export function launchFrom(search: string): Cmi5Launch | XapiLaunch | undefined {
  const q = new URLSearchParams(search);
  const endpoint = normaliseEndpoint(q.get('endpoint'));
  if (!endpoint) return undefined;
  const fetchUrl = q.get('fetch');
  const actor = parseActor(q.get('actor'));
  const registration = q.get('registration') ?? undefined;
  if (fetchUrl) {
    // cmi5 §8.1: all five are required; without them this is not a launch we can honour
    const activityId = q.get('activityId');
    if (!actor || !registration || !activityId) return undefined;
    return { kind: 'cmi5', endpoint, fetch: fetchUrl, actor, registration, activityId };
  }
  const auth = q.get('auth') ?? undefined;
  const activityId = q.get('activity_id') ?? q.get('activityId') ?? undefined;
  return {
    kind: 'xapi',
    endpoint,
    ...(auth ? { auth } : {}),
    ...(actor ? { actor } : {}),
    // a registration that is not a UUID would make every statement invalid (xAPI 1.0.3 §2.4.6)
    ...(registration && UUID.test(registration) ? { registration } : {}),
    ...(activityId ? { activityId } : {}),
  };
}

export function lrsSource(search: string, settings: LrsSettings | undefined): LrsSource | undefined {
  const launched = launchFrom(search);
  if (launched) return launched;
  const endpoint = normaliseEndpoint(settings?.endpoint);
  if (!endpoint) return undefined;
  return { kind: 'course', endpoint, ...(settings?.tokenUrl ? { tokenUrl: settings.tokenUrl } : {}) };
}

/**
 * The Authorization header value from a token service's answer: cmi5's `{"auth-token": …}` (cmi5 §8.2.1: Basic
 * scheme) or a ready `{"authorization": "…"}`.
 */
export function authorizationFrom(answer: unknown): string | undefined {
  if (!answer || typeof answer !== 'object') return undefined;
  const o = answer as Record<string, unknown>;
  if (typeof o.authorization === 'string' && o.authorization) return o.authorization;
  const token = o['auth-token'];
  if (typeof token === 'string' && token) return /^basic\s/i.test(token) ? token : `Basic ${token}`;
  return undefined;
}
