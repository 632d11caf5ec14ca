/**
 * A model of what the learner did, checked against the store and storage after random sequences of learner
 * actions, writes flushed (or only started) at random points, a second tab writing at the same time, reloads and
 * failed reads. After every sequence, memory and storage hold every action the model says they should, and
 * nothing deleted comes back.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import course from 'virtual:course';
import items from 'virtual:course-items';
import type { QuizData, ScenarioData } from '../domain/course.ts';
import type { LearnerProgress } from '../domain/progress.ts';
import { chooseOption, markSectionSeen, openAttempt, removePlanItem, restartScenario, savePlanItem, startAttempt, submitAnswer } from '../domain/progress-updates.ts';
import { replay } from '../domain/scenario.ts';
import { correctAnswer } from '../domain/scoring.ts';
import { memoryStore, type KeyValueStore } from '../storage/storage.ts';
import { createPersistence } from './persistence.ts';
import { createAppStore, type AppStore } from './store.ts';

const sections = course.chapters.flatMap((c) => c.sections.map((s) => s.id));
const quizzes: QuizData[] = Object.values(items.chapters).flatMap((c) => c.quizzes);
const scenarios: ScenarioData[] = Object.values(items.chapters).flatMap((c) => c.scenarios);
const planId = course.chapters.flatMap((c) => c.plans.map((p) => p.id))[0]!;

/** What the learner did, as the model remembers it: learner id → facts that must survive. */
interface Model {
  seen: Map<string, Set<string>>;
  answered: Map<string, Set<string>>;
  plans: Map<string, Set<string>>;
  planDeleted: Map<string, Set<string>>;
  scenarioRuns: Map<string, Map<string, number>>;
  deleted: Set<string>;
}

const add = <K, V>(m: Map<K, Set<V>>, k: K, v: V) => (m.get(k) ?? m.set(k, new Set()).get(k)!).add(v);

type Command =
  | { kind: 'seen'; i: number }
  | { kind: 'answer'; quiz: number; q: number; right: boolean }
  | { kind: 'scenario'; s: number; option: number }
  | { kind: 'restart'; s: number }
  | { kind: 'plan' }
  | { kind: 'unplan'; i: number }
  | { kind: 'newLearner' }
  | { kind: 'switch'; i: number }
  | { kind: 'deleteLearner' }
  | { kind: 'flush' }
  | { kind: 'startFlush' }
  | { kind: 'otherTab'; i: number }
  | { kind: 'reload' }
  | { kind: 'failRead' };

const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('seen' as const), i: fc.nat(sections.length - 1) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('answer' as const), quiz: fc.nat(quizzes.length - 1), q: fc.nat(20), right: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('scenario' as const), s: fc.nat(scenarios.length - 1), option: fc.nat(3) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('restart' as const), s: fc.nat(scenarios.length - 1) }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'plan' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('unplan' as const), i: fc.nat(5) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'newLearner' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('switch' as const), i: fc.nat(5) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'deleteLearner' as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'flush' as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'startFlush' as const }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('otherTab' as const), i: fc.nat(sections.length - 1) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'reload' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'failRead' as const }) },
);

/** One device: the storage both tabs share, which can be told to fail its next read. */
function device() {
  const inner = memoryStore();
  let failNext = 0;
  const kv: KeyValueStore = {
    ...inner,
    getItem: async (k) => {
      if (failNext > 0) {
        failNext--;
        throw new Error('the read failed');
      }
      return inner.getItem(k);
    },
    // as IndexedDB's committed early write: what was there before, then the new value
    putNow: (k, v) => inner.getItem(k).then(async (before) => {
      await inner.setItem(k, v);
      return before;
    }),
  };
  return { kv, failRead: () => (failNext = 1) };
}

let clock = 1_800_000_000_000;
async function tab(kv: KeyValueStore): Promise<AppStore> {
  let n = 0;
  const prefix = Math.random().toString(36).slice(2, 6);
  const store = createAppStore({
    course,
    persistence: (ev) => createPersistence(ev, { course, open: async () => kv, pageEvents: false, delayMs: 5 }),
    now: () => ++clock,
    newId: () => `${prefix}-${++n}`,
  });
  await vi.waitFor(() => expect(store.getState().hydrated).toBe(true));
  return store;
}

const current = (s: AppStore): LearnerProgress | undefined => {
  const st = s.getState();
  return st.currentLearnerId ? st.progress[st.currentLearnerId] : undefined;
};

