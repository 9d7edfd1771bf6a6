import type { ClassifiedBy } from '../../model.ts';
import { Case, Char, orEnd, isAlnum, isDigit, isLetter } from '../chars.ts';
import { rng, span, tok } from '../range.ts';
import { MAX_HEADER_LINE, type ParseState } from '../state.ts';
import { PARA_RE } from '../body/paragraphs.ts';
import { CLASSIFIED_BY_RE } from './keywords.ts';
import { readAuthority } from './authority.ts';
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
  state.heading.continuing = 'classifiedBy';
  classifiedByPart(state, part(line, p, e));
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
export function classifiedByPart(state: ParseState, line: Line): void {
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
