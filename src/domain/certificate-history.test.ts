import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  addMonthsToDate,
  certificateHistory,
  certificateNumber,
  certificateStanding,
  changedSinceCertificate,
  fixedOffsetCalendar,
  issueCertificates,
  recertificationDue,
  recertificationFocus,
  verificationCode,
} from './certificate.ts';
import { canonicalJson } from './canonical.ts';
import { assessed, BANK, courseworkDone, manifest, withAssessment } from './certification-builders.ts';

const CHINA = fixedOffsetCalendar(8 * 60);
const m = manifest();
const at = (iso: string) => Date.parse(iso);

describe('issuing a certificate', () => {
  it('happens once every requirement is met, dated by the record, not by when it is looked at', () => {
    const p = withAssessment(courseworkDone(m, at('2026-03-01T02:00:00Z')), m, assessed(1, at('2026-03-02T02:00:00Z'), ['b1a', 'b2a']), assessed(2, at('2026-03-03T02:00:00Z')));
    const issued = issueCertificates(p, m, 'learner-1', CHINA);
    expect(certificateHistory(issued)).toEqual([
      expect.objectContaining({ n: 1, kind: 'initial', attempt: 2, issuedAt: at('2026-03-03T02:00:00Z'), issuedOn: '2026-03-03', validUntil: '2027-03-03', score: 100, courseVersion: '1.0.0' }),
    ]);
    expect(issueCertificates(issued, m, 'learner-1', CHINA)).toBe(issued);
    expect(issueCertificates(p, m, 'learner-1', CHINA)).toEqual(issued);
  });

  it('does not happen before the chapters are done, nor for a failed or practice attempt', () => {
    const partial = { ...courseworkDone(m, 1000), sectionsSeen: {} };
    expect(issueCertificates(withAssessment(partial, m, assessed(1, 2000)), m, 'l', CHINA).certificates).toBeUndefined();
    const base = courseworkDone(m, 1000);
    expect(issueCertificates(withAssessment(base, m, assessed(1, 2000, ['b1a', 'b1b'])), m, 'l', CHINA).certificates).toBeUndefined();
    expect(issueCertificates(withAssessment(base, m, assessed(1, 2000, [], 'refresher')), m, 'l', CHINA).certificates).toBeUndefined();
  });

  it('dates the certificate by the coursework when that was finished after the pass', () => {
    const m2 = manifest({ requirements: { assessmentOpens: 'always' } });
    const p = withAssessment(courseworkDone(m2, at('2026-05-10T08:00:00Z')), m2, assessed(1, at('2026-05-01T08:00:00Z')));
    expect(certificateHistory(issueCertificates(p, m2, 'l', CHINA))[0]).toMatchObject({ issuedOn: '2026-05-10', validUntil: '2027-05-10' });
  });
});

describe('certificate numbers', () => {
  it('are stable: the same course, learner and issue always give the same number', () => {
    expect(certificateNumber('zhixing-compliance', 'a', 1, 1000, '2026-03-03')).toBe(certificateNumber('zhixing-compliance', 'a', 1, 1000, '2026-03-03'));
    expect(certificateNumber('zhixing-compliance', 'a', 1, 1000, '2026-03-03')).toMatch(/^ZC-2026-[0-9A-HJKMNP-TV-Z]{10}$/);
  });

  it('are unique across learners, courses and issues', () => {
    const numbers = new Set<string>();
    for (const course of ['zhixing-compliance', 'zhixing-service'])
      for (let learner = 0; learner < 200; learner++)
        for (let n = 1; n <= 3; n++) numbers.add(certificateNumber(course, `learner-${learner}`, n, 1_800_000_000_000 + n * 1000, '2027-01-01'));
    expect(numbers.size).toBe(2 * 200 * 3);
  });

  it('come with a verification code that changes when any stated fact does', () => {
    const facts = { number: 'ZC-2026-ABCDEFGHJK', learnerName: '王芳', employeeId: 'E1024', courseId: 'c', courseVersion: '1.0.0', issuedOn: '2026-03-03', validUntil: '2027-03-03', score: 90 };
    expect(verificationCode(facts)).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    // the first 40 bits of SHA-256 over the facts' canonical JSON, in Crockford's base 32, computed independently
    const digest = createHash('sha256').update(canonicalJson({ ...facts })).digest();
    const bits = digest.subarray(0, 5).reduce((acc, b) => acc * 256 + b, 0);
    const expected = Array.from({ length: 8 }, (_, i) => '0123456789ABCDEFGHJKMNPQRSTVWXYZ'[Math.floor(bits / 2 ** (35 - i * 5)) % 32]).join('');
    expect(verificationCode(facts)).toBe(`${expected.slice(0, 4)}-${expected.slice(4)}`);
    expect(verificationCode({ ...facts, learnerName: ' 王芳 ', score: 90.2 })).toBe(verificationCode(facts));
    expect(verificationCode({ ...facts, learnerName: '王芬' })).not.toBe(verificationCode(facts));
    expect(verificationCode({ ...facts, validUntil: '2028-03-03' })).not.toBe(verificationCode(facts));
    expect(verificationCode({ ...facts, score: 100 })).not.toBe(verificationCode(facts));
  });
});

