/**
 * Accessibility, WCAG 2.1 AA, in the browser. Every route and every interactive state, in both interface
 * languages: axe-core reports no violation, the page reflows at 320 CSS px (1280 px at 400% zoom) without
 * scrolling sideways and, in the English interface, the course's Chinese text is marked as such. Route changes move the focus to the page heading and retitle the document; a skip link is
 * the first Tab stop; every Tab stop shows a focus indicator; reduced motion stops all motion. Last, a learner
 * completes a chapter with the keyboard only.
 *
 * Routes come from the course manifest (chapters) and from the app's route table (every path without a
 * parameter), so a page added later is audited too; a new interactive state is held to the same rule, in the
 * light and the dark theme, by adding it to JOURNEYS.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import type { Locator, Page } from 'playwright-core';
import { loadCourse } from '../../scripts/content/load-course.ts';
import type { Question, ScenarioData } from '../../src/domain/course.ts';
import { en } from '../../src/i18n/en.ts';
import { browser, describeFocus, hasFocus, removeProfile, ROOT, serve, pickRadio as pickRadioWith, tabTo as tabToTarget, waitForFocus, type Browser, type Server } from './harness.ts';

const loaded = loadCourse(ROOT);
const course = loaded.manifest!;
const chapterOf = (id: string) => course.chapters.find((c) => c.id === id)!;
const interactive = (chapterId: string) => loaded.interactive[chapterId]!;

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
/** axe's experimental rules under those tags run too (label in name, orientation, headings, tables, focus order). */
const EXPERIMENTAL = ['label-content-name-mismatch', 'css-orientation-lock', 'p-as-heading', 'table-fake-caption', 'td-has-header', 'focus-order-semantics'];
const DESKTOP = { width: 1280, height: 900 };
/** 1280 × 1024 at 400% zoom */
const REFLOW = { width: 320, height: 256 };

let server: Server;
const browsers: Browser[] = [];
before(async () => {
  server = await serve();
});
after(async () => {
  for (const b of browsers) {
    await b.close();
    removeProfile(b.profile);
  }
  await server.close();
});

async function open(options: Parameters<typeof browser>[0] = {}): Promise<Browser> {
  const b = await browser(options);
  browsers.push(b);
  return b;
}

// ---------------------------------------------------------------------------------------------------------------
// checks

type Violation = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

function describeViolations(violations: Violation[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 8)
        .map((n) => `    at ${n.target.join(' ')}\n      ${(n.failureSummary ?? '').split('\n').join('\n      ')}`)
        .join('\n');
      const more = v.nodes.length > 8 ? `\n    … and ${v.nodes.length - 8} more` : '';
      return `  ${v.id} [${v.impact ?? 'n/a'}] ${v.help}\n    ${v.helpUrl}\n${nodes}${more}`;
    })
    .join('\n');
}

/** axe-core, WCAG 2.1 A and AA plus best practices, colour contrast included: no violation at all. */
async function assertNoAxeViolations(page: Page, what: string): Promise<void> {
  const rules = Object.fromEntries(EXPERIMENTAL.map((id) => [id, { enabled: true }]));
  const { violations } = await new AxeBuilder({ page }).options({ rules }).withTags(TAGS).analyze();
  assert.equal(violations.length, 0, `axe found ${violations.length} kind(s) of violation on ${what}:\n${describeViolations(violations)}`);
}

/** Two animation frames: layout and observers have caught up. */
const frames = (page: Page) => page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));

/**
 * WCAG 1.4.10: at 320 CSS px the page never scrolls sideways (a box that scrolls inside itself, like a data
 * table, is allowed). On failure, names the elements that stick out.
 */
async function assertReflows(page: Page, what: string): Promise<void> {
  const before = page.viewportSize() ?? DESKTOP;
  await page.setViewportSize(REFLOW);
  try {
    await page.waitForFunction((w) => window.innerWidth === w, REFLOW.width);
    await frames(page);
    const problem = await page.evaluate(() => {
      const root = document.documentElement;
      const out: string[] = [];
      for (const el of Array.from(document.body.querySelectorAll<HTMLElement>('*'))) {
        const r = el.getBoundingClientRect();
        // beyond the right edge (the page scrolls sideways) or cut off at the left (out of reach)
        const right = r.right > root.clientWidth + 0.5;
        const left = r.left < -0.5 && r.width > 1 && r.height > 1 && getComputedStyle(el).visibility !== 'hidden';
        if (!right && !left) continue;
        let scroller = false; // inside a box that scrolls (or clips) on its own, itself checked
        for (let p = el.parentElement; p && p !== document.body && !scroller; p = p.parentElement)
          scroller = getComputedStyle(p).overflowX !== 'visible';
        if (!scroller) out.push(`<${el.tagName.toLowerCase()} class="${el.getAttribute('class') ?? ''}"> ${Math.round(r.left)}…${Math.round(r.right)}px`);
      }
      if (root.scrollWidth <= root.clientWidth && !out.length) return '';
      return `scrollWidth ${root.scrollWidth}, clientWidth ${root.clientWidth}; outside the window: ${out.slice(0, 10).join(', ')}`;
    });
    assert.equal(problem, '', `${what} does not reflow at ${REFLOW.width} px: ${problem}`);
  } finally {
    await page.setViewportSize(before);
    await page.waitForFunction((w) => window.innerWidth === w, before.width);
  }
}

const uiLanguage = (page: Page) => page.evaluate(() => document.documentElement.lang);

