import type { Reference, ReferenceBlock } from '../../model.ts';
import { fullYear } from '../../dtg.ts';
import { Case, Char, digitValue, isAlnum, isDigit, isJsBlank, isLetter, isLower, isUpper } from '../chars.ts';
import { endNonSpaceBefore } from '../../text.ts';
import { rng, span, tok } from '../range.ts';
import { canonicalPost } from '../identity.ts';
import type { ParseState } from '../state.ts';
import { REF_RE } from './keywords.ts';

// ----- REF

export function refStart(state: ParseState, i: number, s: string, f: number, e: number, u: string): void {
  const m = REF_RE.exec(u)!;
  let p = f + m[0].length;
  while (p < e && (s.charCodeAt(p) === Char.Space || s.charCodeAt(p) === Char.Colon || s.charCodeAt(p) === Char.Dot)) p++;
  const block: ReferenceBlock = { range: rng(i, f, e), keyword: tok(i, s, f, f + m[0].length), items: [] };
  state.doc.references.push(block);
  state.heading.refBlock = block;
  state.heading.nextRefLabel = Char.A;
  state.heading.continuing = 'refs';
  if (p < e) refLine(state, i, s, p, e, true);
}

export function startsWithRefLabel(state: ParseState, t: string): boolean {
  let q = 0;
  if (t.charCodeAt(q) === Char.Pilcrow) q++;
  while (t.charCodeAt(q) === Char.Space) q++;
  if (t.charCodeAt(q) === Char.OpenParen) q++;
  const c = t.charCodeAt(q) & ~Case.Bit;
  const close = t.charCodeAt(q + 1);
  return c === state.heading.nextRefLabel && isLetter(t.charCodeAt(q)) && (close === Char.Dot || close === Char.CloseParen);
}

export function refLine(state: ParseState, i: number, s: string, f: number, e: number, first: boolean): void {
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
      const close = s.charCodeAt(q + 1);
      if (letter === state.heading.nextRefLabel && isLetter(s.charCodeAt(q)) && (close === Char.Dot || close === Char.CloseParen) && (q + 2 >= e || s.charCodeAt(q + 2) === Char.Space || isAlnum(s.charCodeAt(q + 2)) || s.charCodeAt(q + 2) === Char.OpenParen)) {
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
      readRefItem(state, last);
    } else {
      pushRef(state, items, i, s, f, e, undefined);
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
    pushRef(state, items, i, s, starts[k].at, end, starts[k].label, starts[k].textAt);
  }
}

export function pushRef(state: ParseState, items: Reference[], i: number, s: string, from: number, to: number, label: string | undefined, textAt = from): void {
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
          readRefItem(state, r);
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
  readRefItem(state, ref);
  items.push(ref);
}

/** Reads `[YY|YYYY] POST SERIAL [(YY)]` at the start of a reference's text. */
export function readRefItem(state: ParseState, ref: Reference): void {
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

/** Bounds of a reference's first REF_WORD_MAX words (readRefItem reads no further), reused by every call. */
export const REF_WORD_MAX = 8;

export const REF_WORDS = new Int32Array(2 * REF_WORD_MAX);

/**
 * Fills `w` with the [start, end) bounds of the first REF_WORD_MAX words of `t`, apart by JavaScript
 * blanks (\s), commas and semicolons; returns how many.
 */
export function refWords(t: string, w: Int32Array): number {
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

export function isRefSeparator(c: number): boolean {
  return c === Char.Comma || c === Char.Semicolon || isJsBlank(c);
}

/** Whether t[a, b) is one or more digits. */
export function isDigitRun(t: string, a: number, b: number): boolean {
  for (let q = a; q < b; q++) if (!isDigit(t.charCodeAt(q))) return false;
  return b > a;
}

/** /^[a-z][a-z.'’-]*$/i on t[a, b): a word of a post's name. */
export function isPostWord(t: string, a: number, b: number): boolean {
  if (!isLetter(t.charCodeAt(a))) return false;
  for (let q = a + 1; q < b; q++) {
    const c = t.charCodeAt(q);
    if (!isLetter(c) && c !== Char.Dot && c !== Char.Apostrophe && c !== Char.RightSingleQuote && c !== Char.Dash) return false;
  }
  return true;
}
