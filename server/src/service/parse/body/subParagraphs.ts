import { Char, isDigit } from '../chars.ts';

export const SUBPARA_RE = /^(¶ ?)?(\((?:[A-Za-z]|[ivx]{1,4}|\d{1,2})\)|[A-Za-z][.)]|[ivx]{1,4}[.)]|\d{1,2}[a-z][.)])(?= )/;

export const BULLET_RE = /^(-{1,3}|[*•o])(?= )/;

/**
 * Whether SUBPARA_RE or BULLET_RE can match a line whose first two characters are `a`, `b`: a `(`, `¶`,
 * dash or digit first; a one-letter label (`b.`, `C)`); two Roman-numeral letters (`iv.`); or a bullet
 * character before a blank.
 */
export function opensLabel(a: number, b: number): boolean {
  if (a === Char.OpenParen || a === Char.Pilcrow || a === Char.Dash || isDigit(a) || b === Char.Dot || b === Char.CloseParen) return true;
  if ((a === Char.i || a === Char.v || a === Char.x) && (b === Char.i || b === Char.v || b === Char.x)) return true;
  return (a === Char.Asterisk || a === Char.Bullet || a === Char.o) && b === Char.Space;
}

/**
 * Where the first blank stands within the first eight characters of the `n` characters of `src` from
 * `a` (whose first is not a blank), or -1: sub-paragraph labels and bullets end right before it.
 */
export function labelSpace(src: string, a: number, n: number): number {
  const limit = Math.min(n, 8);
  for (let k = 1; k < limit; k++) if (src.charCodeAt(a + k) === Char.Space) return k;
  return -1;
}
