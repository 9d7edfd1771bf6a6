/**
 * The keywords that open heading elements, read on the upper-cased line from its first non-blank
 * character: `E.O. 12958`, `TAGS:` (and its misspellings), `SUBJECT:`, `REF:` (REFTEL, REFERENCES …),
 * `Classified By:` (or `Derived from:`), and where a second element starts inside a line.
 */
import { Char } from '../chars.ts';
import type { HeadingKeyword, ParseState } from '../state.ts';
import { CLASSIFIED_BY, DERIVED_FROM, REF_KEYWORDS, REF_PREFIX, SUBJECT_KEYWORDS, TAGS_KEYWORDS, alternation } from '../vocabulary.ts';

export const EO_RE = /^E\.? ?O\.? ?(\d{5})\b/;
export const TAGS_RE = new RegExp(`^(${alternation(TAGS_KEYWORDS)})(?=[:;, ]|$)`);
export const SUBJECT_RE = new RegExp(`^(${alternation(SUBJECT_KEYWORDS)})(?= *:| )`);
export const REF_RE = new RegExp(`^(?:${REF_PREFIX} +)?(?:${alternation(REF_KEYWORDS)})(?= *[:.]| +[A-Z(0-9¶])`);
// `Derived from:` (derivative classification, naming a guide or source) takes the Classified By line's
// place in some cables; only with its colon, since `Derived from …` also starts ordinary sentences.
export const CLASSIFIED_BY_RE = new RegExp(`^(?:${alternation([CLASSIFIED_BY], ' +')}\\b|${alternation([DERIVED_FROM], ' +')} *:)`);

// TAGS run onto the E.O. line (`DECL: 08/22/2017 TAGS: PGOV`), its T sometimes lost (`AGS:`). A REF
// keyword may also be run onto the word before it (`… AS UK PRIMEREF: A. LONDON 1939`) when its colon
// and a blank follow.
const INLINE_HEADING_G = / (?:REF(?:S|TELS?|\(S\))?:|CLASSIFIED BY|T?AGS:)|(?<=[A-Z])REF(?:S|TELS?)?: /g;

/** Where a second heading element starts inside a heading line (`… Classified By: …`, `… REFTELS: …`, `… TAGS: …`), or -1. */
export function inlineHeadingCut(u: string): number {
  // One regex search from the second character: a third less than the indexOf of REF and of CLASSIFIED
  // BY, and a sixth of one indexOf per keyword (these run on every heading line).
  INLINE_HEADING_G.lastIndex = 1;
  for (let m = INLINE_HEADING_G.exec(u); m; m = INLINE_HEADING_G.exec(u)) {
    // The keyword repeated on the TAGS line (`TAGS: TAGS: PREL`) opens no second element.
    if (m[0].endsWith('AGS:') && TAGS_RE.test(u)) continue;
    return u.charCodeAt(m.index) === Char.Space ? m.index + 1 : m.index;
  }
  return -1;
}


/** Offset of `CLASSIFIED BY` after a leading portion marking (`(U) Classified by …`), or -1. */
export function markedClassifiedBy(u: string): number {
  const closeAt = u.indexOf(')');
  if (closeAt < 1 || closeAt > 10) return -1;
  let p = closeAt + 1;
  while (u.charCodeAt(p) === Char.Space) p++;
  return CLASSIFIED_BY_RE.test(u.slice(p, p + 20)) ? p : -1;
}

/** The element whose keyword opens the upper-cased line `u`; TAGS, SUBJECT and Classified By only once. */
export function headingKeyword(state: ParseState, u: string): HeadingKeyword | 'none' {
  const c = u.charCodeAt(0);
  if (c === Char.E && EO_RE.test(u)) return 'eo';
  if ((c === Char.T || c === Char.A) && TAGS_RE.test(u)) return state.doc.tags ? 'none' : 'tags';
  if ((c === Char.S || c === Char.U) && SUBJECT_RE.test(u)) return state.doc.subject ? 'none' : 'subject';
  if (c === Char.R && REF_RE.test(u)) return 'ref';
  if (c === Char.P && u.startsWith('PROGRAM') && REF_RE.test(u)) return 'ref';
  if ((c === Char.C || c === Char.D) && CLASSIFIED_BY_RE.test(u)) return state.doc.classifiedBy ? 'none' : 'classifiedBy';
  if (c === Char.OpenParen && markedClassifiedBy(u) > 0) return state.doc.classifiedBy ? 'none' : 'classifiedBy';
  return 'none';
}