/** Every English interface string as an anchored pattern ({{values}} match anything). */
const EN_PATTERNS: string[] = [];
(function collect(node: unknown): void {
  // an English string, placeholders aside (not '中文', the name of the other language, marked as such)
  if (typeof node === 'string' && /[A-Za-z]{2}/.test(node.replace(/\{\{\w+\}\}/g, ''))) {
    const escaped = node.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\{\\\{\w+\\\}\\\}/g, '.*');
    if (escaped) EN_PATTERNS.push(`^${escaped}$`);
  } else if (node && typeof node === 'object') Object.values(node).forEach(collect);
})(en);

/**
 * WCAG 3.1.2, in the English interface: a text that is an interface string is in an element whose language is
 * English, and other Chinese text (the course's) in one whose language is Chinese.
 */
async function assertLanguagesMarked(page: Page, what: string): Promise<void> {
  const wrong = await page.evaluate((patterns) => {
    const ui = patterns.map((p) => new RegExp(p, 's'));
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node.textContent ?? '').trim();
      const el = node.parentElement;
      if (!text || !el || el.closest('script, style')) continue;
      const lang = el.closest('[lang]')?.getAttribute('lang') ?? '';
      if (el.closest('[lang=""]')) continue; // text of unknown language: the learner's own words
      const want = ui.some((re) => re.test(text)) ? 'en' : /\p{Script=Han}/u.test(text) ? 'zh' : '';
      if (want && !lang.startsWith(want)) out.push(`「${text.slice(0, 40)}」 in <${el.tagName.toLowerCase()} class="${el.getAttribute('class') ?? ''}"> is marked ${lang || 'nothing'}, not ${want}`);
    }
    return out;
  }, EN_PATTERNS);
  assert.equal(wrong.length, 0, `${what}: ${wrong.length} text(s) not in an element of their language:\n  ${wrong.slice(0, 15).join('\n  ')}`);
}

/** Switches the interface language with the header button and waits for the page to follow. */
async function switchLanguage(page: Page): Promise<void> {
  const toEnglish = (await uiLanguage(page)) !== 'en';
  await page.getByRole('button', { name: toEnglish ? '切换为英文界面' : 'Switch the interface to Chinese' }).click();
  await page.getByRole('button', { name: toEnglish ? 'Switch the interface to Chinese' : '切换为英文界面' }).waitFor();
  assert.equal(await uiLanguage(page), toEnglish ? 'en' : 'zh-CN');
}

/** axe, reflow and (in English) the marked languages, in the current interface language. */
async function audit(page: Page, what: string): Promise<void> {
  const language = await uiLanguage(page);
  const label = `${what} [${language}]`;
  await assertNoAxeViolations(page, label);
  if (language === 'en') await assertLanguagesMarked(page, label);
  await assertReflows(page, label);
}

/** The audit of this state in Chinese and in English; leaves the interface in the language it found. */
async function auditBothLanguages(page: Page, what: string): Promise<void> {
  await audit(page, what);
  await switchLanguage(page);
  await audit(page, what);
  await switchLanguage(page);
}

// ---------------------------------------------------------------------------------------------------------------
// navigation

/** A fresh document at `hash` (a plain goto to another hash of the same page would not reload). */
async function load(page: Page, hash = ''): Promise<void> {
  await page.goto('about:blank');
  await page.goto(server.url + hash);
}

async function homeReady(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1, name: course.title }).waitFor();
  await page.locator('#learner-heading').waitFor(); // the lazily loaded learner panel
}

async function chapterReady(page: Page, chapterId: string): Promise<void> {
  const chapter = chapterOf(chapterId);
  await page.getByRole('heading', { level: 1, name: chapter.title, exact: true }).waitFor();
  await page.locator(`#h-${chapter.sections.at(-1)!.id}`).waitFor(); // the chapter's content has loaded
  await page.locator('.chapter-nav').waitFor();
}

// ---------------------------------------------------------------------------------------------------------------
// interactions (pointer: these build states to audit)

const questionBox = (page: Page, q: Question) =>
  page.locator('fieldset.question').filter({ has: page.locator('.question-prompt').getByText(q.prompt, { exact: true }) });

/** Answers a question rightly or wrongly with the mouse and submits it. */
async function answer(page: Page, q: Question, right: boolean): Promise<void> {
  const box = questionBox(page, q);
  if (q.type === 'single' || q.type === 'multiple') {
    const picks = right ? q.choices.filter((c) => c.correct) : [q.choices.find((c) => !c.correct) ?? q.choices[0]!];
    for (const c of picks) await box.getByRole(q.type === 'single' ? 'radio' : 'checkbox', { name: c.text, exact: true }).check();
  } else if (q.type === 'truefalse') {
    await box.getByRole('radio', { name: q.answer === right ? '正确' : '错误', exact: true }).check();
  } else if (q.type === 'match') {
    for (const [i, p] of q.pairs.entries()) {
      const to = right ? p : q.pairs[(i + 1) % q.pairs.length]!;
      await box.getByRole('combobox', { name: p.left, exact: true }).selectOption({ label: to.right });
    }
  } else {
    const order = q.choices.map((c) => c.text);
    const shown = async () => (await box.locator('.order-text').allTextContents()).map((t) => t.trim());
    if (right) {
      for (const [i, text] of order.entries())
        for (let at = (await shown()).indexOf(text); at > i; at--) await box.getByRole('button', { name: `上移：${text}` }).click();
    } else if ((await shown()).join() === order.join()) {
      await box.getByRole('button', { name: `下移：${order[0]}` }).click();
    }
  }
  await box.getByRole('button', { name: '提交答案' }).click();
  await box.locator('.feedback .verdict').waitFor();
}

