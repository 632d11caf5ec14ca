/**
 * Extracts a chapter's metadata, sections and interactive elements from its MDX tree, checking
 * everything an author can get wrong. Problems are collected, not thrown, so one run reports them all.
 */
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import type {
  ActionPlanData,
  ChapterInteractive,
  Choice,
  OutcomeRating,
  Pair,
  Question,
  QuestionType,
  QuizData,
  Risk,
  RiskMatrixData,
  ScenarioData,
  ScenarioOption,
  ScenarioOutcome,
  ScenarioStep,
  SectionMeta,
} from '../../src/domain/course.ts';
import type { Root } from 'mdast';
import { idPattern } from '../../src/domain/course.schema.ts';
import { maxPathScore } from '../../src/domain/scenario.ts';
import { BLOCK_COMPONENTS, checkBlock, isBlockChild, isBlockContainer, strayChild } from './blocks.ts';
import type { ContentProblem } from './errors.ts';
import { attr, isJsx, lineOf, paragraphsOf, parseMdx, textOf, walk, type AnyNode, type JsxNode } from './mdx-ast.ts';

export const KNOWN_COMPONENTS = [
  'Section', 'KeyPoints', 'Callout', 'Quiz', 'Question', 'Choice', 'Pair', 'Explain',
  'Scenario', 'Step', 'Option', 'Outcome', 'RiskMatrix', 'Risk', 'ActionPlan', 'Area',
  ...BLOCK_COMPONENTS,
  'Term',
] as const;
/** Elements the build replaces by a data-driven component (their children are data, not prose). */
export const INTERACTIVE = new Set(['Quiz', 'Scenario', 'RiskMatrix', 'ActionPlan']);
const CALLOUT_KINDS = ['tip', 'warning', 'rule', 'example'];
/** the label the player shows for each kind (src/i18n zh-CN reading.callout), which a title need not repeat */
const CALLOUT_LABELS: Record<string, string> = { tip: '提示', warning: '注意', rule: '规定', example: '示例' };
const QUESTION_TYPES: QuestionType[] = ['single', 'multiple', 'truefalse', 'order', 'match'];
const RATINGS: OutcomeRating[] = ['good', 'fair', 'poor'];

export interface GlobalId {
  kind: string;
  file: string;
  line?: number;
}

/** The course-wide id registry: chapter, section, quiz, question, scenario, matrix and plan ids. */
export class IdRegistry {
  readonly seen = new Map<string, GlobalId>();
  claim(id: string, at: GlobalId, problems: ContentProblem[]): void {
    const prev = this.seen.get(id);
    if (prev) {
      problems.push({
        file: at.file,
        line: at.line,
        field: `${at.kind} id "${id}"`,
        message: `is already used by a ${prev.kind} at ${prev.file}${prev.line ? ':' + prev.line : ''}`,
        hint: 'ids must be unique in the whole course; prefix them with the chapter prefix (e.g. "p3-…")',
      });
    } else this.seen.set(id, at);
  }
}

export interface Replacement {
  start: number;
  end: number;
  text: string;
}

export interface ParsedMdx {
  frontmatter: unknown;
  frontmatterLine: number;
  frontmatterText: string;
  sections: SectionMeta[];
  interactive: ChapterInteractive;
  bank: Question[];
  replacements: Replacement[];
  /** the parsed tree (the glossary links and the search index read it) */
  tree: Root;
}

class Ctx {
  constructor(
    readonly file: string,
    readonly problems: ContentProblem[],
    readonly ids: IdRegistry,
  ) {}
  problem(node: AnyNode | undefined, field: string | undefined, message: string, hint?: string): void {
    this.problems.push({ file: this.file, line: node ? lineOf(node) : undefined, field, message, hint });
  }
}

function tag(node: JsxNode): string {
  const id = attr(node, 'id');
  return typeof id === 'string' ? `<${node.name} id="${id}">` : `<${node.name}>`;
}

