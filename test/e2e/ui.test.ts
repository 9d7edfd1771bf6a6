/**
 * Tier "UI": what a person sees. The packaged .vsix (not the source folder) is installed into code-server
 * with --install-extension, files are opened in headless Chromium, and the rendered workbench must show:
 * an ordinary .txt file left alone with no language server started; colours, the outline, a hover and a
 * problem in the seed cable; a cable saved as .txt opened as a Diplomatic Cable, with the reading defaults
 * (long lines wrapped, no ambiguous-character boxes, no bracket colours, suggestions only where the server
 * completes); a rule code in the Problems panel opening the rule's page; the extension's icons and the
 * README's pictures on its details page. Screenshots go to test-results/; those of passing checks are
 * copied to images/screenshots/ for the README.
 */
import { describe, it, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
const EXTENSION_ID = 'cable-tools.cable-language';
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
  // code-server saves after a delay by default; the checks type into fixtures and must not change them.
  'files.autoSave': 'off',
  'editor.minimap.enabled': false,
  // No editor.wordWrap, bracket-pair or suggestion settings: the extension's defaults for cables are checked.
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

/** Command lines (Linux /proc) that contain every one of `needles`. */
function processesWith(...needles: string[]): string[] {
  const out: string[] = [];
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
      if (needles.every((n) => cmd.includes(n))) out.push(cmd);
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

/** Polls every frame of the page (webviews nest theirs) until `probe`, evaluated in one, returns a truthy value. */
async function inSomeFrame<T>(page: Page, probe: string, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const f of page.frames()) {
      const v = (await f.evaluate(probe).catch(() => undefined)) as T | undefined;
      if (v) return v;
    }
    assert.ok(Date.now() < deadline, `no frame where ${what} within ${timeoutMs} ms`);
    await page.waitForTimeout(250);
  }
}

/** Moves the cursor to the end of 1-based line `line`. */
async function goToLineEnd(page: Page, line: number): Promise<void> {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`:${line}`);
  await page.keyboard.press('Enter');
  await page.keyboard.press('End');
}

