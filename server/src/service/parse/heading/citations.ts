/**
 * The cables a REF item cites: `[YY|YYYY] POST SERIAL [(YY)]`, also compact (`09CAIRO0561`,
 * `10-OTTAWA-57`), several in one item (`ALGIERS 110 AND ALGIERS 140`, `CAIRO 1091: CAIRO 263`), and
 * follow-on serials of the same post (`STATE 188314, 259032`, `Kabul 936/935`).
 *
 * A post is a name of the post list (5 FAH-2 station names, any case: `vienna`, `Rio de Janeiro`), the
 * longest such name ending before the serial (`EMBASSY VIENNA 1450` cites VIENNA); or one word written as
 * posts are (capitals or title case: `STATE`, `SECSTATE`, `USDOC`) that opens the item or follows another
 * citation, and is not a word that dates or names a document (`JAN 8`, `IIR 6`, `EMAIL`).
 */
import { fullYear } from '../../dtg.ts';
import { Case, Char, codeAt, digitValue, isDigit, isJsBlank, isLetter, isLower, isUpper } from '../chars.ts';
import { canonicalPost } from '../identity.ts';
import { NOT_POSTS, REF_KEYWORDS } from '../vocabulary.ts';
import postNames from '../../../../data/posts.json';

/** One cable an item cites: where in the item's text, and what it reads. */
export interface Citation {
  from: number;
  to: number;
  origin: string;
  serial: number;
  year?: number;
}

/** The posts of the post list, as the ids write them (`RIODEJANEIRO`), and the Department (SECSTATE is STATE). */
const KNOWN_POSTS: ReadonlySet<string> = new Set([...Object.keys(postNames).map(canonicalPost), canonicalPost('SECSTATE')]);
const NOT_POST_WORDS: ReadonlySet<string> = new Set(NOT_POSTS);
/** Words that may stand before a post in an item without making it prose (`REF A STATE 122214`). */
const LEAD_WORDS: ReadonlySet<string> = new Set([...REF_KEYWORDS, 'AND', 'SEE', 'ALSO', 'PREVIOUS']);

/** Bounds of an item's first WORD_MAX words, reused by every call (items are at most a few lines). */
const WORD_MAX = 64;
const WORDS = new Int32Array(2 * WORD_MAX);
/** The longest post name in words (`BANDAR SERI BEGAWAN`, `HO CHI MINH CITY`). */
const POST_WORD_MAX = 4;

/** The cables the item's text `t` cites, in order. */
export function readCitations(t: string): Citation[] {
  const w = WORDS;
  const nw = itemWords(t, w);
  const out: Citation[] = [];
  // Words up to `used` are read: a serial is no year of the next citation (`CAIRO 1091: CAIRO 263`).
  let used = 0;
  let lastAt = -1;
  for (let k = 0; k < nw; k++) {
    const a = w[2 * k];
    const b = w[2 * k + 1];
    const compact = isDigit(t.charCodeAt(a)) ? compactCitation(t, a, b) : undefined;
    if (compact) {
      out.push(compact);
      used = k + 1;
      lastAt = k;
      continue;
    }
    const serial = serialValue(t, a, b);
    if (serial < 0) continue;
    // A page header run onto the item (`BRASILIA 00000244 001.2 OF 002`) ends what the item cites: its
    // serial has eight digits, or a section number and OF follow.
    if (b - a === 8 || isPageOf(t, w[2 * k + 2], w[2 * k + 3], w[2 * k + 4], w[2 * k + 5])) break;
    const cite = citationBefore(t, w, k, used, serial);
    if (cite) {
      out.push(cite.citation);
      used = k + 1;
      if (cite.trailingYear) used++;
      k = used - 1;
      lastAt = k;
    } else if (out.length && lastAt >= 0 && followsOn(t, w, lastAt, k) && b - a > 2) {
      const last = out[out.length - 1];
      out.push({ from: a, to: b, origin: last.origin, serial, ...(last.year !== undefined ? { year: last.year } : {}) });
      used = k + 1;
      lastAt = k;
    }
  }
  return out;
}

/** The citation whose serial is word k (`serial`): the post before it, and a year before or after. */
function citationBefore(t: string, w: Int32Array, k: number, used: number, serial: number): { citation: Citation; trailingYear: boolean } | undefined {
  let first = k;
  while (first > used && k - first < POST_WORD_MAX && isPostWord(t, w[2 * first - 2], w[2 * first - 1])) first--;
  if (first === k) return undefined;
  const from = postFrom(t, w, first, k, used);
  if (from < 0) return undefined;
  const origin = canonicalPost(t.slice(w[2 * from], w[2 * k - 1]));
  let year = from - 1 >= used ? yearWord(t, w[2 * from - 2], w[2 * from - 1], false) : undefined;
  const start = year !== undefined ? w[2 * from - 2] : w[2 * from];
  const after = yearWord(t, w[2 * k + 2], w[2 * k + 3], true);
  const trailingYear = year === undefined && after !== undefined;
  year ??= after;
  const citation: Citation = { from: start, to: w[2 * k + 1], origin, serial };
  if (year !== undefined) citation.year = year;
  return { citation, trailingYear };
}

