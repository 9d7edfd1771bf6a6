import type { Reference, ReferenceBlock } from '../../model.ts';
import { fullYear } from '../../dtg.ts';
import { Case, Char, orEnd, digitValue, isAlnum, isDigit, isJsBlank, isLetter, isLower, isUpper } from '../chars.ts';
import { endNonSpaceBefore } from '../../text.ts';
import { rng, span, tok } from '../range.ts';
import { canonicalPost } from '../identity.ts';
import type { ParseState } from '../state.ts';
import { REF_RE } from './keywords.ts';
import { part, type Line } from '../source.ts';
import type { HeadingLine } from './index.ts';

/**
 * REF blocks: `REF: A. STATE 71326 B. 08 MOSCOW 1234`, items labelled A, B, C … in sequence over one
 * or more lines (or unlabelled, apart by semicolons), each read for the cable it cites.
 */
export function refStart(state: ParseState, line: HeadingLine): void {
  const { index: i, text: s, start: f, end: e, upper: u } = line;
  const m = REF_RE.exec(u)!;
  let p = f + m[0].length;
  while (p < e && (s.charCodeAt(p) === Char.Space || s.charCodeAt(p) === Char.Colon || s.charCodeAt(p) === Char.Dot)) p++;
  const block: ReferenceBlock = { range: rng(i, f, e), keyword: tok(i, s, f, f + m[0].length), items: [] };
  state.doc.references.push(block);
  state.heading.refBlock = block;
  state.heading.nextRefLabel = Char.A;
  state.heading.continuing = 'refs';
  if (p < e) refLine(state, part(line, p, e), true);
}

/** Whether `t` opens with the label the block's next item would carry (`B.`, `(B)`, `¶B.`). */
export function startsWithRefLabel(state: ParseState, t: string): boolean {
  let q = 0;
  if (t.charCodeAt(q) === Char.Pilcrow) q++;
  while (t.charCodeAt(q) === Char.Space) q++;
  if (t.charCodeAt(q) === Char.OpenParen) q++;
  const c = t.charCodeAt(q) & ~Case.Bit;
  const close = orEnd(t.charCodeAt(q + 1));
  return c === state.heading.nextRefLabel && isLetter(t.charCodeAt(q)) && (close === Char.Dot || close === Char.CloseParen);
}

/** A line (or the rest of the REF line, `first`) of the block: its labelled items, or text that continues the last one. */
export function refLine(state: ParseState, line: Line, first: boolean): void {
  const { index: i, text: s, start: f, end: e } = line;
  const block = state.heading.refBlock!;
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
      const close = orEnd(s.charCodeAt(q + 1));
      const after = orEnd(s.charCodeAt(q + 2));
      if (letter === state.heading.nextRefLabel && isLetter(orEnd(s.charCodeAt(q))) && (close === Char.Dot || close === Char.CloseParen) && (q + 2 >= e || after === Char.Space || isAlnum(after) || after === Char.OpenParen)) {
        let textAt = q + 2;
        while (textAt < e && s.charCodeAt(textAt) === Char.Space) textAt++;
        starts.push({ at: p, textAt, label: String.fromCharCode(letter) });
        state.heading.nextRefLabel++;
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
      readRefItem(last);
    } else {
      pushRef(items, i, s, f, e, undefined);
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
    pushRef(items, i, s, starts[k].at, end, starts[k].label, starts[k].textAt);
  }
}

function pushRef(items: Reference[], i: number, s: string, from: number, to: number, label: string | undefined, textAt = from): void {
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
          readRefItem(r);
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
  readRefItem(ref);
  items.push(ref);
}

/** Reads `[YY|YYYY] POST SERIAL [(YY)]` at the start of a reference's text: its origin, serial and year. */
function readRefItem(ref: Reference): void {
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
  let k = isDoubledLabel(t, w, nw) ? 1 : 0;
  let year = leadingYear(t, w, nw, k);
  if (year !== undefined) k++;
  // Up to four words of the post: /^[a-z][a-z.'’-]*$/i each.
  const postFrom = k;
  while (k < nw && k - postFrom < 4 && isPostWord(t, w[2 * k], w[2 * k + 1])) k++;
  if (k === postFrom || k >= nw) return;
  const serial = serialValue(t, w[2 * k], w[2 * k + 1]);
  if (serial < 0 || !isPostCase(t, w, postFrom, k, year !== undefined)) return;
  // canonicalPost keeps letters and digits only, so the words with what stands between them read as
  // the words joined by blanks.
  const origin = originOf(canonicalPost(t.slice(w[2 * postFrom], w[2 * k - 1])));
  if (origin === undefined) return;
  year ??= trailingYear(t, w, nw, k);
  ref.origin = origin;
  ref.serial = serial;
  if (year !== undefined) ref.year = year;
}

