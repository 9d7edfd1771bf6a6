/**
 * Rules drawn across the text: a line of dashes, equals signs or underscores, spaced or not (`-----`,
 * `- - - - -`, `=====`). They underline a heading or separate parts of the text; they are no bullet and
 * no text of their own.
 */
import { Char } from '../chars.ts';

const EQUALS = 0x3d;

/** Whether s[from, to) is a rule: three or more rule characters and nothing else but blanks. */
export function isRuleLine(s: string, from = 0, to = s.length): boolean {
  let marks = 0;
  for (let k = from; k < to; k++) {
    const c = s.charCodeAt(k);
    if (c === Char.Dash || c === EQUALS || c === Char.Underscore) marks++;
    else if (c !== Char.Space && c !== Char.Tab) return false;
  }
  return marks >= 3;
}