/** Picks the best-scoring option at each step; the options' texts from the start to an outcome. */
function bestPath(s: ScenarioData): string[] {
  const texts: string[] = [];
  for (let step = s.steps.find((x) => x.id === s.start); step; ) {
    const best = [...step.options].sort((a, b) => b.score - a.score)[0]!;
    texts.push(best.text);
    step = s.steps.find((x) => x.id === best.to);
  }
  return texts;
}

// ---------------------------------------------------------------------------------------------------------------
// routes

/**
 * When each page without parameters has rendered what it shows: the lazily loaded page has replaced the loading
 * placeholder and has what it loads itself (the assessment its question bank). A page added to the route table
 * fails the test below until it is listed here.
 */
const READY: Record<string, (page: Page) => Promise<void>> = {
  assessment: (page) => page.locator('main.assessment').waitFor(),
  records: (page) => page.locator('main.records').waitFor(),
  settings: (page) => page.locator('#storage-heading').waitFor(),
  trainer: (page) => page.locator('main.trainer').waitFor(),
  search: (page) => page.locator('main.search-page input').waitFor(),
};

/** The app's routes without parameters ('assessment', 'records', …), read from its route table. */
const appRoutes = readFileSync(join(ROOT, 'src/app/app.tsx'), 'utf8');
const STATIC_PATHS = [...appRoutes.matchAll(/\bpath="([^"]+)"/g)].map((m) => m[1]!).filter((p) => !/[:*]/.test(p));
assert.match(appRoutes, /path="chapter\/:chapterId/, 'the route table is where this test looks for routes');

const ROUTES: { what: string; hash: string; ready(page: Page): Promise<void> }[] = [
  { what: 'the home page', hash: '#/', ready: homeReady },
  ...course.chapters.map((c) => ({ what: `the chapter ${c.id}`, hash: `#/chapter/${c.id}`, ready: (page: Page) => chapterReady(page, c.id) })),
  ...STATIC_PATHS.map((path) => ({
    what: `the page #/${path}`,
    hash: `#/${path}`,
    ready: async (page: Page) => {
      const ready = READY[path];
      assert.ok(ready, `the test knows when the page #/${path} is ready (add it to READY)`);
      await page.locator('main h1').waitFor();
      await ready(page);
    },
  })),
  { what: 'the glossary', hash: '#/glossary', ready: (page: Page) => page.locator('main.glossary-page h1').waitFor() },
  { what: 'the not-found page', hash: '#/no/such/page', ready: (page: Page) => page.locator('h1').filter({ hasText: /页面不存在|Page not found/ }).waitFor() },
];

test('every route has no axe violation, marks the language of its texts and reflows at 320 px, in Chinese and in English', async () => {
  const { page } = await open();
  const failures: string[] = [];
  await load(page);
  await homeReady(page);
  for (const language of ['zh-CN', 'en']) {
    if (language === 'en') {
      await page.goto(server.url + '#/');
      await homeReady(page);
      await switchLanguage(page);
      await page.reload(); // the stored choice ('zhixing:locale') holds
      await homeReady(page);
      assert.equal(await page.evaluate(() => localStorage.getItem('zhixing:locale')), 'en');
    }
    for (const route of ROUTES) {
      await page.goto(server.url + route.hash);
      await route.ready(page);
      assert.equal(await uiLanguage(page), language);
      try {
        await audit(page, route.what);
      } catch (e) {
        failures.push((e as Error).message); // every route is audited before the test fails
      }
    }
  }
  assert.equal(failures.length, 0, failures.join('\n\n'));
});

// ---------------------------------------------------------------------------------------------------------------
// interactive states, in both themes

const THEMES = ['light', 'dark'] as const;
type Theme = (typeof THEMES)[number];
const PHONE = { width: 360, height: 760 };

/**
 * A journey through the app: its steps, taken in order on one fresh device, each reach a state that is audited
 * (axe, reflow, marked languages) in Chinese and in English. Every journey runs once per theme.
 */
interface Journey {
  what: string;
  viewport?: { width: number; height: number };
  steps: { what: string; reach(page: Page): Promise<void> }[];
}

/** The first-visit name form filled and saved: the learner the other journeys learn as. */
async function named(page: Page, name = '李明'): Promise<void> {
  await load(page);
  await homeReady(page);
  await page.getByRole('textbox', { name: '姓名', exact: true }).fill(name);
  await page.getByRole('button', { name: '保存', exact: true }).first().click();
  await page.getByRole('region', { name: '学员' }).getByText(`当前学员：${name}`).waitFor();
}

const p1Quiz = () => interactive('compliance-overview').quizzes.find((q) => q.id === 'p1-quiz')!;
const scenario = () => interactive('compliance-overview').scenarios[0]!;
const matrix = () => interactive('risk-identification').matrices[0]!;
const plan = () => interactive('summary').plans[0]!;
const planForm = (page: Page) => page.getByRole('region', { name: plan().title });

/** Fills the action plan's add form with a valid item (its target date ahead of today, whatever day the suite runs). */
async function addPlanItem(page: Page): Promise<void> {
  const form = planForm(page);
  await form.getByLabel('行动内容').fill('每周复盘一次客户信息的保管情况，发现问题当天上报');
  await form.getByLabel('衡量标准').fill('每周一份复盘记录');
  await form.getByLabel('完成时间').fill(`${new Date().getFullYear() + 1}-03-31`);
  await form.getByRole('button', { name: '添加到计划' }).click();
  await form.locator('.plan-items li').waitFor();
}

const JOURNEYS: Journey[] = [
  {
    what: 'home, settings and the pages without a course state',
    steps: [
      { what: 'the home page on a first visit, with the name form', reach: async (page) => (await load(page), await homeReady(page), await page.getByRole('textbox', { name: '姓名', exact: true }).waitFor()) },
      { what: 'the home page of a returning learner', reach: async (page) => (await named(page), await load(page), await homeReady(page)) },
      ...(['settings', 'records', 'assessment', 'trainer', 'glossary'] as const).map((path) => {
        const route = ROUTES.find((r) => r.hash === `#/${path}`)!;
        return { what: route.what, reach: async (page: Page) => (await page.goto(server.url + route.hash), await route.ready(page)) };
      }),
      {
        what: 'the search page with results',
        reach: async (page) => {
          await page.goto(server.url + '#/search');
          await page.locator('main.search-page input').fill('风险');
          await page.locator('main.search-page').getByRole('link').first().waitFor();
        },
      },
    ],
  },
  {
    what: 'a quiz',
    steps: [
      {
        what: 'a quiz answered wrong, offering a retry',
        reach: async (page) => {
          await load(page, '#/chapter/compliance-overview/p1-quiz-section');
          await chapterReady(page, 'compliance-overview');
          const quiz = p1Quiz();
          assert.ok(quiz.attempts > 1, 'the quiz has a limited number of attempts, more than one');
          await answer(page, quiz.questions[0]!, true);
          for (const q of quiz.questions.slice(1)) await answer(page, q, false);
          assert.match(await questionBox(page, quiz.questions[1]!).locator('.verdict').innerText(), /回答错误/);
          await page.locator('.quiz-result').getByRole('button', { name: '重新作答' }).waitFor();
        },
      },
      {
        what: 'a quiz after its last attempt, the correct answers shown',
        reach: async (page) => {
          const quiz = p1Quiz();
          const result = page.locator('.quiz-result');
          for (let attempt = 2; attempt <= quiz.attempts; attempt++) {
            await result.getByRole('button', { name: '重新作答' }).click();
            await page.getByText(`第 ${attempt} 次作答`).waitFor();
            for (const q of quiz.questions) await answer(page, q, false);
          }
          await result.getByText('已用完全部作答次数').waitFor();
          assert.ok((await page.locator('.key-mark').count()) > 0, 'the correct answers are shown');
        },
      },
    ],
  },
  {
    what: 'a scenario',
    steps: [
      {
        what: 'a scenario mid-way',
        reach: async (page) => {
          await load(page, '#/chapter/compliance-overview/p1-trends');
          await chapterReady(page, 'compliance-overview');
          const region = page.getByRole('region', { name: scenario().title });
          await region.getByRole('button', { name: bestPath(scenario())[0]!, exact: true }).click();
          await region.locator('.scenario-feedback .feedback-box').waitFor();
        },
      },
      {
        what: 'a scenario finished, its path open',
        reach: async (page) => {
          const region = page.getByRole('region', { name: scenario().title });
          for (const text of bestPath(scenario()).slice(1)) await region.getByRole('button', { name: text, exact: true }).click();
          await region.locator('.scenario-outcome').waitFor();
          await region.locator('summary').click();
          await region.locator('details[open] li').first().waitFor();
        },
      },
    ],
  },
  {
    what: 'the risk matrix',
    steps: [
      {
        what: 'a risk matrix graded, one risk off, the reference answer revealed',
        reach: async (page) => {
          await load(page, '#/chapter/risk-identification');
          await chapterReady(page, 'risk-identification');
          const m = matrix();
          const grid = page.getByRole('region', { name: m.title });
          const items = grid.locator('.risk-item');
          // the second risk rated 1 × 1 (low), which the trainer rates higher
          assert.notEqual(m.risks[1]!.likelihood * m.risks[1]!.impact, 1);
          for (const [i, r] of m.risks.entries()) {
            const selects = items.nth(i).getByRole('combobox');
            await selects.nth(0).selectOption(String(i === 1 ? 1 : r.likelihood));
            await selects.nth(1).selectOption(String(i === 1 ? 1 : r.impact));
          }
          await grid.locator('.risk-check.off').waitFor();
          assert.equal(await page.getByText('先完成上面的练习').count(), 0, 'the reference answer is no longer held back');
        },
      },
    ],
  },
  {
    what: 'the action plan',
    steps: [
      {
        what: 'an action plan with a validation error',
        reach: async (page) => {
          await load(page, '#/chapter/summary');
          await chapterReady(page, 'summary');
          const form = planForm(page);
          await form.getByRole('button', { name: '添加到计划' }).click();
          await form.getByText('请填写行动内容。').waitFor();
        },
      },
      {
        what: 'an action plan item being edited',
        reach: async (page) => {
          await addPlanItem(page);
          const form = planForm(page);
          await form.locator('.plan-items').getByRole('checkbox').check();
          await form.getByRole('button', { name: /^修改：/ }).click();
          await form.getByRole('button', { name: '保存修改' }).waitFor();
        },
      },
      {
        what: 'an action plan with a removal to undo',
        reach: async (page) => {
          const form = planForm(page);
          await form.getByRole('button', { name: '取消' }).click();
          await form.getByRole('button', { name: /^删除：/ }).click();
          await form.getByRole('button', { name: '撤销删除' }).waitFor();
        },
      },
    ],
  },
  {
    what: 'a shared device',
    steps: [
      {
        what: 'the PIN prompt on switching to a learner with a PIN',
        reach: async (page) => {
          await named(page, '李明');
          const panel = page.getByRole('region', { name: '学员' });
          await panel.getByRole('button', { name: '设置 PIN' }).click();
          await panel.getByLabel('新 PIN（4–6 位数字）').fill('2580');
          await panel.getByLabel('再输入一次新 PIN').fill('2580');
          await panel.getByRole('button', { name: '保存 PIN' }).click();
          await panel.getByText('已设置 PIN。').waitFor();
          await panel.getByRole('button', { name: '添加新学员' }).click();
          await panel.getByLabel('姓名（必填）').fill('王芳');
          await panel.getByRole('button', { name: '添加新学员' }).click();
          await panel.getByText('当前学员：王芳').waitFor();
          await panel.getByRole('button', { name: '切换到 李明' }).click();
          await panel.getByLabel('输入“李明”的 PIN').waitFor();
        },
      },
    ],
  },
  {
    what: 'a phone',
    viewport: PHONE,
    steps: [
      {
        what: 'a chapter at 360 px with its sticky outline open mid-way',
        reach: async (page) => {
          await load(page, '#/chapter/risk-identification');
          await chapterReady(page, 'risk-identification');
          await page.evaluate(() => window.scrollTo({ top: document.body.scrollHeight / 2, behavior: 'instant' }));
          const nav = page.getByRole('navigation', { name: '本章目录' });
          await nav.getByRole('button', { name: '展开目录' }).click();
          await nav.getByRole('list').waitFor();
        },
      },
    ],
  },
];

for (const theme of THEMES) {
  test(`in the ${theme} theme every new state has no axe violation, marks its languages and reflows, in Chinese and in English`, async () => {
    const failures: string[] = [];
    for (const journey of JOURNEYS) {
      const b = await open({ viewport: journey.viewport });
      // the theme chosen in the settings, as #/settings stores it, there before the first paint
      await b.context.addInitScript((t: Theme) => {
        if (location.protocol.startsWith('http')) localStorage.setItem('zhixing:display', JSON.stringify({ theme: t })); // not on about:blank
      }, theme);
      for (const step of journey.steps) {
        const what = `${step.what}, ${theme}`;
        try {
          await step.reach(b.page);
        } catch (e) {
          failures.push(`${what}: not reached: ${(e as Error).message}`);
          break; // the next steps of this journey start from this one
        }
        assert.equal(await b.page.evaluate(() => document.documentElement.dataset.theme), theme, `${what}: the theme applies`);
        try {
          await auditBothLanguages(b.page, what);
        } catch (e) {
          failures.push((e as Error).message); // every state is audited before the test fails
        }
      }
    }
    assert.equal(failures.length, 0, failures.join('\n\n'));
  });
}

test('the home page’s learner panel, network status and offline states have no axe violation and reflow', async () => {
  const b = await open();
  const { page } = b;
  await load(page);
  await homeReady(page);
  // offline (below), the course comes from the service worker's cache
  await page.evaluate(() => navigator.serviceWorker.ready);
  if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) {
    await page.reload();
    await homeReady(page);
  }
  await page.waitForFunction(() => !!navigator.serviceWorker.controller);
  const panel = page.getByRole('region', { name: '学员' });

  await page.getByRole('button', { name: '保存', exact: true }).first().click(); // the name form, left empty
  await page.locator('#name-error', { hasText: '请填写姓名。' }).waitFor();
  await auditBothLanguages(page, 'the home page with the name form’s error');

  await panel.getByRole('button', { name: '修改我的信息' }).click();
  await panel.getByLabel('姓名（必填）').fill('');
  await panel.getByRole('button', { name: '保存' }).click();
  await panel.getByText('请填写姓名。').waitFor();
  await auditBothLanguages(page, 'the learner panel’s edit form with an error');
  await panel.getByRole('button', { name: '取消' }).click();

  await panel.getByRole('button', { name: '删除我的数据' }).click();
  await panel.locator('.confirm-box').waitFor();
  await auditBothLanguages(page, 'the learner panel asking to confirm a deletion');
  await panel.getByRole('button', { name: '取消' }).click();

  const status = page.locator('details.net-status');
  await status.locator('summary').click();
  await status.locator('p').waitFor();
  await auditBothLanguages(page, 'the network status explanation, online');

  await b.context.setOffline(true);
  try {
    await status.locator('summary').getByText('离线').waitFor();
    assert.equal(await status.evaluate((d: HTMLDetailsElement) => d.open), true);
    await auditBothLanguages(page, 'the network status explanation, offline');
    await status.locator('summary').click(); // closed again
    await auditBothLanguages(page, 'the home page offline');
    await page.goto(server.url + '#/chapter/intro');
    await chapterReady(page, 'intro');
    await auditBothLanguages(page, 'a chapter offline');
  } finally {
    await b.context.setOffline(false);
  }
});

