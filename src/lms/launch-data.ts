/**
 * What the LMS tells the course at launch, read from each version's data model: the learner, where they were, the
 * suspend data, the mastery score and how many interactions it holds. Small, as it runs before the first view.
 */
import type { LmsKind } from './discovery.ts';
import type { LmsRuntime } from './runtime.ts';

/** What the LMS tells the course at launch. */
export interface LaunchData {
  learnerId: string;
  /** as a person reads it: 1.2's "Last, First" turned round */
  learnerName: string;
  location?: string;
  suspendData?: string;
  /** 0–100, when the LMS sets one: it overrides course.yaml's */
  masteryScore?: number;
  /** how many interactions the LMS holds (1.2's are write-only: new ones go after them) */
  interactionCount: number;
  /** "resume" when the LMS resumes a suspended attempt */
  entry: string;
}

/** SCORM 1.2 cmi.core.student_name is "Last, First": shown as "First Last". */
export function personName(lms: string): string {
  const comma = lms.indexOf(',');
  if (comma < 0) return lms.trim();
  const last = lms.slice(0, comma).trim();
  const first = lms.slice(comma + 1).trim();
  return [first, last].filter(Boolean).join(' ');
}

/** 2004's localized strings may carry a language: "{lang=zh-CN}王小明". */
const unlocalized = (s: string) => s.replace(/^\{lang=[^}]*\}/, '');

const optional = (s: string) => (s === '' ? undefined : s);

const percent = (s: string, scale: number): number | undefined => {
  if (s.trim() === '') return undefined;
  // 0.57 × 100 is 56.99999999999999 in binary floating point
  const n = Math.round(Number(s) * scale * 1e4) / 1e4;
  return Number.isFinite(n) && n >= 0 && n <= 100 ? n : undefined;
};

const count = (s: string) => {
  const n = Number.parseInt(s, 10);
  return Number.isFinite(n) && n > 0 ? n : 0;
};


export const readLaunch: Record<LmsKind, (rt: LmsRuntime) => LaunchData> = {
  scorm12: (rt) => {
    const location = optional(rt.get('cmi.core.lesson_location'));
    const suspendData = optional(rt.get('cmi.suspend_data'));
    const masteryScore = percent(rt.get('cmi.student_data.mastery_score'), 1);
    return {
      learnerId: rt.get('cmi.core.student_id'),
      learnerName: personName(rt.get('cmi.core.student_name')),
      ...(location !== undefined ? { location } : {}),
      ...(suspendData !== undefined ? { suspendData } : {}),
      ...(masteryScore !== undefined ? { masteryScore } : {}),
      interactionCount: count(rt.get('cmi.interactions._count')),
      entry: rt.get('cmi.core.entry'),
    };
  },
  scorm2004: (rt) => {
    const location = optional(rt.get('cmi.location'));
    const suspendData = optional(rt.get('cmi.suspend_data'));
    const masteryScore = percent(rt.get('cmi.scaled_passing_score'), 100);
    return {
      learnerId: rt.get('cmi.learner_id'),
      learnerName: unlocalized(rt.get('cmi.learner_name')).trim(),
      ...(location !== undefined ? { location } : {}),
      ...(suspendData !== undefined ? { suspendData } : {}),
      ...(masteryScore !== undefined ? { masteryScore } : {}),
      interactionCount: count(rt.get('cmi.interactions._count')),
      entry: rt.get('cmi.entry'),
    };
  },
};