/** The language mode shown in the status bar. */
async function languageMode(page: Page, expect: string): Promise<void> {
  await page.locator('.statusbar-item[id="status.editor.mode"]', { hasText: expect }).first().waitFor({ timeout: 15_000 });
}

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

  const plainFolder = mkdtempSync(join(tmpdir(), 'cable-plain-'));

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
    // A folder that holds cables starts the server for its Problems and index, so the first check (plain
    // text starts no server) opens a folder of plain text only; it then opens the fixtures folder.
    copyFileSync(join(FIXTURES, 'e2e', 'notes.txt'), join(plainFolder, 'notes.txt'));
    await page.goto(`${server.origin}/?folder=${encodeURIComponent(plainFolder)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(plainFolder, { recursive: true, force: true });
  });

  it('leaves an ordinary .txt file as Plain Text and starts no language server for it', async () => {
    try {
      await plainTextCheck();
    } finally {
      await page.goto(`${server!.origin}/?folder=${encodeURIComponent(FIXTURES)}`);
      await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    }
  });

  async function plainTextCheck(): Promise<void> {
    await shot('plain-text', async () => {
      await quickOpen(page, 'notes.txt', 'Notes from the reading room');
      await languageMode(page, 'Plain Text');
      console.log(`ambiguous-character boxes in plain text: ${await page.locator('.part.editor .unicode-highlight').count()}`);
      // The extension activates for plain text: VS Code lists it with its activation time.
      await runCommand(page, 'Developer: Show Running Extensions');
      const row = page.locator('.runtime-extensions-editor .monaco-list-row', { hasText: 'Diplomatic Cables' }).first();
      await row.waitFor({ timeout: 15_000 });
      const activation = /(?<!\d)(\d+)\s*ms/.exec(norm(await row.textContent()));
      assert.ok(activation, `no activation time in: ${norm(await row.textContent())}`);
      console.log(`activation for a plain-text file: ${activation[1]} ms (VS Code's Running Extensions view)`);
      assert.deepEqual(processesWith(join(server!.extensionsDir, `${EXTENSION_ID}-`), 'dist/server.js'), [], 'a language server started for plain text');
      await page.keyboard.press('Control+W');
    });
  }

  it('renders the seed cable in at least five token colours', async () => {
    await shot('colours', async () => {
      await quickOpen(page, '09BRUSSELS995.cable', 'VZCZCXYZ0015');
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

  it('opens the rule page from the rule code in the Problems panel', async () => {
    await shot(
      'rule-page',
      async () => {
        const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'JLY' }).first();
        await row.locator('a.monaco-link', { hasText: 'dtg-malformed' }).first().click();
        await page.locator('.tabs-container .tab', { hasText: 'dtg-malformed.md' }).first().waitFor({ timeout: 20_000 });
        const heading = await inSomeFrame<string>(
          page,
          `(() => { const t = document.body ? document.body.innerText : ''; return t.includes('What it checks') && t.includes('Configure') ? t.slice(0, 200) : ''; })()`,
          'the Markdown preview shows the page of dtg-malformed',
        );
        assert.match(heading, /dtg-malformed/);
      },
      'rule-page.png',
    );
  });

  it('opens a cable saved as .txt as a Diplomatic Cable, read with the reading defaults', async () => {
    const text = readFileSync(join(FIXTURES, 'e2e', 'plain-text-cable.txt'), 'utf8').split('\n');
    const lineOf = (prefix: string): number => text.findIndex((l) => l.startsWith(prefix)) + 1;
    await shot(
      'plain-text-cable',
      async () => {
        await page.keyboard.press('Escape');
        // The whole editor area for it: no panel, no other editors.
        await runCommand(page, 'View: Close All Editors');
        await runCommand(page, 'View: Hide Panel');
        await quickOpen(page, 'plain-text-cable.txt', 'VZCZCXYZ0230');
        await languageMode(page, 'Diplomatic Cable');
        // Long lines wrap: paragraph 2, one line in the file, starts and ends on different rows.
        const first = page.locator('.part.editor .view-line', { hasText: 'Ministry' }).first();
        await first.waitFor();
        assert.doesNotMatch(norm(await first.textContent()), /autumn/, 'the long line is not wrapped');
        await page.locator('.part.editor .view-line', { hasText: 'autumn' }).first().waitFor();
        // Curly apostrophes are shown as they are, with no ambiguous-character box around them.
        assert.match(norm(await first.textContent()), /Ministry’s/);
        assert.equal(await page.locator('.part.editor .unicode-highlight').count(), 0, 'ambiguous-character boxes');
        // Markings keep the colour of their level: no bracket-pair colours.
        assert.equal(await page.locator('.part.editor [class*="bracket-highlighting-"]').count(), 0, 'bracket-pair colours');
      },
      'plain-text-cable.png',
    );
    await shot(
      'suggestions',
      async () => {
        // Writing prose: no word suggestions pop up.
        await goToLineEnd(page, lineOf('3. (SBU)'));
        await page.keyboard.type(' Then th', { delay: 40 });
        await page.waitForTimeout(1_500);
        assert.equal(await page.locator('.suggest-widget.visible').count(), 0, 'suggestions popped up in prose');
        // On the TAGS line the server completes, after the separator it triggers on.
        await goToLineEnd(page, lineOf('TAGS:'));
        await page.keyboard.type(', PG', { delay: 40 });
        await page.locator('.suggest-widget.visible .monaco-list-row', { hasText: 'PGOV' }).first().waitFor({ timeout: 15_000 });
      },
      'suggestions.png',
    );
    await page.keyboard.press('Escape');
    await runCommand(page, 'File: Revert File');
    assert.equal(readFileSync(join(FIXTURES, 'e2e', 'plain-text-cable.txt'), 'utf8'), text.join('\n'), 'the fixture was changed on disk');
  });

  it("shows the extension's icon, the .cable file icon, and the README's pictures on the details page", async () => {
    await shot(
      'details',
      async () => {
        // The language icon: the tab of the .txt cable, now a Diplomatic Cable, carries it.
        const iconOf = `(() => {
          const tab = Array.from(document.querySelectorAll('.tabs-container .tab')).find((t) => (t.textContent || '').includes('plain-text-cable.txt'));
          const label = tab && tab.querySelector('.monaco-icon-label');
          return label ? getComputedStyle(label, '::before').backgroundImage : 'no tab';
        })()`;
        const background = String(await page.evaluate(iconOf));
        assert.match(background, /url\(/, `no file icon on the cable's tab (background ${background})`);

        await page.keyboard.press('Control+Shift+X');
        const search = page.locator('.extensions-viewlet .monaco-editor textarea, .extensions-viewlet .suggest-input-container textarea').first();
        await search.waitFor();
        await search.focus();
        await page.keyboard.type('@installed diplomatic');
        await page.locator('.extension-list-item', { hasText: 'Diplomatic Cables' }).first().click();
        const icon = page.locator('.extension-editor .header .icon').first();
        await icon.waitFor({ timeout: 15_000 });
        await page.waitForFunction(`(() => { const i = document.querySelector('.extension-editor .header .icon'); return i && i.naturalWidth >= 128; })()`, undefined, { timeout: 15_000 });
        const shown = await inSomeFrame<number>(
          page,
          `(() => { const imgs = Array.from(document.querySelectorAll('img')).filter((i) => i.src.startsWith('data:image/png') && i.naturalWidth > 0); return imgs.length >= 3 ? imgs.length : 0; })()`,
          "the README's pictures are shown on the details page",
        );
        assert.ok(shown >= 3);
      },
      'details.png',
    );
  });
});
