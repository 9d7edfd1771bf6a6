/**
 * The cable's date and identity: the DTG (from the precedence line, the partial-extract note or the
 * viewer's long date), the DE line's filing time read against it, and the canonical id (`09BRUSSELS995`:
 * year, origin post, serial), which also completes the references that name no year.
 */
import { readFilingTime } from '../dtg.ts';
import { asciiUpper, isLower, isUpperOrDigit } from './chars.ts';
import type { ParseState } from './state.ts';

const ORIGINATOR_PREFIX = /^(?:AMEMBASSY|AMCONSUL|USMISSION|AMEMB|AMCONGEN)\s+/i;

export function readIdentity(state: ParseState): void {
  const doc = state.doc;
  doc.dtg = doc.header.dtgLine?.dtg ?? doc.header.partialExtract?.dtg ?? doc.header.dateLine;
  const de = doc.header.de;
  if (de?.filingTime && doc.dtg?.year) {
    const ft = readFilingTime(de.filingTime.text, de.filingTime.range.start.line, de.filingTime.range.start.character, doc.dtg.year.value, doc.dtg.epochMs);
    if (ft) de.filingTime = ft;
  }
  const id = doc.identity;
  const banner = doc.banner;
  if (banner?.post) id.origin = canonicalPost(banner.post.text);
  else if (doc.header.from) id.origin = canonicalPost(doc.header.from.name.text.replace(ORIGINATOR_PREFIX, ''));
  if (banner?.serial) id.serial = banner.serial.value;
  else if (de?.serial) id.serial = de.serial.value;
  if (doc.dtg?.year) id.year = doc.dtg.year.value;
  if (id.origin && id.serial !== undefined && id.year !== undefined) {
    id.id = `${yearDigits(id.year)}${id.origin}${id.serial}`;
  }
  // References without a year take the cable's year.
  for (const block of doc.references) {
    for (const r of block.items) {
      if (r.origin && r.serial !== undefined) {
        r.year ??= id.year;
        if (r.year !== undefined) r.cableId = `${yearDigits(r.year)}${r.origin}${r.serial}`;
      }
    }
  }
}

/** Canonical post name: upper case, letters and digits only; SECSTATE and variants → STATE. */
export function canonicalPost(name: string): string {
  // Most names are capitals and digits already (`STATE`, `TELAVIV`): the name itself, with no string
  // built a character at a time. Others are built from the first character that changes on.
  const n = name.length;
  let k = 0;
  while (k < n && isUpperOrDigit(name.charCodeAt(k))) k++;
  let out = k === n ? name : name.slice(0, k);
  for (let i = k; i < n; i++) {
    const c = name.charCodeAt(i);
    if (isUpperOrDigit(c)) out += name[i];
    else if (isLower(c)) out += String.fromCharCode(asciiUpper(c));
  }
  if (out === 'SECSTATE' || out === 'SECSTATEWASHDC' || out === 'STATEWASHDC') return 'STATE';
  return out;
}

/** The year's last two digits as the cable ids write them, like String(year % 100).padStart(2, '0'). */
function yearDigits(year: number): string {
  const v = year % 100;
  return v >= 0 && v < 10 ? `0${v}` : String(v);
}
