/**
 * Whole-text scans, run once per document before the loop instead of once per line (the per-call cost
 * dominated on the many short lines): END and COMMENT block words, section markers, SIPDIS. What they
 * find is filed by line in ScanHits; the body's readers consult it, and hits on header lines go unread.
 * Redactions and cable-id mentions, which the parse itself does not read, are scanned when a feature
 * first reads them (document.ts).
 */
import { Case, Char, codeAt, isAlnum } from './chars.ts';
import { endNonSpace } from '../text.ts';
import { lineAt } from './source.ts';
import { BLOCK_WORDS, alternation } from './vocabulary.ts';
import type { ParseState } from './state.ts';
import { sectionMarker } from './body/pageBreaks.ts';

/** An END marker found on a line: `END SUMMARY.`, or `End` with its word on the next line. */
export interface EndHit {
  /** Column of END, and the marker's length on this line. */
  at: number;
  len: number;
  /** The block word (SUMMARY, COMMENT, TEXT …) as written. */
  word: string;
  /** When the word stands on the next line (`End` / `Summary.`): where the marker ends there. */
  next?: number;
}

/** What the scans found on a line, as bits of ScanHits.marks: the text readers test one number per line. */
export const enum LineMark {
  None = 0,
  End = 1,
  EndTail = 2,
  Comment = 4,
  Sipdis = 8,
  WholeMarker = 16,
}

/** The scans' findings, filed by line number: an array index costs a fraction of a Map look-up. */
export class ScanHits {
  /** For each line, the LineMark bits of what was found on it. */
  readonly marks: Uint8Array;
  readonly ends: (EndHit[] | undefined)[] = [];
  /** Lines that begin with the second half of a split END (`Summary.`): where that half ends. */
  readonly endTails: (number | undefined)[] = [];
  /** Columns of COMMENT followed by `:`, `.`, `-` or a dash (an inline comment may open there). */
  readonly comments: (number[] | undefined)[] = [];
  /** Where the first `PDIS` or `pdis` (of SIPDIS) stands in each line that has one. */
  readonly pdisAt: (number | undefined)[] = [];

  constructor(lines: number) {
    this.marks = new Uint8Array(lines);
  }
}

// One pass finds END and COMMENT in their three usual cases and section-marker counts (`OF 0` of
// `OF 003`). No match of one of these can overlap a match of another, so the one pass finds every hit
// that three separate passes would. END is sought with the blank or line end that END_Y and END_SPLIT_Y
// need after it: the longer literals let the engine skip further (8.6 against 11.5 ms over the corpus) and
// drop the many `end` of running text. END, COMMENT and `of 0` together cost what END alone did (13 ms
// against 20 ms in three passes); the redaction needle added to them slowed the whole scan (31 ms against
// 13 + 2).
const WORD_NEEDLE_G = /E(?:ND|nd) |end |C(?:OMMENT|omment)|comment|[Oo][Ff] 0|E(?:ND|nd)[\n\r]|end[\n\r]/g;
const SECTION_MARKER_Y = /\d{8} {1,4}(\d{3})(?:\.\d)? {1,4}OF {1,4}(\d{3})(?!\d)/iy;
const INLINE_COMMENT_Y = /COMMENT(?= ?[:.\-—])/iy;
const END_Y = new RegExp(`END +(?:OF +)?(${alternation(Object.keys(BLOCK_WORDS), ' +')})\\b`, 'iy');
const ONE_WORD_BLOCK_WORDS = Object.keys(BLOCK_WORDS).filter((w) => !w.includes(' '));
// `End` at a line's end and its word opening the next line (a block word of one word); the word must close with punctuation or
// the line end, so prose that wraps after "the end" is not taken for a marker.
const END_SPLIT_Y = new RegExp(`END(?: +OF)? *(?:\\r\\n|\\r|\\n) *(${alternation(ONE_WORD_BLOCK_WORDS)})(?= *(?:[\\n\\r.:)\\-—]|$))`, 'iy');

