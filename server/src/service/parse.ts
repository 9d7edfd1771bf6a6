/**
 * Text of one cable → CableDocument (model.ts), in one pass over the lines after a short pre-scan
 * for the banner. Tolerant: never throws; what it cannot read goes to `problems`.
 *
 * Every recogniser works on a normalised copy of the line (text.ts: same length, blank-like
 * characters turned into spaces), so ranges index the original text. Header and heading recognisers
 * only look at lines shorter than MAX_HEADER_LINE and at the first MAX_PREFIX characters of body lines,
 * so a 100 000-character line costs one linear scan (redactions, mentions) and nothing more.
 *
 * Problem codes emitted (the diagnostics layer maps them to rules):
 *   banner-missing            no classification banner line was found
 *   banner-damaged            doubled, stray or lost first letter in the banner (`SS E C R E T`, `O N F I D E N T I A L`)
 *   dtg-malformed             DTG-shaped text that is not DDHHMM + zone + MON + YY
 *   dtg-invalid               well-formed DTG naming an impossible time (31 APR, 2400, zone J)
 *   dtg-unrecognised          a precedence line or partial-extract date with no readable DTG
 *   filing-time-invalid       DE filing time that cannot be a time (Julian day 000 or > 366 …)
 *   de-unrecognised           a `DE` line whose station, serial or filing time cannot be read
 *   security-line-unrecognised  `ZNR`/`ZNY` without five equal classification letters
 *   tags-keyword-misspelled   `TAG:`, `TGS`, `TAGE` … instead of `TAGS`
 *   tags-empty                a TAGS keyword with nothing after it
 *   portion-marking-malformed a marking with lost brackets, doubled letters or unknown content
 *   eo-unrecognised           an E.O. line whose instruction cannot be read
 *   decl-date-invalid         a DECL date naming no real day
 *   classified-by-no-reason   a Classified By line without a readable 1.4/1.5 reason
 *   block-unterminated        SUMMARY/COMMENT/BEGIN TEXT/BEGIN QUOTE with no END
 *   block-end-without-start   END SUMMARY/END COMMENT/END TEXT/END QUOTE with no start
 */
import type {
  Addressee,
  Banner,
  Block,
  CableDocument,
  CableIdMention,
  Caption,
  ClassifiedBy,
  Dtg,
  EoLine,
  Heading,
  Paragraph,
  PortionMarking,
  PrecedenceLetter,
  Range,
  Reference,
  ReferenceBlock,
  SubParagraph,
  TagKind,
  TagsLine,
  Token,
} from './model.ts';
import { plainModel } from './model.ts';
import { readDtg, readFilingTime, fullYear, daysInMonth, monthFromText, validateDtg } from './dtg.ts';
import type { ClassificationWords } from './classification.ts';
import { bareLevelAt, bannerDamage, bannerDamageText, readClassificationWords, parsePortionMarking, portionLevel, securityLettersLevel } from './classification.ts';
import { Case, Char, asciiUpper, digitValue, digitsValue, isAlnum, isDigit, isJsBlank, isLetter, isLower, isUpper, isUpperOrDigit } from './parse/chars.ts';
import { upperCased, endNonSpace, endNonSpaceAt, endNonSpaceBefore, firstNonSpace, firstNonSpaceAt, isBlank, normaliseLine, normaliseText, splitLines } from './text.ts';

const MAX_HEADER_LINE = 400;
const MAX_PREFIX = 240;

function rng(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

function span(a: Range, b: Range): Range {
  return { start: a.start, end: b.end };
}

function tok(line: number, s: string, start: number, end: number): Token {
  return { text: s.slice(start, end), range: rng(line, start, end) };
}

/** True when s[from, to) is one or more upper-case ASCII letters. */
function isUpperRun(s: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!isUpper(s.charCodeAt(k))) return false;
  return to > from;
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

// ---------------------------------------------------------------------------------------------
// Line-level recognisers (header)

const FL1 = /^V{1,2} ?ZCZC([A-Z]{3})(\d{2,5})\b/;
const FL2 = /^(ZZ|OO|PP|RR|YY)((?: +R[A-Z]{3,6})+) *$/;
const RI_LINE = /^R[A-Z]{3,6}(?: +R[A-Z]{3,6})* *$/;
const RI_G = /R[A-Z]{3,6}/g;
const DE_LINE = /^DE +([A-Z0-9]{3,8}) +(#?)(\d{1,5}[A-Z]?)(?:\/(\d{1,3}))?(?: +(\S+))?/;
const SEC_LINE = /^(ZNR|ZNY) +([A-Z]{1,8})/;
// Six digits, or a damaged DTG (2–8 digits) that still has its zone/month shape after it.
const DTG_LINE = /^([ZOPRY])(?: ([ZOPRY]))? +(?=\d{6}|\d{2,8}[A-Z]? [A-Z]{3}\b)/;
const PAGE_LINE = /^PAGE +\d{2}\b/;
const PAGE_LINE_I = /^PAGE +\d{2}\b/i;
const ACTION_LINE = /^ACTION +[A-Z]+-\d{2}\b/;
const INFO_LOG = /^INFO +[A-Z]+-\d{2}\b/;
const OFFICE_CONT = /^[A-Z][A-Z0-9]*-\d{2}(?: |$)/;
const DASH_LINE = /^-{6,}[0-9A-F]{0,8} +\d{6}Z/;
const WEEKDAY = /^(?:MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY), +\d{1,2} +[A-Z]+ +\d{4}/;
const PARTIAL = /^THIS RECORD IS A PARTIAL EXTRACT/;
const DUMP_ID = /^<<\d+>>/;
const TRAILER_HEADING = /^(?:END CABLE TEXT|(?:PLEASE )?VISIT\b)/i;
const PRECEDENCE_WORDS = new Set(['IMMEDIATE', 'PRIORITY', 'ROUTINE', 'FLASH']);

// ---------------------------------------------------------------------------------------------
// Heading recognisers (upper-cased line from its first non-blank character)

const EO_RE = /^E\.? ?O\.? ?(\d{5})\b/;
const TAGS_RE = /^(TAGS|TAG|TAGE|TAS|TABS|TGS|AGS)(?=[: ]|$)/;
const SUBJECT_RE = /^(SUBJECT|SUBJ)(?= *:| )/;
const REF_RE = /^(?:PROGRAM +)?(?:REFERENCES?|REFTELS?|REF\(S\)|REFS?)(?= *[:.]| +[A-Z(0-9¶])/;
// `Derived from:` (derivative classification, naming a guide or source) takes the Classified By line's
// place in some cables; only with its colon, since `Derived from …` also starts ordinary sentences.
const CLASSIFIED_BY_RE = /^(?:CLASSIFIED +BY\b|DERIVED +FROM *:)/;
const CAPTION_WORDS: Record<string, string> = {
  SIPDIS: 'SIPDIS',
  NOFORN: 'NOFORN',
  NODIS: 'NODIS',
  EXDIS: 'EXDIS',
  LIMDIS: 'LIMDIS',
  STADIS: 'STADIS',
  SENSITIVE: 'SENSITIVE',
  SPECAT: 'SPECAT',
  EXCLUSIVE: 'SPECAT EXCLUSIVE',
  CHEROKEE: 'CHEROKEE',
  DIRGEN: 'DIRGEN',
  CODEL: 'CODEL',
};

// ---------------------------------------------------------------------------------------------
// Body recognisers

const PARA_RE = /^(?:¶ ?)?\d{1,3} ?\.(?![\d.])/;
const SUBPARA_RE = /^(¶ ?)?(\((?:[A-Za-z]|[ivx]{1,4}|\d{1,2})\)|[A-Za-z][.)]|[ivx]{1,4}[.)]|\d{1,2}[a-z][.)])(?= )/;
const BULLET_RE = /^(-{1,3}|[*•o])(?= )/;
const MENTION_G = /(?<![A-Za-z0-9])(\d{2})([A-Z]{3,20})(\d{1,7})(?![A-Za-z0-9])/g;
const SECTION_MARKER_Y = /\d{8} {1,4}(\d{3})(?:\.\d)? {1,4}OF {1,4}(\d{3})(?!\d)/iy;
// Sticky and case-insensitive: tried at the start of each body line's text without slicing or upper-casing it.
const BLOCK_KW = /(?:\(|-{1,2} ?)?(BEGIN +)?(SUMMARY|SUMMAY|COMMENT|TEXT|QUOTE|INTRODUCTION|ACTION REQUEST)\b/iy;
const INLINE_COMMENT_Y = /COMMENT(?= ?[:.\-—])/iy;
const COMMENT_OPENERS = new Set(['EMBASSY', 'POST', 'MISSION', 'CONSULATE', 'BEGIN', 'USUN', 'USNATO', 'USEU', 'AND']);
// Needles for the whole-text scan (prescan): redaction runs; and in one pass END and COMMENT in their
// three usual cases and section-marker counts (`OF 0` of `OF 003`). No match of one of these three can
// overlap a match of another, so the one pass finds every hit the three separate passes found. END is
// sought with the blank or line end that END_Y and END_SPLIT_Y need after it: the longer literals let
// the engine skip further (8.6 against 11.5 ms over the corpus) and drop the many `end` of running text.
const REDACTION_NEEDLE_G = /XXXX|xxxx/g;
const WORD_NEEDLE_G = /E(?:ND|nd) |end |C(?:OMMENT|omment)|comment|[Oo][Ff] 0|E(?:ND|nd)[\n\r]|end[\n\r]/g;
// The blank-like characters of normaliseLine above U+00FF (the Latin-1 ones are found with indexOf),
// looked for only when the text holds any character above U+00FF at all (a test the engine answers
// at once for a one-byte string).
const BLANKISH_HIGH = /[\u2000-\u200b\u202f\ufeff]/;
const ABOVE_LATIN1 = /[^\0-\xff]/;
const END_Y = /END +(?:OF +)?(SUMMARY|COMMENT|TEXT|QUOTE|INTRODUCTION|ACTION +REQUEST)\b/iy;
// `End` at a line's end and its word opening the next line; the word must close with punctuation or
// the line end, so prose that wraps after "the end" is not taken for a marker.
const END_SPLIT_Y = /END(?: +OF)? *(?:\r\n|\r|\n) *(SUMMARY|COMMENT|TEXT|QUOTE|INTRODUCTION)(?= *(?:[\n\r.:)\-—]|$))/iy;

type BlockKind = Block['kind'];

/**
 * Whether BLOCK_KW can match at characters `a`, `b`, `c`: it opens with `(`, `-` or the first three
 * letters of BEGIN or of a block word (beg, sum, com, tex, quo, int, act). The words that most often
 * open a line (the, and, this, a, in, country) fail here, not in the regex.
 */
function opensBlockKeyword(a: number, b: number, c: number): boolean {
  const c0 = a | Case.Bit;
  if (c0 === Char.OpenParen || c0 === Char.Dash) return true;
  const c1 = b | Case.Bit;
  const c2 = c | Case.Bit;
  switch (c0) {
    case Char.b:
      return c1 === Char.e && c2 === Char.g;
    case Char.s:
      return c1 === Char.u && c2 === Char.m;
    case Char.c:
      return c1 === Char.o && c2 === Char.m;
    case Char.t:
      return c1 === Char.e && c2 === Char.x;
    case Char.q:
      return c1 === Char.u && c2 === Char.o;
    case Char.i:
      return c1 === Char.n && c2 === Char.t;
    case Char.a:
      return c1 === Char.c && c2 === Char.t;
    default:
      return false;
  }
}

/**
 * Whether SUBPARA_RE or BULLET_RE can match a line whose first two characters are `a`, `b`: a `(`, `¶`,
 * dash or digit first; a one-letter label (`b.`, `C)`); two Roman-numeral letters (`iv.`); or a bullet
 * character before a blank.
 */
function opensLabel(a: number, b: number): boolean {
  if (a === Char.OpenParen || a === Char.Pilcrow || a === Char.Dash || isDigit(a) || b === Char.Dot || b === Char.CloseParen) return true;
  if ((a === Char.i || a === Char.v || a === Char.x) && (b === Char.i || b === Char.v || b === Char.x)) return true;
  return (a === Char.Asterisk || a === Char.Bullet || a === Char.o) && b === Char.Space;
}

/**
 * Where the first blank stands within the first eight characters of the `n` characters of `src` from
 * `a` (whose first is not a blank), or -1: sub-paragraph labels and bullets end right before it.
 */
function labelSpace(src: string, a: number, n: number): number {
  const limit = Math.min(n, 8);
  for (let k = 1; k < limit; k++) if (src.charCodeAt(a + k) === Char.Space) return k;
  return -1;
}

/**
 * The kind of block a keyword names, in any case: a word of BLOCK_KW, END_Y or END_SPLIT_Y (SUMMARY,
 * SUMMAY, COMMENT, TEXT, QUOTE, INTRODUCTION, ACTION REQUEST), which their first letters tell apart.
 */
function blockKind(word: string): BlockKind {
  switch (word.charCodeAt(0) | Case.Bit) {
    case Char.s:
      return 'summary';
    case Char.c:
      return 'comment';
    case Char.t:
      return 'text';
    case Char.q:
      return 'quote';
    case Char.i:
      return 'introduction';
    default:
      return 'action-request';
  }
}

/**
 * Past opensBlockKeyword: whether BLOCK_KW can still match text opening with `a`, `b`, `c`, `d`. After `(`
 * comes a letter; after `-` or `--` a blank or a letter (rules lines `-----` out); a word's fourth letter
 * is that of BEGIN or of the keyword (`inte…`, `comp…`, `into` fail).
 */
function blockKeywordNear(a: number, b: number, c: number, d: number): boolean {
  if (a === Char.OpenParen) return isLetter(b);
  if (a === Char.Dash) return b === Char.Dash ? c === Char.Space || isLetter(c) : b === Char.Space || isLetter(b);
  if (!isLetter(a)) return true;
  const d0 = d | Case.Bit;
  switch (a | Case.Bit) {
    case Char.b: // begin
    case Char.a: // action
      return d0 === Char.i;
    case Char.s: // summary, summay
    case Char.c: // comment
      return d0 === Char.m;
    case Char.t: // text
    case Char.q: // quote
      return d0 === Char.t;
    case Char.i: // introduction
      return d0 === Char.r;
    default:
      return true;
  }
}

/** Index after a block keyword and its ` AND …` companions when a delimiter follows, else -1. */
function blockKeywordEnd(up: string, p: number): number {
  let i = p;
  for (let k = 0; k < 3; k++) {
    if (up.startsWith(' AND ', i)) {
      let j = i + 5;
      while (j < up.length && up.charCodeAt(j) >= Char.A && up.charCodeAt(j) <= Char.Z) j++;
      if (j === i + 5) break;
      i = j;
    } else break;
  }
  let j = i;
  while (up.charCodeAt(j) === Char.Space) j++;
  if (j >= up.length) return i;
  return ':.-—–)'.includes(up[j]) ? i : -1;
}

/**
 * blockKeywordEnd read on the line: s[from, from + w) in place of its upper-cased copy. -2 when a
 * character outside ASCII is met before the answer: upper-casing may turn it into letters or more than one
 * character, so only the copy can tell.
 */
function blockKeywordEndIn(s: string, from: number, w: number, p: number): number {
  let i = p;
  for (let k = 0; k < 3 && i + 5 <= w; k++) {
    const a = from + i;
    const c0 = s.charCodeAt(a);
    const c1 = s.charCodeAt(a + 1);
    const c2 = s.charCodeAt(a + 2);
    const c3 = s.charCodeAt(a + 3);
    const c4 = s.charCodeAt(a + 4);
    if (c0 >= Char.NonAscii || c1 >= Char.NonAscii || c2 >= Char.NonAscii || c3 >= Char.NonAscii || c4 >= Char.NonAscii) return -2;
    if (c0 !== Char.Space || (c1 | Case.Bit) !== Char.a || (c2 | Case.Bit) !== Char.n || (c3 | Case.Bit) !== Char.d || c4 !== Char.Space) break;
    let j = i + 5;
    for (; j < w; j++) {
      const c = s.charCodeAt(from + j);
      if (c >= Char.NonAscii) return -2;
      if (!isLetter(c)) break;
    }
    if (j === i + 5) break;
    i = j;
  }
  let j = i;
  while (j < w && s.charCodeAt(from + j) === Char.Space) j++;
  if (j >= w) return i;
  const c = s.charCodeAt(from + j);
  return c === Char.Colon || c === Char.Dot || c === Char.Dash || c === Char.EmDash || c === Char.EnDash || c === Char.CloseParen ? i : -1;
}

/**
 * Reads the reason of a Classified By text: `1.4(b) and (d)`, `1.5 (B,D)`, `1.4 b, d`, `Reasons 1.\n4 (b)`
 * (joined), `1/4 (B)`, or letters alone after REASON(S) (`for reasons b, d`).
 */