function str(ctx: Ctx, node: JsxNode, name: string, required: boolean): string | undefined {
  const v = attr(node, name);
  if (v === undefined) {
    if (required) ctx.problem(node, tag(node), `is missing "${name}"`, `write ${name}="…"`);
    return undefined;
  }
  if (typeof v !== 'string' || v.trim() === '') {
    ctx.problem(node, `${tag(node)} ${name}`, `must be a non-empty text, got ${JSON.stringify(v)}`, `write ${name}="…"`);
    return undefined;
  }
  return v.trim();
}

function num(ctx: Ctx, node: JsxNode, name: string, fallback: number, min: number, max: number): number {
  const v = attr(node, name);
  if (v === undefined) return fallback;
  const n = typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
  if (typeof n !== 'number' || n < min || n > max) {
    ctx.problem(node, `${tag(node)} ${name}`, `must be a number from ${min} to ${max}, got ${JSON.stringify(v)}`, `write ${name}={${fallback}}`);
    return fallback;
  }
  return n;
}

function id(ctx: Ctx, node: JsxNode, kind: string | null): string | undefined {
  const v = str(ctx, node, 'id', true);
  if (v === undefined) return undefined;
  if (!idPattern.test(v)) {
    ctx.problem(node, `${tag(node)} id`, 'must be kebab-case: lowercase letters, digits and single hyphens', 'e.g. id="p3-risk-types"');
    return undefined;
  }
  if (kind) ctx.ids.claim(v, { kind, file: ctx.file, line: lineOf(node) }, ctx.problems);
  return v;
}

function children(node: AnyNode, name: string): JsxNode[] {
  const out: JsxNode[] = [];
  walk(node, (n) => {
    if (n === node) return true;
    if (!isJsx(n)) return true;
    if (n.name === name) {
      out.push(n);
      return false;
    }
    // do not descend into other components that own their own children
    return !(n.name && INTERACTIVE.has(n.name));
  });
  return out;
}

function localIds<T extends { id: string }>(ctx: Ctx, parent: JsxNode, items: { item: T; node: JsxNode }[], what: string): void {
  const seen = new Set<string>();
  for (const { item, node } of items) {
    if (seen.has(item.id)) ctx.problem(node, `${what} id "${item.id}"`, `is used twice in ${tag(parent)}`, `give each ${what} its own id`);
    seen.add(item.id);
  }
}

