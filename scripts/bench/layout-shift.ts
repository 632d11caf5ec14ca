/**
 * Layout-shift attribution: which elements move while the home and chapter pages load, at Lighthouse's mobile and
 * desktop viewports. Lighthouse's own "layout-shifts" audit errors with this Chromium (its RootCauses gatherer), so
 * this is how a broken CLS budget gets a culprit. Unthrottled, so the values are lower than Lighthouse's; the budget
 * stays on the Lighthouse figures.
 */
import { browser, removeProfile } from '../../tests/e2e/harness.ts';
import type { Figure, ModuleResult } from './figures.ts';
import { PAGES } from './lighthouse.ts';
import { using, withTimeout } from './util.ts';

const VIEWPORTS = { mobile: { width: 412, height: 823 }, desktop: { width: 1350, height: 940 } } as const;

/** Plain JS (tsx-compiled functions are not safely serialisable): records every layout shift with its moved nodes. */
const OBSERVER = `(() => {
  window.__zxShifts = [];
  const describe = (n) => {
    if (!n || n.nodeType !== 1) return n ? n.nodeName.toLowerCase() : '(removed node)';
    const cls = typeof n.className === 'string' && n.className.trim() ? '.' + n.className.trim().split(/\\s+/).join('.') : '';
    return n.nodeName.toLowerCase() + (n.id ? '#' + n.id : '') + cls;
  };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.hadRecentInput) continue;
      window.__zxShifts.push({ at: e.startTime, value: e.value, sources: (e.sources || []).map((s) => ({ node: describe(s.node), fromY: s.previousRect.y, toY: s.currentRect.height ? s.currentRect.y : null })) });
    }
  }).observe({ type: 'layout-shift', buffered: true });
})()`;

interface Shift {
  at: number;
  value: number;
  sources: { node: string; fromY: number; toY: number | null }[];
}

export async function measureLayoutShift(url: string): Promise<ModuleResult> {
  const figures: Figure[] = [];
  const method: string[] = [
    'Each page loaded once per viewport (mobile 412×823, desktop 1350×940) in Chromium with a fresh profile, no throttling; a PerformanceObserver sums layout shifts over load + 1.5 s.',
  ];
  for (const [vp, size] of Object.entries(VIEWPORTS)) {
    for (const [page, hash] of Object.entries(PAGES)) {
      const shifts = await using(
        () => browser({ viewport: size }),
        async (b) => {
          await b.close();
          removeProfile(b.profile);
        },
        async (b) => {
          await b.page.addInitScript(OBSERVER);
          await withTimeout(b.page.goto(url + hash, { waitUntil: 'networkidle' }), 60_000, `load ${page}`);
          await b.page.waitForTimeout(1500);
          return (await b.page.evaluate('window.__zxShifts')) as Shift[];
        },
      );
      const cls = shifts.reduce((s, x) => s + x.value, 0);
      figures.push({ name: `layout-shift/${vp}/${page}/cls`, value: cls, unit: 'cls' });
      const worst = [...shifts].sort((a, b) => b.value - a.value).slice(0, 3);
      if (worst.length) {
        const text = worst.map(
          (s) => `${s.value.toFixed(3)} at ${Math.round(s.at)} ms: ${s.sources.map((x) => `${x.node} (y ${Math.round(x.fromY)} → ${x.toY === null ? 'out of view' : Math.round(x.toY)})`).join(', ')}`,
        );
        method.push(`${vp} ${page}: ${text.join('; ')}.`);
      }
    }
  }
  return { figures, method };
}
