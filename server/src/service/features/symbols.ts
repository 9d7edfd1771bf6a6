/**
 * The outline (`textDocument/documentSymbol`): header, banner and captions, E.O., TAGS, subject,
 * references, Classified By, numbered paragraphs with their sub-paragraphs, SUMMARY/COMMENT blocks,
 * headings and the signature.
 *
 * Each symbol's range covers the whole element and its selection range the number or keyword, so the
 * breadcrumbs and "follow cursor" find the element under the caret. Body elements are nested by
 * containment rather than by kind, because real cables nest them every way: a SUMMARY inside
 * paragraph 1, a COMMENT spanning paragraphs 5 to 7, a heading inside a paragraph.
 */
import { SymbolKind, type DocumentSymbol, type SymbolInformation } from 'vscode-languageserver-types';
import type { Addressee, CableDocument, PortionMarking, Range } from '../model.ts';
import {
  clampRange,
  comparePositions,
  lineContentRange,
  shorten,
  textOf,
  union,
} from './rangeMath.ts';
import { outlineSections } from './outlineSections.ts';

const PRECEDENCE: Record<string, string> = { Z: 'FLASH', O: 'IMMEDIATE', P: 'PRIORITY', R: 'ROUTINE', Y: 'EMERGENCY' };

const BLOCK_NAMES: Record<string, string> = {
  summary: 'SUMMARY',
  comment: 'COMMENT',
  text: 'TEXT',
  quote: 'QUOTE',
  introduction: 'INTRODUCTION',
  'action-request': 'ACTION REQUEST',
};

/** Ties between elements with the same range: the first listed becomes the parent. */
const RANK = { section: 0, paragraph: 1, block: 2, sub: 3, heading: 4, other: 5 } as const;

interface Node {
  sym: DocumentSymbol;
  rank: number;
  /**
   * Where a paragraph run into the line before starts on its line (0 for everything else): it sorts
   * after what starts that line, the paragraph it was run into among them.
   */
  column: number;
}

export function documentSymbols(doc: CableDocument): DocumentSymbol[] {
  const make = symbolMaker(doc);
  const nodes: Node[] = [];
  const push: Push = (sym, rank = RANK.other, column = 0) => {
    if (sym) nodes.push({ sym, rank, column });
  };
  push(headerSymbol(doc, make));
  headingSymbols(doc, make, push);
  bodySymbols(doc, make, push);
  return nest(nodes);
}

type Push = (sym: DocumentSymbol | undefined, rank?: number, column?: number) => void;

/** A symbol from the parser's ranges, clamped to the text, its range widened to hold its selection and children. */
function symbolMaker(doc: CableDocument): Make {
  return (
    name: string,
    detail: string | undefined,
    kind: SymbolKind,
    range: Range,
    selection: Range | undefined,
    children?: DocumentSymbol[],
  ): DocumentSymbol => {
    let full = clampRange(doc, range);
    const sel = selection ? clampRange(doc, selection) : { start: full.start, end: full.start };
    // VS Code rejects a symbol whose selection range lies outside its range, and the parser's ranges
    // for a keyword and its element come from different places.
    full = union(full, sel);
    const sym: DocumentSymbol = { name: nonEmpty(name, 'element'), kind, range: full, selectionRange: sel };
    const d = detail?.replace(/\s+/g, ' ').trim();
    if (d) sym.detail = d;
    if (children?.length) {
      for (const c of children) sym.range = union(sym.range, c.range);
      sym.children = children;
    }
    return sym;
  };
}

