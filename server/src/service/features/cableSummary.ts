/**
 * How a cable of the workspace is described in one line wherever a list shows it (workspace symbols, the
 * call hierarchy, hovers on references): its date, its classification with caveats, its post and TAGS,
 * written the way the query language asks for them (`@PARIS`, `#PTER`), so what a reader sees is what
 * they can type.
 */
import { levelName } from '../classification.ts';
import type { CableFacts } from '../cableFacts.ts';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `2009-07-20`, `2009-07` or `2009` as far as the date is known; empty when undated. */
export function dateText(date: number): string {
  if (!date) return '';
  const y = Math.floor(date / 10000);
  const m = Math.floor(date / 100) % 100;
  const d = date % 100;
  const two = (n: number) => String(n).padStart(2, '0');
  return m ? (d ? `${y}-${two(m)}-${two(d)}` : `${y}-${two(m)}`) : String(y);
}

/** `20 July 2009`, `July 2009` or `2009`, for prose. */
export function dateProse(date: number): string {
  if (!date) return '';
  const y = Math.floor(date / 10000);
  const m = Math.floor(date / 100) % 100;
  const d = date % 100;
  if (!m) return String(y);
  return d ? `${d} ${MONTHS[m - 1]} ${y}` : `${MONTHS[m - 1]} ${y}`;
}

/** `SECRET//NOFORN`, `UNCLASSIFIED`; empty when the level is unknown. */
export function classificationText(c: CableFacts): string {
  if (!c.level) return '';
  return [levelName(c.level), ...c.caveats].join('//');
}

/** `2009-07-20 · SECRET//NOFORN · @PARIS · #PTER #PREL`: what a list shows beside a cable's name. */
export function summaryLine(c: CableFacts): string {
  const parts = [dateText(c.date), classificationText(c)];
  if (c.origin) parts.push(`@${c.origin}`);
  if (c.tags.length) parts.push(c.tags.map((t) => `#${t}`).join(' '));
  return parts.filter(Boolean).join(' · ');
}
