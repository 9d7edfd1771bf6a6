import type { EoLine } from '../../model.ts';
import { fullYear, daysInMonth } from '../../dtg.ts';
import { Char, codeAt, digitValue, isAlnum, isDigit, isUpper } from '../chars.ts';
import { endNonSpaceBefore } from '../../text.ts';
import { rng, tok } from '../range.ts';
import type { ParseState } from '../state.ts';
import { EO_RE } from './keywords.ts';
import { tagsLine } from './tags.ts';
import { headingPart, type HeadingLine } from './index.ts';

/**
 * The E.O. line: `E.O. 12958: DECL: 07/16/2019`, the order and its declassification instruction (a date,
 * N/A, OADR, an exemption X1–X8 or 25X1, a schedule GDS/XGDS, an event, a downgrade DNG). The first one
 * stands. TAGS may run on in the same line.
 */
export function eoLine(state: ParseState, line: HeadingLine): void {
  const { index: i, text: s, start: f, end: e, upper: u } = line;
  const m = EO_RE.exec(u)!;
  const orderStart = f + m[0].length - 5;
  // The TAGS or SUBJECT may run on in the same line (`E.O. 12958: N/A TAGS: ASEC`).
  const upperLine = u.slice(0, e - f);
  // `TAG` alone too (`… DECL: 03/20/2019 TAG PTER, PGOV`): after the order nothing else is so spelt.
  const tagsAt = tagsKeywordIn(upperLine, m[0].length);
  const eoEnd = tagsAt >= 0 ? f + endNonSpaceBefore(upperLine, tagsAt) : e;
  const eo: EoLine = {
    range: rng(i, f, eoEnd),
    order: { text: m[1], range: rng(i, orderStart, orderStart + 5), value: Number(m[1]) },
    kind: 'none',
  };
  let p = f + m[0].length;
  while (p < eoEnd && (s.charCodeAt(p) === Char.Space || s.charCodeAt(p) === Char.Colon)) p++;
  if (p < eoEnd) {
    eo.instruction = tok(i, s, p, eoEnd);
    readInstruction(state, eo, i, s, p, eoEnd);
  }
  if (!state.doc.eo) state.doc.eo = eo;
  if (tagsAt >= 0) tagsLine(state, headingPart(line, f + tagsAt, e, u.slice(tagsAt)));
}

/** What the instruction s[p, end) says: eo.kind, and the date, exemption or downgrade it names. */
function readInstruction(state: ParseState, eo: EoLine, i: number, s: string, p: number, end: number): void {
  const text = s.slice(p, end);
  const up = text.toUpperCase();
  // Each form is tried only when the first letter allows it: most instructions are `DECL: <date>`,
  // which would otherwise pass through six regexes before its own.
  const c0 = up.charCodeAt(0);
  if (namedInstruction(eo, up, c0, i, s, p)) return;
  let m: RegExpExecArray | null;
  if ((c0 === Char.G || c0 === Char.A || c0 === Char.X || c0 === Char.R) && (m = /^(GDS|ADS|XGDS-? ?[1-4]|RDS-? ?[1-4]|XDS-? ?[1-4])\b/.exec(up))) {
    eo.kind = 'schedule';
    eo.exemption = tok(i, s, p, p + m[1].length);
    const dm = /\d{1,4}[/-]\d{1,2}[/-]\d{2,4}/.exec(text.slice(m[1].length));
    if (dm) declDate(state, eo, i, s, p + m[1].length + dm.index, dm[0]);
    return;
  }
  const q = c0 === Char.D ? declKeywordEnd(up) : 0;
  if (declaredInstruction(state, eo, up.slice(q), q > 0, i, s, p + q)) return;
  eo.kind = 'unknown';
  state.problem(rng(i, p, end), 'eo-unrecognised', `The declassification instruction '${text.slice(0, 60)}' cannot be read (expected DECL: date, N/A, OADR, X1–X8 …).`);
}

/** N/A, the release notes of NARA and WikiLeaks (`AS AMENDED`, `DECLASSIFIED`), and a downgrade (`DNG: CO 12/31/1979`). */
function namedInstruction(eo: EoLine, up: string, c0: number, i: number, s: string, p: number): boolean {
  let m: RegExpExecArray | null;
  switch (c0) {
    case Char.N:
      if (!/^N ?\/? ?A\b/.test(up)) return false;
      eo.kind = 'na';
      return true;
    case Char.A:
      if (!up.startsWith('AS AMENDED')) return false;
      eo.kind = 'nara';
      return true;
    case Char.D:
      if ((up.startsWith('DECL') && /^DECL\W{0,4}DECLASSIFIED\b/.test(up)) || up.startsWith('DECLASSIFIED')) {
        eo.kind = 'nara';
        return true;
      }
      if (up.charCodeAt(1) !== Char.N || !(m = /^DNG\W{0,3}(CO|SE|UC|[CSU])\b(?: {1,3}([\d/.-]{6,10}))?/.exec(up))) return false;
      {
        const toStart = p + m[0].indexOf(m[1], 3);
        eo.downgrade = { range: rng(i, p, p + m[0].length), to: tok(i, s, toStart, toStart + m[1].length) };
        if (m[2]) {
          const ds = p + m[0].length - m[2].length;
          eo.downgrade.date = tok(i, s, ds, ds + m[2].length);
        }
        eo.kind = 'date';
        return true;
      }
    default:
      return false;
  }
}

