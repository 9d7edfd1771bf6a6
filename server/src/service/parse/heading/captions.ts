import type { Caption } from '../../model.ts';
import { Char, isJsBlank, isUpper } from '../chars.ts';
import { firstNonSpace } from '../../text.ts';
import { rng, tok } from '../range.ts';
import { CAPTION_WORDS, CAPTION_KEYS, CAPTION_WORD_MAX } from '../vocabulary.ts';
import type { ParseState } from '../state.ts';

export function captionLine(state: ParseState, i: number, s: string, f: number, e: number, u: string): boolean {
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
      addCaption(state, i, s, f, f + n, name);
      return true;
    }
  }
  const clean = u.slice(0, n);
  const channel = clean.endsWith('CHANNEL');
  const only = clean.endsWith('ONLY');
  const sensitive = clean.endsWith('SENSITIVE');
  if (!capFirst && !channel && !only && !sensitive) return false;
  if ((c === Char.S && /^SENSITIVE BUT UNCLASSIFIED\b/.test(clean)) || (only && clean === 'FOR OFFICIAL USE ONLY')) {
    addCaption(state, i, s, f, e, c === Char.S ? 'SENSITIVE' : 'FOUO');
    return true;
  }
  if (c === Char.C && /^C ?O ?R ?R ?E ?C ?T ?E ?D +C ?O ?P ?Y\b/.test(clean)) {
    addCaption(state, i, s, f, e, 'CORRECTED COPY');
    return true;
  }
  if ((channel && /^[A-Z][A-Z ]{1,30} CHANNEL$/.test(clean)) || (only && /^(?:EYES ONLY|[A-Z/ ]{0,30}FOR [A-Z .,/-]{1,40} ONLY)$/.test(clean))) {
    addCaption(state, i, s, f, e, clean);
    return true;
  }
  if (!capFirst) return sensitive && sensitiveCaption(state, i, s, f, clean);
  // `NOFORN, NOT FOR INTERNET DISTRIBUTION`, `DEA SENSITIVE`: a caption word with words around it.
  let j = 1;
  while (j < n && isUpper(u.charCodeAt(j))) j++;
  if (n < 80 && (u.charCodeAt(j) === Char.Comma || (u.charCodeAt(j) === Char.Space && u.charCodeAt(j + 1) === Char.Dash)) && j + (u.charCodeAt(j) === Char.Comma ? 1 : 2) <= n) {
    const name = captionWordAt(u, 0, j);
    if (name !== undefined) {
      addCaption(state, i, s, f, f + j, name);
      return true;
    }
  }
  if (sensitive && sensitiveCaption(state, i, s, f, clean)) return true;
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
    addCaption(state, i, s, f, e, 'SPECAT EXCLUSIVE');
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
export function sensitiveCaption(state: ParseState, i: number, s: string, f: number, clean: string): boolean {
  if (!/^[A-Z]{2,8} SENSITIVE$/.test(clean)) return false;
  addCaption(state, i, s, f, f + clean.length, 'SENSITIVE');
  return true;
}

export function addCaption(state: ParseState, i: number, s: string, f: number, e: number, name: string, inline = false): void {
  const c: Caption = { range: rng(i, f, e), name, token: tok(i, s, f, e) };
  if (inline) c.inline = true;
  state.doc.captions.push(c);
  state.captionNames.add(name);
}

/** The caption name of the word u[a, b), if it is a caption word: compared in place, without slicing it. */
export function captionWordAt(u: string, a: number, b: number): string | undefined {
  const n = b - a;
  for (const k of CAPTION_KEYS) if (k.length === n && u.startsWith(k, a)) return CAPTION_WORDS[k];
  return undefined;
}

/** What the caption word list splits at: a blank (JavaScript's \s), comma, semicolon or slash. */
export function isCaptionSeparator(c: number): boolean {
  return c === Char.Comma || c === Char.Semicolon || c === Char.Slash || isJsBlank(c);
}

/** True when an upper-cased line is only caption words (`SIPDIS`, `NOFORN SIPDIS`). */
export function isCaptionText(u: string): boolean {
  // Every caption word starts with one of these letters: other lines fail before the split (a first
  // character outside printable ASCII may be a blank the trim skips, so it takes the long way).
  const c = u.charCodeAt(firstNonSpace(u));
  if (c > Char.Space && c < Char.Delete && c !== Char.S && c !== Char.N && c !== Char.E && c !== Char.L && c !== Char.C && c !== Char.D) return false;
  const words = u.trim().split(/[\s,;/]+/);
  return words.length > 0 && words.length <= 4 && words.every((w) => CAPTION_WORDS[w] !== undefined);
}
