/**
 * Tier "archive": a folder of cables as a person opens it in VS Code (code-server, the packaged .vsix,
 * headless Chromium). The folder is the synthetic archive of test/lsp/archiveFixture.ts, written to a
 * temporary directory: the Problems panel lists the cables nobody opened; Find All References on a
 * banner lists the cables that cite it; Go to Symbol in Workspace finds cables by TAG. Screenshots go to
 * test-results/; those of passing checks are copied to images/screenshots/ for the README.
 */
import { describe, it, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { REPO, RESULTS, launchBrowser, missingPrerequisite, startCodeServer, type Browser, type CodeServer } from './codeServer.ts';
import { writeArchive } from '../lsp/archiveFixture.ts';

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
};

/** The editor renders spaces as U+00A0. */
const norm = (s: string | null): string => (s ?? '').replace(/\u00a0/g, ' ');

async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
}

describe('archive: a folder of cables in code-server', { skip: process.env.CI ? false : missing, timeout: 240_000 }, () => {
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  let page: Page;
  const folder = mkdtempSync(join(tmpdir(), 'cable-ui-archive-'));
  const paths = writeArchive(folder);

  async function shot(name: string, check: () => Promise<void>, readme?: string): Promise<void> {
    mkdirSync(RESULTS, { recursive: true });
    const file = join(RESULTS, `archive-${name}.png`);
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

  it('lists the problems of cables nobody opened', async () => {
    await shot(
      'problems',
      async () => {
        await runCommand(page, 'Focus on Problems View');
        const rows = page.locator('.markers-panel .monaco-list-row');
        await rows.filter({ hasText: 'JLY' }).first().waitFor({ timeout: 60_000 });
        await rows.filter({ hasText: 'POGOV' }).first().waitFor({ timeout: 20_000 });
        const text = norm((await rows.allTextContents()).join(' | '));
        assert.match(text, /08PARIS50\.cable/);
        assert.match(text, /09ROME300\.cable/);
        assert.match(text, /dtg-malformed/);
        assert.match(text, /tags-unknown/);
        assert.equal(await page.locator('.tabs-container .tab').count(), 0, 'no editor was opened');
      },
      'problems-folder.png',
    );
  });

  it('lists the cables citing a cable with Find All References on its banner', async () => {
    await shot(
      'references',
      async () => {
        await page.keyboard.press('Control+P');
        const input = page.locator('.quick-input-widget input');
        await input.waitFor();
        await input.fill('09STATE5000.cable');
        await page.locator('.quick-input-list .monaco-list-row', { hasText: '09STATE5000.cable' }).first().waitFor();
        await page.keyboard.press('Enter');
        await page.locator('.part.editor .view-lines', { hasText: 'UNCLAS STATE' }).waitFor();
        const banner = readFileSync(paths['09STATE5000']!, 'utf8').split('\n').findIndex((l) => l.startsWith('UNCLAS STATE'));
        await page.keyboard.press('Control+G');
        await page.locator('.quick-input-widget input').fill(`:${banner + 1}:3`);
        await page.keyboard.press('Enter');
        await runCommand(page, 'Find All References');
        // The References view: the cable itself (VS Code asks with the declaration) and the two that cite it.
        const view = page.locator('.pane-body', { hasText: /results? in \d+ files?/ }).first();
        await view.waitFor({ timeout: 30_000 });
        for (const name of ['09PARIS100.cable', '09LONDON200.cable']) {
          const row = view.locator('.monaco-list-row', { hasText: name }).first();
          if ((await row.getAttribute('aria-expanded')) === 'false') await row.click();
        }
        await view.locator('.monaco-list-row', { hasText: 'STATE 5000' }).nth(1).waitFor({ timeout: 10_000 });
        const rows = norm((await view.locator('.monaco-list-row').allTextContents()).join(' | '));
        assert.match(rows, /09PARIS100\.cable.*STATE 5000/);
        assert.match(rows, /09LONDON200\.cable.*STATE 5000/);
        assert.match(norm(await view.textContent()), /3 results in 3 files/);
      },
      'references.png',
    );
  });

  it('finds cables by TAG with Go to Symbol in Workspace', async () => {
    await shot(
      'symbols',
      async () => {
        await page.keyboard.press('Escape');
        await page.keyboard.press('Control+T');
        const input = page.locator('.quick-input-widget input');
        await input.waitFor();
        await input.fill('##PTER');
        const rows = page.locator('.quick-input-list .monaco-list-row');
        await rows.filter({ hasText: '09LONDON200' }).first().waitFor({ timeout: 20_000 });
        // The picker first lists the answer to the empty query (every cable): wait for the answer to
        // `#PTER` to replace it, as a person would, before judging what is listed.
        const listed = async (): Promise<string> => norm((await rows.allTextContents()).join(' | '));
        for (let waited = 0; waited < 20_000 && /09PARIS99|09ROME300|08PARIS50/.test(await listed()); waited += 250) await page.waitForTimeout(250);
        const text = await listed();
        assert.match(text, /09PARIS100: FRANCE ON TERRORIST FINANCE DESIGNATIONS/);
        assert.match(text, /09STATE5000/);
        assert.doesNotMatch(text, /09PARIS99|09ROME300|08PARIS50/);
        assert.match(text, /2009-07-20 · SECRET\/\/NOFORN · @PARIS/);
      },
      'symbols-tag.png',
    );
  });
});
