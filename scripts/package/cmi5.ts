/**
 * The cmi5 package: cmi5.xml (the course structure, cmi5 §13) at the zip's root beside the build. One course, one
 * AU: the whole player, launched at index.html, which recognises the cmi5 launch parameters the LMS adds (§8.1).
 * The AU's moveOn comes from course.yaml `cmi5.moveOn` and its mastery score from `masteryScore` (0–100 there,
 * 0–1 here, §13.1.4).
 */
import type { CourseManifest } from '../../src/domain/course.ts';

export interface PackageFile {
  path: string;
  data: Uint8Array;
}

/** The file the LMS launches (AU url, relative to the package root: cmi5 §13.1.4 url). */
export const CMI5_LAUNCH = 'index.html';
export const CMI5_NAMESPACE = 'https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd';
export const DEFAULT_MOVE_ON = 'CompletedAndPassed';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/**
 * The publisher's ids (cmi5 §13.1.2/§13.1.4 id: an IRI, globally unique and stable): under records.activityBase
 * when course.yaml sets it, so the LMS's AU id and the statements' activity ids share one root.
 */
export function cmi5Ids(course: Pick<CourseManifest, 'id' | 'records'>): { course: string; au: string } {
  const base = course.records?.activityBase ?? `urn:x-zhixing:course:${course.id}`;
  return { course: base, au: course.records?.activityBase ? `${base}/au` : `${base}:au` };
}

/** The course's languages, as the langstrings cmi5 asks for (§13.1.1: one per language, at least one). */
function langstrings(course: CourseManifest, text: string): string {
  return `<langstring lang="${escape(course.defaultLocale)}">${escape(text)}</langstring>`;
}

export function cmi5Xml(course: CourseManifest): string {
  const ids = cmi5Ids(course);
  const title = course.subtitle ? `${course.title} — ${course.subtitle}` : course.title;
  const description = course.subtitle ?? course.title;
  const moveOn = course.cmi5?.moveOn ?? DEFAULT_MOVE_ON;
  // 0–100 in course.yaml; cmi5 takes a decimal 0–1 with up to 4 places (§9.6.3.2)
  const mastery = Number((course.masteryScore / 100).toFixed(4));
  // cmi5 §13.1.1 / §13.1.4: the course and its one AU carry the same title and description
  const titled = `<title>
      ${langstrings(course, title)}
    </title>
    <description>
      ${langstrings(course, description)}
    </description>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<courseStructure xmlns="${CMI5_NAMESPACE}">
  <course id="${escape(ids.course)}">
    ${titled}
  </course>
  <au id="${escape(ids.au)}" moveOn="${moveOn}" masteryScore="${mastery}" launchMethod="AnyWindow">
    ${titled}
    <url>${escape(CMI5_LAUNCH)}</url>
  </au>
</courseStructure>
`;
}

/** The package entries: cmi5.xml first, then the build. */
export function cmi5Package(files: readonly PackageFile[], course: CourseManifest): { fileName: string; entries: Map<string, Uint8Array> } {
  const entries = new Map<string, Uint8Array>([['cmi5.xml', new TextEncoder().encode(cmi5Xml(course))]]);
  for (const f of files) entries.set(f.path, f.data);
  return { fileName: `${course.id}-cmi5.zip`, entries };
}
