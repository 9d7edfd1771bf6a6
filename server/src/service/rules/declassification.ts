/**
 * Executive Order / declassification line rules (cable-format.md 1.12 and section 3, C7–C11): a
 * classified cable needs an instruction, the DECL date must be real and later than the cable, an
 * unclassified cable says N/A, and the order must be the one in force.
 */
import {
  DAY_MS,
  GRACE_MS,
  editDistance,
  TAGS_START,
  isClassified,
  isoDay,
  levelName,
  onOrAfter,
  utc,
  type Rule,
  type RuleContext,
} from './common.ts';

/** Classification orders and the span each was in force (effective date to its successor's). */
export const EXECUTIVE_ORDERS: { order: number; from: number; to: number; note: string }[] = [
  { order: 10501, from: utc(1953, 12, 15), to: utc(1972, 6, 1), note: 'E.O. 10501 (1953–1972)' },
  { order: 11652, from: utc(1972, 6, 1), to: utc(1978, 12, 1), note: 'E.O. 11652 (June 1972 – November 1978)' },
  { order: 12065, from: utc(1978, 12, 1), to: utc(1982, 8, 1), note: 'E.O. 12065 (December 1978 – July 1982)' },
  { order: 12356, from: utc(1982, 8, 1), to: utc(1995, 10, 14), note: 'E.O. 12356 (August 1982 – October 1995)' },
  { order: 12958, from: utc(1995, 10, 14), to: utc(2010, 6, 27), note: 'E.O. 12958 (October 1995 – June 2010)' },
  { order: 13292, from: utc(2003, 3, 25), to: utc(2010, 6, 27), note: 'E.O. 13292, amending E.O. 12958 (March 2003 – June 2010)' },
  { order: 13526, from: utc(2010, 6, 27), to: Number.POSITIVE_INFINITY, note: 'E.O. 13526 (from June 2010)' },
];