export function readReason(text: string): { start: number; end: number; section: string; letters: string[] } | undefined {
  const m = reasonSectionAt(text);
  let start: number;
  let p: number;
  let section = '';
  if (m >= 0) {
    start = m;
    p = reasonSectionEnd(text, m);
    section = text.charCodeAt(p - 1) === Char.Digit4 ? '1.4' : '1.5';
  } else {
    const w = /\bREASONS?\b:?/i.exec(text);
    if (!w) return undefined;
    start = w.index + w[0].length;
    while (text.charCodeAt(start) === Char.Space) start++;
    p = start;
  }
  const letters: string[] = [];
  let end = p;
  while (p < text.length) {
    const c = text.charCodeAt(p);
    // Separators: space ( ) , / & . ; -
    if (c === Char.Space || c === Char.Comma || c === Char.OpenParen || c === Char.CloseParen || c === Char.Slash || c === Char.Ampersand || c === Char.Dot || c === Char.Semicolon || c === Char.Dash) {
      p++;
      continue;
    }
    const lower = c | Case.Bit;
    if (lower >= Char.a && lower <= Char.h && !isLetter(text.charCodeAt(p + 1))) {
      const l = String.fromCharCode(lower);
      if (!letters.includes(l)) letters.push(l);
      p++;
      end = text.charCodeAt(p) === Char.CloseParen ? p + 1 : p;
      continue;
    }
    // AND in any case (no other character upper-cases to N or D alone).
    if (lower === Char.a && (text.charCodeAt(p + 1) | Case.Bit) === Char.n && (text.charCodeAt(p + 2) | Case.Bit) === Char.d && !isLetter(text.charCodeAt(p + 3))) {
      p += 3;
      continue;
    }
    break;
  }
  if (m < 0 && !letters.length) return undefined;
  return { start, end, section, letters };
}

/**
 * Where /\b1 ?[.,/] ?([45])(?!\d)/ first matches in `text`, or -1; reasonSectionEnd gives the end.
 * Each optional blank is taken exactly when present (a blank is neither separator nor 4/5).
 */
function reasonSectionAt(text: string): number {
  for (let at = text.indexOf('1'); at >= 0; at = text.indexOf('1', at + 1)) {
    const before = text.charCodeAt(at - 1);
    if (isAlnum(before) || before === Char.Underscore) continue;
    const q = reasonSectionEnd(text, at);
    if (q > 0 && !isDigit(text.charCodeAt(q))) return at;
  }
  return -1;
}

/** The end of `1 ?[.,/] ?[45]` at `at`, or -1. */
function reasonSectionEnd(text: string, at: number): number {
  let q = at + 1;
  if (text.charCodeAt(q) === Char.Space) q++;
  const sep = text.charCodeAt(q);
  if (sep !== Char.Dot && sep !== Char.Comma && sep !== Char.Slash) return -1;
  q++;
  if (text.charCodeAt(q) === Char.Space) q++;
  const d = text.charCodeAt(q);
  return d === Char.Digit4 || d === Char.Digit5 ? q + 1 : -1;
}

/** Where a second heading element starts inside a heading line (`… Classified By: …`, `… REFTELS: …`), or -1. */
function inlineHeadingCut(u: string): number {
  // One regex search from the second character: a third less than the indexOf of REF and of CLASSIFIED
  // BY, and a sixth of one indexOf per keyword (these run on every heading line).
  INLINE_HEADING_G.lastIndex = 1;
  const m = INLINE_HEADING_G.exec(u);
  return m ? m.index + 1 : -1;
}
const INLINE_HEADING_G = / (?:REF(?:S|TELS?|\(S\))?:|CLASSIFIED BY)/g;

/** Offset of `CLASSIFIED BY` after a leading portion marking (`(U) Classified by …`), or -1. */
function markedClassifiedBy(u: string): number {
  const closeAt = u.indexOf(')');
  if (closeAt < 1 || closeAt > 10) return -1;
  let p = closeAt + 1;
  while (u.charCodeAt(p) === Char.Space) p++;
  return CLASSIFIED_BY_RE.test(u.slice(p, p + 20)) ? p : -1;
}

/**
 * Kind of a TAGS code from its shape alone (dictionary.ts refines it), for a code without a comma and
 * upper-cased: /^[A-Z]{4}$/, /^[A-Z]{2}$/, /^[A-Z][A-Z0-9&-]{1,11}$/ read by character.
 */
function tagKindOfUpper(up: string): TagKind {
  const n = up.length;
  if (n < 2 || n > 12 || !isUpper(up.charCodeAt(0))) return 'unknown';
  let letters = true;
  for (let k = 1; k < n; k++) {
    const c = up.charCodeAt(k);
    if (isUpper(c)) continue;
    if (!isDigit(c) && c !== Char.Ampersand && c !== Char.Dash) return 'unknown';
    letters = false;
  }
  if (letters && n === 4) return up.charCodeAt(0) === Char.K ? 'program' : 'subject';
  if (letters && n === 2) return 'geographic';
  return 'organization';
}


// ---------------------------------------------------------------------------------------------
// Banner

/**
 * Whether a line whose first two non-blank characters are `a` and `b` can open a banner or a bare
 * classification. c, s, u, t, l: CONFIDENTIAL, SECRET, UNCLAS, TOP SECRET, LIMITED OFFICIAL USE;
 * o, e, n before a blank: their spaced forms with the first letter lost (`O N F I D E N T I A L`).
 */
function opensBanner(a: number, b: number): boolean {
  const c0 = a | Case.Bit;
  return c0 === Char.c || c0 === Char.s || c0 === Char.u || c0 === Char.t || c0 === Char.l || ((c0 === Char.o || c0 === Char.e || c0 === Char.n) && b === Char.Space);
}

/** Reads a banner line: classification words, optional SECTION n OF m, post, serial. */
export function readBanner(s: string, line: number): Banner | undefined {
  const f = firstNonSpace(s);
  const e = endNonSpace(s);
  if (f >= e || e - f > 120) return undefined;
  if (!opensBanner(s.charCodeAt(f), s.charCodeAt(f + 1))) return undefined;
  // Cheap test first: a banner ends in its serial (or in captions run into it).
  if (!isDigit(s.charCodeAt(e - 1)) && !isLetter(s.charCodeAt(e - 1))) return undefined;
  const cw = readClassificationWords(s, f);
  return cw ? bannerAfterWords(s, line, f, e, cw) : undefined;
}

