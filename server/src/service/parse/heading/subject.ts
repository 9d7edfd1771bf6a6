import type { PortionMarking } from '../../model.ts';
import { Char } from '../chars.ts';
import { rng, tok } from '../range.ts';
import type { ParseState } from '../state.ts';
import { SUBJECT_RE } from './keywords.ts';
import { readMarking } from '../markings.ts';

// ----- SUBJECT

export function subjectLine(state: ParseState, i: number, s: string, f: number, e: number, u: string): void {
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
    const pm = readMarking(state, i, s, p, e);
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

export function finishSubject(state: ParseState): void {
  const sub = state.doc.subject;
  if (!sub) return;
  const joined = state.heading.subjectParts.join(' ');
  sub.text = (joined.includes('  ') ? joined.replace(/ {2,}/g, ' ') : joined).trim();
}
