/**
 * Source lines ↔ page offsets, from the `data-line` of the rendered elements: the editor's top line is
 * placed between the elements before and after it in proportion, and the page's top is read back the
 * same way (as Markdown's preview does).
 */

/** Elements that stand for a line and can be measured without laying out what the window does not show. */
const ANCHORS = '[data-line]:not(.para [data-line], .prose [data-line])';

interface Anchor {
  line: number;
  element: HTMLElement;
}

export class LineMap {
  /** One element per line, in line order (the first in the page where several start on a line). */
  private byLine: Anchor[] = [];

  index(root: ParentNode): void {
    const seen = new Map<number, Anchor>();
    // Paragraphs and prose are laid out only when near the window (content-visibility: auto), and
    // measuring an element inside one would lay it out: they are measured whole, their lines within them
    // placed in proportion.
    for (const element of Array.from(root.querySelectorAll<HTMLElement>(ANCHORS))) {
      const line = Number(element.dataset.line);
      if (!Number.isFinite(line) || seen.has(line)) continue;
      seen.set(line, { line, element });
    }
    this.byLine = [...seen.values()].sort((a, b) => a.line - b.line);
  }

  /** The page offset (document coordinates) at which source line `line` (fractions allowed) begins. */
  offsetOf(line: number): number | undefined {
    const list = this.byLine;
    if (!list.length) return undefined;
    let lo = 0;
    let hi = list.length - 1;
    // Above the first element that stands for a line: the top of the page (title and bar included).
    if (line <= list[0]!.line) return 0;
    // The last anchor at or before the line.
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (list[mid]!.line <= line) lo = mid;
      else hi = mid - 1;
    }
    const prev = list[lo]!;
    const next = list[lo + 1];
    const prevTop = top(prev.element);
    if (!next) return prevTop + Math.min(1, line - prev.line) * prev.element.getBoundingClientRect().height;
    const nextTop = top(next.element);
    return prevTop + ((line - prev.line) / (next.line - prev.line)) * Math.max(0, nextTop - prevTop);
  }

  /** The source line (fractional) at page offset `y`. */
  lineAt(y: number): number | undefined {
    // By position on the page, which is not always line order (the card lists the DTG before the DE line).
    const list = this.byLine.map((a) => ({ a, top: top(a.element) })).sort((p, q) => p.top - q.top);
    if (!list.length) return undefined;
    let k = 0;
    while (k + 1 < list.length && list[k + 1]!.top <= y) k++;
    const prev = list[k]!;
    // The next element further down that stands for a later line.
    let n = k + 1;
    while (n < list.length && list[n]!.a.line <= prev.a.line) n++;
    const next = list[n];
    if (!next || y <= prev.top || next.top <= prev.top) return prev.a.line;
    return prev.a.line + Math.min(1, (y - prev.top) / (next.top - prev.top)) * (next.a.line - prev.a.line);
  }
}

function top(e: HTMLElement): number {
  return e.getBoundingClientRect().top + window.scrollY;
}
