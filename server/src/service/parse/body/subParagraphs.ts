/**
 * Lettered sub-paragraphs and bullets inside a numbered paragraph: `A.`, `(b)`, `iv)`, `2a.`, `--`, `*`, `•`.
 * A sub-paragraph that starts a list (after a blank line, a colon or another item) takes in the lines that
 * wrap from it.
 */
import type { SubParagraph } from '../../model.ts';
import { Char, isDigit } from '../chars.ts';
import { rng } from '../range.ts';
import type { Line } from '../source.ts';
import type { ParseState } from '../state.ts';
import { readMarking } from '../markings.ts';
import { prefixEnd } from './index.ts';
import { isRuleLine } from './ruleLines.ts';

export const SUBPARA_RE = /^(¶ ?)?(\((?:[A-Za-z]|[ivx]{1,4}|\d{1,2})\)|[A-Za-z][.)]|[ivx]{1,4}[.)]|\d{1,2}[a-z][.)])(?= )/;
/** A bullet: dashes, a star, a dot or `o`; dashes may run into a label (`--6)`, `-a.`). */
export const BULLET_RE = /^(-{1,3}(?:\d{1,2}[.)]|[A-Za-z][.)])?|[*•o])(?= )/;

/** A label that opens a line: the label as written, the column it starts at, and its name (`b`, `iv`, `--`). */
export interface Label {
  text: string;
  at: number;
  name: string;
}

/**
 * Whether SUBPARA_RE or BULLET_RE can match a line whose first two characters are `a`, `b`: a `(`, `¶`,
 * dash or digit first; a one-letter label (`b.`, `C)`); two Roman-numeral letters (`iv.`); or a bullet
 * character before a blank.
 */
export function opensLabel(a: number, b: number): boolean {
  if (a === Char.OpenParen || a === Char.Pilcrow || a === Char.Dash || isDigit(a) || b === Char.Dot || b === Char.CloseParen) return true;
  if ((a === Char.i || a === Char.v || a === Char.x) && (b === Char.i || b === Char.v || b === Char.x)) return true;
  return (a === Char.Asterisk || a === Char.Bullet || a === Char.o) && b === Char.Space;
}

/**
 * The sub-paragraph label or bullet the line opens with, if any. Both need a space within the first
 * seven characters (after the label), and a label ends in `.` or `)` right before that space (or is a
 * pilcrow and its space): most running text skips the regex, and most of it the search for the space too
 * (opensLabel).
 */
export function labelAt(state: ParseState, line: Line): Label | undefined {
  const gate = labelGate(state.source.text, state.source.starts[line.index] + line.start, line.end - line.start);
  if (gate === LabelGate.None) return undefined;
  let sm = gate & LabelGate.SubParagraph ? SUBPARA_RE.exec(line.text.slice(line.start, prefixEnd(line))) : null;
  // `(C) …`, `(S) …`, `(U) …` open an unnumbered marked paragraph, not a lettered item, unless the item
  // before was (B), (R) or (T).
  if (sm && /^\([CSU]\)$/.test(sm[2])) {
    const subs = state.body.paragraph?.subParagraphs;
    const prev = subs?.[subs.length - 1]?.label;
    if (prev !== String.fromCharCode(sm[2].charCodeAt(1) - 1)) sm = null;
  }
  if (sm) {
    const text = sm[2];
    return { text, at: line.start + (sm[1] ? sm[1].length : 0), name: text.charCodeAt(0) === Char.OpenParen ? text.slice(1, -1) : text.slice(0, -1) };
  }
  const bm = gate & LabelGate.Bullet ? BULLET_RE.exec(line.text.slice(line.start, prefixEnd(line))) : null;
  // A spaced rule (`- - - - -`) opens with what a bullet does.
  if (!bm || isRuleLine(line.text, line.start, line.end)) return undefined;
  return { text: bm[1], at: line.start, name: '--' };
}

/** Adds the sub-paragraph the line opens with `label` to the paragraph; returns where its text starts. */
export function subParagraphLine(state: ParseState, line: Line, label: Label, wasBlank: boolean): number {
  const { index: i, text: s, end: e } = line;
  const sub: SubParagraph = {
    range: rng(i, line.start, e),
    // A label's brackets and dot stand only around it or after it (`(a)`, `b.`, `iv)`).
    label: label.name,
    labelRange: rng(i, label.at, label.at + label.text.length),
  };
  let p = label.at + label.text.length;
  while (p < e && s.charCodeAt(p) === Char.Space) p++;
  if (s.charCodeAt(p) === Char.OpenParen) {
    const pm = readMarking(state, line, p);
    if (pm) {
      sub.marking = pm.marking;
      p = pm.end;
    }
  }
  state.body.paragraph!.subParagraphs.push(sub);
  // Only a sub-paragraph that starts a list (after a break, a colon or another item) takes in the
  // lines after it: a label-like word that running text wrapped onto a line start (`-- which`,
  // `E) that`) stays one line.
  const source = state.source;
  const afterColon = i > 0 && !source.isBlank(i - 1) && source.code(i - 1, source.end[i - 1] - 1) === Char.Colon;
  state.body.openSub = wasBlank || state.body.openSub !== undefined || afterColon ? sub : undefined;
  return p;
}

/** What labelGate lets through: the regexes that may match. */
export const enum LabelGate {
  None = 0,
  SubParagraph = 1,
  Bullet = 2,
}

/**
 * Which of SUBPARA_RE and BULLET_RE can match the `n` characters of `src` from `at` (the first not a
 * blank). Both need a blank within the first eight characters (after the label); a sub-paragraph label ends
 * in `.` or `)` right before it (or is a pilcrow and its blank), a bullet is one to three characters.
 */
export function labelGate(src: string, at: number, n: number): number {
  const c0 = src.charCodeAt(at);
  const sp = opensLabel(c0, n > 1 ? src.charCodeAt(at + 1) : Char.EndOfText) ? labelSpace(src, at, n) : -1;
  if (sp < 1) return LabelGate.None;
  const before = src.charCodeAt(at + sp - 1);
  let gate = LabelGate.None;
  if (before === Char.Dot || before === Char.CloseParen || before === Char.Pilcrow) gate |= LabelGate.SubParagraph;
  if (sp <= 3 && (c0 === Char.Dash || c0 === Char.Asterisk || c0 === Char.Bullet || c0 === Char.o)) gate |= LabelGate.Bullet;
  // Dashes run into a label (`--6)`) before the blank.
  if (c0 === Char.Dash && sp <= 6 && (before === Char.Dot || before === Char.CloseParen)) gate |= LabelGate.Bullet;
  return gate;
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
