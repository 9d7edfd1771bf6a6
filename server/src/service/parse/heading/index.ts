/**
 * The heading zone: from the banner to the first line of the text. Elements that open with a keyword
 * (E.O., TAGS, SUBJECT, REF, Classified By: keywords.ts) and may run on over further lines, captions
 * (SIPDIS, NOFORN …), and passing lines (`STATE FOR EUR/WE`).
 *
 * A heading line is read in this order: an element run together with another on one line is cut in two
 * and each part read alone; a line that continues the open element goes to it; a keyword opens its
 * element; else the line may be a caption, a passing line (before TAGS and SUBJECT), or a piece of the
 * element before that wrapped away from it. A line that is none of these ends the heading (the zone
 * loop then reads it as text). Adding an element: its keyword in keywords.ts, its reader in a file of its
 * own, a case in `keywordElement`, and, if it runs on over lines, a `continuing` value (state.ts) read in
 * `continuation`.
 */
import { Char, isDigit } from '../chars.ts';
import { endNonSpaceBefore } from '../../text.ts';
import { rng, span } from '../range.ts';
import type { Line } from '../source.ts';
import { MAX_HEADER_LINE, MAX_PREFIX, type HeadingKeyword, type ParseState } from '../state.ts';
import { headingKeyword, inlineHeadingCut, markedClassifiedBy } from './keywords.ts';
import { captionLine } from './captions.ts';
import { distributionLine } from './distribution.ts';
import { eoLine } from './eo.ts';
import { tagsLine, tagsContinuation } from './tags.ts';
import { subjectLine, finishSubject, subjectEnd } from './subject.ts';
import { refStart, startsWithRefLabel, completesLastRef, refLine } from './references.ts';
import { classifiedByStart, classifiedByLine, finishClassifiedBy } from './classifiedBy.ts';
import { PARA_RE } from '../body/paragraphs.ts';

/** A heading line, or a part of one, as the heading readers read it. */
export interface HeadingLine extends Line {
  /** What the recognisers read: text[start, end), at most MAX_PREFIX characters of it. */
  readonly prefix: string;
  /** The prefix upper-cased: upper[k] stands for column start + k (upper-casing keeps the length of all but a few rare letters). */
  readonly upper: string;
}

/** The part [start, end) of a heading line, whose upper-cased text is `upper`. */
export function headingPart(line: Line, start: number, end: number, upper: string): HeadingLine {
  return { index: line.index, text: line.text, start, end, prefix: line.text.slice(start, Math.min(end, start + MAX_PREFIX)), upper };
}

/** Reads a line of the heading zone. False when it is no heading line: the text starts there. */
export function headingLine(state: ParseState, line: HeadingLine): boolean {
  // Whether the line opens a numbered paragraph, asked below up to four times: once, and only when it
  // starts with a digit or a pilcrow.
  const c0 = line.prefix.charCodeAt(0);
  const para = (isDigit(c0) || c0 === Char.Pilcrow) && PARA_RE.test(line.prefix);
  // Elements run together on one line (`SUBJECT: … Classified By: …`, `REF: … Classified By: …`).
  const cut = para ? -1 : inlineHeadingCut(line.upper);
  if (cut > 0) {
    const u = line.upper;
    headingLine(state, headingPart(line, line.start, line.start + endNonSpaceBefore(u, cut), u.slice(0, cut)));
    return headingLine(state, headingPart(line, line.start + cut, line.end, u.slice(cut)));
  }
  const kw = headingKeyword(state, line.upper);
  if (continuation(state, line, kw, para)) return true;
  if (kw !== 'none') {
    keywordElement(state, line, kw);
    return true;
  }
  return otherHeadingLine(state, line, para);
}

/** Ends the element still open (the subject's text and the Classified By reason are read then). */
export function endCont(state: ParseState): void {
  if (state.heading.continuing === 'classifiedBy') finishClassifiedBy(state);
  if (state.heading.continuing === 'subject') finishSubject(state);
  state.heading.continuing = 'none';
}

