/**
 * Document highlights: with the caret on an element, the same element elsewhere in the cable lights up.
 *
 * - a portion marking: every marking of the same level and caveats (`(C)` with `(C)`, `(S//NF)` with
 *   `(S/NF)`), so a reader sees at a glance which paragraphs carry the highest classification;
 * - the banner's classification: the repeated banners and the security line's letters of the same level;
 * - a caption: the same caption again (SIPDIS is often written twice);
 * - a referenced cable id: every REF item and mention of that cable;
 * - a TAG: the code wherever the TAGS block repeats it, and, in mixed-case lines only, the same
 *   upper-case code of four letters or more in the text (`NATO`, `IAEA`). In all-capitals cables a code
 *   such as `MASS` or `PINS` is an ordinary word, so all-capitals lines are never searched.
 */
import { DocumentHighlightKind, type DocumentHighlight } from 'vscode-languageserver-types';
import type { CableDocument, Level, PortionMarking, Position, Range } from '../model.ts';
import { containsPosition, containsRange } from './rangeMath.ts';
import { codeAt, isAlnum, isLower } from '../parse/chars.ts';

export function documentHighlights(doc: CableDocument, position: Position): DocumentHighlight[] {
  const ranges = highlightRanges(doc, position);
  return ranges.map((range) => ({ range, kind: DocumentHighlightKind.Text }));
}

function highlightRanges(doc: CableDocument, p: Position): Range[] {
  const markings = allMarkings(doc);
  const m = markings.find((x) => containsPosition(x.range, p));
  if (m) {
    const key = markingKey(m);
    return markings.filter((x) => markingKey(x) === key).map((x) => x.range);
  }

  const levels = levelTokens(doc);
  const l = levels.find((x) => containsPosition(x.range, p));
  if (l) return levels.filter((x) => x.level === l.level).map((x) => x.range);

  const captions = doc.captions.filter((c) => !c.inline);
  const c = captions.find((x) => containsPosition(x.token.range, p));
  if (c) return captions.filter((x) => x.name === c.name).map((x) => x.token.range);

  const ids = cableIdTokens(doc);
  const id = ids.find((x) => containsPosition(x.range, p));
  if (id) return ids.filter((x) => x.cableId === id.cableId).map((x) => x.range);

  const tags = doc.tags?.tags ?? [];
  const tag = tags.find((x) => containsPosition(x.range, p));
  if (tag) {
    const code = tag.code.toUpperCase();
    const out = tags.filter((x) => x.code.toUpperCase() === code).map((x) => x.range);
    if (/^[A-Z]{4,8}$/.test(code)) out.push(...textMentions(doc, code, doc.tags!.range));
    return out;
  }
  return [];
}

function allMarkings(doc: CableDocument): PortionMarking[] {
  const out: PortionMarking[] = [];
  if (doc.subject?.marking) out.push(doc.subject.marking);
  for (const p of doc.paragraphs) {
    if (p.marking) out.push(p.marking);
    for (const sp of p.subParagraphs) if (sp.marking) out.push(sp.marking);
  }
  return out;
}

/** Same level and caveats, whatever the slashes and case (`(S//NF)` = `(s/nf)`); unread markings by text. */
function markingKey(m: PortionMarking): string {
  if (m.level && !m.malformed) return `${m.level}|${[...m.caveats].map((c) => c.toUpperCase()).sort().join('/')}`;
  return `?|${m.text.toUpperCase().replace(/\s+/g, '')}`;
}

function levelTokens(doc: CableDocument): { range: Range; level: Level | 'R' }[] {
  const out: { range: Range; level: Level | 'R' }[] = [];
  if (doc.header.security?.level) out.push({ range: doc.header.security.letters.range, level: doc.header.security.level });
  for (const b of [doc.banner, ...doc.repeatedBanners]) if (b) out.push({ range: b.classification.range, level: b.level });
  return out;
}

function cableIdTokens(doc: CableDocument): { range: Range; cableId: string }[] {
  const out: { range: Range; cableId: string }[] = [];
  for (const block of doc.references) {
    for (const item of block.items) if (item.cableId) out.push({ range: item.range, cableId: item.cableId.toUpperCase() });
  }
  for (const m of doc.mentions) out.push({ range: m.range, cableId: m.cableId.toUpperCase() });
  return out;
}

/** Whole-word occurrences of `code` in mixed-case lines of the subject and body, outside the TAGS block. */
function textMentions(doc: CableDocument, code: string, tagsRange: Range): Range[] {
  const out: Range[] = [];
  for (let line = Math.max(0, doc.bodyStartLine); line < doc.lines.length; line++) {
    const text = doc.lines[line]!;
    if (!hasLowerCase(text)) continue;
    let from = 0;
    for (;;) {
      const i = text.indexOf(code, from);
      if (i < 0) break;
      from = i + code.length;
      if (isAlnum(codeAt(text, i - 1)) || isAlnum(codeAt(text, from))) continue;
      const r = { start: { line, character: i }, end: { line, character: from } };
      if (!containsRange(tagsRange, r)) out.push(r);
    }
  }
  return out;
}

function hasLowerCase(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isLower(c)) return true;
  }
  return false;
}

