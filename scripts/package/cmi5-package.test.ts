import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CourseManifest } from '../../src/domain/course.ts';
import { loadCourse } from '../content/load-course.ts';
import { CMI5_LAUNCH, cmi5Ids, cmi5Package, cmi5Xml } from './cmi5.ts';

vi.setConfig({ testTimeout: 20_000 });

const SCHEMA = join(import.meta.dirname, 'schemas/cmi5/CourseStructure.xsd');
const work = mkdtempSync(join(tmpdir(), 'zx-cmi5-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** xmllint's verdict on a course structure: exit status and what it printed. */
function validate(xmlText: string): { ok: boolean; output: string } {
  const file = join(work, `cmi5-${Math.random().toString(36).slice(2)}.xml`);
  writeFileSync(file, xmlText);
  const r = spawnSync('xmllint', ['--noout', '--schema', SCHEMA, file], { encoding: 'utf8' });
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}

// loading the whole course takes seconds on a busy 2-core machine: once per file
let course: CourseManifest;
beforeAll(() => {
  const { manifest, problems } = loadCourse(join(import.meta.dirname, '../..'));
  expect(problems).toEqual([]);
  course = manifest!;
}, 60_000);
const shipped = (): CourseManifest => course;

describe('the cmi5 course structure', () => {
  it('validates against cmi5 CourseStructure.xsd for the shipped course', () => {
    const r = validate(cmi5Xml(shipped()));
    expect(r.output).toContain('validates');
    expect(r.ok).toBe(true);
  });

  it('is checked for real: a structure with an unknown moveOn fails the schema', () => {
    const bad = cmi5Xml(shipped()).replace(/moveOn="[^"]+"/, 'moveOn="Finished"');
    expect(validate(bad).ok).toBe(false);
  });

  it('has one AU launched at index.html with the moveOn and the mastery score of course.yaml', () => {
    const text = cmi5Xml({ ...shipped(), masteryScore: 85, cmi5: { moveOn: 'CompletedOrPassed' } });
    expect(text.match(/<au /g)).toHaveLength(1);
    expect(text).toContain('moveOn="CompletedOrPassed"');
    expect(text).toContain('masteryScore="0.85"');
    expect(text).toContain(`<url>${CMI5_LAUNCH}</url>`);
    expect(validate(text).ok).toBe(true);
  });

  it('moves on when completed and passed unless course.yaml says otherwise', () => {
    expect(cmi5Xml({ ...shipped(), cmi5: undefined })).toContain('moveOn="CompletedAndPassed"');
  });

  it('names the course and the AU under the records activity base, or a URN without one', () => {
    expect(cmi5Ids({ id: 'c1', records: { activityBase: 'https://t.acme.cn/xapi/c1', actorHomePage: 'https://hr' } })).toEqual({ course: 'https://t.acme.cn/xapi/c1', au: 'https://t.acme.cn/xapi/c1/au' });
    expect(cmi5Ids({ id: 'c1' })).toEqual({ course: 'urn:x-zhixing:course:c1', au: 'urn:x-zhixing:course:c1:au' });
  });

  it('escapes course text so a title with markup characters still validates', () => {
    const r = validate(cmi5Xml({ ...shipped(), title: 'A & B <规范>', subtitle: '"quoted"' }));
    expect(r.ok).toBe(true);
  });
});

describe('the cmi5 package', () => {
  it('is <course-id>-cmi5.zip with cmi5.xml at the root beside the build', () => {
    const files = [
      { path: 'index.html', data: new TextEncoder().encode('<!doctype html>') },
      { path: 'assets/app.js', data: new TextEncoder().encode('1') },
    ];
    const pkg = cmi5Package(files, course);
    expect(pkg.fileName).toBe(`${course.id}-cmi5.zip`);
    const unzipped = unzipSync(zipSync(Object.fromEntries(pkg.entries)));
    expect(Object.keys(unzipped)).toEqual(['cmi5.xml', 'index.html', 'assets/app.js']);
    expect(new TextDecoder().decode(unzipped['cmi5.xml'])).toBe(cmi5Xml(course));
  });
});