function extractQuestion(ctx: Ctx, q: JsxNode, inBank: boolean): Question | undefined {
  const qid = id(ctx, q, 'question');
  const type = str(ctx, q, 'type', true) as QuestionType | undefined;
  if (type !== undefined && !QUESTION_TYPES.includes(type)) {
    ctx.problem(q, `${tag(q)} type`, `"${type}" is not a question type`, `use one of: ${QUESTION_TYPES.join(', ')}`);
    return undefined;
  }
  const prompt = str(ctx, q, 'prompt', true);
  const points = num(ctx, q, 'points', 1, 0.5, 100);
  const explainNodes = children(q, 'Explain');
  if (explainNodes.length === 0) ctx.problem(q, tag(q), 'has no <Explain>', 'every question explains its answer: add <Explain>…</Explain>');
  const explain = explainNodes.map((e) => paragraphsOf(e, new Set()).join('\n')).join('\n');
  let part: number | undefined;
  if (inBank) {
    if (attr(q, 'part') === undefined) ctx.problem(q, tag(q), 'has no "part"', 'bank questions say which part they test: part={3}');
    else part = num(ctx, q, 'part', 0, 0, 10);
  }
  const choiceNodes = children(q, 'Choice');
  const choices: { item: Choice; node: JsxNode }[] = [];
  for (const c of choiceNodes) {
    const cid = id(ctx, c, null);
    const text = textOf(c).trim();
    if (!text) ctx.problem(c, tag(c), 'has no text', 'write the choice between <Choice …> and </Choice>');
    const feedback = str(ctx, c, 'feedback', false);
    if (cid) choices.push({ item: { id: cid, text, correct: attr(c, 'correct') === true, ...(feedback ? { feedback } : {}) }, node: c });
  }
  localIds(ctx, q, choices, 'choice');
  const pairs: { item: Pair; node: JsxNode }[] = [];
  for (const p of children(q, 'Pair')) {
    const pid = id(ctx, p, null);
    const left = str(ctx, p, 'left', true);
    const right = str(ctx, p, 'right', true);
    if (pid && left && right) pairs.push({ item: { id: pid, left, right }, node: p });
  }
  localIds(ctx, q, pairs, 'pair');
  if (!qid || !type || !prompt) return undefined;
  const correct = choices.filter((c) => c.item.correct).length;
  const where = tag(q);
  let answer: boolean | undefined;
  switch (type) {
    case 'single':
      if (choices.length < 2) ctx.problem(q, where, 'needs at least 2 <Choice>s');
      if (correct === 0) ctx.problem(q, where, 'has no correct answer', 'mark the right choice with `correct`');
      if (correct > 1) ctx.problem(q, where, `is single-choice but has ${correct} correct choices`, 'mark exactly one choice `correct`, or use type="multiple"');
      break;
    case 'multiple':
      if (choices.length < 2) ctx.problem(q, where, 'needs at least 2 <Choice>s');
      if (correct === 0) ctx.problem(q, where, 'has no correct answer', 'mark the right choices with `correct`');
      break;
    case 'truefalse': {
      const a = attr(q, 'answer');
      if (a === 'true' || a === true) answer = true;
      else if (a === 'false' || a === false) answer = false;
      else ctx.problem(q, where, 'has no correct answer', 'a true/false question needs answer="true" or answer="false"');
      if (choices.length) ctx.problem(q, where, 'is true/false and takes no <Choice>s', 'remove the choices; set answer="true" or "false"');
      break;
    }
    case 'order':
      if (choices.length < 3) ctx.problem(q, where, 'needs at least 3 <Choice>s, written in the correct order');
      if (correct) ctx.problem(q, where, 'is an order question: its choices are not marked `correct`', 'write the choices in the correct order instead');
      break;
    case 'match':
      if (pairs.length < 2) ctx.problem(q, where, 'needs at least 2 <Pair>s', '<Pair id="a" left="…" right="…" />');
      break;
  }
  if (attr(q, 'partial') !== undefined && type !== 'multiple') ctx.problem(q, `${where} partial`, 'only applies to type="multiple"');
  return {
    id: qid,
    type,
    points,
    prompt,
    explain,
    ...(type === 'multiple' && attr(q, 'partial') === true ? { partial: true } : {}),
    ...(answer !== undefined ? { answer } : {}),
    ...(part !== undefined ? { part } : {}),
    choices: choices.map((c) => c.item),
    pairs: pairs.map((p) => p.item),
  };
}

function extractQuiz(ctx: Ctx, node: JsxNode): QuizData | undefined {
  const qid = id(ctx, node, 'quiz');
  // no upper bound here: a pass mark over 100% gets its own message below (it can never be reached)
  const passMark = num(ctx, node, 'passMark', 80, 0, Infinity);
  const raw = attr(node, 'passMark');
  const attempts = num(ctx, node, 'attempts', 3, 0, 100);
  const title = str(ctx, node, 'title', false);
  const questions = children(node, 'Question').flatMap((q) => extractQuestion(ctx, q, false) ?? []);
  if (questions.length === 0) ctx.problem(node, tag(node), 'has no questions', 'add <Question>s inside the quiz');
  const maxPoints = questions.reduce((s, q) => s + q.points, 0);
  if (typeof raw === 'number' && raw > 100) {
    ctx.problem(node, `${tag(node)} passMark`, `is ${raw}%, which can never be reached`, 'the pass mark is a percentage of the quiz points: use 0–100');
  } else if (questions.length > 0 && maxPoints <= 0) {
    ctx.problem(node, `${tag(node)} passMark`, 'cannot be reached: the questions are worth no points', 'give questions points={1} or more');
  }
  if (!qid) return undefined;
  return { id: qid, ...(title ? { title } : {}), passMark, attempts, questions };
}