function orderInForce(ms: number): string {
  const hits = EXECUTIVE_ORDERS.filter((e) => e.order !== 13292 && ms >= e.from && ms < e.to);
  return hits.map((e) => `E.O. ${e.order}`).join(' or ') || 'none known';
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** `MM/DD/YYYY` of a day `years` after `ms`, 29 February falling back to the 28th in a common year. */
function dateYearsOn(ms: number, years: number, form: 'MM/DD/YYYY' | 'M/D/YY'): string {
  const d = new Date(ms);
  const y = d.getUTCFullYear() + years;
  const m = d.getUTCMonth() + 1;
  const day = m === 2 && d.getUTCDate() === 29 && new Date(Date.UTC(y, 1, 29)).getUTCMonth() !== 1 ? 28 : d.getUTCDate();
  return form === 'MM/DD/YYYY' ? `${pad2(m)}/${pad2(day)}/${y}` : `${m}/${day}/${pad2(y % 100)}`;
}

/**
 * The E.O. line a classified cable of this one's date would carry, for messages: the order in force and
 * its form (E.O. 11652 schedule codes, E.O. 12065's schedule with a date, E.O. 12356's OADR, and from E.O.
 * 12958 a DECL date, here ten years on). A cable with no date is taken as written today.
 */
export function eoLineExample(ctx: RuleContext): string {
  const at = ctx.dateMs ?? (ctx.year !== undefined ? utc(ctx.year, 7, 1) : undefined);
  const order = at === undefined ? 13526 : (EXECUTIVE_ORDERS.find((e) => e.order !== 13292 && at >= e.from && at < e.to)?.order ?? 13526);
  switch (order) {
    case 10501:
    case 11652:
      return 'E.O. 11652: GDS';
    case 12065:
      return `E.O. 12065: GDS ${dateYearsOn(at!, 6, 'M/D/YY')} (SURNAME, GIVEN NAME)`;
    case 12356:
      return 'E.O. 12356: DECL: OADR';
    default:
      return at === undefined ? `E.O. ${order}: DECL: MM/DD/YYYY (a date ten years on)` : `E.O. ${order}: DECL: ${dateYearsOn(at, 10, 'MM/DD/YYYY')}`;
  }
}

/** The cable's date for comparisons with DECL dates, at day granularity. */
function cableDay(ctx: RuleContext): number | undefined {
  if (ctx.dateMs === undefined) return undefined;
  return Math.floor(ctx.dateMs / DAY_MS) * DAY_MS;
}

export const declassificationRules: Rule[] = [
  {
    code: 'declassification-missing',
    severity: 'error',
    family: 'declassification',
    description: 'A classified cable with no E.O. line and declassification instruction (`E.O. 12958: DECL: 07/16/2019`), or with `N/A`.',
    check(ctx, report) {
      const banner = ctx.doc.banner;
      if (!banner || !isClassified(banner.level)) return;
      // Before 1 March 1973 declassification went by group markings (`GP-3`), not an E.O. line.
      if (!onOrAfter(ctx, TAGS_START)) return;
      const eo = ctx.doc.eo;
      const example = `e.g. ${eoLineExample(ctx)}`;
      if (!eo) {
        report({ range: banner.classification.range, message: `The ${levelName(banner.level)} cable has no E.O. line; expected a declassification instruction after the captions, ${example}` });
        return;
      }
      if (eo.kind === 'na') {
        report({ range: eo.instruction?.range ?? eo.range, message: `N/A on a ${levelName(banner.level)} cable: N/A is for unclassified cables; expected a declassification date, event or exemption, ${example}` });
      } else if (eo.kind === 'none') {
        report({ range: eo.range, message: `The E.O. line gives no declassification instruction; expected a date, event or exemption, ${example}` });
      }
    },
  },
  {
    code: 'declassification-date-invalid',
    severity: 'error',
    family: 'declassification',
    description: 'A DECL date that names no real day, or one on or before the cable\'s date; in a cable whose text gives no date, one before its year (from a file named after the cable id, `09STATE71326.cable`) or before the order named took effect.',
    check(ctx, report) {
      const d = ctx.doc.eo?.declassifyOn;
      if (!d) return;
      if (d.invalid) {
        report({ range: d.range, message: `Declassification date '${d.text}' is impossible: ${d.invalid}; expected a real day as MM/DD/YYYY` });
        return;
      }
      if (d.year === undefined || d.month === undefined || d.day === undefined) return;
      const decl = utc(d.year, d.month, d.day);
      const day = cableDay(ctx);
      const dtg = ctx.doc.dtg;
      if (day !== undefined) {
        if (decl > day) return;
        report({
          range: d.range,
          message: `Declassification date '${d.text}' (${isoDay(decl)}) is ${decl === day ? 'the cable\'s own date' : 'before the cable\'s date'} (${isoDay(day)}); expected a later date`,
          related: dtg ? [{ range: dtg.range, message: 'the cable\'s date-time group' }] : undefined,
        });
        return;
      }
      // No date in the text (a partial extract): the year as written, else the year of the cable id the
      // file is named after, else the order named, which no cable predates.
      const year = ctx.year ?? ctx.fileId?.year;
      if (year !== undefined && d.year < year) {
        const why = ctx.year !== undefined ? `the cable's year ${year}` : `${year}, the year of ${ctx.fileId!.id} that the file is named after`;
        report({ range: d.range, message: `Declassification date '${d.text}' is in ${d.year}, before ${why}; expected a later date` });
        return;
      }
      const order = ctx.doc.eo?.order;
      const entry = order ? EXECUTIVE_ORDERS.find((e) => e.order === order.value) : undefined;
      // Six months' grace: cables cited an order from its signing, before it took effect.
      if (entry && decl < entry.from - GRACE_MS) {
        report({
          range: d.range,
          message: `Declassification date '${d.text}' (${isoDay(decl)}) is before E.O. ${entry.order} took effect (${isoDay(entry.from)}), so before any cable under it; expected a later date`,
          related: [{ range: order!.range, message: `the order: ${entry.note}` }],
        });
      }
    },
  },
  {
    code: 'declassification-date-too-far',
    severity: 'warning',
    family: 'declassification',
    description: 'A DECL date more than 25 years after the cable\'s date (the longest the orders allow without an exemption); the day after the 25th anniversary, as writers count, is not too far.',
    check(ctx, report) {
      const d = ctx.doc.eo?.declassifyOn;
      const day = cableDay(ctx);
      if (!d || d.invalid || d.year === undefined || d.month === undefined || d.day === undefined || day === undefined) return;
      const decl = utc(d.year, d.month, d.day);
      // 25 years hold at least 25 × 365 days: a date within that needs no calendar arithmetic.
      if (decl - day <= 25 * 365 * DAY_MS) return;
      const anniversary = new Date(day);
      anniversary.setUTCFullYear(anniversary.getUTCFullYear() + 25);
      // Writers count the 25 years through the anniversary (a cable of 19 March gives 20 March), and the
      // DTG's UTC day can be the day before the post's own: one day past is as written, not too far.
      const limit = anniversary.getTime() + DAY_MS;
      if (decl <= limit) return;
      report({
        range: d.range,
        message: `Declassification date '${d.text}' is more than 25 years after the cable (${isoDay(day)}); expected a date by ${isoDay(limit)}, or an exemption such as 25X1`,
      });
    },
  },
  {
    code: 'declassification-on-unclassified',
    severity: 'warning',
    family: 'declassification',
    description: 'An unclassified (or SBU / LOU) cable with a DECL date or schedule instead of `N/A`.',
    check(ctx, report) {
      const banner = ctx.doc.banner;
      const eo = ctx.doc.eo;
      if (!banner || isClassified(banner.level) || !eo) return;
      if (eo.kind !== 'date' && eo.kind !== 'oadr' && eo.kind !== 'exemption' && eo.kind !== 'schedule') return;
      const range = eo.instruction?.range ?? eo.range;
      report({
        range,
        message: `An ${levelName(banner.level)} cable carries a declassification instruction ('${eo.instruction?.text ?? ''}'); expected N/A`,
        related: [{ range: banner.classification.range, message: `the banner: ${levelName(banner.level)}` }],
        fix: eo.instruction ? { title: 'Replace with N/A', edits: [{ range: eo.instruction.range, newText: 'N/A' }] } : undefined,
      });
    },
  },
  {
    code: 'executive-order-era',
    severity: 'warning',
    family: 'declassification',
    description: 'An E.O. number not in force on the cable\'s date (six months\' grace either side); NARA/WikiLeaks release notes are exempt.',
    check(ctx, report) {
      const eo = ctx.doc.eo;
      const order = eo?.order;
      if (!eo || !order || eo.kind === 'nara') return;
      let entry: (typeof EXECUTIVE_ORDERS)[number] | undefined;
      for (const e of EXECUTIVE_ORDERS) {
        if (e.order === order.value) {
          entry = e;
          break;
        }
      }
      if (!entry) {
        const near = nearestOrders(order.value, ctx.dateMs);
        report({
          range: order.range,
          message: `E.O. ${order.text} is not a classification order; ${near.length ? `did you mean E.O. ${near.join(' or E.O. ')}?` : `expected one of ${EXECUTIVE_ORDERS.map((e) => e.order).join(', ')}`}`,
          fix: near.length === 1 ? { title: `Change to E.O. ${near[0]}`, edits: [{ range: order.range, newText: String(near[0]) }], preferred: true } : undefined,
        });
        return;
      }
      const at = ctx.dateMs;
      if (at !== undefined) {
        if (at >= entry.from - GRACE_MS && at < entry.to + GRACE_MS) return;
        report({
          range: order.range,
          message: `E.O. ${order.value} was not in force on ${isoDay(at)} (${entry.note}); expected ${orderInForce(at)}`,
          related: ctx.doc.dtg ? [{ range: ctx.doc.dtg.range, message: 'the cable\'s date-time group' }] : undefined,
        });
      } else if (ctx.year !== undefined) {
        const yStart = utc(ctx.year, 1, 1);
        const yEnd = utc(ctx.year + 1, 1, 1);
        if (yEnd > entry.from - GRACE_MS && yStart < entry.to + GRACE_MS) return;
        report({ range: order.range, message: `E.O. ${order.value} was not in force in ${ctx.year} (${entry.note}); expected ${orderInForce(utc(ctx.year, 7, 1))}` });
      }
    },
  },
];


/**
 * Orders a mistyped number most likely means (`12598`, `19528` for 12958): the order in force on the
 * cable's date when the number is within a few keystrokes of it, else the closest by edit distance.
 */
function nearestOrders(n: number, at: number | undefined): number[] {
  const written = String(n);
  if (at !== undefined) {
    const inForce = EXECUTIVE_ORDERS.filter((e) => e.order !== 13292 && at >= e.from - GRACE_MS && at < e.to + GRACE_MS);
    const close = inForce.filter((e) => editDistance(written, String(e.order)) <= 4);
    if (close.length === 1) return [close[0]!.order];
  }
  let best: number[] = [];
  let bestD = 3;
  for (const e of EXECUTIVE_ORDERS) {
    const d = editDistance(written, String(e.order));
    if (d < bestD) {
      bestD = d;
      best = [e.order];
    } else if (d === bestD) best.push(e.order);
  }
  return best;
}
