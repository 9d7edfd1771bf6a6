/**
 * Position and range arithmetic shared by the structure features (outline, folding, selection ranges,
 * highlights, links). Everything is in LSP coordinates: 0-based lines, UTF-16 character offsets.
 */
import type { Position, Range } from 'vscode-languageserver-types';
import type { CableDocument } from '../model.ts';
import { Char } from '../parse/chars.ts';

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

export function containsPosition(r: Range, p: Position): boolean {
  return comparePositions(r.start, p) <= 0 && comparePositions(p, r.end) <= 0;
}

export function containsRange(outer: Range, inner: Range): boolean {
  return comparePositions(outer.start, inner.start) <= 0 && comparePositions(inner.end, outer.end) <= 0;
}

export function rangesEqual(a: Range, b: Range): boolean {
  return comparePositions(a.start, b.start) === 0 && comparePositions(a.end, b.end) === 0;
}

export function union(a: Range, b: Range): Range {
  return {
    start: comparePositions(a.start, b.start) <= 0 ? a.start : b.start,
    end: comparePositions(a.end, b.end) >= 0 ? a.end : b.end,
  };
}

export function isRange(v: unknown): v is Range {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as { start?: { line?: unknown; character?: unknown }; end?: { line?: unknown; character?: unknown } };
  return (
    typeof r.start?.line === 'number' &&
    typeof r.start.character === 'number' &&
    typeof r.end?.line === 'number' &&
    typeof r.end.character === 'number'
  );
}

/** Moves a position onto the text, so a feature never hands the editor a range outside the document. */
export function clampPosition(doc: CableDocument, p: Position): Position {
  const last = Math.max(0, doc.lines.length - 1);
  const line = Math.min(Math.max(0, p.line), last);
  const len = doc.lines[line]?.length ?? 0;
  return { line, character: Math.min(Math.max(0, p.character), len) };
}

export function clampRange(doc: CableDocument, r: Range): Range {
  const start = clampPosition(doc, r.start);
  const end = clampPosition(doc, r.end);
  return comparePositions(start, end) <= 0 ? { start, end } : { start: end, end: start };
}

/** The range of a line's text without its leading and trailing blanks (empty at column 0 for a blank line). */
export function lineContentRange(doc: CableDocument, line: number): Range {
  const text = doc.lines[line] ?? '';
  let s = 0;
  while (s < text.length && isBlank(text.charCodeAt(s))) s++;
  let e = text.length;
  while (e > s && isBlank(text.charCodeAt(e - 1))) e--;
  if (s === e) return { start: { line, character: 0 }, end: { line, character: 0 } };
  return { start: { line, character: s }, end: { line, character: e } };
}

export function isBlankLine(doc: CableDocument, line: number): boolean {
  const text = doc.lines[line] ?? '';
  for (let i = 0; i < text.length; i++) if (!isBlank(text.charCodeAt(i))) return false;
  return true;
}

function isBlank(c: number): boolean {
  // Space, tab, NBSP, BOM: what the corpus pads lines with.
  return c === Char.Space || c === Char.Tab || c === Char.NoBreakSpace || c === Char.ByteOrderMark || c === Char.VerticalTab || c === Char.FormFeed;
}

/**
 * The last line that really belongs to an element: a range ending at column 0 stops before that line,
 * and trailing blank lines are not part of what the reader sees as the element.
 */
export function lastContentLine(doc: CableDocument, r: Range): number {
  let end = r.end.line;
  if (r.end.character === 0 && end > r.start.line) end--;
  end = Math.min(end, doc.lines.length - 1);
  while (end > r.start.line && isBlankLine(doc, end)) end--;
  return end;
}

/** The text of a single-line range, or undefined when it spans lines. */
export function textOf(doc: CableDocument, r: Range): string | undefined {
  if (r.start.line !== r.end.line) return undefined;
  return doc.lines[r.start.line]?.slice(r.start.character, r.end.character);
}

/** Collapses runs of blanks and cuts long text at a word boundary, for outline names and details. */
export function shorten(text: string, max = 60): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  const sp = cut.lastIndexOf(' ');
  let head = sp > max / 2 ? cut.slice(0, sp) : cut;
  while (head.length > 0 && ' ,;:.-'.includes(head[head.length - 1]!)) head = head.slice(0, -1);
  return `${head}…`;
}
