import { Char, isDigit } from '../chars.ts';
import { endNonSpaceBefore, firstNonSpace } from '../../text.ts';
import { rng, span } from '../range.ts';
import type { ParseState } from '../state.ts';
import { MAX_HEADER_LINE, MAX_PREFIX } from '../state.ts';
import { headingKeyword, inlineHeadingCut, markedClassifiedBy } from './keywords.ts';
import { captionLine } from './captions.ts';
import { distributionLine } from './distribution.ts';
import { eoLine } from './eo.ts';
import { tagsLine, tagsContinuation } from './tags.ts';
import { subjectLine, finishSubject } from './subject.ts';
import { refStart, startsWithRefLabel, refLine } from './references.ts';
import { classifiedByStart, cbLine, finishClassifiedBy } from './classifiedBy.ts';
import { PARA_RE } from '../body/paragraphs.ts';

export function endCont(state: ParseState): void {
  if (state.heading.continuing === 'classifiedBy') finishClassifiedBy(state);
  if (state.heading.continuing === 'subject') finishSubject(state);
  state.heading.continuing = 'none';
}

/** Heading elements between the banner and the text. Returns false when the line is not one. */
export function headingLine(state: ParseState, i: number, s: string, f: number, e: number, t: string, u: string): boolean {
  // Whether the line opens a numbered paragraph, asked below up to four times: once, and only when it
  // starts with a digit or a pilcrow.
  const c0 = t.charCodeAt(0);
  const para = (isDigit(c0) || c0 === Char.Pilcrow) && PARA_RE.test(t);
  // Elements run together on one line (`SUBJECT: … Classified By: …`, `REF: … Classified By: …`).
  const cut = para ? -1 : inlineHeadingCut(u);
  if (cut > 0) {
    const e1 = f + endNonSpaceBefore(u, cut);
    headingLine(state, i, s, f, e1, s.slice(f, e1), u.slice(0, cut));
    const f2 = f + cut;
    return headingLine(state, i, s, f2, e, s.slice(f2, Math.min(e, f2 + MAX_PREFIX)), u.slice(cut));
  }
  // Continuations first.
  const kw = headingKeyword(state, u);
  if (state.heading.continuing === 'tags') {
    if (kw === 'none' && tagsContinuation(state, i, s, f, e, u)) return true;
    state.heading.continuing = 'none';
  }
  if (kw === 'none' && state.heading.continuing === 'subject') {
    const sub = state.doc.subject;
    if (sub && !para) {
      state.heading.subjectParts.push(s.slice(f, e));
      sub.textRange = span(sub.textRange, rng(i, f, e));
      sub.range = span(sub.range, rng(i, f, e));
      return true;
    }
  }
  // Lettered references continue after a blank line (`REF: A. BAKU 1761` … `¶B. BAKU 1819`).
  if (kw === 'none' && state.heading.continuing === 'none' && state.heading.refBlock && state.heading.refBlock === state.doc.references[state.doc.references.length - 1] && startsWithRefLabel(state, t)) {
    state.heading.continuing = 'refs';
  }
  if (kw === 'none' && state.heading.continuing === 'refs' && state.heading.refBlock && !para && e - f <= MAX_HEADER_LINE) {
    refLine(state, i, s, f, e, false);
    return true;
  }
  if (kw === 'none' && state.heading.continuing === 'classifiedBy' && state.doc.classifiedBy && !para) {
    const cb = state.doc.classifiedBy;
    cb.range = span(cb.range, rng(i, f, e));
    cbLine(state, i, s, f, e);
    return true;
  }
  if (kw !== 'none') {
    endCont(state);
    state.heading.lastKeyword = kw;
  }
  switch (kw) {
    case 'eo':
      eoLine(state, i, s, f, e, u);
      return true;
    case 'tags':
      tagsLine(state, i, s, f, e, u);
      return true;
    case 'subject':
      subjectLine(state, i, s, f, e, u);
      return true;
    case 'ref':
      refStart(state, i, s, f, e, u);
      return true;
    case 'classifiedBy': {
      const off = u.charCodeAt(0) === Char.OpenParen ? markedClassifiedBy(u) : 0;
      classifiedByStart(state, i, s, f, e, u.slice(off), f + off);
      return true;
    }
  }
  if (para) return false;
  if (e - f <= MAX_HEADER_LINE && captionLine(state, i, s, f, e, u)) return true;
  if (!state.heading.seenSubject && !state.heading.seenTags) {
    if (e - f <= MAX_HEADER_LINE) distributionLine(state, i, s, f, e, u);
    return true;
  }
  if (!state.heading.seenSubject) return true;
  // A stray wrapped piece between heading elements (`TO LONDON` after a blank under SUBJECT, `OF 10/6 D)
  // STATE 215870` inside REF): keep it with the element before when a heading keyword follows shortly.
  if (e - f <= 120 && headingKeywordAhead(state, i)) {
    if (state.heading.lastKeyword === 'subject' && state.doc.subject) {
      const sub = state.doc.subject;
      state.heading.subjectParts.push(s.slice(f, e));
      sub.textRange = span(sub.textRange, rng(i, f, e));
      sub.range = span(sub.range, rng(i, f, e));
    } else if (state.heading.lastKeyword === 'ref' && state.heading.refBlock) {
      refLine(state, i, s, f, e, false);
    }
    return true;
  }
  return false;
}

export function headingKeywordAhead(state: ParseState, i: number): boolean {
  let seen = 0;
  const limit = Math.min(state.source.lines.length, i + 12);
  for (let j = i + 1; j < limit && seen < 3; j++) {
    const raw = state.source.lines[j];
    if (raw.length > MAX_HEADER_LINE) return false;
    const s = state.source.line(j);
    const f = firstNonSpace(s);
    if (f === s.length) continue;
    seen++;
    const u = s.slice(f, f + 40).toUpperCase();
    if (PARA_RE.test(u)) return false;
    const kw = headingKeyword(state, u);
    if (kw === 'ref' || kw === 'classifiedBy') return true;
  }
  return false;
}
