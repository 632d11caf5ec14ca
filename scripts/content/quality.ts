/**
 * Item-quality rules: what a reviewer looks for so that a learner who did not study gains nothing from test-taking
 * cues (the longest option, a lopsided true/false key, extreme wording, "all but one" multiple choice), that every
 * wrong choice teaches, and that scenario endings follow from the decisions that reach them.
 *
 * Each finding is a warning with file:line; a scope (a quiz, all chapter quizzes together, the bank, a scenario)
 * fails with an error only past the thresholds in QUALITY. The rules run on a course that is otherwise well formed.
 */
import type { ContentProblem } from './errors.ts';
import { attr, isJsx, lineOf, parseMdx, textOf, walk, type AnyNode, type JsxNode } from './mdx-ast.ts';

/** Every threshold of the quality rules, in one place. A share is a fraction 0–1 of the items the rule looks at. */
export const QUALITY = {
  /** single choice: the share of questions whose key is strictly the longest option (4 options by chance: 25%) */
  keyLongest: { maxShare: 0.4, minQuestions: 4 },
  /** single choice: the mean key length over the mean distractor length */
  keyLength: { maxRatio: 1.15, minQuestions: 4 },
  /** true/false: the share of the less frequent answer */
  trueFalse: { minMinorityShare: 0.35, minItems: 4 },
  /** wrong choices and false true/false statements with an absolute word (一律, 完全, 不必 …): the share of them */
  absolute: { maxShare: 0.1, minItems: 10 },
  /** multiple choice: the share of questions where every option or all but one is correct */
  allButOne: { maxShare: 0.34, minQuestions: 3 },
  /** wrong choices without feedback in a quiz or the bank */
  missingFeedback: { max: 0 },
  /** scenario options without an explicit id in a scenario */
  optionsWithoutId: { max: 0 },
  /** scenario outcomes whose rating contradicts the scores of the paths that reach them, per scenario */
  ratingContradictions: { max: 0 },
  /** assessment bank questions per part, so retakes and refreshers do not repeat the same items */
  bankPerPart: { min: 10 },
  /** paths enumerated per scenario before the path rules give up (a guard, not a content limit) */
  maxPaths: 20000,
} as const;

export type QualityThresholds = typeof QUALITY;

/**
 * Words that make an option an extreme: a learner can rule it out by common sense. 只 counts unless it starts
 * 只要/只有/只是 (conditions, not extremes).
 */
export const ABSOLUTE_WORDS = /一律|完全|不必|无需|无须|绝对|从不|从来不|永远|总是|一切|所有|全部|任何|仅仅|毫无|根本不|只(?![要有是])/;

export interface SourceFile {
  file: string;
  source: string;
  bank: boolean;
}

interface ChoiceItem {
  id: string;
  text: string;
  correct: boolean;
  feedback: boolean;
  line: number | undefined;
}

interface QuestionItem {
  id: string;
  type: string;
  prompt: string;
  answer: boolean | undefined;
  part: number | undefined;
  file: string;
  line: number | undefined;
  choices: ChoiceItem[];
}

interface Scope {
  label: string;
  file: string;
  line: number | undefined;
  questions: QuestionItem[];
  /** per-question findings are reported once, from the narrowest scope (a quiz or the bank) */
  reportItems: boolean;
}

interface OptionItem {
  id: string | undefined;
  to: string;
  score: number;
  line: number | undefined;
}

interface ScenarioModel {
  id: string;
  file: string;
  line: number | undefined;
  start: string | undefined;
  steps: Map<string, { id: string; line: number | undefined; options: OptionItem[] }>;
  outcomes: Map<string, { id: string; rating: string; line: number | undefined }>;
}

export interface ScopeFigures {
  scope: string;
  single: number;
  keyLongest: number;
  keyLengthRatio: number | null;
  trueFalse: number;
  trueAnswers: number;
  multiple: number;
  allButOne: number;
  /** multiple choice: how many questions have 1, 2, 3 … correct options */
  correctCounts: Record<number, number>;
  absoluteItems: number;
  absoluteChecked: number;
  missingFeedback: number;
}

