/**
 * What every rule family shares: the rule and finding shapes, the tag dictionary contract, and the
 * era and level helpers that several families judge by. Rules read the document model only; they
 * never re-parse the text.
 */
import type { CableDocument, Level, Paragraph, Range } from '../model.ts';

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type Family = 'dtg' | 'header' | 'classification' | 'declassification' | 'structure' | 'tags';

/** The part of the tag dictionary (dictionary.ts) the rules use; a structural contract. */
export interface TagDictionary {
  lookupTag(code: string): { kind: string; title?: string } | undefined;
  typo(code: string): { correct: string[] } | undefined;
  suggest(code: string): string[];
  /** The station a post's or mission's name stands for (`USEU`, `BRUSSELS`), when it is one. */
  post(name: string): string | undefined;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

/** A fix with one right answer, offered as a quick fix. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The fix is the obvious one (VS Code applies preferred fixes with "Auto Fix"). */
  preferred?: boolean;
}

export interface Related {
  range: Range;
  message: string;
}

export interface Finding {
  range: Range;
  message: string;
  related?: Related[];
  fix?: Fix;
  /**
   * Severity for this finding when the user has not set one for the rule: rules whose weight depends on
   * the era or the kind of code (Classified By before 1995; unknown 2-letter TAGS) set it.
   */
  severity?: Severity;
}

export interface RuleContext {
  doc: CableDocument;
  dict: TagDictionary;
  /** The cable's date (UTC ms) from its DTG, when it has a valid one. */
  dateMs?: number;
  /** The cable's year: the DTG's, else the identity's. */
  year?: number;
  /**
   * The file the cable is in is named after a cable id (`09STATE71326.cable`): the id and its year, which
   * the rules fall back on when the text gives no date.
   */
  fileId?: { id: string; year: number };
  /**
   * How a message names a setting where it is shown: the editor's `cable.tags.extra`, the command line's
   * key in `.cablerc.json`. One message text serves both.
   */
  setting: (key: string) => string;
  /**
   * The cable's own paragraphs (`ownParagraphs` in structure.ts), worked out by the first rule that
   * needs them: two rules judge the same numbering.
   */
  ownParagraphs?: Paragraph[];
}

export interface Rule {
  code: string;
  severity: Severity;
  family: Family;
  /** What the rule flags, for the README table, SARIF metadata and the settings schema. */
  description: string;
  /** Skipped on documents above `cable.maxFileSize` (rules that walk every paragraph). */
  costly?: boolean;
  check(ctx: RuleContext, report: (f: Finding) => void): void;
}

/** Settings as the editor names them (`tags.extra` → `cable.tags.extra`). */
export function editorSetting(key: string): string {
  return `cable.${key}`;
}

// ---------------------------------------------------------------------------------------------
// Levels

/** Rank for comparing markings with banners: administrative controls count as unclassified. */
export function levelRank(level: Level | 'R'): number {
  switch (level) {
    case 'TS':
      return 3;
    case 'S':
      return 2;
    case 'C':
    case 'R':
      return 1;
    default:
      return 0;
  }
}

export function isClassified(level: Level): boolean {
  return levelRank(level) > 0;
}

const LEVEL_NAMES: Record<Level | 'R', string> = {
  U: 'UNCLASSIFIED',
  SBU: 'SENSITIVE BUT UNCLASSIFIED',
  LOU: 'LIMITED OFFICIAL USE',
  C: 'CONFIDENTIAL',
  S: 'SECRET',
  TS: 'TOP SECRET',
  R: 'RESTRICTED',
};

export function levelName(level: Level | 'R'): string {
  return LEVEL_NAMES[level];
}

/** The portion marking that stands for a banner level: `(C)`, `(S)`, `(TS)`, `(SBU)`, `(U)`. */
export function portionMarkFor(level: Level): string {
  return level === 'LOU' ? 'LOU' : level;
}


