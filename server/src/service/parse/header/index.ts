import type { PrecedenceLetter } from '../../model.ts';
import { readDtg } from '../../dtg.ts';
import { readClassificationWords, securityLettersLevel } from '../../classification.ts';
import { Case, Char, asciiUpper, isDigit } from '../chars.ts';
import { firstNonSpace,  } from '../../text.ts';
import { rng, span, tok } from '../range.ts';
import type { ParseState } from '../state.ts';
import { MAX_HEADER_LINE } from '../state.ts';
import { ris } from './routing.ts';
import { deLine } from './deLine.ts';
import { addressee } from './addressees.ts';
import { receivingCopy } from './receivingCopy.ts';
import { dtgProblems, readLongDate } from './dates.ts';
import { headingKeyword } from '../heading/keywords.ts';
import { isCaptionText } from '../heading/captions.ts';

// ---------------------------------------------------------------------------------------------
// Line-level recognisers (header)

export const FL1 = /^V{1,2} ?ZCZC([A-Z]{3})(\d{2,5})\b/;

export const FL2 = /^(ZZ|OO|PP|RR|YY)((?: +R[A-Z]{3,6})+) *$/;

export const RI_LINE = /^R[A-Z]{3,6}(?: +R[A-Z]{3,6})* *$/;

export const SEC_LINE = /^(ZNR|ZNY) +([A-Z]{1,8})/;

// Six digits, or a damaged DTG (2–8 digits) that still has its zone/month shape after it.
export const DTG_LINE = /^([ZOPRY])(?: ([ZOPRY]))? +(?=\d{6}|\d{2,8}[A-Z]? [A-Z]{3}\b)/;

export const PAGE_LINE = /^PAGE +\d{2}\b/;

export const ACTION_LINE = /^ACTION +[A-Z]+-\d{2}\b/;

export const INFO_LOG = /^INFO +[A-Z]+-\d{2}\b/;

export const OFFICE_CONT = /^[A-Z][A-Z0-9]*-\d{2}(?: |$)/;

export const DASH_LINE = /^-{6,}[0-9A-F]{0,8} +\d{6}Z/;

export const WEEKDAY = /^(?:MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY), +\d{1,2} +[A-Z]+ +\d{4}/;

export const PARTIAL = /^THIS RECORD IS A PARTIAL EXTRACT/;

export const DUMP_ID = /^<<\d+>>/;

// -------------------------------------------------------------------------------------------
// Header zone

/** Extends the header's range over line i, whose text stands at [f, e). */
export function extendHeader(state: ParseState, i: number, f: number, e: number): void {
  const h = state.doc.header;
  // Header lines come in order: the range keeps its start and takes this line's end.
  h.range = h.range ? { start: h.range.start, end: { line: i, character: e } } : rng(i, f, e);
}