describe('validity dates', () => {
  it('clamp to the end of shorter months', () => {
    expect(addMonthsToDate('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonthsToDate('2026-03-31', 1)).toBe('2026-04-30');
    expect(addMonthsToDate('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonthsToDate('2026-12-15', 12)).toBe('2027-12-15');
  });

  it('handle leap years: 29 February exists only in them', () => {
    expect(addMonthsToDate('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonthsToDate('2028-02-29', 12)).toBe('2029-02-28');
    expect(addMonthsToDate('2027-02-28', 12)).toBe('2028-02-28');
    expect(addMonthsToDate('2028-02-29', 48)).toBe('2032-02-29');
  });

  it('are in the learner’s local calendar: the same instant is a different day in Beijing and in London', () => {
    // 16:30 UTC on 31 January is already 1 February in Beijing
    const instant = at('2026-01-31T16:30:00Z');
    const p = withAssessment(courseworkDone(m, instant - 10_000), m, assessed(1, instant));
    const beijing = certificateHistory(issueCertificates(p, m, 'l', fixedOffsetCalendar(480)))[0]!;
    const london = certificateHistory(issueCertificates(p, m, 'l', fixedOffsetCalendar(0)))[0]!;
    const newYork = certificateHistory(issueCertificates(p, m, 'l', fixedOffsetCalendar(-300)))[0]!;
    expect([beijing.issuedOn, beijing.validUntil]).toEqual(['2026-02-01', '2027-02-01']);
    expect([london.issuedOn, london.validUntil]).toEqual(['2026-01-31', '2027-01-31']);
    expect([newYork.issuedOn, newYork.validUntil]).toEqual(['2026-01-31', '2027-01-31']);
    expect(beijing.number).toMatch(/^TC-2026-/);
  });

  it('make a certificate expiring within the renewal window and expired after its last valid day', () => {
    const cert = { validUntil: '2027-03-03' };
    expect(certificateStanding(cert, '2027-01-31', 30)).toEqual({ state: 'valid', daysLeft: 31 });
    expect(certificateStanding(cert, '2027-02-01', 30)).toEqual({ state: 'expiring', daysLeft: 30 });
    expect(certificateStanding(cert, '2027-03-03', 30)).toEqual({ state: 'expiring', daysLeft: 0 });
    expect(certificateStanding(cert, '2027-03-04', 30)).toEqual({ state: 'expired', daysLeft: -1 });
  });
});

describe('renewal', () => {
  const first = withAssessment(courseworkDone(m, at('2026-03-01T02:00:00Z')), m, assessed(1, at('2026-03-02T02:00:00Z'), ['b2a']));
  const certified = issueCertificates(first, m, 'l', CHINA);

  it('is due within the renewal window of expiry and after it, not before', () => {
    expect(recertificationDue(certified, m, '2027-01-30')).toBe(false);
    expect(recertificationDue(certified, m, '2027-02-01')).toBe(true);
    expect(recertificationDue(certified, m, '2027-06-01')).toBe(true);
    expect(recertificationDue(issueCertificates(first, manifest({ recertification: { withinDays: 60 } }), 'l', CHINA), manifest({ recertification: { withinDays: 60 } }), '2027-01-30')).toBe(true);
  });

  it('issues a new certificate on a passed recertification, with a new number and validity from the pass date, keeping the old one', () => {
    const renewedAt = at('2027-02-15T03:00:00Z');
    const p = issueCertificates(withAssessment(certified, m, assessed(2, renewedAt, [], 'recertification')), m, 'l', CHINA);
    const [old, renewed] = certificateHistory(p);
    expect(old).toEqual(certificateHistory(certified)[0]);
    expect(renewed).toMatchObject({ n: 2, kind: 'renewal', attempt: 2, issuedOn: '2027-02-15', validUntil: '2028-02-15', score: 100 });
    expect(renewed!.number).not.toBe(old!.number);
    expect(recertificationDue(p, m, '2027-03-01')).toBe(false);
  });

  it('is not given by a failed recertification or a practice refresher', () => {
    const p = withAssessment(certified, m, assessed(2, at('2027-02-15T03:00:00Z'), ['b1a', 'b2a'], 'recertification'), assessed(3, at('2027-02-16T03:00:00Z'), [], 'refresher'));
    expect(certificateHistory(issueCertificates(p, m, 'l', CHINA))).toHaveLength(1);
  });

  it('weighs the refresher toward the parts missed in the attempt that earned the certificate', () => {
    expect([...recertificationFocus(certified, m, BANK)]).toEqual([2]);
  });
});

describe('course updates', () => {
  const first = issueCertificates(withAssessment(courseworkDone(m, 1000), m, assessed(1, 2000)), m, 'l', CHINA);
  const updated = manifest({ version: '1.2.0', changes: [{ version: '1.1.0', chapters: ['one'] }, { version: '1.2.0', chapters: ['two'] }, { version: '1.0.0', chapters: ['two'] }] });

  it('tell a learner certified on an older version which chapters changed since', () => {
    expect(changedSinceCertificate(first, m)).toEqual([]);
    expect(changedSinceCertificate(first, updated)).toEqual(['one', 'two']);
    expect(changedSinceCertificate(first, manifest({ version: '1.1.0', changes: updated.changes }))).toEqual(['one']);
  });

  it('put the changed chapters’ parts into the refresher', () => {
    expect([...recertificationFocus(first, manifest({ version: '1.1.0', changes: updated.changes }), BANK)]).toEqual([1]);
  });

  it('keep the version a certificate was issued on, and state the new one on the renewal', () => {
    const renewed = issueCertificates(withAssessment(first, updated, assessed(2, 5000, [], 'recertification', '1.2.0')), updated, 'l', CHINA);
    expect(certificateHistory(renewed).map((c) => c.courseVersion)).toEqual(['1.0.0', '1.2.0']);
  });
});