/**
 * Where the post among words [first, k) begins: the longest known name ending at k, else the one word
 * before k when it is written as a post is and only lead words (REF, a label letter) stand before it in
 * the run; -1 when there is none.
 */
function postFrom(t: string, w: Int32Array, first: number, k: number, used: number): number {
  for (let j = first; j < k; j++) {
    if (KNOWN_POSTS.has(canonicalPost(t.slice(w[2 * j], w[2 * k - 1])))) return j;
  }
  // One or two words written as posts are (`STATE`, `WHITE HOUSE`), opening the item or following an
  // earlier citation: only lead words (REF, a label, AND) and a year stand before them.
  const year = first > used && yearWord(t, w[2 * first - 2], w[2 * first - 1], false) !== undefined ? 1 : 0;
  if (!leadWordsOnly(t, w, used, first - year)) return -1;
  for (let from = Math.max(first, k - 2); from < k; from++) {
    if (unknownPost(t, w, from, k) && leadWordsOnly(t, w, first, from)) return from;
  }
  return -1;
}

/** Whether words [from, k) are written as a post is, none of them a lead word or a word that is no post. */
function unknownPost(t: string, w: Int32Array, from: number, k: number): boolean {
  if (w[2 * k - 1] - w[2 * from] < 3) return false;
  for (let j = from; j < k; j++) {
    const a = w[2 * j];
    const b = w[2 * j + 1];
    const word = t.slice(a, b).toUpperCase();
    if (b - a < 2 || NOT_POST_WORDS.has(word) || LEAD_WORDS.has(word) || !isWrittenAsPost(t, a, b)) return false;
  }
  return true;
}

function leadWordsOnly(t: string, w: Int32Array, from: number, to: number): boolean {
  for (let j = from; j < to; j++) {
    if (!isLeadWord(t, w[2 * j], w[2 * j + 1])) return false;
  }
  return true;
}

/** Capitals (`STATE`), or title case (`State`) of letters alone. */
function isWrittenAsPost(t: string, a: number, b: number): boolean {
  if (!isUpper(t.charCodeAt(a))) return false;
  let lower = false;
  let upper = false;
  for (let q = a + 1; q < b; q++) {
    const c = t.charCodeAt(q);
    if (isLower(c)) lower = true;
    else if (isUpper(c)) upper = true;
    else return false;
  }
  return !(lower && upper);
}

/** REF, AND, SEE … or a label letter (`A`, `A.`, `(A)`, `A)`), which may stand before a post. */
function isLeadWord(t: string, a: number, b: number): boolean {
  let p = a;
  let q = b;
  if (t.charCodeAt(p) === Char.OpenParen || t.charCodeAt(p) === Char.OpenBracket) p++;
  const close = t.charCodeAt(q - 1);
  if (close === Char.Dot || close === Char.CloseParen || close === Char.CloseBracket) q--;
  if (q - p === 1 && isLetter(t.charCodeAt(p))) return true;
  return LEAD_WORDS.has(t.slice(a, b).toUpperCase());
}

/** Whether word k follows the citation ending at word `at` as a further serial of its post (`, 259032`, `AND 2764`). */
function followsOn(t: string, w: Int32Array, at: number, k: number): boolean {
  if (k === at + 1) return true;
  if (k !== at + 2) return false;
  const a = w[2 * at + 2];
  const b = w[2 * at + 3];
  return b - a === 3 && (t.charCodeAt(a) | Case.Bit) === Char.a && (t.charCodeAt(a + 1) | Case.Bit) === Char.n && (t.charCodeAt(a + 2) | Case.Bit) === Char.d;
}

/**
 * A year in the word t[a, b): `09`, `2006` (19xx or 20xx), `(09)`; after the serial only in parentheses.
 * Undefined when it is none (also past the text: a and b of unread words are stale, checked against t).
 */
function yearWord(t: string, a: number, b: number, parens: boolean): number | undefined {
  if (!(b > a) || b > t.length) return undefined;
  let p = a;
  let q = b;
  const paren = t.charCodeAt(p) === Char.OpenParen && t.charCodeAt(q - 1) === Char.CloseParen;
  if (paren) {
    p++;
    q--;
  } else if (parens) return undefined;
  if (q - p === 4 && !(t.startsWith('19', p) || t.startsWith('20', p))) return undefined;
  return (q - p === 2 || q - p === 4) && isDigitRun(t, p, q) ? fullYear(t.slice(p, q)) : undefined;
}

