/** The DE line: `DE RUEHBS #0995/01 2011547` (station, serial, section, Julian filing day and time). */
import { readFilingTime } from '../../dtg.ts';
import type { CableDocument } from '../../model.ts';
import { rng, tok } from '../range.ts';
import type { ParseState } from '../state.ts';
import { took, type HeaderLine } from './index.ts';

type De = NonNullable<CableDocument['header']['de']>;

const DE_LINE = /^DE +([A-Z0-9]{3,8}) +(#?)(\d{1,5}[A-Z]?)(?:\/(\d{1,3}))?(?: +(\S+))?/;

export function deLine(state: ParseState, line: HeaderLine): boolean {
  const t = line.trimmed;
  if (!t.startsWith('DE ')) return false;
  const { index: i, text: s, start: f } = line;
  const range = rng(i, f, line.end);
  const m = DE_LINE.exec(t);
  if (!m) {
    state.doc.header.de = { range, station: tok(i, s, f + 3, line.end) };
    state.problem(range, 'de-unrecognised', 'The DE line should read `DE <routing indicator> #<serial>[/<section>] <Julian day><HHMM>`.');
    return took(state, line);
  }
  const stationAt = f + t.indexOf(m[1], 2);
  const de: De = { range, station: tok(i, s, stationAt, stationAt + m[1].length) };
  let p = s.indexOf(m[3], stationAt + m[1].length);
  const serialStart = m[2] ? p - 1 : p;
  de.serial = { text: s.slice(serialStart, p + m[3].length), range: rng(i, serialStart, p + m[3].length), value: parseInt(m[3], 10) };
  p += m[3].length;
  if (m[4] !== undefined) {
    de.section = { text: m[4], range: rng(i, p + 1, p + 1 + m[4].length), value: Number(m[4]) };
    p += 1 + m[4].length;
  }
  if (m[5] !== undefined) {
    const at = s.indexOf(m[5], p);
    const ft = readFilingTime(m[5], i, at);
    if (ft) de.filingTime = ft;
    else state.problem(rng(i, at, at + m[5].length), 'de-unrecognised', `'${m[5]}' is not a filing time (Julian day + HHMM, e.g. 2011547).`);
  }
  state.doc.header.de = de;
  return took(state, line);
}
