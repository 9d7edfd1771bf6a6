/**
 * Structure of the text: the SUBJECT line and the numbering of paragraphs (5 FAH-1 H-246.2: number
 * paragraphs consecutively).
 */
import type { Block, CableDocument, Paragraph, Range } from '../model.ts';
import { anchorRange, hasText, rangeContains, type Fix, type Rule, type RuleContext } from './common.ts';

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
    if (prev && next && p.number.value !== prev.number.value + 1 && next.number.value === prev.number.value + 1) continue;
    out.push(p);
  }
  return out;
}

function renumberFix(paras: Paragraph[]): Fix | undefined {
  const edits = [];
  for (let i = 0; i < paras.length; i++) {
    const p = paras[i]!;
    if (p.number.value !== i + 1) edits.push({ range: p.number.range, newText: String(i + 1) });
  }
  return edits.length ? { title: 'Renumber paragraphs 1 to ' + paras.length, edits } : undefined;
}

export const structureRules: Rule[] = [
  {
    code: 'subject-missing',
    severity: 'warning',
    family: 'structure',
    description: 'A cable with a banner but no `SUBJECT:` line.',
    check(ctx, report) {
      if (ctx.doc.subject || !ctx.doc.banner || !hasText(ctx)) return;
      report({ range: anchorRange(ctx), message: 'The cable has no SUBJECT line; expected one after the TAGS line, e.g. SUBJECT: BELGIAN REACTION TO THE SUMMIT' });
    },
  },
  {
    code: 'paragraph-numbering',
    severity: 'warning',
    family: 'structure',
    costly: true,
    description: 'A gap, a repeat or a step back in the numbers of paragraphs.',
    check(ctx, report) {
      const paras = ownParagraphs(ctx);
      if (paras.length === 0) return;
      let fix: Fix | undefined | null = null;
      const getFix = () => (fix === null ? (fix = renumberFix(paras)) : fix);
      const first = paras[0]!;
      // A partial extract holds part of the text: it may start late and skip paragraphs.
      const partial = !!ctx.doc.header.partialExtract;
      if (first.number.value !== 1 && !partial) {
        report({ range: first.number.range, message: `The first paragraph is numbered ${first.number.value}; expected 1`, fix: getFix() });
      }
      for (let i = 1; i < paras.length; i++) {
        const prev = paras[i - 1]!;
        const p = paras[i]!;
        const want = prev.number.value + 1;
        const n = p.number.value;
        if (n === want || (partial && n > want)) continue;
        const what = n === prev.number.value ? 'repeats' : n < prev.number.value ? 'steps back after' : 'skips ahead after';
        report({
          range: p.number.range,
          message: `Paragraph ${n} ${what} paragraph ${prev.number.value}; expected ${want}`,
          related: [{ range: prev.number.range, message: `paragraph ${prev.number.value}` }],
          fix: getFix(),
        });
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
