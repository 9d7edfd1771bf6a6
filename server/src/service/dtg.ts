/**
 * Date-time groups (`201547Z JUL 09`) and DE-line filing times (`2011547`, `14/1625Z`).
 *
 * Pure functions: the parser calls `readDtg` on text it found where a DTG belongs and keeps whatever
 * could be read, so the rules can say precisely what is wrong; helpers here also serve hovers
 * (`formatDtgLong`) and the filing-time cross-checks (`julianToDate`, `dayOfYear`).
 */
import type { Dtg, FilingTime, Month, Range } from './model.ts';
import { Case, Char, codeAt, digitsValue, isDigit, isLetter, isUpper } from './parse/chars.ts';

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'] as const;
const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;
// Variants typists and converters produced; full names occur in NARA copies and long date lines.
const MONTH_VARIANTS: Record<string, Month> = {
  JANUARY: 1, FEBRUARY: 2, MARCH: 3, APRIL: 4, JUNE: 6, JULY: 7, JLY: 7, AUGUST: 8,
  SEPT: 9, SEPTEMBER: 9, OCTOBER: 10, NOVEMBER: 11, DECEMBER: 12,
};

/** Month number of a written month (`JUL`, `Jul`, `July`, `SEPT`), or undefined. */
export function monthFromText(text: string): Month | undefined {
  const up = text.toUpperCase();
  const i = (MONTHS as readonly string[]).indexOf(up);
  if (i >= 0) return (i + 1) as Month;
  return MONTH_VARIANTS[up];
}

/** `July` for 7; empty string outside 1–12. */
export function monthName(month: number): string {
  return MONTH_NAMES[month - 1] ?? '';
}

/** `JUL` for 7; empty string outside 1–12. */
export function monthAbbrev(month: number): string {
  return MONTHS[month - 1] ?? '';
}

/** Domain pivot for 2-digit years: the material spans 1966–2010, so yy ≥ 40 is 19yy, else 20yy. */
export function pivotYear(yy: number): number {
  return yy >= 40 ? 1900 + yy : 2000 + yy;
}