function extractScenario(ctx: Ctx, node: JsxNode): ScenarioData | undefined {
  const sid = id(ctx, node, 'scenario');
  const title = str(ctx, node, 'title', true);
  const local: { item: { id: string }; node: JsxNode }[] = [];
  const steps: ScenarioStep[] = [];
  const starts: string[] = [];
  const optionNodes = new Map<ScenarioOption, JsxNode>();
  const stepNodes = new Map<string, JsxNode>();
  for (const s of children(node, 'Step')) {
    const stepId = id(ctx, s, null);
    const options: { item: ScenarioOption; node: JsxNode }[] = [];
    for (const o of children(s, 'Option')) {
      const to = str(ctx, o, 'to', true);
      const text = textOf(o).trim();
      if (!text) ctx.problem(o, '<Option>', 'has no text', 'write what the learner chooses between <Option …> and </Option>');
      const feedback = str(ctx, o, 'feedback', false);
      const explicit = attr(o, 'id');
      const oid = typeof explicit === 'string' ? explicit : to;
      if (!to || !oid) continue;
      const option: ScenarioOption = { id: oid, to, score: num(ctx, o, 'score', 0, -100, 100), text, ...(feedback ? { feedback } : {}) };
      options.push({ item: option, node: o });
      optionNodes.set(option, o);
    }
    localIds(ctx, s, options, 'option');
    if (options.length === 0) ctx.problem(s, tag(s), 'has no <Option>', 'a step offers the learner at least one choice');
    if (!stepId) continue;
    if (attr(s, 'start') === true) starts.push(stepId);
    stepNodes.set(stepId, s);
    local.push({ item: { id: stepId }, node: s });
    steps.push({ id: stepId, text: paragraphsOf(s, new Set(['Option'])), options: options.map((o) => o.item) });
  }
  const outcomes: ScenarioOutcome[] = [];
  for (const o of children(node, 'Outcome')) {
    const oid = id(ctx, o, null);
    const rating = str(ctx, o, 'rating', true) as OutcomeRating | undefined;
    if (rating && !RATINGS.includes(rating)) ctx.problem(o, `${tag(o)} rating`, `"${rating}" is not a rating`, 'use good, fair or poor');
    const otitle = str(ctx, o, 'title', true);
    if (oid) local.push({ item: { id: oid }, node: o });
    if (oid && rating && otitle) outcomes.push({ id: oid, rating, title: otitle, text: paragraphsOf(o, new Set()) });
  }
  localIds(ctx, node, local, 'step/outcome');
  if (outcomes.length === 0) ctx.problem(node, tag(node), 'has no <Outcome>', 'a scenario ends in outcomes: add <Outcome id="…" rating="good|fair|poor" title="…">');
  if (starts.length !== 1)
    ctx.problem(node, tag(node), starts.length ? `has ${starts.length} start steps (${starts.join(', ')})` : 'has no start step', 'mark exactly one <Step> with `start`');
  if (!sid || !title || starts.length !== 1) return undefined;
  const targets = new Set([...steps.map((s) => s.id), ...outcomes.map((o) => o.id)]);
  let broken = false;
  for (const s of steps)
    for (const o of s.options)
      if (!targets.has(o.to)) {
        broken = true;
        ctx.problem(optionNodes.get(o), `<Option to="${o.to}">`, `leads to a step that does not exist in ${tag(node)}`, `known steps and outcomes: ${[...targets].join(', ')}`);
      }
  if (broken || outcomes.length === 0) return undefined;
  // reachability from the start step
  const byId = new Map(steps.map((s) => [s.id, s]));
  const reached = new Set<string>();
  const queue = [starts[0]!];
  while (queue.length) {
    const cur = queue.shift()!;
    if (reached.has(cur)) continue;
    reached.add(cur);
    for (const o of byId.get(cur)?.options ?? []) queue.push(o.to);
  }
  for (const s of steps)
    if (!reached.has(s.id)) ctx.problem(stepNodes.get(s.id), `<Step id="${s.id}">`, `cannot be reached from the start step of ${tag(node)}`, 'lead an <Option to="…"> to it, or remove it');
  for (const o of outcomes)
    if (!reached.has(o.id)) ctx.problem(node, `<Outcome id="${o.id}">`, `cannot be reached from the start step of ${tag(node)}`, 'lead an <Option to="…"> to it, or remove it');
  const data = { id: sid, title, start: starts[0]!, steps, outcomes, maxScore: 0 };
  const max = maxPathScore(data);
  if (max === null) {
    ctx.problem(node, tag(node), 'has a loop: a path can lead back to a step it already passed', 'make every path end in an outcome');
    return undefined;
  }
  data.maxScore = max;
  return data;
}

