import { endNonSpaceBefore } from '../../text.ts';
import { rng, tok } from '../range.ts';
import type { ParseState } from '../state.ts';
import { EO_RE } from './keywords.ts';
import { eoLine } from './eo.ts';
import { headingPart, type HeadingLine } from './index.ts';

/**
 * A passing line before TAGS and SUBJECT: `STATE FOR EUR/WE, EUR/RPM`, `AMEMBASSY OTTAWA PASS TO AMCONSUL
 * QUEBEC`, `FOR THE AMBASSADOR`: whom the cable is for, and through whom.
 */
export function distributionLine(state: ParseState, line: HeadingLine): void {
  const { index: i, text: s, start: f } = line;
  let { end: e, upper: u } = line;
  // The E.O. line run onto the passing line (`DEPT FOR WHA/BSC E.O. 12958: DECL: …`).
  const eoAt = u.indexOf(' E.O. ');
  if (eoAt > 0 && eoAt < e - f && EO_RE.test(u.slice(eoAt + 1))) {
    eoLine(state, headingPart(line, f + eoAt + 1, e, u.slice(eoAt + 1)));
    e = f + endNonSpaceBefore(u, eoAt);
    u = u.slice(0, e - f);
  }
  const text = s.slice(f, e);
  const up = u.slice(0, e - f);
  let at = up.indexOf(' PASS TO ');
  let kwLen = 9;
  const forAt = up.indexOf(' FOR ');
  if (at < 0 || (forAt >= 0 && forAt < at)) {
    at = forAt;
    kwLen = 5;
  }
  if (up.startsWith('FOR ') || up.startsWith('PASS TO ')) {
    const d = { range: rng(i, f, e), text, who: tok(i, s, f + (up.startsWith('FOR ') ? 4 : 8), e) };
    state.doc.distribution.push(d);
    return;
  }
  if (at <= 0 || /[a-z]/.test(s.slice(f, f + at)) && /[a-z]{4}/.test(text.slice(0, 30))) return;
  state.doc.distribution.push({
    range: rng(i, f, e),
    text,
    to: tok(i, s, f, f + at),
    who: tok(i, s, f + at + kwLen, e),
  });
}
