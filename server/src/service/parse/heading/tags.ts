import type { TagKind, TagsLine } from '../../model.ts';
import { Char, codeAt, isAlnum, isDigit, isUpper } from '../chars.ts';
import { upperCased, endNonSpaceBefore } from '../../text.ts';
import { rng, span, tok } from '../range.ts';
import type { ParseState } from '../state.ts';
import { TAGS_RE } from './keywords.ts';
import { TAGS_KEYWORDS, TAGS_LINK_WORDS, TAGS_NOT_ENTRIES, VIP_VISIT_TAG } from '../vocabulary.ts';
import { subjectLine } from './subject.ts';
import { headingPart, type HeadingLine } from './index.ts';
import { PARA_RE } from '../body/paragraphs.ts';

/**
 * The TAGS line (`TAGS: PREL KDEM RS NATO (SMITH, JOHN)`), its misspelt keywords, the lines it wraps
 * onto, and the kind of each code by its shape. SUBJECT may run on in the same line.
 */

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

export function tagsLine(state: ParseState, line: HeadingLine): void {
  const { index: i, text: s, start: f, end: e, upper: u } = line;
  state.heading.seenTags = true;
  const m = TAGS_RE.exec(u)!;
  let p = f + m[1].length;
  while (p < e && s.charCodeAt(p) === Char.Space) p++;
  const colon = s.charCodeAt(p) === Char.Colon;
  if (colon) p++;
  const keyword = tok(i, s, f, colon ? p : f + m[1].length);
  const misspelled = m[1] !== 'TAGS';
  const upperLine = u.slice(0, e - f);
  // SUBJECT may follow on the same line (`Tags: prel, tu Subject: …`).
  const subjAt = subjectKeywordIn(upperLine, p - f);
  const listEnd = f + listEndIn(upperLine, p - f, subjAt >= 0 ? subjAt : e - f);
  const tags: TagsLine = { range: rng(i, f, listEnd), keyword, keywordMisspelled: misspelled, tags: [] };
  readTags(tags, i, s, p, listEnd);
  state.doc.tags = tags;
  state.heading.continuing = 'tags';
  if (subjAt >= 0) {
    state.heading.continuing = 'none';
    subjectLine(state, headingPart(line, f + subjAt, e, u.slice(subjAt)));
  }
}

const NOT_ENTRIES: ReadonlySet<string> = new Set([...TAGS_NOT_ENTRIES, ...TAGS_KEYWORDS]);
const LINK_WORDS: ReadonlySet<string> = new Set(TAGS_LINK_WORDS);
const VIP_VISIT = VIP_VISIT_TAG;

/** A word of a TAGS list: s[at, end) upper-cased, and whether a comma or semicolon stands before it. */
interface TagWord {
  at: number;
  end: number;
  up: string;
  comma: boolean;
}

/** The codes in s[from, to) of line i, added to the TAGS line's list. */
function readTags(tags: TagsLine, i: number, s: string, from: number, to: number): void {
  const words: TagWord[] = [];
  const commaList = hasListComma(s, from, to);
  let comma = false;
  let p = from;
  while (p < to) {
    const c = s.charCodeAt(p);
    if (c === Char.Space || c === Char.Comma || c === Char.Semicolon) {
      if (c !== Char.Space) comma = true;
      p++;
      continue;
    }
    if (c === Char.OpenParen || c === Char.OpenBracket) groupWords(tags, i, s, words.splice(0), commaList);
    const bracketed = c === Char.OpenParen || c === Char.OpenBracket ? bracketedTag(tags, i, s, p, to) : -1;
    if (bracketed >= 0) {
      p = bracketed;
      comma = false;
      continue;
    }
    let q = p;
    while (q < to) {
      const d = s.charCodeAt(q);
      if (d === Char.Space || d === Char.Comma || d === Char.Semicolon || d === Char.OpenParen) break;
      q++;
    }
    let end = q;
    while (end > p && s.charCodeAt(end - 1) === Char.Dot) end--;
    if (end > p) words.push({ at: p, end, up: upperCased(s.slice(p, end)), comma });
    comma = false;
    p = q;
  }
  groupWords(tags, i, s, words, commaList);
}

