/**
 * Completion where a cable has a closed vocabulary: TAGS codes on the TAGS line, portion markings after a
 * paragraph number, captions between the banner and the E.O. line, precedence letters and months on the
 * DTG line. Everywhere else it offers nothing (free text is the author's).
 *
 * The context comes from the model where the parser recognised the line, and from the text before the
 * cursor where the line is still half typed (the parser cannot know a TAGS line before "TAGS" is typed).
 */
import { CompletionItemKind, type CompletionItem, type Position, type Range } from 'vscode-languageserver-types';
import type { CableDocument, Level } from '../model.ts';
import type { Dictionary, TagInfo } from '../dictionary.ts';
import { compareLevels, levelName } from '../classification.ts';
import { monthName } from '../dtg.ts';
import { OFFERED_CAPTIONS, OFFERED_PRECEDENCES, SUBJECT_KEYWORDS, TAGS_KEYWORDS, alternation } from '../parse/vocabulary.ts';

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

/** The markings real cables use, most common first (cable-format.md §1.17 inventory). */
const MARKINGS: { text: string; level: Level; caveats: string[] }[] = [
  { text: 'C', level: 'C', caveats: [] },
  { text: 'S', level: 'S', caveats: [] },
  { text: 'SBU', level: 'SBU', caveats: [] },
  { text: 'S//NF', level: 'S', caveats: ['NF'] },
  { text: 'U', level: 'U', caveats: [] },
  { text: 'C//NF', level: 'C', caveats: ['NF'] },
  { text: 'SBU//NF', level: 'SBU', caveats: ['NF'] },
  { text: 'U//FOUO', level: 'U', caveats: ['FOUO'] },
  { text: 'TS', level: 'TS', caveats: [] },
  { text: 'TS//NF', level: 'TS', caveats: ['NF'] },
];

/** SIPDIS may not stand with NODIS or EXDIS (05STATE226504). */
const CONFLICTS: Record<string, string[]> = { SIPDIS: ['NODIS', 'EXDIS'], NODIS: ['SIPDIS'], EXDIS: ['SIPDIS'] };

