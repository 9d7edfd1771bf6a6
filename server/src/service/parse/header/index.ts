/**
 * The header zone: the lines above the banner. Telegraphic routing (transmission line, routing line,
 * DE line, security line, precedence and DTG line), the addressees (FM, TO, INFO, XMT), and what printouts
 * and the WikiLeaks pages put there (receiving copies, the partial-extract note, the viewer's long date).
 *
 * `headerLine` hands each line to the recognisers its first character allows, in a switch: a header line
 * could be tried against some fifteen recognisers, and most fail on that character. A recogniser returns
 * true when it took the line. The order within each case is the order in which they were always tried;
 * recognisers in different cases cannot take the same line, so their relative order does not matter.
 * Adding a form: write its recogniser in the file of its kind and add it to the case of its first
 * character (and to upperCaseReaders if it reads the upper-cased line).
 */
import { Char, asciiUpper, isDigit, isNonAscii } from '../chars.ts';
import { rng } from '../range.ts';
import { KEYWORD_OPENINGS, UPPER_HEADER_OPENINGS } from '../gates.ts';
import type { Line } from '../source.ts';
import { MAX_HEADER_LINE, type ParseState } from '../state.ts';
import { routingIndicatorLine, routingLine, transmissionLine } from './routing.ts';
import { deLine } from './deLine.ts';
import { securityLine } from './security.ts';
import { precedenceDtgLine } from './dtgLine.ts';
import { addresseeContinuation, addressLine, prosignLine } from './addressees.ts';
import { actionLine, dashLine, infoLogLine, officeContinuation, pageLine, printoutClassificationLine } from './receivingCopy.ts';
import { dumpIdLine, longDateLine, partialExtractDtg, partialExtractNote } from './extract.ts';

/** A non-blank header line, as the recognisers read it. */
export interface HeaderLine extends Line {
  /** The non-blank text, text[start, end). */
  readonly trimmed: string;
  /**
   * `trimmed` upper-cased, computed in this one place and only for a line that a recogniser reading it could
   * take (upperCaseReaders); else undefined. The optimising compiler treats toUpperCase as pure: with a call
   * at each recogniser it merged them into one, run on every line before the first of them.
   */
  readonly upper: string | undefined;
  /** The first character's code as written, and as the upper-cased line has it. */
  readonly code: number;
  readonly capital: number;
}

/** Reads line i of the header. False when the line is no header line (a cable without a banner: the heading starts). */
export function headerLine(state: ParseState, i: number): boolean {
  const len = state.source.lines[i].length;
  const start = state.source.first[i];
  if (start === len) {
    // A blank line ends an addressee list; routing indicators and the partial-extract DTG may follow one.
    if (state.header.continuing !== 'routing' && state.header.continuing !== 'partial') state.header.continuing = 'none';
    return true;
  }
  if (len > MAX_HEADER_LINE) return false;
  if (state.header.ignoreRest) return true;
  const end = state.source.end[i];
  const s = state.source.line(i);
  const trimmed = s.slice(start, end);
  const code = trimmed.charCodeAt(0);
  const h = state.doc.header;
  const upper = upperCaseReaders(trimmed, code, state.header.continuing === 'addressee', h.receivingCopy !== undefined) ? trimmed.toUpperCase() : undefined;
  // A first character outside ASCII may upper-case to a letter: such a line always has `upper`.
  const capital = isNonAscii(code) && upper !== undefined ? upper.charCodeAt(0) : asciiUpper(code);
  const line: HeaderLine = { index: i, text: s, start, end, trimmed, upper, code, capital };
  return (
    byFirstCharacter(state, line) ||
    officeContinuation(state, line) ||
    addresseeContinuation(state, line) ||
    (line.capital === Char.LessThan ? dumpIdLine(line) : longDateLine(state, line)) ||
    printoutClassificationLine(state, line)
  );
}

/** The recognisers that the line's first character allows, as the upper-cased line has it. */
function byFirstCharacter(state: ParseState, line: HeaderLine): boolean {
  switch (line.capital) {
    case Char.V:
      return transmissionLine(state, line);
    case Char.T:
      return partialExtractNote(state, line) || addressLine(state, line);
    case Char.R:
      return routingLine(state, line) || routingIndicatorLine(state, line) || precedenceDtgLine(state, line);
    case Char.Z:
      return routingLine(state, line) || securityLine(state, line) || precedenceDtgLine(state, line);
    case Char.O:
    case Char.Y:
      return routingLine(state, line) || precedenceDtgLine(state, line);
    case Char.P:
      return routingLine(state, line) || precedenceDtgLine(state, line) || pageLine(state, line);
    case Char.D:
      return deLine(state, line);
    case Char.I:
      return infoLogLine(state, line) || addressLine(state, line);
    case Char.A:
      return actionLine(state, line);
    case Char.F:
    case Char.X:
      return addressLine(state, line);
    case Char.B:
    case Char.N:
      return prosignLine(state, line);
    case Char.Dash:
      return dashLine(state, line);
    default:
      return isDigit(line.code) && partialExtractDtg(state, line);
  }
}

/** Extends the header's range over the line's text, up to column `end`. */
export function extendHeader(state: ParseState, line: Line, end = line.end): void {
  const h = state.doc.header;
  // Header lines come in order: the range keeps its start and takes this line's end.
  h.range = h.range ? { start: h.range.start, end: { line: line.index, character: end } } : rng(line.index, line.start, end);
}

/** Marks the line read: the header's range takes it in, and `continuing` says what a next line may continue. */
export function took(state: ParseState, line: Line, continuing: ParseState['header']['continuing'] = 'none'): true {
  extendHeader(state, line);
  state.header.continuing = continuing;
  return true;
}

/**
 * Whether a recogniser that reads the upper-cased header line could take the trimmed line `t` (first
 * character `c`), from its first two characters (UPPER_HEADER_OPENINGS: the partial-extract note, INFO LOG,
 * ACTION, PAGE, the long date's weekday); on an addressee line, a heading keyword or caption
 * (mayOpenKeyword); any line once a receiving copy began (its office lines). Characters outside ASCII may
 * upper-case to anything: such a line always qualifies.
 */
export function upperCaseReaders(t: string, c: number, addressee: boolean, receivingCopy: boolean): boolean {
  const b = t.charCodeAt(1);
  if (isNonAscii(c) || isNonAscii(b) || receivingCopy || (addressee && mayOpenKeyword(t))) return true;
  return UPPER_HEADER_OPENINGS.has(c, b);
}

/**
 * False when the trimmed header line `t` can neither open a heading keyword (headingKeyword) nor be only
 * caption words (isCaptionText), read from its first two characters (KEYWORD_OPENINGS). Characters outside
 * printable ASCII may upper-case to anything (`ſ` to S, `ß` to SS): they take the long way.
 */
export function mayOpenKeyword(t: string): boolean {
  const a = t.charCodeAt(0);
  const b = t.charCodeAt(1);
  if (!(a > Char.Space && a < Char.Delete && b >= Char.Space && b < Char.Delete)) return true;
  return KEYWORD_OPENINGS.has(a, b);
}
