/**
 * Smart selection (`textDocument/selectionRange`): from the word under the caret, outwards through every
 * element of the model that contains it (a DTG's day, the DTG, its line, the header; a portion marking,
 * the paragraph, the COMMENT block around it), to the header or body and the whole cable.
 *
 * The candidates are every range the model holds, found by walking it, so elements the parser learns to
 * recognise later take part without changes here. Ranges that cross the chain are skipped: each step
 * must strictly contain the previous one.
 */
import type { SelectionRange } from 'vscode-languageserver-types';
import { plainModel, type CableDocument, type Position, type Range } from '../model.ts';
import {
  clampPosition,
  comparePositions,
  containsPosition,
  containsRange,
  isRange,
  lineContentRange,
  rangesEqual,
} from './rangeMath.ts';
import { Char, isWordChar } from '../parse/chars.ts';

const modelRanges = new WeakMap<CableDocument, Range[]>();

/** Every range in the model (tokens, elements, redactions), collected once per model. */
function rangesOf(doc: CableDocument): Range[] {
  let list = modelRanges.get(doc);
  if (list) return list;
  list = [];
  const seen = new Set<object>();
  const walk = (v: unknown): void => {
    if (typeof v !== 'object' || v === null || seen.has(v)) return;
    seen.add(v);
    if (isRange(v)) {
      list!.push(v);
      return;
    }
    if (Array.isArray(v)) {
      for (const x of v) walk(x);
      return;
    }
    for (const [k, x] of Object.entries(v)) if (k !== 'lines') walk(x);
  };
  walk(plainModel(doc));
  modelRanges.set(doc, list);
  return list;
}

export function selectionRanges(doc: CableDocument, positions: Position[]): SelectionRange[] {
  const all = rangesOf(doc);
  return positions.map((p) => chainAt(doc, all, clampPosition(doc, p)));
}

function chainAt(doc: CableDocument, all: Range[], p: Position): SelectionRange {
  const candidates: Range[] = [];
  for (const r of all) if (containsPosition(r, p) && comparePositions(r.start, r.end) < 0) candidates.push(r);

  const line = doc.lines[p.line] ?? '';
  const word = spanAround(line, p.character, isWordChar);
  if (word) candidates.push({ start: { line: p.line, character: word[0] }, end: { line: p.line, character: word[1] } });
  const chunk = spanAround(line, p.character, (c) => !isSpace(c));
  if (chunk) candidates.push({ start: { line: p.line, character: chunk[0] }, end: { line: p.line, character: chunk[1] } });
  const content = lineContentRange(doc, p.line);
  if (containsPosition(content, p)) candidates.push(content);
  candidates.push({ start: { line: p.line, character: 0 }, end: { line: p.line, character: line.length } });

  const lastLine = Math.max(0, doc.lines.length - 1);
  const docEnd = { line: lastLine, character: doc.lines[lastLine]?.length ?? 0 };
  const body = Math.min(doc.bodyStartLine, lastLine);
  if (doc.bodyStartLine < doc.lines.length && p.line >= body) {
    candidates.push({ start: { line: body, character: 0 }, end: docEnd });
  }
  candidates.push({ start: { line: 0, character: 0 }, end: docEnd });

  candidates.sort((a, b) => size(a, b));
  let chain: SelectionRange | undefined;
  const steps: Range[] = [];
  for (const r of candidates) {
    const prev = steps[steps.length - 1];
    if (prev && (rangesEqual(prev, r) || !containsRange(r, prev))) continue;
    steps.push(r);
  }
  for (let i = steps.length - 1; i >= 0; i--) {
    const range = steps[i]!;
    chain = chain ? { range, parent: chain } : { range };
  }
  return chain ?? { range: { start: p, end: p } };
}

/** Orders ranges from the narrowest to the widest; a range inside another always sorts first. */
function size(a: Range, b: Range): number {
  const la = a.end.line - a.start.line;
  const lb = b.end.line - b.start.line;
  if (la !== lb) return la - lb;
  if (la === 0) return a.end.character - a.start.character - (b.end.character - b.start.character);
  // Same number of lines: the one that starts later or ends earlier is narrower.
  return comparePositions(b.start, a.start) || comparePositions(a.end, b.end);
}

function spanAround(line: string, ch: number, ok: (c: number) => boolean): [number, number] | undefined {
  let s = ch;
  let e = ch;
  while (s > 0 && ok(line.charCodeAt(s - 1))) s--;
  while (e < line.length && ok(line.charCodeAt(e))) e++;
  return e > s ? [s, e] : undefined;
}

function isSpace(c: number): boolean {
  return c === Char.Space || c === Char.Tab || c === Char.NoBreakSpace || c === Char.ByteOrderMark;
}