function extractMatrix(ctx: Ctx, node: JsxNode): RiskMatrixData | undefined {
  const mid = id(ctx, node, 'risk matrix');
  const title = str(ctx, node, 'title', true);
  const risks: { item: Risk; node: JsxNode }[] = [];
  for (const r of children(node, 'Risk')) {
    const rid = id(ctx, r, null);
    const text = textOf(r).trim();
    if (!text) ctx.problem(r, tag(r), 'has no text', 'describe the risk between <Risk …> and </Risk>');
    for (const k of ['likelihood', 'impact'])
      if (attr(r, k) === undefined) ctx.problem(r, tag(r), `is missing "${k}"`, `write ${k}={1} to ${k}={4}`);
    const likelihood = num(ctx, r, 'likelihood', 1, 1, 4);
    const impact = num(ctx, r, 'impact', 1, 1, 4);
    if (rid) risks.push({ item: { id: rid, text, likelihood, impact }, node: r });
  }
  localIds(ctx, node, risks, 'risk');
  if (risks.length === 0) ctx.problem(node, tag(node), 'has no <Risk>', 'add risks: <Risk id="a" likelihood={3} impact={4}>…</Risk>');
  // the scales' words, lowest first, as the chapter's text names them: the learner rates in the words just read
  const scale = (name: 'likelihoodScale' | 'impactScale') => {
    const v = str(ctx, node, name, false);
    if (v === undefined) return undefined;
    const words = v.split('|').map((w) => w.trim());
    if (words.length !== 4 || words.some((w) => !w)) {
      ctx.problem(node, `${tag(node)} ${name}`, `must name the 4 levels, lowest first, separated by |, got ${words.filter(Boolean).length} word(s)`, `write ${name}="很少发生|偶尔发生|较常发生|经常发生"`);
      return undefined;
    }
    return words;
  };
  const likelihoodScale = scale('likelihoodScale');
  const impactScale = scale('impactScale');
  if (!mid || !title) return undefined;
  return { id: mid, title, risks: risks.map((r) => r.item), ...(likelihoodScale ? { likelihoodScale } : {}), ...(impactScale ? { impactScale } : {}) };
}

function extractPlan(ctx: Ctx, node: JsxNode): ActionPlanData | undefined {
  const pid = id(ctx, node, 'action plan');
  const title = str(ctx, node, 'title', true);
  const areas: { item: { id: string; label: string }; node: JsxNode }[] = [];
  for (const a of children(node, 'Area')) {
    const aid = id(ctx, a, null);
    const label = textOf(a).trim();
    if (!label) ctx.problem(a, tag(a), 'has no text', 'name the area between <Area …> and </Area>');
    if (aid && label) areas.push({ item: { id: aid, label }, node: a });
  }
  localIds(ctx, node, areas, 'area');
  if (areas.length === 0) ctx.problem(node, tag(node), 'has no <Area>', 'add areas: <Area id="knowledge">知识学习</Area>');
  if (!pid || !title) return undefined;
  return { id: pid, title, areas: areas.map((a) => a.item) };
}