/** A person in parentheses (`(SMITH, JOHN)`) or the viewer's link (`[PREL](#)`) at p: where it ends, or -1. */
function bracketedTag(tags: TagsLine, i: number, s: string, p: number, to: number): number {
  if (s.charCodeAt(p) === Char.OpenParen) {
    const close = s.indexOf(')', p);
    const end = close < 0 || close >= to ? to : close + 1;
    const inner = s.slice(p + 1, close < 0 || close >= to ? to : close).trim();
    if (inner) tags.tags.push({ text: s.slice(p, end), range: rng(i, p, end), code: inner, kind: 'person' });
    return end;
  }
  const close = s.indexOf('](', p);
  if (close < 0 || close >= to) return -1;
  const code = s.slice(p + 1, close).trim();
  const after = s.indexOf(')', close);
  if (code) {
    const up = upperCased(code);
    tags.tags.push({ text: s.slice(p + 1, close), range: rng(i, p + 1, close), code: up, kind: code.includes(',') ? 'person' : tagKindOfUpper(up) });
  }
  return after < 0 || after >= to ? to : after + 1;
}

/**
 * The list's words as entries: a code each, but a person written without parentheses after OVIP
 * (`OVIP SMITH JOHN`, `OVIP, CLINTON, HILLARY`) is one entry, and so is a name written in words: a
 * comma item of several words (`USEU BRUSSELS`, `Organized Crime`), or in a list without commas a run
 * of long words (`POLITICAL PARTIES`, `ECONOMY AND FINANCE`). SIPDIS and a repeated keyword are no entries.
 */
function groupWords(tags: TagsLine, i: number, s: string, words: TagWord[], commaList: boolean): void {
  for (let k = 0; k < words.length; ) {
    const w = words[k];
    if (NOT_ENTRIES.has(w.up.endsWith(':') ? w.up.slice(0, -1) : w.up)) {
      k++;
      continue;
    }
    const named = w.up === VIP_VISIT ? 1 : commaList ? commaItem(words, k) : phrase(words, k);
    if (named > 1) {
      pushEntry(tags, i, s, w, words[k + named - 1], 'freestyle');
      k += named;
      continue;
    }
    pushEntry(tags, i, s, w, w, tagKindOfUpper(w.up));
    k++;
    if (w.up === VIP_VISIT && personAfterVisit(words, k)) {
      pushEntry(tags, i, s, words[k], words[k + 1], 'person');
      k += 2;
    }
  }
}

function pushEntry(tags: TagsLine, i: number, s: string, first: TagWord, last: TagWord, kind: TagKind): void {
  const text = s.slice(first.at, last.end);
  const code = first === last ? first.up : upperCased(text).replace(/ {2,}/g, ' ');
  tags.tags.push({ text, range: rng(i, first.at, last.end), code, kind });
}

/**
 * How many words the comma item from word k holds when they are one name (up to four words, a long word
 * among them, and at most one code: `USEU BRUSSELS`), else 1: `TBIO KSAF KPAO PREL, AMGT` lost a comma.
 */
function commaItem(words: TagWord[], k: number): number {
  let n = 1;
  while (k + n < words.length && !words[k + n].comma) n++;
  if (n === 1 || n > 4) return 1;
  let named = false;
  let codes = 0;
  for (let j = k; j < k + n; j++) {
    const up = words[j].up;
    if (isNameWord(up)) named = true;
    else if (!LINK_WORDS.has(up)) codes++;
  }
  return named && codes <= 1 ? n : 1;
}

/** How many words from word k are one name in a list without commas: long words, and the small words between them. */
function phrase(words: TagWord[], k: number): number {
  if (!isNameWord(words[k].up)) return 1;
  let n = 1;
  for (;;) {
    const next = words[k + n];
    if (next && isNameWord(next.up)) n++;
    else if (next && LINK_WORDS.has(next.up) && words[k + n + 1] && isNameWord(words[k + n + 1].up)) n += 2;
    else return n;
  }
}

/** After OVIP, words k and k+1 are a surname and a given name without parentheses (one of them five letters or more). */
function personAfterVisit(words: TagWord[], k: number): boolean {
  const a = words[k];
  const b = words[k + 1];
  if (!a || !b || b.comma !== a.comma || !isLetters(a.up) || !isLetters(b.up) || NOT_ENTRIES.has(b.up)) return false;
  return a.up.length >= 5 || b.up.length >= 5;
}

