/**
 * The transmission and routing lines: `VZCZCXYZ0015` (format line 1: channel and serial), `RR RUEHWEB`
 * (format line 2: the precedence letter doubled and the routing indicators), and lines of further routing
 * indicators that follow it.
 */
import type { PrecedenceLetter, Token } from '../../model.ts';
import { Char } from '../chars.ts';
import { rng, span, tok } from '../range.ts';
import type { ParseState } from '../state.ts';
import { extendHeader, took, type HeaderLine } from './index.ts';

const FL1 = /^V{1,2} ?ZCZC([A-Z]{3})(\d{2,5})\b/;
const FL2 = /^(ZZ|OO|PP|RR|YY)((?: +R[A-Z]{3,6})+) *$/;
const RI_LINE = /^R[A-Z]{3,6}(?: +R[A-Z]{3,6})* *$/;
const RI_G = /R[A-Z]{3,6}/g;

/** Whether `text` is a transmission line (banner.ts asks, to find the last header of a mail printout). */
export function isTransmissionLine(text: string): boolean {
  return FL1.test(text);
}

/** `VZCZCXYZ0015`. A second one starts a copy of the header (dump layout, mail printouts): the first one stands. */
export function transmissionLine(state: ParseState, line: HeaderLine): boolean {
  const m = line.code === Char.V ? FL1.exec(line.trimmed) : null;
  if (!m) return false;
  if (state.header.seenTransmissionLine) {
    state.header.ignoreRest = true;
    return true;
  }
  state.header.seenTransmissionLine = true;
  const { index: i, text: s, start: f } = line;
  state.doc.header.transmissionId = { text: s.slice(f, f + m[0].length), range: rng(i, f, f + m[0].length), channel: m[1], serial: m[2] };
  return took(state, line);
}

/** `RR RUEHWEB`: FL2 doubles its precedence letter, which the first two characters tell. */
export function routingLine(state: ParseState, line: HeaderLine): boolean {
  const t = line.trimmed;
  const m = line.code === line.capital && t.charCodeAt(1) === line.code ? FL2.exec(t) : null;
  if (!m) return false;
  const { index: i, start: f, end: e } = line;
  state.doc.header.routing = {
    range: rng(i, f, e),
    precedence: { text: m[1], range: rng(i, f, f + 2), value: m[1][0] as PrecedenceLetter },
    indicators: routingIndicators(line, f + m[1].length),
  };
  return took(state, line, 'routing');
}

/** `RUEHC RUEHFR`: more routing indicators after the routing line. */
export function routingIndicatorLine(state: ParseState, line: HeaderLine): boolean {
  const routing = state.doc.header.routing;
  if (state.header.continuing !== 'routing' || line.code !== Char.R || !RI_LINE.test(line.trimmed) || !routing) return false;
  routing.indicators.push(...routingIndicators(line, line.start));
  routing.range = span(routing.range, rng(line.index, line.start, line.end));
  extendHeader(state, line);
  return true;
}

function routingIndicators(line: HeaderLine, from: number): Token[] {
  const out: Token[] = [];
  RI_G.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = RI_G.exec(line.text))) out.push(tok(line.index, line.text, m.index, m.index + m[0].length));
  return out;
}
