/**
 * Shared by the structure-feature tests: fixture loading and the invariants every outline, folding and
 * selection answer must keep, whatever the cable (checked on synthetic cables and over the corpus).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DocumentSymbol, FoldingRange, Range, SelectionRange } from 'vscode-languageserver-types';
import { parseCable } from '../../server/src/service/parse.ts';
import type { CableDocument } from '../../server/src/service/model.ts';

export const repoRoot = join(__dirname, '..', '..');
export const featureFixtures = join(repoRoot, 'test', 'fixtures', 'cables-features');
export const seedPath = join(repoRoot, 'test', 'fixtures', 'seed', '09BRUSSELS995.cable');
export const corpusDir = join(repoRoot, '..', 'shared', 'corpus');

export function load(path: string): { text: string; model: CableDocument } {
  const text = readFileSync(path, 'utf8');
  return { text, model: parseCable(text) };
}

export const fixture = (name: string) => load(join(featureFixtures, name));
export const seed = () => load(seedPath);

/** The text a single-line range covers (multi-line ranges joined by newlines). */
export function textAt(model: CableDocument, r: Range): string {
  const out: string[] = [];
  for (let l = r.start.line; l <= r.end.line; l++) {
    const line = model.lines[l] ?? '';
    const s = l === r.start.line ? r.start.character : 0;
    const e = l === r.end.line ? r.end.character : line.length;
    out.push(line.slice(s, e));
  }
  return out.join('\n');
}

export function lineOf(model: CableDocument, needle: string, from = 0): number {
  const i = model.lines.findIndex((l, n) => n >= from && l.includes(needle));
  assert.ok(i >= 0, `fixture has a line with ${JSON.stringify(needle)}`);
  return i;
}

export function posOf(model: CableDocument, needle: string, offset = 0, fromLine = 0) {
  const line = lineOf(model, needle, fromLine);
  return { line, character: model.lines[line]!.indexOf(needle) + offset };
}

const cmp = (a: Range['start'], b: Range['start']) => a.line - b.line || a.character - b.character;
export const inside = (outer: Range, inner: Range) => cmp(outer.start, inner.start) <= 0 && cmp(inner.end, outer.end) <= 0;

export function assertInDocument(model: CableDocument, r: Range, what: string): void {
  for (const p of [r.start, r.end]) {
    assert.ok(p.line >= 0 && p.line < model.lines.length, `${what}: line ${p.line} inside the document`);
    assert.ok(p.character >= 0 && p.character <= model.lines[p.line]!.length, `${what}: character ${p.character} on line ${p.line}`);
  }
  assert.ok(cmp(r.start, r.end) <= 0, `${what}: start before end`);
}

/** Names present, selection inside range, children inside parents, all inside the document. */
export function assertSymbolTree(model: CableDocument, symbols: DocumentSymbol[], parent?: DocumentSymbol): void {
  for (const s of symbols) {
    assert.ok(s.name.trim().length > 0, 'symbol has a name');
    assertInDocument(model, s.range, `symbol ${s.name}`);
    assert.ok(inside(s.range, s.selectionRange), `selection of ${s.name} inside its range`);
    if (parent) assert.ok(inside(parent.range, s.range), `${s.name} inside its parent ${parent.name}`);
    if (s.children) assertSymbolTree(model, s.children, s);
  }
}

/** One range per start line, each ending after it starts, properly nested, inside the document. */
export function assertFolding(model: CableDocument, ranges: FoldingRange[]): void {
  const starts = new Set<number>();
  const open: FoldingRange[] = [];
  for (const r of ranges) {
    assert.ok(r.startLine >= 0 && r.endLine < model.lines.length, 'fold inside the document');
    assert.ok(r.endLine > r.startLine, 'fold spans lines');
    assert.ok(!starts.has(r.startLine), `one fold starts on line ${r.startLine}`);
    starts.add(r.startLine);
    while (open.length && open[open.length - 1]!.endLine < r.startLine) open.pop();
    const top = open[open.length - 1];
    if (top) assert.ok(r.endLine <= top.endLine, `fold ${r.startLine}-${r.endLine} nests in ${top.startLine}-${top.endLine}`);
    open.push(r);
  }
}

export function chainOf(sel: SelectionRange): Range[] {
  const out: Range[] = [];
  for (let s: SelectionRange | undefined = sel; s; s = s.parent) out.push(s.range);
  return out;
}

/** Each step strictly contains the one before, and the last is inside the document. */
export function assertChain(model: CableDocument, sel: SelectionRange): void {
  const chain = chainOf(sel);
  for (let i = 1; i < chain.length; i++) {
    assert.ok(inside(chain[i]!, chain[i - 1]!), 'each selection step contains the previous one');
    assert.ok(cmp(chain[i]!.start, chain[i - 1]!.start) !== 0 || cmp(chain[i]!.end, chain[i - 1]!.end) !== 0, 'and is larger');
  }
  for (const r of chain) assertInDocument(model, r, 'selection range');
}

export function flatten(symbols: DocumentSymbol[]): DocumentSymbol[] {
  return symbols.flatMap((s) => [s, ...flatten(s.children ?? [])]);
}