function range(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

function lineText(doc: CableDocument, line: number): string {
  return doc.lines[line] ?? '';
}

// ---------------------------------------------------------------------------------------------
// TAGS

const TAGS_KEYWORD = new RegExp(`^\\s*(?:${alternation(TAGS_KEYWORDS)})\\s*:?(?=\\s)`, 'i');

function isTagsLine(doc: CableDocument, line: number, text: string): boolean {
  const t = doc.tags;
  if (t && line >= t.range.start.line && line <= t.range.end.line) return true;
  return TAGS_KEYWORD.test(text);
}

/** The code being typed: letters, digits and hyphens back from the cursor (a scan, not an end-anchored regex). */
function trailingCode(s: string): string {
  let i = s.length;
  while (i > 0 && /[\dA-Z-]/i.test(s[i - 1])) i--;
  return s.slice(i);
}

/** Sort key: current subject codes first, then program, geographic countries, organizations, the rest. */
function tagSortGroup(info: TagInfo): number {
  if (info.kind === 'subject') return info.status === 'historical' ? 5 : info.title ? 0 : 1;
  if (info.kind === 'program') return 2;
  if (info.kind === 'geographic') return info.geoKind === 'country' ? 3 : info.geoKind === 'region' ? 4 : 6;
  return info.title ? 4 : 6;
}

function kindWord(info: TagInfo): string {
  switch (info.kind) {
    case 'subject':
      return info.category ? `subject · ${info.category}` : 'subject';
    case 'program':
      return 'program';
    case 'organization':
      return 'organization';
    case 'geographic':
      return info.geoKind === 'country' ? 'country' : `geographic · ${info.geoKind ?? 'unknown'}`;
  }
}

function tagCompletions(doc: CableDocument, p: Position, dict: Dictionary, text: string): CompletionItem[] {
  const beforeCursor = text.slice(0, p.character);
  const kw = TAGS_KEYWORD.exec(beforeCursor);
  // Still typing the keyword itself: nothing to offer yet.
  if (kw === null && !(doc.tags && p.line > doc.tags.range.start.line)) return [];
  const prefix = trailingCode(beforeCursor);
  const start = p.character - prefix.length;
  if (kw && start < kw[0].length) return [];
  const upper = prefix.toUpperCase();
  const present = new Set((doc.tags?.tags ?? []).map((t) => t.code.toUpperCase()));
  const items: CompletionItem[] = [];
  for (const info of dict.allTags()) {
    const codeUp = info.code.toUpperCase();
    if (!codeUp.startsWith(upper)) continue;
    if (codeUp !== upper && present.has(codeUp)) continue;
    if (codeUp.includes(' ')) continue; // multi-word organization names break space-separated TAGS lines
    const title = info.title ?? 'no title in the sources used';
    items.push({
      label: info.code,
      labelDetails: { description: title },
      kind: info.kind === 'geographic' ? CompletionItemKind.Constant : CompletionItemKind.EnumMember,
      detail: `${title} — ${kindWord(info)}`,
      documentation: { kind: 'markdown', value: `${kindWord(info)}${info.note ? `\n\n${info.note}` : ''}\n\n*Source: ${info.source}*` },
      sortText: `${tagSortGroup(info)}${codeUp}`,
      filterText: info.code,
      textEdit: { range: range(p.line, start, p.character), newText: info.code },
    });
  }
  return items;
}

// ---------------------------------------------------------------------------------------------
// Portion markings

const PARA_START = /^\s*¶?\d{1,3}\s*\.\s*(\(?[A-Z/]*)$/i;
const SUBJECT_START = new RegExp(`^\\s*(?:${alternation(SUBJECT_KEYWORDS)})\\s*:\\s*(\\(?[A-Z/]*)$`, 'i');

function markingCompletions(doc: CableDocument, p: Position, dict: Dictionary, text: string): CompletionItem[] {
  const beforeCursor = text.slice(0, p.character);
  const m = PARA_START.exec(beforeCursor) ?? SUBJECT_START.exec(beforeCursor);
  if (!m) return [];
  if (p.line < doc.bodyStartLine) return [];
  const typed = m[1];
  const start = p.character - typed.length;
  // Replace a closing parenthesis the editor auto-inserted.
  const after = text.slice(p.character);
  const end = after.startsWith(')') ? p.character + 1 : p.character;
  const bannerLevel = doc.banner?.level;
  const items: CompletionItem[] = [];
  MARKINGS.forEach((mk, i) => {
    // A portion above the banner is an error (rule C2); offering it would invite one.
    if (bannerLevel && compareLevels(mk.level, bannerLevel) > 0) return;
    const label = `(${mk.text})`;
    const parts = [levelName(mk.level), ...mk.caveats.map((c) => dict.marking(c)?.title ?? c)];
    items.push({
      label,
      kind: CompletionItemKind.Keyword,
      detail: parts.join(' · '),
      documentation: { kind: 'markdown', value: `${dict.marking(mk.level)?.text ?? ''}\n\n*Source: 5 FAH-1 H-246.2*` },
      sortText: String(i).padStart(2, '0'),
      filterText: typed.startsWith('(') ? label : mk.text,
      textEdit: { range: range(p.line, start, end), newText: `${label} ` },
    });
  });
  return items;
}

// ---------------------------------------------------------------------------------------------
// Captions

function captionZone(doc: CableDocument, line: number): boolean {
  const b = doc.banner;
  if (!b || line <= b.range.end.line) return false;
  const stops = [doc.eo?.range.start.line, doc.tags?.range.start.line, doc.subject?.range.start.line, doc.paragraphs[0]?.range.start.line].filter(
    (n): n is number => n !== undefined,
  );
  const stop = stops.length ? Math.min(...stops) : b.range.end.line + 6;
  return line < stop;
}

function captionCompletions(doc: CableDocument, p: Position, dict: Dictionary, text: string): CompletionItem[] {
  if (!captionZone(doc, p.line)) return [];
  const beforeCursor = text.slice(0, p.character);
  const m = /^\s*([A-Z]*)$/i.exec(beforeCursor);
  if (!m) return [];
  const typed = m[1];
  const present = new Set(doc.captions.map((c) => c.name.toUpperCase()));
  const unclas = doc.banner && (doc.banner.level === 'U' || doc.banner.level === 'SBU');
  const items: CompletionItem[] = [];
  OFFERED_CAPTIONS.forEach((cap, i) => {
    if (present.has(cap)) return;
    if ((CONFLICTS[cap] ?? []).some((c) => present.has(c))) return;
    if (cap === 'SENSITIVE' && doc.banner && !unclas) return;
    if (cap === 'NOFORN' && unclas) return;
    const e = dict.caption(cap);
    items.push({
      label: cap,
      kind: CompletionItemKind.Keyword,
      detail: e?.title,
      documentation: e ? { kind: 'markdown', value: `${e.text ?? ''}\n\n*Source: ${e.source}*` } : undefined,
      sortText: String(i).padStart(2, '0'),
      textEdit: { range: range(p.line, p.character - typed.length, p.character), newText: cap },
    });
  });
  return items;
}

// ---------------------------------------------------------------------------------------------
// DTG line: precedence letters and months

function inHeader(doc: CableDocument, line: number): boolean {
  return line < doc.bodyStartLine || !doc.banner;
}

function dtgCompletions(doc: CableDocument, p: Position, dict: Dictionary, text: string): CompletionItem[] {
  if (!inHeader(doc, p.line)) return [];
  const beforeCursor = text.slice(0, p.character);
  const month = /^\s*(?:[ZOPRY]\s+){0,2}\d{6}\s*[A-Z]\s+([A-Za-z]{0,3})$/.exec(beforeCursor);
  if (month) {
    const typed = month[1];
    return MONTHS.map((mon, i) => ({
      label: mon,
      kind: CompletionItemKind.EnumMember,
      detail: monthName(i + 1),
      sortText: String(i).padStart(2, '0'),
      textEdit: { range: range(p.line, p.character - typed.length, p.character), newText: mon },
    }));
  }
  const prec = /^\s*(?:[ZOPRY]\s+)?([A-Za-z]?)$/.exec(beforeCursor);
  if (!prec) return [];
  const prevLine = lineText(doc, p.line - 1);
  const restOfLine = text.slice(p.character);
  const isDtgLine =
    doc.header.dtgLine?.range.start.line === p.line || /^\s*ZN[RY]\b/.test(prevLine) || /^\s*(?:[ZOPRY]\s+)?\d{6}/.test(restOfLine);
  if (!isDtgLine) return [];
  const typed = prec[1];
  return OFFERED_PRECEDENCES.map((letter, i) => {
    const e = dict.precedence(letter);
    return {
      label: letter,
      kind: CompletionItemKind.EnumMember,
      detail: e?.title,
      documentation: e ? { kind: 'markdown', value: `${e.text ?? ''}\n\n*Source: ${e.source}*` } : undefined,
      sortText: String(i),
      textEdit: { range: range(p.line, p.character - typed.length, p.character), newText: letter },
    } satisfies CompletionItem;
  });
}

// ---------------------------------------------------------------------------------------------

/** Completion items at `position`; empty where the text is free. */
export function completion(doc: CableDocument, position: Position, dict: Dictionary): CompletionItem[] {
  if (position.line < 0 || position.line >= doc.lineCount) return [];
  const text = lineText(doc, position.line);
  if (position.character > text.length) return [];
  if (isTagsLine(doc, position.line, text)) return tagCompletions(doc, position, dict, text);
  const marking = markingCompletions(doc, position, dict, text);
  if (marking.length) return marking;
  const caption = captionCompletions(doc, position, dict, text);
  if (caption.length) return caption;
  return dtgCompletions(doc, position, dict, text);
}