/** Returns true when the line was read as part of the heading block (or is blank). */
export function headerLine(state: ParseState, i: number, s: string): boolean {
  const len = s.length;
  const f = state.source.first[i];
  if (f === len) {
    if (state.header.continuing !== 'routing' && state.header.continuing !== 'partial') state.header.continuing = 'none';
    return true;
  }
  if (len > MAX_HEADER_LINE) return false;
  const e = state.source.end[i];
  const t = s.slice(f, e);
  const h = state.doc.header;
  if (state.header.ignoreRest) return true;
  // Each recogniser below runs only when the line's first character can open its pattern: a header
  // line is tried against a dozen of them, and most fail on that character.
  const c = t.charCodeAt(0);
  // The upper-cased line, computed in this one place and only for a line that a recogniser reading it
  // could take (upperCaseReaders). The optimising compiler treats toUpperCase as pure: with a call at
  // each recogniser it merged them into one, run on every line before the first of them.
  const u = upperCaseReaders(t, c, state.header.continuing === 'addressee', h.receivingCopy !== undefined) ? t.toUpperCase() : undefined;
  // A first character outside ASCII may upper-case to a letter: such a line always has `u`.
  const uc = c >= Char.NonAscii && u !== undefined ? u.charCodeAt(0) : asciiUpper(c);
  const precedenceFirst = c === Char.Z || c === Char.O || c === Char.P || c === Char.R || c === Char.Y;

  let m = c === Char.V ? FL1.exec(t) : null;
  if (m) {
    if (state.header.seenTransmissionLine) {
      // A second copy of the heading (dump layout, mail printouts): the first one stands.
      state.header.ignoreRest = true;
      return true;
    }
    state.header.seenTransmissionLine = true;
    h.transmissionId = { text: s.slice(f, f + m[0].length), range: rng(i, f, f + m[0].length), channel: m[1], serial: m[2] };
    extendHeader(state, i, f, e);
    state.header.continuing = 'none';
    return true;
  }
  if (uc === Char.T && u !== undefined && (t.charCodeAt(1) | Case.Bit) === Char.h && PARTIAL.test(u)) {
    h.partialExtract = { range: rng(i, f, f + t.length) };
    extendHeader(state, i, f, e);
    state.header.continuing = 'partial';
    return true;
  }
  if (state.header.continuing === 'partial' && h.partialExtract && isDigit(t.charCodeAt(0))) {
    const dtg = readDtg(s, i, f);
    state.header.continuing = 'none';
    if (dtg) {
      h.partialExtract.dtg = dtg;
      h.partialExtract.range = span(h.partialExtract.range, dtg.range);
      dtgProblems(state, dtg);
      extendHeader(state, i, f, e);
      return true;
    }
  }
  // FL2 doubles its precedence letter (`RR`); an FL5 precedence letter stands alone before a blank.
  m = precedenceFirst && t.charCodeAt(1) === c ? FL2.exec(t) : null;
  if (m) {
    const indicators = ris(state, i, s, f + m[1].length);
    h.routing = {
      range: rng(i, f, f + t.length),
      precedence: { text: m[1], range: rng(i, f, f + 2), value: m[1][0] as PrecedenceLetter },
      indicators,
    };
    extendHeader(state, i, f, e);
    state.header.continuing = 'routing';
    return true;
  }
  if (state.header.continuing === 'routing' && c === Char.R && RI_LINE.test(t) && h.routing) {
    h.routing.indicators.push(...ris(state, i, s, f));
    h.routing.range = span(h.routing.range, rng(i, f, f + t.length));
    extendHeader(state, i, f, e);
    return true;
  }
  if (t.startsWith('DE ')) {
    deLine(state, i, s, f, t);
    extendHeader(state, i, f, e);
    state.header.continuing = 'none';
    return true;
  }
  m = c === Char.Z ? SEC_LINE.exec(t) : null;
  if (m) {
    const level = securityLettersLevel(m[2]);
    const restStart = f + m[0].length;
    const rs = restStart + firstNonSpace(s.slice(restStart, f + t.length));
    h.security = {
      range: rng(i, f, f + t.length),
      signal: tok(i, s, f, f + 3),
      letters: tok(i, s, f + m[0].length - m[2].length, f + m[0].length),
    };
    if (level) h.security.level = level;
    else state.problem(h.security.letters.range, 'security-line-unrecognised', `'${m[2]}' is not a classification letter repeated five times (UUUUU, CCCCC, SSSSS, TTTTT).`);
    if (rs < f + t.length) h.security.rest = tok(i, s, rs, f + t.length);
    extendHeader(state, i, f, e);
    state.header.continuing = 'none';
    return true;
  }
  m = precedenceFirst && t.charCodeAt(1) === Char.Space ? DTG_LINE.exec(t) : null;
  if (m && !h.dtgLine) {
    const precedence = [{ text: m[1], range: rng(i, f, f + 1), value: m[1] as PrecedenceLetter }];
    if (m[2]) precedence.push({ text: m[2], range: rng(i, f + 2, f + 3), value: m[2] as PrecedenceLetter });
    const dtg = readDtg(s, i, f + m[0].length);
    h.dtgLine = { range: rng(i, f, f + t.length), precedence };
    if (dtg) {
      h.dtgLine.dtg = dtg;
      dtgProblems(state, dtg);
    } else {
      state.problem(h.dtgLine.range, 'dtg-unrecognised', 'No date-time group could be read on the precedence line.');
    }
    extendHeader(state, i, f, e);
    state.header.continuing = 'none';
    return true;
  }
  if (
    (uc === Char.I && u !== undefined && INFO_LOG.test(u)) ||
    (uc === Char.A && u !== undefined && ACTION_LINE.test(u)) ||
    (uc === Char.P && u !== undefined && PAGE_LINE.test(u)) ||
    (c === Char.Dash && DASH_LINE.test(t)) ||
    (state.doc.header.receivingCopy && u !== undefined && OFFICE_CONT.test(u) && state.header.continuing !== 'addressee')
  ) {
    receivingCopy(state, i, s, f, t);
    state.header.continuing = 'none';
    return true;
  }
  const kwEnd = c === Char.F || c === Char.T || c === Char.I || c === Char.X ? addressKeywordEnd(t, c) : 0;
  if (kwEnd) {
    const a = addressee(state, i, s, f + kwEnd, f + t.length);
    if (c === Char.F) {
      if (!h.from) h.from = a;
      state.header.continuing = 'none';
    } else {
      const list = c === Char.T ? h.to : c === Char.I ? h.info : h.xmt;
      if (a) list.push(a);
      state.header.addressees = list;
      state.header.continuing = 'addressee';
    }
    extendHeader(state, i, f, e);
    return true;
  }
  if (t === 'BT' || t === 'NNNN') {
    h.prosigns.push(tok(i, s, f, f + t.length));
    extendHeader(state, i, f, e);
    state.header.continuing = 'none';
    return true;
  }
  // An addressee line goes on the list unless it opens the heading: most (`RUEHC/SECSTATE …`) cannot,
  // as their first two characters tell, and are spared the upper-casing and keyword tests.
  if (state.header.continuing === 'addressee' && state.header.addressees && !(u !== undefined && mayOpenKeyword(t) && (headingKeyword(state, u) !== 'none' || isCaptionText(u)))) {
    const a = addressee(state, i, s, f, f + t.length);
    if (a) state.header.addressees.push(a);
    extendHeader(state, i, f, e);
    return true;
  }
  if ((uc === Char.M || uc === Char.T || uc === Char.W || uc === Char.F || uc === Char.S) && u !== undefined && WEEKDAY.test(u)) {
    const d = readLongDate(s, i, f, f + t.length);
    if (d && !h.dateLine) h.dateLine = d;
    extendHeader(state, i, f, e);
    return true;
  }
  if (c === Char.LessThan && DUMP_ID.test(t)) return true;
  // Receiving-copy classification line (`CONFIDENTIAL     PTQ1859`) and other printout lines.
  if (h.partialExtract && readClassificationWords(s, f)) {
    receivingCopy(state, i, s, f, t);
    return true;
  }
  return false;
}

