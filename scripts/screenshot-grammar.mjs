// Renders the seed cable with the real grammar (shiki, which runs VS Code's TextMate engine) in the
// Dark+ and Light+ themes and screenshots the pages with headless Chromium, for the README:
// images/screenshots/grammar-{dark,light}.png. The seed is CONFIDENTIAL throughout, so a second,
// synthetic sample shows every classification level: grammar-levels-{dark,light}.png.
// `node scripts/screenshot-grammar.mjs`.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHighlighter } from 'shiki';
import { chromium } from 'playwright-core';

const root = new URL('..', import.meta.url).pathname;
const grammar = JSON.parse(readFileSync(join(root, 'syntaxes/cable.tmLanguage.json'), 'utf8'));
const seed = readFileSync(join(root, 'test/fixtures/seed/09BRUSSELS995.cable'), 'utf8').replace(/^\n+/, '').trimEnd();
const levels = [
  'ZNR UUUUU ZZH',
  'ZNY CCCCC ZZH',
  'ZNY SSSSS ZZH',
  'ZNY TTTTT ZZH',
  '',
  'UNCLAS SENSITIVE ERUDITE 000101',
  'LIMITED OFFICIAL USE ERUDITE 000102',
  'C O N F I D E N T I A L ERUDITE 000103',
  'S E C R E T SECTION 01 OF 02 ERUDITE 000104',
  'T O P S E C R E T ERUDITE 000105',
  '',
  '¶1. (U) An unclassified paragraph.',
  '¶2. (SBU) A sensitive but unclassified paragraph.',
  '¶3. (C) A confidential paragraph.',
  '¶4. (S//NF) A secret paragraph, not releasable to foreign nationals.',
  '¶5. (TS) A top secret paragraph.',
].join('\n');
const samples = { '': seed, '-levels': levels };
const outDir = join(root, 'images/screenshots');
mkdirSync(outDir, { recursive: true });

const themes = { dark: 'dark-plus', light: 'light-plus' };
const highlighter = await createHighlighter({ themes: Object.values(themes), langs: [{ ...grammar, name: 'cable' }] });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  for (const [kind, theme] of Object.entries(themes)) for (const [suffix, text] of Object.entries(samples)) {
    const code = highlighter.codeToHtml(text, { lang: 'cable', theme });
    const html = `<!doctype html><meta charset="utf-8"><style>
      body { margin: 0; }
      pre.shiki { margin: 0; padding: 18px 22px; font: 14px/1.45 'DejaVu Sans Mono', 'Liberation Mono', monospace;
                  white-space: pre-wrap; word-break: break-word; }
      pre.shiki code { counter-reset: line; }
      pre.shiki .line::before { counter-increment: line; content: counter(line); display: inline-block; width: 2.2em;
                  margin-right: 1.2em; text-align: right; opacity: .45; }
    </style>${code}`;
    const page = await browser.newPage({ viewport: { width: suffix ? 700 : 1100, height: 600 }, deviceScaleFactor: 1 });
    await page.setContent(html);
    const file = join(outDir, `grammar${suffix}-${kind}.png`);
    await (await page.$('pre.shiki')).screenshot({ path: file });
    await page.close();
    process.stdout.write(`wrote ${file}\n`);
  }
} finally {
  await browser.close();
}
