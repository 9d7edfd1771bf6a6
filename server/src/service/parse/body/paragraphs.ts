/**
 * Numbered paragraphs: `1. (C) …`, `¶2. …`, `12 .` — the number, its portion marking and the paragraph's
 * first words; a paragraph runs until the next one opens (or the text ends). A number opens a paragraph
 * when it follows the last one closely, is 1, has a pilcrow, or is followed by a marking.
 */
import type { Paragraph } from '../../model.ts';
import { parsePortionMarking } from '../../classification.ts';
import { Case, Char, codeAt, digitsValue, isDigit, isNonAscii } from '../chars.ts';
import { rng } from '../range.ts';
import type { Line } from '../source.ts';
import type { ParseState } from '../state.ts';
import { CLASSIFIED_BY_RE } from '../heading/keywords.ts';
import { classifiedByInText } from '../heading/classifiedBy.ts';
import { readMarking } from '../markings.ts';
import { settleImplicitBlocks } from './blocks.ts';
import { prefixEnd } from './index.ts';
import { leadOf, splitRunInParagraphs } from './runInParagraphs.ts';

/** A paragraph number as a regex (the heading zone and the signature ask it; the text reads paraNumberEnd). */
export const PARA_RE = /^(?:¶ ?)?\d{1,3} ?\.(?![\d.])/;

/** Opens a paragraph when the line starts with its number; returns where its text starts, or -1. */
export function paragraphLine(state: ParseState, line: Line): number {
  const src = state.source.text;
  const base = state.source.starts[line.index];
  const f = line.start;
  const at = base + f;
  // A paragraph number needs a digit or a pilcrow first: most lines are running text and skip it.
  const c0 = src.charCodeAt(at);
  const matchEnd = isDigit(c0) || c0 === Char.Pilcrow ? paraNumberEnd(src, at) : -1;
  if (matchEnd < 0) return -1;
  // PARA_RE's match is [f, f + afterLen): the pilcrow and its blank, [f, numStart), then the number,
  // [numStart, numEnd), then an optional blank and the dot.
  const afterLen = matchEnd - at;
  const numStart = c0 !== Char.Pilcrow ? f : src.charCodeAt(at + 1) === Char.Space ? f + 2 : f + 1;
  const numEnd = f + afterLen - (src.charCodeAt(matchEnd - 2) === Char.Space ? 2 : 1);
  const value = digitsValue(src, base + numStart, base + numEnd);
  if (!acceptParagraph(state, value, numStart > f, line.text, f + afterLen, prefixEnd(line))) return -1;
  closeParagraph(state, value);
  state.body.openSub = undefined;
  const i = line.index;
  const s = line.text;
  const para: Paragraph = {
    range: rng(i, f, line.end),
    number: { text: s.slice(numStart, numEnd), range: rng(i, numStart, numEnd), value },
    lead: '',
    subParagraphs: [],
  };
  if (numStart > f) para.pilcrow = rng(i, f, f + 1);
  let p = f + afterLen;
  while (p < line.end && src.charCodeAt(base + p) === Char.Space) p++;
  const pm = readMarking(state, line, p);
  if (pm) {
    para.marking = pm.marking;
    p = pm.end;
    while (p < line.end && (src.charCodeAt(base + p) === Char.Space || src.charCodeAt(base + p) === Char.Dot)) p++;
  }
  para.lead = leadOf(s, p, line.end);
  state.doc.paragraphs.push(para);
  state.body.paragraph = para;
  state.body.paragraphLastLine = i;
  paragraphOpening(state, line, para, p);
  return p;
}

/**
 * What a paragraph's text may open with: the Classified By line (`1. Classified by …`), or the level of
 * the whole text (`UNCLASSIFIED - ENTIRE TEXT`) as the paragraph's marking. Both forms open with CL or DE
 * (Classified By, Derived From) or UN, CO, SE, LI (the levels): other paragraphs, and those where the form
 * could not count, skip the upper-casing. A character outside ASCII may upper-case to one of them, so it
 * takes the long way.
 */
