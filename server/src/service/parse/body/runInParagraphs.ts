/**
 * Paragraph numbers the archive ran into the line before: `… on them. 4. (S/NF) When we …`. Such a number
 * is only looked for where the numbering says one is missing: when the next paragraph to open skips the
 * number (3, then 5: a `4.` inside paragraph 3), and after the last paragraph (its next number). A run-in
 * number follows the end of a sentence and carries a portion marking right after it (`N. (X)`); anything
 * less is a figure in running text (`… rose by 4. The …`).
 */
import type { Paragraph } from '../../model.ts';
import { Char, isDigit } from '../chars.ts';
import { rng } from '../range.ts';
import type { Line } from '../source.ts';
import type { ParseState } from '../state.ts';
import { readMarking } from '../markings.ts';
import { settleImplicitBlocks } from './blocks.ts';

/** Where a run-in number was found: its line, the pilcrow or number's column, and the number's columns. */
interface RunIn {
  line: Line;
  start: number;
  numStart: number;
  numEnd: number;
}

/**
 * Splits run-in paragraphs off the open paragraph, for the numbers after it up to (not including) `upTo`,
 * or for the next numbers when the text ends (`upTo` undefined). Each one found becomes the open paragraph.
 */
export function splitRunInParagraphs(state: ParseState, upTo: number | undefined): void {
  let p = state.body.paragraph;
  const lastLine = state.body.paragraphLastLine;
  while (p && (upTo === undefined || p.number.value + 1 < upTo)) {
    const hit = findRunIn(state, p, p.number.value + 1, lastLine);
    if (!hit) return;
    p = openRunIn(state, p, hit, lastLine);
  }
}

/** The first run-in `n.` after paragraph p's number and marking, on its lines up to `lastLine`. */
function findRunIn(state: ParseState, p: Paragraph, n: number, lastLine: number): RunIn | undefined {
  const needle = `${n}.`;
  const from = p.marking?.range.end ?? p.number.range.end;
  for (let l = from.line; l <= lastLine; l++) {
    const text = state.source.line(l);
    const line: Line = { index: l, text, start: state.source.first[l], end: state.source.end[l] };
    let k = text.indexOf(needle, l === from.line ? from.character : 0);
    while (k >= 0 && k < line.end) {
      const hit = runInAt(state, line, k, needle.length - 1);
      if (hit) return hit;
      k = text.indexOf(needle, k + 1);
    }
  }
  return undefined;
}

/** Whether the number of `digits` digits at column k of the line is a run-in paragraph number. */
function runInAt(state: ParseState, line: Line, k: number, digits: number): RunIn | undefined {
  const s = line.text;
  let start = k;
  if (s.charCodeAt(start - 1) === Char.Pilcrow) start--;
  else if (s.charCodeAt(start - 1) === Char.Space && s.charCodeAt(start - 2) === Char.Pilcrow) start -= 2;
  let b = start;
  while (b > line.start && s.charCodeAt(b - 1) === Char.Space) b--;
  if (b === start || b <= line.start || !endsSentence(s.charCodeAt(b - 1))) return undefined;
  let p = k + digits + 1;
  if (isDigit(s.charCodeAt(p))) return undefined;
  while (p < line.end && s.charCodeAt(p) === Char.Space) p++;
  if (s.charCodeAt(p) !== Char.OpenParen || !readMarking(state, line, p)) return undefined;
  return { line, start, numStart: k, numEnd: k + digits };
}

/** The characters a sentence ends with, before a run-in number: `.`, `?`, `!` and closing quotes. */
function endsSentence(c: number): boolean {
  return c === Char.Dot || c === Char.Question || c === Char.Exclamation || c === Char.DoubleQuote || c === Char.RightDoubleQuote || c === Char.RightSingleQuote;
}

/** Ends paragraph p before the run-in number and opens the run-in paragraph, which takes p's later sub-paragraphs. */
function openRunIn(state: ParseState, p: Paragraph, hit: RunIn, lastLine: number): Paragraph {
  const { line, start } = hit;
  const s = line.text;
  let cut = start;
  while (cut > line.start && s.charCodeAt(cut - 1) === Char.Space) cut--;
  p.range = { start: p.range.start, end: { line: line.index, character: cut } };
  settleImplicitBlocks(state, p.range);
  const q: Paragraph = {
    range: { start: { line: line.index, character: start }, end: { line: lastLine, character: state.source.end[lastLine] } },
    number: { text: s.slice(hit.numStart, hit.numEnd), range: rng(line.index, hit.numStart, hit.numEnd), value: Number(s.slice(hit.numStart, hit.numEnd)) },
    lead: '',
    subParagraphs: [],
  };
  if (start < hit.numStart) q.pilcrow = rng(line.index, start, start + 1);
  let m = hit.numEnd + 1;
  while (m < line.end && s.charCodeAt(m) === Char.Space) m++;
  const pm = readMarking(state, line, m);
  if (pm) {
    q.marking = pm.marking;
    m = pm.end;
    while (m < line.end && s.charCodeAt(m) === Char.Space) m++;
  }
  q.lead = leadOf(s, m, line.end);
  const moved = p.subParagraphs.findIndex((sp) => sp.labelRange.start.line > line.index);
  if (moved >= 0) q.subParagraphs = p.subParagraphs.splice(moved);
  state.doc.paragraphs.push(q);
  state.body.paragraph = q;
  return q;
}

/** The paragraph's first words, up to 80 characters (cut at a blank, with an ellipsis). */
export function leadOf(s: string, p: number, e: number): string {
  const max = 80;
  if (e - p <= max) return s.slice(p, e);
  const cut = s.lastIndexOf(' ', p + max);
  return `${s.slice(p, cut > p + 20 ? cut : p + max)}…`;
}