test('the dark theme and the largest text are chosen in the settings, hold after a reload, and have no axe violation', async () => {
  const { page } = await open();
  await load(page, '#/settings');
  await page.locator('#storage-heading').waitFor();
  await page.getByRole('radio', { name: '深色' }).check();
  await page.getByRole('radio', { name: '特大' }).check();
  const root = () => page.evaluate(() => ({ theme: document.documentElement.dataset.theme, size: document.documentElement.dataset.textSize, font: getComputedStyle(document.documentElement).fontSize, bg: getComputedStyle(document.documentElement).backgroundColor }));
  assert.deepEqual(await root(), { theme: 'dark', size: 'larger', font: '21px', bg: 'rgb(17, 23, 21)' });
  await auditBothLanguages(page, 'the settings page, dark, largest text');
  await page.reload();
  await page.locator('#storage-heading').waitFor();
  assert.deepEqual(await root(), { theme: 'dark', size: 'larger', font: '21px', bg: 'rgb(17, 23, 21)' });
  assert.equal(await page.getByRole('radio', { name: '深色' }).isChecked(), true);
  for (const route of [ROUTES[0]!, ROUTES[1]!, ROUTES.find((r) => r.hash === '#/records')!, ROUTES.find((r) => r.hash === '#/assessment')!]) {
    await page.goto(server.url + route.hash);
    await route.ready(page);
    await auditBothLanguages(page, `${route.what}, dark, largest text`);
  }
  // following the system again: a dark system scheme gives the dark theme, a light one the light theme
  await page.goto(server.url + '#/settings');
  await page.getByRole('radio', { name: '跟随系统' }).check();
  await page.emulateMedia({ colorScheme: 'light' });
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
});

