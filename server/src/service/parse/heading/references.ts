import type { Reference, ReferenceBlock } from '../../model.ts';
import { Case, Char, codeAt, isAlnum, isLetter } from '../chars.ts';
import { endNonSpaceBefore } from '../../text.ts';
import { rng, span, tok } from '../range.ts';
import { readCitations } from './citations.ts';
import { MAX_HEADER_LINE, type ParseState } from '../state.ts';
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
  const close = codeAt(t, q + 1);
  return c === state.heading.nextRefLabel && isLetter(t.charCodeAt(q)) && (close === Char.Dot || close === Char.CloseParen);
}

/**
 * Whether the line `t`, after a blank line, completes the block's last item, a lettered one that cites
 * no cable yet: `(C) SECSTATE` / blank / `36633`, `C) RIO` / blank / `DE JANEIRO 1291`, `D)` / blank /
 * `Taipei 03196 E) …`.
 */
export function completesLastRef(state: ParseState, t: string): boolean {
  const items = state.heading.refBlock?.items;
  const last = items?.[items.length - 1];
  if (!last?.label || last.serial !== undefined || t.length > MAX_HEADER_LINE) return false;
  return readCitations(`${last.text} ${t}`).length > 0;
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
      const close = codeAt(s, q + 1);
      const after = codeAt(s, q + 2);
      if (letter === state.heading.nextRefLabel && isLetter(codeAt(s, q)) && (close === Char.Dot || close === Char.CloseParen) && (q + 2 >= e || after === Char.Space || isAlnum(after) || after === Char.OpenParen)) {
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
    if (last && !first && last.label && last.text.length < 400) {
      continueRef(last, items, i, s, f, e);
    } else {
      pushRef(items, i, s, f, e, undefined);
    }
    return;
  }
  if (starts[0].at > f) {
    const head = s.slice(f, starts[0].at).trim();
    const last = items[items.length - 1];
    if (head && last && !first && last.label) continueRef(last, items, i, s, f, f + head.length);
    else if (head && !first) pushRef(items, i, s, f, f + head.length, undefined);
  }
  for (let k = 0; k < starts.length; k++) {
    const end = k + 1 < starts.length ? endNonSpaceBefore(s, starts[k + 1].at) : e;
    pushRef(items, i, s, starts[k].at, end, starts[k].label, starts[k].textAt);
  }
}

/**
 * The text [f, e) of line i (`s`) continues the lettered item `last`, the block's last item (empty when
 * its label ended a line: `B)`); the item is read again, and any further cable it now cites follows it.
 */
function continueRef(last: Reference, items: Reference[], i: number, s: string, f: number, e: number): void {
  const part = s.slice(f, e);
  if (last.text) {
    const offset = last.text.length + 1;
    last.text += ` ${part}`;
    last.range = span(last.range, rng(i, f, e));
    readRefItem(last, items, i, f, offset);
  } else {
    last.text = part;
    last.range = rng(i, f, e);
    readRefItem(last, items, i, f);
  }
}

function pushRef(items: Reference[], i: number, s: string, from: number, to: number, label: string | undefined, textAt = from): void {
  let end = to;
  while (end > textAt && (s.charCodeAt(end - 1) === Char.Semicolon || s.charCodeAt(end - 1) === Char.Comma || s.charCodeAt(end - 1) === Char.Space)) end--;
  // A label that ends the line (`B)`) is kept: its text is on the next line.
  if (end <= textAt && !label) return;
  if (end < textAt) end = textAt;
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
          items.push(r);
          readRefItem(r, items, i, ps);
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
  items.push(ref);
  readRefItem(ref, items, i, textAt);
}

/**
 * Reads the cables the item cites (citations.ts): the first is the item's own; each further one (`… AND
 * ALGIERS 140`, `STATE 188314, 259032`) is pushed as an unlabelled item after it, ranged over its own
 * words when they stand on line `line` at column `column` + their offset in the text from `offset`.
 */
function readRefItem(ref: Reference, items: Reference[], line: number, column: number, offset = 0): void {
  // Only an item read before (its text since extended) has these to forget; a delete costs a runtime
  // call even when there is nothing to delete.
  if (ref.origin !== undefined || ref.serial !== undefined || ref.year !== undefined || ref.cableId !== undefined) {
    delete ref.cableId;
    delete ref.origin;
    delete ref.serial;
    delete ref.year;
  }
  const cites = readCitations(ref.text);
  if (!cites.length) return;
  const [first, ...more] = cites;
  ref.origin = first.origin;
  ref.serial = first.serial;
  if (first.year !== undefined) ref.year = first.year;
  for (const c of more) {
    const text = ref.text.slice(c.from, c.to);
    const range = c.from >= offset ? rng(line, column + c.from - offset, column + c.to - offset) : ref.range;
    const extra: Reference = { range, text, origin: c.origin, serial: c.serial };
    if (c.year !== undefined) extra.year = c.year;
    items.push(extra);
  }
}