export interface QualityFigures {
  scopes: ScopeFigures[];
  optionsWithoutId: number;
  ratingContradictions: number;
  bankPerPart: Record<number, number>;
}

export interface QualityReport {
  warnings: ContentProblem[];
  errors: ContentProblem[];
  figures: QualityFigures;
}

const chars = (s: string) => [...s.replace(/\s+/g, '')].length;
const pct = (x: number) => `${Math.round(x * 100)}%`;

function descendants(node: AnyNode, name: string): JsxNode[] {
  const out: JsxNode[] = [];
  walk(node, (n) => {
    if (n === node || !isJsx(n)) return true;
    if (n.name === name) {
      out.push(n);
      return false;
    }
    return true;
  });
  return out;
}

function question(file: string, q: JsxNode): QuestionItem {
  const a = attr(q, 'answer');
  const part = attr(q, 'part');
  return {
    id: String(attr(q, 'id') ?? ''),
    type: String(attr(q, 'type') ?? ''),
    prompt: String(attr(q, 'prompt') ?? ''),
    answer: a === true || a === 'true' ? true : a === false || a === 'false' ? false : undefined,
    part: typeof part === 'number' ? part : undefined,
    file,
    line: lineOf(q),
    choices: descendants(q, 'Choice').map((c) => ({
      id: String(attr(c, 'id') ?? ''),
      text: textOf(c).trim(),
      correct: attr(c, 'correct') === true,
      feedback: typeof attr(c, 'feedback') === 'string' && String(attr(c, 'feedback')).trim() !== '',
      line: lineOf(c),
    })),
  };
}

function scenario(file: string, s: JsxNode): ScenarioModel {
  const model: ScenarioModel = { id: String(attr(s, 'id') ?? ''), file, line: lineOf(s), start: undefined, steps: new Map(), outcomes: new Map() };
  for (const st of descendants(s, 'Step')) {
    const sid = String(attr(st, 'id') ?? '');
    if (attr(st, 'start') === true) model.start = sid;
    const options = descendants(st, 'Option').map((o) => {
      const explicit = attr(o, 'id');
      const score = attr(o, 'score');
      return { id: typeof explicit === 'string' ? explicit : undefined, to: String(attr(o, 'to') ?? ''), score: typeof score === 'number' ? score : 0, line: lineOf(o) };
    });
    model.steps.set(sid, { id: sid, line: lineOf(st), options });
  }
  for (const o of descendants(s, 'Outcome')) {
    const oid = String(attr(o, 'id') ?? '');
    model.outcomes.set(oid, { id: oid, rating: String(attr(o, 'rating') ?? ''), line: lineOf(o) });
  }
  return model;
}

/** Reads the quizzes, bank questions and scenarios of the course sources, with their lines. */
function readSources(sources: SourceFile[]): { quizzes: Scope[]; bank: Scope | undefined; scenarios: ScenarioModel[] } {
  const quizzes: Scope[] = [];
  const scenarios: ScenarioModel[] = [];
  let bank: Scope | undefined;
  for (const { file, source, bank: isBank } of sources) {
    const tree = parseMdx(source);
    if (isBank) {
      bank = { label: 'the assessment bank', file, line: undefined, questions: descendants(tree, 'Question').map((q) => question(file, q)), reportItems: true };
      continue;
    }
    for (const quiz of descendants(tree, 'Quiz'))
      quizzes.push({ label: `<Quiz id="${String(attr(quiz, 'id'))}">`, file, line: lineOf(quiz), questions: descendants(quiz, 'Question').map((q) => question(file, q)), reportItems: true });
    for (const s of descendants(tree, 'Scenario')) scenarios.push(scenario(file, s));
  }
  return { quizzes, bank, scenarios };
}

/** Every path from the start step to an outcome: its outcome, its total score and the options taken. */
function paths(s: ScenarioModel, limit: number): { outcome: string; score: number; options: { step: string; option: OptionItem }[] }[] | null {
  const out: { outcome: string; score: number; options: { step: string; option: OptionItem }[] }[] = [];
  if (!s.start) return out;
  const go = (at: string, score: number, taken: { step: string; option: OptionItem }[], seen: Set<string>): boolean => {
    if (out.length > limit) return false;
    const step = s.steps.get(at);
    if (!step) {
      if (s.outcomes.has(at)) out.push({ outcome: at, score, options: taken });
      return true;
    }
    if (seen.has(at)) return true; // loops are the structural check's to report
    for (const o of step.options) if (!go(o.to, score + o.score, [...taken, { step: at, option: o }], new Set([...seen, at]))) return false;
    return true;
  };
  return go(s.start, 0, [], new Set()) ? out : null;
}

