/**
 * The signature: the signer's name after the text (`BUSH`, `Clinton`, `TAYLOR JR`, `curran`), on a line
 * of its own in the last eight non-blank lines below the last paragraph's first line and the heading, or
 * glued to the end of the last line of text (`… End comment. DRUCKER`, `… Minimize considered. SHANNON`,
 * the post's website line `… index.cfm TUTTLE`). Around the name, and not part of it: what closes a quoted
 * text before it (`END TEXT.`, `UNQUOTE`), a redaction, and after it `##`, full stops or a date. A name
 * written twice (`WHITE WHITE`) is one signer. The paragraph it closes stops before it.
 */
import type { Paragraph } from '../model.ts';
import { readClassificationWords } from '../classification.ts';
import { endNonSpaceBefore } from '../text.ts';
import { Case, Char, codeAt, isDigit, isLetter, isLower, isUpper } from './chars.ts';
import { rng } from './range.ts';
import type { ParseState } from './state.ts';
import { PARA_RE } from './body/paragraphs.ts';
import { CAPTION_KEYS, NAME_SUFFIXES, NOT_SIGNER_WORDS, SIGNATURE_LEADS, alternation } from './vocabulary.ts';

/** One to three words, each capitalised or a suffix (`Timken jr`), or one word in lower case (`curran`). */
const NAME_LINE = /^[a-z][a-z'’-]+(?: [a-z][a-z'’-]+){0,2}$/i;
/** A name glued after the end of a sentence, a bracket or a quotation: one or two words in capitals, or one capitalised. */
const GLUED_NAME = /(?:[.!?)"”]|UNQUOTE)( +)\.?([A-Z][A-Z'’-]+(?: [A-Z][A-Z'’-]+)?|[A-Z][a-z]+(?:[A-Z][a-z]+)?)$/;
const LEAD_RE = new RegExp(`^(?:${alternation(SIGNATURE_LEADS, ' +')})\\b[ .:,]*`, 'i');
const QUOTE_END_INSIDE = / (?:UNQUOTE|END QUOTE)\b[ .:,]*/i;
const NOT_SIGNER = new Set([...NOT_SIGNER_WORDS, ...CAPTION_KEYS]);
const SUFFIXES = new Set(NAME_SUFFIXES);
const WEBSITE = /Classified Website/i;
/** A line longer than this is running text, never a name alone. */
const NAME_LINE_MAX = 60;

const enum LineKind {
  /** The signature was found on the line. */
  Signed,
  /** Furniture below the text: a prosign, a level, a redaction, a closing word alone. */
  Furniture,
  Text,
}

export function findSignature(state: ParseState): void {
  const source = state.source;
  const lastPara = state.doc.paragraphs[state.doc.paragraphs.length - 1];
  const floor = signatureFloor(state, lastPara);
  let seen = 0;
  // Whether only furniture stands below line i: a name glued to text, or in lower case, ends the text.
  let lastText = true;
  for (let i = source.count - 1; i >= floor && seen < 8; i--) {
    if (source.isBlank(i)) continue;
    seen++;
    const f = source.first[i];
    const e = source.end[i];
    const long = e - f > NAME_LINE_MAX;
    const para = (i === floor && !!lastPara) || (!long && PARA_RE.test(source.line(i).slice(f, e)));
    if (!long && !para) {
      const kind = nameLine(state, i, lastText, lastPara);
      if (kind === LineKind.Signed) return;
      if (kind === LineKind.Furniture) continue;
    }
    if (lastText && gluedSignature(state, i)) return;
    lastText = false;
    if (para || (long && seen > 3)) return;
  }
}

/** The first line the signature may stand on: below the heading's elements and the last paragraph's first line. */
function signatureFloor(state: ParseState, lastPara: Paragraph | undefined): number {
  const doc = state.doc;
  const floor = Math.max(doc.bodyStartLine, lastPara ? lastPara.range.start.line : 0);
  // A truncated extract may end in its heading: routing, passing and caption lines are not the signature.
  // (REF and Classified By are left out: their blocks may run on over the text that follows them.)
  const passing = doc.distribution.length ? doc.distribution[doc.distribution.length - 1].range.end.line : -1;
  const heading = Math.max(doc.subject?.range.end.line ?? -1, doc.tags?.range.end.line ?? -1, doc.eo?.range.end.line ?? -1, passing);
  return Math.max(floor, heading + 1);
}

/** Line i as the signature: a name and nothing else, once what may stand around a name is set aside. */
function nameLine(state: ParseState, i: number, lastText: boolean, lastPara: Paragraph | undefined): LineKind {
  const source = state.source;
  const s = source.line(i);
  const f = source.first[i];
  if (readClassificationWords(s, f)) return LineKind.Furniture;
  const b = nameEnd(s, f, source.end[i]);
  const a = nameStart(s, f, b);
  if (a >= b) return LineKind.Furniture;
  const t = s.slice(a, b);
  if (!NAME_LINE.test(t)) return LineKind.Text;
  const words = t.split(' ');
  if (words.every((w) => NOT_SIGNER.has(w.toUpperCase()))) return LineKind.Furniture;
  // A word in lower case is a name only where a sentence ended above it and no full stop follows it.
  const lower = lastText && isLower(t.charCodeAt(0)) && b === endNonSpaceBefore(s, source.end[i]);
  if (!nameWords(words, lower)) return LineKind.Text;
  sign(state, i, a, b, words);
  // Paragraph ranges stop before the signature (never above their own first line).
  if (lastPara && lastPara.range.end.line >= i) {
    let j = i - 1;
    while (j > lastPara.range.start.line && source.isBlank(j)) j--;
    lastPara.range = { start: lastPara.range.start, end: { line: j, character: source.end[j] } };
  }
  return LineKind.Signed;
}

/** Whether `words` make a signer's name: capitalised words and suffixes, or (`lower`) one word in lower case. */
function nameWords(words: string[], lower: boolean): boolean {
  for (let k = 0; k < words.length; k++) {
    const w = words[k];
    const u = w.toUpperCase();
    if (NOT_SIGNER.has(u) || w.length > 20) return false;
    if (isUpper(w.charCodeAt(0))) continue;
    const suffix = k > 0 && SUFFIXES.has(u);
    const lowerAlone = k === 0 && lower && (words.length === 1 || (words.length === 2 && SUFFIXES.has(words[1].toUpperCase())));
    if (!suffix && !lowerAlone) return false;
  }
  return true;
}

/** The signer's name at the end of line i, the last line of text (`… End comment. DRUCKER`). */
function gluedSignature(state: ParseState, i: number): boolean {
  const s = state.source.line(i);
  const f = state.source.first[i];
  const b = nameEnd(s, f, state.source.end[i]);
  // Most last lines end with a sentence, whose last word is no capitalised name: a glance at it rules them out.
  const last = s.lastIndexOf(' ', b - 1) + 1;
  const c0 = s.charCodeAt(last);
  if (last <= f || !(isUpper(c0) || c0 === Char.Dot) || !isLetter(s.charCodeAt(b - 1))) return false;
  let at = websiteName(s, f, b);
  if (at < 0) {
    const g = GLUED_NAME.exec(s.slice(Math.max(f, b - 50), b));
    if (!g) return false;
    at = b - g[2].length;
    // `… David J. Hazarian`: the full stop of an initial ends no sentence.
    const stop = at - g[1].length - 1;
    const initial = s.charCodeAt(stop) === Char.Dot && isUpper(s.charCodeAt(stop - 1)) && (stop - 1 === f || s.charCodeAt(stop - 2) === Char.Space);
    if (initial && isLower(s.charCodeAt(at + 1))) return false;
    // In capitals throughout, a capitalised last word is a name only set apart by two blanks or after a closing word.
    const capitals = !/[a-z]/.test(s.slice(f, Math.min(b, f + 200)));
    const quoted = g[0].startsWith('UNQUOTE');
    if (capitals && !quoted && g[1].length < 2 && !LEAD_RE.test(closingSentence(s, f, at))) return false;
    at = nameStart(s, at, b);
  }
  const words = s.slice(at, b).split(' ');
  if (at >= b || !nameWords(words, false)) return false;
  sign(state, i, at, b, words);
  const inPara = state.doc.paragraphs.find((p) => p.range.start.line <= i && p.range.end.line >= i);
  if (inPara) {
    const pe = endNonSpaceBefore(s, at);
    inPara.range = { start: inPara.range.start, end: { line: i, character: Math.max(pe, inPara.range.start.line === i ? inPara.range.start.character : 0) } };
  }
  return true;
}

/** The sentence that ends before column `at` (`END OF TEXT.` in `REPORT.  END OF TEXT. BAKER`), from its first word. */
function closingSentence(s: string, f: number, at: number): string {
  const stop = s.lastIndexOf('.', at - 1);
  const before = s.lastIndexOf('.', stop - 1);
  return s.slice(Math.max(f, before + 1), stop).trimStart();
}

/** Where the name starts at the end of the post's website line (`… Classified Website: http://… LEBARON`), or -1. */
function websiteName(s: string, f: number, b: number): number {
  // The website line's address is short: the words stand within its last 160 characters.
  if (!WEBSITE.test(s.slice(Math.max(f, b - 160), b))) return -1;
  const at = s.lastIndexOf(' ', b - 1) + 1;
  if (at <= f || b - at < 3 || !isUpper(s.charCodeAt(at))) return -1;
  for (let k = at; k < b; k++) {
    const c = s.charCodeAt(k);
    if (c === Char.Dot || c === Char.Slash || c === Char.Colon || c === Char.Underscore || isDigit(c)) return -1;
  }
  return at;
}

/** The end of the name on a line ending at e: before `##`, full stops, blanks and a date (`SOBEL 2008-01-08`). */
function nameEnd(s: string, f: number, e: number): number {
  let b = trimTail(s, f, e);
  // YYYY-MM-DD after a blank.
  if (b - f > 11 && s.charCodeAt(b - 11) === Char.Space && s.charCodeAt(b - 3) === Char.Dash && s.charCodeAt(b - 6) === Char.Dash && isDigit(s.charCodeAt(b - 7))) {
    b = trimTail(s, f, b - 11);
  }
  return b;
}

function trimTail(s: string, f: number, e: number): number {
  let b = e;
  for (let c = codeAt(s, b - 1); b > f && (c === Char.Space || c === Char.Dot || c === Char.Hash); c = codeAt(s, b - 1)) b--;
  return b;
}

/**
 * The start of the name from column a: after what closes a quoted text (`END TEXT.`, `UNQUOTE`, also after
 * the quoted text's own signer: `CLINTON UNQUOTE CLINTON`) and redactions.
 */
function nameStart(s: string, a: number, b: number): number {
  const inside = QUOTE_END_INSIDE.exec(s.slice(a, b));
  if (inside) a += inside.index + inside[0].length;
  for (;;) {
    const lead = LEAD_RE.exec(s.slice(a, b));
    if (lead) {
      a += lead[0].length;
      continue;
    }
    let x = a;
    while (x < b && (s.charCodeAt(x) | Case.Bit) === Char.x) x++;
    if (x - a < 3 || (x < b && s.charCodeAt(x) !== Char.Space)) return a;
    a = x;
    while (a < b && s.charCodeAt(a) === Char.Space) a++;
  }
}

/** Records the signature s[a, b) of line i: one signer, a name written twice counted once. */
function sign(state: ParseState, i: number, a: number, b: number, words: string[]): void {
  const s = state.source.line(i);
  const doubled = words.length === 2 && words[0] === words[1];
  const name = doubled ? words[0] : words.join(' ');
  state.doc.signature = { text: s.slice(a, b), range: rng(i, a, b), names: [name] };
}
