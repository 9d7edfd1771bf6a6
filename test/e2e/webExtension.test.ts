/**
 * Tier "web": the packaged extension as a web extension. code-server is told to run it in the browser's
 * web worker extension host (`remote.extensionKind: web`), where vscode.dev and github.dev run it: the
 * web client (dist/web/client.js) starts the server bundle in a Web Worker, and no Node language server
 * may start. Checks the outline, a hover, a problem, and a definition in another file of the workspace,
 * which the worker can only find by asking the client to list and read files; a cable saved as .txt
 * opened as a Diplomatic Cable; and a rule code opening its page, read from the extension's files
 * through the workspace file system.
 */
import { describe, it, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { FIXTURES, REPO, RESULTS, launchBrowser, missingPrerequisite, startCodeServer, type Browser, type CodeServer } from './codeServer.ts';

const VSIX = join(REPO, 'dist', 'cable-language.vsix');
const missing = missingPrerequisite() ?? (existsSync(VSIX) ? undefined : 'no dist/cable-language.vsix (npm run package)');
const EXTENSION_ID = 'cable-tools.cable-language';

const SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'git.enabled': false,
  'editor.minimap.enabled': false,
  'editor.hover.delay': 200,
  'outline.collapseItems': 'alwaysExpand',
  // The extension has both `main` and `browser`; this makes code-server pick `browser`, as vscode.dev must.
  'remote.extensionKind': { [EXTENSION_ID]: ['web'] },
};

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

async function quickInput(page: Page, key: string, text: string, row?: string): Promise<void> {
  await page.keyboard.press(key);
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(text);
  if (row) await page.locator('.quick-input-list .monaco-list-row', { hasText: row }).first().waitFor();
  await page.keyboard.press('Enter');
}

async function openFile(page: Page, name: string, expectText: string): Promise<void> {
  await quickInput(page, 'Control+P', name, name);
  await page.locator('.part.editor .editor-instance .monaco-editor .view-lines', { hasText: expectText }).waitFor();
}

