import type { Heading } from '../../model.ts';
import { Char, isLetter, isLower, isNonAscii } from '../chars.ts';
import { rng } from '../range.ts';
import type { ParseState } from '../state.ts';
import type { Line } from '../source.ts';
import { isRuleLine } from './ruleLines.ts';

/**
 * A heading inside the text: a short line after a blank one (`SUMMARY`, `-- Political Background --`,
 * `Next Steps:`) that is no sentence: no full stop or comma at its end, at most seven blanks, and either
 * all capitals, dashed or ending in a colon, or followed by a blank line or underlined (`Missile Defense`
 * over a line of dashes or equals signs).
 */
export function maybeHeading(state: ParseState, line: Line): void {
  const { index: i, text: s, start: f, end: e } = line;
  if (e - f > 60 || e - f < 3) return;
  // Read on the flat text (source.ts).
  const src = state.source.text;
  const base = state.source.starts[i];
  let a = base + f;
  let b = base + e;
  while (a < b && (src.charCodeAt(a) === Char.Dash || src.charCodeAt(a) === Char.Space)) a++;
  while (b > a && (src.charCodeAt(b - 1) === Char.Dash || src.charCodeAt(b - 1) === Char.Space || src.charCodeAt(b - 1) === Char.Colon)) b--;
  if (b - a < 3) return;
  if (!isLetter(src.charCodeAt(a))) return;
  // A line's last character is no blank of ASCII (those are spaces by now, or line ends); one outside
  // ASCII may be a blank that trimEnd drops.
  let last = src.charCodeAt(base + e - 1);
  let twoDashes = last === Char.Dash && src.charCodeAt(base + e - 2) === Char.Dash;
  if (isNonAscii(last)) {
    const trimmed = s.slice(f, e).trimEnd();
    last = trimmed.charCodeAt(trimmed.length - 1);
    twoDashes = trimmed.endsWith('--');
  }
  if ((last === Char.Dot || last === Char.Comma || last === Char.Semicolon || last === Char.Exclamation || last === Char.Question) && !twoDashes) return;
  let spaces = 0;
  let upper = true;
  for (let k = a; k < b; k++) {
    const c = src.charCodeAt(k);
    if (c === Char.Space && ++spaces >= 8) return;
    if (isLower(c)) upper = false;
  }
  const dashed = (src.charCodeAt(base + f) === Char.Dash && src.charCodeAt(base + f + 1) === Char.Dash) || src.charCodeAt(base + e - 1) === Char.Colon;
  if (!upper && !dashed && i + 1 < state.source.count && !state.source.isBlank(i + 1) && !underlined(state, i + 1)) return;
  const h: Heading = { text: s.slice(f, e), range: rng(i, f, e), title: s.slice(a - base, b - base) };
  state.doc.headings.push(h);
}

/** Whether line i is a rule drawn under the line before it. */
function underlined(state: ParseState, i: number): boolean {
  return isRuleLine(state.source.line(i), state.source.first[i], state.source.end[i]);
}
