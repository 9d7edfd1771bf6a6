/**
 * Tier "UI": what a person sees. The packaged .vsix (not the source folder) is installed into code-server
 * with --install-extension, the seed cable is opened in headless Chromium, and the rendered workbench must
 * show colours, the outline, a hover and a problem. Screenshots go to test-results/; those of passing checks
 * are copied to images/screenshots/ for the README.
 */
import { describe, it, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  FIXTURES,
  REPO,
  RESULTS,
  launchBrowser,
  missingPrerequisite,
  startCodeServer,
  type Browser,
  type CodeServer,
} from './codeServer.ts';

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
  'editor.wordWrap': 'on',
  // Bracket pair colours would count as token colours without any grammar; only the grammar may colour.
  'editor.bracketPairColorization.enabled': false,
  'editor.hover.delay': 200,
  'outline.collapseItems': 'alwaysExpand',
};

// Code evaluated in the page. Kept as source text: the project compiles against the WebWorker lib, whose
// globals clash with the DOM lib these snippets would need as functions.
const EDITOR_LINES = `document.querySelectorAll('.part.editor .editor-instance .view-lines .view-line')`;
/** Distinct colours of the rendered tokens of the visible editor. */
const TOKEN_COLOURS = `[...new Set(Array.from(${EDITOR_LINES}).flatMap((l) => Array.from(l.querySelectorAll('span span'), (s) => getComputedStyle(s).color)))]`;
/** Screen centre of `PREL` on the rendered TAGS line, or null. */
const CENTRE_OF_PREL = `(() => {
  for (const line of Array.from(${EDITOR_LINES})) {
    if (!(line.textContent || '').replace(/\u00a0/g, ' ').startsWith('TAGS:')) continue;
    const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = (n.textContent || '').indexOf('PREL');
      if (i < 0) continue;
      const r = document.createRange();
      r.setStart(n, i);
      r.setEnd(n, i + 4);
      const b = r.getBoundingClientRect();
      return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
    }
  }
  return null;
})()`;

/** The editor renders spaces as U+00A0. */
const norm = (s: string | null): string => (s ?? '').replace(/\u00a0/g, ' ');

async function quickOpen(page: Page, name: string, expectText: string): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.part.editor .editor-instance .monaco-editor .view-lines', { hasText: expectText }).waitFor();
}

async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
}

describe('UI: the packaged extension in code-server', { skip: process.env.CI ? false : missing, timeout: 240_000 }, () => {
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  let page: Page;

  /** Screenshot every check, pass or fail; passing ones become the README's pictures. */
  async function shot(name: string, check: () => Promise<void>, readme?: string): Promise<void> {
    mkdirSync(RESULTS, { recursive: true });
    const file = join(RESULTS, `ui-${name}.png`);
    try {
      await check();
    } finally {
      // Finite animations (the hover's fade-in) are run to their end, so the picture is what a person sees.
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
    const version = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')).version as string;
    assert.ok(
      readdirSync(server.extensionsDir).includes(`cable-tools.cable-language-${version}`),
      `the .vsix was not installed: ${readdirSync(server.extensionsDir).join(', ')}`,
    );
    browser = await launchBrowser();
    page = browser.page;
    await page.goto(`${server.origin}/?folder=${encodeURIComponent(FIXTURES)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await quickOpen(page, '09BRUSSELS995.cable', 'VZCZCXYZ0015');
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('renders the seed cable in at least five token colours', async () => {
    await shot('colours', async () => {
      // Tokenisation is asynchronous; wait for it rather than sleep, then report what was rendered.
      await page.waitForFunction(`${TOKEN_COLOURS}.length >= 5`, undefined, { timeout: 20_000 }).catch(() => undefined);
      const seen = (await page.evaluate(TOKEN_COLOURS)) as string[];
      assert.ok(seen.length >= 5, `only ${seen.length} token colours rendered: ${seen.join(', ')}`);
      await assert.doesNotReject(page.locator('.statusbar-item', { hasText: 'Diplomatic Cable' }).first().waitFor({ timeout: 5_000 }));
    });
  });

  it('lists the three numbered paragraphs in the Outline view', async () => {
    await shot(
      'outline',
      async () => {
        await runCommand(page, 'Focus on Outline View');
        // Give the outline the sidebar's height: collapse the file tree above it.
        const explorer = page.locator('.pane-header[aria-label^="Explorer Section"]');
        if ((await explorer.getAttribute('aria-expanded')) === 'true') await explorer.click();
        const rows = page.locator('.outline-pane .monaco-list-row');
        await rows.filter({ hasText: /3\.\s*\(C\)/ }).first().waitFor({ timeout: 20_000 });
        const names = (await rows.allTextContents()).map(norm);
        const paragraphs = names.map((n) => /^\s*(\d+)\.\s*\(C\)/.exec(n)?.[1]).filter((n) => n !== undefined);
        assert.deepEqual(paragraphs, ['1', '2', '3'], `outline rows: ${names.join(' | ')}`);
      },
      'outline.png',
    );
  });

  it('shows the title of PREL when hovering it', async () => {
    await shot(
      'hover',
      async () => {
        const at = (await page.evaluate(CENTRE_OF_PREL)) as { x: number; y: number } | null;
        assert.ok(at, 'PREL is not rendered on a TAGS line');
        await page.mouse.move(at.x - 30, at.y);
        await page.mouse.move(at.x, at.y, { steps: 5 });
        const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: 'External Political Relations' }).first();
        await hover.waitFor({ timeout: 15_000 });
        assert.match(norm(await hover.textContent()), /PREL/);
      },
      'hover.png',
    );
  });

  it('shows the malformed DTG in the Problems panel', async () => {
    await shot(
      'problems',
      async () => {
        await page.mouse.move(5, 5);
        await quickOpen(page, 'dtg-malformed.cable', 'VZCZCXYZ0042');
        await runCommand(page, 'Focus on Problems View');
        // The file's own row also reads "dtg-malformed" (its name); the marker row is the one naming JLY.
        const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'JLY' }).first();
        await row.waitFor({ timeout: 20_000 });
        // Rendered as "message  cable(dtg-malformed) [Ln 6, Col 11]"; the parentheses come from CSS.
        assert.match(norm(await row.textContent()), /dtg-malformed\s*\[Ln 6,/);
      },
      'problems.png',
    );
  });
});
