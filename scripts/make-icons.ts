/**
 * Renders the app icons (PNG, the sizes browsers ask for) from public/favicon.svg with Chromium.
 * Run after changing the mark: `tsx scripts/make-icons.ts`; the PNGs are committed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, ROOT } from '../tests/e2e/harness.ts';

const svg = readFileSync(join(ROOT, 'public/favicon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
try {
  for (const { size, maskable } of [
    { size: 192, maskable: false },
    { size: 512, maskable: false },
    { size: 512, maskable: true },
    { size: 180, maskable: false },
  ]) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    // maskable icons keep the mark inside the 80% safe zone on a full-bleed background
    const inner = maskable ? Math.round(size * 0.7) : size;
    await page.setContent(
      `<html><body style="margin:0;background:${maskable ? '#0f5c4d' : 'transparent'};display:grid;place-items:center;width:${size}px;height:${size}px">` +
        svg.replace('<svg ', `<svg width="${inner}" height="${inner}" `) +
        '</body></html>',
    );
    const name = size === 180 ? 'apple-touch-icon.png' : `icon-${size}${maskable ? '-maskable' : ''}.png`;
    await page.screenshot({ path: join(ROOT, 'public/icons', name), omitBackground: !maskable });
    await page.close();
  }
} finally {
  await browser.close();
}
