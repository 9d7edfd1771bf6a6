/**
 * Structure of the text: the SUBJECT line and the numbering of paragraphs (5 FAH-1 H-246.2: number
 * paragraphs consecutively).
 */
import type { Block, CableDocument, Paragraph, Range } from '../model.ts';
import {
  EO13526_EFFECTIVE,
  anchorRange,
  hasText,
  isClassified,
  knownOnOrAfter,
  portionMarkFor,
  rangeContains,
  type Fix,
  type Rule,
  type RuleContext,
} from './common.ts';

/**
 * The paragraphs of the cable's own numbering. Quoted texts (BEGIN TEXT … END TEXT, QUOTE … END
 * QUOTE) carry the numbering of the document they quote, so they are left out. So is a lone number
 * that breaks the sequence when the next paragraph carries on from the one before it (1, 15, 2): that
 * is a wrapped line starting with a number ("on September / 15. Charge told …"), not a paragraph.
 */
export function ownParagraphs(ctx: RuleContext): Paragraph[] {
  return (ctx.ownParagraphs ??= findOwnParagraphs(ctx.doc));
}

function inAny(blocks: Block[], range: Range): boolean {
  for (const b of blocks) if (rangeContains(b.range, range)) return true;
  return false;
}

function findOwnParagraphs(doc: CableDocument): Paragraph[] {
  const quoted: Block[] = [];
  for (const b of doc.blocks) if (b.kind === 'text' || b.kind === 'quote') quoted.push(b);
  const all = quoted.length === 0 ? doc.paragraphs : doc.paragraphs.filter((p) => !inAny(quoted, p.number.range));
  const out: Paragraph[] = [];
  // A list numbered from 1 inside a paragraph (items of a request, an annex) is not the cable's
  // numbering: skipped until the cable's own numbers resume.
  let nestedUntil: number | undefined;
  for (let i = 0; i < all.length; i++) {
    const p = all[i]!;
    const prev = out[out.length - 1];
    const next = all[i + 1];
    if (nestedUntil !== undefined) {
      if (p.number.value !== nestedUntil) continue;
      nestedUntil = undefined;
    } else if (prev && p.number.value === 1 && prev.number.value > 1 && next?.number.value === 2) {
      nestedUntil = prev.number.value + 1;
      continue;
    }
    // A number repeating the one before is a slip to report (two ¶3), not a wrapped line.
    const n = p.number.value;
    if (prev && next && n !== prev.number.value + 1 && n !== prev.number.value && next.number.value === prev.number.value + 1) continue;
    out.push(p);
  }
  return out;
}

function renumberFix(paras: Paragraph[], from: number): Fix | undefined {
  const edits = [];
  for (let i = 0; i < paras.length; i++) {
    const p = paras[i]!;
    if (p.number.value !== from + i) edits.push({ range: p.number.range, newText: String(from + i) });
  }
  return edits.length ? { title: `Renumber paragraphs ${from} to ${from + paras.length - 1}`, edits } : undefined;
}

/** The last line of the heading of the text (banner, captions, E.O., TAGS, subject, REF, Classified By) before `line`. */
function headingEnd(doc: CableDocument, line: number): number {
  let end = doc.bodyStartLine - 1;
  const consider = (r: Range | undefined): void => {
    if (r && r.end.line < line && r.end.line > end) end = r.end.line;
  };
  consider(doc.banner?.range);
  consider(doc.eo?.range);
  consider(doc.tags?.range);
  consider(doc.subject?.range);
  consider(doc.classifiedBy?.range);
  for (const c of doc.captions) consider(c.range);
  for (const d of doc.distribution) consider(d.range);
  for (const r of doc.references) consider(r.range);
  return end;
}

/**
 * Whether running text stands between the heading and the first numbered paragraph: an unnumbered lead
 * paragraph (often the summary), which the numbering then continues from (¶2 follows it). Headings,
 * page markers and rules of dashes are not text.
 */