async function run(commands: Command[]) {
  const { kv, failRead } = device();
  const model: Model = { seen: new Map(), answered: new Map(), plans: new Map(), planDeleted: new Map(), scenarioRuns: new Map(), deleted: new Set() };
  let a = await tab(kv);
  const b = await tab(kv);
  // the other tab has a learner of its own (a shared PC: two colleagues, two windows)
  const bLearner = b.getState().addLearner({ name: '乙' });
  const mine = new Set([a.getState().currentLearnerId!]);
  let planN = 0;
  const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);

  for (const c of commands) {
    const st = a.getState();
    const who = st.currentLearnerId!;
    const update = (fn: (p: LearnerProgress, now: number) => LearnerProgress) => st.updateProgress(fn);
    switch (c.kind) {
      case 'seen':
        update((p, now) => markSectionSeen(p, sections[c.i]!, now));
        add(model.seen, who, sections[c.i]!);
        break;
      case 'answer': {
        const quiz = quizzes[c.quiz]!;
        const q = quiz.questions[c.q % quiz.questions.length]!;
        update((p, now) => startAttempt(p, quiz, who, now));
        const open = current(a) && openAttempt(current(a)!, quiz.id);
        if (!open || open.answers[q.id]) break;
        const answer = c.right ? correctAnswer(q) : { ...correctAnswer(q), ...(q.type === 'truefalse' ? { value: q.answer !== true } : {}) };
        update((p, now) => submitAnswer(p, quiz, q.id, answer, 100, now));
        add(model.answered, who, `${quiz.id}#${open.n}#${q.id}`);
        break;
      }
      case 'scenario': {
        const s = scenarios[c.s]!;
        const latest = current(a)?.scenarios[s.id]?.latest;
        if (latest?.outcome) break;
        const walk = replay(s, latest?.choices ?? []);
        if (walk.current.kind !== 'step') break;
        const stepId = walk.current.id;
        const step = s.steps.find((x) => x.id === stepId)!;
        const option = step.options[c.option % step.options.length]!;
        update((p, now) => chooseOption(p, s, { step: step.id, option: option.id }, now));
        break;
      }
      case 'restart': {
        const s = scenarios[c.s]!;
        const before = current(a)?.scenarios[s.id]?.runs ?? 0;
        update((p) => restartScenario(p, s.id));
        const after = current(a)?.scenarios[s.id]?.runs ?? 0;
        if (after > before) (model.scenarioRuns.get(who) ?? model.scenarioRuns.set(who, new Map()).get(who)!).set(s.id, after);
        break;
      }
      case 'plan': {
        const id = `item-${++planN}`;
        update((p) => savePlanItem(p, planId, { id, area: 'knowledge', action: `行动 ${planN}`, measure: '记录', due: '2027-01-31' }));
        add(model.plans, who, id);
        break;
      }
      case 'unplan': {
        const alive = [...(model.plans.get(who) ?? [])].filter((id) => !model.planDeleted.get(who)?.has(id));
        const id = alive[c.i % Math.max(1, alive.length)];
        if (!id) break;
        update((p) => removePlanItem(p, planId, id));
        add(model.planDeleted, who, id);
        break;
      }
      case 'newLearner':
        mine.add(st.addLearner({ name: `学员 ${mine.size + 1}` }));
        break;
      case 'switch': {
        const alive = [...mine].filter((id) => !model.deleted.has(id));
        if (alive.length) st.switchLearner(alive[c.i % alive.length]!);
        break;
      }
      case 'deleteLearner':
        // a learner deletes their own data: never the other tab's learner
        if ([...mine].filter((id) => !model.deleted.has(id)).length > 1 && mine.has(who)) {
          st.deleteLearner(who);
          model.deleted.add(who);
          st.ensureLearner();
          if (!mine.has(a.getState().currentLearnerId!)) st.switchLearner([...mine].find((id) => !model.deleted.has(id))!);
        }
        break;
      case 'flush':
        await a.flush();
        break;
      case 'startFlush':
        void a.flush();
        break;
      case 'otherTab':
        b.getState().updateProgress((p, now) => markSectionSeen(p, sections[c.i]!, now));
        add(model.seen, bLearner, sections[c.i]!);
        break;
      case 'reload':
        await a.flush();
        a.dispose();
        a = await tab(kv);
        if (!mine.has(a.getState().currentLearnerId!)) {
          const alive = [...mine].find((id) => !model.deleted.has(id));
          if (alive && a.getState().learners[alive]) a.getState().switchLearner(alive);
        }
        break;
      case 'failRead':
        failRead();
        break;
    }
  }
  // let every write land (a failed read is retried), then read the device afresh, as a reload would
  await vi.waitFor(async () => {
    await a.flush();
    await b.flush();
    const fresh = await tab(kv);
    fresh.dispose();
    check(model, fresh, [...mine, bLearner], 'storage');
  }, { timeout: 5_000, interval: 20 });
  check(model, a, [...mine].filter((id) => a.getState().learners[id] || model.deleted.has(id)), 'memory');
  a.dispose();
  b.dispose();
  error.mockRestore();
}

function check(model: Model, store: AppStore, learners: string[], where: string) {
  const st = store.getState();
  for (const id of learners) {
    if (model.deleted.has(id)) {
      expect(st.learners[id], `${where}: deleted learner ${id} came back`).toBeUndefined();
      continue;
    }
    expect(st.learners[id], `${where}: learner ${id}`).toBeDefined();
    const p = st.progress[id]!;
    for (const s of model.seen.get(id) ?? []) expect(p.sectionsSeen[s], `${where}: ${id} saw ${s}`).toBeDefined();
    for (const key of model.answered.get(id) ?? []) {
      const [quiz, n, q] = key.split('#');
      const attempt = p.quizzes[quiz!]?.attempts.find((x) => x.n === Number(n));
      expect(attempt?.answers[q!], `${where}: ${id} answered ${key}`).toBeDefined();
      expect(attempt?.answeredAt[q!], `${where}: ${id} answered ${key} at a time`).toBeDefined();
    }
    const items = new Map((p.plans[planId] ?? []).map((i) => [i.id, i]));
    for (const item of model.plans.get(id) ?? []) {
      expect(items.has(item), `${where}: ${id} plan item ${item}`).toBe(true);
      expect(items.get(item)!.deleted === true, `${where}: ${id} plan item ${item} deleted`).toBe(model.planDeleted.get(id)?.has(item) === true);
    }
    for (const [s, runs] of model.scenarioRuns.get(id) ?? []) expect(p.scenarios[s]!.runs, `${where}: ${id} runs of ${s}`).toBeGreaterThanOrEqual(runs);
  }
}

describe('the store and its persistence, against a model of what the learner did', () => {
  it('keep every action and bring back nothing deleted, whatever the order of actions, writes, tabs and reloads', async () => {
    await fc.assert(fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 30 }), run), { numRuns: Number(process.env.MODEL_RUNS ?? 40), endOnFailure: true, timeout: 15_000 });
  }, 120_000);
});
