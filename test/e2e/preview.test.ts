/**
 * Tier "preview": the cable preview as a person uses it, in code-server with the packaged .vsix and
 * headless Chromium. A workspace folder is made for the run: the seed cable, the cable its REF cites,
 * and a long cable to scroll. Ctrl+K V opens the preview beside the seed; it must show the decoded
 * heading, a TAGS chip's title and a paragraph's marking badge in the level's colour, follow an edit
 * within a second, reveal a clicked paragraph's line, open the cited cable, and keep scroll in step
 * both ways; a file of three cables shows all three and scrolls from one to the next with the editor;
 * every text must read at 4.5:1 or better in the high-contrast themes, dark and light, by the computed
 * styles. Then the same preview in the web extension host. Screenshots, dark and light, go to the
 * README's pictures.
 */
import { describe, it, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { REPO, RESULTS, launchBrowser, missingPrerequisite, startCodeServer, type Browser, type CodeServer } from './codeServer.ts';
import { describeLow, setColorTheme, textContrast } from './contrast.ts';

const VSIX = join(REPO, 'dist', 'cable-language.vsix');
const SCREENSHOTS = join(REPO, 'images', 'screenshots');
const missing = missingPrerequisite() ?? (existsSync(VSIX) ? undefined : 'no dist/cable-language.vsix (npm run package)');
const EXTENSION_ID = 'cable-tools.cable-language';
const SEED = readFileSync(join(REPO, 'test', 'fixtures', 'seed', '09BRUSSELS995.cable'), 'utf8');

/** The editor and the preview beside it, without the side bar: what the README's pictures show. */
const README_CLIP = { x: 348, y: 0, width: 1052, height: 860 };

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
  'files.autoSave': 'off',
  'workbench.editor.enablePreview': false,
};

/** The cable the seed's `REF: STATE 71326` cites. */
const CITED = `UNCLAS STATE 071326

SIPDIS

E.O. 12958: N/A
TAGS: PREL, RS
SUBJECT: TALKING POINTS ON THE SUMMIT

1. (U) Posts may draw on the points below.

CLINTON
`;

/** A cable long enough to scroll: 150 numbered, marked paragraphs of two lines. */
function longCable(): string {
  const parts = ['C O N F I D E N T I A L PARIS 000123\n\nSIPDIS\n\nE.O. 12958: DECL: 07/14/2019\nTAGS: PREL, FR\nSUBJECT: A LONG CABLE TO SCROLL\n\n'];
  for (let n = 1; n <= 150; n++) parts.push(`${n}. (C) Paragraph ${n} of the long cable, which the preview and the editor\nscroll through together.\n\n`);
  parts.push('SAMPLE\n');
  return parts.join('');
}

/** A day's file of three cables one after another, each of 40 one-line paragraphs. */
const DAY_POSTS = ['PARIS', 'MADRID', 'ROME'];
function dayOfCables(): string {
  return DAY_POSTS.map((post, k) => {
    const head = [`VZCZCXRO400${k}`, 'RR RUEHWEB', `R 1${k}1200Z AUG 09`, `FM AMEMBASSY ${post}`, 'TO SECSTATE WASHDC', 'BT', `UNCLAS ${post} 00010${k}`, '', 'E.O. 12958: N/A', 'TAGS: PREL'];
    const paragraphs = Array.from({ length: 40 }, (_, n) => `${n + 1}. Paragraph ${n + 1} of the ${post} cable, one of three in the file.\n`);
    return [...head, `SUBJECT: THE ${post} CABLE OF THE DAY`, '', ...paragraphs, 'EXAMPLE', 'BT', 'NNNN', ''].join('\n');
  }).join('\n');
}

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cable-preview-ws-'));
  writeFileSync(join(dir, '09BRUSSELS995.cable'), SEED);
  writeFileSync(join(dir, '09STATE71326.cable'), CITED);
  writeFileSync(join(dir, 'long.cable'), longCable());
  writeFileSync(join(dir, 'day.cable'), dayOfCables());
  return dir;
}