function unnumberedLead(doc: CableDocument, first: Paragraph): boolean {
  const firstLine = first.range.start.line;
  const skip = new Set<number>();
  for (const h of doc.headings) for (let l = h.range.start.line; l <= h.range.end.line; l++) skip.add(l);
  for (const m of doc.sectionMarkers) skip.add(m.range.start.line);
  for (let l = headingEnd(doc, firstLine) + 1; l < firstLine; l++) {
    if (skip.has(l)) continue;
    const text = doc.lines[l] ?? '';
    if (/^[\s\-_=*]*$/.test(text)) continue;
    return true;
  }
  return false;
}

/** The finding for paragraph `p`, numbered out of turn, when `want` was due after paragraph `prev`. */
function outOfTurn(p: Paragraph, prev: Paragraph, prevNumber: number, want: number, next: Paragraph | undefined): { message: string; mistyped: boolean } {
  const n = p.number.value;
  // One mistyped number: the paragraph after it carries on as if it were right (1, 2, 5, 4, 5).
  if (next && next.number.value === want + 1) {
    return { message: `Paragraph ${n} stands between paragraphs ${prev.number.value} and ${next.number.value}; expected ${want}`, mistyped: true };
  }
  const what = n === prevNumber ? 'repeats' : n < prevNumber ? 'steps back after' : 'skips ahead after';
  return { message: `Paragraph ${n} ${what} paragraph ${prevNumber}; expected ${want}`, mistyped: false };
}

export const structureRules: Rule[] = [
  {
    code: 'subject-missing',
    severity: 'warning',
    family: 'structure',
    description: 'A cable with a banner but no `SUBJECT:` line.',
    check(ctx, report) {
      const banner = ctx.doc.banner;
      if (ctx.doc.subject || !banner || !hasText(ctx)) return;
      const marked = isClassified(banner.level) && knownOnOrAfter(ctx, EO13526_EFFECTIVE);
      const form = marked ? `SUBJECT: (${portionMarkFor(banner.level)}) and the topic` : 'SUBJECT: and the topic';
      report({ range: anchorRange(ctx), message: `The cable has no SUBJECT line; expected one after the TAGS line: ${form} in a few words` });
    },
  },
  {
    code: 'paragraph-numbering',
    severity: 'warning',
    family: 'structure',
    costly: true,
    description: 'A gap, a repeat or a step back in the numbers of paragraphs; one mistyped number is reported on itself with the number it should have, and an unnumbered lead paragraph before `2.` stands for paragraph 1.',
    check(ctx, report) {
      // Numbers the archive ran into the line before (`… them. 4. (S/NF) When we …`) are paragraphs of
      // the model (the parser reads them where the numbering misses them), so they count as present.
      const paras = ownParagraphs(ctx);
      if (paras.length === 0) return;
      const first = paras[0]!;
      // A partial extract holds part of the text: it may start late and skip paragraphs.
      const partial = !!ctx.doc.header.partialExtract;
      const lead = first.number.value === 2 && unnumberedLead(ctx.doc, first);
      const from = lead ? 2 : 1;
      let fix: Fix | undefined | null = null;
      const getFix = () => (fix === null ? (fix = renumberFix(paras, from)) : fix);
      if (first.number.value !== from && !partial) {
        report({ range: first.number.range, message: `The first paragraph is numbered ${first.number.value}; expected 1`, fix: getFix() });
      }
      // The number the last paragraph stands for: a mistyped one counts as the number it should have had.
      let current = first.number.value;
      for (let i = 1; i < paras.length; i++) {
        const prev = paras[i - 1]!;
        const p = paras[i]!;
        const want = current + 1;
        const n = p.number.value;
        if (n === want || (partial && n > want)) {
          current = n;
          continue;
        }
        const { message, mistyped } = outOfTurn(p, prev, current, want, paras[i + 1]);
        report({ range: p.number.range, message, related: [{ range: prev.number.range, message: `paragraph ${prev.number.value}` }], fix: getFix() });
        current = mistyped ? want : n;
      }
    },
  },
  {
    code: 'parser-error',
    severity: 'warning',
    family: 'structure',
    description: 'A line the parser failed on (an internal error, not a fault of the cable): it is left out of the outline, hovers and checks, which work on the rest of the cable.',
    check(ctx, report) {
      for (const p of ctx.doc.problems) {
        if (p.code === 'parser-error') report({ range: p.range, message: `${p.message} This is a fault of the parser, not of the cable: please report it with the cable.` });
      }
    },
  },
];
