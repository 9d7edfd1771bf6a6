import type { ClassifiedBy } from '../../model.ts';
import { Case, Char, asciiUpper, orEnd, isAlnum, isDigit, isLetter } from '../chars.ts';
import { rng, tok } from '../range.ts';
import type { ParseState } from '../state.ts';
import { CLASSIFIED_BY_RE } from './keywords.ts';
import { part, type Line } from '../source.ts';

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
    while (text.charCodeAt(start) === Char.Space) start++;
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
    if (lower >= Char.a && lower <= Char.h && !isLetter(orEnd(text.charCodeAt(p + 1)))) {
      const l = String.fromCharCode(lower);
      if (!letters.includes(l)) letters.push(l);
      p++;
      end = orEnd(text.charCodeAt(p)) === Char.CloseParen ? p + 1 : p;
      continue;
    }
    // AND in any case (no other character upper-cases to N or D alone).
    if (lower === Char.a && (orEnd(text.charCodeAt(p + 1)) | Case.Bit) === Char.n && (orEnd(text.charCodeAt(p + 2)) | Case.Bit) === Char.d && !isLetter(orEnd(text.charCodeAt(p + 3)))) {
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
    const before = orEnd(text.charCodeAt(at - 1));
    if (isAlnum(before) || before === Char.Underscore) continue;
    const q = reasonSectionEnd(text, at);
    if (q > 0 && !isDigit(orEnd(text.charCodeAt(q)))) return at;
  }
  return -1;
}

/** The end of `1 ?[.,/] ?[45]` at `at`, or -1. */
function reasonSectionEnd(text: string, at: number): number {
  let q = at + 1;
  if (text.charCodeAt(q) === Char.Space) q++;
  const sep = text.charCodeAt(q);
  if (sep !== Char.Dot && sep !== Char.Comma && sep !== Char.Slash) return -1;
  q++;
  if (text.charCodeAt(q) === Char.Space) q++;
  const d = text.charCodeAt(q);
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
  const cb: ClassifiedBy = { range: rng(i, f, e), keyword: tok(i, s, kwAt, kwAt + m[0].length + (orEnd(s.charCodeAt(kwAt + m[0].length)) === Char.Colon ? 1 : 0)) };
  state.doc.classifiedBy = cb;
  state.heading.classifiedByParts = [];
  const ae = authorityEnd(s, p, e);
  if (ae > p) cb.authority = tok(i, s, p, ae);
  state.heading.continuing = 'classifiedBy';
  classifiedByPart(state, part(line, p, e));
}

/** Where the authority in s[p, e) ends: before the reason and the words that lead to it. */
function authorityEnd(s: string, p: number, e: number): number {
  // Authority: up to the reason.
  const rest = s.slice(p, e);
  const ru = rest.toUpperCase();
  let stop = rest.length;
  // The first of REASON(S), 1.4/1.5 and E.O. nnnnn: one search for the three (the leftmost match of
  // an alternation is the leftmost of its alternatives' first matches).
  const reasonAt = ru.search(AUTHORITY_END_RE);
  if (reasonAt >= 0 && reasonAt < stop) stop = reasonAt;
  // A reason word cut by the line end (`… FOR REAS` / `ONS 1.4 (B)`) also ends the authority.
  const cut = cutReasonAt(ru);
  if (cut >= 0 && cut < stop) stop = cut;
  let ae = p + stop;
  // Drop the connecting words and punctuation before the reason (`…, for reasons`, `PER`, `DUE TO`).
  for (;;) {
    for (let c = s.charCodeAt(ae - 1); ae > p && (c === Char.Space || c === Char.Comma || c === Char.Semicolon || c === Char.Dot || c === Char.Colon || c === Char.OpenParen); c = s.charCodeAt(ae - 1)) ae--;
    const lo = Math.max(p, ae - 7);
    let n: number;
    if (isAsciiRun(s, lo, ae)) {
      n = connectingWordBefore(s, lo, ae);
    } else {
      // Upper-casing may change a character outside ASCII into letters, or into several.
      const w = / (?:FOR|PER|DUE TO|UNDER)$/.exec(` ${s.slice(lo, ae).toUpperCase()}`);
      n = w ? w[0].length - 1 : 0;
    }
    if (!n || ae - n < p) break;
    ae -= n;
  }
  return ae;
}

/** Collects the Classified By block's text, line by line. */
export function classifiedByPart(state: ParseState, line: Line): void {
  if (line.end > line.start) state.heading.classifiedByParts.push({ line: line.index, start: line.start, text: line.text.slice(line.start, line.end) });
}

/** Ends the block: reads its reason from its parts joined, or says it has none. */
export function finishClassifiedBy(state: ParseState): void {
  const cb = state.doc.classifiedBy;
  const segs = state.heading.classifiedByParts;
  state.heading.classifiedByParts = [];
  if (!cb || cb.reason) return;
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

const AUTHORITY_END_RE = /\bREASONS?\b|\b1 ?[.,] ?[45]\b|\bE\.? ?O\.? ?\d{5}/;

/**
 * Where / (?:FOR |PER )?(?:REA|REAS|REASO)$/ matches in the upper-cased `u`, or -1: the end fixes which
 * of REA, REAS, REASO it is, and the match is the one that starts first.
 */
function cutReasonAt(u: string): number {
  const r = u.endsWith('REASO') ? u.length - 5 : u.endsWith('REAS') ? u.length - 4 : u.endsWith('REA') ? u.length - 3 : -1;
  if (r < 1) return -1;
  if (r >= 5 && (u.startsWith(' FOR ', r - 5) || u.startsWith(' PER ', r - 5))) return r - 5;
  return u.charCodeAt(r - 1) === Char.Space ? r - 1 : -1;
}

function isAsciiRun(s: string, a: number, b: number): boolean {
  for (let q = a; q < b; q++) if (s.charCodeAt(q) >= Char.NonAscii) return false;
  return true;
}

/**
 * The length of FOR, PER, DUE TO or UNDER (in any case) ending s[lo, ae) after a blank or at `lo`, or 0:
 * / (?:FOR|PER|DUE TO|UNDER)$/ on the blank and the upper-cased ASCII text s[lo, ae). Their last letters
 * (R of FOR and PER, ER of UNDER, O of DUE TO) let at most one of them match.
 */
function connectingWordBefore(s: string, lo: number, ae: number): number {
  for (const w of CONNECTING_WORDS) {
    const start = ae - w.length;
    if (start < lo || (start > lo && s.charCodeAt(start - 1) !== Char.Space)) continue;
    let k = 0;
    while (k < w.length && asciiUpper(s.charCodeAt(start + k)) === w.charCodeAt(k)) k++;
    if (k === w.length) return k;
  }
  return 0;
}

const CONNECTING_WORDS = ['FOR', 'PER', 'DUE TO', 'UNDER'];