/**
 * Where the DECL keyword of an upper-cased instruction opening with D ends, with the blanks and colon after
 * it: what `^(?:DECLASSIFY(?: ON)?|DECLL?|DECL\.)? *:? *` takes (DECLL? takes `DECL.` before DECL\. can);
 * the instruction starts after the E.O. line's blanks and colons, so without a D nothing is taken.
 */
function declKeywordEnd(up: string): number {
  let q = 0;
  if (up.startsWith('DECLASSIFY')) q = up.startsWith(' ON', 10) ? 13 : 10;
  else if (up.startsWith('DECL')) q = up.charCodeAt(4) === Char.L ? 5 : 4;
  while (up.charCodeAt(q) === Char.Space) q++;
  if (up.charCodeAt(q) === Char.Colon) q++;
  while (up.charCodeAt(q) === Char.Space) q++;
  return q;
}

/**
 * What follows DECL (`rest`, upper-cased, at column p; `keyword` when DECL was written): OADR, an
 * exemption (X1–X8, 25X1, 50X1-HUM, MR), a date, or an event (`DECL: UPON …`). False when it is none.
 */
function declaredInstruction(state: ParseState, eo: EoLine, rest: string, keyword: boolean, i: number, s: string, p: number): boolean {
  const r0 = rest.charCodeAt(0);
  let m: RegExpExecArray | null;
  if (r0 === Char.O && /^OADR\b/.test(rest)) {
    eo.kind = 'oadr';
    eo.exemption = tok(i, s, p, p + 4);
  } else if ((r0 === Char.X || r0 === Char.Digit2 || r0 === Char.Digit5 || r0 === Char.M) && (m = /^(X[1-8]|25X[1-9](?:-HUM)?|50X[1-9](?:-HUM)?|MR)\b/.exec(rest))) {
    eo.kind = 'exemption';
    eo.exemption = tok(i, s, p, p + m[1].length);
  } else if (isDigit(r0) && (m = /^\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b/.exec(rest))) {
    eo.kind = 'date';
    declDate(state, eo, i, s, p, m[0]);
  } else if (keyword && isUpper(r0)) {
    eo.kind = rest.startsWith('DECLASSIFIED') ? 'nara' : 'event';
  } else {
    return false;
  }
  return true;
}

/** The DECL date `text` at column `at`: month/day/year or year/month/day, checked to be a real day. */
function declDate(state: ParseState, eo: EoLine, i: number, s: string, at: number, text: string): void {
  // Three runs of digits apart by one of / . - (what the callers' regexes let through), read in place:
  // this runs once per cable, where split and map(Number) cost more than the rest of the E.O. line.
  let k = 0;
  let a = 0;
  for (let c = codeAt(text, k); isDigit(c); c = codeAt(text, ++k)) a = a * 10 + digitValue(c);
  const firstLen = k;
  let b = 0;
  for (let c = codeAt(text, ++k); isDigit(c); c = codeAt(text, ++k)) b = b * 10 + digitValue(c);
  const lastAt = ++k;
  let z = 0;
  for (let c = codeAt(text, k); isDigit(c); c = codeAt(text, ++k)) z = z * 10 + digitValue(c);
  const d: NonNullable<EoLine['declassifyOn']> = tok(i, s, at, at + text.length);
  let y: number;
  let mo: number;
  let dd: number;
  if (firstLen === 4) {
    y = a;
    mo = b;
    dd = z;
  } else {
    mo = a;
    dd = b;
    y = text.length - lastAt === 4 ? z : fullYear(text.slice(lastAt));
  }
  if (mo >= 1 && mo <= 12 && dd >= 1 && dd <= daysInMonth(y, mo) && y >= 1900 && y < 2200) {
    d.year = y;
    d.month = mo;
    d.day = dd;
  } else {
    d.invalid = `${text} is not a real day (month/day/year)`;
  }
  eo.declassifyOn = d;
}

/**
 * Index of the first TAGS keyword in `line` at or after `from` that stands at a word start: `TAGS`,
 * `TGS` or `TAG` as whole words, or `TAG:`. Every TAG-spelt one is found from one indexOf of TAG.
 */
function tagsKeywordIn(line: string, from: number): number {
  let best = -1;
  for (let at = line.indexOf('TAG', from); at >= 0; at = line.indexOf('TAG', at + 1)) {
    if (isAlnum(codeAt(line, at - 1))) continue;
    const c = codeAt(line, at + 3);
    if (!isAlnum(c) || (c === Char.S && !isAlnum(codeAt(line, at + 4)))) {
      best = at;
      break;
    }
  }
  for (let at = line.indexOf('TGS', from); at >= 0 && (best < 0 || at < best); at = line.indexOf('TGS', at + 1)) {
    if (!isAlnum(codeAt(line, at - 1)) && !isAlnum(codeAt(line, at + 3))) return at;
  }
  return best;
}
