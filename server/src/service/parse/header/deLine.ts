import { readFilingTime } from '../../dtg.ts';
import { rng, tok } from '../range.ts';
import type { ParseState } from '../state.ts';

export const DE_LINE = /^DE +([A-Z0-9]{3,8}) +(#?)(\d{1,5}[A-Z]?)(?:\/(\d{1,3}))?(?: +(\S+))?/;

export function deLine(state: ParseState, i: number, s: string, f: number, t: string): void {
  const h = state.doc.header;
  const m = DE_LINE.exec(t);
  const range = rng(i, f, f + t.length);
  if (!m) {
    h.de = { range, station: tok(i, s, f + 3, f + t.length) };
    state.problem(range, 'de-unrecognised', 'The DE line should read `DE <routing indicator> #<serial>[/<section>] <Julian day><HHMM>`.');
    return;
  }
  const st = f + t.indexOf(m[1], 2);
  const de: NonNullable<typeof h.de> = { range, station: tok(i, s, st, st + m[1].length) };
  let p = st + m[1].length;
  p = s.indexOf(m[3], p);
  const serialStart = m[2] ? p - 1 : p;
  de.serial = { text: s.slice(serialStart, p + m[3].length), range: rng(i, serialStart, p + m[3].length), value: parseInt(m[3], 10) };
  p += m[3].length;
  if (m[4] !== undefined) {
    de.section = { text: m[4], range: rng(i, p + 1, p + 1 + m[4].length), value: Number(m[4]) };
    p += 1 + m[4].length;
  }
  if (m[5] !== undefined) {
    const fs = s.indexOf(m[5], p);
    const ft = readFilingTime(m[5], i, fs);
    if (ft) {
      de.filingTime = ft;
    } else {
      state.problem(rng(i, fs, fs + m[5].length), 'de-unrecognised', `'${m[5]}' is not a filing time (Julian day + HHMM, e.g. 2011547).`);
    }
  }
  h.de = de;
}