test('the storage fallback banners have no axe violation and reflow', async () => {
  const noIndexedDb = await open();
  await noIndexedDb.context.addInitScript(() => Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true }));
  const noStorage = await open();
  await noStorage.context.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('denied', 'SecurityError');
      },
    });
  });
  for (const [b, banner] of [
    [noIndexedDb, 'ls'],
    [noStorage, 'mem'],
  ] as const) {
    const { page } = b;
    await load(page);
    await homeReady(page);
    await page.locator(`[data-banner="${banner}"]`).waitFor();
    await auditBothLanguages(page, `the home page with the “${banner}” storage banner`);
    await page.goto(server.url + '#/chapter/intro/intro-quiz-section');
    await chapterReady(page, 'intro');
    await page.locator(`[data-banner="${banner}"]`).waitFor();
    await auditBothLanguages(page, `a chapter with the “${banner}” storage banner`);
  }
});

// ---------------------------------------------------------------------------------------------------------------
// focus, motion

/** The focused element draws an outline or a box shadow ('' when it does). */
const missingFocusIndicator = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'nothing has the focus';
    const s = getComputedStyle(el);
    const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
    return outline || s.boxShadow !== 'none' ? '' : `<${el.tagName.toLowerCase()}> ${(el.textContent ?? '').trim().slice(0, 40)} has no visible focus indicator`;
  });

