/**
 * Date-time group rules (cable-format.md section 2): the form `DDHHMM` + zone + `MON` + `YY`, real
 * calendar times, the zone, and the `DE` line's filing time against the DTG.
 */
import type { Dtg, Range } from '../model.ts';
import { daysInMonth, daysInYear, monthFromText } from '../dtg.ts';
import { DAY_MS, editDistance, isoDay, type Finding, type Fix, type Rule, type RuleContext } from './common.ts';
import { upperCased } from '../text.ts';

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const EXPECTED = 'expected DDHHMM, a zone letter, a three-letter month and the year, e.g. 051430Z MAR 09';

type Report = (f: Finding) => void;

/** Runs `check` on every DTG the cable carries in DTG form (the header's and the partial extract's). */
function eachDtg(ctx: RuleContext, report: Report, check: (dtg: Dtg, report: Report) => void): void {
  const h = ctx.doc.header;
  if (h.dtgLine?.dtg) check(h.dtgLine.dtg, report);
  if (h.partialExtract?.dtg) check(h.partialExtract.dtg, report);
  // Not `doc.dtg` itself: it may come from a long date line (`Friday, 27 August 2004, 08:08`), which
  // dates the cable but is not a DTG and is not held to the DTG's form.
}

/** The month a misspelled month most likely stands for, when exactly one is closest. */
export function closestMonth(written: string): string | undefined {
  const up = written.toUpperCase();
  // Known variants (`JLY`, `SEPT`, full names) first, then a single slip from exactly one month.
  const known = monthFromText(up);
  if (known !== undefined) return MONTHS[known - 1];
  if (up.length !== 3) return undefined;
  const near = MONTHS.filter((m) => editDistance(up, m) === 1);
  return near.length === 1 ? near[0] : undefined;
}

function monthFix(dtg: Dtg): Fix | undefined {
  const m = dtg.month;
  if (!m || m.value !== undefined) return undefined;
  const right = closestMonth(m.text);
  if (!right) return undefined;
  const text = m.text === m.text.toLowerCase() ? right.toLowerCase() : m.text === m.text.toUpperCase() ? right : right[0] + right.slice(1).toLowerCase();
  return { title: `Change month '${m.text}' to '${text}'`, edits: [{ range: m.range, newText: text }], preferred: true };
}

/** The part of an impossible DTG that is impossible, so the squiggle sits under it. */
function invalidPart(dtg: Dtg): { range: Range; what: string } {
  const { day, hour, minute, month, year } = dtg;
  if (day && month?.value && year) {
    const dim = daysInMonth(year.value, month.value);
    if (day.value < 1 || day.value > dim) {
      return { range: day.range, what: `day ${day.text} does not exist in ${month.text} ${year.value} (days 01–${dim})` };
    }
  }
  if (hour && hour.value > 23) return { range: hour.range, what: `hour ${hour.text} is past 23` };
  if (minute && minute.value > 59) return { range: minute.range, what: `minute ${minute.text} is past 59` };
  return { range: dtg.range, what: dtg.invalid ?? 'it names no real time' };
}

function checkForm(dtg: Dtg, report: Report): void {
  if (dtg.malformed === undefined) {
    if (dtg.zone && upperCased(dtg.zone.value) === 'J') {
      report({
        range: dtg.zone.range,
        message: `Zone J (local time) cannot stand in a transmitted date-time group '${dtg.text}'; ${EXPECTED}`,
      });
    }
    // The parser reads month variants (`JLY`, `SEPT`, `JULY`) so that the date is known; the form
    // still calls for the three-letter abbreviation.
    const m = dtg.month;
    if (m?.value !== undefined && upperCased(m.text) !== MONTHS[m.value - 1]) {
      const right = MONTHS[m.value - 1]!;
      const text = m.text === m.text.toUpperCase() ? right : right[0] + right.slice(1).toLowerCase();
      report({
        range: m.range,
        message: `Month '${m.text}' in '${dtg.text}' is not a three-letter month; expected ${right}`,
        fix: { title: `Change month '${m.text}' to '${text}'`, edits: [{ range: m.range, newText: text }], preferred: true },
      });
    }
    return;
  }
  const fix = monthFix(dtg);
  const range = fix ? dtg.month!.range : dtg.range;
  report({ range, message: `Malformed date-time group '${dtg.text}': ${dtg.malformed}; ${EXPECTED}`, fix });
}

function checkInvalid(dtg: Dtg, report: Report): void {
  if (dtg.malformed !== undefined || dtg.invalid === undefined) return;
  if (dtg.zone && upperCased(dtg.zone.value) === 'J') return; // a form error: dtg-malformed says so
  const { range, what } = invalidPart(dtg);
  report({ range, message: `Impossible date-time group '${dtg.text}': ${what}; expected day 01–31 within the month, hour 00–23, minute 00–59` });
}

function checkZone(dtg: Dtg, report: Report): void {
  const z = dtg.zone;
  if (!z || dtg.malformed !== undefined) return;
  const v = upperCased(z.value);
  if (v === 'Z' || v === 'J') return;
  report({
    range: z.range,
    message: `Zone letter '${z.text}' in '${dtg.text}': State cables are dated in UTC; expected Z`,
  });
}

