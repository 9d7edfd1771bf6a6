/**
 * Folding ranges: the routing header, each section under a heading between paragraphs, each numbered
 * paragraph and multi-line sub-paragraph, SUMMARY…END SUMMARY, COMMENT…END COMMENT (and the other
 * BEGIN/END blocks), and REF blocks.
 *
 * Each fold ends on the last line of its element's own text (textEnds.ts): never on the blank lines,
 * rules, heading or caption that stand before the next element, nor on the closing `BT` and `NNNN`, so
 * folding a paragraph never hides the heading of the next section.
 *
 * The header folds as kind `imports`, so `editor.foldingImportsByDefault` hides the routing lines when a
 * cable opens. Editors drop ranges that cross each other, so this module keeps only properly nested
 * ones (the earlier-starting range wins) and one range per start line; what it returns is what folds.
 */
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver-types';
import type { CableDocument, Range } from '../model.ts';
import { cableSections } from './outlineSections.ts';
import { textEnds } from './textEnds.ts';

export function foldingRanges(doc: CableDocument, rangeLimit?: number): FoldingRange[] {
  const out: FoldingRange[] = [];
  const add = (startLine: number, endLine: number, kind?: FoldingRangeKind) => {
    startLine = Math.max(0, startLine);
    endLine = Math.min(endLine, doc.lines.length - 1);
    if (startLine >= doc.lines.length || endLine <= startLine) return;
    const f: FoldingRange = { startLine, endLine };
    if (kind) f.kind = kind;
    out.push(f);
  };
  const ends = textEnds(doc);
  const addRange = (r: Range | undefined, kind?: FoldingRangeKind) => {
    if (r) add(r.start.line, ends.of(r), kind);
  };

  addRange(doc.header.range, FoldingRangeKind.Imports);
  for (const p of doc.paragraphs) {
    const end = ends.paragraph(p);
    add(p.range.start.line, end);
    for (const sp of p.subParagraphs) add(sp.range.start.line, Math.min(ends.of(sp.range), end));
  }
  for (const { heading, range } of cableSections(doc).sections) {
    // A section ends where the text of its last paragraph ends.
    let end = heading.range.start.line;
    for (const p of doc.paragraphs) {
      if (p.range.start.line > heading.range.start.line && p.range.start.line <= range.end.line) end = Math.max(end, ends.paragraph(p));
    }
    add(heading.range.start.line, end);
  }
  for (const b of doc.blocks) {
    // An unterminated block runs to wherever the parser gave up; folding it would hide the rest of the cable.
    if (!b.end) continue;
    addRange(b.range, b.kind === 'comment' ? FoldingRangeKind.Comment : FoldingRangeKind.Region);
  }
  for (const r of doc.references) addRange(r.range);

  return sanitize(out, rangeLimit);
}

function sanitize(ranges: FoldingRange[], limit: number | undefined): FoldingRange[] {
  ranges.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
  const kept: FoldingRange[] = [];
  const open: FoldingRange[] = [];
  let lastStart = -1;
  for (const r of ranges) {
    if (r.startLine === lastStart) continue;
    while (open.length && open[open.length - 1]!.endLine < r.startLine) open.pop();
    const parent = open[open.length - 1];
    if (parent && r.endLine > parent.endLine) continue;
    kept.push(r);
    open.push(r);
    lastStart = r.startLine;
    if (limit !== undefined && kept.length >= limit) break;
  }
  return kept;
}
