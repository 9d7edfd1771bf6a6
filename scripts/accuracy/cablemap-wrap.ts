/**
 * A cablemap test case gives a fragment (a REF line, a TAGS line, a signature tail, a TO/INFO block);
 * `cable parse` reads whole cables. Each fragment is set into the smallest cable the parser reads as one:
 *
 *   R 011200Z JAN <yy>                     precedence + DTG: the year of the case (of the citing cable)
 *   FM AMEMBASSY <POST> | FM SECSTATE WASHDC
 *   TO SECSTATE WASHDC
 *   (blank)
 *   C O N F I D E N T I A L <POST> <serial>   the banner, post and serial of the cable the case names
 *   (blank)
 *   <fragment>
 *
 * Signature tails are the end of a text, so a TAGS, a SUBJECT and a first paragraph come before them.
 * TO/INFO blocks are header lines, so they take the place of the FM/TO lines (a DTG, FM or TO line the
 * block lacks is supplied before it) and the banner, TAGS and SUBJECT follow. A cable id to canonicalise
 * (`05RIO123`) is written as a REF item the way cables write them (`REF: 05 RIO 123`).
 */
import type { CablemapCase } from './cablemap-cases.ts';

const DEFAULT_YEAR = 2009;

/** `07TBILISI1732` → post `TBILISI`, serial `1732`; undefined for anything else. */
function splitId(id: string | null): { post: string; serial: string } | undefined {
  if (!id) return undefined;
  let end = id.length;
  while (end > 0 && isDigit(id.charCodeAt(end - 1))) end--;
  let start = 0;
  while (start < end && isDigit(id.charCodeAt(start))) start++;
  if (start === 0 || start === end || end === id.length) return undefined;
  return { post: id.slice(start, end), serial: id.slice(end) };
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function twoDigits(year: number): string {
  return String(year % 100).padStart(2, '0');
}

function headerLines(c: CablemapCase): { dtg: string; from: string; to: string; banner: string } {
  const origin = splitId(c.citing ?? c.cable) ?? { post: 'STATE', serial: '1' };
  const state = origin.post === 'STATE' || origin.post === 'SECSTATE';
  return {
    dtg: `R 011200Z JAN ${twoDigits(c.year ?? DEFAULT_YEAR)}`,
    from: state ? 'FM SECSTATE WASHDC' : `FM AMEMBASSY ${origin.post}`,
    to: state ? 'TO AMEMBASSY ROME' : 'TO SECSTATE WASHDC',
    banner: `C O N F I D E N T I A L ${state ? 'STATE' : origin.post} ${origin.serial.padStart(6, '0')}`,
  };
}

const DTG_LINE = /^[ \t]*(?:[A-Z]{1,2} ){1,2}\d{6}Z/m;
const FM_LINE = /^[ \t]*FM /m;
const TO_LINE = /^[ \t]*TO /m;
const OPENING = ['E.O. 12958: N/A', 'TAGS: PREL', 'SUBJECT: TEST CABLE', '', '1. (U) Opening paragraph of the test cable.', ''];

function addresseeCable(c: CablemapCase): string {
  const h = headerLines(c);
  const lines: string[] = [];
  if (!DTG_LINE.test(c.input)) lines.push(h.dtg);
  if (!FM_LINE.test(c.input)) lines.push(h.from);
  if (!TO_LINE.test(c.input)) lines.push(h.to);
  return [...lines, c.input, '', h.banner, '', ...OPENING, 'SMITH', ''].join('\n');
}

/** The text `cable parse` reads for one case. */
export function syntheticCable(c: CablemapCase): string {
  if (c.field === 'to' || c.field === 'info') return addresseeCable(c);
  const h = headerLines(c);
  const head = [h.dtg, h.from, h.to, '', h.banner, ''];
  if (c.field === 'signer') return [...head, ...OPENING, c.input].join('\n');
  if (c.field === 'referenceId') {
    const id = splitId(c.input);
    const item = id ? `${c.input.slice(0, 2)} ${id.post} ${id.serial}` : c.input;
    return [...head, 'SUBJECT: TEST CABLE', '', `REF: ${item}`, '', '1. (U) Text.', ''].join('\n');
  }
  return [...head, c.input].join('\n');
}