/** Parses and checks one MDX file. `bank` is true for the assessment bank (top-level questions, no sections). */
export function extractMdx(file: string, source: string, ids: IdRegistry, problems: ContentProblem[], bank = false): ParsedMdx | undefined {
  let tree;
  try {
    tree = parseMdx(source);
  } catch (e) {
    const err = e as { message: string; line?: number; place?: { line?: number; start?: { line?: number } } };
    const line = err.line ?? err.place?.line ?? err.place?.start?.line;
    problems.push({ file, line, message: `is not valid MDX: ${err.message}`, hint: 'check for unclosed tags, and write {, }, < and > in text as full-width characters or words' });
    return undefined;
  }
  const ctx = new Ctx(file, problems, ids);
  const yamlNode = tree.children.find((c) => c.type === 'yaml');
  let frontmatter: unknown;
  if (!yamlNode || yamlNode.type !== 'yaml') {
    ctx.problem(undefined, 'frontmatter', 'is missing', 'start the file with a --- block: id, title, part, minutes, objectives');
  } else {
    try {
      frontmatter = parseYaml(yamlNode.value);
    } catch (e) {
      ctx.problem(yamlNode, 'frontmatter', `is not valid YAML: ${(e as Error).message.split('\n')[0]}`);
    }
  }
  const sections: SectionMeta[] = [];
  const interactive: ChapterInteractive = { quizzes: [], scenarios: [], matrices: [], plans: [] };
  const bankQuestions: Question[] = [];
  const replacements: Replacement[] = [];
  const known = new Set<string>(KNOWN_COMPONENTS);
  const blockChildren = new Set<JsxNode>();
  const revealAfters: { node: JsxNode; id: unknown }[] = [];
  walk(tree, (n, parent) => {
    if (!isJsx(n)) return true;
    const name = n.name ?? '';
    if (!known.has(name)) {
      ctx.problem(n, `<${name || 'fragment'}>`, 'is not a course component', `use one of: ${KNOWN_COMPONENTS.join(', ')}`);
      return false;
    }
    // visual blocks: checked as a whole, then their children's content is walked like any prose
    if (isBlockContainer(name)) {
      for (const c of checkBlock(n, (node, field, message, hint) => ctx.problem(node, field, message, hint))) blockChildren.add(c);
      return true;
    }
    if (blockChildren.has(n)) return true;
    if (isBlockChild(name)) {
      strayChild(n, (node, field, message, hint) => ctx.problem(node, field, message, hint));
      return false;
    }
    if (name === 'Section') {
      if (bank) ctx.problem(n, tag(n), 'does not belong in the assessment bank', 'the bank holds only <Question part={…}> elements');
      if (parent !== tree) ctx.problem(n, tag(n), 'is nested in another element', 'sections sit at the top level of the chapter');
      const sid = id(ctx, n, 'section');
      const title = str(ctx, n, 'title', true);
      // reading length: the prose only (quizzes, scenarios and the like are timed by being answered, not read)
      if (sid && title) sections.push({ id: sid, title, chars: textOf(n, INTERACTIVE).replace(/\s+/g, '').length });
      return true;
    }
    if (name === 'Callout') {
      const kind = attr(n, 'kind');
      if (typeof kind !== 'string' || !CALLOUT_KINDS.includes(kind)) ctx.problem(n, '<Callout> kind', `must be one of ${CALLOUT_KINDS.join(', ')}`, 'e.g. <Callout kind="tip">');
      // a reference answer kept back until the learner has done a matrix of the same chapter (checked below)
      const revealAfter = attr(n, 'revealAfter');
      if (revealAfter !== undefined) revealAfters.push({ node: n, id: revealAfter });
      // the player prints the kind's own label (提示 / 注意 / 规定 / 示例) before the title
      const title = attr(n, 'title');
      const label = typeof kind === 'string' ? CALLOUT_LABELS[kind] : undefined;
      if (label && typeof title === 'string' && title.trim().startsWith(label)) {
        const rest = title.trim().slice(label.length).replace(/^[：:\s]+/, '');
        ctx.problem(n, '<Callout> title', `repeats the label 「${label}」 that the player already shows before it`, rest ? `write title="${rest}"` : 'leave the title out');
      }
      return true;
    }
    if (name === 'KeyPoints') return true;
    // a link to a glossary term: checked against content/glossary.yaml by glossary.ts
    if (name === 'Term') return false;
    if (bank && name === 'Question') {
      const q = extractQuestion(ctx, n, true);
      if (q) bankQuestions.push(q);
      return false;
    }
    if (INTERACTIVE.has(name)) {
      if (bank) {
        ctx.problem(n, tag(n), 'does not belong in the assessment bank');
        return false;
      }
      const data =
        name === 'Quiz' ? extractQuiz(ctx, n)
        : name === 'Scenario' ? extractScenario(ctx, n)
        : name === 'RiskMatrix' ? extractMatrix(ctx, n)
        : extractPlan(ctx, n);
      if (data) {
        if (name === 'Quiz') interactive.quizzes.push(data as QuizData);
        else if (name === 'Scenario') interactive.scenarios.push(data as ScenarioData);
        else if (name === 'RiskMatrix') interactive.matrices.push(data as RiskMatrixData);
        else interactive.plans.push(data as ActionPlanData);
        const start = n.position?.start.offset;
        const end = n.position?.end.offset;
        if (start !== undefined && end !== undefined) replacements.push({ start, end, text: `<${name} id="${data.id}" />` });
      }
      return false;
    }
    // Question, Choice, Step… outside their parent
    const parentOf: Record<string, string> = { Question: 'Quiz', Choice: 'Question', Pair: 'Question', Explain: 'Question', Step: 'Scenario', Option: 'Step', Outcome: 'Scenario', Risk: 'RiskMatrix', Area: 'ActionPlan' };
    ctx.problem(n, `<${name}>`, `must sit inside <${parentOf[name] ?? 'its parent'}>`);
    return false;
  });
  for (const r of revealAfters)
    if (typeof r.id !== 'string' || !interactive.matrices.some((m) => m.id === r.id))
      ctx.problem(r.node, '<Callout> revealAfter', `names ${JSON.stringify(r.id)}, which is no risk matrix of this chapter`, interactive.matrices.length ? `write revealAfter="${interactive.matrices[0]!.id}"` : 'a callout can wait only for a <RiskMatrix> of its own chapter');
  return {
    frontmatter,
    frontmatterLine: yamlNode ? (lineOf(yamlNode) ?? 1) : 1,
    frontmatterText: yamlNode && yamlNode.type === 'yaml' ? yamlNode.value : '',
    sections,
    interactive,
    bank: bankQuestions,
    replacements,
    tree,
  };
}

/** Turns zod issues on frontmatter or course.yaml into located problems. */
export function schemaProblems(file: string, prefix: string, yamlText: string, firstLine: number, error: z.ZodError): ContentProblem[] {
  const lines = yamlText.split('\n');
  const lineOfKey = (key: string | undefined) => {
    if (!key) return firstLine;
    const i = lines.findIndex((l) => new RegExp(`^\\s*${key}\\s*:`).test(l));
    return i >= 0 ? firstLine + i + 1 : firstLine;
  };
  return error.issues.flatMap((issue): ContentProblem[] => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((k) => ({ file, line: lineOfKey(k), field: `${prefix}.${k}`, message: 'is not a known field', hint: 'check the spelling; AUTHORING.md lists every field' }));
    }
    const top = issue.path[0] === undefined ? undefined : String(issue.path[0]);
    return [{ file, line: lineOfKey(top), field: [prefix, ...issue.path.map(String)].join('.'), message: issue.message }];
  });
}
