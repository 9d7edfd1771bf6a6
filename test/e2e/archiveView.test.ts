/**
 * Tier "archive-view": the Cables view and the timeline as a person uses them in VS Code (code-server,
 * the packaged .vsix, headless Chromium), on the synthetic archive of test/lsp/archiveFixture.ts written
 * to a temporary folder: the view groups the cables by year and by TAG with counts, filters them, opens a
 * cable on a click; the timeline draws bars, shows a month's counts on hover, and a click on a month
 * filters the view; in the high-contrast themes, dark and light, every text of the timeline and of the
 * view (and the level icons) reads at 4.5:1 or better by the computed styles. Screenshots go to
 * test-results/; those of passing checks are copied to images/screenshots/ for the README.
 */
import { describe, it, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { REPO, RESULTS, launchBrowser, missingPrerequisite, startCodeServer, type Browser, type CodeServer } from './codeServer.ts';
import { writeArchive } from '../lsp/archiveFixture.ts';
import { describeLow, setColorTheme, textContrast } from './contrast.ts';

const VSIX = join(REPO, 'dist', 'cable-language.vsix');
const SCREENSHOTS = join(REPO, 'images', 'screenshots');
const missing = missingPrerequisite() ?? (existsSync(VSIX) ? undefined : 'no dist/cable-language.vsix (npm run package)');

const SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.colorTheme': 'Default Dark Modern',
  'workbench.tips.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'git.enabled': false,
  'editor.minimap.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.commandCenter.enabled': false,
};

/** The workbench renders some spaces as U+00A0, and counts carry a narrow space. */
const norm = (s: string | null): string => (s ?? '').replace(/[\u00a0\u202f]/g, ' ');

async function runCommand(page: Page, title: string, exact = false): Promise<void> {
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`>${title}`);
  const rows = page.locator('.quick-input-list .monaco-list-row', { hasText: title });
  const row = exact ? page.locator(`.quick-input-list .monaco-list-row[aria-label^="${title}"]`) : rows;
  await row.first().waitFor();
  await row.first().click();
}

/** The Cables view's side bar. */
function sideBar(page: Page): Locator {
  return page.locator('.part.sidebar');
}

function row(page: Page, text: string | RegExp): Locator {
  return sideBar(page).locator('.monaco-list-row', { hasText: text }).first();
}

/** The label and count of every row the view shows. */
async function rows(page: Page): Promise<string> {
  return norm((await sideBar(page).locator('.monaco-list-row').allTextContents()).join(' | '));
}

/** What a page function sees of the page (the test compiles without the DOM library). */
interface PageWindow {
  getComputedStyle(e: unknown): { fill: string };
}
const fillOf = (e: unknown): string => (globalThis as unknown as PageWindow).getComputedStyle(e).fill;

function timelineFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
}

