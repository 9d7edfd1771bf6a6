import { Case, Char, isAlnum } from './chars.ts';
import { endNonSpace, normaliseText } from '../text.ts';
import { CableModel, lineAt } from './document.ts';
import type { ParseState } from './state.ts';
import { sectionMarker } from './body/pageBreaks.ts';

export const SECTION_MARKER_Y = /\d{8} {1,4}(\d{3})(?:\.\d)? {1,4}OF {1,4}(\d{3})(?!\d)/iy;

export const INLINE_COMMENT_Y = /COMMENT(?= ?[:.\-—])/iy;

export const WORD_NEEDLE_G = /E(?:ND|nd) |end |C(?:OMMENT|omment)|comment|[Oo][Ff] 0|E(?:ND|nd)[\n\r]|end[\n\r]/g;

// The blank-like characters of normaliseLine above U+00FF (the Latin-1 ones are found with indexOf),
// looked for only when the text holds any character above U+00FF at all (a test the engine answers
// at once for a one-byte string).
export const BLANKISH_HIGH = /[\u2000-\u200b\u202f\ufeff]/;

export const ABOVE_LATIN1 = /[^\0-\xff]/;

export const END_Y = /END +(?:OF +)?(SUMMARY|COMMENT|TEXT|QUOTE|INTRODUCTION|ACTION +REQUEST)\b/iy;

// `End` at a line's end and its word opening the next line; the word must close with punctuation or
// the line end, so prose that wraps after "the end" is not taken for a marker.
export const END_SPLIT_Y = /END(?: +OF)? *(?:\r\n|\r|\n) *(SUMMARY|COMMENT|TEXT|QUOTE|INTRODUCTION)(?= *(?:[\n\r.:)\-—]|$))/iy;

// ----- whole-line scans

/**
 * Whole-text scans, done once per document instead of once per line (the per-call cost dominated on
 * the many short lines): section markers, END/COMMENT/SIPDIS hits. The hits are filed by line; body
 * lines consult them, and header lines' hits are dropped in finish(). Redactions and mentions, which
 * the parse itself does not consult, are scanned on first read (lazyScans).
 */
export function prescan(state: ParseState, text: string): void {
  const n = state.lines.length;
  const starts = new Array<number>(n);
  state.starts = starts;
  let pos = 0;
  for (let i = 0; i < n; i++) {
    starts[i] = pos;
    pos += state.lines[i].length;
    pos += text.charCodeAt(pos) === Char.CarriageReturn && text.charCodeAt(pos + 1) === Char.LineFeed ? 2 : 1;
  }
  // END, COMMENT and `of 0` together cost what END alone did (13 ms against 20 ms in three passes);
  // the redaction needle added to them slowed the whole scan down (31 ms against 13 + 2). Blank-like characters are found with
  // indexOf (a memchr on one-byte strings) plus one class of the rare non-Latin-1 ones.
  const collect = (src: string): { of: number[]; end: number[]; comment: number[] } => {
    let m: RegExpExecArray | null;
    const of: number[] = [];
    const end: number[] = [];
    const comment: number[] = [];
    WORD_NEEDLE_G.lastIndex = 0;
    while ((m = WORD_NEEDLE_G.exec(src))) {
      const c = src.charCodeAt(m.index) | Case.Bit;
      if (c === Char.e) end.push(m.index);
      else if (c === Char.c) comment.push(m.index);
      // The `O` before `F 0` is required by the section-marker walk below; searching for it too lets
      // the engine skip ahead. The `F` keeps its place in the list.
      else of.push(m.index + 1);
    }
    return { of, end, comment };
  };
  state.hasBlankish =
    text.indexOf('\t') >= 0 ||
    text.indexOf('\0') >= 0 ||
    text.indexOf('\v') >= 0 ||
    text.indexOf('\f') >= 0 ||
    text.indexOf('\u00a0') >= 0 ||
    (ABOVE_LATIN1.test(text) && BLANKISH_HIGH.test(text));
  const src = state.hasBlankish ? normaliseText(text) : text;
  state.src = src;
  (state.doc as CableModel).scanFrom(src, starts);
  const found = collect(src);
  const lineOf = (off: number): number => lineAt(starts, off);
  const isWordAt = (k: number) => k >= 0 && isAlnum(src.charCodeAt(k));
  const file = <T>(byLine: (T[] | undefined)[], line: number, v: T) => {
    const list = byLine[line];
    if (list) list.push(v);
    else byLine[line] = [v];
  };
  for (const k of found.of) {
    // Walk back over `nnnnnnnn  nnn[.n] O` to where the marker's digits start, then confirm (k is at `F`).
    let p = k - 1;
    if ((src.charCodeAt(p) | Case.Bit) !== Char.o) continue;
    let sp = 0;
    while (src.charCodeAt(p - 1) === Char.Space && sp < 4) {
      p--;
      sp++;
    }
    if (!sp) continue;
    if (src.charCodeAt(p - 2) === Char.Dot) p -= 2;
    p -= 3;
    sp = 0;
    while (src.charCodeAt(p - 1) === Char.Space && sp < 4) {
      p--;
      sp++;
    }
    p -= 8;
    if (p < 0) continue;
    SECTION_MARKER_Y.lastIndex = p;
    const m = SECTION_MARKER_Y.exec(src);
    if (!m) continue;
    const line = lineOf(p);
    sectionMarker(state, line, p - starts[line], m);
  }
  for (const k of found.end) {
    if (isWordAt(k - 1)) continue;
    END_Y.lastIndex = k;
    const m = END_Y.exec(src);
    const line = lineOf(k);
    if (!m) {
      END_SPLIT_Y.lastIndex = k;
      const sm = END_SPLIT_Y.exec(src);
      if (!sm || line + 1 >= n) continue;
      const tailEnd = k + sm[0].length - starts[line + 1];
      file(state.endHits, line, { at: k - starts[line], len: endNonSpace(state.lines[line]) - (k - starts[line]), word: sm[1], next: tailEnd });
      state.endTails[line + 1] = tailEnd;
      continue;
    }
    file(state.endHits, line, { at: k - starts[line], len: m[0].length, word: m[1] });
  }
  for (const k of found.comment) {
    INLINE_COMMENT_Y.lastIndex = k;
    if (!INLINE_COMMENT_Y.test(src)) continue;
    const line = lineOf(k);
    file(state.commentHits, line, k - starts[line]);
  }
  // indexOf over the whole text finds the few SIPDIS far more cheaply than two searches in every line.
  for (const needle of ['PDIS', 'pdis']) {
    for (let k = src.indexOf(needle); k >= 0; k = src.indexOf(needle, k + 4)) {
      const line = lineOf(k);
      const at = k - starts[line];
      const prev = state.pdisAt[line];
      if (prev === undefined || at < prev) state.pdisAt[line] = at;
    }
  }
}
