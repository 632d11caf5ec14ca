/**
 * Names of downloaded record files: course id, learner, date and what the file holds, e.g.
 * `zhixing-compliance_李明-E1024_2026-03-02_scorm12.json`. Pure, so every rule below is tested.
 */

/** Windows rejects < > : " / \ | ? * and control characters; macOS rejects : and /. */
const FORBIDDEN = /[<>:"/\\|?*\p{Cc}]/gu;
/** Windows device names, reserved with any extension. */
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;
/** a learner's part of the name stays short: file systems allow 255 bytes, three CJK characters take 9 */
const MAX_PART = 40;

function part(text: string): string {
  const cleaned = text
    .normalize('NFC')
    .replace(FORBIDDEN, '-')
    .replace(/\s+/g, '-')
    .replace(/-{2,}/g, '-')
    // a leading dot hides the file on macOS and Linux; a trailing dot or space is dropped by Windows
    .replace(/^[.\-_]+|[.\-_ ]+$/g, '');
  const short = Array.from(cleaned).slice(0, MAX_PART).join('').replace(/[.\-_ ]+$/g, '');
  return RESERVED.test(short) ? `${short}-` : short;
}

export interface FileNameParts {
  courseId: string;
  /** the learner's name; the employee id is added when there is one */
  learnerName: string;
  employeeId?: string;
  /** yyyy-mm-dd, the learner's local date */
  date: string;
  /** what the file holds: scorm12, scorm2004, xapi, summary, interactions, transfer */
  kind: string;
  extension: 'json' | 'csv';
}

export function fileName({ courseId, learnerName, employeeId, date, kind, extension }: FileNameParts): string {
  const learner = [learnerName, employeeId].map((x) => part(x ?? '')).filter(Boolean).join('-') || 'learner';
  return `${[part(courseId) || 'course', learner, part(date), part(kind)].filter(Boolean).join('_')}.${extension}`;
}
