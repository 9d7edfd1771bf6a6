/**
 * The features over a file of several cables (sequence.ts): each feature reads one cable's model, whose
 * positions count from that cable's first line, so a request about a position is answered by the cable
 * that holds it, and a request about the whole file by every cable in turn, its answer moved down to
 * where the cable stands in the file. A file of one cable, the usual case, is passed through untouched.
 *
 * The outline gives each cable a node of its own (its id, else its subject), with that cable's header,
 * heading and paragraphs under it, and folding gives each cable a range, so one cable at a time can be
 * read in a file of hundreds.
 */
import { SymbolKind, type Diagnostic, type DocumentSymbol, type FoldingRange, type Position, type Range } from 'vscode-languageserver-types';
import type { CableDocument } from '../model.ts';
import type { CableSettings } from '../settings.ts';
import type { Fix, TagDictionary } from '../rules/common.ts';
import { computeDiagnostics, computeFindings, type DiagnosticsOptions, type RuleFinding } from '../diagnostics.ts';
import type { CableFile, CablePart } from '../sequence.ts';
import { documentSymbols } from './symbols.ts';
import { foldingRanges } from './folding.ts';
import { lastContentLine, shorten } from './rangeMath.ts';

/** Whether `v` is an LSP position (a plain `{ line, character }`). */
function isPosition(v: object): v is Position {
  const p = v as Partial<Position>;
  return typeof p.line === 'number' && typeof p.character === 'number' && Object.keys(v).length === 2;
}

/**
 * A copy of `value` with every position in it `lines` further down. Only for answers whose positions are
 * all in this document (hovers, completions, highlights, symbols, diagnostics, edits of this file).
 * Models' ranges are shared with the cache, so nothing is changed in place.
 */
export function shiftRanges<T>(value: T, lines: number): T {
  if (lines === 0) return value;
  const shift = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(shift);
    if (v === null || typeof v !== 'object') return v;
    if (isPosition(v)) return { line: v.line + lines, character: v.character };
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = shift(x);
    return out;
  };
  return shift(value) as T;
}

/** The cable that holds file line `line`. */
export function partAtLine(file: CableFile, line: number): CablePart {
  const parts = file.parts;
  let lo = 0;
  let hi = parts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (parts[mid]!.line <= line) lo = mid;
    else hi = mid - 1;
  }
  return parts[lo]!;
}

/** `position` as the cable that holds it counts. */
export function localPosition(part: CablePart, position: Position): Position {
  return part.line === 0 ? position : { line: position.line - part.line, character: position.character };
}

/** `range` as the cable starting at `part.line` counts (clipped to it). */
export function localRange(part: CablePart, range: Range): Range {
  if (part.line === 0) return range;
  const at = (p: Position): Position => (p.line < part.line ? { line: 0, character: 0 } : { line: p.line - part.line, character: p.character });
  return { start: at(range.start), end: at(range.end) };
}

/**
 * A request about one position, answered by the cable that holds it: `f` reads that cable's model and a
 * position within it; its answer's positions are moved back into the file.
 */
export function atPosition<R>(file: CableFile, position: Position, f: (model: CableDocument, position: Position, part: CablePart) => R): R {
  const part = partAtLine(file, position.line);
  return shiftRanges(f(part.model, localPosition(part, position), part), part.line);
}

/** A request about the whole file: `f` for every cable, the answers moved into the file and joined. */
export function everyCable<T>(file: CableFile, f: (model: CableDocument, part: CablePart, index: number) => T[]): T[] {
  if (file.parts.length === 1) return f(file.parts[0]!.model, file.parts[0]!, 0);
  return file.parts.flatMap((part, k) => shiftRanges(f(part.model, part, k), part.line));
}

/** The lines a cable spans in the file, first to last character. */
export function cableRange(part: CablePart): Range {
  const { lines, lineCount } = part.model;
  const last = Math.max(0, lineCount - 1);
  return { start: { line: part.line, character: 0 }, end: { line: part.line + last, character: lines[last]?.length ?? 0 } };
}

/** What a cable is called in the outline: its id, else its subject, else its place in the file. */
export function cableName(model: CableDocument, index: number): string {
  return model.identity.id ?? (model.subject?.text ? shorten(model.subject.text, 80) : `Cable ${index + 1}`);
}

/** The outline: a file of one cable as the cable's own outline; of several, one node per cable. */
export function fileSymbols(file: CableFile): DocumentSymbol[] {
  if (file.parts.length === 1) return documentSymbols(file.parts[0]!.model);
  return file.parts.map((part, k): DocumentSymbol => {
    const model = part.model;
    const range = cableRange(part);
    const firstLine: Range = { start: range.start, end: { line: part.line, character: model.lines[0]?.length ?? 0 } };
    const detail = model.identity.id && model.subject?.text ? shorten(model.subject.text, 120) : `cable ${k + 1} of ${file.parts.length}`;
    return { name: cableName(model, k), detail, kind: SymbolKind.Module, range, selectionRange: firstLine, children: shiftRanges(documentSymbols(model), part.line) };
  });
}

