/** The precedence and DTG line (format line 5): `P 141030Z JUL 09`, `O R 201547Z JUL 09`. */
import type { CableDocument, PrecedenceLetter } from '../../model.ts';
import { readDtg } from '../../dtg.ts';
import { Char } from '../chars.ts';
import { rng } from '../range.ts';
import type { ParseState } from '../state.ts';
import { took, type HeaderLine } from './index.ts';

// Six digits, or a damaged DTG (2–8 digits) that still has its zone/month shape after it.
export const DTG_LINE = /^([ZOPRY])(?: ([ZOPRY]))? +(?=\d{6}|\d{2,8}[A-Z]? [A-Z]{3}\b)/;

/** An FL5 precedence letter stands alone before a blank. Only the first such line counts. */
export function precedenceDtgLine(state: ParseState, line: HeaderLine): boolean {
  const h = state.doc.header;
  const m = line.code === line.capital && line.trimmed.charCodeAt(1) === Char.Space ? DTG_LINE.exec(line.trimmed) : null;
  if (!m || h.dtgLine) return false;
  const { index: i, text: s, start: f } = line;
  const precedence = [{ text: m[1], range: rng(i, f, f + 1), value: m[1] as PrecedenceLetter }];
  if (m[2]) precedence.push({ text: m[2], range: rng(i, f + 2, f + 3), value: m[2] as PrecedenceLetter });
  const dtgLine: NonNullable<CableDocument['header']['dtgLine']> = { range: rng(i, f, line.end), precedence };
  h.dtgLine = dtgLine;
  const dtg = readDtg(s, i, f + m[0].length);
  if (dtg) dtgLine.dtg = dtg;
  else state.problem(dtgLine.range, 'dtg-unrecognised', 'No date-time group could be read on the precedence line.');
  return took(state, line);
}
