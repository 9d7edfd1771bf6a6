/**
 * The cable's date and identity: the DTG (from the precedence line, the partial-extract note or the
 * viewer's long date), the DE line's filing time read against it, and the canonical id (`09BRUSSELS995`:
 * year, origin post, serial), which also completes the references that name no year.
 */
import { readFilingTime } from '../dtg.ts';
import { asciiUpper, isLower, isUpperOrDigit } from './chars.ts';
import type { ParseState } from './state.ts';
import type { Reference } from '../model.ts';
import { cableIdOfFileName } from '../fileName.ts';

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
  completeReferences(state);
}

/**
 * References without a year take the cable's year; in a text without a date (a partial extract), the
 * year of the file's name when that is a cable id. Else their ids stay unset, and a problem says why.
 */
function completeReferences(state: ParseState): void {
  const doc = state.doc;
  for (const block of doc.references) {
    let unknown: Reference | undefined;
    for (const r of block.items) {
      if (!r.origin || r.serial === undefined) continue;
      // The file name is read only for a partial extract's references (a short regex over the name).
      r.year ??= doc.identity.year ?? cableIdOfFileName(state.fileName)?.year;
      if (r.year !== undefined) r.cableId = `${yearDigits(r.year)}${r.origin}${r.serial}`;
      else unknown ??= r;
    }
    if (unknown) {
      state.problem(unknown.range, 'reference-year-unknown', `The reference '${unknown.text.slice(0, 60)}' writes no year and the cable's date cannot be read, so the cable it cites is not known; a file named after the cable's id (09STATE71326.txt) gives the year.`);
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
