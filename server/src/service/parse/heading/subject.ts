import type { PortionMarking } from '../../model.ts';
import { Char } from '../chars.ts';
import { rng, tok } from '../range.ts';
import type { ParseState } from '../state.ts';
import { SUBJECT_RE } from './keywords.ts';
import { readMarking } from '../markings.ts';
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

/** The subject's text: its parts joined, runs of blanks made one. */
export function finishSubject(state: ParseState): void {
  const sub = state.doc.subject;
  if (!sub) return;
  const joined = state.heading.subjectParts.join(' ');
  sub.text = (joined.includes('  ') ? joined.replace(/ {2,}/g, ' ') : joined).trim();
}
