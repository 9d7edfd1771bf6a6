/**
 * Lettered sub-paragraphs and bullets inside a numbered paragraph: `A.`, `(b)`, `iv)`, `2a.`, `3)`, `--`, `*`, `•`.
 * A sub-paragraph that starts a list item takes in the lines that wrap from it (at the 69- or 71-column cut,
 * unindented or indented), until the next label or bullet, a blank line followed by a line that does not
 * continue it, a rule, the next paragraph or the end of its paragraph.
 */
import type { Paragraph, SubParagraph } from '../../model.ts';
import { Char, codeAt, isAlnum, isDigit, isJsBlank, isLower, isNonAscii } from '../chars.ts';
import { rng } from '../range.ts';
import type { Line } from '../source.ts';
import type { ParseState } from '../state.ts';
import { readMarking } from '../markings.ts';
import { prefixEnd } from './index.ts';
import { isRuleLine } from './ruleLines.ts';

export const SUBPARA_RE = /^(¶ ?)?(\((?:[A-Za-z]|[ivx]{1,4}|\d{1,2})\)|[A-Za-z][.)]|[ivx]{1,4}[.)]|\d{1,2}(?:[a-z][.)]|\)))(?= )/;
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

/**
 * Whether the label labelAt found stands as one, given the paragraph's text line before it (`prevText`)
 * and whether a blank line came between. A number item (`2)`) stands only where a list begins (after a
 * blank line, a colon, a line that ends its sentence or another item) or goes on (after item `1)`): a
 * figure that running text wrapped onto a line start does not. A plain dash before a lower-case word on
 * a line that continues the sentence before it (`the minister added that his` / `-- his experience`) is
 * the sentence's dash, not a bullet.
 */
export function labelStands(state: ParseState, line: Line, label: Label, wasBlank: boolean, prevText: number): boolean {
  // Before the first paragraph a number item is left to the headings, as it always was.
  if (!state.body.paragraph) return !isNumberItem(label);
  if (wasBlank || prevText < 0 || state.body.openSub !== undefined || afterItem(state, prevText)) return true;
  if (isNumberItem(label)) return previousNumber(state) === Number(label.name) - 1 || !wrapsOnto(state, prevText);
  if (!isPlainDash(label)) return true;
  let p = label.at + label.text.length;
  while (codeAt(line.text, p) === Char.Space) p++;
  return !isLower(codeAt(line.text, p)) || !wrapsOnto(state, prevText);
}

/** `2)`: a number and a closing bracket, no letter and no opening bracket. */
function isNumberItem(label: Label): boolean {
  return isDigit(label.text.charCodeAt(0)) && !isLower(label.text.charCodeAt(label.text.length - 2));
}

/** `-`, `--`, `---` with no label run into them. */
function isPlainDash(label: Label): boolean {
  return label.name === '--' && label.text.charCodeAt(label.text.length - 1) === Char.Dash;
}

/** The number of the paragraph's last sub-paragraph when it is a number item (`1)`), or -1. */
function previousNumber(state: ParseState): number {
  const subs = state.body.paragraph?.subParagraphs;
  const last = subs?.[subs.length - 1];
  if (!last || !isDigit(last.label.charCodeAt(0))) return -1;
  return Number(last.label);
}

/** Whether text line `l` is the label line of the paragraph's last sub-paragraph. */
function afterItem(state: ParseState, l: number): boolean {
  const subs = state.body.paragraph?.subParagraphs;
  return subs !== undefined && subs.length > 0 && subs[subs.length - 1]!.labelRange.start.line === l;
}

/**
 * Adds the sub-paragraph the line opens with `label` to the paragraph; returns where its text starts.
 * `prevText` is the paragraph's text line before this one (page furniture between them left out).
 */
export function subParagraphLine(state: ParseState, line: Line, label: Label, wasBlank: boolean, prevText: number): number {
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
  const subs = state.body.paragraph!.subParagraphs;
  const follows = afterItem(state, prevText);
  subs.push(sub);
  // Only a sub-paragraph that starts a list item (after a break, another item, or a line that ends a
  // sentence or stands as a caption) takes in the lines after it: a dash or label-like word that running
  // text wrapped onto a line start (`-- which`, `(ref` / `E) that`) stays one line.
  const opens = wasBlank || follows || state.body.openSub !== undefined || sub.marking !== undefined || !wrapsOnto(state, prevText);
  state.body.openSub = opens ? sub : undefined;
  return p;
}

/**
 * A line at most this long that starts with a capital and ends in a word is a caption over a list
 * (`Annex`, `Key issues`), not running text.
 */
const CAPTION_MAX = 40;
/**
 * A line longer than this was never cut at the teleprinter's 69 or 71 columns (the archive's copies run
 * a paragraph onto one line): the line after it starts afresh unless the sentence runs on.
 */
const CUT_MAX = 100;

/**
 * Whether text line `l` runs on into the next line: it ends inside a sentence (in a word, a number, a
 * comma or a dash, or a quotation closed after one: `his "liberal,"`), and it is no caption. A line that
 * ends a sentence or a clause (`.`, `;`, `:`, `?`, `!`, a closing bracket) does not.
 */
export function wrapsOnto(state: ParseState, l: number): boolean {
  const source = state.source;
  if (l < 0 || source.isBlank(l)) return false;
  const a = source.first[l];
  let b = source.end[l] - 1;
  if (b - a < CAPTION_MAX && !isLower(source.code(l, a))) return false;
  let c = source.code(l, b);
  while (b > a && QUOTE_CLOSERS.has(c)) c = source.code(l, --b);
  return isAlnum(c) || c === Char.Comma || c === Char.Dash || (isNonAscii(c) && !isJsBlank(c));
}

/** Quotation marks that may close a line's last words. */
const QUOTE_CLOSERS = new Set<number>([Char.DoubleQuote, Char.Apostrophe, Char.RightSingleQuote, Char.RightDoubleQuote]);

/**
 * Whether the line after the sub-paragraph's last line may go on with it: that line was cut at the
 * column limit, or its sentence runs on.
 */
export function runsOnto(state: ParseState, sub: SubParagraph): boolean {
  const l = sub.range.end.line;
  return state.source.end[l] - state.source.first[l] <= CUT_MAX || wrapsOnto(state, l);
}

/**
 * Whether the line after a blank line goes on with the open sub-paragraph: the sub-paragraph's text
 * already wraps with a hanging indent (its last line stands deeper than its label), and the line stands
 * at that same indent (a second paragraph of a long item). Any other line starts afresh: the item's own
 * column or less is the text after the list, a deeper one a caption or an item of another kind.
 */
export function continuesAfterBlank(state: ParseState, sub: SubParagraph, line: Line): boolean {
  const last = sub.range.end.line;
  if (last === sub.labelRange.start.line) return false;
  const indent = state.source.first[last];
  return indent > sub.labelRange.start.character && line.start === indent;
}

/**
 * A paragraph's sub-paragraphs end where it ends: the signature, read once the text is done, cuts the
 * last paragraph short, and the last item with it.
 */
export function clampSubParagraphs(paragraphs: readonly Paragraph[]): void {
  for (const p of paragraphs) {
    const sub = p.subParagraphs[p.subParagraphs.length - 1];
    if (!sub) continue;
    const end = p.range.end;
    const over = sub.range.end.line > end.line || (sub.range.end.line === end.line && sub.range.end.character > end.character);
    if (over && end.line >= sub.range.start.line) sub.range = { start: sub.range.start, end };
  }
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
