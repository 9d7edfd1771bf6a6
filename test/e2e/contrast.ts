/**
 * Contrast of the text a page shows, read from the rendered page's computed styles: every element that
 * holds text (an HTML element's `color`, an SVG text's `fill`) against the background it is drawn on (the
 * nearest backgrounds of its ancestors, composited as the browser paints them). The ratio is WCAG 2's;
 * 4.5:1 is its level AA for normal text. Elements that hide their text on purpose (transparent text,
 * withheld text drawn as a bar) or are not rendered are left out.
 *
 * Also the colour-theme switch the high-contrast passes use.
 */
import type { FrameLocator, Locator, Page } from 'playwright-core';

export const MIN_TEXT_CONTRAST = 4.5;

export interface LowContrast {
  text: string;
  /** The element's tag and classes. */
  element: string;
  color: string;
  background: string;
  ratio: number;
}

export interface ContrastReport {
  /** Elements whose text was measured. */
  measured: number;
  low: LowContrast[];
}

/**
 * Runs in the page (a function Playwright serialises: everything it uses is inside it, and it is written
 * without the DOM library's names, which the project does not compile against).
 */
function measureContrast(root: unknown, args: { min: number; glyphs: string }): ContrastReport {
  interface Style {
    color: string;
    fill: string;
    backgroundColor: string;
    visibility: string;
    display: string;
    opacity: string;
  }
  interface El {
    parentElement: El | null;
    querySelectorAll(selector: string): Iterable<El>;
    namespaceURI: string | null;
    tagName: string;
    classList: { value: string };
    getClientRects(): { length: number };
  }
  interface TextNode {
    textContent: string | null;
    parentElement: El | null;
  }
  const g = globalThis as unknown as {
    getComputedStyle(e: El): Style;
    document: { createTreeWalker(root: unknown, what: number): { nextNode(): TextNode | null } };
  };
  type Rgba = [number, number, number, number];
  const parse = (c: string): Rgba | undefined => {
    const m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(c.trim());
    if (!m) return undefined;
    const a = m[4] === undefined ? 1 : m[4].endsWith('%') ? Number(m[4].slice(0, -1)) / 100 : Number(m[4]);
    return [Number(m[1]), Number(m[2]), Number(m[3]), a];
  };
  // `top` painted over an opaque `bottom`.
  const over = (top: Rgba, bottom: Rgba): Rgba => [
    top[0] * top[3] + bottom[0] * (1 - top[3]),
    top[1] * top[3] + bottom[1] * (1 - top[3]),
    top[2] * top[3] + bottom[2] * (1 - top[3]),
    1,
  ];
  const luminance = (c: Rgba): number => {
    const [r, gr, b] = [c[0], c[1], c[2]].map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * gr! + 0.0722 * b!;
  };
  const ratio = (a: Rgba, b: Rgba): number => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi! + 0.05) / (lo! + 0.05);
  };
  const rgb = (c: Rgba): string => `rgb(${c.slice(0, 3).map(Math.round).join(', ')})`;
  // The backgrounds behind an element, from the nearest opaque one up (white below the page, as a browser paints).
  const backgroundOf = (el: El): Rgba => {
    const layers: Rgba[] = [];
    for (let e: El | null = el; e; e = e.parentElement) {
      const bg = parse(g.getComputedStyle(e).backgroundColor);
      if (bg && bg[3] > 0) {
        layers.push(bg);
        if (bg[3] >= 1) break;
      }
    }
    let out: Rgba = [255, 255, 255, 1];
    for (let i = layers.length - 1; i >= 0; i--) out = over(layers[i]!, out);
    return out;
  };
  const shown = (el: El): boolean => {
    if (el.getClientRects().length === 0) return false;
    for (let e: El | null = el; e; e = e.parentElement) {
      const s = g.getComputedStyle(e);
      if (s.visibility === 'hidden' || s.display === 'none' || Number(s.opacity) === 0) return false;
    }
    return true;
  };
  // The opacity an element is painted with: its own and its ancestors' (the text fades with them).
  const opacityOf = (el: El): number => {
    let o = 1;
    for (let e: El | null = el; e; e = e.parentElement) o *= Number(g.getComputedStyle(e).opacity);
    return o;
  };
  const seen = new Set<El>();
  const low: LowContrast[] = [];
  const measure = (el: El, text: string): void => {
    if (seen.has(el)) return;
    seen.add(el);
    if (['SCRIPT', 'STYLE', 'TITLE'].includes(el.tagName.toUpperCase()) || !shown(el)) return;
    const style = g.getComputedStyle(el);
    const svg = el.namespaceURI === 'http://www.w3.org/2000/svg';
    const colour = parse(svg ? style.fill : style.color);
    if (!colour || colour[3] === 0) return;
    const fg: Rgba = [colour[0], colour[1], colour[2], colour[3] * opacityOf(el)];
    const bg = backgroundOf(el);
    const r = ratio(over(fg, bg), bg);
    if (r < args.min) {
      low.push({ text: text.slice(0, 60), element: `${el.tagName.toLowerCase()}.${el.classList.value.split(' ').join('.')}`, color: rgb(over(fg, bg)), background: rgb(bg), ratio: Math.round(r * 100) / 100 });
    }
  };
  const SHOW_TEXT = 4;
  const walker = g.document.createTreeWalker(root, SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = (node.textContent ?? '').trim();
    if (node.parentElement && text) measure(node.parentElement, text);
  }
  // Glyphs drawn by a font's pseudo-element (icons) hold no text node: measured by their selector.
  if (args.glyphs) for (const el of (root as El).querySelectorAll(args.glyphs)) measure(el, `(icon ${el.classList.value})`);
  return { measured: seen.size, low };
}

/**
 * The contrast of every text an element of a frame (or of the page) shows; `glyphs` selects icons drawn
 * by a font, measured like text.
 */
export async function textContrast(where: FrameLocator | Page, selector = 'body', glyphs = ''): Promise<ContrastReport> {
  const root: Locator = where.locator(selector).first();
  // The test runner compiles with esbuild's keepNames, which wraps named inner functions in `__name(…)`:
  // the page needs it to run the function's text.
  await root.evaluate(() => {
    (globalThis as { __name?: unknown }).__name ??= (f: unknown) => f;
  });
  return root.evaluate(measureContrast, { min: MIN_TEXT_CONTRAST, glyphs });
}

/** A failure message listing the texts that read below the threshold. */
export function describeLow(what: string, report: ContrastReport): string {
  const lines = report.low.map((l) => `  ${l.ratio}:1 ${l.element} "${l.text}" ${l.color} on ${l.background}`);
  return `${what}: ${report.low.length} of ${report.measured} texts below ${MIN_TEXT_CONTRAST}:1\n${lines.join('\n')}`;
}

/** Switches VS Code's colour theme through Preferences: Color Theme (the themes built in). */
export async function setColorTheme(page: Page, theme: string): Promise<void> {
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').fill('>Preferences: Color Theme');
  // Not "Browse Color Themes in Marketplace", which needs the internet.
  await page.locator('.quick-input-list .monaco-list-row[aria-label^="Preferences: Color Theme"]').first().click();
  await page.locator('.quick-input-widget input').fill(theme);
  // VS Code 1.100 lists a built-in theme by a label of its own, its name after it (`Dark High Contrast,
  // Default High Contrast`): the row whose name is the theme, not one that only starts with it.
  const row = page.locator(`.quick-input-list .monaco-list-row[aria-label="${theme}"], .quick-input-list .monaco-list-row[aria-label$=", ${theme}"]`).first();
  await row.waitFor();
  await row.click();
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}
