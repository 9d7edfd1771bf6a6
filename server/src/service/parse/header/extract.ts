/**
 * What the WikiLeaks pages and dumps put above the banner: the partial-extract note (`This record is a
 * partial extract of the original cable. …`) with the DTG on the line after it, the viewer's long date
 * (`Wednesday, 29 November 2000, 13:59`), and dump ids (`<<1234>>`).
 */
import type { Dtg } from '../../model.ts';
import { monthFromText, readDtg, validateDtg } from '../../dtg.ts';
import { Case, Char } from '../chars.ts';
import { rng, span } from '../range.ts';
import type { ParseState } from '../state.ts';
import { PARTIAL_EXTRACT_NOTE, WEEKDAYS, alternation } from '../vocabulary.ts';
import { firstLetters } from '../gates.ts';
import { extendHeader, took, type HeaderLine } from './index.ts';

export const WEEKDAY = new RegExp(`^(?:${alternation(WEEKDAYS)}), +\\d{1,2} +[A-Z]+ +\\d{4}`);
const LONG_DATE = /^([a-z]+), +(\d{1,2}) +([a-z]+) +(\d{4}),? +(\d{1,2}):(\d{2})/i;
const WEEKDAY_FIRST_LETTERS = firstLetters(WEEKDAYS);
const DUMP_ID = /^<<\d+>>/;

export function partialExtractNote(state: ParseState, line: HeaderLine): boolean {
  const u = line.upper;
  if (u === undefined || (line.trimmed.charCodeAt(1) | Case.Bit) !== Char.h || !u.startsWith(PARTIAL_EXTRACT_NOTE)) return false;
  state.doc.header.partialExtract = { range: rng(line.index, line.start, line.end) };
  return took(state, line, 'partial');
}

/** The DTG on the line after the partial-extract note. Either way, the note takes no further line. */
export function partialExtractDtg(state: ParseState, line: HeaderLine): boolean {
  const note = state.doc.header.partialExtract;
  if (state.header.continuing !== 'partial' || !note) return false;
  state.header.continuing = 'none';
  const dtg = readDtg(line.text, line.index, line.start);
  if (!dtg) return false;
  note.dtg = dtg;
  note.range = span(note.range, dtg.range);
  extendHeader(state, line);
  return true;
}

/** The viewer's long date; the first one read stands. */
export function longDateLine(state: ParseState, line: HeaderLine): boolean {
  if (!WEEKDAY_FIRST_LETTERS[line.capital] || line.upper === undefined || !WEEKDAY.test(line.upper)) return false;
  const h = state.doc.header;
  const d = readLongDate(line.text, line.index, line.start, line.end);
  if (d && !h.dateLine) h.dateLine = d;
  extendHeader(state, line);
  return true;
}

/** A dump's record id, which is no part of the cable: read and left out of the header's range. */
export function dumpIdLine(line: HeaderLine): boolean {
  return DUMP_ID.test(line.trimmed);
}

/** Reads `Wednesday, 29 November 2000, 13:59` (the viewer's long date) as a DTG in UTC. */
function readLongDate(s: string, line: number, from: number, to: number): Dtg | undefined {
  const m = LONG_DATE.exec(s.slice(from, to));
  if (!m) return undefined;
  const text = m[0];
  const at = (k: number, within: number) => from + text.indexOf(m[k], within);
  const dayAt = at(2, m[1].length);
  const monAt = at(3, dayAt - from + m[2].length);
  const yearAt = at(4, monAt - from + m[3].length);
  const hourAt = at(5, yearAt - from + 4);
  const minAt = hourAt + m[5].length + 1;
  const dtg: Dtg = {
    text,
    range: rng(line, from, from + text.length),
    day: { text: m[2], range: rng(line, dayAt, dayAt + m[2].length), value: Number(m[2]) },
    month: { text: m[3], range: rng(line, monAt, monAt + m[3].length), value: monthFromText(m[3]) },
    year: { text: m[4], range: rng(line, yearAt, yearAt + 4), value: Number(m[4]) },
    hour: { text: m[5], range: rng(line, hourAt, hourAt + m[5].length), value: Number(m[5]) },
    minute: { text: m[6], range: rng(line, minAt, minAt + 2), value: Number(m[6]) },
    // The long date carries no zone letter; the viewer wrote it in UTC (it equals the extract's DTG).
    zone: { text: '', range: rng(line, minAt + 2, minAt + 2), value: 'Z' },
  };
  validateDtg(dtg);
  return dtg;
}
