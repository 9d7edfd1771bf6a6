/**
 * Line splitting and per-line normalisation shared by the parser.
 *
 * Ranges must map 1:1 onto the editor's text, so normalisation never changes a line's length: it only
 * replaces characters that the recognisers should read as blanks (BOM, tabs, NUL, no-break spaces) with
 * a plain space, and leaves everything else as written.
 */

import { Char, isLower, isNonAscii } from './parse/chars.ts';

/** Splits on CRLF, lone CR and LF; the last line counts even when empty (as LSP counts lines). */
export function splitLines(text: string): string[] {
  // The engine's native split is several times faster than a character loop, and splitting on a
  // plain "\n" twice as fast again as on the regex: most cables have no CR at all.
  return text.indexOf('\r') < 0 ? text.split('\n') : text.split(/\r\n|\r|\n/);
}

// Characters read as a blank: TAB, VT, FF, NUL, BOM, NBSP, zero-width and the other Unicode spaces
// WikiLeaks pages carry. A native regex test is much faster than a character loop on long lines.
const BLANKISH = /[\0\t\v\f\u00a0\u2000-\u200b\u202f\ufeff]/;
const BLANKISH_G = /[\0\t\v\f\u00a0\u2000-\u200b\u202f\ufeff]/g;

// Anything outside printable ASCII and line ends: a fast scan (a negated ASCII range) whose few hits are
// then checked against BLANKISH, much cheaper than scanning for BLANKISH itself on mostly-ASCII text.
const NOT_PRINTABLE_ASCII_G = /[^\n\r\x20-\x7e]/g;

/** Whether the text holds any character `normaliseLine` would replace. */
export function hasBlankish(text: string): boolean {
  NOT_PRINTABLE_ASCII_G.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NOT_PRINTABLE_ASCII_G.exec(text))) {
    if (BLANKISH.test(m[0])) return true;
  }
  return false;
}

/** The whole text with blank-like characters replaced by spaces (line ends untouched). */
export function normaliseText(text: string): string {
  return text.replace(BLANKISH_G, ' ');
}

/** The line with blank-like characters replaced by spaces, same length as the original. */
export function normaliseLine(line: string): string {
  return BLANKISH.test(line) ? line.replace(BLANKISH_G, ' ') : line;
}

/** Index of the first non-space character, or the length when the line is blank. */
export function firstNonSpace(s: string): number {
  let i = 0;
  while (i < s.length && s.charCodeAt(i) === Char.Space) i++;
  return i;
}

/** Index just past the last non-space character. */
export function endNonSpace(s: string): number {
  let i = s.length;
  while (i > 0 && s.charCodeAt(i - 1) === Char.Space) i--;
  return i;
}

/**
 * firstNonSpace of the line of length `len` starting at `at` in `src`, read on the flat text: a line
 * from the split is a slice of the text, whose characters cost several times more to read.
 */
export function firstNonSpaceAt(src: string, at: number, len: number): number {
  let f = 0;
  while (f < len && src.charCodeAt(at + f) === Char.Space) f++;
  return f;
}

/** endNonSpace of the line of length `len` starting at `at` in `src`, read on the flat text. */
export function endNonSpaceAt(src: string, at: number, len: number): number {
  let e = len;
  while (e > 0 && src.charCodeAt(at + e - 1) === Char.Space) e--;
  return e;
}

/** endNonSpace(s.slice(0, end)) without building the slice (`end` clamped as slice clamps it). */
export function endNonSpaceBefore(s: string, end: number): number {
  let i = end < 0 ? Math.max(0, s.length + end) : Math.min(end, s.length);
  while (i > 0 && s.charCodeAt(i - 1) === Char.Space) i--;
  return i;
}

export function isBlank(s: string): boolean {
  return firstNonSpace(s) === s.length;
}

/**
 * `s.toUpperCase()` without the call when `s` is ASCII with no lower-case letter, which it leaves as it
 * is: the usual case for codes, zones, months and keywords, read on every cable.
 */
export function upperCased(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isNonAscii(c) || isLower(c)) return s.toUpperCase();
  }
  return s;
}