describe('web: the packaged extension in the web worker extension host', { skip: process.env.CI ? false : missing, timeout: 240_000 }, () => {
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  let page: Page;
  const consoleErrors: string[] = [];

  async function shot(name: string, check: () => Promise<void>): Promise<void> {
    mkdirSync(RESULTS, { recursive: true });
    try {
      await check();
    } finally {
      await page.screenshot({ path: join(RESULTS, `web-${name}.png`), animations: 'disabled' }).catch(() => undefined);
    }
  }

  before(async () => {
    assert.equal(missing, undefined, missing);
    server = await startCodeServer({ settings: SETTINGS, vsix: VSIX });
    browser = await launchBrowser();
    page = browser.page;
    page.on('console', (m) => {
      if (m.type() === 'error' && /cable/i.test(m.text())) consoleErrors.push(m.text());
    });
    await page.goto(`${server.origin}/?folder=${encodeURIComponent(FIXTURES)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await openFile(page, '09BRUSSELS995.cable', 'VZCZCXYZ0015');
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('lists the numbered paragraphs in the Outline view, served by the worker', async () => {
    await shot('outline', async () => {
      await quickInput(page, 'F1', '>Focus on Outline View', 'Focus on Outline View');
      // Give the outline the sidebar's height: collapse the file tree above it.
      const explorer = page.locator('.pane-header[aria-label^="Explorer Section"]');
      if ((await explorer.getAttribute('aria-expanded')) === 'true') await explorer.click();
      const rows = page.locator('.outline-pane .monaco-list-row');
      await rows.filter({ hasText: /3\.\s*\(C\)/ }).first().waitFor({ timeout: 30_000 });
      const names = (await rows.allTextContents()).map(norm);
      assert.ok(names.some((n) => /^\s*1\.\s*\(C\)/.test(n)), `outline rows: ${names.join(' | ')}`);
      // The answers came from the browser: no Node language server of this extension is running.
      assert.deepEqual(processesWith(join(server!.extensionsDir, `${EXTENSION_ID}-`), 'dist/server.js'), []);
      assert.deepEqual(consoleErrors, [], 'the web client reported no errors');
    });
  });

  it('shows the title of PREL when hovering it', async () => {
    await shot('hover', async () => {
      await page.locator('.part.editor .view-line', { hasText: 'TAGS:' }).first().waitFor();
      const prel = page.locator('.part.editor .view-line', { hasText: 'TAGS:' }).first().locator('span', { hasText: /^PREL$/ }).first();
      await prel.hover();
      const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: 'External Political Relations' }).first();
      await hover.waitFor({ timeout: 15_000 });
      assert.match(norm(await hover.textContent()), /PREL/);
    });
  });

  it('shows the malformed DTG in the Problems panel', async () => {
    await shot('problems', async () => {
      await page.mouse.move(5, 5);
      await openFile(page, 'dtg-malformed.cable', 'VZCZCXYZ0042');
      await quickInput(page, 'F1', '>Focus on Problems View', 'Focus on Problems View');
      const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'JLY' }).first();
      await row.waitFor({ timeout: 20_000 });
      assert.match(norm(await row.textContent()), /dtg-malformed/);
    });
  });

  it('goes to a referenced cable elsewhere in the workspace (files listed and read through the client)', async () => {
    await shot('definition', async () => {
      const text = readFileSync(join(FIXTURES, 'cables-features', '08OSLO123.cable'), 'utf8').split('\n');
      const line = text.findIndex((l) => l.includes('B. OSLO 97'));
      assert.ok(line >= 0, 'the fixture has its REF item');
      await openFile(page, '08OSLO123.cable', 'OSLO 97');
      // Go to Line's input starts with ':'; fill() replaces it, so it is typed again.
      await quickInput(page, 'Control+G', `:${line + 1}:${text[line]!.indexOf('OSLO 97') + 3}`);
      // The worker indexes the workspace in the background; retry until it knows 08OSLO97.
      const tab = page.locator('.tabs-container .tab.active', { hasText: '08OSLO97.cable' });
      const deadline = Date.now() + 30_000;
      for (;;) {
        await page.keyboard.press('F12');
        if (await tab.waitFor({ timeout: 2_000 }).then(() => true, () => false)) break;
        assert.ok(Date.now() < deadline, 'F12 on the REF item never opened 08OSLO97.cable');
      }
    });
  });

  it('restarts the worker on command and answers again', async () => {
    await shot('restart', async () => {
      await page.mouse.move(5, 5);
      await quickInput(page, 'F1', '>Cable: Restart Language Server', 'Restart Language Server');
      // Back to the seed by its tab (still open from the first check).
      await page.locator('.tabs-container .tab', { hasText: '09BRUSSELS995.cable' }).first().click();
      await page.locator('.part.editor .editor-instance .monaco-editor .view-lines', { hasText: 'VZCZCXYZ0015' }).waitFor();
      // Hover PARM this time: a hover left open from before would not prove the new worker answers.
      const line = page.locator('.part.editor .view-line', { hasText: 'TAGS:' }).first();
      const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: 'Arms Control and Disarmament' }).first();
      // A hover asked while the new worker is still starting gets no answer, and the editor does not ask
      // again: hover afresh (away, then back) until the new worker answers, as a person would.
      const deadline = Date.now() + 30_000;
      for (;;) {
        await line.locator('span', { hasText: /^PARM$/ }).first().hover();
        const shown = await hover.waitFor({ timeout: 3_000 }).then(() => true, () => false);
        if (shown) break;
        assert.ok(Date.now() < deadline, 'no hover from the restarted worker within 30 s');
        await page.mouse.move(5, 5);
      }
      assert.deepEqual(consoleErrors, [], 'the restart reported no errors');
    });
  });

  it('opens a cable saved as .txt as a Diplomatic Cable', async () => {
    await shot('plain-text-cable', async () => {
      await page.mouse.move(5, 5);
      await openFile(page, 'plain-text-cable.txt', 'VZCZCXYZ0230');
      await page.locator('.statusbar-item[id="status.editor.mode"]', { hasText: 'Diplomatic Cable' }).first().waitFor({ timeout: 15_000 });
      assert.deepEqual(consoleErrors, [], 'the web client reported no errors');
    });
  });

  it('opens the rule page from the rule code in the Problems panel', async () => {
    await shot('rule-page', async () => {
      // dtg-malformed.cable is still open from the Problems check above.
      await quickInput(page, 'F1', '>Focus on Problems View', 'Focus on Problems View');
      const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'JLY' }).first();
      await row.waitFor({ timeout: 20_000 });
      await row.locator('a.monaco-link', { hasText: 'dtg-malformed' }).first().click();
      await page.locator('.tabs-container .tab', { hasText: 'dtg-malformed.md' }).first().waitFor({ timeout: 20_000 });
      const deadline = Date.now() + 20_000;
      const probe = `(() => { const t = document.body ? document.body.innerText : ''; return t.includes('What it checks') && t.includes('Configure'); })()`;
      for (;;) {
        let found = false;
        for (const f of page.frames()) found ||= Boolean(await f.evaluate(probe).catch(() => false));
        if (found) break;
        assert.ok(Date.now() < deadline, 'the Markdown preview never showed the page of dtg-malformed');
        await page.waitForTimeout(250);
      }
      assert.deepEqual(consoleErrors, [], 'the web client reported no errors');
    });
  });
});
