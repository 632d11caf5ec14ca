/**
 * What every package kind produces (SCORM 1.2, SCORM 2004, and any other format added beside them): the zip's
 * file name and its entries. Writing the zip is shared, so a new kind is one more function of this shape.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import type { CourseManifest } from '../../src/domain/course.ts';
import type { BuiltFile } from './build.ts';

export interface CoursePackage {
  /** e.g. "zhixing-compliance-scorm12.zip" */
  fileName: string;
  /** zip path → bytes, in the order they are written */
  entries: Map<string, Uint8Array>;
}

export type PackageKind = (files: readonly BuiltFile[], course: CourseManifest) => CoursePackage;

/** The schema files shipped beside a manifest: every file of the kind's folder under schemas/, except local drivers. */
export function schemaFiles(kind: 'scorm12' | 'scorm2004'): BuiltFile[] {
  const dir = join(import.meta.dirname, 'schemas', kind);
  return readdirSync(dir)
    .filter((f) => !isLocalDriver(f))
    .sort()
    .map((f) => ({ path: f, data: readFileSync(join(dir, f)) }));
}

/** Driver schemas (`*_all.xsd`) import every namespace for xmllint; they are not ADL files and stay out of packages. */
export function isLocalDriver(fileName: string): boolean {
  return fileName.endsWith('_all.xsd');
}

const encoder = new TextEncoder();
export const utf8 = (text: string): Uint8Array => encoder.encode(text);

// a fixed time for every entry: the same build gives the same zip bytes
const ZIP_TIME = new Date(Date.UTC(2020, 0, 1));

/** The zip's bytes: already-compressed images are stored, everything else deflated. */
export function zipPackage(pkg: CoursePackage): Uint8Array {
  const tree: Zippable = {};
  for (const [path, data] of pkg.entries) {
    const stored = /\.(png|jpe?g|webp|gif|woff2?|zip)$/i.test(path);
    tree[path] = [data, { level: stored ? 0 : 9, mtime: ZIP_TIME }];
  }
  return zipSync(tree);
}

/** XML text and attribute escaping (XML 1.0 §2.4). */
export function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** A file's href in a manifest: a relative URI (IMS CP file@href), so spaces and non-ASCII names are percent-encoded. */
export function href(path: string): string {
  return xml(encodeURI(path));
}

/**
 * An XML ID (xs:ID is an NCName) made from an author-written id: IMS CP identifiers must be unique NCNames,
 * and a course id may start with a digit.
 */
export function xmlId(prefix: string, id: string): string {
  return `${prefix}${id.replace(/[^A-Za-z0-9._-]/g, '_')}`;
}