/** The banner, captions and the heading's keyword lines (E.O., TAGS, SUBJECT, REF, Classified By). */
function headingSymbols(doc: CableDocument, make: Make, push: Push): void {
  if (doc.banner) {
    const b = doc.banner;
    const line = b.range.start.line;
    const rest = (doc.lines[line] ?? '').slice(b.classification.range.end.character);
    push(make(b.classification.text.trim(), rest, SymbolKind.Constant, b.range, b.classification.range));
  }
  // Captions belong to the heading; a SIPDIS inside or between paragraphs is a conversion artifact.
  const firstParagraph = doc.paragraphs[0]?.range.start.line ?? Infinity;
  for (const c of doc.captions) {
    if (c.inline || c.range.start.line >= firstParagraph) continue;
    push(make(c.token.text.trim() || c.name, 'caption', SymbolKind.EnumMember, c.range, c.token.range));
  }
  if (doc.eo) {
    const eo = doc.eo;
    const name = eo.order ? `E.O. ${eo.order.value}` : 'E.O.';
    const sel = eo.order ? { start: eo.range.start, end: eo.order.range.end } : lineContentRange(doc, eo.range.start.line);
    push(make(name, eo.instruction?.text, SymbolKind.Property, eo.range, sel));
  }
  if (doc.tags) {
    const t = doc.tags;
    const codes = t.tags.map((x) => x.code).join(' ');
    push(make(stripColon(t.keyword.text) || 'TAGS', codes, SymbolKind.Property, t.range, t.keyword.range));
  }
  if (doc.subject) {
    const s = doc.subject;
    const detail = s.marking ? `SUBJECT ${s.marking.text}` : 'SUBJECT';
    push(make(shorten(s.text, 200) || 'SUBJECT', detail, SymbolKind.String, s.range, s.keyword.range));
  }
  for (const block of doc.references) {
    const items = block.items.map((item) =>
      make(
        shorten(item.label ? `${item.label}. ${item.text}` : item.text, 80) || 'reference',
        item.cableId,
        SymbolKind.File,
        item.range,
        item.range,
      ),
    );
    const keyword = stripColon(block.keyword.text) || 'REF';
    push(make(keyword, items.length === 1 ? undefined : `${items.length} items`, SymbolKind.Package, block.range, block.keyword.range, items));
  }
  if (doc.classifiedBy) {
    const c = doc.classifiedBy;
    push(make(stripColon(c.keyword.text) || 'Classified By', c.authority?.text, SymbolKind.Property, c.range, c.keyword.range));
  }
}

/** Paragraphs and their sub-paragraphs, blocks, headings and the signature. */
function bodySymbols(doc: CableDocument, make: Make, push: Push): void {
  const captionLines = new Set(doc.captions.map((c) => c.range.start.line));
  // A heading on a block's first line (`Summary`) is that block's keyword: the block stands for it.
  const blockLines = new Set(doc.blocks.map((b) => b.start.range.start.line));
  const { sections, paragraphEnds } = outlineSections(doc, captionLines, blockLines);
  for (const p of doc.paragraphs) {
    const start = p.pilcrow ?? p.number.range;
    const markingOnLine = p.marking && p.marking.range.start.line === start.start.line ? p.marking : undefined;
    const sel = markingOnLine ? union(start, markingOnLine.range) : union(start, p.number.range);
    const column = (doc.lines[start.start.line] ?? '').slice(0, start.start.character).trim() ? start.start.character : 0;
    const range = paragraphEnds.get(p) ?? p.range;
    push(make(`${p.number.value}.${markingName(p.marking)}`, shorten(p.lead), SymbolKind.String, range, sel), RANK.paragraph, column);
    for (const sp of p.subParagraphs) {
      const written = textOf(doc, sp.labelRange)?.trim();
      const label = written || (sp.label === '--' ? '--' : `${sp.label}.`);
      const after = sp.marking && sp.marking.range.start.line === sp.labelRange.start.line ? sp.marking.range.end : sp.labelRange.end;
      const lead = (doc.lines[after.line] ?? '').slice(after.character);
      const sel = sp.marking && sp.marking.range.start.line === sp.labelRange.start.line ? union(sp.labelRange, sp.marking.range) : sp.labelRange;
      push(make(`${label}${markingName(sp.marking)}`, shorten(lead), SymbolKind.String, sp.range, sel), RANK.sub);
    }
  }
  for (const b of doc.blocks) {
    const name = BLOCK_NAMES[b.kind] ?? b.kind.toUpperCase();
    // Where an unterminated block stops is the parser's guess; as a parent it would swallow the rest of
    // the outline, so it covers its first line only.
    const range = b.end ? b.range : lineContentRange(doc, b.start.range.start.line);
    push(make(name, b.end ? undefined : 'no end marker', SymbolKind.Namespace, range, b.start.range), RANK.block);
  }
  const sectionHeadings = new Set(sections.map((x) => x.heading));
  for (const { heading: h, range } of sections) {
    push(make(shorten(h.title, 80) || h.text.trim(), 'heading', SymbolKind.String, range, h.range), RANK.section);
  }
  for (const h of doc.headings) {
    if (sectionHeadings.has(h)) continue;
    if (captionLines.has(h.range.start.line)) continue; // a lone SIPDIS line is a caption, not a heading
    if (blockLines.has(h.range.start.line) && lineOnly(h.range)) continue;
    push(make(shorten(h.title, 80) || h.text.trim(), 'heading', SymbolKind.String, h.range, h.range), RANK.heading);
  }
  if (doc.signature) {
    const s = doc.signature;
    push(make(s.text.trim() || s.names.join(' '), 'signature', SymbolKind.Constant, s.range, s.range));
  }
}

