/**
 * The SCORM 2004 4th Edition package: imsmanifest.xml (IMS CP 1.1.4 with the ADL CP, sequencing and navigation
 * extensions) at the root, the schema files it names beside it, and the build. One organisation, one item, one SCO;
 * the course's mastery score is the primary objective's scaled passing score.
 */
import type { CourseManifest } from '../../src/domain/course.ts';
import type { BuiltFile } from './build.ts';
import { href, schemaFiles, utf8, xml, xmlId, type CoursePackage } from './package-kind.ts';
import { LAUNCH } from './scorm12.ts';

export const SCORM2004_PARAMETERS = '?lms=scorm2004';

/** 80 (percent) → "0.8": imsss:minNormalizedMeasure is a decimal in -1…1 (SCORM 2004 SN 3.10.2). */
export function scaledPassingScore(masteryScore: number): string {
  return String(Math.round(masteryScore * 10) / 1000);
}

export function scorm2004Manifest(files: readonly BuiltFile[], course: CourseManifest): string {
  const title = xml(course.subtitle ? `${course.title} — ${course.subtitle}` : course.title);
  const org = xmlId('org-', course.id);
  const res = xmlId('sco-', course.id);
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${xmlId('zx-', course.id)}" version="${xml(course.version)}"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
  xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd
                      http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd
                      http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd
                      http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd
                      http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion>
  </metadata>
  <organizations default="${org}">
    <organization identifier="${org}">
      <title>${title}</title>
      <item identifier="${xmlId('item-', course.id)}" identifierref="${res}" isvisible="true" parameters="${xml(SCORM2004_PARAMETERS)}">
        <title>${title}</title>
        <imsss:sequencing>
          <imsss:objectives>
            <!-- satisfiedByMeasure: the LMS passes the learner when cmi.score.scaled reaches this, and hands the
                 value to the SCO as cmi.scaled_passing_score (SCORM 2004 RTE 4.2.19) -->
            <imsss:primaryObjective objectiveID="${xmlId('mastery-', course.id)}" satisfiedByMeasure="true">
              <imsss:minNormalizedMeasure>${scaledPassingScore(course.masteryScore)}</imsss:minNormalizedMeasure>
            </imsss:primaryObjective>
          </imsss:objectives>
        </imsss:sequencing>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="${res}" type="webcontent" adlcp:scormType="sco" href="${LAUNCH}">
${files.map((f) => `      <file href="${href(f.path)}"/>`).join('\n')}
    </resource>
  </resources>
</manifest>
`;
}

export function scorm2004Package(files: readonly BuiltFile[], course: CourseManifest): CoursePackage {
  const entries = new Map<string, Uint8Array>([['imsmanifest.xml', utf8(scorm2004Manifest(files, course))]]);
  for (const s of schemaFiles('scorm2004')) entries.set(s.path, s.data);
  for (const f of files) entries.set(f.path, f.data);
  return { fileName: `${course.id}-scorm2004.zip`, entries };
}