describe('archive view and timeline in code-server', { skip: process.env.CI ? false : missing, timeout: 300_000 }, () => {
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  let page: Page;
  const folder = mkdtempSync(join(tmpdir(), 'cable-ui-archive-view-'));
  writeArchive(folder);

  async function shot(name: string, check: () => Promise<void>, readme?: string): Promise<void> {
    mkdirSync(RESULTS, { recursive: true });
    const file = join(RESULTS, `archive-view-${name}.png`);
    try {
      await check();
    } finally {
      await page.screenshot({ path: file, animations: 'disabled' }).catch(() => undefined);
    }
    if (readme) {
      mkdirSync(SCREENSHOTS, { recursive: true });
      copyFileSync(file, join(SCREENSHOTS, readme));
    }
  }

  before(async () => {
    assert.equal(missing, undefined, missing);
    server = await startCodeServer({ settings: SETTINGS, vsix: VSIX });
    browser = await launchBrowser();
    page = browser.page;
    await page.goto(`${server.origin}/?folder=${encodeURIComponent(folder)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('groups the folder by year, with counts, and a year opens into months', async () => {
    await shot('years', async () => {
      await page.locator('.activitybar .action-item a[aria-label^="Cables"]').click();
      await row(page, /^2009/).waitFor({ timeout: 60_000 });
      // Indexing may still be under way: the view refreshes itself until all six are counted.
      await row(page, /^2009\s*5$/).waitFor({ timeout: 30_000 });
      assert.match(await rows(page), /2008\s*1 \| 2009\s*5/);
      await row(page, /^2009/).click();
      await row(page, 'August 2009').waitFor({ timeout: 20_000 });
      assert.match(await rows(page), /June 2009\s*1 \| July 2009\s*2 \| August 2009\s*2/);
    });
  });

  it('groups by TAG and filters with the query language; a click opens the cable', async () => {
    await shot(
      'tags',
      async () => {
        await runCommand(page, 'Cable: Group by TAG');
        await row(page, /^PTER — Terrorists and Terrorism\s*3$/).waitFor({ timeout: 20_000 });
        assert.match(await rows(page), /FR — France\s*4/);
        await runCommand(page, 'Cable: Filter Cables');
        const input = page.locator('.quick-input-widget input');
        await input.waitFor();
        await input.fill('@PARIS');
        await page.keyboard.press('Enter');
        await row(page, /^PTER — Terrorists and Terrorism\s*1$/).waitFor({ timeout: 20_000 });
        assert.match(await rows(page), /ECON — Economic Conditions\s*1 \| FR — France\s*3 \| PREL — Political Affairs--External Political Relations\s*2 \| PTER — Terrorists and Terrorism\s*1/);
        assert.match(norm(await sideBar(page).textContent()), /@PARIS/, 'the filter is shown');
        await row(page, /^PTER/).click();
        await row(page, '09PARIS100').waitFor({ timeout: 20_000 });
        assert.match(norm(await row(page, '09PARIS100').textContent()), /FRANCE ON TERRORIST FINANCE DESIGNATIONS/);
        await row(page, '09PARIS100').click();
        await page.locator('.tabs-container .tab', { hasText: '09PARIS100.cable' }).waitFor({ timeout: 20_000 });
      },
      'archive-view-dark.png',
    );
  });

  it('draws the timeline, shows a month on hover, and a click on a month filters the view', async () => {
    await shot(
      'timeline',
      async () => {
        await runCommand(page, 'Cable: Show Timeline');
        const frame = timelineFrame(page);
        await frame.locator('.bar').first().waitFor({ timeout: 30_000 });
        assert.match(norm(await frame.locator('.title').textContent()), /^3 cables per month, July 2008 – July 2009/);
        assert.match(norm(await frame.locator('.subtitle').textContent()), /Filter: @PARIS/);
        assert.equal(await frame.locator('.month[data-month="2009-06"] .bar.level-C').count(), 1);
        assert.equal(await frame.locator('.month[data-month="2009-07"] .bar.level-S').count(), 1);
        assert.match(norm(await frame.locator('.legend').textContent()), /SECRET 1.*CONFIDENTIAL 1.*UNCLASSIFIED 1/);
        await frame.locator('.month[data-month="2009-06"] .hit').hover();
        await frame.locator('.tip:not([hidden])').waitFor({ timeout: 5_000 });
        assert.equal(norm(await frame.locator('.tip').textContent()), 'June 2009: 1 cable — CONFIDENTIAL 1');
        await frame.locator('.month[data-month="2009-06"] .hit').click();
        await row(page, /^PREL — Political Affairs--External Political Relations\s*1$/).waitFor({ timeout: 20_000 });
        assert.doesNotMatch(await rows(page), /PTER|ECON/);
        assert.match(norm(await sideBar(page).textContent()), /@PARIS 2009-06/);
        await frame.locator('.month.chosen[data-month="2009-06"]').waitFor({ timeout: 10_000 });
      },
      'timeline-dark.png',
    );
  });

  it('reads well in a light theme', async () => {
    await runCommand(page, 'Cable: Filter Cables');
    await page.locator('.quick-input-widget input').fill('');
    await page.keyboard.press('Enter');
    await runCommand(page, 'Preferences: Color Theme', true);
    await page.locator('.quick-input-widget input').fill('Light Modern');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Light Modern' }).first().waitFor();
    await page.keyboard.press('Enter');
    await shot(
      'light',
      async () => {
        await runCommand(page, 'Cable: Group by Year and Month');
        await row(page, /^2009\s*5$/).waitFor({ timeout: 20_000 });
        // A year and a month opened: the cables' icons in their levels' colours.
        if ((await row(page, /^2009/).getAttribute('aria-expanded')) !== 'true') await row(page, /^2009/).click();
        await row(page, /^July 2009/).click();
        await row(page, '09STATE5000').waitFor({ timeout: 20_000 });
        await row(page, /^August 2009/).click();
        await row(page, '09ROME300').waitFor({ timeout: 20_000 });
        await page.mouse.move(700, 700);
        const frame = timelineFrame(page);
        await frame.locator('.title', { hasText: /^6 cables per month/ }).waitFor({ timeout: 20_000 });
        const fill = await frame.locator('.bar.level-C').first().evaluate(fillOf);
        assert.equal(fill, 'rgb(0, 51, 160)', 'CONFIDENTIAL blue of the light theme');
      },
      'archive-light.png',
    );
  });

  for (const [theme, kind] of [
    ['Default High Contrast', 'vscode-high-contrast'],
    ['Default High Contrast Light', 'vscode-high-contrast-light'],
  ] as const) {
    it(`the timeline and the Cables view read at 4.5:1 or better in ${theme}`, async () => {
      await shot(kind, async () => {
        await setColorTheme(page, theme);
        await page.mouse.move(700, 700);
        const frame = timelineFrame(page);
        await frame.locator(`body.${kind} .title`, { hasText: /^6 cables per month/ }).waitFor({ timeout: 20_000 });
        const timeline = await textContrast(frame);
        assert.ok(timeline.measured > 5, `only ${timeline.measured} texts of the timeline measured`);
        assert.deepEqual(timeline.low, [], describeLow(`the timeline in ${theme}`, timeline));
        // The view's rows: labels, counts, subjects, and the level icons drawn in the contributed colours.
        await row(page, '09STATE5000').waitFor({ timeout: 20_000 });
        const view = await textContrast(page, '.part.sidebar .monaco-list', '.monaco-list-row .codicon');
        process.stdout.write(`# ${theme}: ${timeline.measured} texts of the timeline, ${view.measured} of the Cables view measured\n`);
        assert.ok(view.measured > 10, `only ${view.measured} texts of the view measured`);
        assert.deepEqual(view.low, [], describeLow(`the Cables view in ${theme}`, view));
      });
    });
  }
});