export const dtgRules: Rule[] = [
  {
    code: 'dtg-malformed',
    severity: 'error',
    family: 'dtg',
    description: 'A date-time group not of the form `DDHHMM` + zone letter + `MON` + `YY` (`2015Z JUL 09`, `201547Z JLY 09`, zone `J`).',
    check(ctx, report) {
      const line = ctx.doc.header.dtgLine;
      if (line && !line.dtg) {
        const after = line.precedence[line.precedence.length - 1]?.range.end ?? line.range.start;
        report({ range: { start: after, end: line.range.end }, message: `No date-time group could be read on the precedence line; ${EXPECTED}` });
      }
      eachDtg(ctx, report, checkForm);
    },
  },
  {
    code: 'dtg-invalid-date',
    severity: 'error',
    family: 'dtg',
    description: 'A well-formed DTG naming an impossible time: day 00 or past the month\'s end (leap years counted), hour > 23, minute > 59.',
    check(ctx, report) {
      eachDtg(ctx, report, checkInvalid);
    },
  },
  {
    code: 'dtg-zone',
    severity: 'warning',
    family: 'dtg',
    description: 'A DTG zone letter other than `Z` (State cables are dated in UTC).',
    check(ctx, report) {
      eachDtg(ctx, report, checkZone);
    },
  },
  {
    code: 'dtg-filing-time-mismatch',
    severity: 'warning',
    family: 'dtg',
    description: 'The `DE` line\'s Julian filing day and time lie before the DTG or more than 24 hours after it (year rollover handled).',
    check(ctx, report) {
      const de = ctx.doc.header.de;
      const ft = de?.filingTime;
      const dtg = ctx.doc.header.dtgLine?.dtg;
      if (!ft || ft.invalid || !dtg || dtg.epochMs === undefined || !dtg.year) return;
      const filed = filingEpoch(ft, dtg);
      if (filed === undefined) return;
      const diff = filed - dtg.epochMs;
      if (diff >= 0 && diff <= DAY_MS) return;
      const when = diff < 0 ? `${fmtSpan(-diff)} before` : `${fmtSpan(diff)} after`;
      report({
        range: ft.range,
        message: `Filing time '${ft.text}' (${isoMinute(filed)}) is ${when} the date-time group '${dtg.text}'; expected the filing time from the DTG to 24 hours after it`,
        related: [{ range: dtg.range, message: `the date-time group: ${isoMinute(dtg.epochMs)}` }],
      });
    },
  },
  {
    code: 'dtg-filing-time-invalid',
    severity: 'warning',
    family: 'dtg',
    description: 'A `DE` line filing time that names no real time (Julian day 000 or past the year\'s end, hour > 23, minute > 59).',
    check(ctx, report) {
      const ft = ctx.doc.header.de?.filingTime;
      if (!ft?.invalid) return;
      report({ range: ft.range, message: `Filing time '${ft.text}': ${ft.invalid}; expected a Julian day 001–366 and HHMM, e.g. 0641435` });
    },
  },
  {
    code: 'dtg-missing',
    severity: 'warning',
    family: 'dtg',
    description: 'A routing header (`DE` line or precedence line) with no date-time group line.',
    check(ctx, report) {
      const h = ctx.doc.header;
      if (ctx.doc.dtg || h.dtgLine?.dtg) return;
      const anchor = h.de?.range ?? h.routing?.range ?? h.dtgLine?.range;
      if (!anchor) return;
      report({ range: h.dtgLine?.range ?? anchor, message: 'The header has no date-time group; expected a precedence and DTG line after the security line, e.g. R 051430Z MAR 09' });
    },
  },
];

/**
 * The filing instant of a `DE` filing time, resolved to the year (or month) that puts it nearest the
 * DTG: a cable dated 31 DEC and filed on day 001 was filed in the next year.
 */
export function filingEpoch(ft: { julianDay?: number; day?: number; hour: number; minute: number; epochMs?: number }, dtg: Dtg): number | undefined {
  if (dtg.epochMs === undefined || !dtg.year) return ft.epochMs;
  const base = dtg.epochMs;
  const y = dtg.year.value;
  // The candidate nearest the DTG (the first of equals), kept as it comes rather than gathered in a
  // list: every dated DE line asks.
  let best: number | undefined;
  const jday = ft.julianDay;
  if (jday !== undefined) {
    for (let yy = y - 1; yy <= y + 1; yy++) {
      // Day `jday` of January is day `jday` of the year (Date.UTC carries days over into months), when
      // the year has it: julianToDate's test, without building the month and day.
      if (!Number.isInteger(jday) || jday < 1 || jday > daysInYear(yy)) continue;
      const c = Date.UTC(yy, 0, jday, ft.hour, ft.minute);
      if (best === undefined || Math.abs(c - base) < Math.abs(best - base)) best = c;
    }
  } else if (ft.day !== undefined && dtg.month?.value) {
    for (let dm = -1; dm <= 1; dm++) {
      const d = new Date(Date.UTC(y, dtg.month.value - 1 + dm, 1));
      const yy = d.getUTCFullYear();
      const mm = d.getUTCMonth() + 1;
      if (ft.day < 1 || ft.day > daysInMonth(yy, mm)) continue;
      const c = Date.UTC(yy, mm - 1, ft.day, ft.hour, ft.minute);
      if (best === undefined || Math.abs(c - base) < Math.abs(best - base)) best = c;
    }
  }
  return best ?? ft.epochMs;
}

function isoMinute(ms: number): string {
  return `${isoDay(ms)} ${new Date(ms).toISOString().slice(11, 16)}Z`;
}

function fmtSpan(ms: number): string {
  const min = Math.round(ms / 60_000);
  if (min < 120) return `${min} minute${min === 1 ? '' : 's'}`;
  const h = Math.round(min / 60);
  if (h < 72) return `${h} hours`;
  return `${Math.round(h / 24)} days`;
}