const RANK: Record<string, number> = { good: 3, fair: 2, poor: 1 };

export function checkQuality(sources: SourceFile[], thresholds: QualityThresholds = QUALITY): QualityReport {
  const warnings: ContentProblem[] = [];
  const errors: ContentProblem[] = [];
  const { quizzes, bank, scenarios } = readSources(sources);
  const warn = (file: string, line: number | undefined, field: string, message: string, hint?: string) =>
    warnings.push({ file, line, field, message, ...(hint ? { hint } : {}) });
  const fail = (scope: Scope, message: string, hint: string) => errors.push({ file: scope.file, line: scope.line, field: scope.label, message, hint });

  const chapterQuestions = quizzes.flatMap((q) => q.questions);
  const together: Scope = { label: 'the chapter quizzes together', file: 'content/chapters', line: undefined, questions: chapterQuestions, reportItems: false };
  const scopes = [...quizzes, ...(chapterQuestions.length ? [together] : []), ...(bank ? [bank] : [])];
  const figures: QualityFigures = { scopes: [], optionsWithoutId: 0, ratingContradictions: 0, bankPerPart: {} };

  for (const scope of scopes) {
    const f: ScopeFigures = { scope: scope === together ? 'chapters' : scope === bank ? 'bank' : String(scope.label.match(/id="([^"]*)"/)?.[1]), single: 0, keyLongest: 0, keyLengthRatio: null, trueFalse: 0, trueAnswers: 0, multiple: 0, allButOne: 0, correctCounts: {}, absoluteItems: 0, absoluteChecked: 0, missingFeedback: 0 };
    let keyChars = 0;
    let distractorChars = 0;
    for (const q of scope.questions) {
      const tag = `<Question id="${q.id}">`;
      if (q.type === 'single' || q.type === 'multiple') {
        for (const c of q.choices.filter((x) => !x.correct)) {
          f.absoluteChecked++;
          const word = ABSOLUTE_WORDS.exec(c.text)?.[0];
          if (word) {
            f.absoluteItems++;
            if (scope.reportItems) warn(q.file, c.line, `${tag} choice "${c.id}"`, `is a wrong choice with the absolute word 「${word}」: an extreme is ruled out by common sense`, 'draw the distractor from a neighbouring list of the deck, or a half-truth');
          }
          if (!c.feedback) {
            f.missingFeedback++;
            if (scope.reportItems) warn(q.file, c.line, `${tag} choice "${c.id}"`, 'is a wrong choice without feedback', 'add feedback="…" that says why it is wrong');
          }
        }
      }
      if (q.type === 'single') {
        const key = q.choices.find((c) => c.correct);
        const others = q.choices.filter((c) => !c.correct);
        if (!key || others.length === 0) continue;
        f.single++;
        const k = chars(key.text);
        const longestOther = Math.max(...others.map((c) => chars(c.text)));
        keyChars += k;
        distractorChars += others.reduce((s, c) => s + chars(c.text), 0) / others.length;
        if (k > longestOther) {
          f.keyLongest++;
          if (scope.reportItems) warn(q.file, q.line, tag, `has its key "${key.id}" as the longest option (${k} characters, the longest other ${longestOther})`, 'make a distractor as specific as the key, or the key shorter');
        }
      } else if (q.type === 'multiple') {
        f.multiple++;
        const correct = q.choices.filter((c) => c.correct).length;
        f.correctCounts[correct] = (f.correctCounts[correct] ?? 0) + 1;
        if (q.choices.length >= 3 && correct >= q.choices.length - 1) {
          f.allButOne++;
          if (scope.reportItems) warn(q.file, q.line, tag, `has ${correct} of ${q.choices.length} options correct: the one odd option gives the answer away`, 'vary the number of correct options, with plausible wrong ones');
        }
      } else if (q.type === 'truefalse' && q.answer !== undefined) {
        f.trueFalse++;
        if (q.answer) f.trueAnswers++;
        else {
          f.absoluteChecked++;
          const word = ABSOLUTE_WORDS.exec(q.prompt)?.[0];
          if (word) {
            f.absoluteItems++;
            if (scope.reportItems) warn(q.file, q.line, tag, `is a false statement with the absolute word 「${word}」: the extreme gives the answer away`, 'make the false statement a half-truth or a rule from the wrong place');
          }
        }
      }
    }
    f.keyLengthRatio = f.single && distractorChars ? Math.round((keyChars / distractorChars) * 100) / 100 : null;
    figures.scopes.push(f);

    const t = thresholds;
    if (f.single >= t.keyLongest.minQuestions && f.keyLongest / f.single > t.keyLongest.maxShare)
      fail(scope, `has the key as the longest option in ${f.keyLongest} of ${f.single} single-choice questions (${pct(f.keyLongest / f.single)}), more than ${pct(t.keyLongest.maxShare)}`, 'a learner who picks the longest option should gain nothing: see the warnings above');
    if (f.single >= t.keyLength.minQuestions && f.keyLengthRatio !== null && f.keyLengthRatio > t.keyLength.maxRatio)
      fail(scope, `has keys ${f.keyLengthRatio}× as long as the distractors on average, more than ${t.keyLength.maxRatio}×`, 'write distractors as specific as the keys');
    if (f.trueFalse >= t.trueFalse.minItems) {
      const minority = Math.min(f.trueAnswers, f.trueFalse - f.trueAnswers);
      if (minority / f.trueFalse < t.trueFalse.minMinorityShare)
        fail(scope, `has ${f.trueAnswers} true and ${f.trueFalse - f.trueAnswers} false statements, fewer than ${pct(t.trueFalse.minMinorityShare)} of one kind`, 'balance true and false statements, so that always answering one way does not pass');
    }
    if (f.absoluteChecked >= t.absolute.minItems && f.absoluteItems / f.absoluteChecked > t.absolute.maxShare)
      fail(scope, `has absolute words in ${f.absoluteItems} of ${f.absoluteChecked} wrong choices and false statements (${pct(f.absoluteItems / f.absoluteChecked)}), more than ${pct(t.absolute.maxShare)}`, 'see the warnings above');
    if (f.multiple >= t.allButOne.minQuestions && f.allButOne / f.multiple > t.allButOne.maxShare)
      fail(scope, `has all or all but one option correct in ${f.allButOne} of ${f.multiple} multiple-choice questions (${pct(f.allButOne / f.multiple)}), more than ${pct(t.allButOne.maxShare)}`, 'vary the number of correct options');
    if (scope.reportItems && f.missingFeedback > t.missingFeedback.max)
      fail(scope, `has ${f.missingFeedback} wrong choice(s) without feedback, more than ${t.missingFeedback.max}`, 'every wrong choice says why it is wrong: see the warnings above');
  }

  if (bank) {
    for (const q of bank.questions) if (q.part !== undefined) figures.bankPerPart[q.part] = (figures.bankPerPart[q.part] ?? 0) + 1;
    for (const [part, n] of Object.entries(figures.bankPerPart).sort(([a], [b]) => Number(a) - Number(b)))
      if (n < thresholds.bankPerPart.min)
        errors.push({ file: bank.file, field: `part ${part}`, message: `has ${n} bank question(s), fewer than ${thresholds.bankPerPart.min}`, hint: `add questions with part={${part}}, so retakes and refreshers do not repeat the same items` });
  }

  for (const s of scenarios) {
    const tag = `<Scenario id="${s.id}">`;
    let missing = 0;
    for (const step of s.steps.values())
      for (const o of step.options)
        if (o.id === undefined) {
          missing++;
          warn(s.file, o.line, `<Option to="${o.to}">`, `in <Step id="${step.id}"> has no id, so its id is its target`, `write id="${o.to}" to keep learners' saved paths; re-pointing \`to\` then keeps them too`);
        }
    figures.optionsWithoutId += missing;
    if (missing > thresholds.optionsWithoutId.max)
      errors.push({ file: s.file, line: s.line, field: tag, message: `has ${missing} option(s) without an id, more than ${thresholds.optionsWithoutId.max}`, hint: 'give every <Option> an explicit id' });

    const all = paths(s, thresholds.maxPaths);
    if (all === null) {
      warn(s.file, s.line, tag, `has more than ${thresholds.maxPaths} paths: its ratings were not checked`);
      continue;
    }
    const range = new Map<string, { min: number; max: number }>();
    for (const p of all) {
      const r = range.get(p.outcome);
      range.set(p.outcome, r ? { min: Math.min(r.min, p.score), max: Math.max(r.max, p.score) } : { min: p.score, max: p.score });
    }
    let contradictions = 0;
    const contradict = (line: number | undefined, field: string, message: string, hint: string) => {
      contradictions++;
      warn(s.file, line, field, message, hint);
    };
    const outcomes = [...s.outcomes.values()].filter((o) => range.has(o.id));
    for (const hi of outcomes)
      for (const lo of outcomes) {
        if ((RANK[hi.rating] ?? 0) <= (RANK[lo.rating] ?? 0)) continue;
        const h = range.get(hi.id)!;
        const l = range.get(lo.id)!;
        if (l.max >= h.min)
          contradict(lo.line, `<Outcome id="${lo.id}">`, `is rated ${lo.rating} but a path to it scores ${l.max}, while a path to the ${hi.rating} outcome "${hi.id}" scores ${h.min}`, 'a better-rated ending must score more than every path to a worse one: adjust the scores or the ratings');
      }
    // a good ending needs good decisions throughout: no path to it takes an option scoring 0 or less where its step offers a positive one
    for (const o of outcomes.filter((x) => x.rating === 'good')) {
      const flagged = new Set<OptionItem>();
      for (const p of all.filter((x) => x.outcome === o.id))
        for (const { step, option } of p.options) {
          const best = Math.max(...s.steps.get(step)!.options.map((x) => x.score));
          if (option.score <= 0 && best > 0 && !flagged.has(option)) {
            flagged.add(option);
            contradict(o.line, `<Outcome id="${o.id}">`, `is rated good but is reached after a poor decision: option "${option.id ?? option.to}" in <Step id="${step}"> (score ${option.score})`, 'lead poor decisions to a step or ending that deals with their consequences');
          }
        }
    }
    figures.ratingContradictions += contradictions;
    if (contradictions > thresholds.ratingContradictions.max)
      errors.push({ file: s.file, line: s.line, field: tag, message: `has ${contradictions} outcome rating(s) that contradict the path scores, more than ${thresholds.ratingContradictions.max}`, hint: 'see the warnings above' });
  }
  return { warnings, errors, figures };
}

/** A short table of the figures, for `npm run check:content`. */
export function formatFigures(f: QualityFigures): string {
  const rows = f.scopes.map((s) => {
    const cc = Object.entries(s.correctCounts).map(([k, v]) => `${k}:${v}`).join(' ');
    return [
      s.scope.padEnd(28),
      `key longest ${s.keyLongest}/${s.single}`.padEnd(18),
      `key/distractor ${s.keyLengthRatio ?? '–'}`.padEnd(20),
      `true/false ${s.trueAnswers}T ${s.trueFalse - s.trueAnswers}F`.padEnd(18),
      `all-but-one ${s.allButOne}/${s.multiple}${cc ? ` (correct ${cc})` : ''}`.padEnd(34),
      `absolute ${s.absoluteItems}/${s.absoluteChecked}`.padEnd(15),
      `no feedback ${s.missingFeedback}`,
    ].join(' ');
  });
  const parts = Object.entries(f.bankPerPart).map(([p, n]) => `${p}:${n}`).join(' ');
  return [
    'Item quality:',
    ...rows.map((r) => '  ' + r),
    `  bank questions per part: ${parts || '–'}`,
    `  scenario options without id: ${f.optionsWithoutId}; outcome ratings contradicting path scores: ${f.ratingContradictions}`,
  ].join('\n');
}
