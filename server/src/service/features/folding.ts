/**
 * Folding ranges: the routing header, each numbered paragraph and multi-line sub-paragraph,
 * SUMMARY…END SUMMARY, COMMENT…END COMMENT (and the other BEGIN/END blocks), and REF blocks.
 *
 * The header folds as kind `imports`, so `editor.foldingImportsByDefault` hides the routing lines when a
 * cable opens. Editors drop ranges that cross each other, so this module keeps only properly nested
 * ones (the earlier-starting range wins) and one range per start line; what it returns is what folds.
 */
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver-types';
import type { CableDocument, Range } from '../model.ts';
import { lastContentLine } from './rangeMath.ts';

export function foldingRanges(doc: CableDocument, rangeLimit?: number): FoldingRange[] {
  const out: FoldingRange[] = [];
  const add = (r: Range | undefined, kind?: FoldingRangeKind) => {
    if (!r) return;
    const startLine = Math.max(0, r.start.line);
    if (startLine >= doc.lines.length) return;
    const endLine = lastContentLine(doc, r);
    if (endLine <= startLine) return;
    const f: FoldingRange = { startLine, endLine };
    if (kind) f.kind = kind;
    out.push(f);
  };

  add(doc.header.range, FoldingRangeKind.Imports);
  for (const p of doc.paragraphs) {
    add(p.range);
    for (const sp of p.subParagraphs) add(sp.range);
  }
  for (const b of doc.blocks) {
    // An unterminated block runs to wherever the parser gave up; folding it would hide the rest of the cable.
    if (!b.end) continue;
    add(b.range, b.kind === 'comment' ? FoldingRangeKind.Comment : FoldingRangeKind.Region);
  }
  for (const r of doc.references) add(r.range);

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
