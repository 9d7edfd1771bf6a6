import type { Caption } from '../../model.ts';
import { Char, codeAt, isJsBlank, isUpper } from '../chars.ts';
import { firstNonSpace } from '../../text.ts';
import { rng, tok } from '../range.ts';
import { CAPTION_WORDS, CAPTION_KEYS, CAPTION_WORD_MAX } from '../vocabulary.ts';
import type { ParseState } from '../state.ts';
import { CAPTION_FIRST_LETTERS } from '../gates.ts';
import type { HeadingLine } from './index.ts';

/**
 * A caption line: one caption word (`SIPDIS`, `NOFORN`), up to four of them (`NOFORN SIPDIS`), a caption
 * word with words around it (`NOFORN, NOT FOR INTERNET DISTRIBUTION`), or a caption of its own form
 * (SENSITIVE BUT UNCLASSIFIED, FOR OFFICIAL USE ONLY, CORRECTED COPY, `… CHANNEL`, `EYES ONLY`,
 * `DEA SENSITIVE`). Each caption is read from the upper-cased line.
 */
export function captionLine(state: ParseState, line: HeadingLine): boolean {
  const u = line.upper;
  // The line without its trailing blanks and full stops: u[0, n).
  let n = Math.min(u.length, line.end - line.start);
  while (n > 0 && (u.charCodeAt(n - 1) === Char.Space || u.charCodeAt(n - 1) === Char.Dot)) n--;
  if (n === 0) return false;
  // Every form below starts with a caption word's first letter or ends in CHANNEL, ONLY or SENSITIVE:
  // other lines (most heading lines) fail here without a regex.
  const capFirst = CAPTION_FIRST_LETTERS[u.charCodeAt(0)] === 1;
  // Most caption lines are one caption word (`SIPDIS`, `NOFORN`), which none of the forms before the
  // word list takes.
  if (capFirst && n <= CAPTION_WORD_MAX) {
    const name = captionWordAt(u, 0, n);
    if (name !== undefined) {
      addCaption(state, line.index, line.text, line.start, line.start + n, name);
      return true;
    }
  }
  const clean = u.slice(0, n);
  const sensitive = clean.endsWith('SENSITIVE');
  if (captionOfItsOwnForm(state, line, clean, capFirst)) return true;
  if (!capFirst) return sensitive && sensitiveCaption(state, line, clean);
  if (n < 80 && leadingCaptionWord(state, line, n)) return true;
  if (sensitive && sensitiveCaption(state, line, clean)) return true;
  return captionWords(state, line, n);
}

/** SENSITIVE BUT UNCLASSIFIED, FOR OFFICIAL USE ONLY, CORRECTED COPY, `… CHANNEL`, `EYES ONLY`, `… FOR … ONLY`. */
function captionOfItsOwnForm(state: ParseState, line: HeadingLine, clean: string, capFirst: boolean): boolean {
  const c = clean.charCodeAt(0);
  const channel = clean.endsWith('CHANNEL');
  const only = clean.endsWith('ONLY');
  let name: string | undefined;
  if (!capFirst && !channel && !only) name = undefined;
  else if ((c === Char.S && /^SENSITIVE BUT UNCLASSIFIED\b/.test(clean)) || (only && clean === 'FOR OFFICIAL USE ONLY')) name = c === Char.S ? 'SENSITIVE' : 'FOUO';
  else if (c === Char.C && /^C ?O ?R ?R ?E ?C ?T ?E ?D +C ?O ?P ?Y\b/.test(clean)) name = 'CORRECTED COPY';
  else if ((channel && /^[A-Z][A-Z ]{1,30} CHANNEL$/.test(clean)) || (only && /^(?:EYES ONLY|[A-Z/ ]{0,30}FOR [A-Z .,/-]{1,40} ONLY)$/.test(clean))) name = clean;
  if (name === undefined) return false;
  addCaption(state, line.index, line.text, line.start, line.end, name);
  return true;
}

/** `NOFORN, NOT FOR INTERNET DISTRIBUTION`, `SIPDIS - …`: a caption word, then a comma or a dash and other words. */
function leadingCaptionWord(state: ParseState, line: HeadingLine, n: number): boolean {
  const u = line.upper;
  let j = 1;
  while (j < n && isUpper(u.charCodeAt(j))) j++;
  const comma = codeAt(u, j) === Char.Comma;
  const dash = codeAt(u, j) === Char.Space && codeAt(u, j + 1) === Char.Dash;
  if (!(comma || dash) || j + (comma ? 1 : 2) > n) return false;
  const name = captionWordAt(u, 0, j);
  if (name === undefined) return false;
  addCaption(state, line.index, line.text, line.start, line.start + j, name);
  return true;
}

/**
 * Up to four caption words apart by blanks, commas, semicolons or slashes (`NOFORN SIPDIS`), u[0, n) and
 * nothing else; a separator first or last leaves an empty word, which is no caption word.
 */
function captionWords(state: ParseState, line: HeadingLine, n: number): boolean {
  const u = line.upper;
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
  const { index: i, text: s, start: f } = line;
  // SPECAT and EXCLUSIVE are the caption words named so.
  if (count === 2 && first === 'SPECAT' && second === 'SPECAT EXCLUSIVE') {
    addCaption(state, i, s, f, line.end, 'SPECAT EXCLUSIVE');
    return true;
  }
  for (let a = 0; a < n; ) {
    let b = a;
    while (b < n && !isCaptionSeparator(u.charCodeAt(b))) b++;
    addCaption(state, i, s, f + a, f + b, captionWordAt(u, a, b)!);
    a = b;
    while (a < n && isCaptionSeparator(u.charCodeAt(a))) a++;
  }
  return true;
}

/** `DEA SENSITIVE`: an agency's caption. */
function sensitiveCaption(state: ParseState, line: HeadingLine, clean: string): boolean {
  if (!/^[A-Z]{2,8} SENSITIVE$/.test(clean)) return false;
  addCaption(state, line.index, line.text, line.start, line.start + clean.length, 'SENSITIVE');
  return true;
}

/** Adds the caption s[f, e) of line i, named `name`; `inline` when it stands inside running text. */
export function addCaption(state: ParseState, i: number, s: string, f: number, e: number, name: string, inline = false): void {
  const c: Caption = { range: rng(i, f, e), name, token: tok(i, s, f, e) };
  if (inline) c.inline = true;
  state.doc.captions.push(c);
  state.captionNames.add(name);
}

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

/** True when an upper-cased line is only caption words (`SIPDIS`, `NOFORN SIPDIS`). */
export function isCaptionText(u: string): boolean {
  // A line whose first letter opens no caption word fails before the split (a first character outside
  // printable ASCII may be a blank the trim skips, so it takes the long way).
  const c = codeAt(u, firstNonSpace(u));
  if (c > Char.Space && c < Char.Delete && !CAPTION_FIRST_LETTERS[c]) return false;
  const words = u.trim().split(/[\s,;/]+/);
  return words.length > 0 && words.length <= 4 && words.every((w) => CAPTION_WORDS[w] !== undefined);
}
