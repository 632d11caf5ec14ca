import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CourseManifest } from '../../src/domain/course.ts';
import { courseManifest, packageCourse, type WrittenPackage } from './index.ts';
import { isLocalDriver, schemaFiles } from './package-kind.ts';

const NS = {
  cp12: 'http://www.imsproject.org/xsd/imscp_rootv1p1p2',
  adlcp12: 'http://www.adlnet.org/xsd/adlcp_rootv1p2',
  cp2004: 'http://www.imsglobal.org/xsd/imscp_v1p1',
  adlcp2004: 'http://www.adlnet.org/xsd/adlcp_v1p3',
  imsss: 'http://www.imsglobal.org/xsd/imsss',
};

const DRIVERS = { scorm12: 'scorm12_all.xsd', scorm2004: 'scorm2004_4th_all.xsd' } as const;
type Kind = keyof typeof DRIVERS;

// xmllint and unzipping a few hundred files take seconds on a busy 2-core machine
vi.setConfig({ testTimeout: 30_000 });

let work: string;
let written: WrittenPackage[];
let course: CourseManifest;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'zx-package-'));
  course = courseManifest();
  written = await packageCourse({ releaseDir: join(work, 'release'), buildDir: join(work, 'build') });
}, 240_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

const unpacked = new Map<Kind, { dir: string; entries: string[] }>();

/** The package unzipped (once) into a folder of its own, with the local driver schema beside its manifest. */
function unpack(kind: Kind): { dir: string; entries: string[] } {
  const done = unpacked.get(kind);
  if (done) return done;
  const zip = written.find((w) => w.path.endsWith(`${course.id}-${kind}.zip`));
  if (!zip) throw new Error(`no ${kind} package among ${written.map((w) => w.path).join(', ')}`);
  const files = unzipSync(readFileSync(zip.path));
  const dir = join(work, `unzipped-${kind}`);
  rmSync(dir, { recursive: true, force: true });
  for (const [path, data] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), data);
  }
  copyFileSync(join(import.meta.dirname, 'schemas', kind, DRIVERS[kind]), join(dir, `.check-${DRIVERS[kind]}`));
  const out = { dir, entries: Object.keys(files) };
  unpacked.set(kind, out);
  return out;
}

/** xmllint's verdict on a manifest against the schema files shipped in the package (loaded through the driver). */
function validate(dir: string, kind: Kind, manifest = 'imsmanifest.xml') {
  const r = spawnSync('xmllint', ['--noout', '--schema', `.check-${DRIVERS[kind]}`, manifest], { cwd: dir, encoding: 'utf8' });
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}

function xpath(dir: string, expr: string): string {
  return execFileSync('xmllint', ['--xpath', expr, 'imsmanifest.xml'], { cwd: dir, encoding: 'utf8' }).trim();
}

const el = (name: string, ns: string) => `*[local-name()='${name}' and namespace-uri()='${ns}']`;
const attr = (name: string, ns?: string) => (ns ? `@*[local-name()='${name}' and namespace-uri()='${ns}']` : `@${name}`);

/** Every file@href in the manifest, decoded back to zip paths. */
function listedFiles(dir: string, cp: string): string[] {
  const out = xpath(dir, `//${el('file', cp)}/@href`);
  return [...out.matchAll(/href="([^"]*)"/g)].map((m) => decodeURI(m[1]!.replace(/&amp;/g, '&')));
}

/** What a package holds beyond the SCO's files: its manifest and the ADL schema files (IMS CP package control files). */
function controlFiles(kind: Kind): Set<string> {
  return new Set(['imsmanifest.xml', ...schemaFiles(kind).map((s) => s.path)]);
}