// Functions evaluated in the page, written without the DOM library's names (the project compiles against
// the WebWorker library, whose globals clash with the DOM's); the types are erased before they run.
interface PageElement {
  getBoundingClientRect(): { top: number; bottom: number };
  querySelector(selector: string): PageElement | null;
  textContent: string | null;
  scrollIntoView(options?: { block: string }): void;
}
interface PageWindow {
  getComputedStyle(e: unknown): { backgroundColor: string };
  scrollTo(x: number, y: number): void;
}
const fillOf = (e: unknown): string => (globalThis as unknown as PageWindow).getComputedStyle(e).backgroundColor;
const scrollToTop = (): void => (globalThis as unknown as PageWindow).scrollTo(0, 0);
const scrollIntoView = (e: unknown): void => (e as PageElement).scrollIntoView({ block: 'start' });
/** The id of the first cable whose article shows below the top of the window. */
const firstShownCable = (articles: unknown[]): string => {
  const first = (articles as PageElement[]).find((a) => a.getBoundingClientRect().bottom > 40);
  return first?.querySelector('.cable-id')?.textContent ?? '';
};
/** The number of the first paragraph whose text shows below the classification bar. */
const firstShownParagraph = (paras: unknown[]): number => {
  const first = (paras as PageElement[]).find((p) => p.getBoundingClientRect().bottom > 30);
  return first ? Number((first.querySelector('.para-number')?.textContent ?? '').replace('.', '')) : 0;
};

const norm = (s: string | null): string => (s ?? '').replace(/\u00a0/g, ' ').replace(/\s+/g, ' ');

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
  await page.locator('.part.editor .editor-instance .monaco-editor .view-lines', { hasText: expectText }).first().waitFor();
}

/** The preview's page: VS Code nests a webview's content in an inner frame of its own frame. */
function previewFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
}

/** Puts the caret on a 1-based line of the active editor (Go to Line). */
async function goToLine(page: Page, line: number): Promise<void> {
  await quickInput(page, 'Control+G', `:${line}`);
}

/** The 1-based line the active editor's status bar shows the caret on. */
async function caretLine(page: Page): Promise<number> {
  const text = norm(await page.locator('.statusbar-item', { hasText: /Ln \d+/ }).first().textContent());
  return Number(/Ln (\d+)/.exec(text)?.[1]);
}

/** The lowest line number the editor of `name` shows. */
async function firstVisibleLine(page: Page): Promise<number> {
  const numbers = await page.locator('.part.editor .editor-instance .monaco-editor .margin-view-overlays .line-numbers').allTextContents();
  return Math.min(...numbers.map((n) => Number(n.trim())).filter((n) => n > 0));
}

async function openPreviewBeside(page: Page): Promise<FrameLocator> {
  // The editor has the focus after opening the file: the keybinding is Ctrl+K V.
  await page.locator('.part.editor .editor-instance .monaco-editor .view-lines').first().click({ position: { x: 200, y: 10 } });
  await page.keyboard.press('Control+K');
  await page.keyboard.press('v');
  const frame = previewFrame(page);
  await frame.locator('.cable-id').waitFor({ timeout: 30_000 });
  return frame;
}