/** Runs the scans over the state's text and files their hits (section markers go into the model). */
export function scanText(state: ParseState): void {
  const src = state.source.text;
  const found = findNeedles(src);
  for (const k of found.of) sectionMarkerAt(state, k);
  for (const k of found.end) endAt(state, k);
  for (const k of found.comment) commentAt(state, k);
  findPdis(state);
}

function findNeedles(src: string): { of: number[]; end: number[]; comment: number[] } {
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
}

function file<T>(hits: ScanHits, mark: LineMark, byLine: (T[] | undefined)[], line: number, v: T): void {
  hits.marks[line] |= mark;
  const list = byLine[line];
  if (list) list.push(v);
  else byLine[line] = [v];
}

/** A section marker (`TEL AVIV 00001234  002 OF 004`) whose OF's F stands at offset k, if it is one. */
function sectionMarkerAt(state: ParseState, k: number): void {
  const src = state.source.text;
  // Walk back over `nnnnnnnn  nnn[.n] O` to where the marker's digits start, then confirm.
  let p = k - 1;
  if ((codeAt(src, p) | Case.Bit) !== Char.o) return;
  let sp = 0;
  while (codeAt(src, p - 1) === Char.Space && sp < 4) {
    p--;
    sp++;
  }
  if (!sp) return;
  if (codeAt(src, p - 2) === Char.Dot) p -= 2;
  p -= 3;
  sp = 0;
  while (codeAt(src, p - 1) === Char.Space && sp < 4) {
    p--;
    sp++;
  }
  p -= 8;
  if (p < 0) return;
  SECTION_MARKER_Y.lastIndex = p;
  const m = SECTION_MARKER_Y.exec(src);
  if (!m) return;
  const line = lineAt(state.source.starts, p);
  sectionMarker(state, line, p - state.source.starts[line], m);
}

/** An END marker at offset k (`END SUMMARY`, or `End` with its word on the next line), if it is one. */
function endAt(state: ParseState, k: number): void {
  const { text: src, starts, lines } = state.source;
  if (k > 0 && isAlnum(src.charCodeAt(k - 1))) return;
  END_Y.lastIndex = k;
  const m = END_Y.exec(src);
  const line = lineAt(starts, k);
  const at = k - starts[line];
  if (m) {
    file(state.hits, LineMark.End, state.hits.ends, line, { at, len: m[0].length, word: m[1] });
    return;
  }
  END_SPLIT_Y.lastIndex = k;
  const sm = END_SPLIT_Y.exec(src);
  if (!sm || line + 1 >= lines.length) return;
  const tailEnd = k + sm[0].length - starts[line + 1];
  // The marker's part on this line runs to the line's last character that is not a space as written.
  file(state.hits, LineMark.End, state.hits.ends, line, { at, len: endNonSpace(lines[line]) - at, word: sm[1], next: tailEnd });
  state.hits.endTails[line + 1] = tailEnd;
  state.hits.marks[line + 1] |= LineMark.EndTail;
}

/** COMMENT at offset k, where a comment may open inside running text (`(Comment: …`). */
function commentAt(state: ParseState, k: number): void {
  INLINE_COMMENT_Y.lastIndex = k;
  if (!INLINE_COMMENT_Y.test(state.source.text)) return;
  const line = lineAt(state.source.starts, k);
  file(state.hits, LineMark.Comment, state.hits.comments, line, k - state.source.starts[line]);
}

/** indexOf over the whole text finds the few SIPDIS far more cheaply than two searches in every line. */
function findPdis(state: ParseState): void {
  const { text: src, starts } = state.source;
  const pdisAt = state.hits.pdisAt;
  for (const needle of ['PDIS', 'pdis']) {
    for (let k = src.indexOf(needle); k >= 0; k = src.indexOf(needle, k + 4)) {
      const line = lineAt(starts, k);
      const at = k - starts[line];
      const prev = pdisAt[line];
      if (prev === undefined || at < prev) pdisAt[line] = at;
      state.hits.marks[line] |= LineMark.Sipdis;
    }
  }
}