/** Full year from a year as written (2 or 4 digits). */
export function fullYear(written: string): number {
  const n = Number(written);
  return written.length <= 2 ? pivotYear(n) : n;
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function daysInYear(year: number): number {
  return isLeapYear(year) ? 366 : 365;
}

/** Day of the year, 1-based (1 Jan = 1). */
export function dayOfYear(year: number, month: number, day: number): number {
  let n = day;
  for (let m = 1; m < month; m++) n += daysInMonth(year, m);
  return n;
}

/** Month and day of a Julian (ordinal) day in a year; undefined for 0 or past the year's end. */
export function julianToDate(year: number, jday: number): { month: Month; day: number } | undefined {
  if (!Number.isInteger(jday) || jday < 1 || jday > daysInYear(year)) return undefined;
  let rest = jday;
  for (let m = 1; m <= 12; m++) {
    const dim = daysInMonth(year, m);
    if (rest <= dim) return { month: m as Month, day: rest };
    rest -= dim;
  }
  return undefined;
}

/**
 * Offset from UTC in hours of a military zone letter: Z = 0, A–I and K–M = +1…+12, N–Y = −1…−12.
 * J (Juliet, the observer's local time) has no fixed offset: undefined.
 */
export function zoneOffsetHours(zone: string): number | undefined {
  const z = zone.toUpperCase();
  if (z.length !== 1) return undefined;
  if (z === 'Z') return 0;
  return zoneLetterOffset(z.charCodeAt(0));
}

/** The offset of a capital zone letter other than Z: A–I +1…+9, K–M +10…+12, N–Y −1…−12; J undefined. */
function zoneLetterOffset(c: number): number | undefined {
  if (c >= Char.A && c <= Char.I) return c - Char.A + 1;
  if (c >= Char.K && c <= Char.M) return c - Char.K + 10;
  if (c >= Char.N && c <= Char.Y) return -(c - Char.N + 1);
  return undefined;
}

export function zoneName(zone: string): string {
  const off = zoneOffsetHours(zone);
  if (zone.toUpperCase() === 'Z') return 'UTC';
  if (off === undefined) return zone.toUpperCase() === 'J' ? 'local time (J)' : 'unknown zone';
  return `UTC${off >= 0 ? '+' : '−'}${Math.abs(off)}`;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** `2009-07-20T15:47:00Z` for an epoch in ms. */
export function isoMinute(epochMs: number): string {
  // Years 0000–9999 by arithmetic on the day count (civil-from-days): a Date, its five getters and
  // padStart cost several times more. Other instants (and NaN) take the Date's reading.
  if (!(epochMs >= MIN_ISO_MS && epochMs < MAX_ISO_MS)) return isoMinuteOfDate(epochMs);
  // A Date drops the fraction of a millisecond towards zero.
  const ms = Math.trunc(epochMs);
  const days = Math.floor(ms / 86_400_000);
  const minutes = Math.floor((ms - days * 86_400_000) / 60_000);
  // Days since 0000-03-01, in 400-year eras, with March as the first month (the leap day comes last).
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  const y = year >= 1000 ? String(year) : year >= 100 ? '0' + year : year >= 10 ? '00' + year : '000' + year;
  return y + '-' + pad2(month) + '-' + pad2(day) + 'T' + pad2(Math.floor(minutes / 60)) + ':' + pad2(minutes % 60) + ':00Z';
}
/** 0000-01-01T00:00Z and 10000-01-01T00:00Z. */
const MIN_ISO_MS = -62_167_219_200_000;
const MAX_ISO_MS = 253_402_300_800_000;

function isoMinuteOfDate(epochMs: number): string {
  const d = new Date(epochMs);
  const y = d.getUTCFullYear();
  return `${String(y).padStart(4, '0')}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}T${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:00Z`;
}

/** "20 July 2009, 15:47 UTC" (zone applied), or a description of what is missing. */
export function formatDtgLong(dtg: Dtg): string {
  if (dtg.epochMs !== undefined) {
    const d = new Date(dtg.epochMs);
    return `${d.getUTCDate()} ${monthName(d.getUTCMonth() + 1)} ${d.getUTCFullYear()}, ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())} UTC`;
  }
  const parts: string[] = [];
  if (dtg.day) parts.push(String(dtg.day.value));
  if (dtg.month?.value) parts.push(monthName(dtg.month.value));
  if (dtg.year) parts.push(String(dtg.year.value));
  let s = parts.join(' ');
  if (dtg.hour && dtg.minute) s += `${s ? ', ' : ''}${pad2(dtg.hour.value)}:${pad2(dtg.minute.value)}`;
  if (dtg.zone) s += ` ${zoneName(dtg.zone.value)}`;
  return s || dtg.text;
}

function rng(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}


/**
 * Reads a DTG starting at `start` of `s` (a line, already normalised). Accepts the forms seen in
 * real copies: `201547Z JUL 09`, `291359Z Nov 00`, `201547ZJUL09`, a 4-digit year, a missing year or
 * zone (recorded as malformed). Returns undefined when `s` has no six digits at `start`.
 * Hand-written scanner (no regex) so it stays linear on any input.
 */
export function readDtg(s: string, line: number, start: number): Dtg | undefined {
  let i = start;
  let digits = 0;
  while (digits < 9 && isDigit(codeAt(s, i + digits))) digits++;
  // Six digits is the form; 2–8 are read too (`1410Z JUL 09` lost its minutes) and reported as malformed.
  if (digits < 2 || digits > 8) return undefined;
  // What is malformed, joined with '; ' as it is found (an array and a join per DTG cost more).
  let malformed: string | undefined;
  const dtg: Dtg = { text: '', range: rng(line, start, start + digits) };
  if (digits === 6) {
    dtg.day = { text: s.slice(i, i + 2), range: rng(line, i, i + 2), value: twoDigits(s, i) };
    dtg.hour = { text: s.slice(i + 2, i + 4), range: rng(line, i + 2, i + 4), value: twoDigits(s, i + 2) };
    dtg.minute = { text: s.slice(i + 4, i + 6), range: rng(line, i + 4, i + 6), value: twoDigits(s, i + 4) };
  } else {
    malformed = `expected DDHHMM (six digits), found ${digits}`;
  }
  i += digits;
  let end = i;
  // Zone letter directly after the digits (NARA copies sometimes have a space before it).
  let j = i;
  if (codeAt(s, j) === Char.Space && isLetter(codeAt(s, j + 1)) && !isLetter(codeAt(s, j + 2))) j++;
  const zc = codeAt(s, j);
  // `201547ZJUL09` glues the month to a Z; any other letter followed by letters is the month itself.
  if (isLetter(zc) && (!isLetter(codeAt(s, j + 1)) || zc === Char.Z || zc === Char.z)) {
    // An ASCII letter: its upper case is one bit away.
    dtg.zone = { text: s[j], range: rng(line, j, j + 1), value: String.fromCharCode(zc & ~Case.Bit) };
    i = j + 1;
    end = i;
  } else {
    malformed = addProblem(malformed, 'missing zone letter');
  }
  // Month: letters after optional spaces.
  let m = i;
  while (codeAt(s, m) === Char.Space) m++;
  let me = m;
  while (me < s.length && me - m < 10 && isLetter(codeAt(s, me))) me++;
  if (me > m && !isLetter(codeAt(s, me))) {
    const mt = s.slice(m, me);
    const mv = me - m === 3 ? monthOfThreeLetters(s, m) : monthFromText(mt);
    dtg.month = { text: mt, range: rng(line, m, me), value: mv };
    if (mv === undefined) malformed = addProblem(malformed, `'${mt}' is not a month`);
    i = me;
    end = me;
    // Year: 2 or 4 digits after optional spaces.
    let y = i;
    while (codeAt(s, y) === Char.Space) y++;
    let ye = y;
    while (ye < s.length && ye - y < 5 && isDigit(codeAt(s, ye))) ye++;
    const ylen = ye - y;
    if ((ylen === 2 || ylen === 4) && !isLetter(codeAt(s, ye))) {
      const yy = twoDigits(s, y);
      dtg.year = { text: s.slice(y, ye), range: rng(line, y, ye), value: ylen === 2 ? pivotYear(yy) : yy * 100 + twoDigits(s, y + 2) };
      end = ye;
    } else if (ylen > 0) {
      malformed = addProblem(malformed, 'year must have 2 or 4 digits');
    } else {
      malformed = addProblem(malformed, 'missing year');
    }
  } else {
    malformed = addProblem(malformed, 'missing month');
  }
  dtg.range = rng(line, start, end);
  dtg.text = s.slice(start, end);
  if (malformed !== undefined) dtg.malformed = malformed;
  validateDtg(dtg);
  return dtg;
}

/** /^\d{7}$/.test(s), without the regex. */
function isSevenDigits(s: string): boolean {
  if (s.length !== 7) return false;
  for (let k = 0; k < 7; k++) if (!isDigit(s.charCodeAt(k))) return false;
  return true;
}

/** The value of the two ASCII digits at s[at]. */
function twoDigits(s: string, at: number): number {
  return digitsValue(s, at, at + 2);
}

/** `list` with `problem` added after a '; ', as joining the list of them reads. */
function addProblem(list: string | undefined, problem: string): string {
  return list === undefined ? problem : `${list}; ${problem}`;
}

/**
 * monthFromText of the three ASCII letters at s[at], read in place: the month abbreviations and JLY are
 * the only three-letter spellings it knows.
 */
function monthOfThreeLetters(s: string, at: number): Month | undefined {
  const key = ((s.charCodeAt(at) & ~Case.Bit) << 16) | ((s.charCodeAt(at + 1) & ~Case.Bit) << 8) | (s.charCodeAt(at + 2) & ~Case.Bit);
  return MONTH_BY_KEY.get(key);
}
const MONTH_BY_KEY = new Map<number, Month>(
  [...MONTHS, 'JLY'].map((name, k) => [(name.charCodeAt(0) << 16) | (name.charCodeAt(1) << 8) | name.charCodeAt(2), (k < 12 ? k + 1 : 7) as Month]),
);

/** zoneOffsetHours of a zone value, read without upper-casing it when it is one upper-case letter. */
function zoneOffset(zone: string): number | undefined {
  if (zone.length !== 1) return zoneOffsetHours(zone);
  const c = zone.charCodeAt(0);
  if (c === Char.Z) return 0;
  if (isUpper(c)) return zoneLetterOffset(c);
  return zoneOffsetHours(zone);
}

/** Fills `invalid`, `epochMs` and `iso` from the parts already read. */
export function validateDtg(dtg: Dtg): void {
  const day = dtg.day?.value;
  const hour = dtg.hour?.value;
  const minute = dtg.minute?.value;
  const month = dtg.month?.value;
  const year = dtg.year?.value;
  let problems: string | undefined;
  if (hour !== undefined && hour > 23) problems = `hour ${hour} is past 23`;
  if (minute !== undefined && minute > 59) problems = addProblem(problems, `minute ${minute} is past 59`);
  if (day !== undefined && day < 1) problems = addProblem(problems, 'day 00 does not exist');
  if (day !== undefined && month !== undefined) {
    const dim = daysInMonth(year ?? 2001, month);
    if (day > dim) {
      problems = addProblem(
        problems,
        month === 2 && day === 29 && year !== undefined
          ? `${year} is not a leap year`
          : `${monthName(month)} has ${month === 2 && year === undefined ? '28 or 29' : dim} days`,
      );
    }
  } else if (day !== undefined && day > 31) {
    problems = addProblem(problems, `day ${day} is past 31`);
  }
  const zone = dtg.zone?.value;
  const off = zone !== undefined ? zoneOffset(zone) : undefined;
  if (zone !== undefined && off === undefined) {
    problems = addProblem(problems, zone === 'J' ? 'zone J (local time) is not a fixed zone' : `'${zone}' is not a zone letter`);
  }
  if (problems !== undefined) {
    dtg.invalid = problems;
    return;
  }
  if (dtg.malformed || day === undefined || hour === undefined || minute === undefined || !month || !year || !zone) return;
  dtg.epochMs = Date.UTC(year, month - 1, day, hour, minute) - (off ?? 0) * 3600_000;
  dtg.iso = isoMinute(dtg.epochMs);
}

/** Parses a whole string as a DTG (for tests and tools): `parseDtg('201547Z JUL 09')`. */
export function parseDtg(text: string): Dtg | undefined {
  const s = text.trim();
  const d = readDtg(s, 0, 0);
  if (!d || d.text.length !== s.length) return d && { ...d, malformed: d.malformed ?? 'trailing text' };
  return d;
}

/**
 * Reads a DE-line filing time: Julian day + HHMM (`2011547`) or `DD/HHMMZ` (`14/1625Z`).
 * `year` (from the DTG) resolves it to an instant; `dtgEpochMs` lets a 31 Dec DTG filed on day 001
 * roll over into the next year.
 */
export function readFilingTime(
  text: string,
  line: number,
  start: number,
  year?: number,
  dtgEpochMs?: number,
): FilingTime | undefined {
  const range = rng(line, start, start + text.length);
  if (isSevenDigits(text)) {
    const jday = digitsValue(text, 0, 3);
    const hour = twoDigits(text, 3);
    const minute = twoDigits(text, 5);
    const ft: FilingTime = { text, range, julianDay: jday, hour, minute };
    let bad: string | undefined;
    if (jday < 1 || jday > 366) bad = `Julian day ${text.slice(0, 3)} does not exist`;
    if (hour > 23) bad = addProblem(bad, `hour ${hour} is past 23`);
    if (minute > 59) bad = addProblem(bad, `minute ${minute} is past 59`);
    if (bad === undefined && year !== undefined) {
      let y = year;
      // A DTG in late December filed in early January belongs to the next year.
      if (dtgEpochMs !== undefined && jday < 32 && new Date(dtgEpochMs).getUTCMonth() === 11) y = year + 1;
      else if (dtgEpochMs !== undefined && jday > 334 && new Date(dtgEpochMs).getUTCMonth() === 0) y = year - 1;
      const date = julianToDate(y, jday);
      if (date) ft.epochMs = Date.UTC(y, date.month - 1, date.day, hour, minute);
      else bad = `${y} has ${daysInYear(y)} days`;
    }
    if (bad !== undefined) ft.invalid = bad;
    return ft;
  }
  const m = /^(\d{2})\/(\d{2})(\d{2})Z{0,2}$/.exec(text);
  if (m) {
    const day = Number(m[1]);
    const hour = Number(m[2]);
    const minute = Number(m[3]);
    const ft: FilingTime = { text, range, day, hour, minute };
    const bad: string[] = [];
    if (day < 1 || day > 31) bad.push(`day ${m[1]} does not exist`);
    if (hour > 23) bad.push(`hour ${hour} is past 23`);
    if (minute > 59) bad.push(`minute ${minute} is past 59`);
    if (bad.length) ft.invalid = bad.join('; ');
    else if (dtgEpochMs !== undefined) {
      const d = new Date(dtgEpochMs);
      ft.epochMs = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), day, hour, minute);
    }
    return ft;
  }
  return undefined;
}
