import { Char, isLetter, isUpper } from '../chars.ts';
import { endNonSpace, firstNonSpace } from '../../text.ts';
import { rng } from '../range.ts';
import type { ParseState } from '../state.ts';

export const PAGE_LINE_I = /^PAGE +\d{2}\b/i;

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
  const f0 = firstNonSpace(s);
  if (f0 < b && /^[a-z][a-z .']{0,29}$/i.test(s.slice(f0, a))) b = f0;
  while (s.charCodeAt(b) === Char.Space) b++;
  if (b >= a) return;
  const end = at + m[0].length;
  state.doc.sectionMarkers.push({ text: s.slice(b, end), range: rng(i, b, end), section: Number(m[1]), of: Number(m[2]) });
  if (firstNonSpace(s) === b && endNonSpace(s) === end) state.hits.wholeMarkerLines[i] = true;
}
