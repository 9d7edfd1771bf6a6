/**
 * Headings between paragraphs (`HEU`, `Missile Defense`, a title underlined with dashes) head sections of
 * the outline: each groups the paragraphs after it, up to the next such heading, instead of standing as
 * the last line of the paragraph before it. A heading is between paragraphs when the next line of text
 * after it (past blank lines, rules of dashes and further headings) opens a numbered paragraph.
 */
import type { CableDocument, Heading, Paragraph, Range } from '../model.ts';
import { isRuleLine } from '../parse/body/ruleLines.ts';

export interface OutlineSections {
  /** Each section heading with the range it groups: from its line to the end of its last paragraph. */
  sections: { heading: Heading; range: Range }[];
  /** Paragraphs whose parsed range runs over a section heading: where they end in the outline. */
  paragraphEnds: Map<Paragraph, Range>;
}

/**
 * The outline's sections. Headings on the lines in `notHeadings` (a lone SIPDIS) are left out; those on
 * `blockLines` (`Summary and Key Themes` opening a summary) end the section and the paragraph before them
 * but head no section: the block stands for them.
 */
export function outlineSections(doc: CableDocument, notHeadings: Set<number>, blockLines: Set<number>): OutlineSections {
  const out: OutlineSections = { sections: [], paragraphEnds: new Map() };
  const starts = new Map<number, Paragraph>();
  for (const p of doc.paragraphs) if (p.range.start.character === firstNonBlank(doc.lines[p.range.start.line] ?? '')) starts.set(p.range.start.line, p);
  const headingLines = new Set(doc.headings.map((h) => h.range.start.line));
  const heads = doc.headings.filter((h) => !notHeadings.has(h.range.start.line) && nextIsParagraph(doc, h, headingLines, starts));
  if (heads.length === 0) return out;
  const paragraphs = doc.paragraphs;
  const lastParagraphEnd = paragraphs[paragraphs.length - 1]?.range.end;
  for (let i = 0; i < heads.length; i++) {
    const h = heads[i]!;
    const next = heads[i + 1];
    const endLine = next ? lastTextLineBefore(doc, next.range.start.line, h.range.end.line) : (lastParagraphEnd?.line ?? h.range.end.line);
    const end = next ? { line: endLine, character: (doc.lines[endLine] ?? '').trimEnd().length } : (lastParagraphEnd ?? h.range.end);
    if (!blockLines.has(h.range.start.line)) out.sections.push({ heading: h, range: { start: h.range.start, end } });
    cutParagraphBefore(doc, h, out.paragraphEnds);
  }
  return out;
}

/**
 * The sections as the outline shows them: a lone caption line (`SIPDIS`) is no heading, and a heading on a
 * block's first line (`Summary and Key Themes`) heads no section.
 */
export function cableSections(doc: CableDocument): OutlineSections {
  const captionLines = new Set(doc.captions.map((c) => c.range.start.line));
  const blockLines = new Set(doc.blocks.map((b) => b.start.range.start.line));
  return outlineSections(doc, captionLines, blockLines);
}

/** Whether the first line of text after heading h, past blanks, rules and other headings, opens a paragraph. */
function nextIsParagraph(doc: CableDocument, h: Heading, headingLines: Set<number>, starts: Map<number, Paragraph>): boolean {
  for (let l = h.range.end.line + 1; l < doc.lines.length; l++) {
    if (starts.has(l)) return true;
    const s = doc.lines[l] ?? '';
    if (s.trim() === '' || isRuleLine(s) || headingLines.has(l)) continue;
    return false;
  }
  return false;
}

/** The paragraph whose lines run over heading h ends at the last line of text before it. */
function cutParagraphBefore(doc: CableDocument, h: Heading, ends: Map<Paragraph, Range>): void {
  const line = h.range.start.line;
  const p = doc.paragraphs.find((x) => x.range.start.line < line && x.range.end.line >= line);
  if (!p) return;
  const endLine = lastTextLineBefore(doc, line, p.range.start.line);
  const prior = ends.get(p);
  if (prior && prior.end.line <= endLine) return;
  ends.set(p, { start: p.range.start, end: { line: endLine, character: (doc.lines[endLine] ?? '').trimEnd().length } });
}

/** The last line before `line`, not before `floor`, holding text (not blank, not a rule). */
function lastTextLineBefore(doc: CableDocument, line: number, floor: number): number {
  let l = line - 1;
  while (l > floor && ((doc.lines[l] ?? '').trim() === '' || isRuleLine(doc.lines[l] ?? ''))) l--;
  return Math.max(l, floor);
}

function firstNonBlank(s: string): number {
  return s.length - s.trimStart().length;
}