/** The rest of a banner line whose non-blank text is s[f, e), after its classification words `cw`. */
function bannerAfterWords(s: string, line: number, f: number, end: number, cw: ClassificationWords): Banner | undefined {
  let e = end;
  let i = cw.end;
  // Captions run into the banner line (`S E C R E T BOGOTA 000243 SIPDIS NOFORN`).
  for (let k = 0; k < 3 && isLetter(s.charCodeAt(e - 1)); k++) {
    const sp = s.lastIndexOf(' ', e - 1);
    if (sp <= i || !CAPTION_WORDS[s.slice(sp + 1, e).toUpperCase()]) break;
    e = endNonSpaceBefore(s, sp);
  }
  // Serial: trailing digits.
  let d = e;
  while (d > i && isDigit(s.charCodeAt(d - 1))) d--;
  if (d === e || e - d > 8 || s.charCodeAt(d - 1) !== Char.Space) return undefined;
  let section: Banner['section'];
  let j = i;
  while (s.charCodeAt(j) === Char.Space) j++;
  if (j === i) return undefined;
  const secM = /^SECTION +(\d{1,3}) +OF +(\d{1,3}) /i.exec(s.slice(j, Math.min(d, j + 40)));
  if (secM) {
    section = { range: rng(line, j, j + secM[0].trimEnd().length), number: Number(secM[1]), of: Number(secM[2]) };
    j += secM[0].length;
    while (s.charCodeAt(j) === Char.Space) j++;
  }
  i = j;
  const pe = endNonSpaceBefore(s, d);
  if (pe <= i) return undefined;
  const post = s.slice(i, pe);
  if (!/^[a-z][a-z .'’-]*$/i.test(post) || post.length > 40) return undefined;
  const serialText = s.slice(d, e);
  const banner: Banner = {
    range: rng(line, f, e),
    classification: tok(line, s, f, cw.end),
    level: cw.level,
    caveats: cw.caveats,
    spaced: cw.spaced,
    damaged: cw.damaged,
    post: tok(line, s, i, pe),
    serial: { text: serialText, range: rng(line, d, e), value: Number(serialText) },
  };
  if (section) banner.section = section;
  return banner;
}

/**
 * A banner repeated in the body, whose non-blank text is s[f, e) (f < e) and opens a banner: a full
 * banner line (readBanner), else a bare classification (`CONFIDENTIAL`, ` SECRET`) as repeated at page
 * breaks. The classification words are read once for both.
 */
function readRepeatedBanner(s: string, line: number, f: number, e: number): Banner | undefined {
  if (e - f > 120) return undefined;
  const cw = readClassificationWords(s, f);
  if (!cw) return undefined;
  const last = s.charCodeAt(e - 1);
  if (isDigit(last) || isLetter(last)) {
    const banner = bannerAfterWords(s, line, f, e, cw);
    if (banner) return banner;
  }
  // `SENSITIVE BUT UNCLASSIFIED` on its own line is the SBU caption, not a page-break banner.
  if (e - f > 40 || cw.level === 'SBU' || endNonSpaceBefore(s, cw.end) !== e) return undefined;
  return {
    range: rng(line, f, e),
    classification: tok(line, s, f, cw.end),
    level: cw.level,
    caveats: cw.caveats,
    spaced: cw.spaced,
    damaged: cw.damaged,
  };
}

// ---------------------------------------------------------------------------------------------
// The parser

type Zone = 'header' | 'heading' | 'body';
type Cont = 'none' | 'routing' | 'addressee' | 'tags' | 'subject' | 'refs' | 'classifiedBy' | 'partial';

class CableParser {
  readonly lines: string[];
  readonly doc: CableDocument;
  private zone: Zone = 'header';
  private cont: Cont = 'none';
  private addrList: Addressee[] | undefined;
  private headerSeenFl1 = false;
  private headerIgnoreRest = false;
  private para: Paragraph | undefined;
  private paraLastLine = -1;
  private openBlocks: Block[] = [];
  private explicitStart = new Set<Block>();
  private implicitEnd = new Map<Block, Range>();
  private prevBlank = true;
  private refBlock: ReferenceBlock | undefined;
  private nextRefLabel: number = Char.A;
  private cbSegments: { line: number; start: number; text: string }[] = [];
  private subjectParts: string[] = [];
  private seenSubject = false;
  private lastHeading: 'eo' | 'tags' | 'subject' | 'ref' | 'classifiedBy' | 'none' = 'none';
  private seenTags = false;
  private captionNames = new Set<string>();

  constructor(text: string) {
    this.lines = splitLines(text);
    // Each line end counts as one character, so the size does not depend on the line-end style.
    let size = text.length;
    if (text.indexOf('\r') >= 0) {
      size = this.lines.length - 1;
      for (const l of this.lines) size += l.length;
    }
    this.doc = new CableModel(this.lines, size);
  }

  private normCache: (string | undefined)[] = [];
  /** Whether any line needs normalising: one test over the whole text instead of one per line. */
  private hasBlankish = false;
  // `next` is set when the END and its word are split over two lines (`End` / `Summary.`): the word's
  // end on the following line.
  /** The sub-paragraph whose text may still wrap onto the next line. */
  private openSub: SubParagraph | undefined;
  // The prescan's findings filed by line number: every body line consults them, and an array index
  // costs a fraction of a Map lookup.
  private readonly endHits: ({ at: number; len: number; word: string; next?: number }[] | undefined)[] = [];
  /** Lines that begin with the second half of a split END (`Summary.`): where that half ends. */
  private readonly endTails: (number | undefined)[] = [];
  private readonly commentHits: (number[] | undefined)[] = [];
  private readonly wholeMarkerLines: (true | undefined)[] = [];
  /** Where the first `PDIS` or `pdis` (of SIPDIS) stands in each line that has one. */
  private readonly pdisAt: (number | undefined)[] = [];
  private readonly endOnlyBlocks = new Map<string, Block>();
  // The normalised text and where each line starts in it (prescan). Line strings from the split are
  // slices of the text, and reading their characters costs several times what reading the flat text
  // does: the per-line blank trims below read the text.
  private src = '';
  private starts: number[] = [];

  /** The normalised line (text.ts), computed once. */
  private norm(i: number): string {
    if (!this.hasBlankish) return this.lines[i];
    let s = this.normCache[i];
    if (s === undefined) {
      s = normaliseLine(this.lines[i]);
      this.normCache[i] = s;
    }
    return s;
  }

  problem(range: Range, code: string, message: string): void {
    this.doc.problems.push({ range, code, message });
  }

  /**
   * Finds the banner line: the first banner after the last FL1 that precedes it (mail printouts repeat
   * it). Returns the line and the banner as read there, which the body then starts with.
   */
  private findBanner(): { line: number; banner?: Banner } {
    const n = this.lines.length;
    let first = -1;
    let banner: Banner | undefined;
    let fl1 = -1;
    const src = this.src;
    for (let i = 0; i < n; i++) {
      const len = this.lines[i].length;
      if (len > MAX_HEADER_LINE) continue;
      const at = this.starts[i];
      const f = firstNonSpaceAt(src, at, len);
      if (f === len) continue;
      const c = src.charCodeAt(at + f);
      if (c === Char.V && FL1.test(this.norm(i).slice(f))) {
        if (first >= 0) {
          fl1 = i;
          first = -1;
        }
        continue;
      }
      if (first < 0 && opensBanner(c, src.charCodeAt(at + f + 1)) && (banner = readBanner(this.norm(i), i))) {
        first = i;
        // Only a later FL1 (which holds ZCZC) could make a later banner the one: most cables have none,
        // and one search of the text spares reading the next sixty lines. The search stops where the
        // reading would (an FL1 further on changes nothing): a sliced string costs nothing to make.
        const stop = i + 62 < n ? this.starts[i + 62] : src.length;
        if (fl1 >= 0 || i > 200 || src.slice(at, stop).indexOf('ZCZC') < 0) break;
      }
      // Stop scanning once numbered paragraphs have clearly begun.
      if (first >= 0 && i - first > 60) break;
    }
    return { line: first, banner: first >= 0 ? banner : undefined };
  }

  run(text: string): CableDocument {
    this.prescan(text);
    const found = this.findBanner();
    const bannerLine = found.line;
    const n = this.lines.length;
    for (let i = 0; i < n; i++) {
      const s = this.norm(i);
      if (i === bannerLine) {
        this.startBody(i, s, found.banner);
        continue;
      }
      if (this.zone === 'header') {
        if (bannerLine < 0 && !this.headerLine(i, s)) {
          const f = firstNonSpace(s);
          if (f < s.length) {
            this.zone = 'heading';
            this.doc.bodyStartLine = i;
            this.problem(rng(i, f, f), 'banner-missing', 'No classification banner line (e.g. `C O N F I D E N T I A L BRUSSELS 000995`) was found.');
            this.bodyLine(i, s);
          }
        } else if (bannerLine >= 0) {
          this.headerLine(i, s);
        }
        continue;
      }
      this.bodyLine(i, s);
    }
    if (bannerLine < 0 && this.zone === 'header') {
      this.problem(rng(0, 0, 0), 'banner-missing', 'No classification banner line was found.');
    }
    this.finish();
    return this.doc;
  }

  // -------------------------------------------------------------------------------------------
  // Header zone

  /** Extends the header's range over line i, whose text stands at [f, e). */
  private extendHeader(i: number, f: number, e: number): void {
    const h = this.doc.header;
    // Header lines come in order: the range keeps its start and takes this line's end.
    h.range = h.range ? { start: h.range.start, end: { line: i, character: e } } : rng(i, f, e);
  }

  /** Returns true when the line was read as part of the heading block (or is blank). */
  private headerLine(i: number, s: string): boolean {
    const src = this.src;
    const at = this.starts[i];
    const len = s.length;
    const f = firstNonSpaceAt(src, at, len);
    if (f === len) {
      if (this.cont !== 'routing' && this.cont !== 'partial') this.cont = 'none';
      return true;
    }
    if (len > MAX_HEADER_LINE) return false;
    const e = endNonSpaceAt(src, at, len);
    const t = s.slice(f, e);
    const h = this.doc.header;
    if (this.headerIgnoreRest) return true;
    // Each recogniser below runs only when the line's first character can open its pattern: a header
    // line is tried against a dozen of them, and most fail on that character.
    const c = t.charCodeAt(0);
    // The upper-cased line, computed in this one place and only for a line that a recogniser reading it
    // could take (upperCaseReaders). The optimising compiler treats toUpperCase as pure: with a call at
    // each recogniser it merged them into one, run on every line before the first of them.
    const u = upperCaseReaders(t, c, this.cont === 'addressee', h.receivingCopy !== undefined) ? t.toUpperCase() : undefined;
    // A first character outside ASCII may upper-case to a letter: such a line always has `u`.
    const uc = c >= Char.NonAscii && u !== undefined ? u.charCodeAt(0) : asciiUpper(c);
    const precedenceFirst = c === Char.Z || c === Char.O || c === Char.P || c === Char.R || c === Char.Y;

    let m = c === Char.V ? FL1.exec(t) : null;
    if (m) {
      if (this.headerSeenFl1) {
        // A second copy of the heading (dump layout, mail printouts): the first one stands.
        this.headerIgnoreRest = true;
        return true;
      }
      this.headerSeenFl1 = true;
      h.transmissionId = { text: s.slice(f, f + m[0].length), range: rng(i, f, f + m[0].length), channel: m[1], serial: m[2] };
      this.extendHeader(i, f, e);
      this.cont = 'none';
      return true;
    }
    if (uc === Char.T && u !== undefined && (t.charCodeAt(1) | Case.Bit) === Char.h && PARTIAL.test(u)) {
      h.partialExtract = { range: rng(i, f, f + t.length) };
      this.extendHeader(i, f, e);
      this.cont = 'partial';
      return true;
    }
    if (this.cont === 'partial' && h.partialExtract && isDigit(t.charCodeAt(0))) {
      const dtg = readDtg(s, i, f);
      this.cont = 'none';
      if (dtg) {
        h.partialExtract.dtg = dtg;
        h.partialExtract.range = span(h.partialExtract.range, dtg.range);
        this.dtgProblems(dtg);
        this.extendHeader(i, f, e);
        return true;
      }
    }
    // FL2 doubles its precedence letter (`RR`); an FL5 precedence letter stands alone before a blank.
    m = precedenceFirst && t.charCodeAt(1) === c ? FL2.exec(t) : null;
    if (m) {
      const indicators = this.ris(i, s, f + m[1].length);
      h.routing = {
        range: rng(i, f, f + t.length),
        precedence: { text: m[1], range: rng(i, f, f + 2), value: m[1][0] as PrecedenceLetter },
        indicators,
      };
      this.extendHeader(i, f, e);
      this.cont = 'routing';
      return true;
    }
    if (this.cont === 'routing' && c === Char.R && RI_LINE.test(t) && h.routing) {
      h.routing.indicators.push(...this.ris(i, s, f));
      h.routing.range = span(h.routing.range, rng(i, f, f + t.length));
      this.extendHeader(i, f, e);
      return true;
    }
    if (t.startsWith('DE ')) {
      this.deLine(i, s, f, t);
      this.extendHeader(i, f, e);
      this.cont = 'none';
      return true;
    }
    m = c === Char.Z ? SEC_LINE.exec(t) : null;
    if (m) {
      const level = securityLettersLevel(m[2]);
      const restStart = f + m[0].length;
      const rs = restStart + firstNonSpace(s.slice(restStart, f + t.length));
      h.security = {
        range: rng(i, f, f + t.length),
        signal: tok(i, s, f, f + 3),
        letters: tok(i, s, f + m[0].length - m[2].length, f + m[0].length),
      };
      if (level) h.security.level = level;
      else this.problem(h.security.letters.range, 'security-line-unrecognised', `'${m[2]}' is not a classification letter repeated five times (UUUUU, CCCCC, SSSSS, TTTTT).`);
      if (rs < f + t.length) h.security.rest = tok(i, s, rs, f + t.length);
      this.extendHeader(i, f, e);
      this.cont = 'none';
      return true;
    }
    m = precedenceFirst && t.charCodeAt(1) === Char.Space ? DTG_LINE.exec(t) : null;
    if (m && !h.dtgLine) {
      const precedence = [{ text: m[1], range: rng(i, f, f + 1), value: m[1] as PrecedenceLetter }];
      if (m[2]) precedence.push({ text: m[2], range: rng(i, f + 2, f + 3), value: m[2] as PrecedenceLetter });
      const dtg = readDtg(s, i, f + m[0].length);
      h.dtgLine = { range: rng(i, f, f + t.length), precedence };
      if (dtg) {
        h.dtgLine.dtg = dtg;
        this.dtgProblems(dtg);
      } else {
        this.problem(h.dtgLine.range, 'dtg-unrecognised', 'No date-time group could be read on the precedence line.');
      }
      this.extendHeader(i, f, e);
      this.cont = 'none';
      return true;
    }
    if (
      (uc === Char.I && u !== undefined && INFO_LOG.test(u)) ||
      (uc === Char.A && u !== undefined && ACTION_LINE.test(u)) ||
      (uc === Char.P && u !== undefined && PAGE_LINE.test(u)) ||
      (c === Char.Dash && DASH_LINE.test(t)) ||
      (this.doc.header.receivingCopy && u !== undefined && OFFICE_CONT.test(u) && this.cont !== 'addressee')
    ) {
      this.receivingCopy(i, s, f, t);
      this.cont = 'none';
      return true;
    }
    const kwEnd = c === Char.F || c === Char.T || c === Char.I || c === Char.X ? addressKeywordEnd(t, c) : 0;
    if (kwEnd) {
      const a = this.addressee(i, s, f + kwEnd, f + t.length);
      if (c === Char.F) {
        if (!h.from) h.from = a;
        this.cont = 'none';
      } else {
        const list = c === Char.T ? h.to : c === Char.I ? h.info : h.xmt;
        if (a) list.push(a);
        this.addrList = list;
        this.cont = 'addressee';
      }
      this.extendHeader(i, f, e);
      return true;
    }
    if (t === 'BT' || t === 'NNNN') {
      h.prosigns.push(tok(i, s, f, f + t.length));
      this.extendHeader(i, f, e);
      this.cont = 'none';
      return true;
    }
    // An addressee line goes on the list unless it opens the heading: most (`RUEHC/SECSTATE …`) cannot,
    // as their first two characters tell, and are spared the upper-casing and keyword tests.
    if (this.cont === 'addressee' && this.addrList && !(u !== undefined && mayOpenKeyword(t) && (this.headingKeyword(u) !== 'none' || isCaptionText(u)))) {
      const a = this.addressee(i, s, f, f + t.length);
      if (a) this.addrList.push(a);
      this.extendHeader(i, f, e);
      return true;
    }
    if ((uc === Char.M || uc === Char.T || uc === Char.W || uc === Char.F || uc === Char.S) && u !== undefined && WEEKDAY.test(u)) {
      const d = readLongDate(s, i, f, f + t.length);
      if (d && !h.dateLine) h.dateLine = d;
      this.extendHeader(i, f, e);
      return true;
    }
    if (c === Char.LessThan && DUMP_ID.test(t)) return true;
    // Receiving-copy classification line (`CONFIDENTIAL     PTQ1859`) and other printout lines.
    if (h.partialExtract && readClassificationWords(s, f)) {
      this.receivingCopy(i, s, f, t);
      return true;
    }
    return false;
  }

  private ris(i: number, s: string, from: number): Token[] {
    const out: Token[] = [];
    RI_G.lastIndex = from;
    let m: RegExpExecArray | null;
    while ((m = RI_G.exec(s))) out.push(tok(i, s, m.index, m.index + m[0].length));
    return out;
  }

  private receivingCopy(i: number, s: string, f: number, t: string): void {
    const h = this.doc.header;
    const token = tok(i, s, f, f + t.length);
    if (!h.receivingCopy) h.receivingCopy = { range: token.range, lines: [token] };
    else {
      h.receivingCopy.lines.push(token);
      h.receivingCopy.range = span(h.receivingCopy.range, token.range);
    }
    this.extendHeader(i, f, f + t.length);
  }

  private deLine(i: number, s: string, f: number, t: string): void {
    const h = this.doc.header;
    const m = DE_LINE.exec(t);
    const range = rng(i, f, f + t.length);
    if (!m) {
      h.de = { range, station: tok(i, s, f + 3, f + t.length) };
      this.problem(range, 'de-unrecognised', 'The DE line should read `DE <routing indicator> #<serial>[/<section>] <Julian day><HHMM>`.');
      return;
    }
    const st = f + t.indexOf(m[1], 2);
    const de: NonNullable<typeof h.de> = { range, station: tok(i, s, st, st + m[1].length) };
    let p = st + m[1].length;
    p = s.indexOf(m[3], p);
    const serialStart = m[2] ? p - 1 : p;
    de.serial = { text: s.slice(serialStart, p + m[3].length), range: rng(i, serialStart, p + m[3].length), value: parseInt(m[3], 10) };
    p += m[3].length;
    if (m[4] !== undefined) {
      de.section = { text: m[4], range: rng(i, p + 1, p + 1 + m[4].length), value: Number(m[4]) };
      p += 1 + m[4].length;
    }
    if (m[5] !== undefined) {
      const fs = s.indexOf(m[5], p);
      const ft = readFilingTime(m[5], i, fs);
      if (ft) {
        de.filingTime = ft;
      } else {
        this.problem(rng(i, fs, fs + m[5].length), 'de-unrecognised', `'${m[5]}' is not a filing time (Julian day + HHMM, e.g. 2011547).`);
      }
    }
    h.de = de;
  }

  private addressee(i: number, s: string, from: number, to: number): Addressee | undefined {
    let a = from;
    while (a < to && s.charCodeAt(a) === Char.Space) a++;
    let e = to;
    if (a >= e) return undefined;
    const out: Partial<Addressee> & { range: Range } = { range: rng(i, a, e) };
    // `R` + three to six capitals + `/` (RUEHC/), read without a slice and a regex per addressee.
    let nameStart = a;
    if (s.charCodeAt(a) === Char.R) {
      let k = a + 1;
      while (k < a + 8 && isUpper(s.charCodeAt(k))) k++;
      const letters = k - a - 1;
      if (letters >= 3 && letters <= 6 && s.charCodeAt(k) === Char.Slash && k < Math.min(e, a + 9)) {
        out.routingIndicator = tok(i, s, a, k);
        nameStart = k + 1;
      }
    }
    // Trailing number, then precedence words.
    let d = e;
    while (d > nameStart && isDigit(s.charCodeAt(d - 1))) d--;
    if (d < e && e - d <= 6 && s.charCodeAt(d - 1) === Char.Space) {
      out.number = { text: s.slice(d, e), range: rng(i, d, e), value: digitsValue(s, d, e) };
      e = endNonSpaceBefore(s, d);
    }
    // The last word is upper-cased only when it is short enough to be a precedence word (IMMEDIATE is
    // the longest; upper-casing never shortens a word).
    let sp = e - 1;
    while (sp > nameStart && s.charCodeAt(sp) !== Char.Space) sp--;
    const last = sp > nameStart && e - sp - 1 <= 9 ? precedenceWord(s, sp + 1, e) : '';
    if (last) {
      let ps = sp + 1;
      const before = endNonSpaceBefore(s, sp);
      if (last === 'IMMEDIATE' && s.slice(before - 5, before).toUpperCase() === 'NIACT' && before - 5 > nameStart) {
        ps = before - 5;
      }
      out.precedence = tok(i, s, ps, e);
      e = endNonSpaceBefore(s, ps);
    }
    if (e <= nameStart) e = Math.max(nameStart, endNonSpaceBefore(s, to));
    out.name = tok(i, s, nameStart, e);
    return out as Addressee;
  }

  private dtgProblems(dtg: Dtg): void {
    if (dtg.malformed) this.problem(dtg.range, 'dtg-malformed', `Malformed date-time group '${dtg.text}': ${dtg.malformed}.`);
    if (dtg.invalid) this.problem(dtg.range, 'dtg-invalid', `Impossible date-time group '${dtg.text}': ${dtg.invalid}.`);
  }

  // -------------------------------------------------------------------------------------------
  // Body

  private startBody(i: number, s: string, banner: Banner | undefined): void {
    this.zone = 'heading';
    this.cont = 'none';
    this.doc.bodyStartLine = i;
    if (!banner) return;
    this.doc.banner = banner;
    const after = banner.range.end.character;
    if (after < s.length && !isBlank(s.slice(after))) {
      const rest = s.slice(after).toUpperCase();
      const re = /[A-Z]+/g;
      let m: RegExpExecArray | null;
      while ((m = re.exec(rest))) {
        const name = CAPTION_WORDS[m[0]];
        if (name) this.addCaption(i, s, after + m.index, after + m.index + m[0].length, name);
      }
    }
    if (banner.damaged) {
      const damage = bannerDamageText(bannerDamage(banner.classification.text, banner.level));
      this.problem(banner.classification.range, 'banner-damaged', `The classification word '${banner.classification.text}' ${damage}.`);
    }
    this.prevBlank = false;
  }

  private bodyLine(i: number, s: string): void {
    const src = this.src;
    const at = this.starts[i];
    const len = s.length;
    const f = firstNonSpaceAt(src, at, len);
    const blank = f === len;
    if (blank) {
      this.prevBlank = true;
      if (this.cont === 'subject' || this.cont === 'tags' || this.cont === 'classifiedBy') this.endCont();
      if (this.cont === 'refs') this.cont = 'none';
      return;
    }
    const e = endNonSpaceAt(src, at, len);

    const short = e - f <= MAX_HEADER_LINE;
    const wasBlank = this.prevBlank;
    this.prevBlank = false;

    if (this.wholeMarkerLines[i]) return;
    if (this.zone === 'body' && !wasBlank && this.runningText(i, at + f, e - f, short)) {
      if (this.para) this.paraLastLine = i;
      if (this.openSub) this.extendOpenSub(i, e);
      return;
    }
    // The line's prefix `t` is sliced only where it is read: the heading zone and the rare text lines whose
    // first characters let a regex through.
    const tEnd = Math.min(e, f + MAX_PREFIX);
    if (short) {
      // Repeated banners end in their serial; bare page-break classifications are short.
      const last = src.charCodeAt(at + e - 1);
      const rb =
        (isDigit(last) || e - f <= 40) && opensBanner(src.charCodeAt(at + f), src.charCodeAt(at + f + 1))
          ? readRepeatedBanner(s, i, f, e)
          : undefined;
      if (rb) {
        this.doc.repeatedBanners.push(rb);
        return;
      }
      if ((src.charCodeAt(at + f) | Case.Bit) === Char.p && PAGE_LINE_I.test(s.slice(f, tEnd))) return;
    }

    if (this.zone === 'heading') {
      const t = s.slice(f, tEnd);
      // Upper-cased only here: heading lines are few, body lines many and long.
      if (this.headingLine(i, s, f, e, t, t.toUpperCase())) return;
      // A numbered paragraph or free text after the heading elements starts the text proper.
      this.zone = 'body';
      this.endCont();
    }
    this.textLine(i, s, f, e, tEnd, wasBlank);
  }

  /**
   * Whether a body line after a non-blank line is running text and nothing else: none of the gates of
   * the repeated-banner and PAGE tests, textLine and blockMarkers lets it through, and the prescan left
   * nothing on it. Most body lines are such lines, and all they do is extend the paragraph (and a
   * wrapped sub-paragraph): they skip the line's prefix and the calls. `a` is the line's first non-blank
   * character in the text, `n` the length from there to its last non-blank one. Any doubt sends the
   * line the long way.
   */
  private runningText(i: number, a: number, n: number, short: boolean): boolean {
    if (this.pdisAt[i] !== undefined || this.endTails[i] !== undefined) return false;
    if (this.endHits[i] !== undefined || this.commentHits[i] !== undefined) return false;
    const src = this.src;
    const c0 = src.charCodeAt(a);
    // Past a one-character line these read a trailing blank, as the line would, or a line end, which
    // no gate takes for a letter or a blank.
    const c1 = src.charCodeAt(a + 1);
    if (isDigit(c0) || c0 === Char.Pilcrow || opensBlockKeyword(c0, c1, src.charCodeAt(a + 2))) return false;
    // PAGE lines (PAGE_LINE_I) and repeated banners.
    if (short && (((c0 | Case.Bit) === Char.p && (c1 | Case.Bit) === Char.a) || ((isDigit(src.charCodeAt(a + n - 1)) || n <= 40) && opensBanner(c0, c1)))) return false;
    return !opensLabel(c0, c1);
  }

  /** A wrapped sub-paragraph runs on over the lines that follow it without a break. */
  private extendOpenSub(i: number, e: number): void {
    const sub = this.openSub;
    if (sub && this.para?.subParagraphs[this.para.subParagraphs.length - 1] === sub) {
      sub.range = { start: sub.range.start, end: { line: i, character: e } };
    }
  }

  private endCont(): void {
    if (this.cont === 'classifiedBy') this.finishClassifiedBy();
    if (this.cont === 'subject') this.finishSubject();
    this.cont = 'none';
  }

  /** Heading elements between the banner and the text. Returns false when the line is not one. */
  private headingLine(i: number, s: string, f: number, e: number, t: string, u: string): boolean {
    // Whether the line opens a numbered paragraph, asked below up to four times: once, and only when it
    // starts with a digit or a pilcrow.
    const c0 = t.charCodeAt(0);
    const para = (isDigit(c0) || c0 === Char.Pilcrow) && PARA_RE.test(t);
    // Elements run together on one line (`SUBJECT: … Classified By: …`, `REF: … Classified By: …`).
    const cut = para ? -1 : inlineHeadingCut(u);
    if (cut > 0) {
      const e1 = f + endNonSpaceBefore(u, cut);
      this.headingLine(i, s, f, e1, s.slice(f, e1), u.slice(0, cut));
      const f2 = f + cut;
      return this.headingLine(i, s, f2, e, s.slice(f2, Math.min(e, f2 + MAX_PREFIX)), u.slice(cut));
    }
    // Continuations first.
    const kw = this.headingKeyword(u);
    if (this.cont === 'tags') {
      if (kw === 'none' && this.tagsContinuation(i, s, f, e, u)) return true;
      this.cont = 'none';
    }
    if (kw === 'none' && this.cont === 'subject') {
      const sub = this.doc.subject;
      if (sub && !para) {
        this.subjectParts.push(s.slice(f, e));
        sub.textRange = span(sub.textRange, rng(i, f, e));
        sub.range = span(sub.range, rng(i, f, e));
        return true;
      }
    }
    // Lettered references continue after a blank line (`REF: A. BAKU 1761` … `¶B. BAKU 1819`).
    if (kw === 'none' && this.cont === 'none' && this.refBlock && this.refBlock === this.doc.references[this.doc.references.length - 1] && this.startsWithRefLabel(t)) {
      this.cont = 'refs';
    }
    if (kw === 'none' && this.cont === 'refs' && this.refBlock && !para && e - f <= MAX_HEADER_LINE) {
      this.refLine(i, s, f, e, false);
      return true;
    }
    if (kw === 'none' && this.cont === 'classifiedBy' && this.doc.classifiedBy && !para) {
      const cb = this.doc.classifiedBy;
      cb.range = span(cb.range, rng(i, f, e));
      this.cbLine(i, s, f, e);
      return true;
    }
    if (kw !== 'none') {
      this.endCont();
      this.lastHeading = kw;
    }
    switch (kw) {
      case 'eo':
        this.eoLine(i, s, f, e, u);
        return true;
      case 'tags':
        this.tagsLine(i, s, f, e, u);
        return true;
      case 'subject':
        this.subjectLine(i, s, f, e, u);
        return true;
      case 'ref':
        this.refStart(i, s, f, e, u);
        return true;
      case 'classifiedBy': {
        const off = u.charCodeAt(0) === Char.OpenParen ? markedClassifiedBy(u) : 0;
        this.classifiedByStart(i, s, f, e, u.slice(off), f + off);
        return true;
      }
    }
    if (para) return false;
    if (e - f <= MAX_HEADER_LINE && this.captionLine(i, s, f, e, u)) return true;
    if (!this.seenSubject && !this.seenTags) {
      if (e - f <= MAX_HEADER_LINE) this.distributionLine(i, s, f, e, u);
      return true;
    }
    if (!this.seenSubject) return true;
    // A stray wrapped piece between heading elements (`TO LONDON` after a blank under SUBJECT, `OF 10/6 D)
    // STATE 215870` inside REF): keep it with the element before when a heading keyword follows shortly.
    if (e - f <= 120 && this.headingKeywordAhead(i)) {
      if (this.lastHeading === 'subject' && this.doc.subject) {
        const sub = this.doc.subject;
        this.subjectParts.push(s.slice(f, e));
        sub.textRange = span(sub.textRange, rng(i, f, e));
        sub.range = span(sub.range, rng(i, f, e));
      } else if (this.lastHeading === 'ref' && this.refBlock) {
        this.refLine(i, s, f, e, false);
      }
      return true;
    }
    return false;
  }

  private headingKeywordAhead(i: number): boolean {
    let seen = 0;
    const limit = Math.min(this.lines.length, i + 12);
    for (let j = i + 1; j < limit && seen < 3; j++) {
      const raw = this.lines[j];
      if (raw.length > MAX_HEADER_LINE) return false;
      const s = this.norm(j);
      const f = firstNonSpace(s);
      if (f === s.length) continue;
      seen++;
      const u = s.slice(f, f + 40).toUpperCase();
      if (PARA_RE.test(u)) return false;
      const kw = this.headingKeyword(u);
      if (kw === 'ref' || kw === 'classifiedBy') return true;
    }
    return false;
  }

  private headingKeyword(u: string): 'eo' | 'tags' | 'subject' | 'ref' | 'classifiedBy' | 'none' {
    const c = u.charCodeAt(0);
    if (c === Char.E && EO_RE.test(u)) return 'eo';
    if ((c === Char.T || c === Char.A) && TAGS_RE.test(u)) return this.doc.tags ? 'none' : 'tags';
    if (c === Char.S && SUBJECT_RE.test(u)) return this.doc.subject ? 'none' : 'subject';
    if (c === Char.R && REF_RE.test(u)) return 'ref';
    if (c === Char.P && u.startsWith('PROGRAM') && REF_RE.test(u)) return 'ref';
    if ((c === Char.C || c === Char.D) && CLASSIFIED_BY_RE.test(u)) return this.doc.classifiedBy ? 'none' : 'classifiedBy';
    if (c === Char.OpenParen && markedClassifiedBy(u) > 0) return this.doc.classifiedBy ? 'none' : 'classifiedBy';
    return 'none';
  }

  private captionLine(i: number, s: string, f: number, e: number, u: string): boolean {
    // The line without its trailing blanks and full stops: u[0, n).
    let n = Math.min(u.length, e - f);
    while (n > 0 && (u.charCodeAt(n - 1) === Char.Space || u.charCodeAt(n - 1) === Char.Dot)) n--;
    if (n === 0) return false;
    // Every form below starts with a caption word's letter (S N E L C D) or ends in CHANNEL, ONLY or
    // SENSITIVE: other lines (most heading lines) fail here without a regex.
    const c = u.charCodeAt(0);
    const capFirst = c === Char.S || c === Char.N || c === Char.E || c === Char.L || c === Char.C || c === Char.D;
    // Most caption lines are one caption word (`SIPDIS`, `NOFORN`), which none of the forms before the
    // word list takes.
    if (capFirst && n <= CAPTION_WORD_MAX) {
      const name = captionWordAt(u, 0, n);
      if (name !== undefined) {
        this.addCaption(i, s, f, f + n, name);
        return true;
      }
    }
    const clean = u.slice(0, n);
    const channel = clean.endsWith('CHANNEL');
    const only = clean.endsWith('ONLY');
    const sensitive = clean.endsWith('SENSITIVE');
    if (!capFirst && !channel && !only && !sensitive) return false;
    if ((c === Char.S && /^SENSITIVE BUT UNCLASSIFIED\b/.test(clean)) || (only && clean === 'FOR OFFICIAL USE ONLY')) {
      this.addCaption(i, s, f, e, c === Char.S ? 'SENSITIVE' : 'FOUO');
      return true;
    }
    if (c === Char.C && /^C ?O ?R ?R ?E ?C ?T ?E ?D +C ?O ?P ?Y\b/.test(clean)) {
      this.addCaption(i, s, f, e, 'CORRECTED COPY');
      return true;
    }
    if ((channel && /^[A-Z][A-Z ]{1,30} CHANNEL$/.test(clean)) || (only && /^(?:EYES ONLY|[A-Z/ ]{0,30}FOR [A-Z .,/-]{1,40} ONLY)$/.test(clean))) {
      this.addCaption(i, s, f, e, clean);
      return true;
    }
    if (!capFirst) return sensitive && this.sensitiveCaption(i, s, f, clean);
    // `NOFORN, NOT FOR INTERNET DISTRIBUTION`, `DEA SENSITIVE`: a caption word with words around it.
    let j = 1;
    while (j < n && isUpper(u.charCodeAt(j))) j++;
    if (n < 80 && (u.charCodeAt(j) === Char.Comma || (u.charCodeAt(j) === Char.Space && u.charCodeAt(j + 1) === Char.Dash)) && j + (u.charCodeAt(j) === Char.Comma ? 1 : 2) <= n) {
      const name = captionWordAt(u, 0, j);
      if (name !== undefined) {
        this.addCaption(i, s, f, f + j, name);
        return true;
      }
    }
    if (sensitive && this.sensitiveCaption(i, s, f, clean)) return true;
    // Up to four caption words apart by blanks, commas, semicolons or slashes (`NOFORN SIPDIS`); a
    // separator first or last leaves an empty word, which is no caption word.
    let count = 0;
    let first: string | undefined;
    let second: string | undefined;
    for (let a = 0; ; ) {
      let b = a;
      while (b < n && !isCaptionSeparator(u.charCodeAt(b))) b++;
      const name = captionWordAt(u, a, b);
      if (name === undefined || ++count > 4) return false;
      if (count === 1) first = name;
      else if (count === 2) second = name;
      if (b === n) break;
      a = b + 1;
      while (a < n && isCaptionSeparator(u.charCodeAt(a))) a++;
    }
    // SPECAT and EXCLUSIVE are the caption words named so.
    if (count === 2 && first === 'SPECAT' && second === 'SPECAT EXCLUSIVE') {
      this.addCaption(i, s, f, e, 'SPECAT EXCLUSIVE');
      return true;
    }
    for (let a = 0; a < n; ) {
      let b = a;
      while (b < n && !isCaptionSeparator(u.charCodeAt(b))) b++;
      this.addCaption(i, s, f + a, f + b, captionWordAt(u, a, b)!);
      a = b;
      while (a < n && isCaptionSeparator(u.charCodeAt(a))) a++;
    }
    return true;
  }

  /** `DEA SENSITIVE`: an agency's caption. */
  private sensitiveCaption(i: number, s: string, f: number, clean: string): boolean {
    if (!/^[A-Z]{2,8} SENSITIVE$/.test(clean)) return false;
    this.addCaption(i, s, f, f + clean.length, 'SENSITIVE');
    return true;
  }

  private addCaption(i: number, s: string, f: number, e: number, name: string, inline = false): void {
    const c: Caption = { range: rng(i, f, e), name, token: tok(i, s, f, e) };
    if (inline) c.inline = true;
    this.doc.captions.push(c);
    this.captionNames.add(name);
  }

  private distributionLine(i: number, s: string, f: number, e: number, u: string): void {
    // The E.O. line run onto the passing line (`DEPT FOR WHA/BSC E.O. 12958: DECL: …`).
    const eoAt = u.indexOf(' E.O. ');
    if (eoAt > 0 && eoAt < e - f && EO_RE.test(u.slice(eoAt + 1))) {
      this.eoLine(i, s, f + eoAt + 1, e, u.slice(eoAt + 1));
      e = f + endNonSpaceBefore(u, eoAt);
      u = u.slice(0, e - f);
    }
    const text = s.slice(f, e);
    const up = u.slice(0, e - f);
    let at = up.indexOf(' PASS TO ');
    let kwLen = 9;
    const forAt = up.indexOf(' FOR ');
    if (at < 0 || (forAt >= 0 && forAt < at)) {
      at = forAt;
      kwLen = 5;
    }
    if (up.startsWith('FOR ') || up.startsWith('PASS TO ')) {
      const d = { range: rng(i, f, e), text, who: tok(i, s, f + (up.startsWith('FOR ') ? 4 : 8), e) };
      this.doc.distribution.push(d);
      return;
    }
    if (at <= 0 || /[a-z]/.test(s.slice(f, f + at)) && /[a-z]{4}/.test(text.slice(0, 30))) return;
    this.doc.distribution.push({
      range: rng(i, f, e),
      text,
      to: tok(i, s, f, f + at),
      who: tok(i, s, f + at + kwLen, e),
    });
  }

  // ----- E.O.

  private eoLine(i: number, s: string, f: number, e: number, u: string): void {
    const m = EO_RE.exec(u)!;
    const orderStart = f + m[0].length - 5;
    // The TAGS or SUBJECT may run on in the same line (`E.O. 12958: N/A TAGS: ASEC`).
    const line = u.slice(0, e - f);
    // `TAG` alone too (`… DECL: 03/20/2019 TAG PTER, PGOV`): after the order nothing else is so spelt.
    const tagsAt = tagsKeywordIn(line, m[0].length);
    const eoEnd = tagsAt >= 0 ? f + endNonSpaceBefore(line, tagsAt) : e;
    const eo: EoLine = {
      range: rng(i, f, eoEnd),
      order: { text: m[1], range: rng(i, orderStart, orderStart + 5), value: Number(m[1]) },
      kind: 'none',
    };
    let p = f + m[0].length;
    while (p < eoEnd && (s.charCodeAt(p) === Char.Space || s.charCodeAt(p) === Char.Colon)) p++;
    if (p < eoEnd) {
      eo.instruction = tok(i, s, p, eoEnd);
      this.readInstruction(eo, i, s, p, eoEnd);
    }
    if (!this.doc.eo) this.doc.eo = eo;
    if (tagsAt >= 0) this.tagsLine(i, s, f + tagsAt, e, u.slice(tagsAt));
  }

  private readInstruction(eo: EoLine, i: number, s: string, p: number, end: number): void {
    const text = s.slice(p, end);
    const up = text.toUpperCase();
    let m: RegExpExecArray | null;
    // Each form is tried only when the first letter allows it: most instructions are `DECL: <date>`,
    // which would otherwise pass through six regexes before its own.
    const c0 = up.charCodeAt(0);
    switch (c0) {
      case Char.N: // N
        if (/^N ?\/? ?A\b/.test(up)) {
          eo.kind = 'na';
          return;
        }
        break;
      case Char.A: // A
        if (up.startsWith('AS AMENDED')) {
          eo.kind = 'nara';
          return;
        }
        break;
      case Char.D: // D
        if ((up.startsWith('DECL') && /^DECL\W{0,4}DECLASSIFIED\b/.test(up)) || up.startsWith('DECLASSIFIED')) {
          eo.kind = 'nara';
          return;
        }
        if (up.charCodeAt(1) === Char.N && (m = /^DNG\W{0,3}(CO|SE|UC|[CSU])\b(?: {1,3}([\d/.-]{6,10}))?/.exec(up))) {
          const toStart = p + m[0].indexOf(m[1], 3);
          eo.downgrade = { range: rng(i, p, p + m[0].length), to: tok(i, s, toStart, toStart + m[1].length) };
          if (m[2]) {
            const ds = p + m[0].length - m[2].length;
            eo.downgrade.date = tok(i, s, ds, ds + m[2].length);
          }
          eo.kind = 'date';
          return;
        }
        break;
    }
    if ((c0 === Char.G || c0 === Char.A || c0 === Char.X || c0 === Char.R) && (m = /^(GDS|ADS|XGDS-? ?[1-4]|RDS-? ?[1-4]|XDS-? ?[1-4])\b/.exec(up))) {
      eo.kind = 'schedule';
      eo.exemption = tok(i, s, p, p + m[1].length);
      const dm = /\d{1,4}[/-]\d{1,2}[/-]\d{2,4}/.exec(text.slice(m[1].length));
      if (dm) this.declDate(eo, i, s, p + m[1].length + dm.index, dm[0]);
      return;
    }
    // DECL: …, DECLl:, Declassify on …, or a bare date. What the keyword takes, as
    // /^(?:DECLASSIFY(?: ON)?|DECLL?|DECL\.)? *:? */ would (DECLL? takes `DECL.` before DECL\. can); the
    // instruction starts after the E.O. line's blanks and colons, so without a D nothing is taken.
    let q = 0;
    if (c0 === Char.D) {
      if (up.startsWith('DECLASSIFY')) q = up.startsWith(' ON', 10) ? 13 : 10;
      else if (up.startsWith('DECL')) q = up.charCodeAt(4) === Char.L ? 5 : 4;
      while (up.charCodeAt(q) === Char.Space) q++;
      if (up.charCodeAt(q) === Char.Colon) q++;
      while (up.charCodeAt(q) === Char.Space) q++;
    }
    const rest = up.slice(q);
    const r0 = rest.charCodeAt(0);
    if (r0 === Char.O && /^OADR\b/.test(rest)) {
      eo.kind = 'oadr';
      eo.exemption = tok(i, s, p + q, p + q + 4);
      return;
    }
    if ((r0 === Char.X || r0 === Char.Digit2 || r0 === Char.Digit5 || r0 === Char.M) && (m = /^(X[1-8]|25X[1-9](?:-HUM)?|50X[1-9](?:-HUM)?|MR)\b/.exec(rest))) {
      eo.kind = 'exemption';
      eo.exemption = tok(i, s, p + q, p + q + m[1].length);
      return;
    }
    if (isDigit(r0) && (m = /^\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b/.exec(rest))) {
      eo.kind = 'date';
      this.declDate(eo, i, s, p + q, m[0]);
      return;
    }
    if (q > 0 && isUpper(r0)) {
      eo.kind = rest.startsWith('DECLASSIFIED') ? 'nara' : 'event';
      return;
    }
    eo.kind = 'unknown';
    this.problem(rng(i, p, end), 'eo-unrecognised', `The declassification instruction '${text.slice(0, 60)}' cannot be read (expected DECL: date, N/A, OADR, X1–X8 …).`);
  }

  private declDate(eo: EoLine, i: number, s: string, at: number, text: string): void {
    // Three runs of digits apart by one of / . - (what the callers' regexes let through), read in place:
    // this runs once per cable, where split and map(Number) cost more than the rest of the E.O. line.
    let k = 0;
    let a = 0;
    for (let c = text.charCodeAt(k); isDigit(c); c = text.charCodeAt(++k)) a = a * 10 + digitValue(c);
    const firstLen = k;
    let b = 0;
    for (let c = text.charCodeAt(++k); isDigit(c); c = text.charCodeAt(++k)) b = b * 10 + digitValue(c);
    const lastAt = ++k;
    let z = 0;
    for (let c = text.charCodeAt(k); isDigit(c); c = text.charCodeAt(++k)) z = z * 10 + digitValue(c);
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
      this.problem(d.range, 'decl-date-invalid', `The declassification date ${text} names no real day.`);
    }
    eo.declassifyOn = d;
  }

  // ----- TAGS

  private tagsLine(i: number, s: string, f: number, e: number, u: string): void {
    this.seenTags = true;
    const m = TAGS_RE.exec(u)!;
    let p = f + m[1].length;
    while (p < e && s.charCodeAt(p) === Char.Space) p++;
    const colon = s.charCodeAt(p) === Char.Colon;
    if (colon) p++;
    const keyword = tok(i, s, f, colon ? p : f + m[1].length);
    const misspelled = m[1] !== 'TAGS';
    const line = u.slice(0, e - f);
    // SUBJECT may follow on the same line (`Tags: prel, tu Subject: …`).
    const subjAt = subjectKeywordIn(line, p - f);
    const listEnd = subjAt >= 0 ? f + endNonSpaceBefore(line, subjAt) : e;
    const tags: TagsLine = { range: rng(i, f, listEnd), keyword, keywordMisspelled: misspelled, tags: [] };
    this.readTags(tags, i, s, p, listEnd);
    this.doc.tags = tags;
    if (misspelled) this.problem(keyword.range, 'tags-keyword-misspelled', `'${keyword.text.trim()}' should be 'TAGS:'.`);
    this.cont = 'tags';
    if (subjAt >= 0) {
      this.cont = 'none';
      this.subjectLine(i, s, f + subjAt, e, u.slice(subjAt));
    }
  }

  private readTags(tags: TagsLine, i: number, s: string, from: number, to: number): void {
    let p = from;
    while (p < to) {
      const c = s.charCodeAt(p);
      if (c === Char.Space || c === Char.Comma || c === Char.Semicolon) {
        p++;
        continue;
      }
      if (c === Char.OpenParen) {
        const close = s.indexOf(')', p);
        const end = close < 0 || close >= to ? to : close + 1;
        const inner = s.slice(p + 1, close < 0 || close >= to ? to : close).trim();
        if (inner) tags.tags.push({ text: s.slice(p, end), range: rng(i, p, end), code: inner, kind: 'person' });
        p = end;
        continue;
      }
      if (c === Char.OpenBracket) {
        // `[PREL](#)`: the viewer's link form.
        const close = s.indexOf('](', p);
        if (close > 0 && close < to) {
          const code = s.slice(p + 1, close).trim();
          const after = s.indexOf(')', close);
          const end = after < 0 || after >= to ? to : after + 1;
          if (code) {
            const up = upperCased(code);
            tags.tags.push({ text: s.slice(p + 1, close), range: rng(i, p + 1, close), code: up, kind: code.includes(',') ? 'person' : tagKindOfUpper(up) });
          }
          p = end;
          continue;
        }
      }
      let q = p;
      while (q < to) {
        const d = s.charCodeAt(q);
        if (d === Char.Space || d === Char.Comma || d === Char.Semicolon || d === Char.OpenParen) break;
        q++;
      }
      let end = q;
      while (end > p && s.charCodeAt(end - 1) === Char.Dot) end--;
      if (end > p) {
        const code = s.slice(p, end);
        // The code holds no comma: the loop above stops at one.
        const up = upperCased(code);
        tags.tags.push({ text: code, range: rng(i, p, end), code: up, kind: tagKindOfUpper(up) });
      }
      p = q;
    }
    if (!tags.tags.length && tags.range.start.line === i) {
      // Recorded only if no continuation brings codes (checked in finish()).
    }
  }

  private tagsContinuation(i: number, s: string, f: number, e: number, u: string): boolean {
    const tags = this.doc.tags;
    // Real TAGS wrap onto a line or two; the cap keeps a wall of code-like lines linear.
    // (A line that opens a heading element never gets here.)
    if (!tags || e - f > 120 || i - tags.range.start.line > 8) return false;
    const line = s.slice(f, e);
    // A continuation is a list of codes: short tokens, no sentence punctuation.
    if (!/^[a-z0-9&()[\]#,;'./ -]+$/i.test(line)) return false;
    const words = line.split(/[\s,;]+/).filter(Boolean);
    if (!words.length || words.length > 16) return false;
    const tagsUpper = !/[a-z]/.test(this.lines[tags.range.start.line].slice(tags.keyword.range.end.character));
    for (const w of words) {
      if (w.length > 14) return false;
      if (tagsUpper && /[a-z]/.test(w) && !w.startsWith('[')) return false;
    }
    if (PARA_RE.test(u)) return false;
    this.readTags(tags, i, s, f, e);
    tags.range = span(tags.range, rng(i, f, e));
    return true;
  }

  // ----- SUBJECT

  private subjectLine(i: number, s: string, f: number, e: number, u: string): void {
    this.seenSubject = true;
    const m = SUBJECT_RE.exec(u)!;
    let p = f + m[1].length;
    while (p < e && s.charCodeAt(p) === Char.Space) p++;
    const colon = s.charCodeAt(p) === Char.Colon;
    if (colon) p++;
    const keyword = tok(i, s, f, colon ? p : f + m[1].length);
    while (p < e && s.charCodeAt(p) === Char.Space) p++;
    let marking: PortionMarking | undefined;
    if (s.charCodeAt(p) === Char.OpenParen) {
      const pm = this.readMarking(i, s, p, e);
      if (pm) {
        marking = pm.marking;
        p = pm.end;
        while (p < e && s.charCodeAt(p) === Char.Space) p++;
      }
    }
    this.doc.subject = {
      range: rng(i, f, e),
      keyword,
      text: '',
      textRange: rng(i, p, e),
    };
    if (marking) this.doc.subject.marking = marking;
    this.subjectParts = p < e ? [s.slice(p, e)] : [];
    this.cont = 'subject';
  }

  private finishSubject(): void {
    const sub = this.doc.subject;
    if (!sub) return;
    const joined = this.subjectParts.join(' ');
    sub.text = (joined.includes('  ') ? joined.replace(/ {2,}/g, ' ') : joined).trim();
  }

  // ----- REF

  private refStart(i: number, s: string, f: number, e: number, u: string): void {
    const m = REF_RE.exec(u)!;
    let p = f + m[0].length;
    while (p < e && (s.charCodeAt(p) === Char.Space || s.charCodeAt(p) === Char.Colon || s.charCodeAt(p) === Char.Dot)) p++;
    const block: ReferenceBlock = { range: rng(i, f, e), keyword: tok(i, s, f, f + m[0].length), items: [] };
    this.doc.references.push(block);
    this.refBlock = block;
    this.nextRefLabel = Char.A;
    this.cont = 'refs';
    if (p < e) this.refLine(i, s, p, e, true);
  }

  private startsWithRefLabel(t: string): boolean {
    let q = 0;
    if (t.charCodeAt(q) === Char.Pilcrow) q++;
    while (t.charCodeAt(q) === Char.Space) q++;
    if (t.charCodeAt(q) === Char.OpenParen) q++;
    const c = t.charCodeAt(q) & ~Case.Bit;
    const close = t.charCodeAt(q + 1);
    return c === this.nextRefLabel && isLetter(t.charCodeAt(q)) && (close === Char.Dot || close === Char.CloseParen);
  }

  private refLine(i: number, s: string, f: number, e: number, first: boolean): void {
    const block = this.refBlock!;
    if (!first) block.range = span(block.range, rng(i, f, e));
    // Find labels A., B), (C) in sequence; text between labels is one item.
    const starts: { at: number; textAt: number; label: string }[] = [];
    let p = f;
    while (p < e) {
      const c = s.charCodeAt(p);
      const prev = p === f ? Char.Space : s.charCodeAt(p - 1);
      const boundary = prev === Char.Space || prev === Char.Semicolon || prev === Char.Comma || prev === Char.Pilcrow;
      if (boundary && (c === Char.Pilcrow || c === Char.OpenParen || isLetter(c))) {
        let q = p;
        if (s.charCodeAt(q) === Char.Pilcrow) q++;
        const paren = s.charCodeAt(q) === Char.OpenParen;
        if (paren) q++;
        const letter = s.charCodeAt(q) & ~Case.Bit;
        const close = s.charCodeAt(q + 1);
        if (letter === this.nextRefLabel && isLetter(s.charCodeAt(q)) && (close === Char.Dot || close === Char.CloseParen) && (q + 2 >= e || s.charCodeAt(q + 2) === Char.Space || isAlnum(s.charCodeAt(q + 2)) || s.charCodeAt(q + 2) === Char.OpenParen)) {
          let textAt = q + 2;
          while (textAt < e && s.charCodeAt(textAt) === Char.Space) textAt++;
          starts.push({ at: p, textAt, label: String.fromCharCode(letter) });
          this.nextRefLabel++;
          p = textAt;
          continue;
        }
      }
      p++;
    }
    const items = block.items;
    if (!starts.length) {
      const last = items[items.length - 1];
      // Bounded, so a REF block that runs into a wall of text stays linear.
      if (last && !first && last.label && !last.cableId && last.text.length < 400) {
        last.text += ` ${s.slice(f, e)}`;
        last.range = span(last.range, rng(i, f, e));
        this.readRefItem(last);
      } else {
        this.pushRef(items, i, s, f, e, undefined);
      }
      return;
    }
    if (starts[0].at > f) {
      const head = s.slice(f, starts[0].at).trim();
      if (head && items.length && !first) {
        const last = items[items.length - 1];
        last.text += ` ${head}`;
        last.range = span(last.range, rng(i, f, f + head.length));
      }
    }
    for (let k = 0; k < starts.length; k++) {
      const end = k + 1 < starts.length ? endNonSpaceBefore(s, starts[k + 1].at) : e;
      this.pushRef(items, i, s, starts[k].at, end, starts[k].label, starts[k].textAt);
    }
  }

  private pushRef(items: Reference[], i: number, s: string, from: number, to: number, label: string | undefined, textAt = from): void {
    let end = to;
    while (end > textAt && (s.charCodeAt(end - 1) === Char.Semicolon || s.charCodeAt(end - 1) === Char.Comma || s.charCodeAt(end - 1) === Char.Space)) end--;
    if (end <= textAt) return;
    const text = s.slice(textAt, end);
    // Unlabelled lists: `STATE 123, STATE 456` or `09 STATE 122115; 09 NAIROBI 2487` (split only when
    // there is a semicolon or an AND to split at).
    if (!label && (text.includes(';') || text.includes(' AND '))) {
      const parts = text.split(/;| AND (?=\d)/);
      if (parts.length > 1) {
        let p = textAt;
        for (const part of parts) {
          const a = s.indexOf(part, p);
          const ps = a + (part.length - part.trimStart().length);
          const pe = a + part.trimEnd().length;
          if (pe > ps) {
            const r: Reference = { range: rng(i, ps, pe), text: s.slice(ps, pe) };
            this.readRefItem(r);
            items.push(r);
          }
          p = a + part.length;
        }
        return;
      }
    }
    // The range is the item's text alone (a link to the cable should not take in its `B.` label).
    const ref: Reference = { range: rng(i, textAt, end), text };
    if (label) {
      ref.label = label;
      ref.labelRange = rng(i, from, endNonSpaceBefore(s, textAt));
    }
    this.readRefItem(ref);
    items.push(ref);
  }

  /** Reads `[YY|YYYY] POST SERIAL [(YY)]` at the start of a reference's text. */
  private readRefItem(ref: Reference): void {
    // Only an item read before (its text since extended) has these to forget; a delete costs a runtime
    // call even when there is nothing to delete.
    if (ref.origin !== undefined || ref.serial !== undefined || ref.year !== undefined || ref.cableId !== undefined) {
      delete ref.cableId;
      delete ref.origin;
      delete ref.serial;
      delete ref.year;
    }
    // The words (apart by blanks, commas and semicolons) are read in place, as bounds into the text.
    const t = ref.text;
    const w = REF_WORDS;
    const nw = refWords(t, w);
    let k = 0;
    // A label written twice (`A. (A) ISLAMABAD 3249`, `C) 2006 BAGHDAD 4763`): /^\(?[a-z][.)]$/i.
    if (k < nw) {
      const a = w[0];
      const l = a + (w[1] - a === 3 && t.charCodeAt(a) === Char.OpenParen ? 1 : 0);
      const c = t.charCodeAt(l + 1);
      if (w[1] - l === 2 && isLetter(t.charCodeAt(l)) && (c === Char.Dot || c === Char.CloseParen)) k++;
    }
    let year: number | undefined;
    // A year (`09`, `2006`, `(09)`) before a word that starts with a letter: /^\(?(?:\d{2}|\d{4})\)?$/.
    if (k + 1 < nw && isLetter(t.charCodeAt(w[2 * k + 2]))) {
      let a = w[2 * k];
      let b = w[2 * k + 1];
      if (t.charCodeAt(a) === Char.OpenParen) a++;
      if (t.charCodeAt(b - 1) === Char.CloseParen) b--;
      if ((b - a === 2 || b - a === 4) && isDigitRun(t, a, b)) {
        year = fullYear(t.slice(a, b));
        k++;
      }
    }
    // Up to four words of the post: /^[a-z][a-z.'’-]*$/i each.
    const postFrom = k;
    while (k < nw && k - postFrom < 4 && isPostWord(t, w[2 * k], w[2 * k + 1])) k++;
    const posts = k - postFrom;
    if (!posts || k >= nw) return;
    // The serial: /^0*(\d{1,7})(?:\.|,|$)/, a run of digits with at most seven after its leading zeros,
    // ending the word or followed by a full stop (a word holds no comma).
    const sa = w[2 * k];
    const sb = w[2 * k + 1];
    let d = sa;
    let nz = sa;
    let serial = 0;
    for (let c = t.charCodeAt(d); d < sb && isDigit(c); c = t.charCodeAt(++d)) {
      if (c === Char.Digit0 && nz === d) nz++;
      serial = serial * 10 + digitValue(c);
    }
    if (d === sa || (d < sb && t.charCodeAt(d) !== Char.Dot) || d - nz > 7) return;
    // Upper case, lower case (with a year) or title case (`Berlin 195`, only for one or two words:
    // longer capitalised runs are prose). The post words hold only ASCII letters and . ' ’ -.
    let hasUpper = false;
    let hasLower = false;
    let title = posts <= 2;
    for (let j = postFrom; j < k; j++) {
      const a = w[2 * j];
      const b = w[2 * j + 1];
      if (!isUpper(t.charCodeAt(a))) title = false;
      for (let q = a; q < b; q++) {
        const c = t.charCodeAt(q);
        if (isUpper(c)) {
          hasUpper = true;
          if (q > a) title = false;
        } else if (isLower(c)) hasLower = true;
      }
    }
    if (hasLower && !title && !(!hasUpper && year !== undefined)) return;
    // canonicalPost keeps letters and digits only, so the words with what stands between them read as
    // the words joined by blanks.
    let origin = canonicalPost(t.slice(w[2 * postFrom], w[2 * k - 1]));
    switch (origin) {
      case 'REF':
      case 'REFTEL':
      case 'REFS':
      case 'AND':
      case 'SEE':
      case 'THE':
      case 'OF':
        return;
    }
    if (origin.length < 3) return;
    if (origin.startsWith('REFTEL')) origin = origin.slice(6);
    // A year after the serial: /^\((?:\d{2}|\d{4})\)$/.
    if (year === undefined && k + 1 < nw) {
      const a = w[2 * k + 2];
      const b = w[2 * k + 3];
      if ((b - a === 4 || b - a === 6) && t.charCodeAt(a) === Char.OpenParen && t.charCodeAt(b - 1) === Char.CloseParen && isDigitRun(t, a + 1, b - 1)) year = fullYear(t.slice(a + 1, b - 1));
    }
    ref.origin = origin;
    ref.serial = serial;
    if (year !== undefined) ref.year = year;
  }

  // ----- Classified By

  private classifiedByStart(i: number, s: string, f: number, e: number, u: string, kwAt: number): void {
    const m = CLASSIFIED_BY_RE.exec(u)!;
    let p = kwAt + m[0].length;
    while (p < e && (s.charCodeAt(p) === Char.Space || s.charCodeAt(p) === Char.Colon)) p++;
    const cb: ClassifiedBy = { range: rng(i, f, e), keyword: tok(i, s, kwAt, kwAt + m[0].length + (s.charCodeAt(kwAt + m[0].length) === Char.Colon ? 1 : 0)) };
    this.doc.classifiedBy = cb;
    this.cbSegments = [];
    // Authority: up to the reason.
    const rest = s.slice(p, e);
    const ru = rest.toUpperCase();
    let stop = rest.length;
    // The first of REASON(S), 1.4/1.5 and E.O. nnnnn: one search for the three (the leftmost match of
    // an alternation is the leftmost of its alternatives' first matches).
    const reasonAt = ru.search(AUTHORITY_END_RE);
    if (reasonAt >= 0 && reasonAt < stop) stop = reasonAt;
    // A reason word cut by the line end (`… FOR REAS` / `ONS 1.4 (B)`) also ends the authority.
    const cut = cutReasonAt(ru);
    if (cut >= 0 && cut < stop) stop = cut;
    let ae = p + stop;
    // Drop the connecting words and punctuation before the reason (`…, for reasons`, `PER`, `DUE TO`).
    for (;;) {
      for (let c = s.charCodeAt(ae - 1); ae > p && (c === Char.Space || c === Char.Comma || c === Char.Semicolon || c === Char.Dot || c === Char.Colon || c === Char.OpenParen); c = s.charCodeAt(ae - 1)) ae--;
      const lo = Math.max(p, ae - 7);
      let n: number;
      if (isAsciiRun(s, lo, ae)) {
        n = connectingWordBefore(s, lo, ae);
      } else {
        // Upper-casing may change a character outside ASCII into letters, or into several.
        const w = / (?:FOR|PER|DUE TO|UNDER)$/.exec(` ${s.slice(lo, ae).toUpperCase()}`);
        n = w ? w[0].length - 1 : 0;
      }
      if (!n || ae - n < p) break;
      ae -= n;
    }
    if (ae > p) cb.authority = tok(i, s, p, ae);
    this.cont = 'classifiedBy';
    this.cbLine(i, s, p, e);
  }

  /** Collects the Classified By block's text; the reason is read once the block ends (it often wraps). */
  private cbLine(i: number, s: string, f: number, e: number): void {
    if (e > f) this.cbSegments.push({ line: i, start: f, text: s.slice(f, e) });
  }

  private finishClassifiedBy(): void {
    const cb = this.doc.classifiedBy;
    const segs = this.cbSegments;
    this.cbSegments = [];
    if (!cb || cb.reason) return;
    let joined = '';
    const starts: number[] = [];
    for (const seg of segs) {
      if (joined) joined += ' ';
      starts.push(joined.length);
      joined += seg.text;
    }
    const at = (k: number): { line: number; character: number } => {
      let j = 0;
      while (j + 1 < starts.length && starts[j + 1] <= k) j++;
      const seg = segs[j];
      return { line: seg.line, character: seg.start + Math.min(k - starts[j], seg.text.length) };
    };
    const r = readReason(joined);
    if (r) {
      cb.reason = { range: { start: at(r.start), end: at(r.end) }, section: r.section, letters: r.letters, text: joined.slice(r.start, r.end) };
    }
    // A derivative classification (`Derived from: <guide>`) carries its source's reasons.
    const derived = /^derived/i.test(cb.keyword.text);
    if (!derived && (!cb.reason || !cb.reason.letters.length)) {
      this.problem(cb.range, 'classified-by-no-reason', 'The Classified By line has no readable reason (e.g. `1.4 (b) and (d)`).');
    }
  }

  // ----- Text

  /** A line of the text proper; s[f, tEnd) is its prefix that the recognisers read. */
  private textLine(i: number, s: string, f: number, e: number, tEnd: number, wasBlank: boolean): void {
    // The gates below read the flat text rather than the line (see `src`).
    const src = this.src;
    const at = this.starts[i] + f;
    const base = this.starts[i];
    // A paragraph number needs a digit or a pilcrow first: most lines are running text and skip it.
    const c0 = src.charCodeAt(at);
    const matchEnd = (c0 >= Char.Digit0 && c0 <= Char.Digit9) || c0 === Char.Pilcrow ? paraNumberEnd(src, at) : -1;
    let textFrom = f;
    // PARA_RE's match is [f, f + afterLen): the pilcrow and its blank, [f, numStart), then the number,
    // [numStart, numEnd), then an optional blank and the dot.
    const afterLen = matchEnd - at;
    const numStart = c0 !== Char.Pilcrow ? f : src.charCodeAt(at + 1) === Char.Space ? f + 2 : f + 1;
    const numEnd = f + afterLen - (src.charCodeAt(matchEnd - 2) === Char.Space ? 2 : 1);
    const value = matchEnd < 0 ? 0 : digitsValue(src, base + numStart, base + numEnd);
    if (matchEnd >= 0 && this.acceptParagraph(value, numStart > f, s, f + afterLen, tEnd)) {
      this.closeParagraph();
      this.openSub = undefined;
      const para: Paragraph = {
        range: rng(i, f, e),
        number: { text: s.slice(numStart, numEnd), range: rng(i, numStart, numEnd), value },
        lead: '',
        subParagraphs: [],
      };
      if (numStart > f) para.pilcrow = rng(i, f, f + 1);
      let p = f + afterLen;
      while (p < e && src.charCodeAt(base + p) === Char.Space) p++;
      const pm = this.readMarking(i, s, p, e);
      if (pm) {
        para.marking = pm.marking;
        p = pm.end;
        while (p < e && (src.charCodeAt(base + p) === Char.Space || src.charCodeAt(base + p) === Char.Dot)) p++;
      }
      para.lead = leadOf(s, p, e);
      this.doc.paragraphs.push(para);
      this.para = para;
      this.paraLastLine = i;
      textFrom = p;
      // The forms below open with CL or DE (Classified By, Derived From) and UN, CO, SE or LI (the
      // levels before ENTIRE TEXT): other paragraphs, and those where the form could not count, skip the
      // upper-casing. A character outside ASCII may upper-case to one of them, so it takes the long way.
      const pc = p < e ? src.charCodeAt(base + p) : 0;
      const pc1 = p + 1 < e ? src.charCodeAt(base + p + 1) : 0;
      const p0 = pc | Case.Bit;
      const p1 = pc1 | Case.Bit;
      const cb = !this.doc.classifiedBy && ((p0 === Char.c && p1 === Char.l) || (p0 === Char.d && p1 === Char.e));
      const entire = !para.marking && ((p0 === Char.u && p1 === Char.n) || (p0 === Char.c && p1 === Char.o) || (p0 === Char.s && p1 === Char.e) || (p0 === Char.l && p1 === Char.i));
      const pu = cb || entire || pc >= Char.NonAscii || pc1 >= Char.NonAscii ? s.slice(p, Math.min(e, p + 60)).toUpperCase() : '';
      if (!this.doc.classifiedBy && CLASSIFIED_BY_RE.test(pu)) {
        this.classifiedByStart(i, s, f, e, pu, p);
        this.finishClassifiedBy();
        this.cont = 'none';
      } else if (pu.includes('ENTIRE TEXT') && !para.marking) {
        const em = /^(?:UNCLASSIFIED|CONFIDENTIAL|SECRET|LIMITED OFFICIAL USE) ?- ?ENTIRE TEXT/.exec(pu);
        if (em) {
          const mk = parsePortionMarking(em[0], s.slice(p, p + em[0].length), rng(i, p, p + em[0].length));
          para.marking = mk;
        }
      }
    } else {
      if (this.para) this.paraLastLine = i;
      // Both need a space within the first seven characters (after the label), and a label ends in `.`
      // or `)` right before that space (or is a pilcrow and its space): most running text skips the regex,
      // and most of it the search for the space too (opensLabel).
      const sp = opensLabel(c0, src.charCodeAt(at + 1)) ? labelSpace(src, at, e - f) : -1;
      const beforeSp = sp > 0 ? src.charCodeAt(at + sp - 1) : 0;
      let sm = sp > 0 && (beforeSp === Char.Dot || beforeSp === Char.CloseParen || beforeSp === Char.Pilcrow) ? SUBPARA_RE.exec(s.slice(f, tEnd)) : null;
      // `(C) …`, `(S) …`, `(U) …` open an unnumbered marked paragraph, not a lettered item.
      if (sm && /^\([CSU]\)$/.test(sm[2])) {
        const prev = this.para?.subParagraphs[this.para.subParagraphs.length - 1]?.label;
        if (prev !== String.fromCharCode(sm[2].charCodeAt(1) - 1)) sm = null;
      }
      const bm = sm || sp < 1 || sp > 3 || (c0 !== Char.Dash && c0 !== Char.Asterisk && c0 !== Char.Bullet && c0 !== Char.o) ? null : BULLET_RE.exec(s.slice(f, tEnd));
      if ((sm || bm) && this.para) {
        const lab = sm ? sm[2] : bm![1];
        const ls = f + (sm && sm[1] ? sm[1].length : 0);
        const sub: SubParagraph = {
          range: rng(i, f, e),
          // A label's brackets and dot stand only around it or after it (`(a)`, `b.`, `iv)`).
          label: sm ? (lab.charCodeAt(0) === Char.OpenParen ? lab.slice(1, -1) : lab.slice(0, -1)) : '--',
          labelRange: rng(i, ls, ls + lab.length),
        };
        let p = ls + lab.length;
        while (p < e && s.charCodeAt(p) === Char.Space) p++;
        if (s.charCodeAt(p) === Char.OpenParen) {
          const pm = this.readMarking(i, s, p, e);
          if (pm) {
            sub.marking = pm.marking;
            p = pm.end;
          }
        }
        this.para.subParagraphs.push(sub);
        // Only a sub-paragraph that starts a list (after a break, a colon or another item) takes in the
        // lines after it: a label-like word that running text wrapped onto a line start (`-- which`,
        // `E) that`) stays one line.
        const prev = i > 0 ? this.norm(i - 1) : '';
        const listed = wasBlank || this.openSub !== undefined || prev.charCodeAt(endNonSpace(prev) - 1) === Char.Colon;
        this.openSub = listed ? sub : undefined;
        textFrom = p;
      } else if (wasBlank && !sm && !bm) {
        this.openSub = undefined;
        // A lone SIPDIS between paragraphs is a conversion artifact (a caption, below), not a heading.
        if (!(e - f === 6 && this.doc.paragraphs.length && /^SIPDIS$/i.test(s.slice(f, e)))) this.maybeHeading(i, s, f, e);
      } else if (this.openSub && !wasBlank) {
        this.extendOpenSub(i, e);
      }
    }
    // Captions inside the text: conversion artifacts (`SIPDIS` glued into a sentence).
    // Inline SIPDIS is looked for only near the start of a line, where the conversion left it.
    const pdis = this.pdisAt[i];
    const sipRel = pdis !== undefined && pdis + 4 <= tEnd ? s.slice(f, tEnd).toUpperCase().indexOf('SIPDIS') : -1;
    const sipAt = sipRel >= 0 ? f + sipRel : undefined;
    if (sipAt !== undefined) {
      // On a line of its own it is inline too once the paragraphs have begun: the caption proper
      // stands above the text.
      const whole = e - f === 6 && !this.doc.paragraphs.length;
      this.addCaption(i, s, sipAt, sipAt + 6, 'SIPDIS', !whole);
    }
    this.blockMarkers(i, s, textFrom, e, f);
  }

  /** Whether number `n` opens a paragraph; `after` is where its match ends in s, `tEnd` the prefix's end. */
  private acceptParagraph(n: number, pilcrow: boolean, s: string, after: number, tEnd: number): boolean {
    if (n === 0) return false;
    const next = after < tEnd ? s.charCodeAt(after) : Char.EndOfText;
    if (!(next === Char.Space || next === Char.EndOfText || next === Char.OpenParen)) return false;
    const last = this.doc.paragraphs.length ? this.doc.paragraphs[this.doc.paragraphs.length - 1].number.value : 0;
    if (pilcrow) return true;
    if (n > last && n <= last + 3) return true;
    if (n === 1) return true;
    // A marking right after the number is strong evidence even out of sequence.
    return /^ *\((?:[UCS]|SBU|TS|[SC]\/\/?NF)\)/i.test(s.slice(after, tEnd));
  }

  private closeParagraph(): void {
    const p = this.para;
    if (!p) return;
    const last = this.paraLastLine;
    if (last >= p.range.start.line) {
      p.range = { start: p.range.start, end: { line: last, character: endNonSpaceAt(this.src, this.starts[last], this.lines[last].length) } };
    }
    this.settleImplicitBlocks(p.range);
    this.para = undefined;
  }

  /** Reads a portion marking at p: `(C)`, `(S//NF)`, bare `C)`, unclosed `(C`. */
  private readMarking(i: number, s: string, p: number, e: number): { marking: PortionMarking; end: number } | undefined {
    const limit = Math.min(e, p + 48);
    if (s.charCodeAt(p) === Char.OpenParen) {
      // The first `)` before the limit, sought on the flat text (see `src`), and no further.
      const base = this.starts[i];
      let close = -1;
      for (let k = base + p + 1; k < base + limit; k++) {
        if (this.src.charCodeAt(k) === Char.CloseParen) {
          close = k - base;
          break;
        }
      }
      if (close > p) {
        // The usual `(C)`, `(SBU)` are read in place; parsePortionMarking gives the same for them.
        const bare = bareLevelAt(s, p + 1, close);
        if (bare) {
          const pm: PortionMarking = { range: rng(i, p, close + 1), text: s.slice(p, close + 1), caveats: [], level: bare };
          if (s.charCodeAt(p - 1) === Char.OpenParen) {
            pm.malformed = 'doubled';
            this.markingProblem(pm);
          }
          return { marking: pm, end: close + 1 };
        }
        if (!(close - p <= 4 && isUpperRun(s, p + 1, close)) && markingWords(s, p + 1, close) > 6) return undefined;
        const inner = s.slice(p + 1, close);
        const pm = parsePortionMarking(inner, s.slice(p, close + 1), rng(i, p, close + 1));
        if (!pm.level && !/^[A-Z/]{1,10}$/.test(inner.trim())) return undefined;
        if (s.charCodeAt(p - 1) === Char.OpenParen) pm.malformed ??= 'doubled';
        if (pm.malformed) this.markingProblem(pm);
        return { marking: pm, end: close + 1 };
      }
      // `(C` with the closing bracket lost.
      const m = /^\((TS|SBU|[SCU])(?= )/.exec(s.slice(p, limit));
      if (m) {
        const pm = parsePortionMarking(m[1], m[0], rng(i, p, p + m[0].length));
        pm.malformed = 'missing-close-paren';
        this.markingProblem(pm);
        return { marking: pm, end: p + m[0].length };
      }
      return undefined;
    }
    // The marking below opens with one to three capitals and then `)` or `/`: most paragraphs' first
    // word fails that before the slice and the regex.
    let k = p;
    while (k < p + 4 && isUpper(s.charCodeAt(k))) k++;
    if (k === p || (s.charCodeAt(k) !== Char.CloseParen && s.charCodeAt(k) !== Char.Slash)) return undefined;
    const m = /^([A-Z]{1,3}(?:\/\/?[A-Z]{1,6})?)\)(?= )/.exec(s.slice(p, limit));
    if (m && portionLevel(m[1].split('/')[0])) {
      const pm = parsePortionMarking(m[1], m[0], rng(i, p, p + m[0].length));
      pm.malformed = 'missing-open-paren';
      this.markingProblem(pm);
      return { marking: pm, end: p + m[0].length };
    }
    return undefined;
  }

  private markingProblem(pm: PortionMarking): void {
    this.problem(pm.range, 'portion-marking-malformed', `Malformed portion marking '${pm.text}' (${pm.malformed}).`);
  }

  private maybeHeading(i: number, s: string, f: number, e: number): void {
    if (e - f > 60 || e - f < 3) return;
    // Read on the flat text (see `src`).
    const src = this.src;
    const base = this.starts[i];
    let a = base + f;
    let b = base + e;
    while (a < b && (src.charCodeAt(a) === Char.Dash || src.charCodeAt(a) === Char.Space)) a++;
    while (b > a && (src.charCodeAt(b - 1) === Char.Dash || src.charCodeAt(b - 1) === Char.Space || src.charCodeAt(b - 1) === Char.Colon)) b--;
    if (b - a < 3) return;
    if (!isLetter(src.charCodeAt(a))) return;
    // A line's last character is no blank of ASCII (those are spaces by now, or line ends); one outside
    // ASCII may be a blank that trimEnd drops.
    let last = src.charCodeAt(base + e - 1);
    let twoDashes = last === Char.Dash && src.charCodeAt(base + e - 2) === Char.Dash;
    if (last >= Char.NonAscii) {
      const trimmed = s.slice(f, e).trimEnd();
      last = trimmed.charCodeAt(trimmed.length - 1);
      twoDashes = trimmed.endsWith('--');
    }
    if ((last === Char.Dot || last === Char.Comma || last === Char.Semicolon || last === Char.Exclamation || last === Char.Question) && !twoDashes) return;
    let spaces = 0;
    let upper = true;
    for (let k = a; k < b; k++) {
      const c = src.charCodeAt(k);
      if (c === Char.Space && ++spaces >= 8) return;
      if (c >= Char.a && c <= Char.z) upper = false;
    }
    const dashed = (src.charCodeAt(base + f) === Char.Dash && src.charCodeAt(base + f + 1) === Char.Dash) || src.charCodeAt(base + e - 1) === Char.Colon;
    if (!upper && !dashed) {
      const next = this.lines[i + 1];
      if (next !== undefined && firstNonSpaceAt(src, this.starts[i + 1], next.length) < next.length) return;
    }
    const h: Heading = { text: s.slice(f, e), range: rng(i, f, e), title: s.slice(a - base, b - base) };
    this.doc.headings.push(h);
  }

  private blockMarkers(i: number, s: string, from: number, e: number, lineStart: number): void {
    // Case-insensitive regexes over the line itself: upper-casing every (often very long) line costs more.
    const scanEnd = Math.min(e, from + 20000);
    let endsFrom = from;
    // The second half of a split END is not a block opening.
    const tail = this.endTails[i];
    if (tail !== undefined) endsFrom = tail;
    BLOCK_KW.lastIndex = from;
    const at = this.starts[i] + from;
    const c0 = from < e ? this.src.charCodeAt(at) : 0;
    const c1 = from + 1 < e ? this.src.charCodeAt(at + 1) : 0;
    const c2 = from + 2 < e ? this.src.charCodeAt(at + 2) : 0;
    const c3 = from + 3 < e ? this.src.charCodeAt(at + 3) : 0;
    const head = tail === undefined && opensBlockKeyword(c0, c1, c2) && blockKeywordNear(c0, c1, c2, c3) ? BLOCK_KW.exec(s) : null;
    if (head) {
      const w = Math.min(e, from + 80) - from;
      let kwEnd = blockKeywordEndIn(s, from, w, head[0].length);
      if (kwEnd === -2) kwEnd = blockKeywordEnd(s.slice(from, from + w).toUpperCase(), head[0].length);
      const kind = blockKind(head[2]);
      const explicit = !!head[1];
      if (kwEnd >= 0 && (explicit || (kind !== 'text' && kind !== 'quote'))) {
        const ks = from + head[0].length - head[2].length - (head[1] ? head[1].length : 0);
        this.openBlock(kind, explicit, tok(i, s, ks, from + kwEnd), rng(i, lineStart, e));
        endsFrom = from + kwEnd;
      }
    }
    // Comments opened inside running text: `(Comment: …`, `Embassy comment: …`.
    const comments = this.commentHits[i];
    if (comments && !this.openBlocks.some((b) => b.kind === 'comment')) {
      for (const at of comments) {
        if (at < endsFrom) continue;
        if (at >= scanEnd) break;
        const before = s.slice(Math.max(from, at - 12), at).toUpperCase();
        const prevWord = lastWord(before);
        const opener = at === from || before.endsWith('(') || before.endsWith('. ') || before.endsWith('.  ') || COMMENT_OPENERS.has(prevWord);
        if (prevWord === 'END' || prevWord === 'NO' || !opener) continue;
        this.openBlock('comment', false, tok(i, s, at, at + 7), rng(i, at, e));
        endsFrom = at + 7;
        break;
      }
    }
    const ends = this.endHits[i];
    if (!ends) return;
    for (const em of ends) {
      if (em.at < endsFrom) continue;
      if (em.at >= scanEnd) break;
      const kind = blockKind(em.word);
      const at = em.at;
      const endTok =
        em.next === undefined
          ? tok(i, s, at, at + em.len)
          : { text: `${s.slice(at, at + em.len)} ${this.norm(i + 1).slice(0, em.next).trim()}`, range: { start: { line: i, character: at }, end: { line: i + 1, character: em.next } } };
      const idx = this.openBlocks.findIndex((b) => b.kind === kind);
      if (idx >= 0) {
        const b = this.openBlocks[idx];
        b.end = endTok;
        b.range = span(b.range, endTok.range);
        this.openBlocks.splice(idx, 1);
        this.implicitEnd.delete(b);
        this.explicitStart.delete(b);
      } else if (kind === 'summary' || kind === 'comment') {
        // END with no start: the paragraph (or, for a summary, the text so far) was the block. One such
        // block per anchor paragraph; a further END only moves its end (keeps repeated ENDs linear).
        const anchor = kind === 'summary' ? this.doc.paragraphs[0] : this.para;
        const key = `${kind}:${anchor ? anchor.number.range.start.line : -1}`;
        const existing = this.endOnlyBlocks.get(key);
        if (existing) {
          existing.end = endTok;
          existing.range = span(existing.range, endTok.range);
        } else if (anchor) {
          const block: Block = { kind, range: span(anchor.range, endTok.range), start: { text: anchor.number.text, range: anchor.number.range }, end: endTok };
          this.endOnlyBlocks.set(key, block);
          this.doc.blocks.push(block);
        } else {
          this.problem(endTok.range, 'block-end-without-start', `'${endTok.text}' closes a block that was never opened.`);
        }
      }
    }
  }

  private openBlock(kind: BlockKind, explicit: boolean, start: Token, range: Range): void {
    if (this.openBlocks.some((b) => b.kind === kind)) return;
    const block: Block = { kind, range, start };
    this.openBlocks.push(block);
    this.doc.blocks.push(block);
    if (explicit) this.explicitStart.add(block);
  }

  /** Closes blocks that never got an END: a summary at the end of its paragraph, a comment at the end of the text. */
  private settleImplicitBlocks(atParagraphClose: Range | undefined): void {
    for (const b of this.openBlocks) {
      if (this.explicitStart.has(b)) continue;
      if (atParagraphClose) {
        if (!this.implicitEnd.has(b) && b.kind !== 'comment') this.implicitEnd.set(b, atParagraphClose);
        if (b.kind === 'comment') this.implicitEnd.set(b, atParagraphClose);
      }
    }
  }

  // ----- whole-line scans

  /**
   * Whole-text scans, done once per document instead of once per line (the per-call cost dominated on
   * the many short lines): section markers, END/COMMENT/SIPDIS hits. The hits are filed by line; body
   * lines consult them, and header lines' hits are dropped in finish(). Redactions and mentions, which
   * the parse itself does not consult, are scanned on first read (lazyScans).
   */
  private prescan(text: string): void {
    const n = this.lines.length;
    const starts = new Array<number>(n);
    this.starts = starts;
    let pos = 0;
    for (let i = 0; i < n; i++) {
      starts[i] = pos;
      pos += this.lines[i].length;
      pos += text.charCodeAt(pos) === Char.CarriageReturn && text.charCodeAt(pos + 1) === Char.LineFeed ? 2 : 1;
    }
    // END, COMMENT and `of 0` together cost what END alone did (13 ms against 20 ms in three passes);
    // the redaction needle added to them slowed the whole scan down (31 ms against 13 + 2). Blank-like characters are found with
    // indexOf (a memchr on one-byte strings) plus one class of the rare non-Latin-1 ones.
    const collect = (src: string): { of: number[]; end: number[]; comment: number[] } => {
      let m: RegExpExecArray | null;
      const of: number[] = [];
      const end: number[] = [];
      const comment: number[] = [];
      WORD_NEEDLE_G.lastIndex = 0;
      while ((m = WORD_NEEDLE_G.exec(src))) {
        const c = src.charCodeAt(m.index) | Case.Bit;
        if (c === Char.e) end.push(m.index);
        else if (c === Char.c) comment.push(m.index);
        // The `O` before `F 0` is required by the section-marker walk below; searching for it too lets
        // the engine skip ahead. The `F` keeps its place in the list.
        else of.push(m.index + 1);
      }
      return { of, end, comment };
    };
    this.hasBlankish =
      text.indexOf('\t') >= 0 ||
      text.indexOf('\0') >= 0 ||
      text.indexOf('\v') >= 0 ||
      text.indexOf('\f') >= 0 ||
      text.indexOf('\u00a0') >= 0 ||
      (ABOVE_LATIN1.test(text) && BLANKISH_HIGH.test(text));
    const src = this.hasBlankish ? normaliseText(text) : text;
    this.src = src;
    (this.doc as CableModel).scanFrom(src, starts);
    const found = collect(src);
    const lineOf = (off: number): number => lineAt(starts, off);
    const isWordAt = (k: number) => k >= 0 && isAlnum(src.charCodeAt(k));
    const file = <T>(byLine: (T[] | undefined)[], line: number, v: T) => {
      const list = byLine[line];
      if (list) list.push(v);
      else byLine[line] = [v];
    };
    for (const k of found.of) {
      // Walk back over `nnnnnnnn  nnn[.n] O` to where the marker's digits start, then confirm (k is at `F`).
      let p = k - 1;
      if ((src.charCodeAt(p) | Case.Bit) !== Char.o) continue;
      let sp = 0;
      while (src.charCodeAt(p - 1) === Char.Space && sp < 4) {
        p--;
        sp++;
      }
      if (!sp) continue;
      if (src.charCodeAt(p - 2) === Char.Dot) p -= 2;
      p -= 3;
      sp = 0;
      while (src.charCodeAt(p - 1) === Char.Space && sp < 4) {
        p--;
        sp++;
      }
      p -= 8;
      if (p < 0) continue;
      SECTION_MARKER_Y.lastIndex = p;
      const m = SECTION_MARKER_Y.exec(src);
      if (!m) continue;
      const line = lineOf(p);
      this.sectionMarker(line, p - starts[line], m);
    }
    for (const k of found.end) {
      if (isWordAt(k - 1)) continue;
      END_Y.lastIndex = k;
      const m = END_Y.exec(src);
      const line = lineOf(k);
      if (!m) {
        END_SPLIT_Y.lastIndex = k;
        const sm = END_SPLIT_Y.exec(src);
        if (!sm || line + 1 >= n) continue;
        const tailEnd = k + sm[0].length - starts[line + 1];
        file(this.endHits, line, { at: k - starts[line], len: endNonSpace(this.lines[line]) - (k - starts[line]), word: sm[1], next: tailEnd });
        this.endTails[line + 1] = tailEnd;
        continue;
      }
      file(this.endHits, line, { at: k - starts[line], len: m[0].length, word: m[1] });
    }
    for (const k of found.comment) {
      INLINE_COMMENT_Y.lastIndex = k;
      if (!INLINE_COMMENT_Y.test(src)) continue;
      const line = lineOf(k);
      file(this.commentHits, line, k - starts[line]);
    }
    // indexOf over the whole text finds the few SIPDIS far more cheaply than two searches in every line.
    for (const needle of ['PDIS', 'pdis']) {
      for (let k = src.indexOf(needle); k >= 0; k = src.indexOf(needle, k + 4)) {
        const line = lineOf(k);
        const at = k - starts[line];
        const prev = this.pdisAt[line];
        if (prev === undefined || at < prev) this.pdisAt[line] = at;
      }
    }
  }

  private sectionMarker(i: number, at: number, m: RegExpExecArray): void {
    const s = this.norm(i);
    // The post name before the 8-digit serial: 1–3 upper-case words (`TEL AVIV`), or in mixed-case
    // copies one capitalised word (`Riyadh`), so running text before a glued marker is not taken in.
    let a = at;
    while (a > 0 && s.charCodeAt(a - 1) === Char.Space) a--;
    let b = a;
    let w = a;
    while (w > 0 && isLetter(s.charCodeAt(w - 1))) w--;
    const nearest = s.slice(w, a);
    if (nearest && nearest === nearest.toUpperCase()) {
      let words = 0;
      b = a;
      while (words < 3 && b > 0) {
        let x = b;
        while (x > 0 && (isUpper(s.charCodeAt(x - 1)) || s.charCodeAt(x - 1) === Char.Dot || s.charCodeAt(x - 1) === Char.Apostrophe)) x--;
        if (x === b) break;
        words++;
        b = x;
        if (x > 1 && s.charCodeAt(x - 1) === Char.Space && isUpper(s.charCodeAt(x - 2))) {
          b = x - 1;
          continue;
        }
        break;
      }
    } else if (nearest && isUpper(nearest.charCodeAt(0)) && nearest.slice(1) === nearest.slice(1).toLowerCase()) {
      b = w;
    }
    // A marker on a line of its own takes the whole post name, whatever its case (`Kuala lump`).
    const f0 = firstNonSpace(s);
    if (f0 < b && /^[a-z][a-z .']{0,29}$/i.test(s.slice(f0, a))) b = f0;
    while (s.charCodeAt(b) === Char.Space) b++;
    if (b >= a) return;
    const end = at + m[0].length;
    this.doc.sectionMarkers.push({ text: s.slice(b, end), range: rng(i, b, end), section: Number(m[1]), of: Number(m[2]) });
    if (firstNonSpace(s) === b && endNonSpace(s) === end) this.wholeMarkerLines[i] = true;
  }

  // -------------------------------------------------------------------------------------------

  private finish(): void {
    this.endCont();
    const body = this.doc.bodyStartLine;
    // Markers were filed in text order: those above the body (header lines) come first, if any.
    const markers = this.doc.sectionMarkers;
    let above = 0;
    while (above < markers.length && markers[above].range.start.line < body) above++;
    if (above) this.doc.sectionMarkers = markers.filter((m) => m.range.start.line >= body);
    this.closeParagraph();
    const doc = this.doc;
    for (const b of this.openBlocks) {
      if (this.explicitStart.has(b)) {
        this.problem(b.start.range, 'block-unterminated', `'${b.start.text}' has no matching END.`);
        continue;
      }
      const end = this.implicitEnd.get(b) ?? doc.paragraphs[doc.paragraphs.length - 1]?.range;
      if (end && (end.end.line > b.range.end.line || (end.end.line === b.range.end.line && end.end.character > b.range.end.character))) {
        b.range = { start: b.range.start, end: end.end };
      }
    }
    if (doc.tags && !doc.tags.tags.length) {
      this.problem(doc.tags.range, 'tags-empty', 'The TAGS line lists no codes.');
    }
    this.findSignature();
    // Dates and identity.
    doc.dtg = doc.header.dtgLine?.dtg ?? doc.header.partialExtract?.dtg ?? doc.header.dateLine;
    const de = doc.header.de;
    if (de?.filingTime && doc.dtg?.year) {
      const ft = readFilingTime(de.filingTime.text, de.filingTime.range.start.line, de.filingTime.range.start.character, doc.dtg.year.value, doc.dtg.epochMs);
      if (ft) de.filingTime = ft;
    }
    if (de?.filingTime?.invalid) {
      this.problem(de.filingTime.range, 'filing-time-invalid', `Filing time '${de.filingTime.text}': ${de.filingTime.invalid}.`);
    }
    const id = doc.identity;
    const banner = doc.banner;
    if (banner?.post) id.origin = canonicalPost(banner.post.text);
    else if (doc.header.from) {
      const fm = doc.header.from.name.text.replace(/^(?:AMEMBASSY|AMCONSUL|USMISSION|AMEMB|AMCONGEN)\s+/i, '');
      id.origin = canonicalPost(fm);
    }
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
    const secLevel = doc.header.security?.level;
    const basis = banner ?? (secLevel && secLevel !== 'R' ? { level: secLevel, caveats: [] as string[] } : undefined);
    if (basis) {
      let level = basis.level;
      if (level === 'U' && (this.captionNames.has('SENSITIVE') || this.captionNames.has('FOUO'))) level = 'SBU';
      const caveats = [...basis.caveats];
      // A NOFORN subject marking restricts the whole cable; paragraph markings restrict only their portion.
      const nfMarks = !!doc.subject?.marking?.caveats.includes('NOFORN');
      if ((this.captionNames.has('NOFORN') || nfMarks) && !caveats.includes('NOFORN')) caveats.push('NOFORN');
      doc.classification = { level, caveats };
    }
    // Nothing at or after the signature is a heading (the viewer's trailers: `End Cable Text`, links).
    const sl = doc.signature ? doc.signature.range.start.line : Infinity;
    // One pass, and a new list only when a heading goes: the trailer titles start with E, P or V (a
    // case-insensitive regex without the u flag matches no character outside ASCII to those).
    const headings = doc.headings;
    const dropHeading = (h: Heading) => {
      if (h.range.start.line >= sl) return true;
      const c = h.title.charCodeAt(0) | Case.Bit;
      return (c === Char.e || c === Char.p || c === Char.v) && TRAILER_HEADING.test(h.title);
    };
    let k = 0;
    while (k < headings.length && !dropHeading(headings[k])) k++;
    if (k < headings.length) doc.headings = headings.filter((h) => !dropHeading(h));
  }

  private findSignature(): void {
    const doc = this.doc;
    let seen = 0;
    // The signature follows the text: a line of its own below the last paragraph's first line, or the
    // tail of that paragraph's last line when the viewer glued it on.
    const lastPara = doc.paragraphs[doc.paragraphs.length - 1];
    const floor = Math.max(doc.bodyStartLine, lastPara ? lastPara.range.start.line : 0);
    for (let i = this.lines.length - 1; i >= floor && seen < 8; i--) {
      const s = this.norm(i);
      const f = firstNonSpace(s);
      if (f === s.length) continue;
      seen++;
      const e = endNonSpace(s);
      const t = s.slice(f, e);
      if (e - f > 60) {
        // The viewer sometimes glued the signature to the last sentence (`… End comment. DRUCKER`).
        const tail = s.slice(Math.max(f, e - 50), e);
        const g = /[.!?)"”] +([A-Z][A-Z'’-]{2,}(?: [A-Z][A-Z'’-]{2,})?)$/.exec(tail);
        if (seen === 1 && g && /[a-z]/.test(s.slice(f, f + 200))) {
          const at = e - g[1].length;
          doc.signature = { text: s.slice(at, e), range: rng(i, at, e), names: splitAtSpaces(g[1]) };
          const inPara = doc.paragraphs.find((p) => p.range.start.line <= i && p.range.end.line >= i);
          if (inPara) {
            const pe = endNonSpaceBefore(s, at);
            inPara.range = { start: inPara.range.start, end: { line: i, character: Math.max(pe, inPara.range.start.line === i ? inPara.range.start.character : 0) } };
          }
          return;
        }
        if (seen > 3) return;
        continue;
      }
      if (i === floor && lastPara) return;
      if (PARA_RE.test(t)) return;
      const m = /^([A-Z][A-Za-z'’-]+(?: [A-Z][A-Za-z'’-]+){0,2})[ .]*$/.exec(t);
      if (!m) continue;
      const up = m[1].toUpperCase();
      if (/^(?:NNNN|BT|END|SIPDIS|NOFORN|UNCLASSIFIED|CONFIDENTIAL|SECRET|UNCLAS|END CABLE TEXT)$/.test(up) || readClassificationWords(s, f)) continue;
      const names = splitAtSpaces(m[1]);
      if (names.some((n) => n.length > 20)) continue;
      doc.signature = { text: s.slice(f, f + m[1].length), range: rng(i, f, f + m[1].length), names };
      // Paragraph ranges stop before the signature (never above their own first line).
      if (lastPara && lastPara.range.end.line >= i) {
        let j = i - 1;
        while (j > lastPara.range.start.line && isBlank(this.norm(j))) j--;
        lastPara.range = { start: lastPara.range.start, end: { line: j, character: endNonSpace(this.norm(j)) } };
      }
      return;
    }
  }
}

/** s.split(' '), by indexOf and slices: the runtime's split costs about three times more on a short name. */
function splitAtSpaces(s: string): string[] {
  const out: string[] = [];
  let a = 0;
  for (let k = s.indexOf(' '); k >= 0; k = s.indexOf(' ', a)) {
    out.push(s.slice(a, k));
    a = k + 1;
  }
  out.push(a ? s.slice(a) : s);
  return out;
}

/** The last run of capital letters in `s` (ignoring what follows it). */
function lastWord(s: string): string {
  let e = s.length;
  while (e > 0 && !isUpper(s.charCodeAt(e - 1))) e--;
  let b = e;
  while (b > 0 && isUpper(s.charCodeAt(b - 1))) b--;
  return s.slice(b, e);
}

const CAPTION_KEYS = Object.keys(CAPTION_WORDS);
const CAPTION_WORD_MAX = Math.max(...CAPTION_KEYS.map((k) => k.length));

/** The caption name of the word u[a, b), if it is a caption word: compared in place, without slicing it. */
function captionWordAt(u: string, a: number, b: number): string | undefined {
  const n = b - a;
  for (const k of CAPTION_KEYS) if (k.length === n && u.startsWith(k, a)) return CAPTION_WORDS[k];
  return undefined;
}

/** What the caption word list splits at: a blank (JavaScript's \s), comma, semicolon or slash. */
function isCaptionSeparator(c: number): boolean {
  return c === Char.Comma || c === Char.Semicolon || c === Char.Slash || isJsBlank(c);
}

/**
 * The precedence word (PRECEDENCE_WORDS) that s[a, b) upper-cases to, or ''. An ASCII word is compared in
 * place; one with other characters is upper-cased (`ﬂash` reads FLASH).
 */
function precedenceWord(s: string, a: number, b: number): string {
  // Upper-casing keeps an ASCII first letter first: it must be that of one of the words.
  const c0 = s.charCodeAt(a) & ~Case.Bit;
  if (c0 !== Char.F && c0 !== Char.R && c0 !== Char.P && c0 !== Char.I && s.charCodeAt(a) < Char.NonAscii) return '';
  let w: string;
  switch (b - a) {
    case 5:
      w = 'FLASH';
      break;
    case 7:
      w = 'ROUTINE';
      break;
    case 8:
      w = 'PRIORITY';
      break;
    case 9:
      w = 'IMMEDIATE';
      break;
    default:
      w = '';
  }
  for (let k = a; k < b; k++) {
    const c = s.charCodeAt(k);
    if (c >= Char.NonAscii) {
      const up = s.slice(a, b).toUpperCase();
      return PRECEDENCE_WORDS.has(up) ? up : '';
    }
    if (w && asciiUpper(c) !== w.charCodeAt(k - a)) w = '';
  }
  return w;
}

/**
 * Whether a recogniser that reads the upper-cased header line could take the trimmed line `t` (first
 * character `c`), from its first two characters: TH (PARTIAL), IN (INFO_LOG), AC (ACTION_LINE), PA
 * (PAGE_LINE), MO TU WE TH FR SA SU (WEEKDAY); on an addressee line, a heading keyword or caption
 * (mayOpenKeyword); any line once a receiving copy began (OFFICE_CONT). Characters outside ASCII may
 * upper-case to anything: such a line always qualifies.
 */
function upperCaseReaders(t: string, c: number, addressee: boolean, receivingCopy: boolean): boolean {
  const b = t.charCodeAt(1);
  if (c >= Char.NonAscii || b >= Char.NonAscii || receivingCopy || (addressee && mayOpenKeyword(t))) return true;
  const B = asciiUpper(b);
  switch (asciiUpper(c)) {
    case Char.A:
      return B === Char.C;
    case Char.F:
      return B === Char.R;
    case Char.I:
      return B === Char.N;
    case Char.M:
      return B === Char.O;
    case Char.P:
      return B === Char.A;
    case Char.S:
      return B === Char.A || B === Char.U;
    case Char.T:
      return B === Char.H || B === Char.U;
    case Char.W:
      return B === Char.E;
    default:
      return false;
  }
}

/**
 * Where /^(FM|TO|INFO|XMT)(?: +|\/)/ matches to in `t`, whose first character is `c`, or 0:
 * the first character tells which keyword it can be.
 */
function addressKeywordEnd(t: string, c: number): number {
  const k = c === Char.F ? (t.charCodeAt(1) === Char.M ? 2 : 0) : c === Char.T ? (t.charCodeAt(1) === Char.O ? 2 : 0) : c === Char.I ? (t.startsWith('NFO', 1) ? 4 : 0) : t.startsWith('MT', 1) ? 3 : 0;
  if (!k) return 0;
  const d = t.charCodeAt(k);
  if (d === Char.Slash) return k + 1;
  if (d !== Char.Space) return 0;
  let q = k + 1;
  while (t.charCodeAt(q) === Char.Space) q++;
  return q;
}

/**
 * False when the trimmed header line `t` can neither open a heading keyword (headingKeyword) nor be only
 * caption words (isCaptionText), read from its first two characters: E. EO EX, TA TG AG, SU SI ST SE SP,
 * RE, PR, CL CH CO, DE DI, NO, LI, and `(`. Characters outside printable ASCII may upper-case to anything
 * (`ſ` to S, `ß` to SS): they take the long way.
 */
function mayOpenKeyword(t: string): boolean {
  const a = t.charCodeAt(0);
  const b = t.charCodeAt(1);
  if (!(a > Char.Space && a < Char.Delete && b >= Char.Space && b < Char.Delete)) return true;
  const B = asciiUpper(b);
  switch (asciiUpper(a)) {
    case Char.OpenParen:
      return true;
    case Char.A:
      return B === Char.G;
    case Char.C:
      return B === Char.L || B === Char.H || B === Char.O;
    case Char.D:
      return B === Char.E || B === Char.I;
    case Char.E:
      return B === Char.Dot || B === Char.Space || B === Char.O || B === Char.X;
    case Char.L:
      return B === Char.I;
    case Char.N:
      return B === Char.O;
    case Char.P:
      return B === Char.R;
    case Char.R:
      return B === Char.E;
    case Char.S:
      return B === Char.U || B === Char.I || B === Char.T || B === Char.E || B === Char.P;
    case Char.T:
      return B === Char.A || B === Char.G;
    default:
      return false;
  }
}

/** True when an upper-cased line is only caption words (`SIPDIS`, `NOFORN SIPDIS`). */
function isCaptionText(u: string): boolean {
  // Every caption word starts with one of these letters: other lines fail before the split (a first
  // character outside printable ASCII may be a blank the trim skips, so it takes the long way).
  const c = u.charCodeAt(firstNonSpace(u));
  if (c > Char.Space && c < Char.Delete && c !== Char.S && c !== Char.N && c !== Char.E && c !== Char.L && c !== Char.C && c !== Char.D) return false;
  const words = u.trim().split(/[\s,;/]+/);
  return words.length > 0 && words.length <= 4 && words.every((w) => CAPTION_WORDS[w] !== undefined);
}

/** Reads `Wednesday, 29 November 2000, 13:59` (the viewer's long date) as a DTG in UTC. */
function readLongDate(s: string, line: number, from: number, to: number): Dtg | undefined {
  const m = /^([a-z]+), +(\d{1,2}) +([a-z]+) +(\d{4}),? +(\d{1,2}):(\d{2})/i.exec(s.slice(from, to));
  if (!m) return undefined;
  const text = m[0];
  const at = (k: number, within: number) => from + text.indexOf(m[k], within);
  const dayAt = at(2, m[1].length);
  const monAt = at(3, dayAt - from + m[2].length);
  const yearAt = at(4, monAt - from + m[3].length);
  const hourAt = at(5, yearAt - from + 4);
  const minAt = hourAt + m[5].length + 1;
  const dtg: Dtg = {
    text,
    range: rng(line, from, from + text.length),
    day: { text: m[2], range: rng(line, dayAt, dayAt + m[2].length), value: Number(m[2]) },
    month: { text: m[3], range: rng(line, monAt, monAt + m[3].length), value: monthFromText(m[3]) },
    year: { text: m[4], range: rng(line, yearAt, yearAt + 4), value: Number(m[4]) },
    hour: { text: m[5], range: rng(line, hourAt, hourAt + m[5].length), value: Number(m[5]) },
    minute: { text: m[6], range: rng(line, minAt, minAt + 2), value: Number(m[6]) },
    // The long date carries no zone letter; the viewer wrote it in UTC (it equals the extract's DTG).
    zone: { text: '', range: rng(line, minAt + 2, minAt + 2), value: 'Z' },
  };
  validateDtg(dtg);
  return dtg;
}

const AUTHORITY_END_RE = /\bREASONS?\b|\b1 ?[.,] ?[45]\b|\bE\.? ?O\.? ?\d{5}/;

/**
 * Where / (?:FOR |PER )?(?:REA|REAS|REASO)$/ matches in the upper-cased `u`, or -1: the end fixes which
 * of REA, REAS, REASO it is, and the match is the one that starts first.
 */
function cutReasonAt(u: string): number {
  const r = u.endsWith('REASO') ? u.length - 5 : u.endsWith('REAS') ? u.length - 4 : u.endsWith('REA') ? u.length - 3 : -1;
  if (r < 1) return -1;
  if (r >= 5 && (u.startsWith(' FOR ', r - 5) || u.startsWith(' PER ', r - 5))) return r - 5;
  return u.charCodeAt(r - 1) === Char.Space ? r - 1 : -1;
}

function isAsciiRun(s: string, a: number, b: number): boolean {
  for (let q = a; q < b; q++) if (s.charCodeAt(q) >= Char.NonAscii) return false;
  return true;
}

/**
 * The length of FOR, PER, DUE TO or UNDER (in any case) ending s[lo, ae) after a blank or at `lo`, or 0:
 * / (?:FOR|PER|DUE TO|UNDER)$/ on the blank and the upper-cased ASCII text s[lo, ae). Their last letters
 * (R of FOR and PER, ER of UNDER, O of DUE TO) let at most one of them match.
 */
function connectingWordBefore(s: string, lo: number, ae: number): number {
  for (const w of CONNECTING_WORDS) {
    const start = ae - w.length;
    if (start < lo || (start > lo && s.charCodeAt(start - 1) !== Char.Space)) continue;
    let k = 0;
    while (k < w.length && asciiUpper(s.charCodeAt(start + k)) === w.charCodeAt(k)) k++;
    if (k === w.length) return k;
  }
  return 0;
}
const CONNECTING_WORDS = ['FOR', 'PER', 'DUE TO', 'UNDER'];

/** Bounds of a reference's first REF_WORD_MAX words (readRefItem reads no further), reused by every call. */
const REF_WORD_MAX = 8;
const REF_WORDS = new Int32Array(2 * REF_WORD_MAX);

/**
 * Fills `w` with the [start, end) bounds of the first REF_WORD_MAX words of `t`, apart by JavaScript
 * blanks (\s), commas and semicolons; returns how many.
 */
function refWords(t: string, w: Int32Array): number {
  const n = t.length;
  let count = 0;
  let p = 0;
  while (count < REF_WORD_MAX) {
    while (p < n && isRefSeparator(t.charCodeAt(p))) p++;
    if (p >= n) break;
    w[2 * count] = p;
    while (p < n && !isRefSeparator(t.charCodeAt(p))) p++;
    w[2 * count + 1] = p;
    count++;
  }
  return count;
}

function isRefSeparator(c: number): boolean {
  return c === Char.Comma || c === Char.Semicolon || isJsBlank(c);
}

/** Whether t[a, b) is one or more digits. */
function isDigitRun(t: string, a: number, b: number): boolean {
  for (let q = a; q < b; q++) if (!isDigit(t.charCodeAt(q))) return false;
  return b > a;
}

/** /^[a-z][a-z.'’-]*$/i on t[a, b): a word of a post's name. */
function isPostWord(t: string, a: number, b: number): boolean {
  if (!isLetter(t.charCodeAt(a))) return false;
  for (let q = a + 1; q < b; q++) {
    const c = t.charCodeAt(q);
    if (!isLetter(c) && c !== Char.Dot && c !== Char.Apostrophe && c !== Char.RightSingleQuote && c !== Char.Dash) return false;
  }
  return true;
}

/**
 * Index of the first TAGS keyword in `line` at or after `from` that stands at a word start: `TAGS`,
 * `TGS` or `TAG` as whole words, or `TAG:`. Every TAG-spelt one is found from one indexOf of TAG.
 */
function tagsKeywordIn(line: string, from: number): number {
  let best = -1;
  for (let at = line.indexOf('TAG', from); at >= 0; at = line.indexOf('TAG', at + 1)) {
    if (isAlnum(line.charCodeAt(at - 1))) continue;
    const c = line.charCodeAt(at + 3);
    if (!isAlnum(c) || (c === Char.S && !isAlnum(line.charCodeAt(at + 4)))) {
      best = at;
      break;
    }
  }
  for (let at = line.indexOf('TGS', from); at >= 0 && (best < 0 || at < best); at = line.indexOf('TGS', at + 1)) {
    if (!isAlnum(line.charCodeAt(at - 1)) && !isAlnum(line.charCodeAt(at + 3))) return at;
  }
  return best;
}

/**
 * Where PARA_RE's match (`12.`, `¶ 3 .`) ends in `src` when it matches at `at`, else -1. The text after
 * the line's end is its trailing blanks and a line end, which can neither extend the match nor fail its
 * look-ahead, so reading on past the line reads as the regex does on the line's prefix.
 */
function paraNumberEnd(src: string, at: number): number {
  let q = at;
  if (src.charCodeAt(q) === Char.Pilcrow) {
    q++;
    if (src.charCodeAt(q) === Char.Space) q++;
  }
  const d = q;
  while (q - d < 4 && isDigit(src.charCodeAt(q))) q++;
  if (q === d || q - d > 3) return -1;
  if (src.charCodeAt(q) === Char.Space) q++;
  if (src.charCodeAt(q) !== Char.Dot) return -1;
  q++;
  const c = src.charCodeAt(q);
  return isDigit(c) || c === Char.Dot ? -1 : q;
}

/**
 * How many blank-separated words s[from, to) holds (as trimming and splitting on blanks counts them: one
 * when there are none), or 7 when it is not 1 to 40 letters, slashes, dashes and blanks (`S/REL NATO`).
 */
function markingWords(s: string, from: number, to: number): number {
  if (to - from < 1 || to - from > 40) return 7;
  let words = 0;
  let inWord = false;
  for (let k = from; k < to; k++) {
    const c = s.charCodeAt(k);
    if (c === Char.Space) {
      inWord = false;
      continue;
    }
    if (!isLetter(c) && c !== Char.Slash && c !== Char.Dash) return 7;
    if (!inWord) words++;
    inWord = true;
  }
  return words || 1;
}

/** Index of the first `SUBJECT:` or `SUBJ:` in `line` at or after `from` that stands at a word start. */
function subjectKeywordIn(line: string, from: number): number {
  for (let at = line.indexOf('SUBJ', from); at >= 0; at = line.indexOf('SUBJ', at + 1)) {
    if (!isAlnum(line.charCodeAt(at - 1)) && (line.charCodeAt(at + 4) === Char.Colon || line.startsWith('ECT:', at + 4))) return at;
  }
  return -1;
}

function leadOf(s: string, p: number, e: number): string {
  const max = 80;
  if (e - p <= max) return s.slice(p, e);
  const cut = s.lastIndexOf(' ', p + max);
  return `${s.slice(p, cut > p + 20 ? cut : p + max)}…`;
}

/**
 * The document model as the parser builds it: a plain record of fields, except redactions and cable-id
 * mentions. Those are whole-text scans that neither the parse nor any rule reads, so the model runs them
 * when a feature first reads them (links, highlights, selection ranges), once per model: `cable lint`
 * over an archive does not pay for them. Accessors on the class rather than on each object: defining
 * them per object cost more than the scans saved.
 */
class CableModel implements CableDocument {
  lineCount: number;
  lines: string[];
  size: number;
  bodyStartLine: number;
  header: CableDocument['header'] = { to: [], info: [], xmt: [], prosigns: [] };
  repeatedBanners: CableDocument['repeatedBanners'] = [];
  captions: CableDocument['captions'] = [];
  distribution: CableDocument['distribution'] = [];
  references: CableDocument['references'] = [];
  paragraphs: CableDocument['paragraphs'] = [];
  blocks: CableDocument['blocks'] = [];
  sectionMarkers: CableDocument['sectionMarkers'] = [];
  headings: CableDocument['headings'] = [];
  identity: CableDocument['identity'] = {};
  problems: CableDocument['problems'] = [];
  #src = '';
  #starts: number[] = [0];
  #redactions: Range[] | undefined;
  #mentions: CableIdMention[] | undefined;

  constructor(lines: string[], size: number) {
    this.size = size;
    this.lineCount = lines.length;
    this.lines = lines;
    this.bodyStartLine = lines.length;
  }

  /** The normalised text and its line starts, which the lazy scans read. */
  scanFrom(src: string, starts: number[]): void {
    this.#src = src;
    this.#starts = starts;
  }

  get redactions(): Range[] {
    return (this.#redactions ??= findRedactions(this.#src, this.#starts, this.bodyStartLine));
  }

  set redactions(v: Range[]) {
    this.#redactions = v;
  }

  get mentions(): CableIdMention[] {
    return (this.#mentions ??= findMentions(this.#src, this.#starts, this.bodyStartLine));
  }

  set mentions(v: CableIdMention[]) {
    this.#mentions = v;
  }

  /** Serialised (and walked) as the plain record it stands for, the lazy fields included. */
  toJSON(): CableDocument {
    return plainModel(this);
  }
}

/** The line holding offset `off` of the text, by binary search over the lines' start offsets. */
function lineAt(starts: number[], off: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= off) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Runs of four or more X (or x) standing alone: the releasers' redactions, on lines from `body` on. */
function findRedactions(src: string, starts: number[], body: number): Range[] {
  const out: Range[] = [];
  REDACTION_NEEDLE_G.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = REDACTION_NEEDLE_G.exec(src))) {
    const k = m.index;
    const ch = src.charCodeAt(k);
    let e = k + 4;
    while (src.charCodeAt(e) === ch) e++;
    REDACTION_NEEDLE_G.lastIndex = e;
    if (k > 0 && (src.charCodeAt(k - 1) === ch || isLetter(src.charCodeAt(k - 1)))) continue;
    if (isLetter(src.charCodeAt(e))) continue;
    const line = lineAt(starts, k);
    if (line >= body) out.push(rng(line, k - starts[line], e - starts[line]));
  }
  return out;
}

/** Cable ids named in the text (`09STATE12345`), on lines from `body` on. */
function findMentions(src: string, starts: number[], body: number): CableIdMention[] {
  const out: CableIdMention[] = [];
  const n = starts.length;
  MENTION_G.lastIndex = 0;
  let li = 0;
  let m: RegExpExecArray | null;
  while ((m = MENTION_G.exec(src))) {
    const off = m.index;
    while (li + 1 < n && starts[li + 1] <= off) li++;
    if (li < body) continue;
    const at = off - starts[li];
    out.push({ text: m[0], range: rng(li, at, at + m[0].length), cableId: `${m[1]}${canonicalPost(m[2])}${Number(m[3])}` });
  }
  return out;
}

/** Parses the text of one cable. Never throws: on an internal error it returns what it has, with a problem. */
export function parseCable(text: string): CableDocument {
  const parser = new CableParser(text);
  try {
    return parser.run(text);
  } catch (err) {
    parser.doc.problems.push({
      range: rng(0, 0, 0),
      code: 'parser-error',
      message: `Internal parser error: ${err instanceof Error ? err.message : String(err)}`,
    });
    return parser.doc;
  }
}
