/**
 * The SCORM 1.2 package: imsmanifest.xml (IMS Content Packaging 1.1.2 with the ADL SCORM 1.2 extensions) at the
 * root, the four schema files it names beside it, and the build. One organisation, one item, one SCO.
 */
import type { CourseManifest } from '../../src/domain/course.ts';
import type { BuiltFile } from './build.ts';
import { href, schemaFiles, utf8, xml, xmlId, type CoursePackage } from './package-kind.ts';

/** The file the LMS launches, and what tells the app it runs inside a SCORM 1.2 LMS (item@parameters). */
export const LAUNCH = 'index.html';
export const SCORM12_PARAMETERS = '?lms=scorm12';

export function scorm12Manifest(files: readonly BuiltFile[], course: CourseManifest): string {
  const title = xml(course.subtitle ? `${course.title} — ${course.subtitle}` : course.title);
  const org = xmlId('org-', course.id);
  const res = xmlId('sco-', course.id);
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${xmlId('zx-', course.id)}" version="${xml(course.version)}"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd
                      http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd
                      http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="${org}">
    <organization identifier="${org}">
      <title>${title}</title>
      <item identifier="${xmlId('item-', course.id)}" identifierref="${res}" isvisible="true" parameters="${xml(SCORM12_PARAMETERS)}">
        <title>${title}</title>
        <!-- SCORM 1.2 CAM 2.3.2.2: the LMS compares cmi.core.score.raw against this (0–100) to set passed / failed -->
        <adlcp:masteryscore>${course.masteryScore}</adlcp:masteryscore>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="${res}" type="webcontent" adlcp:scormtype="sco" href="${LAUNCH}">
${files.map((f) => `      <file href="${href(f.path)}"/>`).join('\n')}
    </resource>
  </resources>
</manifest>
`;
}

export function scorm12Package(files: readonly BuiltFile[], course: CourseManifest): CoursePackage {
  const entries = new Map<string, Uint8Array>([['imsmanifest.xml', utf8(scorm12Manifest(files, course))]]);
  for (const s of schemaFiles('scorm12')) entries.set(s.path, s.data);
  for (const f of files) entries.set(f.path, f.data);
  return { fileName: `${course.id}-scorm12.zip`, entries };
}