/** Tab (or Shift+Tab) until `target` has the focus; every stop on the way shows a focus indicator. */
const tabTo = (page: Page, target: Locator) =>
  tabToTarget(page, target, { max: 200, eachStop: async () => assert.equal(await missingFocusIndicator(page), '') });

/** Waits until `target` has the focus (it moves there after a render). */
const focusMovesTo = (page: Page, target: Locator, what: string) => waitForFocus(page, target, what);

test('route changes focus the page heading and retitle the page; the skip link is the first Tab stop and shows its focus', async () => {
  const { page } = await open();
  await load(page);
  await homeReady(page);
  assert.equal(await page.title(), course.title);
  assert.equal(await describeFocus(page), 'nothing', 'the first page of a visit leaves the focus at the start');

  // the skip link: first Tab stop, visible when focused, and it moves the focus to the main content
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: '跳到正文' });
  assert.ok(await hasFocus(skip), `the skip link is the first Tab stop (the focus is on ${await describeFocus(page)})`);
  assert.equal(await missingFocusIndicator(page), '');
  const box = (await skip.boundingBox())!;
  assert.ok(box.y >= 0 && box.y + box.height <= DESKTOP.height, 'the focused skip link is on screen');
  await page.keyboard.press('Enter');
  await focusMovesTo(page, page.locator('#main'), 'the main content');
  await page.keyboard.press('Tab');
  assert.ok(await page.evaluate(() => !!document.activeElement?.closest('#main')), 'the next Tab stop is inside the main content');
  assert.equal(await missingFocusIndicator(page), '');

  // a route change by keyboard: the chapter's h1 takes the focus, the title follows
  const chapter = chapterOf('compliance-overview');
  await tabTo(page, page.locator(`.chapter-list a[href$="/chapter/${chapter.id}"]`));
  await page.keyboard.press('Enter');
  await focusMovesTo(page, page.getByRole('heading', { level: 1, name: chapter.title }), 'the chapter heading');
  assert.equal(await page.title(), `${chapter.title} · ${course.title}`);

  // next chapter by the pager
  const next = course.chapters[course.chapters.indexOf(chapter) + 1]!;
  await page.getByRole('link', { name: /^下一章/ }).click();
  await focusMovesTo(page, page.getByRole('heading', { level: 1, name: next.title }), 'the next chapter’s heading');
  assert.equal(await page.title(), `${next.title} · ${course.title}`);
  assert.equal(await page.evaluate(() => window.scrollY), 0, 'the new page starts at its top');

  // an unknown address, then home by its link
  await page.evaluate(() => void (location.hash = '#/no/such/page'));
  await focusMovesTo(page, page.getByRole('heading', { level: 1, name: '页面不存在' }), 'the not-found heading');
  assert.equal(await page.title(), `页面不存在 · ${course.title}`);
  await page.getByRole('link', { name: '返回课程首页' }).click();
  await focusMovesTo(page, page.getByRole('heading', { level: 1, name: course.title }), 'the home heading');
  assert.equal(await page.title(), course.title);

  // English titles too
  await switchLanguage(page);
  await page.evaluate(() => void (location.hash = '#/no/such/page'));
  await focusMovesTo(page, page.getByRole('heading', { level: 1, name: 'Page not found' }), 'the not-found heading');
  assert.equal(await page.title(), `Page not found · ${course.title}`);
  await switchLanguage(page);

  // a chapter opened directly: the skip link is again the first Tab stop
  await load(page, `#/chapter/${chapter.id}`);
  await chapterReady(page, chapter.id);
  assert.equal(await page.title(), `${chapter.title} · ${course.title}`);
  await page.keyboard.press('Tab');
  assert.ok(await hasFocus(skip), `the skip link is the first Tab stop on a chapter (the focus is on ${await describeFocus(page)})`);
  await page.keyboard.press('Enter');
  await focusMovesTo(page, page.locator('#main'), 'the main content');
});