// ---------------------------------------------------------------------------------------------
// Dates

export function utc(y: number, m: number, d: number): number {
  return Date.UTC(y, m - 1, d);
}

export const DAY_MS = 86_400_000;

/**
 * `new Date(ms).getUTCFullYear()` by arithmetic (days to the civil calendar), without a Date object:
 * every cable's context asks for its year.
 */
export function utcYear(ms: number): number {
  if (!(ms >= -8.64e15 && ms <= 8.64e15)) return new Date(ms).getUTCFullYear();
  // Days from 1 March of year 0, in 400-year eras of 146097 days, years starting in March.
  const z = Math.floor(Math.trunc(ms) / DAY_MS) + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  // January and February (March-based months 10 and 11) belong to the next calendar year.
  return yoe + era * 400 + (Math.floor((5 * doy + 2) / 153) >= 10 ? 1 : 0);
}
/** Orders and practices change on paper on one day and in the field over months. */
export const GRACE_MS = 183 * DAY_MS;

/** E.O. 12958 took effect on 14 Oct 1995: portion marking and Classified By lines became the rule. */
export const EO12958_EFFECTIVE = utc(1995, 10, 14);
/** E.O. 13292 (25 Mar 2003) renumbered the reasons from section 1.5 to 1.4 and added (h). */
export const EO13292_SIGNED = utc(2003, 3, 25);
/** E.O. 13526 took effect on 27 Jun 2010; its directive (32 CFR 2001.21) has subjects portion-marked. */
export const EO13526_EFFECTIVE = utc(2010, 6, 27);
/** E.O. and TAGS lines became mandatory on 1 Mar 1973. */
export const TAGS_START = utc(1973, 3, 1);

/**
 * Whether the cable is dated on or after `when`. A cable with no date counts as current (the usual
 * case for a cable being written), so era-limited rules still apply to it.
 */
export function onOrAfter(ctx: RuleContext, when: number): boolean {
  if (ctx.dateMs !== undefined) return ctx.dateMs >= when;
  if (ctx.year !== undefined) return ctx.year >= utcYear(when);
  return true;
}

/** Whether the cable is known to be dated on or after `when` (an undated cable is not). */
export function knownOnOrAfter(ctx: RuleContext, when: number): boolean {
  if (ctx.dateMs !== undefined) return ctx.dateMs >= when;
  if (ctx.year !== undefined) return ctx.year > utcYear(when);
  return false;
}

export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The whole of line `line`, for findings about something absent (reported where it belongs). */
export function lineRange(ctx: RuleContext, line: number): Range {
  const l = Math.max(0, Math.min(line, ctx.doc.lineCount - 1));
  const text = ctx.doc.lines[l] ?? '';
  const end = text.trimEnd().length;
  let start = 0;
  while (start < end && (text[start] === ' ' || text[start] === '\t')) start++;
  // A line of blanks gives an empty range at its start, not one that ends before it starts.
  return { start: { line: l, character: start }, end: { line: l, character: end } };
}

/** True when the document has any non-blank text (an empty new file gets no findings). */
export function hasText(ctx: RuleContext): boolean {
  for (const l of ctx.doc.lines) if (l.trim() !== '') return true;
  return false;
}

/**
 * Where findings about a missing element of the text are reported: the banner, else the first body
 * line, else the first line.
 */
export function anchorRange(ctx: RuleContext): Range {
  const { doc } = ctx;
  if (doc.banner) return doc.banner.classification.range;
  if (doc.bodyStartLine < doc.lineCount) return lineRange(ctx, doc.bodyStartLine);
  return lineRange(ctx, 0);
}

/** Levenshtein distance, small strings only (months, TAGS). */
export function editDistance(a: string, b: string): number {
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

function notAfter(a: Range['start'], b: Range['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

export function rangeContains(outer: Range, inner: Range): boolean {
  return notAfter(outer.start, inner.start) && notAfter(inner.end, outer.end);
}