/**
 * Nests nodes by line containment: a node whose lines lie within another's becomes its child (the
 * parser's ranges for a block and a paragraph may differ by the final full stop, which must not decide
 * the outline). A node overlapping its predecessor without fitting in it stays a sibling. Parents are
 * then widened to cover their children, so every child range lies inside its parent's.
 */
function nest(nodes: Node[]): DocumentSymbol[] {
  nodes.sort(
    (a, b) =>
      a.sym.range.start.line - b.sym.range.start.line ||
      a.column - b.column ||
      b.sym.range.end.line - a.sym.range.end.line ||
      a.rank - b.rank ||
      comparePositions(a.sym.range.start, b.sym.range.start) ||
      comparePositions(b.sym.range.end, a.sym.range.end),
  );
  const roots: DocumentSymbol[] = [];
  const stack: Node[] = [];
  for (const node of nodes) {
    const { sym } = node;
    // Paragraphs never hold paragraphs: one run into the last line of another shares that line.
    while (stack.length && !holds(stack[stack.length - 1]!, node)) stack.pop();
    const parent = stack[stack.length - 1]?.sym;
    if (parent) (parent.children ??= []).push(sym);
    else roots.push(sym);
    stack.push(node);
  }
  sortChildren(roots);
  for (const r of roots) widen(r);
  return roots;
}

function holds(outer: Node, inner: Node): boolean {
  if (outer.rank === RANK.paragraph && inner.rank === RANK.paragraph) return false;
  return linesContain(outer.sym.range, inner.sym.range);
}

function lineOnly(r: Range): boolean {
  return r.start.line === r.end.line;
}

function linesContain(outer: Range, inner: Range): boolean {
  return outer.start.line <= inner.start.line && inner.end.line <= outer.end.line;
}

function widen(sym: DocumentSymbol): void {
  for (const c of sym.children ?? []) {
    widen(c);
    sym.range = union(sym.range, c.range);
  }
}

function sortChildren(list: DocumentSymbol[]): void {
  list.sort((a, b) => comparePositions(a.range.start, b.range.start) || comparePositions(b.range.end, a.range.end));
  for (const s of list) if (s.children) sortChildren(s.children);
}

type Make = (
  name: string,
  detail: string | undefined,
  kind: SymbolKind,
  range: Range,
  selection: Range | undefined,
  children?: DocumentSymbol[],
) => DocumentSymbol;