/** A line that continues the open element (a keyword line never does, and TAGS end at one). */
function continuation(state: ParseState, line: HeadingLine, kw: HeadingKeyword | 'none', para: boolean): boolean {
  const heading = state.heading;
  if (heading.continuing === 'tags') {
    if (kw === 'none' && tagsContinuation(state, line)) return true;
    heading.continuing = 'none';
  }
  if (kw !== 'none') return false;
  if (heading.continuing === 'subject') {
    if (para) return false;
    const end = subjectEnd(state, line);
    if (!end) return continueSubject(state, line);
    endCont(state);
    // A dash rule or the viewer's date is taken with the heading; a sentence is read on as text.
    return end === 'furniture';
  }
  // Lettered references continue after a blank line (`REF: A. BAKU 1761` … `¶B. BAKU 1819`), as does
  // the serial a lettered item lacks (`(C) SECSTATE` … `36633`).
  const refs = state.doc.references;
  if (heading.continuing === 'none' && heading.refBlock && heading.refBlock === refs[refs.length - 1] && (startsWithRefLabel(state, line.prefix) || completesLastRef(state, line.prefix))) {
    heading.continuing = 'refs';
  }
  if (heading.continuing === 'refs') {
    if (!heading.refBlock || para || line.end - line.start > MAX_HEADER_LINE) return false;
    refLine(state, line, false);
    return true;
  }
  if (heading.continuing === 'classifiedBy') {
    const cb = state.doc.classifiedBy;
    if (!cb || para) return false;
    cb.range = span(cb.range, rng(line.index, line.start, line.end));
    classifiedByLine(state, line);
    return true;
  }
  return false;
}

/** The line (or the line's part) joins the subject's text. */
function continueSubject(state: ParseState, line: Line): boolean {
  const sub = state.doc.subject;
  if (!sub) return false;
  const r = rng(line.index, line.start, line.end);
  state.heading.subjectParts.push(line.text.slice(line.start, line.end));
  sub.textRange = span(sub.textRange, r);
  sub.range = span(sub.range, r);
  return true;
}

function keywordElement(state: ParseState, line: HeadingLine, kw: HeadingKeyword): void {
  endCont(state);
  state.heading.lastKeyword = kw;
  switch (kw) {
    case 'eo':
      return eoLine(state, line);
    case 'tags':
      return tagsLine(state, line);
    case 'subject':
      return subjectLine(state, line);
    case 'ref':
      return refStart(state, line);
    case 'classifiedBy': {
      // `(U) Classified by …`: the keyword stands after the marking.
      const u = line.upper;
      const off = u.charCodeAt(0) === Char.OpenParen ? markedClassifiedBy(u) : 0;
      return classifiedByStart(state, line, u.slice(off), line.start + off);
    }
  }
}

/** A caption, a passing line, a stray piece of the element before, or (false) the start of the text. */
function otherHeadingLine(state: ParseState, line: HeadingLine, para: boolean): boolean {
  if (para) return false;
  const length = line.end - line.start;
  if (length <= MAX_HEADER_LINE && captionLine(state, line)) return true;
  const heading = state.heading;
  if (!heading.seenSubject && !heading.seenTags) {
    if (length <= MAX_HEADER_LINE) distributionLine(state, line);
    return true;
  }
  if (!heading.seenSubject) return true;
  // A stray wrapped piece between heading elements (`TO LONDON` after a blank under SUBJECT, `OF 10/6 D)
  // STATE 215870` inside REF): keep it with the element before when a heading keyword follows shortly.
  if (length > 120 || !headingKeywordAhead(state, line.index)) return false;
  if (heading.lastKeyword === 'subject' && !subjectEnd(state, line)) {
    continueSubject(state, line);
    finishSubject(state);
  }
  else if (heading.lastKeyword === 'ref' && heading.refBlock) refLine(state, line, false);
  return true;
}

/** Whether REF or Classified By opens one of the next three non-blank lines (within twelve lines). */
function headingKeywordAhead(state: ParseState, i: number): boolean {
  const source = state.source;
  let seen = 0;
  const limit = Math.min(source.count, i + 12);
  for (let j = i + 1; j < limit && seen < 3; j++) {
    if (source.lines[j].length > MAX_HEADER_LINE) return false;
    if (source.isBlank(j)) continue;
    seen++;
    const f = source.first[j];
    const u = source.line(j).slice(f, f + 40).toUpperCase();
    if (PARA_RE.test(u)) return false;
    const kw = headingKeyword(state, u);
    if (kw === 'ref' || kw === 'classifiedBy') return true;
  }
  return false;
}