/** Folding: each cable's own ranges, and one range per cable when the file holds several. */
export function fileFoldingRanges(file: CableFile, rangeLimit?: number): FoldingRange[] {
  if (file.parts.length === 1) return foldingRanges(file.parts[0]!.model, rangeLimit);
  const out: FoldingRange[] = [];
  for (const part of file.parts) {
    // The cable's fold ends on its last line of text, not on the blank lines before the next cable.
    const lastLine = part.model.lineCount - 1;
    const end = part.line + lastContentLine(part.model, { start: { line: 0, character: 0 }, end: { line: lastLine, character: part.model.lines[lastLine]?.length ?? 0 } });
    if (end > part.line) out.push({ startLine: part.line, endLine: end });
    // One range per start line (editors keep one): the cable's own range wins over its header's.
    for (const f of foldingRanges(part.model)) {
      if (f.startLine > 0) out.push({ ...f, startLine: f.startLine + part.line, endLine: f.endLine + part.line });
    }
  }
  return rangeLimit !== undefined && out.length > rangeLimit ? out.slice(0, rangeLimit) : out;
}

/** The characters of the whole file (each line end counted as one), as `cable.maxFileSize` measures it. */
export function fileSize(file: CableFile): number {
  let size = 0;
  for (const part of file.parts) size += part.model.size;
  return size + file.parts.length - 1;
}

/**
 * What each cable of a file is checked with: a file over `cable.maxFileSize` skips the costly rules in
 * every cable, as it would were it one cable, and the file name dates or names only the first cable.
 */
function checksOf(file: CableFile, settings: CableSettings, options: DiagnosticsOptions): (index: number) => { settings: CableSettings; options: DiagnosticsOptions } {
  const each = fileSize(file) > settings.maxFileSize ? { ...settings, maxFileSize: 0 } : settings;
  const later = { ...options, uri: '' };
  return (k) => ({ settings: each, options: k === 0 ? options : later });
}

/**
 * The checks, cable by cable: each cable's rules see that cable only (its TAGS, its banners), and what
 * they find is placed in the file (checksOf says with which settings).
 */
export function fileDiagnostics(file: CableFile, settings: CableSettings, dict: TagDictionary, uri?: string, options: DiagnosticsOptions = {}): Diagnostic[] {
  if (file.parts.length === 1) return computeDiagnostics(file.parts[0]!.model, settings, dict, uri, options);
  const checks = checksOf(file, settings, options);
  return everyCable(file, (model, _part, k) => computeDiagnostics(model, checks(k).settings, dict, uri, checks(k).options));
}

/**
 * The findings of every cable of the file, with their fixes, placed in the file: what "Fix all" applies
 * in one edit. The same checks as fileDiagnostics, so the fixes answer the diagnostics shown.
 */
export function fileFindings(file: CableFile, settings: CableSettings, dict: TagDictionary, uri: string): RuleFinding[] {
  if (file.parts.length === 1) return computeFindings(file.parts[0]!.model, settings, dict, { uri });
  return file.parts.flatMap((part) => partFindings(file, part, settings, dict, uri));
}

/** The findings of one cable of the file, placed in the file. */
export function partFindings(file: CableFile, part: CablePart, settings: CableSettings, dict: TagDictionary, uri: string): RuleFinding[] {
  const checks = checksOf(file, settings, { uri })(file.parts.indexOf(part));
  return moveFindings(computeFindings(part.model, checks.settings, dict, checks.options), part.line);
}

/**
 * Findings `lines` further down: their ranges, related places and fixes. A fix that several findings
 * share (one renumbering for every misnumbered paragraph) stays one fix, so it is applied once.
 */
export function moveFindings(findings: readonly RuleFinding[], lines: number): RuleFinding[] {
  if (lines === 0) return [...findings];
  const moved = new Map<Fix, Fix>();
  const moveFix = (fix: Fix): Fix => {
    let m = moved.get(fix);
    if (!m) {
      m = { ...fix, edits: fix.edits.map((e) => ({ ...e, range: shiftRanges(e.range, lines) })) };
      moved.set(fix, m);
    }
    return m;
  };
  return findings.map((f) => {
    const out: RuleFinding = { ...f, range: shiftRanges(f.range, lines) };
    if (f.related) out.related = f.related.map((r) => ({ ...r, range: shiftRanges(r.range, lines) }));
    if (f.fix) out.fix = moveFix(f.fix);
    return out;
  });
}
