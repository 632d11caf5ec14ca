/**
 * Builders for the completion-record and export tests: a small course with one question of every type, a
 * branching scenario, an action plan and a final-assessment bank, and a learner who works through it with the
 * same progress updates the player uses. The golden export files are made from `finishedLearner()`.
 */
import type { ChapterInteractive, ChapterMeta, CourseItems, CourseManifest, Question, QuizData, ScenarioData } from './course.ts';
import type { LearnerProfile } from './learner.ts';
import { addTime, chooseOption, markSectionSeen, restartScenario, savePlanItem, setResume, startAttempt, submitAnswer } from './progress-updates.ts';
import { emptyProgress, type IssuedCertificate, type LearnerProgress } from './progress.ts';
import type { Answer } from './scoring.ts';

const q = (id: string, type: Question['type'], prompt: string, extra: Partial<Question> = {}): Question => ({ id, type, points: 1, prompt, explain: '因为如此。', choices: [], pairs: [], ...extra });
const c = (id: string, text: string, correct = false) => ({ id, text, correct });

export const riskQuiz: QuizData = {
  id: 'risk-quiz',
  title: '风险识别小测',
  passMark: 80,
  attempts: 0,
  questions: [
    q('risk-gift', 'single', '客户赠送贵重礼品，首先应当怎么做？', { choices: [c('decline', '婉拒并报告', true), c('accept', '收下后再说'), c('hide', '私下处理')] }),
    q('risk-signals', 'multiple', '下列哪些是利益冲突的信号？', { points: 2, partial: true, choices: [c('relative', '亲属是供应商', true), c('gift', '反复收受礼品', true), c('training', '参加公司培训')] }),
    q('risk-report', 'truefalse', '发现违规行为可以通过举报热线匿名报告。', { answer: true }),
    q('risk-steps', 'order', '把处理投诉的步骤排好顺序。', { choices: [c('listen', '倾听'), c('record', '记录'), c('resolve', '处理'), c('follow', '回访')] }),
    q('risk-terms', 'match', '把术语与含义配对。', {
      points: 2,
      pairs: [
        { id: 'kyc', left: 'KYC', right: '了解你的客户' },
        { id: 'aml', left: 'AML', right: '反洗钱' },
      ],
    }),
  ],
};

export const giftScenario: ScenarioData = {
  id: 'gift-case',
  title: '供应商的红包',
  start: 'offer',
  steps: [
    { id: 'offer', text: ['供应商在节前递来一个红包。'], options: [
      { id: 'refuse', to: 'record', score: 2, text: '婉拒并说明公司规定' },
      { id: 'take', to: 'bad-end', score: 0, text: '先收下' },
    ] },
    { id: 'record', text: ['对方坚持，说只是心意。'], options: [
      { id: 'report', to: 'good-end', score: 2, text: '报告主管并登记' },
      { id: 'drop', to: 'fair-end', score: 1, text: '再次婉拒，不做登记' },
    ] },
  ],
  outcomes: [
    { id: 'good-end', rating: 'good', title: '处理得当', text: ['你守住了底线。'] },
    { id: 'fair-end', rating: 'fair', title: '基本得当', text: ['还应登记备案。'] },
    { id: 'bad-end', rating: 'poor', title: '处理失当', text: ['收受红包违反规定。'] },
  ],
  maxScore: 4,
};

export const bank: Question[] = [
  q('final-duty', 'single', '合规管理的第一责任人是谁？', { part: 1, choices: [c('head', '主要负责人', true), c('staff', '普通员工')] }),
  q('final-hotline', 'truefalse', '举报人的身份应当保密。', { part: 1, answer: true }),
  q('final-plan', 'truefalse', '行动计划应当有完成期限。', { part: 10, answer: true }),
  q('final-review', 'single', '行动计划多久复盘一次合适？', { part: 10, choices: [c('monthly', '每月', true), c('never', '从不')] }),
];

