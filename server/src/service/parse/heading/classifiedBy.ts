import type { ClassifiedBy } from '../../model.ts';
import { Case, Char, codeAt, isAlnum, isDigit, isLetter } from '../chars.ts';
import { rng, span, tok } from '../range.ts';
import { MAX_HEADER_LINE, type ParseState } from '../state.ts';
import { PARA_RE } from '../body/paragraphs.ts';
import { CLASSIFIED_BY_RE } from './keywords.ts';
import { readAuthority } from './authority.ts';
import { part, type Line } from '../source.ts';
import { readMarking } from '../markings.ts';
import { endNonSpaceBefore } from '../../text.ts';

/**
 * The Classified By block: `Classified By: Political Counselor John Sample, reasons 1.4 (b) and (d).`
 * (or `Derived from: …`), its authority, and its reason, read once the block ends since it often wraps.
 * Also read inside a paragraph (body/paragraphs.ts) when the cable puts it there.
 */

/**
 * Reads the reason of a Classified By text: `1.4(b) and (d)`, `1.5 (B,D)`, `1.4 b, d`, `Reasons 1.\n4 (b)`
 * (joined), `1/4 (B)`, or letters alone after REASON(S) (`for reasons b, d`).
 */
function readReason(text: string): { start: number; end: number; section: string; letters: string[] } | undefined {
  const m = reasonSectionAt(text);
  let start: number;
  let p: number;
  let section = '';
  if (m >= 0) {
    start = m;
    p = reasonSectionEnd(text, m);
    section = text.charCodeAt(p - 1) === Char.Digit4 ? '1.4' : '1.5';
  } else {
    const w = /\bREASONS?\b:?/i.exec(text);
    if (!w) return undefined;
    start = w.index + w[0].length;
    while (codeAt(text, start) === Char.Space) start++;
    p = start;
  }
  const letters: string[] = [];
  let end = p;
  while (p < text.length) {
    const c = text.charCodeAt(p);
    // Separators: space ( ) , / & . ; -
    if (c === Char.Space || c === Char.Comma || c === Char.OpenParen || c === Char.CloseParen || c === Char.Slash || c === Char.Ampersand || c === Char.Dot || c === Char.Semicolon || c === Char.Dash) {
      p++;
      continue;
    }
    const lower = c | Case.Bit;
    if (lower >= Char.a && lower <= Char.h && !isLetter(codeAt(text, p + 1))) {
      const l = String.fromCharCode(lower);
      if (!letters.includes(l)) letters.push(l);
      p++;
      end = codeAt(text, p) === Char.CloseParen ? p + 1 : p;
      continue;
    }
    // AND in any case (no other character upper-cases to N or D alone).
    if (lower === Char.a && (codeAt(text, p + 1) | Case.Bit) === Char.n && (codeAt(text, p + 2) | Case.Bit) === Char.d && !isLetter(codeAt(text, p + 3))) {
      p += 3;
      continue;
    }
    break;
  }
  if (m < 0 && !letters.length) return undefined;
  return { start, end, section, letters };
}

/**
 * Where /\b1 ?[.,/] ?([45])(?!\d)/ first matches in `text`, or -1; reasonSectionEnd gives the end.
 * Each optional blank is taken exactly when present (a blank is neither separator nor 4/5).
 */
function reasonSectionAt(text: string): number {
  for (let at = text.indexOf('1'); at >= 0; at = text.indexOf('1', at + 1)) {
    const before = codeAt(text, at - 1);
    if (isAlnum(before) || before === Char.Underscore) continue;
    const q = reasonSectionEnd(text, at);
    if (q > 0 && !isDigit(codeAt(text, q))) return at;
  }
  return -1;
}

/** The end of `1 ?[.,/] ?[45]` at `at`, or -1. */
function reasonSectionEnd(text: string, at: number): number {
  let q = at + 1;
  if (codeAt(text, q) === Char.Space) q++;
  const sep = codeAt(text, q);
  if (sep !== Char.Dot && sep !== Char.Comma && sep !== Char.Slash) return -1;
  q++;
  if (codeAt(text, q) === Char.Space) q++;
  const d = codeAt(text, q);
  return d === Char.Digit4 || d === Char.Digit5 ? q + 1 : -1;
}

/**
 * The block's first line, `line`, whose keyword stands at column kwAt and reads `u` upper-cased from there
 * (a portion marking or a paragraph number may stand before it).
 */
export function classifiedByStart(state: ParseState, line: Line, u: string, kwAt: number): void {
  const { index: i, text: s, start: f, end: e } = line;
  const m = CLASSIFIED_BY_RE.exec(u)!;
  let p = kwAt + m[0].length;
  while (p < e && (s.charCodeAt(p) === Char.Space || s.charCodeAt(p) === Char.Colon)) p++;
  const cb: ClassifiedBy = { range: rng(i, f, e), keyword: tok(i, s, kwAt, kwAt + m[0].length + (codeAt(s, kwAt + m[0].length) === Char.Colon ? 1 : 0)) };
  state.doc.classifiedBy = cb;
  state.heading.classifiedByParts = [];
  state.heading.continuing = 'classifiedBy';
  classifiedByLine(state, part(line, p, e));
}

/**
 * A line (or the part after the keyword) of the Classified By block. When paragraph 1 was run into it
 * after the reason, the block ends before the paragraph's number and the text starts there.
 */
