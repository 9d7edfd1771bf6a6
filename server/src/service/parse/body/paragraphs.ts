import { Char, isDigit } from '../chars.ts';
import { endNonSpaceAt } from '../../text.ts';
import type { ParseState } from '../state.ts';
import { settleImplicitBlocks } from './blocks.ts';

// ---------------------------------------------------------------------------------------------
// Body recognisers

export const PARA_RE = /^(?:¶ ?)?\d{1,3} ?\.(?![\d.])/;

/** Whether number `n` opens a paragraph; `after` is where its match ends in s, `tEnd` the prefix's end. */
export function acceptParagraph(state: ParseState, n: number, pilcrow: boolean, s: string, after: number, tEnd: number): boolean {
  if (n === 0) return false;
  const next = after < tEnd ? s.charCodeAt(after) : Char.EndOfText;
  if (!(next === Char.Space || next === Char.EndOfText || next === Char.OpenParen)) return false;
  const last = state.doc.paragraphs.length ? state.doc.paragraphs[state.doc.paragraphs.length - 1].number.value : 0;
  if (pilcrow) return true;
  if (n > last && n <= last + 3) return true;
  if (n === 1) return true;
  // A marking right after the number is strong evidence even out of sequence.
  return /^ *\((?:[UCS]|SBU|TS|[SC]\/\/?NF)\)/i.test(s.slice(after, tEnd));
}

export function closeParagraph(state: ParseState): void {
  const p = state.body.paragraph;
  if (!p) return;
  const last = state.body.paragraphLastLine;
  if (last >= p.range.start.line) {
    p.range = { start: p.range.start, end: { line: last, character: endNonSpaceAt(state.source.text, state.source.starts[last], state.source.lines[last].length) } };
  }
  settleImplicitBlocks(state, p.range);
  state.body.paragraph = undefined;
}

/**
 * Where PARA_RE's match (`12.`, `¶ 3 .`) ends in `src` when it matches at `at`, else -1. The text after
 * the line's end is its trailing blanks and a line end, which can neither extend the match nor fail its
 * look-ahead, so reading on past the line reads as the regex does on the line's prefix.
 */
export function paraNumberEnd(src: string, at: number): number {
  let q = at;
  if (src.charCodeAt(q) === Char.Pilcrow) {
    q++;
    if (src.charCodeAt(q) === Char.Space) q++;
  }
  const d = q;
  while (q - d < 4 && isDigit(src.charCodeAt(q))) q++;
  if (q === d || q - d > 3) return -1;
  if (src.charCodeAt(q) === Char.Space) q++;
  if (src.charCodeAt(q) !== Char.Dot) return -1;
  q++;
  const c = src.charCodeAt(q);
  return isDigit(c) || c === Char.Dot ? -1 : q;
}

export function leadOf(s: string, p: number, e: number): string {
  const max = 80;
  if (e - p <= max) return s.slice(p, e);
  const cut = s.lastIndexOf(' ', p + max);
  return `${s.slice(p, cut > p + 20 ? cut : p + max)}…`;
}