/** A label written twice (`A. (A) ISLAMABAD 3249`, `C) 2006 BAGHDAD 4763`): /^\(?[a-z][.)]$/i on the first word. */
function isDoubledLabel(t: string, w: Int32Array, nw: number): boolean {
  if (nw === 0) return false;
  const a = w[0];
  const l = a + (w[1] - a === 3 && t.charCodeAt(a) === Char.OpenParen ? 1 : 0);
  const c = orEnd(t.charCodeAt(l + 1));
  return w[1] - l === 2 && isLetter(t.charCodeAt(l)) && (c === Char.Dot || c === Char.CloseParen);
}

/** A year (`09`, `2006`, `(09)`) as word k, before a word that starts with a letter: /^\(?(?:\d{2}|\d{4})\)?$/. */
function leadingYear(t: string, w: Int32Array, nw: number, k: number): number | undefined {
  if (k + 1 >= nw || !isLetter(t.charCodeAt(w[2 * k + 2]))) return undefined;
  let a = w[2 * k];
  let b = w[2 * k + 1];
  if (t.charCodeAt(a) === Char.OpenParen) a++;
  if (t.charCodeAt(b - 1) === Char.CloseParen) b--;
  return (b - a === 2 || b - a === 4) && isDigitRun(t, a, b) ? fullYear(t.slice(a, b)) : undefined;
}

/**
 * The serial in the word t[a, b): /^0*(\d{1,7})(?:\.|,|$)/, a run of digits with at most seven after its
 * leading zeros, ending the word or followed by a full stop (a word holds no comma). -1 when it is none.
 */
function serialValue(t: string, a: number, b: number): number {
  let d = a;
  let nz = a;
  let serial = 0;
  for (let c = t.charCodeAt(d); d < b && isDigit(c); c = t.charCodeAt(++d)) {
    if (c === Char.Digit0 && nz === d) nz++;
    serial = serial * 10 + digitValue(c);
  }
  return d === a || (d < b && t.charCodeAt(d) !== Char.Dot) || d - nz > 7 ? -1 : serial;
}

/**
 * Whether the post's words (words from to to) are written as a post is: upper case, lower case with a year,
 * or title case (`Berlin 195`, only for one or two words: longer capitalised runs are prose). The post
 * words hold only ASCII letters and . ' ’ -.
 */
function isPostCase(t: string, w: Int32Array, from: number, to: number, withYear: boolean): boolean {
  let hasUpper = false;
  let hasLower = false;
  let title = to - from <= 2;
  for (let j = from; j < to; j++) {
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
  return !hasLower || title || (!hasUpper && withYear);
}

/** The canonical post as a reference's origin, or undefined for words that only look like one (REFTEL, SEE, THE …). */
function originOf(post: string): string | undefined {
  switch (post) {
    case 'REF':
    case 'REFTEL':
    case 'REFS':
    case 'AND':
    case 'SEE':
    case 'THE':
    case 'OF':
      return undefined;
  }
  if (post.length < 3) return undefined;
  return post.startsWith('REFTEL') ? post.slice(6) : post;
}

/** A year after the serial (word k): /^\((?:\d{2}|\d{4})\)$/. */
function trailingYear(t: string, w: Int32Array, nw: number, k: number): number | undefined {
  if (k + 1 >= nw) return undefined;
  const a = w[2 * k + 2];
  const b = w[2 * k + 3];
  const paren = t.charCodeAt(a) === Char.OpenParen && t.charCodeAt(b - 1) === Char.CloseParen;
  return (b - a === 4 || b - a === 6) && paren && isDigitRun(t, a + 1, b - 1) ? fullYear(t.slice(a + 1, b - 1)) : undefined;
}

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
