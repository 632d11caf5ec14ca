/**
 * Certificates: issued when every requirement is met (see requirements.ts), renewed by a passed recertification
 * refresher, kept as a history in the learner's progress. Dates are calendar dates in the learner's local
 * calendar, which the caller passes in (the domain never reads the system time zone). Pure.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { canonicalJson } from './canonical.ts';
import type { CourseManifest, Question } from './course.ts';
import { chaptersChangedSince } from './course-version.ts';
import type { IssuedCertificate, LearnerProgress, QuizAttempt } from './progress.ts';
import { hashSeed } from './random.ts';
import { courseworkDoneAt, requirements, settingsOf } from './requirements.ts';

/** A learner's calendar: the local date (yyyy-mm-dd) of an instant. */
export interface Calendar {
  dateOf(epochMs: number): string;
}

/** A calendar at a fixed offset from UTC, in minutes east (China Standard Time: +480). */
export function fixedOffsetCalendar(offsetMinutes: number): Calendar {
  return { dateOf: (ms) => new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 10) };
}

const parseDate = (date: string): [number, number, number] => {
  const [y, m, d] = date.split('-').map((x) => Number.parseInt(x, 10));
  return [y ?? 1970, (m ?? 1) - 1, d ?? 1];
};
const formatDate = (y: number, m: number, d: number) => `${String(y).padStart(4, '0')}-${String(m + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** Adds calendar months to a date, clamping to the month's last day (31 Jan + 1 month = 28 or 29 Feb). */
export function addMonthsToDate(date: string, months: number): string {
  const [y, m, d] = parseDate(date);
  const target = new Date(Date.UTC(y, m + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  return formatDate(target.getUTCFullYear(), target.getUTCMonth(), Math.min(d, last));
}

/** Whole days from date a to date b (negative when b is earlier). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.UTC(...parseDate(b)) - Date.UTC(...parseDate(a))) / 86_400_000);
}

/** Adds calendar months to an instant, in UTC, clamping to the month's last day. */
export function addMonths(epochMs: number, months: number): number {
  const date = addMonthsToDate(new Date(epochMs).toISOString().slice(0, 10), months);
  return Date.UTC(...parseDate(date)) + (epochMs % 86_400_000);
}

const BASE32 = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford: no I, L, O, U to misread
function base32(text: string, length: number): string {
  let out = '';
  for (let i = 0; out.length < length; i++) {
    let h = hashSeed(`${i}:${text}`);
    for (let k = 0; k < 6 && out.length < length; k++) {
      out += BASE32[h & 31];
      h >>>= 5;
    }
  }
  return out;
}

/** The course's short prefix: the initials of its id ("zhixing-compliance" → "ZC"). */
function prefixOf(courseId: string): string {
  return courseId.split('-').map((w) => w[0] ?? '').join('').toUpperCase().slice(0, 4) || 'C';
}

/**
 * The certificate number: derived from the course, the learner and the issue (its sequence number and instant),
 * so it is the same every time it is computed and differs between learners, courses and issues.
 */
export function certificateNumber(courseId: string, learnerId: string, n: number, issuedAt: number, issuedOn: string): string {
  return `${prefixOf(courseId)}-${issuedOn.slice(0, 4)}-${base32(`${courseId}:${learnerId}:${n}:${issuedAt}`, 10)}`;
}

/** What a printed certificate states: the digest of these fields gives its verification code. */
export interface CertificateFacts {
  number: string;
  learnerName: string;
  employeeId?: string;
  courseId: string;
  courseVersion: string;
  issuedOn: string;
  validUntil: string;
  score: number;
}

/**
 * A short verification code (XXXX-XXXX) from the SHA-256 digest of the canonical form of what the certificate
 * states: a trainer recomputes it from the learner's record, and an altered name, date or score no longer matches.
 * Its 40 bits make a guessed code match one time in a trillion; like any digest, it shows the certificate agrees
 * with the record, not who made the record.
 */
export function verificationCode(f: CertificateFacts): string {
  const facts = { ...f, learnerName: f.learnerName.trim(), employeeId: f.employeeId?.trim() ?? '', score: Math.round(f.score) };
  const digest = sha256(new TextEncoder().encode(canonicalJson(facts)));
  // the first 40 bits, 5 bits a character
  let bits = 0n;
  for (const byte of digest.subarray(0, 5)) bits = (bits << 8n) | BigInt(byte);
  let code = '';
  for (let i = 7; i >= 0; i--) code += BASE32[Number((bits >> BigInt(i * 5)) & 31n)];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

export type CertificateState = 'none' | 'valid' | 'expiring' | 'expired';

/** A certificate's standing on `today` (the learner's local date): expiring within `withinDays` of its last valid day. */
export function certificateStanding(cert: Pick<IssuedCertificate, 'validUntil'>, today: string, withinDays: number): { state: Exclude<CertificateState, 'none'>; daysLeft: number } {
  const daysLeft = daysBetween(today, cert.validUntil);
  return { state: daysLeft < 0 ? 'expired' : daysLeft <= withinDays ? 'expiring' : 'valid', daysLeft };
}

export function certificateHistory(p: LearnerProgress): IssuedCertificate[] {
  return [...(p.certificates ?? [])].sort((a, b) => a.n - b.n);
}

export function currentCertificate(p: LearnerProgress): IssuedCertificate | undefined {
  return certificateHistory(p).at(-1);
}

interface Issue {
  issuedAt: number;
  attempt: QuizAttempt;
  kind: IssuedCertificate['kind'];
}

const formal = (a: QuizAttempt, mode: 'final' | 'recertification') => (a.mode ?? 'final') === mode && a.passed === true && a.submittedAt !== undefined;

/** Certificates earned but not yet in the history: the first, once every requirement is met; then one per passed recertification. */
function pendingIssues(p: LearnerProgress, m: CourseManifest): Issue[] {
  const bankId = m.assessmentBank?.id;
  if (!bankId) return [];
  const attempts = p.quizzes[bankId]?.attempts ?? [];
  const have = certificateHistory(p);
  const used = new Set(have.map((c) => c.attempt));
  const out: Issue[] = [];
  if (have.length === 0) {
    const first = attempts.find((a) => formal(a, 'final'));
    if (!first || !requirements(p, m).every((r) => r.met)) return [];
    // issued when the last requirement was met: the pass, or coursework finished after it
    out.push({ issuedAt: Math.max(first.submittedAt!, courseworkDoneAt(p, m) ?? 0), attempt: first, kind: 'initial' });
  }
  const after = Math.max(0, ...have.map((c) => c.issuedAt), ...out.map((i) => i.issuedAt));
  for (const a of attempts)
    if (formal(a, 'recertification') && !used.has(a.n) && a.submittedAt! >= after) out.push({ issuedAt: a.submittedAt!, attempt: a, kind: 'renewal' });
  return out;
}

/**
 * Adds the certificates the learner has earned to their history (the same object when there are none). The issue
 * instant comes from the record, not the clock, so issuing twice or in two tabs gives the same certificate.
 */
export function issueCertificates(p: LearnerProgress, m: CourseManifest, learnerId: string, calendar: Calendar): LearnerProgress {
  const pending = pendingIssues(p, m);
  if (pending.length === 0) return p;
  const history = certificateHistory(p);
  for (const i of pending) {
    const n = (history.at(-1)?.n ?? 0) + 1;
    const issuedOn = calendar.dateOf(i.issuedAt);
    history.push({
      n,
      number: certificateNumber(m.id, learnerId, n, i.issuedAt, issuedOn),
      issuedAt: i.issuedAt,
      issuedOn,
      validUntil: addMonthsToDate(issuedOn, m.certificateValidityMonths),
      courseVersion: i.attempt.courseVersion ?? m.version,
      score: Math.round(i.attempt.percent ?? 0),
      attempt: i.attempt.n,
      kind: i.kind,
    });
  }
  return { ...p, certificates: history };
}

/** The formal refresher is due: the current certificate is within the renewal window of its expiry, or expired. */
export function recertificationDue(p: LearnerProgress, m: CourseManifest, today: string): boolean {
  const cert = currentCertificate(p);
  return !!cert && certificateStanding(cert, today, settingsOf(m).recertification.withinDays).state !== 'valid';
}

/** Chapters changed since the course version the current certificate was issued on. */
export function changedSinceCertificate(p: LearnerProgress, m: CourseManifest): string[] {
  const cert = currentCertificate(p);
  return cert ? chaptersChangedSince(m, cert.courseVersion) : [];
}

/**
 * The parts a recertification refresher weighs toward: the parts the learner missed a question of in the attempt
 * that earned the current certificate, and the parts of chapters changed since it was issued.
 */
export function recertificationFocus(p: LearnerProgress, m: CourseManifest, bank: readonly Question[]): Set<number> {
  const cert = currentCertificate(p);
  const bankId = m.assessmentBank?.id;
  const parts = new Set<number>();
  if (!cert || !bankId) return parts;
  const attempt = (p.quizzes[bankId]?.attempts ?? []).find((a) => a.n === cert.attempt);
  const byId = new Map(bank.map((q) => [q.id, q]));
  for (const id of attempt?.questionIds ?? []) if (!attempt!.scores[id]?.correct && byId.has(id)) parts.add(byId.get(id)!.part ?? 0);
  const changed = new Set(changedSinceCertificate(p, m));
  for (const c of m.chapters) if (changed.has(c.id)) parts.add(c.part);
  return parts;
}

export interface Certificate {
  state: CertificateState;
  issuedAt?: number;
  /** the last valid day, as the UTC midnight that starts it */
  validUntil?: number;
  score?: number;
}

/**
 * The current certificate in brief, on UTC dates: for summaries that need no local calendar. A certificate not yet
 * in the history but earned counts as issued.
 */
export function certificate(p: LearnerProgress, m: CourseManifest, now: number): Certificate {
  const utc = fixedOffsetCalendar(0);
  const cert = currentCertificate(issueCertificates(p, m, '', utc));
  if (!cert) return { state: 'none' };
  const { state } = certificateStanding(cert, utc.dateOf(now), settingsOf(m).recertification.withinDays);
  return { state, issuedAt: cert.issuedAt, validUntil: Date.UTC(...parseDate(cert.validUntil)), score: cert.score };
}
