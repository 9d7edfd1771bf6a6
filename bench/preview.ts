/**
 * One update of the cable preview for a 100 KB cable, as the extension does it after an edit, part by
 * part. Target: at most 100 ms of extension work in all.
 *  - server: the view model built from the document model (the model itself is parsed once per version
 *    for diagnostics too, so it is reported beside the total, not in it), then serialised for the LSP
 *    response (JSON.stringify);
 *  - extension host: the response parsed and serialised again for the webview (JSON.parse +
 *    JSON.stringify, what the LSP client and webview.postMessage each do);
 *  - webview (headless Chromium with the preview's stylesheet and script): the message parsed, the page
 *    laid out anew (render + replaceChildren), the line index for scroll sync built, and the layout
 *    forced, as the first scroll-sync measure forces it.
 * The webview row needs Chromium (CHROMIUM_PATH, else /usr/bin/chromium) and is skipped without it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import type { Engine } from './engine.ts';
import { syntheticCable } from './diagnostics.ts';

export const PREVIEW_TARGET_MS = 100;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export interface PreviewServerFigures {
  bytes: number;
  jsonChars: number;
  nodes: number;
  parseMs: number;
  buildMs: number;
  serialiseMs: number;
  hostMs: number;
  json: string;
}

/** Medians over `runs` one-character edits, each a fresh document model, after five warm-up edits. */
export function benchPreviewServer(engine: Engine, bytes = 100 * 1024, runs = 30): PreviewServerFigures {
  const dict = engine.Dictionary.default();
  const text = syntheticCable(bytes);
  const parse: number[] = [];
  const build: number[] = [];
  const serialise: number[] = [];
  const host: number[] = [];
  let json = '';
  let nodes = 0;
  for (let i = 0; i < runs + 5; i++) {
    // An edit in the subject, so every run previews a new version.
    const edited = text.replace('TIMING', i % 2 ? 'TIMINGS' : 'TIMING');
    const t0 = performance.now();
    const file = engine.parseDocument(edited);
    const t1 = performance.now();
    const doc = engine.previewDocument(file, dict, { uri: 'file:///bench.cable', version: i });
    const t2 = performance.now();
    json = JSON.stringify(doc);
    const t3 = performance.now();
    JSON.stringify(JSON.parse(json));
    const t4 = performance.now();
    if (i < 5) continue;
    parse.push(t1 - t0);
    build.push(t2 - t1);
    serialise.push(t3 - t2);
    host.push(t4 - t3);
    nodes = doc.cables[0]!.body.length;
  }
  return { bytes: text.length, jsonChars: json.length, nodes, parseMs: median(parse), buildMs: median(build), serialiseMs: median(serialise), hostMs: median(host), json };
}

/** The webview's part in Chromium: median ms per update, or why it could not be measured. */
export async function benchPreviewRender(root: string, json: string, runs = 20): Promise<{ renderMs: number; maxMs: number } | { skipped: string }> {
  const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromiumPath)) return { skipped: `no Chromium at ${chromiumPath}` };
  // The page's own render and scroll-sync index, bundled as dist/preview/preview.js is, without the
  // messaging (which needs VS Code's webview host).
  const bundle = buildSync({
    stdin: {
      contents: `import { render } from './render.ts';
import { LineMap } from './scrollSync.ts';
const root = document.getElementById('cable-preview');
const lines = new LineMap();
globalThis.previewUpdate = (json) => {
  const t0 = performance.now();
  const doc = JSON.parse(json);
  root.replaceChildren(render(doc));
  lines.index(root);
  // The first measure lays the page out (what the window shows; the rest waits, content-visibility).
  lines.offsetOf(doc.lineCount / 2);
  document.body.getBoundingClientRect();
  return performance.now() - t0;
};`,
      resolveDir: join(root, 'client', 'src', 'preview', 'webview'),
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  }).outputFiles[0]!.text;
  const css = readFileSync(join(root, 'client', 'src', 'preview', 'webview', 'preview.css'), 'utf8');
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: 700, height: 900 } });
    await page.setContent(`<!DOCTYPE html><html><head><style>${css}</style></head><body class="vscode-dark"><div id="cable-preview"></div></body></html>`);
    await page.addScriptTag({ content: bundle });
    const times: number[] = [];
    for (let i = 0; i < runs + 3; i++) {
      const ms = await page.evaluate((j) => (globalThis as unknown as { previewUpdate(j: string): number }).previewUpdate(j), json);
      if (i >= 3) times.push(ms);
    }
    return { renderMs: median(times), maxMs: Math.max(...times) };
  } finally {
    await browser.close();
  }
}