export function classifiedByLine(state: ParseState, line: Line): void {
  const cb = state.doc.classifiedBy!;
  const k = runInFirstParagraph(state, line);
  if (k < 0) {
    classifiedByPart(state, line);
    return;
  }
  let cut = k;
  while (cut > line.start && line.text.charCodeAt(cut - 1) === Char.Space) cut--;
  cb.range = { start: cb.range.start, end: { line: line.index, character: cut } };
  classifiedByPart(state, part(line, line.start, cut));
  finishClassifiedBy(state);
  state.heading.continuing = 'none';
  state.heading.textFrom = k;
}

/**
 * The column of paragraph 1's number when the archive ran it into the Classified By line after the
 * reason (`… REASON: 1.4 (b), (d) 1. (C) Summary: …`), or -1. Only a `1.` (or `¶1.`) after the reason's
 * section and followed by a portion marking counts: anything less may be the reason's own text.
 */
function runInFirstParagraph(state: ParseState, line: Line): number {
  // Inside a paragraph (`1. (U) Classified by …`, classifiedByInText) the text has started already.
  if (state.zone !== 'heading') return -1;
  const s = line.text;
  const text = s.slice(line.start, line.end);
  const reason = reasonSectionAt(text);
  if (reason < 0) return -1;
  for (let k = text.indexOf('1.', reasonSectionEnd(text, reason)); k >= 0; k = text.indexOf('1.', k + 2)) {
    let at = line.start + k;
    if (codeAt(s, at - 1) === Char.Pilcrow) at--;
    if (codeAt(s, at - 1) !== Char.Space || isDigit(codeAt(s, line.start + k + 2))) continue;
    let p = line.start + k + 2;
    while (p < line.end && s.charCodeAt(p) === Char.Space) p++;
    const marking = s.charCodeAt(p) === Char.OpenParen ? readMarking(state, line, p) : undefined;
    if (!marking) continue;
    // A bare `1. (C)` ending the line, with paragraph 1 itself opening the text below, is a stray copy.
    return endNonSpaceBefore(s, line.end) > marking.end || !firstParagraphFollows(state, line.index) ? at : -1;
  }
  return -1;
}

/** Paragraph 1's number, as it opens a line (PARA_RE for the number 1). */
const FIRST_PARA_RE = /^(?:¶ ?)?1 ?\.(?![\d.])/;

/** Whether the next line that is not blank (within three) opens paragraph 1. */
function firstParagraphFollows(state: ParseState, i: number): boolean {
  const source = state.source;
  for (let j = i + 1; j < Math.min(source.count, i + 4); j++) {
    if (source.isBlank(j)) continue;
    return FIRST_PARA_RE.test(source.line(j).slice(source.first[j], source.first[j] + 8));
  }
  return false;
}

/**
 * The Classified By line inside a paragraph's text (`1. (U) Classified by …`): the block runs on over the
 * paragraph's next lines until its reason (at most two lines more), and ends there.
 */
export function classifiedByInText(state: ParseState, line: Line, u: string, kwAt: number): void {
  classifiedByStart(state, line, u, kwAt);
  const source = state.source;
  const cb = state.doc.classifiedBy!;
  const parts = state.heading.classifiedByParts;
  for (let j = line.index + 1; j <= line.index + 2 && j < source.count; j++) {
    if (parts.length && reasonSectionAt(parts[parts.length - 1].text) >= 0) break;
    if (source.isBlank(j) || source.end[j] - source.first[j] > MAX_HEADER_LINE) break;
    const next: Line = { index: j, text: source.line(j), start: source.first[j], end: source.end[j] };
    if (PARA_RE.test(next.text.slice(next.start, next.end))) break;
    cb.range = span(cb.range, rng(j, next.start, next.end));
    classifiedByPart(state, next);
  }
  finishClassifiedBy(state);
  state.heading.continuing = 'none';
}

/** Collects the Classified By block's text, line by line. */
function classifiedByPart(state: ParseState, line: Line): void {
  if (line.end > line.start) state.heading.classifiedByParts.push({ line: line.index, start: line.start, text: line.text.slice(line.start, line.end) });
}

/** Ends the block: reads its reason from its parts joined, or says it has none. */
export function finishClassifiedBy(state: ParseState): void {
  const cb = state.doc.classifiedBy;
  const segs = state.heading.classifiedByParts;
  state.heading.classifiedByParts = [];
  if (!cb || cb.reason) return;
  cb.authority ??= readAuthority(segs);
  let joined = '';
  const starts: number[] = [];
  for (const seg of segs) {
    if (joined) joined += ' ';
    starts.push(joined.length);
    joined += seg.text;
  }
  const at = (k: number): { line: number; character: number } => {
    let j = 0;
    while (j + 1 < starts.length && starts[j + 1] <= k) j++;
    const seg = segs[j];
    return { line: seg.line, character: seg.start + Math.min(k - starts[j], seg.text.length) };
  };
  const r = readReason(joined);
  if (r) {
    cb.reason = { range: { start: at(r.start), end: at(r.end) }, section: r.section, letters: r.letters, text: joined.slice(r.start, r.end) };
  }
  // A derivative classification (`Derived from: <guide>`) carries its source's reasons.
  const derived = /^derived/i.test(cb.keyword.text);
  if (!derived && (!cb.reason || !cb.reason.letters.length)) {
    state.problem(cb.range, 'classified-by-no-reason', 'The Classified By line has no readable reason (e.g. `1.4 (b) and (d)`).');
  }
}