test('with reduced motion nothing moves: no transition, no animation, no smooth scrolling', async () => {
  const b = await open();
  const { page } = b;
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const moving = () =>
    page.evaluate(() => {
      const found: string[] = [];
      for (const el of [document.documentElement, ...Array.from(document.body.querySelectorAll('*'))]) {
        for (const pseudo of [null, '::before', '::after']) {
          const s = getComputedStyle(el, pseudo);
          const durations = `${s.transitionDuration},${s.animationDuration}`.split(',').map((d) => parseFloat(d) || 0);
          const animated = s.animationName !== 'none' && s.animationName !== '';
          if (durations.some((d) => d > 0) || animated || s.scrollBehavior === 'smooth')
            found.push(`<${el.tagName.toLowerCase()} class="${el.getAttribute('class') ?? ''}">${pseudo ?? ''} transition ${s.transitionDuration} animation ${s.animationName} scroll ${s.scrollBehavior}`);
        }
      }
      const running = document.getAnimations().length;
      return running ? [...found, `${running} running animation(s)`] : found;
    });

  await load(page);
  await homeReady(page);
  assert.deepEqual(await moving(), [], 'the home page');
  await page.locator('details.net-status summary').click();
  await page.locator('.chapter-list a').first().hover();
  assert.deepEqual(await moving(), [], 'the home page, network status open, a link hovered');

  await page.goto(server.url + '#/chapter/compliance-overview/p1-trends');
  await chapterReady(page, 'compliance-overview');
  const scenario = interactive('compliance-overview').scenarios[0]!;
  await page.getByRole('region', { name: scenario.title }).getByRole('button', { name: bestPath(scenario)[0]!, exact: true }).click();
  await page.locator('.scenario-feedback .feedback-box').waitFor();
  assert.deepEqual(await moving(), [], 'a chapter with a scenario step taken');
  // the table of contents jumps, it does not glide
  const last = chapterOf('compliance-overview').sections.at(-1)!;
  await page.locator('.toc').getByRole('link', { name: last.title }).click();
  await focusMovesTo(page, page.locator(`#h-${last.id}`), 'the last section’s heading');
  const y = await page.evaluate(() => window.scrollY);
  assert.ok(y > 0);
  await frames(page);
  await frames(page);
  assert.equal(await page.evaluate(() => window.scrollY), y, 'the jump to a section is done at once');
});

// ---------------------------------------------------------------------------------------------------------------
// keyboard only

/** Waits for scrolling (smooth keyboard scrolling included) to come to rest. Page-side source: see progress.e2e.ts. */
const SETTLE = `new Promise((resolve) => {
  let last = -1, still = 0;
  const tick = () => {
    if (window.scrollY === last) still++; else { still = 0; last = window.scrollY; }
    if (still >= 4) resolve(undefined); else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})`;

/** Tabs into a radio group (every stop showing focus) and checks `answer` with Space and the arrow keys. */
const pickRadio = (page: Page, group: Locator, answer: string) => pickRadioWith(page, group, answer, tabTo);