function paragraphOpening(state: ParseState, line: Line, para: Paragraph, p: number): void {
  const src = state.source.text;
  const base = state.source.starts[line.index];
  const e = line.end;
  const pc = p < e ? src.charCodeAt(base + p) : Char.EndOfText;
  const pc1 = p + 1 < e ? src.charCodeAt(base + p + 1) : Char.EndOfText;
  const p0 = pc | Case.Bit;
  const p1 = pc1 | Case.Bit;
  const cb = !state.doc.classifiedBy && ((p0 === Char.c && p1 === Char.l) || (p0 === Char.d && p1 === Char.e));
  const entire = !para.marking && ((p0 === Char.u && p1 === Char.n) || (p0 === Char.c && p1 === Char.o) || (p0 === Char.s && p1 === Char.e) || (p0 === Char.l && p1 === Char.i));
  if (!cb && !entire && !isNonAscii(pc) && !isNonAscii(pc1)) return;
  const pu = line.text.slice(p, Math.min(e, p + 60)).toUpperCase();
  if (!state.doc.classifiedBy && CLASSIFIED_BY_RE.test(pu)) {
    classifiedByInText(state, line, pu, p);
  } else if (!para.marking && pu.includes('ENTIRE TEXT')) {
    const em = /^(?:UNCLASSIFIED|CONFIDENTIAL|SECRET|LIMITED OFFICIAL USE) ?- ?ENTIRE TEXT/.exec(pu);
    if (em) para.marking = parsePortionMarking(em[0], line.text.slice(p, p + em[0].length), rng(line.index, p, p + em[0].length));
    // The 1990s form: `1. CONFIDENTIAL - ENTIRE TEXT.  CLASSIFIED BY DCM …`.
    const cb = em ? /^[ .]*/.exec(pu.slice(em[0].length))![0].length + em[0].length : 0;
    if (cb && !state.doc.classifiedBy && CLASSIFIED_BY_RE.test(pu.slice(cb))) classifiedByInText(state, line, pu.slice(cb), p + cb);
  }
}

/** Whether number `n` opens a paragraph; `after` is where its match ends in s, `tEnd` the prefix's end. */
function acceptParagraph(state: ParseState, n: number, pilcrow: boolean, s: string, after: number, tEnd: number): boolean {
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

/**
 * Ends the paragraph being read at its last line (blocks that end with it are settled). `next` is the
 * number of the paragraph that opens now (undefined at the end of the text): when it skips numbers, or
 * the text ends, the numbers in between may have been run into the paragraph's lines.
 */
export function closeParagraph(state: ParseState, next?: number): void {
  let p = state.body.paragraph;
  if (!p) return;
  if (next === undefined || next > p.number.value + 1) {
    splitRunInParagraphs(state, next);
    p = state.body.paragraph!;
  }
  const last = state.body.paragraphLastLine;
  if (last >= p.range.start.line) {
    p.range = { start: p.range.start, end: { line: last, character: state.source.end[last] } };
  }
  settleImplicitBlocks(state, p.range);
  state.body.paragraph = undefined;
}

/**
 * Where PARA_RE's match (`12.`, `¶ 3 .`) ends in `src` when it matches at `at`, else -1. The text after
 * the line's end is its trailing blanks and a line end (or the end of the text), which can neither extend
 * the match nor fail its look-ahead, so reading on past the line reads as the regex does on the line's
 * prefix.
 */
function paraNumberEnd(src: string, at: number): number {
  let q = at;
  if (codeAt(src, q) === Char.Pilcrow) {
    q++;
    if (codeAt(src, q) === Char.Space) q++;
  }
  const d = q;
  while (q - d < 4 && isDigit(codeAt(src, q))) q++;
  if (q === d || q - d > 3) return -1;
  if (codeAt(src, q) === Char.Space) q++;
  if (codeAt(src, q) !== Char.Dot) return -1;
  q++;
  const c = codeAt(src, q);
  return isDigit(c) || c === Char.Dot ? -1 : q;
}