/**
 * Whether a recogniser that reads the upper-cased header line could take the trimmed line `t` (first
 * character `c`), from its first two characters: TH (PARTIAL), IN (INFO_LOG), AC (ACTION_LINE), PA
 * (PAGE_LINE), MO TU WE TH FR SA SU (WEEKDAY); on an addressee line, a heading keyword or caption
 * (mayOpenKeyword); any line once a receiving copy began (OFFICE_CONT). Characters outside ASCII may
 * upper-case to anything: such a line always qualifies.
 */
export function upperCaseReaders(t: string, c: number, addressee: boolean, receivingCopy: boolean): boolean {
  const b = t.charCodeAt(1);
  if (c >= Char.NonAscii || b >= Char.NonAscii || receivingCopy || (addressee && mayOpenKeyword(t))) return true;
  const B = asciiUpper(b);
  switch (asciiUpper(c)) {
    case Char.A:
      return B === Char.C;
    case Char.F:
      return B === Char.R;
    case Char.I:
      return B === Char.N;
    case Char.M:
      return B === Char.O;
    case Char.P:
      return B === Char.A;
    case Char.S:
      return B === Char.A || B === Char.U;
    case Char.T:
      return B === Char.H || B === Char.U;
    case Char.W:
      return B === Char.E;
    default:
      return false;
  }
}

/**
 * Where /^(FM|TO|INFO|XMT)(?: +|\/)/ matches to in `t`, whose first character is `c`, or 0:
 * the first character tells which keyword it can be.
 */
export function addressKeywordEnd(t: string, c: number): number {
  const k = c === Char.F ? (t.charCodeAt(1) === Char.M ? 2 : 0) : c === Char.T ? (t.charCodeAt(1) === Char.O ? 2 : 0) : c === Char.I ? (t.startsWith('NFO', 1) ? 4 : 0) : t.startsWith('MT', 1) ? 3 : 0;
  if (!k) return 0;
  const d = t.charCodeAt(k);
  if (d === Char.Slash) return k + 1;
  if (d !== Char.Space) return 0;
  let q = k + 1;
  while (t.charCodeAt(q) === Char.Space) q++;
  return q;
}

/**
 * False when the trimmed header line `t` can neither open a heading keyword (headingKeyword) nor be only
 * caption words (isCaptionText), read from its first two characters: E. EO EX, TA TG AG, SU SI ST SE SP,
 * RE, PR, CL CH CO, DE DI, NO, LI, and `(`. Characters outside printable ASCII may upper-case to anything
 * (`ſ` to S, `ß` to SS): they take the long way.
 */
export function mayOpenKeyword(t: string): boolean {
  const a = t.charCodeAt(0);
  const b = t.charCodeAt(1);
  if (!(a > Char.Space && a < Char.Delete && b >= Char.Space && b < Char.Delete)) return true;
  const B = asciiUpper(b);
  switch (asciiUpper(a)) {
    case Char.OpenParen:
      return true;
    case Char.A:
      return B === Char.G;
    case Char.C:
      return B === Char.L || B === Char.H || B === Char.O;
    case Char.D:
      return B === Char.E || B === Char.I;
    case Char.E:
      return B === Char.Dot || B === Char.Space || B === Char.O || B === Char.X;
    case Char.L:
      return B === Char.I;
    case Char.N:
      return B === Char.O;
    case Char.P:
      return B === Char.R;
    case Char.R:
      return B === Char.E;
    case Char.S:
      return B === Char.U || B === Char.I || B === Char.T || B === Char.E || B === Char.P;
    case Char.T:
      return B === Char.A || B === Char.G;
    default:
      return false;
  }
}
