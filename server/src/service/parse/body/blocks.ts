/**
 * Blocks in the text: SUMMARY … END SUMMARY, COMMENT … END COMMENT, BEGIN TEXT/QUOTE … END, INTRODUCTION,
 * ACTION REQUEST. A block opens at a line's start or (a comment) inside running text, and ends at its END;
 * without an END, a summary ends with its paragraph and a comment with the text; an END without a start
 * makes a block of what came before it.
 */
import type { Block, Range, Token } from '../../model.ts';
import { Case, Char, isLetter, isUpper } from '../chars.ts';
import { rng, span, tok } from '../range.ts';
import type { ParseState } from '../state.ts';
import type { Line } from '../source.ts';
import type { EndHit } from '../scan.ts';

// Sticky and case-insensitive: tried at the start of each body line's text without slicing or upper-casing it.
const BLOCK_KW = /(?:\(|-{1,2} ?)?(BEGIN +)?(SUMMARY|SUMMAY|COMMENT|TEXT|QUOTE|INTRODUCTION|ACTION REQUEST)\b/iy;

const COMMENT_OPENERS = new Set(['EMBASSY', 'POST', 'MISSION', 'CONSULATE', 'BEGIN', 'USUN', 'USNATO', 'USEU', 'AND']);

export type BlockKind = Block['kind'];

/**
 * Whether BLOCK_KW can match at characters `a`, `b`, `c`: it opens with `(`, `-` or the first three
 * letters of BEGIN or of a block word (beg, sum, com, tex, quo, int, act). The words that most often
 * open a line (the, and, this, a, in, country) fail here, not in the regex.
 */
export function opensBlockKeyword(a: number, b: number, c: number): boolean {
  const c0 = a | Case.Bit;
  if (c0 === Char.OpenParen || c0 === Char.Dash) return true;
  const c1 = b | Case.Bit;
  const c2 = c | Case.Bit;
  switch (c0) {
    case Char.b:
      return c1 === Char.e && c2 === Char.g;
    case Char.s:
      return c1 === Char.u && c2 === Char.m;
    case Char.c:
      return c1 === Char.o && c2 === Char.m;
    case Char.t:
      return c1 === Char.e && c2 === Char.x;
    case Char.q:
      return c1 === Char.u && c2 === Char.o;
    case Char.i:
      return c1 === Char.n && c2 === Char.t;
    case Char.a:
      return c1 === Char.c && c2 === Char.t;
    default:
      return false;
  }
}

/**
 * The kind of block a keyword names, in any case: a word of BLOCK_KW, END_Y or END_SPLIT_Y (SUMMARY,
 * SUMMAY, COMMENT, TEXT, QUOTE, INTRODUCTION, ACTION REQUEST), which their first letters tell apart.
 */
function blockKind(word: string): BlockKind {
  switch (word.charCodeAt(0) | Case.Bit) {
    case Char.s:
      return 'summary';
    case Char.c:
      return 'comment';
    case Char.t:
      return 'text';
    case Char.q:
      return 'quote';
    case Char.i:
      return 'introduction';
    default:
      return 'action-request';
  }
}

/**
 * Past opensBlockKeyword: whether BLOCK_KW can still match text opening with `a`, `b`, `c`, `d`. After `(`
 * comes a letter; after `-` or `--` a blank or a letter (rules lines `-----` out); a word's fourth letter
 * is that of BEGIN or of the keyword (`inte…`, `comp…`, `into` fail).
 */
function blockKeywordNear(a: number, b: number, c: number, d: number): boolean {
  if (a === Char.OpenParen) return isLetter(b);
  if (a === Char.Dash) return b === Char.Dash ? c === Char.Space || isLetter(c) : b === Char.Space || isLetter(b);
  if (!isLetter(a)) return true;
  const d0 = d | Case.Bit;
  switch (a | Case.Bit) {
    case Char.b: // begin
    case Char.a: // action
      return d0 === Char.i;
    case Char.s: // summary, summay
    case Char.c: // comment
      return d0 === Char.m;
    case Char.t: // text
    case Char.q: // quote
      return d0 === Char.t;
    case Char.i: // introduction
      return d0 === Char.r;
    default:
      return true;
  }
}

/** Index after a block keyword and its ` AND …` companions when a delimiter follows, else -1. */
function blockKeywordEnd(up: string, p: number): number {
  let i = p;
  for (let k = 0; k < 3; k++) {
    if (up.startsWith(' AND ', i)) {
      let j = i + 5;
      while (j < up.length && up.charCodeAt(j) >= Char.A && up.charCodeAt(j) <= Char.Z) j++;
      if (j === i + 5) break;
      i = j;
    } else break;
  }
  let j = i;
  while (up.charCodeAt(j) === Char.Space) j++;
  if (j >= up.length) return i;
  return ':.-—–)'.includes(up[j]) ? i : -1;
}

/**
 * blockKeywordEnd read on the line: s[from, from + w) in place of its upper-cased copy. -2 when a
 * character outside ASCII is met before the answer: upper-casing may turn it into letters or more than one
 * character, so only the copy can tell.
 */
function blockKeywordEndIn(s: string, from: number, w: number, p: number): number {
  let i = p;
  for (let k = 0; k < 3 && i + 5 <= w; k++) {
    const a = from + i;
    const c0 = s.charCodeAt(a);
    const c1 = s.charCodeAt(a + 1);
    const c2 = s.charCodeAt(a + 2);
    const c3 = s.charCodeAt(a + 3);
    const c4 = s.charCodeAt(a + 4);
    if (c0 >= Char.NonAscii || c1 >= Char.NonAscii || c2 >= Char.NonAscii || c3 >= Char.NonAscii || c4 >= Char.NonAscii) return -2;
    if (c0 !== Char.Space || (c1 | Case.Bit) !== Char.a || (c2 | Case.Bit) !== Char.n || (c3 | Case.Bit) !== Char.d || c4 !== Char.Space) break;
    let j = i + 5;
    for (; j < w; j++) {
      const c = s.charCodeAt(from + j);
      if (c >= Char.NonAscii) return -2;
      if (!isLetter(c)) break;
    }
    if (j === i + 5) break;
    i = j;
  }
  let j = i;
  while (j < w && s.charCodeAt(from + j) === Char.Space) j++;
  if (j >= w) return i;
  const c = s.charCodeAt(from + j);
  return c === Char.Colon || c === Char.Dot || c === Char.Dash || c === Char.EmDash || c === Char.EnDash || c === Char.CloseParen ? i : -1;
}

/**
 * The block markers on a text line whose text (after any paragraph number or label) starts at column
 * `from`: a block opened at that start (`SUMMARY:`, `BEGIN TEXT:`, `(COMMENT:`), a comment opened inside
 * the text (`Embassy comment: …`), and the ENDs the whole-text scan found on the line.
 */
export function blockMarkers(state: ParseState, line: Line, from: number): void {
  // Case-insensitive regexes over the line itself: upper-casing every (often very long) line costs more.
  const scanEnd = Math.min(line.end, from + 20000);
  // The second half of a split END is not a block opening.
  const tail = state.hits.endTails[line.index];
  let endsFrom = tail === undefined ? openingBlock(state, line, from) : tail;
  endsFrom = inlineComment(state, line, from, endsFrom, scanEnd);
  const ends = state.hits.ends[line.index];
  if (!ends) return;
  for (const em of ends) {
    if (em.at < endsFrom) continue;
    if (em.at >= scanEnd) break;
    blockEnd(state, line, em);
  }
}

/** A block keyword at column `from` (`SUMMARY:`, `BEGIN QUOTE`, `-- COMMENT --`); returns where ENDs may follow. */
function openingBlock(state: ParseState, line: Line, from: number): number {
  const { index: i, text: s, end: e } = line;
  const at = state.source.starts[i] + from;
  const src = state.source.text;
  const c0 = from < e ? src.charCodeAt(at) : Char.EndOfText;
  const c1 = from + 1 < e ? src.charCodeAt(at + 1) : Char.EndOfText;
  const c2 = from + 2 < e ? src.charCodeAt(at + 2) : Char.EndOfText;
  const c3 = from + 3 < e ? src.charCodeAt(at + 3) : Char.EndOfText;
  if (!opensBlockKeyword(c0, c1, c2) || !blockKeywordNear(c0, c1, c2, c3)) return from;
  BLOCK_KW.lastIndex = from;
  const head = BLOCK_KW.exec(s);
  if (!head) return from;
  const w = Math.min(e, from + 80) - from;
  let kwEnd = blockKeywordEndIn(s, from, w, head[0].length);
  if (kwEnd === -2) kwEnd = blockKeywordEnd(s.slice(from, from + w).toUpperCase(), head[0].length);
  const kind = blockKind(head[2]);
  const explicit = !!head[1];
  // TEXT and QUOTE open a block only after BEGIN.
  if (kwEnd < 0 || (!explicit && (kind === 'text' || kind === 'quote'))) return from;
  const ks = from + head[0].length - head[2].length - (head[1] ? head[1].length : 0);
  openBlock(state, kind, explicit, tok(i, s, ks, from + kwEnd), rng(i, line.start, e));
  return from + kwEnd;
}

/** Comments opened inside running text: `(Comment: …`, `Embassy comment: …`; returns where ENDs may follow. */
function inlineComment(state: ParseState, line: Line, from: number, endsFrom: number, scanEnd: number): number {
  const comments = state.hits.comments[line.index];
  if (!comments || state.body.openBlocks.some((b) => b.kind === 'comment')) return endsFrom;
  const { index: i, text: s } = line;
  for (const at of comments) {
    if (at < endsFrom) continue;
    if (at >= scanEnd) break;
    const before = s.slice(Math.max(from, at - 12), at).toUpperCase();
    const prevWord = lastWord(before);
    const opener = at === from || before.endsWith('(') || before.endsWith('. ') || before.endsWith('.  ') || COMMENT_OPENERS.has(prevWord);
    if (prevWord === 'END' || prevWord === 'NO' || !opener) continue;
    openBlock(state, 'comment', false, tok(i, s, at, at + 7), rng(i, at, line.end));
    return at + 7;
  }
  return endsFrom;
}

/** An END marker: it closes the open block of its kind, or makes a block of what came before it. */
function blockEnd(state: ParseState, line: Line, em: EndHit): void {
  const { index: i, text: s } = line;
  const kind = blockKind(em.word);
  const at = em.at;
  const endTok: Token =
    em.next === undefined
      ? tok(i, s, at, at + em.len)
      : { text: `${s.slice(at, at + em.len)} ${state.source.line(i + 1).slice(0, em.next).trim()}`, range: { start: { line: i, character: at }, end: { line: i + 1, character: em.next } } };
  const open = state.body.openBlocks;
  const idx = open.findIndex((b) => b.kind === kind);
  if (idx >= 0) {
    const b = open[idx];
    b.end = endTok;
    b.range = span(b.range, endTok.range);
    open.splice(idx, 1);
    state.body.implicitEnd.delete(b);
    state.body.explicitStart.delete(b);
  } else if (kind === 'summary' || kind === 'comment') {
    endOnlyBlock(state, kind, endTok);
  }
}

/**
 * END with no start: the paragraph (or, for a summary, the text so far) was the block. One such block per
 * anchor paragraph; a further END only moves its end (keeps repeated ENDs linear).
 */
function endOnlyBlock(state: ParseState, kind: 'summary' | 'comment', endTok: Token): void {
  const anchor = kind === 'summary' ? state.doc.paragraphs[0] : state.body.paragraph;
  const key = `${kind}:${anchor ? anchor.number.range.start.line : -1}`;
  const existing = state.body.endOnlyBlocks.get(key);
  if (existing) {
    existing.end = endTok;
    existing.range = span(existing.range, endTok.range);
  } else if (anchor) {
    const block: Block = { kind, range: span(anchor.range, endTok.range), start: { text: anchor.number.text, range: anchor.number.range }, end: endTok };
    state.body.endOnlyBlocks.set(key, block);
    state.doc.blocks.push(block);
  } else {
    state.problem(endTok.range, 'block-end-without-start', `'${endTok.text}' closes a block that was never opened.`);
  }
}

function openBlock(state: ParseState, kind: BlockKind, explicit: boolean, start: Token, range: Range): void {
  if (state.body.openBlocks.some((b) => b.kind === kind)) return;
  const block: Block = { kind, range, start };
  state.body.openBlocks.push(block);
  state.doc.blocks.push(block);
  if (explicit) state.body.explicitStart.add(block);
}

/** Closes blocks that never got an END: a summary at the end of its paragraph, a comment at the end of the text. */
export function settleImplicitBlocks(state: ParseState, atParagraphClose: Range | undefined): void {
  for (const b of state.body.openBlocks) {
    if (state.body.explicitStart.has(b)) continue;
    if (atParagraphClose) {
      if (!state.body.implicitEnd.has(b) && b.kind !== 'comment') state.body.implicitEnd.set(b, atParagraphClose);
      if (b.kind === 'comment') state.body.implicitEnd.set(b, atParagraphClose);
    }
  }
}

/** The last run of capital letters in `s` (ignoring what follows it). */
function lastWord(s: string): string {
  let e = s.length;
  while (e > 0 && !isUpper(s.charCodeAt(e - 1))) e--;
  let b = e;
  while (b > 0 && isUpper(s.charCodeAt(b - 1))) b--;
  return s.slice(b, e);
}