const chapters: { meta: ChapterMeta; content: ChapterInteractive }[] = [
  {
    meta: { id: 'risk', file: 'content/chapters/01-risk.mdx', title: '风险识别', part: 1, minutes: 20, objectives: ['识别常见合规风险'], sections: [{ id: 'risk-basics', title: '基础' }, { id: 'risk-cases', title: '案例' }], quizzes: [{ id: riskQuiz.id, passMark: riskQuiz.passMark, attempts: 0, maxPoints: 7, questionIds: riskQuiz.questions.map((x) => x.id) }], scenarios: [{ id: giftScenario.id, title: giftScenario.title, maxScore: 4, outcomes: giftScenario.outcomes.map(({ id, rating, title }) => ({ id, rating, title })) }], matrices: [], plans: [] },
    content: { quizzes: [riskQuiz], scenarios: [giftScenario], matrices: [], plans: [] },
  },
  {
    meta: { id: 'summary', file: 'content/chapters/10-summary.mdx', title: '总结与行动计划', part: 10, minutes: 10, objectives: ['制定个人行动计划'], sections: [{ id: 'summary-review', title: '回顾' }], quizzes: [], scenarios: [], matrices: [], plans: [{ id: 'my-plan', title: '我的行动计划', areas: [{ id: 'habits', label: '工作习惯' }, { id: 'team', label: '团队协作' }] }] },
    content: { quizzes: [], scenarios: [], matrices: [], plans: [{ id: 'my-plan', title: '我的行动计划', areas: [{ id: 'habits', label: '工作习惯' }, { id: 'team', label: '团队协作' }] }] },
  },
];

export function recordCourse(extra: Partial<CourseManifest> = {}): { manifest: CourseManifest; items: CourseItems } {
  return {
    manifest: {
      id: 'zhixing-compliance',
      version: '1.2.0',
      title: '规范服务培训',
      organisation: '知行合规培训中心',
      records: { activityBase: 'https://training.zhixing.example/xapi/zhixing-compliance', actorHomePage: 'https://hr.zhixing.example' },
      defaultLocale: 'zh-CN',
      masteryScore: 75,
      certificateValidityMonths: 12,
      assessment: { questionsPerPart: 2, attempts: 3, refresherQuestionsPerPart: 1 },
      chapters: chapters.map((x) => x.meta),
      bank: bank.map((x) => ({ id: x.id, part: x.part!, points: x.points })),
      assessmentBank: { id: 'final-exam', title: '结业考核', file: 'content/assessment.mdx' },
      ...extra,
    },
    items: { chapters: Object.fromEntries(chapters.map((x) => [x.meta.id, x.content])), bank },
  };
}

export const learnerProfile = (extra: Partial<LearnerProfile> = {}): LearnerProfile => ({ id: 'lrn-7f3a', name: '李明', employeeId: 'E1024', department: '客户服务部', createdAt: T0, ...extra });

/** 2026-03-01 08:00 in China (UTC+8): the learner's first launch. */
export const T0 = Date.UTC(2026, 2, 1, 0, 0, 0);
const min = 60_000;

/** Answers a whole quiz attempt: `answers` in order, one a minute from `at`. */
export function answerQuiz(p: LearnerProgress, quiz: QuizData, answers: Record<string, Answer>, at: number): LearnerProgress {
  let out = startAttempt(p, quiz, 'lrn-7f3a', at);
  Object.entries(answers).forEach(([id, a], i) => (out = submitAnswer(out, quiz, id, a, 45_000 + i * 1000, at + (i + 1) * min)));
  return out;
}

const allRight: Record<string, Answer> = {
  'risk-gift': { type: 'single', choice: 'decline' },
  'risk-signals': { type: 'multiple', choices: ['relative', 'gift'] },
  'risk-report': { type: 'truefalse', value: true },
  'risk-steps': { type: 'order', order: ['listen', 'record', 'resolve', 'follow'] },
  'risk-terms': { type: 'match', pairs: { kyc: 'kyc', aml: 'aml' } },
};
const someWrong: Record<string, Answer> = {
  'risk-gift': { type: 'single', choice: 'accept' },
  'risk-signals': { type: 'multiple', choices: ['relative', 'training'] },
  'risk-report': { type: 'truefalse', value: true },
  'risk-steps': { type: 'order', order: ['record', 'listen', 'resolve', 'follow'] },
  'risk-terms': { type: 'match', pairs: { kyc: 'aml', aml: 'kyc' } },
};