describe.each([
  { kind: 'scorm12' as const, cp: NS.cp12, adlcp: NS.adlcp12, scormType: 'scormtype' },
  { kind: 'scorm2004' as const, cp: NS.cp2004, adlcp: NS.adlcp2004, scormType: 'scormType' },
])('the $kind package', ({ kind, cp, adlcp, scormType }) => {
  it('is written as release/<course-id>-<kind>.zip with its size reported', () => {
    const w = written.find((x) => x.path.endsWith(`/${course.id}-${kind}.zip`));
    expect(w?.bytes).toBe(readFileSync(w!.path).byteLength);
  });

  it('has a manifest at the zip root that validates against the ADL schemas shipped beside it', () => {
    const { dir, entries } = unpack(kind);
    expect(entries).toContain('imsmanifest.xml');
    const r = validate(dir, kind);
    expect(r.output).toContain('imsmanifest.xml validates');
    expect(r.ok).toBe(true);
  });

  it('ships every schema file the manifest names in xsi:schemaLocation, unchanged', () => {
    const { dir, entries } = unpack(kind);
    const locations = xpath(dir, `string(/*/${attr('schemaLocation', 'http://www.w3.org/2001/XMLSchema-instance')})`).split(/\s+/);
    const files = locations.filter((_, i) => i % 2 === 1);
    expect(files.length).toBeGreaterThanOrEqual(3);
    for (const f of files) expect(entries).toContain(f);
    for (const s of schemaFiles(kind)) expect(readFileSync(join(dir, s.path)).equals(s.data), s.path).toBe(true);
    expect(entries.filter(isLocalDriver)).toEqual([]);
  });

  it('lists every file it holds, and holds every file it lists', () => {
    const { dir, entries } = unpack(kind);
    const listed = listedFiles(dir, cp);
    const control = controlFiles(kind);
    expect(listed.length).toBeGreaterThan(5);
    expect(new Set(listed).size).toBe(listed.length);
    expect(listed.filter((f) => !entries.includes(f))).toEqual([]);
    expect(entries.filter((f) => !control.has(f) && !listed.includes(f))).toEqual([]);
    // the build's own files, not only the shell: every chapter chunk and the service worker file are there
    expect(listed).toContain('index.html');
    expect(listed.filter((f) => f.endsWith('.js')).length).toBeGreaterThan(course.chapters.length);
  });

  it('has one organisation with one item, launching one SCO whose launch file is in the zip', () => {
    const { dir, entries } = unpack(kind);
    expect(xpath(dir, `count(//${el('organization', cp)})`)).toBe('1');
    expect(xpath(dir, `count(//${el('item', cp)})`)).toBe('1');
    // the attribute spelled exactly as the spec does: 1.2 "scormtype", 2004 "scormType"; a wrong case is ignored by LMSs
    expect(xpath(dir, `count(//${el('resource', cp)}[${attr(scormType, adlcp)}='sco'])`)).toBe('1');
    expect(xpath(dir, `count(//${el('resource', cp)}/@*[translate(local-name(), 'T', 't')='scormtype' and local-name()!='${scormType}'])`)).toBe('0');
    const ref = xpath(dir, `string(//${el('item', cp)}/@identifierref)`);
    const sco = xpath(dir, `string(//${el('resource', cp)}[${attr(scormType, adlcp)}='sco']/@identifier)`);
    expect(ref).toBe(sco);
    const launch = xpath(dir, `string(//${el('resource', cp)}[@identifier='${sco}']/@href)`);
    expect(launch).toBe('index.html');
    expect(entries).toContain(launch);
    expect(xpath(dir, `string(//${el('organizations', cp)}/@default)`)).toBe(xpath(dir, `string(//${el('organization', cp)}/@identifier)`));
  });

  it('launches the app with the query that keeps its service worker off inside an LMS', () => {
    const { dir } = unpack(kind);
    expect(xpath(dir, `string(//${el('item', cp)}/@parameters)`)).toBe(`?lms=${kind}`);
  });
});

describe('the mastery score', () => {
  it('is the course mastery score as adlcp:masteryscore in SCORM 1.2', () => {
    const { dir } = unpack('scorm12');
    expect(Number(xpath(dir, `string(//${el('item', NS.cp12)}/${el('masteryscore', NS.adlcp12)})`))).toBe(course.masteryScore);
  });

  it('is the scaled passing score of the primary objective, satisfied by measure, in SCORM 2004', () => {
    const { dir } = unpack('scorm2004');
    const objective = `//${el('item', NS.cp2004)}/${el('sequencing', NS.imsss)}/${el('objectives', NS.imsss)}/${el('primaryObjective', NS.imsss)}`;
    expect(xpath(dir, `string(${objective}/@satisfiedByMeasure)`)).toBe('true');
    expect(Number(xpath(dir, `string(${objective}/${el('minNormalizedMeasure', NS.imsss)})`))).toBeCloseTo(course.masteryScore / 100, 9);
  });
});

describe('the schema check', () => {
  it('rejects a SCORM 1.2 manifest whose resource has no type', () => {
    const { dir } = unpack('scorm12');
    const bad = readFileSync(join(dir, 'imsmanifest.xml'), 'utf8').replace(' type="webcontent"', '');
    writeFileSync(join(dir, 'bad.xml'), bad);
    expect(validate(dir, 'scorm12', 'bad.xml').ok).toBe(false);
  });

  it('rejects a SCORM 2004 manifest whose scaled passing score is out of range', () => {
    const { dir } = unpack('scorm2004');
    const bad = readFileSync(join(dir, 'imsmanifest.xml'), 'utf8').replace(/<imsss:minNormalizedMeasure>[^<]*</, '<imsss:minNormalizedMeasure>80<');
    writeFileSync(join(dir, 'bad.xml'), bad);
    expect(validate(dir, 'scorm2004', 'bad.xml').ok).toBe(false);
  });
});

describe('the cmi5 package', () => {
  it('is written beside the SCORM packages, with cmi5.xml at the root and the same app', () => {
    const w = written.find((x) => x.path.endsWith(`/${course.id}-cmi5.zip`));
    expect(w).toBeDefined();
    const entries = Object.keys(unzipSync(readFileSync(w!.path)));
    expect(entries).toContain('cmi5.xml');
    expect(entries).toContain('index.html');
    expect(entries).not.toContain('imsmanifest.xml');
  });
});
