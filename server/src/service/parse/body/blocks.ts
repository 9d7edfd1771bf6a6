/**
 * Blocks in the text: SUMMARY … END SUMMARY, COMMENT … END COMMENT, BEGIN TEXT/QUOTE … END, INTRODUCTION,
 * ACTION REQUEST. A block opens at a line's start or (a comment) inside running text, and ends at its END;
 * without an END, a summary ends with its paragraph and a comment with the text; an END without a start
 * makes a block of what came before it.
 */
import type { Block, Heading, Range, Token } from '../../model.ts';
import { Char, asciiUpper, isLetter, isNonAscii, isUpper } from '../chars.ts';
import { rng, span, tok } from '../range.ts';
import type { ParseState } from '../state.ts';
import { BEGIN_ONLY_BLOCKS, BLOCK_BEGIN, BLOCK_WORDS, alternation, type BlockKind } from '../vocabulary.ts';
import { BLOCK_OPENINGS } from '../gates.ts';
import type { Line } from '../source.ts';
import type { EndHit } from '../scan.ts';

// Sticky and case-insensitive: tried at the start of each body line's text without slicing or upper-casing it.
export const BLOCK_KW = new RegExp(`(?:\\(|-{1,2} ?)?(${BLOCK_BEGIN} +)?(${alternation(Object.keys(BLOCK_WORDS))})\\b`, 'iy');

const SUMMARY_HEADING_RE = /^(?:\([A-Z/]{1,8}\) ?)?SUMMARY\b/i;

const COMMENT_OPENERS = new Set(['EMBASSY', 'POST', 'MISSION', 'CONSULATE', 'BEGIN', 'USUN', 'USNATO', 'USEU', 'AND']);


/**
 * Whether BLOCK_KW can match at characters `a`, `b`, `c`: it opens with `(`, `-` or the first three
 * letters of BEGIN or of a block word (BLOCK_OPENINGS). The words that most often open a line (the, and,
 * this, a, in, country) fail here, not in the regex.
 */
export function opensBlockKeyword(a: number, b: number, c: number): boolean {
  return a === Char.OpenParen || a === Char.Dash || BLOCK_OPENINGS.has3(a, b, c);
}

/** The kind of block a block word names (BLOCK_WORDS), in any case, from its first letter. */
function blockKind(word: string): BlockKind {
  return KIND_BY_FIRST_LETTER[asciiUpper(word.charCodeAt(0))]!;
}
const KIND_BY_FIRST_LETTER: (BlockKind | undefined)[] = [];
for (const [word, kind] of Object.entries(BLOCK_WORDS)) {
  const c = word.charCodeAt(0);
  if (KIND_BY_FIRST_LETTER[c] !== undefined && KIND_BY_FIRST_LETTER[c] !== kind) throw new Error(`block words of two kinds open with ${word[0]}`);
  KIND_BY_FIRST_LETTER[c] = kind;
}

/**
 * Past opensBlockKeyword: whether BLOCK_KW can still match text opening with `a`, `b`, `c`, `d`. After `(`
 * comes a letter; after `-` or `--` a blank or a letter (rules lines `-----` out); after letters, the
 * fourth is that of BEGIN or of the block word (`inte…`, `comp…`, `into` fail).
 */
export function blockKeywordNear(a: number, b: number, c: number, d: number): boolean {
  if (a === Char.OpenParen) return isLetter(b);
  if (a === Char.Dash) return b === Char.Dash ? c === Char.Space || isLetter(c) : b === Char.Space || isLetter(b);
  return BLOCK_OPENINGS.has4(a, b, c, d);
}

/**
 * Where the block keyword ending at column p of s[from, from + w) ends, with its ` AND …` companions
 * (`SUMMARY AND COMMENT`), when a delimiter (`:` `.` `-` `—` `–` `)`) or the end follows; else -1.
 * Letters compare in any case.
 */
function blockKeywordEnd(s: string, from: number, w: number, p: number): number {
  let i = p;
  for (let k = 0; k < 3 && i + 5 <= w; k++) {
    const a = from + i;
    const and = s.charCodeAt(a) === Char.Space && asciiUpper(s.charCodeAt(a + 1)) === Char.A && asciiUpper(s.charCodeAt(a + 2)) === Char.N && asciiUpper(s.charCodeAt(a + 3)) === Char.D;
    if (!and || s.charCodeAt(a + 4) !== Char.Space) break;
    let j = i + 5;
    while (j < w && isLetter(s.charCodeAt(from + j))) j++;
    if (j === i + 5) break;
    i = j;
  }
  let j = i;
  while (j < w && s.charCodeAt(from + j) === Char.Space) j++;
  if (j >= w) return i;
  const c = s.charCodeAt(from + j);
  return c === Char.Colon || c === Char.Dot || c === Char.Dash || c === Char.EmDash || c === Char.EnDash || c === Char.CloseParen ? i : -1;
}

/** True when s[a, b) is all ASCII. */
function isAsciiRun(s: string, a: number, b: number): boolean {
  for (let q = a; q < b; q++) if (isNonAscii(s.charCodeAt(q))) return false;
  return true;
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
  // Read on the line as it is; a character outside ASCII may upper-case to letters, or to several
  // characters, so such a line is read on its upper-cased copy.
  const upper = isAsciiRun(s, from, from + w) ? undefined : s.slice(from, from + w).toUpperCase();
  const kwEnd = upper === undefined ? blockKeywordEnd(s, from, w, head[0].length) : blockKeywordEnd(upper, 0, upper.length, head[0].length);
  const kind = blockKind(head[2]);
  const explicit = !!head[1];
  // TEXT and QUOTE open a block only after BEGIN.
  if (kwEnd < 0 || (!explicit && BEGIN_ONLY_BLOCKS.includes(kind))) return from;
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
 * END with no start: the paragraph (or, for a summary, the text so far) was the block. A summary under a
 * heading that names it (`Summary and Key Themes`) starts at that heading: it never takes in paragraphs
 * before it. One such block per anchor; a further END only moves its end (keeps repeated ENDs linear).
 */
function endOnlyBlock(state: ParseState, kind: 'summary' | 'comment', endTok: Token): void {
  const heading = kind === 'summary' ? summaryHeading(state, endTok.range.start.line) : undefined;
  const anchor = kind === 'summary' ? state.doc.paragraphs[0] : state.body.paragraph;
  const start: Token | undefined = heading ? { text: heading.title, range: heading.range } : anchor && { text: anchor.number.text, range: anchor.number.range };
  const key = `${kind}:${start ? start.range.start.line : -1}`;
  const existing = state.body.endOnlyBlocks.get(key);
  if (existing) {
    existing.end = endTok;
    existing.range = span(existing.range, endTok.range);
  } else if (start) {
    const block: Block = { kind, range: span(heading ? heading.range : anchor!.range, endTok.range), start, end: endTok };
    state.body.endOnlyBlocks.set(key, block);
    state.doc.blocks.push(block);
  } else {
    state.problem(endTok.range, 'block-end-without-start', `'${endTok.text}' closes a block that was never opened.`);
  }
}

/** The last heading before line `endLine` that names the summary (`SUMMARY AND KEY THEMES`, `(C) Summary`). */
function summaryHeading(state: ParseState, endLine: number): Heading | undefined {
  let found: Heading | undefined;
  for (const h of state.doc.headings) {
    if (h.range.start.line >= endLine) break;
    if (SUMMARY_HEADING_RE.test(h.title)) found = h;
  }
  return found;
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