describe('preview: the cable preview in code-server', { skip: process.env.CI ? false : missing, timeout: 300_000 }, () => {
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let frame: FrameLocator;
  let folder: string;

  async function shot(name: string, check: () => Promise<void>, readme?: string): Promise<void> {
    mkdirSync(RESULTS, { recursive: true });
    const file = join(RESULTS, `preview-${name}.png`);
    try {
      await check();
    } finally {
      await page.screenshot({ path: file, animations: 'disabled', clip: README_CLIP }).catch(() => undefined);
    }
    if (readme) {
      mkdirSync(SCREENSHOTS, { recursive: true });
      copyFileSync(file, join(SCREENSHOTS, readme));
    }
  }

  /** A picture of the preview scrolled to its TAGS, subject and first paragraphs, for the README. */
  async function bodyShot(readme: string): Promise<void> {
    // Let a scroll that follows the editor settle first, or it would move the page back.
    await new Promise((r) => setTimeout(r, 600));
    await frame.locator('.tags').evaluate(scrollIntoView);
    await frame.locator('.para').first().waitFor();
    await new Promise((r) => setTimeout(r, 300));
    const file = join(RESULTS, `preview-${readme}`);
    await page.screenshot({ path: file, animations: 'disabled', clip: README_CLIP });
    copyFileSync(file, join(SCREENSHOTS, readme));
    await frame.locator('.bar-top').evaluate(scrollToTop);
  }

  before(async () => {
    assert.equal(missing, undefined, missing);
    folder = workspace();
    server = await startCodeServer({ settings: SETTINGS, vsix: VSIX });
    browser = await launchBrowser();
    page = browser.page;
    await page.goto(`${server.origin}/?folder=${encodeURIComponent(folder)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await openFile(page, '09BRUSSELS995.cable', 'VZCZCXYZ0015');
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('offers the preview as an editor-title button and opens it beside the seed with Ctrl+K V', async () => {
    await shot(
      'dark',
      async () => {
        await page.locator('.editor-actions .action-label[aria-label^="Open Preview to the Side"]').first().waitFor({ timeout: 20_000 });
        frame = await openPreviewBeside(page);
        assert.equal(norm(await frame.locator('.cable-id').textContent()), '09BRUSSELS995');
        assert.equal(norm(await frame.locator('.bar-top').textContent()), 'CONFIDENTIAL');
        // The heading decoded: the station RUEHC names, the DTG in words, the precedence in words.
        const card = frame.locator('.card.heading');
        await card.locator('.item', { hasText: 'DEPT OF STATE WASHINGTON DC' }).waitFor();
        assert.match(norm(await card.textContent()), /Routine R/);
        assert.match(norm(await card.textContent()), /20 July 2009, 15:47 UTC/);
        assert.match(norm(await card.textContent()), /your time: /);
        // A TAGS chip and its title.
        const chip = frame.locator('.chip', { hasText: 'PREL' });
        assert.match(norm(await chip.textContent()), /Political Affairs--External Political Relations/);
        // A paragraph's marking badge, filled in the level's colour by the stylesheet.
        const badge = frame.locator('.para .badge.level-C').first();
        assert.equal(norm(await badge.textContent()), '(C)');
        const fill = await badge.evaluate(fillOf);
        assert.equal(fill, 'rgb(42, 91, 196)', 'CONFIDENTIAL blue of the dark theme');
        assert.match(norm(await frame.locator('.declassification').textContent()), /Declassify on 16 July 2019, 10 years after the cable/);
        // The preview is beside the editor, not in place of it.
        assert.ok(await page.locator('.part.editor .editor-instance .monaco-editor .view-lines', { hasText: 'VZCZCXYZ0015' }).first().isVisible());
      },
      'preview-dark.png',
    );
    await bodyShot('preview-dark-body.png');
  });

  it('follows an edit within a second', async () => {
    await shot('edit', async () => {
      const line = SEED.split('\n').findIndex((l) => l.startsWith('PRESIDENTIAL SUMMIT')) + 1;
      // The seed's editor is in the first group: Ctrl+1 gives it the focus.
      await page.keyboard.press('Control+1');
      await goToLine(page, line);
      await page.keyboard.press('End');
      await page.keyboard.type(' AND AFTER', { delay: 15 });
      const typed = Date.now();
      await frame.locator('.subject', { hasText: 'PRESIDENTIAL SUMMIT AND AFTER' }).waitFor({ timeout: 5_000 });
      const ms = Date.now() - typed;
      process.stdout.write(`# preview followed the edit in ${ms} ms\n`);
      assert.ok(ms <= 1000, `the preview took ${ms} ms to show the edit`);
      for (let i = 0; i < ' AND AFTER'.length; i++) await page.keyboard.press('Backspace');
      await frame.locator('.subject', { hasText: /SUMMIT$/ }).waitFor({ timeout: 5_000 });
    });
  });

  it('reveals a paragraph’s line in the editor when it is clicked', async () => {
    await shot('reveal', async () => {
      const line = SEED.split('\n').findIndex((l) => l.startsWith('3. (C)'));
      await frame.locator(`.para[data-line="${line}"] .line`).first().click();
      await page.waitForFunction(() => true);
      const deadline = Date.now() + 5_000;
      while ((await caretLine(page)) !== line + 1) {
        assert.ok(Date.now() < deadline, `the caret is on line ${await caretLine(page)}, not ${line + 1}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    });
  });

  it('opens the cited cable from its REF link, and the preview follows it', async () => {
    await shot('reference', async () => {
      const link = frame.locator('.references a.cable-link', { hasText: 'STATE 71326' });
      await link.waitFor({ timeout: 20_000 });
      await link.click();
      await page.locator('.tabs-container .tab.active', { hasText: '09STATE71326.cable' }).waitFor({ timeout: 10_000 });
      await frame.locator('.subject', { hasText: 'TALKING POINTS ON THE SUMMIT' }).waitFor({ timeout: 10_000 });
      assert.equal(norm(await frame.locator('.bar-top').textContent()), 'UNCLASSIFIED');
    });
  });

  it('keeps the preview and the editor scrolled together, both ways', async () => {
    await shot('scroll', async () => {
      await openFile(page, 'long.cable', 'A LONG CABLE TO SCROLL');
      await frame.locator('.subject', { hasText: 'A LONG CABLE TO SCROLL' }).waitFor({ timeout: 10_000 });
      // Editor → preview: Go to Line scrolls the editor; the preview's top shows that paragraph.
      await goToLine(page, 300);
      const topParagraph = () => frame.locator('.para').evaluateAll(firstShownParagraph);
      const editorTop = await firstVisibleLine(page);
      const expected = Math.floor((editorTop - 9) / 3) + 1;
      let shown = 0;
      for (const end = Date.now() + 5_000; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) {
        shown = await topParagraph();
        if (Math.abs(shown - expected) <= 2) break;
      }
      assert.ok(Math.abs(shown - expected) <= 2, `editor at line ${editorTop} (paragraph ${expected}), preview at paragraph ${shown}`);
      // Preview → editor: scroll the preview back up; the editor follows.
      const box = await page.locator('iframe.webview.ready').last().boundingBox();
      assert.ok(box, 'the preview is on screen');
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.wheel(0, -2500);
      let top = editorTop;
      for (const end = Date.now() + 5_000; Date.now() < end && top >= editorTop - 30; await new Promise((r) => setTimeout(r, 100))) {
        top = await firstVisibleLine(page);
      }
      assert.ok(top < editorTop - 30, `the editor stayed at line ${top} (was ${editorTop})`);
    });
  });

  it('shows every cable of a file of several, and scrolls from one to the next with the editor', async () => {
    await shot('several', async () => {
      await openFile(page, 'day.cable', 'VZCZCXRO4000');
      await frame.locator('.cable-id', { hasText: '09ROME102' }).waitFor({ timeout: 10_000 });
      assert.deepEqual((await frame.locator('.cable-id').allTextContents()).map(norm), ['09PARIS100', '09MADRID101', '09ROME102']);
      assert.deepEqual((await frame.locator('.bar-top').allTextContents()).map(norm), ['UNCLASSIFIED', 'UNCLASSIFIED', 'UNCLASSIFIED'], 'each cable its own bars');
      // The editor in the third cable: the preview shows the third cable at its top.
      const lines = dayOfCables().split('\n');
      const starts = DAY_POSTS.map((_, k) => lines.indexOf(`VZCZCXRO400${k}`));
      await goToLine(page, lines.indexOf('30. Paragraph 30 of the ROME cable, one of three in the file.') + 1);
      const editorTop = (await firstVisibleLine(page)) - 1;
      assert.equal(starts.filter((s) => s <= editorTop).length, 3, `the editor's top line ${editorTop} is in the third cable`);
      const expected = '09ROME102';
      let shown = '';
      for (const end = Date.now() + 5_000; Date.now() < end && shown !== expected; await new Promise((r) => setTimeout(r, 100))) {
        shown = norm(await frame.locator('article.cable').evaluateAll(firstShownCable));
      }
      assert.equal(shown, expected, `editor at line ${editorTop}`);
    });
  });

  it('reads well in a light theme', async () => {
    await shot(
      'light',
      async () => {
        await page.mouse.move(5, 5);
        await page.keyboard.press('F1');
        await page.locator('.quick-input-widget input').fill('>Preferences: Color Theme');
        // Not "Browse Color Themes in Marketplace", which needs the internet.
        await page.locator('.quick-input-list .monaco-list-row[aria-label^="Preferences: Color Theme"]').first().click();
        await page.locator('.quick-input-widget input').fill('Light Modern');
        await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Light Modern' }).first().waitFor();
        await page.keyboard.press('Enter');
        await page.locator('.tabs-container .tab', { hasText: '09BRUSSELS995.cable' }).first().click();
        await frame.locator('.cable-id', { hasText: '09BRUSSELS995' }).waitFor({ timeout: 10_000 });
        await frame.locator('.bar-top').evaluate(scrollToTop);
        const badge = frame.locator('.para .badge.level-C').first();
        const fill = await badge.evaluate(fillOf);
        assert.equal(fill, 'rgb(0, 51, 160)', 'CONFIDENTIAL blue of the light theme');
      },
      'preview-light.png',
    );
    await bodyShot('preview-light-body.png');
  });

  for (const [theme, kind] of [
    ['Default High Contrast', 'vscode-high-contrast'],
    ['Default High Contrast Light', 'vscode-high-contrast-light'],
  ] as const) {
    it(`every text reads at 4.5:1 or better in ${theme}`, async () => {
      await shot(kind, async () => {
        await setColorTheme(page, theme);
        await page.locator('.tabs-container .tab', { hasText: '09BRUSSELS995.cable' }).first().click();
        await frame.locator(`body.${kind} .cable-id`, { hasText: '09BRUSSELS995' }).waitFor({ timeout: 10_000 });
        await frame.locator('.bar-top').evaluate(scrollToTop);
        const report = await textContrast(frame);
        process.stdout.write(`# ${theme}: ${report.measured} texts of the preview measured\n`);
        assert.ok(report.measured > 50, `only ${report.measured} texts measured`);
        assert.deepEqual(report.low, [], describeLow(`the preview in ${theme}`, report));
      });
    });
  }
});

describe('preview: in the web extension host', { skip: process.env.CI ? false : missing, timeout: 240_000 }, () => {
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  let folder: string;

  before(async () => {
    folder = workspace();
    server = await startCodeServer({ settings: { ...SETTINGS, 'remote.extensionKind': { [EXTENSION_ID]: ['web'] } }, vsix: VSIX });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('opens the preview from the worker-hosted server and shows the decoded heading', async () => {
    const page = browser!.page;
    mkdirSync(RESULTS, { recursive: true });
    try {
      await page.goto(`${server!.origin}/?folder=${encodeURIComponent(folder)}`);
      await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
      await openFile(page, '09BRUSSELS995.cable', 'VZCZCXYZ0015');
      const frame = await openPreviewBeside(page);
      await frame.locator('.card.heading .item', { hasText: 'DEPT OF STATE WASHINGTON DC' }).waitFor({ timeout: 30_000 });
      assert.match(norm(await frame.locator('.chip', { hasText: 'PREL' }).textContent()), /External Political Relations/);
    } finally {
      await page.screenshot({ path: join(RESULTS, 'preview-web.png'), animations: 'disabled' }).catch(() => undefined);
    }
  });
});