/** A word of a name rather than a code: five or more letters (codes are two to four letters, or acronyms). */
function isNameWord(up: string): boolean {
  return up.length >= 5 && isLetters(up) && !NOT_ENTRIES.has(up);
}

function isLetters(up: string): boolean {
  for (let k = 0; k < up.length; k++) if (!isUpper(up.charCodeAt(k))) return false;
  return up.length > 0;
}

/** Whether s[from, to) separates its entries with commas or semicolons (outside parentheses). */
function hasListComma(s: string, from: number, to: number): boolean {
  let depth = 0;
  for (let k = from; k < to; k++) {
    const c = s.charCodeAt(k);
    if (c === Char.OpenParen) depth++;
    else if (c === Char.CloseParen) depth = Math.max(0, depth - 1);
    else if (depth === 0 && (c === Char.Comma || c === Char.Semicolon)) return true;
  }
  return false;
}

/** A line of codes that the TAGS line wrapped onto. */
export function tagsContinuation(state: ParseState, line: HeadingLine): boolean {
  const { index: i, text: s, start: f, end: e, upper: u } = line;
  const tags = state.doc.tags;
  // Real TAGS wrap onto a line or two; the cap keeps a wall of code-like lines linear.
  // (A line that opens a heading element never gets here.)
  if (!tags || e - f > 120 || i - tags.range.start.line > 8) return false;
  // The subject may follow on the same line (`ECON, PHUM, UK SUBJECT: …`).
  const subjAt = subjectKeywordIn(u, 0);
  const listEnd = f + listEndIn(u, 0, subjAt >= 0 ? subjAt : e - f);
  const codes = s.slice(f, listEnd);
  // A continuation is a list of codes: short tokens, no sentence punctuation.
  if (!/^[a-z0-9&()[\]#,;'./ -]+$/i.test(codes)) return false;
  const words = codes.split(/[\s,;]+/).filter(Boolean);
  if (!words.length || words.length > 16) return false;
  const first = state.source.lines[tags.range.start.line].slice(tags.keyword.range.end.character);
  const tagsUpper = !/[a-z]/.test(first);
  // A list in lower case wraps after a comma (`tags: prel, pgov,` / `kdem`), not into a word of text.
  if (!tagsUpper && !state.source.line(i - 1).trimEnd().endsWith(',')) return false;
  for (const w of words) {
    if (w.length > 14) return false;
    if (tagsUpper && /[a-z]/.test(w) && !w.startsWith('[')) return false;
  }
  if (PARA_RE.test(u)) return false;
  readTags(tags, i, s, f, listEnd);
  tags.range = span(tags.range, rng(i, f, listEnd));
  if (subjAt >= 0) {
    state.heading.continuing = 'none';
    subjectLine(state, headingPart(line, f + subjAt, e, u.slice(subjAt)));
  }
  return true;
}

/**
 * Where the list in `line` (upper-cased) ends, searched from `from` to `to` (where SUBJECT starts, or the
 * line's end): before the page header a printout ran onto it (`UNCLASSIFIED PAGE 02 …`), and its blanks.
 */
function listEndIn(line: string, from: number, to: number): number {
  PAGE_HEADER_G.lastIndex = from;
  const m = PAGE_HEADER_G.exec(line);
  const end = m && m.index < to ? m.index : to;
  // Past the upper-cased prefix (a very long line) nothing was searched: the list runs to `to`.
  return end <= line.length ? endNonSpaceBefore(line, end) : end;
}

const PAGE_HEADER_G = /\b(?:(?:UNCLASSIFIED|CONFIDENTIAL|SECRET) +)?PAGE +\d{2}\b/g;

/** Index of the first `SUBJECT:` or `SUBJ:` in `line` at or after `from` that stands at a word start. */
function subjectKeywordIn(line: string, from: number): number {
  for (let at = line.indexOf('SUBJ', from); at >= 0; at = line.indexOf('SUBJ', at + 1)) {
    if (!isAlnum(codeAt(line, at - 1)) && (codeAt(line, at + 4) === Char.Colon || line.startsWith('ECT:', at + 4))) return at;
  }
  return -1;
}
