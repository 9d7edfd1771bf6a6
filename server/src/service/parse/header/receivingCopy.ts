/**
 * A receiving post's printout of the cable: `INFO LOG-00 …`, `ACTION EUR-00`, `PAGE 01 …`, the dashed
 * line with the DTG, the office continuation lines (`EUR-01 NSAE-00 …`), and, in partial extracts, the
 * printout's classification line (`CONFIDENTIAL     PTQ1859`). Kept as the header's receiving copy.
 */
import { readClassificationWords } from '../../classification.ts';
import { Char } from '../chars.ts';
import { span, tok } from '../range.ts';
import type { ParseState } from '../state.ts';
import { took, type HeaderLine } from './index.ts';

export const INFO_LOG = /^INFO +[A-Z]+-\d{2}\b/;
export const ACTION_LINE = /^ACTION +[A-Z]+-\d{2}\b/;
export const PAGE_LINE = /^PAGE +\d{2}\b/;
const DASH_LINE = /^-{6,}[0-9A-F]{0,8} +\d{6}Z/;
const OFFICE_CONT = /^[A-Z][A-Z0-9]*-\d{2}(?: |$)/;

export function infoLogLine(state: ParseState, line: HeaderLine): boolean {
  return line.upper !== undefined && INFO_LOG.test(line.upper) && receivingCopyLine(state, line);
}

export function actionLine(state: ParseState, line: HeaderLine): boolean {
  return line.upper !== undefined && ACTION_LINE.test(line.upper) && receivingCopyLine(state, line);
}

export function pageLine(state: ParseState, line: HeaderLine): boolean {
  return line.upper !== undefined && PAGE_LINE.test(line.upper) && receivingCopyLine(state, line);
}

export function dashLine(state: ParseState, line: HeaderLine): boolean {
  return line.code === Char.Dash && DASH_LINE.test(line.trimmed) && receivingCopyLine(state, line);
}

/** Once a receiving copy began, its office lines (any first character) — but not inside an addressee list. */
export function officeContinuation(state: ParseState, line: HeaderLine): boolean {
  const copying = state.doc.header.receivingCopy !== undefined && state.header.continuing !== 'addressee';
  return copying && line.upper !== undefined && OFFICE_CONT.test(line.upper) && receivingCopyLine(state, line);
}

/** The classification line of a printout in a partial extract; what a next line may continue is left as it was. */
export function printoutClassificationLine(state: ParseState, line: HeaderLine): boolean {
  if (!state.doc.header.partialExtract || !readClassificationWords(line.text, line.start)) return false;
  addToCopy(state, line);
  return true;
}

function receivingCopyLine(state: ParseState, line: HeaderLine): true {
  addToCopy(state, line);
  return took(state, line);
}

function addToCopy(state: ParseState, line: HeaderLine): void {
  const h = state.doc.header;
  const token = tok(line.index, line.text, line.start, line.end);
  if (!h.receivingCopy) h.receivingCopy = { range: token.range, lines: [token] };
  else {
    h.receivingCopy.lines.push(token);
    h.receivingCopy.range = span(h.receivingCopy.range, token.range);
  }
}
