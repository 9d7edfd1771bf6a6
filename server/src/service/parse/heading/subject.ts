import type { PortionMarking } from '../../model.ts';
import { parsePortionMarking } from '../../classification.ts';
import { Char } from '../chars.ts';
import { rng, span, tok } from '../range.ts';
import type { Line } from '../source.ts';
import type { ParseState } from '../state.ts';
import { SUBJECT_RE } from './keywords.ts';
import { readMarking } from '../markings.ts';
import { WEEKDAY } from '../header/extract.ts';
import type { HeadingLine } from './index.ts';

/**
 * The SUBJECT line (`SUBJECT: (C) …`): its keyword, portion marking and text, which runs on over the lines
 * that continue it (heading/index.ts) and is joined when the subject ends.
 */
export function subjectLine(state: ParseState, line: HeadingLine): void {
  const { index: i, text: s, start: f, end: e, upper: u } = line;
  state.heading.seenSubject = true;
  const m = SUBJECT_RE.exec(u)!;
  let p = f + m[1].length;
  while (p < e && s.charCodeAt(p) === Char.Space) p++;
  const colon = s.charCodeAt(p) === Char.Colon;
  if (colon) p++;
  const keyword = tok(i, s, f, colon ? p : f + m[1].length);
  while (p < e && s.charCodeAt(p) === Char.Space) p++;
  let marking: PortionMarking | undefined;
  if (s.charCodeAt(p) === Char.OpenParen) {
    const pm = readMarking(state, line, p);
    if (pm) {
      marking = pm.marking;
      p = pm.end;
      while (p < e && s.charCodeAt(p) === Char.Space) p++;
    }
  }
  state.doc.subject = {
    range: rng(i, f, e),
    keyword,
    text: '',
    textRange: rng(i, p, e),
  };
  if (marking) state.doc.subject.marking = marking;
  state.heading.subjectParts = p < e ? [s.slice(p, e)] : [];
  state.heading.continuing = 'subject';
}

/**
 * The subject's text: its parts joined (a part that ends in a hyphen joined to the next with no blank:
 * `US-` / `LATIN`), runs of blanks made one, without a portion marking or a full stop at its end.
 */
export function finishSubject(state: ParseState): void {
  const sub = state.doc.subject;
  if (!sub) return;
  let joined = '';
  for (const part of state.heading.subjectParts) {
    const t = part.trim();
    if (!t) continue;
    joined += joined && !endsInWordHyphen(joined) ? ` ${t}` : t;
  }
  if (joined.includes('  ')) joined = joined.replace(/ {2,}/g, ' ');
  sub.text = withoutTrailingMark(joined);
}

/** `US-` ends in a hyphen that joins two words; `PLAN --` and `DEMARCHE -` end in a dash between words. */
function endsInWordHyphen(t: string): boolean {
  const before = t.charCodeAt(t.length - 2);
  return t.endsWith('-') && before !== Char.Space && before !== Char.Dash;
}

/**
 * `… TALKS (C)` → `… TALKS`, `… ELECTIONS.` → `… ELECTIONS`; an ellipsis and the stop of an abbreviation
 * (`U.S.`, `D.C.`) stay.
 */
function withoutTrailingMark(t: string): string {
  const m = TRAILING_MARKING.exec(t);
  if (m && parsePortionMarking(m[1].toUpperCase(), m[0].trim(), rng(0, 0, 0)).level) t = t.slice(0, m.index).trimEnd();
  if (t.endsWith('.') && t.charCodeAt(t.length - 2) !== Char.Dot && t.charCodeAt(t.length - 3) !== Char.Dot) t = t.slice(0, -1).trimEnd();
  return t;
}

const TRAILING_MARKING = / \(([a-z]{1,4}(?:\/\/?[a-z]{1,6})?)\)$/i;
/** A printout's page header up to its time group: `PAGE 02 HARARE 06677 01 OF 03 291400Z`. */
const PAGE_HEADER_TAIL = /^PAGE +\d{2} [^\n]{0,60}?\b\d{6}Z\b */i;

/**
 * What ends the subject at a line under it, if anything: a dash rule (`-----`, `- - -`) or the viewer's
 * long date (`Friday, 4 December 2009, 10:15`), which are furniture, or a sentence in lower case under a
 * subject written in capitals (`This is an Action request.`), which is text.
 */
export function subjectEnd(state: ParseState, line: HeadingLine): 'furniture' | 'text' | undefined {
  if (isRule(line.text, line.start, line.end) || WEEKDAY.test(line.upper)) return 'furniture';
  const first = state.heading.subjectParts[0];
  return first !== undefined && !hasLower(first) && hasLower(line.prefix) ? 'text' : undefined;
}

/** A line of dashes, equals signs or underscores (three or more), blanks between them allowed. */
function isRule(s: string, f: number, e: number): boolean {
  if (e - f < 3) return false;
  for (let k = f; k < e; k++) {
    const c = s.charCodeAt(k);
    if (c !== Char.Dash && c !== Char.Equals && c !== Char.Underscore && c !== Char.Space) return false;
  }
  return true;
}

/** Lower-case letters other than the x of a redaction (`xxxxxxxxxxxx`). */
function hasLower(s: string): boolean {
  return /[a-wyz]/.test(s);
}

/**
 * A page header inside the subject (`PAGE 02 HARARE 06677 01 OF 03 291400Z OPPOSITION LEADER`): the words
 * the printout ran onto it after the header's time group are more of the subject.
 */
export function subjectOnPageHeader(state: ParseState, line: Line): void {
  const sub = state.doc.subject;
  if (!sub) return;
  const m = PAGE_HEADER_TAIL.exec(line.text.slice(line.start, Math.min(line.end, line.start + 200)));
  if (!m || line.start + m[0].length >= line.end) return;
  const r = rng(line.index, line.start + m[0].length, line.end);
  state.heading.subjectParts.push(line.text.slice(r.start.character, line.end));
  sub.textRange = span(sub.textRange, r);
  sub.range = span(sub.range, r);
}
