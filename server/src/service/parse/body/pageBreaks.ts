/**
 * Page furniture in the text: the banner repeated at page and section breaks (`CONFIDENTIAL`, a full
 * banner line), printout page headers (`PAGE 02 …`), and section markers (`TEL AVIV 00001234  002 OF 004`,
 * found by the whole-text scan). None of them is part of a paragraph.
 */
import { Case, Char, isDigit, isLetter, isUpper } from '../chars.ts';
import { rng } from '../range.ts';
import type { Line } from '../source.ts';
import { MAX_HEADER_LINE, type ParseState } from '../state.ts';
import { opensBanner, readRepeatedBanner } from '../banner.ts';
import { prefixEnd } from './index.ts';
import { LineMark } from '../scan.ts';

export const PAGE_LINE_I = /^PAGE +\d{2}\b/i;

/** A repeated banner (kept in the model) or a PAGE line (dropped): only lines up to MAX_HEADER_LINE. */
export function pageFurniture(state: ParseState, line: Line): boolean {
  const { start: f, end: e } = line;
  if (e - f > MAX_HEADER_LINE) return false;
  const src = state.source.text;
  const at = state.source.starts[line.index];
  const c0 = src.charCodeAt(at + f);
  // Repeated banners end in their serial; bare page-break classifications are short.
  if ((isDigit(src.charCodeAt(at + e - 1)) || e - f <= 40) && opensBanner(c0, e - f > 1 ? src.charCodeAt(at + f + 1) : Char.EndOfText)) {
    const banner = readRepeatedBanner(line.text, line.index, f, e);
    if (banner) {
      state.doc.repeatedBanners.push(banner);
      return true;
    }
  }
  return (c0 | Case.Bit) === Char.p && PAGE_LINE_I.test(line.text.slice(f, prefixEnd(line)));
}

/**
 * The section marker whose digits start at column `at` of line i (`m` is SECTION_MARKER_Y's match there),
 * with the post name before it.
 */
export function sectionMarker(state: ParseState, i: number, at: number, m: RegExpExecArray): void {
  const s = state.source.line(i);
  // The post name before the 8-digit serial: 1–3 upper-case words (`TEL AVIV`), or in mixed-case
  // copies one capitalised word (`Riyadh`), so running text before a glued marker is not taken in.
  let a = at;
  while (a > 0 && s.charCodeAt(a - 1) === Char.Space) a--;
  let b = a;
  let w = a;
  while (w > 0 && isLetter(s.charCodeAt(w - 1))) w--;
  const nearest = s.slice(w, a);
  if (nearest && nearest === nearest.toUpperCase()) {
    let words = 0;
    b = a;
    while (words < 3 && b > 0) {
      let x = b;
      while (x > 0 && (isUpper(s.charCodeAt(x - 1)) || s.charCodeAt(x - 1) === Char.Dot || s.charCodeAt(x - 1) === Char.Apostrophe)) x--;
      if (x === b) break;
      words++;
      b = x;
      if (x > 1 && s.charCodeAt(x - 1) === Char.Space && isUpper(s.charCodeAt(x - 2))) {
        b = x - 1;
        continue;
      }
      break;
    }
  } else if (nearest && isUpper(nearest.charCodeAt(0)) && nearest.slice(1) === nearest.slice(1).toLowerCase()) {
    b = w;
  }
  // A marker on a line of its own takes the whole post name, whatever its case (`Kuala lump`).
  const f0 = state.source.first[i];
  if (f0 < b && /^[a-z][a-z .']{0,29}$/i.test(s.slice(f0, a))) b = f0;
  while (s.charCodeAt(b) === Char.Space) b++;
  if (b >= a) return;
  const end = at + m[0].length;
  state.doc.sectionMarkers.push({ text: s.slice(b, end), range: rng(i, b, end), section: Number(m[1]), of: Number(m[2]) });
  if (f0 === b && state.source.end[i] === end) state.hits.marks[i] |= LineMark.WholeMarker;
}