/** Whether the words t[a, b) and t[c, d) are a page header's section and OF (`001.2 OF`, `002 OF`). */
function isPageOf(t: string, a: number, b: number, c: number, d: number): boolean {
  if (!(d - c === 2) || d > t.length || (t.charCodeAt(c) | Case.Bit) !== Char.o || (t.charCodeAt(c + 1) | Case.Bit) !== Char.f) return false;
  return b - a >= 3 && isDigitRun(t, a, a + 3) && (b - a === 3 || (b - a === 5 && t.charCodeAt(a + 3) === Char.Dot));
}

/** `09CAIRO0561`, `10-OTTAWA-57`: year, post and serial in one word. */
function compactCitation(t: string, a: number, b: number): Citation | undefined {
  if (b - a < 6 || !isDigit(t.charCodeAt(a + 1))) return undefined;
  let p = a + 2;
  if (t.charCodeAt(p) === Char.Dash) p++;
  const postAt = p;
  while (p < b && isUpper(t.charCodeAt(p))) p++;
  const postEnd = p;
  if (t.charCodeAt(p) === Char.Dash) p++;
  if (postEnd - postAt < 3 || !isDigitRun(t, p, b) || b - p > 7) return undefined;
  const origin = canonicalPost(t.slice(postAt, postEnd));
  if (!KNOWN_POSTS.has(origin) && origin !== 'STATE') return undefined;
  return { from: a, to: b, origin, serial: Number(t.slice(p, b)), year: fullYear(t.slice(a, a + 2)) };
}

/**
 * The serial in the word t[a, b): /^#?0*(\d{1,7})\.?$/, a run of digits with at most seven after its
 * leading zeros, maybe after `#` and before a full stop. -1 when it is none.
 */
function serialValue(t: string, a: number, b: number): number {
  let d = t.charCodeAt(a) === Char.Hash ? a + 1 : a;
  const from = d;
  let nz = d;
  let serial = 0;
  for (let c = codeAt(t, d); d < b && isDigit(c); c = codeAt(t, ++d)) {
    if (c === Char.Digit0 && nz === d) nz++;
    serial = serial * 10 + digitValue(c);
  }
  if (d === from || d - nz > 7 || d - from > 8) return -1;
  return d === b || (d === b - 1 && t.charCodeAt(d) === Char.Dot) ? serial : -1;
}

/**
 * Fills `w` with the [start, end) bounds of the first WORD_MAX words of `t`, apart by JavaScript blanks
 * (\s), commas, semicolons, colons, slashes and `&`; returns how many.
 */
function itemWords(t: string, w: Int32Array): number {
  const n = t.length;
  let count = 0;
  let p = 0;
  while (count < WORD_MAX) {
    while (p < n && isItemSeparator(t.charCodeAt(p))) p++;
    if (p >= n) break;
    w[2 * count] = p;
    while (p < n && !isItemSeparator(t.charCodeAt(p))) p++;
    w[2 * count + 1] = p;
    // A label glued to the post (`(A)STATE`, `A)MONTREAL`, `B.SECSTATE`) is a word of its own.
    const glued = gluedLabel(t, w[2 * count], p);
    if (glued > 0 && count + 1 < WORD_MAX) {
      w[2 * count + 1] = w[2 * count] + glued;
      w[2 * count + 2] = w[2 * count] + glued;
      w[2 * count + 3] = p;
      count++;
    }
    count++;
  }
  // The word after the last is empty, so a look past the end reads no year.
  for (let j = count; j < Math.min(count + 3, WORD_MAX); j++) w[2 * j] = w[2 * j + 1] = n;
  return count;
}

/** The length of a label (`(A)`, `A)`, `[A]`, `A.`) that opens the word t[a, b) before a letter, or 0. */
function gluedLabel(t: string, a: number, b: number): number {
  const open = codeAt(t, a) === Char.OpenParen || codeAt(t, a) === Char.OpenBracket ? 1 : 0;
  const close = codeAt(t, a + open + 1);
  const closes = close === Char.CloseParen || close === Char.CloseBracket || (close === Char.Dot && !open);
  const n = open + 2;
  return b - a > n + 1 && closes && isLetter(codeAt(t, a + open)) && isLetter(codeAt(t, a + n)) && isLetter(codeAt(t, a + n + 1)) ? n : 0;
}

function isItemSeparator(c: number): boolean {
  return c === Char.Comma || c === Char.Semicolon || c === Char.Colon || c === Char.Slash || c === Char.Ampersand || isJsBlank(c);
}

/** Whether t[a, b) is one or more digits. */
function isDigitRun(t: string, a: number, b: number): boolean {
  for (let q = a; q < b; q++) if (!isDigit(t.charCodeAt(q))) return false;
  return b > a;
}

/** /^[a-z][a-z.'’-]*$/i on t[a, b): a word of a post's name. */
function isPostWord(t: string, a: number, b: number): boolean {
  if (!isLetter(codeAt(t, a))) return false;
  for (let q = a + 1; q < b; q++) {
    const c = t.charCodeAt(q);
    if (!isLetter(c) && c !== Char.Dot && c !== Char.Apostrophe && c !== Char.RightSingleQuote && c !== Char.Dash) return false;
  }
  return true;
}
