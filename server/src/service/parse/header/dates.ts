import type { Dtg } from '../../model.ts';
import { monthFromText, validateDtg } from '../../dtg.ts';
import { rng } from '../range.ts';
import type { ParseState } from '../state.ts';

export function dtgProblems(state: ParseState, dtg: Dtg): void {
  if (dtg.malformed) state.problem(dtg.range, 'dtg-malformed', `Malformed date-time group '${dtg.text}': ${dtg.malformed}.`);
  if (dtg.invalid) state.problem(dtg.range, 'dtg-invalid', `Impossible date-time group '${dtg.text}': ${dtg.invalid}.`);
}

/** Reads `Wednesday, 29 November 2000, 13:59` (the viewer's long date) as a DTG in UTC. */
export function readLongDate(s: string, line: number, from: number, to: number): Dtg | undefined {
  const m = /^([a-z]+), +(\d{1,2}) +([a-z]+) +(\d{4}),? +(\d{1,2}):(\d{2})/i.exec(s.slice(from, to));
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
