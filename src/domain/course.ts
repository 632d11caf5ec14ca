/**
 * The course model: what the content build produces and the player reads.
 * Every id is author-written and stable; nothing here is positional.
 */

export type QuestionType = 'single' | 'multiple' | 'truefalse' | 'order' | 'match';

export interface Choice {
  id: string;
  text: string;
  correct: boolean;
  feedback?: string;
}

export interface Pair {
  id: string;
  left: string;
  right: string;
}

export interface Question {
  id: string;
  type: QuestionType;
  points: number;
  prompt: string;
  explain: string;
  /** multiple choice only: partial credit instead of all-or-nothing */
  partial?: boolean;
  /** truefalse only */
  answer?: boolean;
  /** assessment bank only: the part (0–10) the question tests */
  part?: number;
  /** single / multiple: choices; order: choices in the correct order */
  choices: Choice[];
  /** match only */
  pairs: Pair[];
}

export interface QuizData {
  id: string;
  title?: string;
  /** percentage of the quiz's points needed to pass */
  passMark: number;
  /** attempts allowed; 0 = unlimited */
  attempts: number;
  questions: Question[];
}

export type OutcomeRating = 'good' | 'fair' | 'poor';

export interface ScenarioOption {
  id: string;
  to: string;
  score: number;
  feedback?: string;
  text: string;
}

export interface ScenarioStep {
  id: string;
  text: string[];
  options: ScenarioOption[];
}

export interface ScenarioOutcome {
  id: string;
  rating: OutcomeRating;
  title: string;
  text: string[];
}

export interface ScenarioData {
  id: string;
  title: string;
  start: string;
  steps: ScenarioStep[];
  outcomes: ScenarioOutcome[];
  /** the best path's score */
  maxScore: number;
}

export interface Risk {
  id: string;
  text: string;
  likelihood: number;
  impact: number;
}

export interface RiskMatrixData {
  id: string;
  title: string;
  risks: Risk[];
  /** the words for likelihood 1–4 and impact 1–4, as the chapter's text uses them (很少发生 … 经常发生) */
  likelihoodScale?: string[];
  impactScale?: string[];
}

export interface ActionPlanData {
  id: string;
  title: string;
  areas: { id: string; label: string }[];
}

/** Everything interactive in one chapter, as extracted at build time. */
export interface ChapterInteractive {
  quizzes: QuizData[];
  scenarios: ScenarioData[];
  matrices: RiskMatrixData[];
  plans: ActionPlanData[];
}

/**
 * Every interactive item of the course in one place: each chapter's quizzes, scenarios, matrices and plans, and
 * the final-assessment bank. The answer key lives here, so it is loaded only by what needs it (records, exports,
 * an LMS or LRS), never by the first view. Exposed at build time as `virtual:course-items`.
 */
export interface CourseItems {
  /** chapter id → what the chapter holds */
  chapters: Record<string, ChapterInteractive>;
  bank: Question[];
}

export interface SectionMeta {
  id: string;
  title: string;
  /** characters of reading text in the section (whitespace and interactive items left out): sets its reading time */
  chars?: number;
}

export interface QuizMeta {
  id: string;
  passMark: number;
  attempts: number;
  maxPoints: number;
  questionIds: string[];
}

export interface ChapterMeta {
  id: string;
  /** path of the MDX file relative to the project root, e.g. content/chapters/00-intro.mdx */
  file: string;
  title: string;
  part: number;
  minutes: number;
  objectives: string[];
  sections: SectionMeta[];
  quizzes: QuizMeta[];
  scenarios: { id: string; title: string; maxScore: number; outcomes: { id: string; rating: OutcomeRating; title: string }[] }[];
  matrices: { id: string; riskIds: string[] }[];
  plans: { id: string; title: string; areas: { id: string; label: string }[] }[];
}

export interface AssessmentSettings {
  questionsPerPart: number;
  attempts: number;
  refresherQuestionsPerPart: number;
}

/** What a certificate needs beyond every chapter completed and the final assessment passed. */
export interface RequirementSettings {
  /** every scenario walked to an outcome */
  scenarios?: boolean;
  /** every risk of every risk matrix placed */
  riskMatrix?: boolean;
  /** when the final assessment opens: once every chapter is completed (default), or at any time */
  assessmentOpens?: 'after-chapters' | 'always';
}

export interface ReadingSettings {
  /** the fastest plausible reading speed, in characters a minute: a section counts as read after chars / this */
  charsPerMinute?: number;
  /** the least time any section must be on screen, however short */
  minSeconds?: number;
}

export interface RoundSettings {
  /** after the last allowed attempt, re-reading unlocks a new round of attempts (default true) */
  enabled?: boolean;
  /** what the final assessment's next round asks to re-read: the chapters of the parts missed, or every chapter */
  assessmentReread?: 'missed-parts' | 'all-chapters';
}

export interface RecertificationSettings {
  /** the refresher is offered this many days before the certificate expires (and after) */
  withinDays?: number;
}

/** One course version's changes: the chapters whose content changed in that version. */
export interface CourseChange {
  version: string;
  chapters: string[];
}

/** A Learning Record Store fed live (course.yaml `lrs`); a launch URL's own endpoint takes precedence. */
export interface LrsSettings {
  /** the xAPI endpoint; statements go to `${endpoint}statements` */
  endpoint: string;
  /** POSTed with the learner's cookies; answers `{"auth-token": …}` (used as Basic) or `{"authorization": …}` */
  tokenUrl?: string;
}

/** The cmi5 package's settings (course.yaml `cmi5`). */
export interface Cmi5Settings {
  /** cmi5 §13.1.4: what completes the AU for the LMS; CompletedAndPassed when not set */
  moveOn?: 'Passed' | 'Completed' | 'CompletedAndPassed' | 'CompletedOrPassed' | 'NotApplicable';
}

/** Settings the completion-record formats need (course.yaml `records`). */
export interface RecordSettings {
  /** xAPI activity ids are this IRI plus a path ("/chapters/<id>", "/questions/<id>"…), no trailing slash */
  activityBase: string;
  /** xAPI Agent.account.homePage: the system whose account names are the learners' employee ids */
  actorHomePage: string;
}

export interface CourseManifest {
  id: string;
  version: string;
  title: string;
  subtitle?: string;
  /** the organisation that issues the certificate */
  organisation?: string;
  requirements?: RequirementSettings;
  reading?: ReadingSettings;
  rounds?: RoundSettings;
  recertification?: RecertificationSettings;
  changes?: CourseChange[];
  records?: RecordSettings;
  lrs?: LrsSettings;
  cmi5?: Cmi5Settings;
  defaultLocale: string;
  masteryScore: number;
  certificateValidityMonths: number;
  assessment: AssessmentSettings;
  chapters: ChapterMeta[];
  /** the final-assessment bank: question id → part and points */
  bank: { id: string; part: number; points: number }[];
  /** the final-assessment bank file, when the course has one */
  assessmentBank?: { id: string; title: string; file: string };
}
