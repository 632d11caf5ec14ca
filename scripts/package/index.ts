/**
 * npm run package: builds the app into release/build and writes one zip per package kind into release/,
 * printing each zip's path and size. To add a package kind, add its function to KINDS.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CourseManifest } from '../../src/domain/course.ts';
import { ContentError } from '../content/errors.ts';
import { loadCourse } from '../content/load-course.ts';
import { buildApp, readBuild, ROOT } from './build.ts';
import { zipPackage, type PackageKind } from './package-kind.ts';
import { cmi5Package } from './cmi5.ts';
import { scorm12Package } from './scorm12.ts';
import { scorm2004Package } from './scorm2004.ts';

export const KINDS: PackageKind[] = [scorm12Package, scorm2004Package, cmi5Package];

export interface WrittenPackage {
  path: string;
  bytes: number;
}

/** The course manifest, as the build sees it; bad content throws with every problem's file and line. */
export function courseManifest(root = ROOT): CourseManifest {
  const { manifest, problems } = loadCourse(root);
  if (problems.length || !manifest) throw new ContentError(problems);
  return manifest;
}

export async function packageCourse(options: { root?: string; releaseDir?: string; buildDir?: string } = {}): Promise<WrittenPackage[]> {
  const root = options.root ?? ROOT;
  const releaseDir = options.releaseDir ?? join(root, 'release');
  const buildDir = options.buildDir ?? join(releaseDir, 'build');
  const course = courseManifest(root);
  await buildApp(buildDir, root);
  const files = readBuild(buildDir);
  mkdirSync(releaseDir, { recursive: true });
  return KINDS.map((kind) => {
    const pkg = kind(files, course);
    const zip = zipPackage(pkg);
    const path = join(releaseDir, pkg.fileName);
    writeFileSync(path, zip);
    return { path, bytes: zip.byteLength };
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  packageCourse()
    .then((written) => {
      for (const w of written) console.log(`wrote ${relative(process.cwd(), w.path)}  ${(w.bytes / 1024).toFixed(1)} KB`);
    })
    .catch((e: unknown) => {
      console.error(e instanceof Error ? e.message : e);
      process.exitCode = 1;
    });
}