function headerSymbol(doc: CableDocument, make: Make): DocumentSymbol | undefined {
  const h = doc.header;
  const kids: DocumentSymbol[] = [];
  if (h.transmissionId) {
    const t = h.transmissionId;
    kids.push(make(t.text.trim(), 'transmission', SymbolKind.Key, t.range, t.range));
  }
  if (h.routing) {
    const r = h.routing;
    kids.push(make(r.precedence.text, r.indicators.map((i) => i.text).join(' '), SymbolKind.Key, r.range, r.precedence.range));
  }
  if (h.de) {
    const de = h.de;
    const detail = [de.station.text, de.serial ? `#${de.serial.text.replace(/^#/, '')}` : '', de.filingTime?.text ?? ''].join(' ');
    kids.push(make('DE', detail, SymbolKind.Key, de.range, lineKeyword(doc, de.range, de.station.range)));
  }
  if (h.security) {
    const s = h.security;
    kids.push(make(s.signal.text, [s.letters.text, s.rest?.text ?? ''].join(' '), SymbolKind.Key, s.range, s.signal.range));
  }
  if (h.partialExtract) {
    const p = h.partialExtract;
    kids.push(make('Partial extract', p.dtg?.text, SymbolKind.Key, p.range, lineContentRange(doc, p.range.start.line)));
  }
  if (h.receivingCopy && h.receivingCopy.lines.length) {
    const rc = h.receivingCopy;
    kids.push(make('Receiving copy', shorten(rc.lines[0]!.text), SymbolKind.Key, rc.range, rc.lines[0]!.range));
  }
  if (h.dtgLine) {
    const d = h.dtgLine;
    const prec = d.precedence.map((p) => PRECEDENCE[p.value] ?? p.text).join(' ');
    const name = d.dtg?.text.trim() || (textOf(doc, lineContentRange(doc, d.range.start.line)) ?? '').trim();
    kids.push(make(name || 'DTG', prec, SymbolKind.Event, d.range, d.dtg?.range ?? d.precedence[0]?.range));
  }
  const addressees = (list: Addressee[], keyword: string) => {
    for (const a of list) {
      const detail = [a.name.text, a.precedence?.text ?? ''].join(' ');
      kids.push(make(keyword, detail, SymbolKind.Field, a.range, lineKeyword(doc, a.range, a.name.range)));
    }
  };
  if (h.from) addressees([h.from], 'FM');
  addressees(h.to, 'TO');
  addressees(h.info, 'INFO');
  addressees(h.xmt, 'XMT');
  if (!h.range && kids.length === 0) return undefined;

  let range = h.range ?? kids[0]!.range;
  for (const k of kids) range = union(range, k.range);
  kids.sort((a, b) => comparePositions(a.range.start, b.range.start));
  const first = kids[0]?.selectionRange ?? lineContentRange(doc, range.start.line);
  const detail = h.dtgLine?.dtg?.text ?? h.partialExtract?.dtg?.text;
  return make('Header', detail, SymbolKind.Namespace, range, first, kids);
}

/**
 * The keyword that starts an element's line (`DE`, `TO`, `INFO`), when the element starts the line;
 * continuation addressees have none and select their name instead.
 */
function lineKeyword(doc: CableDocument, range: Range, fallback: Range): Range {
  const line = doc.lines[range.start.line] ?? '';
  const m = /^\s*(?:DE|FM|TO|INFO|XMT)\b/.exec(line);
  if (m && (range.start.character <= m[0].length || line.slice(m[0].length, range.start.character).trim() === '')) {
    const s = m[0].length - m[0].trimStart().length;
    return { start: { line: range.start.line, character: s }, end: { line: range.start.line, character: m[0].length } };
  }
  return fallback;
}

function markingName(m: PortionMarking | undefined): string {
  return m ? ` ${m.text.trim()}` : '';
}

function stripColon(s: string): string {
  const t = s.trim();
  return t.endsWith(':') ? t.slice(0, -1).trimEnd() : t;
}

function nonEmpty(s: string, fallback: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t || fallback;
}

/** For clients without hierarchical symbol support: the same outline, flattened, with container names. */
export function flattenSymbols(symbols: DocumentSymbol[], uri: string): SymbolInformation[] {
  const out: SymbolInformation[] = [];
  const walk = (list: DocumentSymbol[], container: string | undefined) => {
    for (const s of list) {
      const info: SymbolInformation = { name: s.name, kind: s.kind, location: { uri, range: s.range } };
      if (container) info.containerName = container;
      out.push(info);
      if (s.children) walk(s.children, s.name);
    }
  };
  walk(symbols, undefined);
  return out;
}