/** A final-assessment attempt over the whole bank, submitted at `submittedAt`. */
function assessmentAttempt(p: LearnerProgress, n: number, answers: Record<string, Answer>, startedAt: number, submittedAt: number, mode: 'final' | 'refresher' = 'final'): LearnerProgress {
  const quiz: QuizData = { id: 'final-exam', passMark: 75, attempts: 0, questions: bank };
  const ids = Object.keys(answers);
  let out: LearnerProgress = { ...p, quizzes: { ...p.quizzes, 'final-exam': { attempts: [...(p.quizzes['final-exam']?.attempts ?? []), { n, seed: n, startedAt, answers: {}, scores: {}, latency: {}, answeredAt: {}, questionIds: bank.map((x) => x.id), mode, courseVersion: '1.2.0' }] } } };
  ids.forEach((id, i) => {
    const at = i === ids.length - 1 ? submittedAt : startedAt + (i + 1) * min;
    out = submitAnswer(out, quiz, id, answers[id]!, 30_000, at);
  });
  return out;
}

/**
 * A learner who read everything, failed the chapter quiz once and passed it, walked the scenario twice (the best
 * run good, the latest fair), failed the final assessment once and passed it, and wrote a two-item action plan.
 * The pass lands on a UTC midnight, so the certificate reads the same on any calendar.
 */
export function finishedLearner(): { learner: LearnerProfile; progress: LearnerProgress; now: number } {
  let p: LearnerProgress = { ...emptyProgress('1.2.0', T0), startedAt: T0 };
  p = markSectionSeen(p, 'risk-basics', T0 + 2 * min);
  p = markSectionSeen(p, 'risk-cases', T0 + 9 * min);
  p = answerQuiz(p, riskQuiz, someWrong, T0 + 10 * min);
  p = answerQuiz(p, riskQuiz, allRight, T0 + 20 * min);
  p = chooseOption(p, giftScenario, { step: 'offer', option: 'refuse' }, T0 + 30 * min);
  p = chooseOption(p, giftScenario, { step: 'record', option: 'report' }, T0 + 31 * min + 30_000);
  p = restartScenario(p, giftScenario.id);
  p = chooseOption(p, giftScenario, { step: 'offer', option: 'refuse' }, T0 + 33 * min);
  p = chooseOption(p, giftScenario, { step: 'record', option: 'drop' }, T0 + 34 * min);
  p = addTime(p, 'risk', 38 * min + 12_500);
  p = markSectionSeen(p, 'summary-review', T0 + 40 * min);
  p = savePlanItem(p, 'my-plan', { id: 'plan-1', area: 'habits', action: '每周复盘一次客户投诉', measure: '复盘记录 4 份/月', due: '2026-04-30' });
  p = savePlanItem(p, 'my-plan', { id: 'plan-2', area: 'team', action: '-把礼品登记流程讲给新同事, "当面"讲', measure: '=2 次分享', due: '2026-05-31', done: true });
  p = addTime(p, 'summary', 6 * min);
  const wrong: Record<string, Answer> = { 'final-duty': { type: 'single', choice: 'staff' }, 'final-hotline': { type: 'truefalse', value: true }, 'final-plan': { type: 'truefalse', value: false }, 'final-review': { type: 'single', choice: 'monthly' } };
  const right: Record<string, Answer> = { 'final-duty': { type: 'single', choice: 'head' }, 'final-hotline': { type: 'truefalse', value: true }, 'final-plan': { type: 'truefalse', value: true }, 'final-review': { type: 'single', choice: 'never' } };
  const pass = Date.UTC(2026, 2, 2, 0, 0, 0);
  p = assessmentAttempt(p, 1, wrong, T0 + 50 * min, T0 + 55 * min);
  p = assessmentAttempt(p, 2, right, pass - 5 * min, pass);
  p = setResume(p, 'summary', 'summary-review');
  const cert: IssuedCertificate = { n: 1, number: 'ZC-2026-7K4Q9M2XAD', issuedAt: pass, issuedOn: '2026-03-02', validUntil: '2027-03-02', courseVersion: '1.2.0', score: 75, attempt: 2, kind: 'initial' };
  p = { ...p, certificates: [cert], updatedAt: pass + 2 * min };
  return { learner: learnerProfile(), progress: p, now: pass + 10 * min };
}
