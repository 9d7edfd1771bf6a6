/**
 * Portion markings: `(C)`, `(S//NF)`, `(SBU)`, and the damaged forms conversion left (`C)`, `(C`, `((C)`),
 * read where a paragraph, sub-paragraph or the subject may carry one.
 */
import type { PortionMarking } from '../model.ts';
import { bareLevelAt, parsePortionMarking, portionLevel, portionMarking } from '../classification.ts';
import { Char, codeAt, isLetter, isUpper } from './chars.ts';
import { rng } from './range.ts';
import type { ParseState } from './state.ts';
import type { Line } from './source.ts';

/** True when s[from, to) is one or more upper-case ASCII letters. */
export function isUpperRun(s: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!isUpper(s.charCodeAt(k))) return false;
  return to > from;
}

/** Reads a portion marking at column p of the line, before its end: `(C)`, `(S//NF)`, bare `C)`, unclosed `(C`. */
export function readMarking(state: ParseState, line: Line, p: number): { marking: PortionMarking; end: number } | undefined {
  const { index: i, text: s, end: e } = line;
  const limit = Math.min(e, p + 48);
  if (s.charCodeAt(p) === Char.OpenParen) {
    // The first `)` before the limit, sought on the flat text (source.ts), and no further.
    const base = state.source.starts[i];
    let close = -1;
    for (let k = base + p + 1; k < base + limit; k++) {
      if (state.source.text.charCodeAt(k) === Char.CloseParen) {
        close = k - base;
        break;
      }
    }
    if (close > p) {
      // The usual `(C)`, `(SBU)` are read in place; parsePortionMarking gives the same for them.
      const bare = bareLevelAt(s, p + 1, close);
      if (bare) {
        const pm = portionMarking(rng(i, p, close + 1), s.slice(p, close + 1), bare, []);
        if (codeAt(s, p - 1) === Char.OpenParen) pm.malformed = 'doubled';
        return { marking: pm, end: close + 1 };
      }
      if (!(close - p <= 4 && isUpperRun(s, p + 1, close)) && markingWords(s, p + 1, close) > 6) return undefined;
      const inner = s.slice(p + 1, close);
      const pm = parsePortionMarking(inner, s.slice(p, close + 1), rng(i, p, close + 1));
      if (!pm.level && !/^[A-Z/]{1,10}$/.test(inner.trim())) return undefined;
      if (codeAt(s, p - 1) === Char.OpenParen) pm.malformed ??= 'doubled';
      return { marking: pm, end: close + 1 };
    }
    // `(C` with the closing bracket lost.
    const m = /^\((TS|SBU|[SCU])(?= )/.exec(s.slice(p, limit));
    if (m) {
      const pm = parsePortionMarking(m[1], m[0], rng(i, p, p + m[0].length));
      pm.malformed = 'missing-close-paren';
      return { marking: pm, end: p + m[0].length };
    }
    return undefined;
  }
  // The marking below opens with one to three capitals and then `)` or `/`: most paragraphs' first
  // word fails that before the slice and the regex.
  let k = p;
  while (k < p + 4 && isUpper(codeAt(s, k))) k++;
  const after = codeAt(s, k);
  if (k === p || (after !== Char.CloseParen && after !== Char.Slash)) return undefined;
  const m = /^([A-Z]{1,3}(?:\/\/?[A-Z]{1,6})?)\)(?= )/.exec(s.slice(p, limit));
  if (m && portionLevel(m[1].split('/')[0])) {
    const pm = parsePortionMarking(m[1], m[0], rng(i, p, p + m[0].length));
    pm.malformed = 'missing-open-paren';
    return { marking: pm, end: p + m[0].length };
  }
  return undefined;
}

/**
 * How many blank-separated words s[from, to) holds (as trimming and splitting on blanks counts them: one
 * when there are none), or 7 when it is not 1 to 40 letters, slashes, dashes and blanks (`S/REL NATO`).
 */
export function markingWords(s: string, from: number, to: number): number {
  if (to - from < 1 || to - from > 40) return 7;
  let words = 0;
  let inWord = false;
  for (let k = from; k < to; k++) {
    const c = s.charCodeAt(k);
    if (c === Char.Space) {
      inWord = false;
      continue;
    }
    if (!isLetter(c) && c !== Char.Slash && c !== Char.Dash) return 7;
    if (!inWord) words++;
    inWord = true;
  }
  return words || 1;
}