/** Answers a question rightly with the keyboard only and submits it with Enter. */
async function answerByKeyboard(page: Page, q: Question): Promise<void> {
  const box = questionBox(page, q);
  if (q.type === 'single') await pickRadio(page, box, q.choices.find((c) => c.correct)!.text);
  else if (q.type === 'truefalse') await pickRadio(page, box, q.answer ? '正确' : '错误');
  else if (q.type === 'multiple') {
    for (const c of q.choices.filter((x) => x.correct)) {
      const tick = box.getByRole('checkbox', { name: c.text, exact: true });
      await tabTo(page, tick);
      await page.keyboard.press('Space');
      assert.ok(await tick.isChecked(), `「${c.text}」 is ticked`);
    }
  } else if (q.type === 'match') {
    for (const p of q.pairs) {
      const select = box.getByRole('combobox', { name: p.left, exact: true });
      await tabTo(page, select);
      const options = (await select.locator('option').allTextContents()).map((t) => t.trim());
      const want = options.indexOf(p.right);
      for (let i = 0; i < options.length; i++) {
        const at = await select.evaluate((s: HTMLSelectElement) => s.selectedIndex);
        if (at === want) break;
        await page.keyboard.press(at < want ? 'ArrowDown' : 'ArrowUp');
      }
      assert.equal(await select.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent), p.right);
    }
  } else {
    const texts = async () => (await box.locator('.order-text').allTextContents()).map((t) => t.trim());
    for (const [i, c] of q.choices.entries()) {
      let at = (await texts()).indexOf(c.text);
      if (at <= i) continue;
      await tabTo(page, box.getByRole('button', { name: `上移：${c.text}` }));
      for (; at > i; at--) await page.keyboard.press('Enter');
    }
  }
  await tabTo(page, box.getByRole('button', { name: '提交答案' }));
  await page.keyboard.press('Enter');
  await box.locator('.feedback .verdict.correct').waitFor();
}

test('with the keyboard only, a learner opens a chapter, reads every section, passes its quiz, walks its scenario and goes on', async () => {
  const { page } = await open();
  const chapter = chapterOf('compliance-overview');
  const next = course.chapters[course.chapters.indexOf(chapter) + 1]!;
  const quiz = interactive(chapter.id).quizzes.find((q) => q.id === 'p1-quiz')!;
  const scenario = interactive(chapter.id).scenarios.find((s) => s.id === 'p1-scn-partner-list')!;
  // a section counts as read after its reading time on screen: the browser clock lets the test read at that pace
  await page.clock.install();
  await load(page);
  await homeReady(page);

  // home → the chapter
  await tabTo(page, page.locator(`.chapter-list a[href$="/chapter/${chapter.id}"]`));
  await page.keyboard.press('Enter');
  await focusMovesTo(page, page.getByRole('heading', { level: 1, name: chapter.title }), 'the chapter heading');
  await chapterReady(page, chapter.id);

  // the table of contents → the first section; then read on with the keyboard to the end of the chapter
  const toc = page.getByRole('navigation', { name: '本章目录' });
  const first = chapter.sections[0]!;
  await tabTo(page, toc.getByRole('link', { name: first.title }));
  await page.keyboard.press('Enter');
  await focusMovesTo(page, page.locator(`#h-${first.id}`), 'the first section’s heading');
  await page.evaluate(SETTLE);
  const keys = ['PageDown', 'Space', 'PageDown'];
  for (let i = 0; ; i++) {
    const bottom = await page.evaluate(() => window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2);
    if (bottom) break;
    assert.ok(i < 400, 'the keyboard reaches the end of the chapter');
    await page.clock.runFor(40_000); // the screenful is read before the next key
    await page.keyboard.press(keys[i % keys.length]!);
    await page.evaluate(SETTLE);
  }
  await page.keyboard.press('End');
  await page.evaluate(SETTLE);
  await page.clock.runFor(60_000);
  const total = chapter.sections.length;
  await toc.getByText(`已读 ${total}/${total} 节`).waitFor({ timeout: 10_000 });
  assert.equal(await toc.locator('.seen-mark').count(), total, 'every section is marked read in the table of contents');

  // the quiz, reached by the table of contents
  const quizSection = chapter.sections.find((s) => s.id === 'p1-quiz-section')!;
  await tabTo(page, toc.getByRole('link', { name: quizSection.title }));
  await page.keyboard.press('Enter');
  await focusMovesTo(page, page.locator(`#h-${quizSection.id}`), 'the quiz section’s heading');
  for (const q of quiz.questions) await answerByKeyboard(page, q);
  await page.locator('.quiz-result').getByText(/^通过！得分 100%/).waitFor();

  // the scenario, reached by the table of contents, walked to its best outcome
  const section = chapter.sections.find((s) => s.id === 'p1-trends')!;
  await tabTo(page, toc.getByRole('link', { name: section.title }));
  await page.keyboard.press('Enter');
  await focusMovesTo(page, page.locator(`#h-${section.id}`), 'the scenario section’s heading');
  const region = page.getByRole('region', { name: scenario.title });
  const path = bestPath(scenario);
  for (const [n, text] of path.entries()) {
    await tabTo(page, region.getByRole('button', { name: text, exact: true }));
    await page.keyboard.press(n % 2 ? 'Space' : 'Enter');
    const heading = n < path.length - 1 ? region.getByRole('heading', { name: `第 ${n + 2} 个决策` }) : region.locator('.scenario-outcome h4');
    await focusMovesTo(page, heading, n < path.length - 1 ? `decision ${n + 2}` : 'the outcome');
  }
  assert.match(await region.locator('.scenario-outcome h4').innerText(), /妥善/);

  // on to the next chapter with the pager, then home by the brand link
  await tabTo(page, page.getByRole('link', { name: /^下一章/ }));
  await page.keyboard.press('Enter');
  await focusMovesTo(page, page.getByRole('heading', { level: 1, name: next.title }), 'the next chapter’s heading');
  await tabTo(page, page.locator('a.brand'));
  await page.keyboard.press('Enter');
  await focusMovesTo(page, page.getByRole('heading', { level: 1, name: course.title }), 'the home heading');
  const card = page.locator('.chapter-card').filter({ has: page.locator(`a[href$="/chapter/${chapter.id}"]`) });
  assert.equal((await card.locator('.badge').innerText()).trim(), '已完成');
});
