import type { Addressee, Range } from '../../model.ts';
import { Case, Char, asciiUpper, digitsValue, isDigit, isUpper } from '../chars.ts';
import { endNonSpaceBefore } from '../../text.ts';
import { rng, tok } from '../range.ts';
import { PRECEDENCE_WORDS } from '../vocabulary.ts';
import type { ParseState } from '../state.ts';

export function addressee(state: ParseState, i: number, s: string, from: number, to: number): Addressee | undefined {
  let a = from;
  while (a < to && s.charCodeAt(a) === Char.Space) a++;
  let e = to;
  if (a >= e) return undefined;
  const out: Partial<Addressee> & { range: Range } = { range: rng(i, a, e) };
  // `R` + three to six capitals + `/` (RUEHC/), read without a slice and a regex per addressee.
  let nameStart = a;
  if (s.charCodeAt(a) === Char.R) {
    let k = a + 1;
    while (k < a + 8 && isUpper(s.charCodeAt(k))) k++;
    const letters = k - a - 1;
    if (letters >= 3 && letters <= 6 && s.charCodeAt(k) === Char.Slash && k < Math.min(e, a + 9)) {
      out.routingIndicator = tok(i, s, a, k);
      nameStart = k + 1;
    }
  }
  // Trailing number, then precedence words.
  let d = e;
  while (d > nameStart && isDigit(s.charCodeAt(d - 1))) d--;
  if (d < e && e - d <= 6 && s.charCodeAt(d - 1) === Char.Space) {
    out.number = { text: s.slice(d, e), range: rng(i, d, e), value: digitsValue(s, d, e) };
    e = endNonSpaceBefore(s, d);
  }
  // The last word is upper-cased only when it is short enough to be a precedence word (IMMEDIATE is
  // the longest; upper-casing never shortens a word).
  let sp = e - 1;
  while (sp > nameStart && s.charCodeAt(sp) !== Char.Space) sp--;
  const last = sp > nameStart && e - sp - 1 <= 9 ? precedenceWord(s, sp + 1, e) : '';
  if (last) {
    let ps = sp + 1;
    const before = endNonSpaceBefore(s, sp);
    if (last === 'IMMEDIATE' && s.slice(before - 5, before).toUpperCase() === 'NIACT' && before - 5 > nameStart) {
      ps = before - 5;
    }
    out.precedence = tok(i, s, ps, e);
    e = endNonSpaceBefore(s, ps);
  }
  if (e <= nameStart) e = Math.max(nameStart, endNonSpaceBefore(s, to));
  out.name = tok(i, s, nameStart, e);
  return out as Addressee;
}

/**
 * The precedence word (PRECEDENCE_WORDS) that s[a, b) upper-cases to, or ''. An ASCII word is compared in
 * place; one with other characters is upper-cased (`ﬂash` reads FLASH).
 */
export function precedenceWord(s: string, a: number, b: number): string {
  // Upper-casing keeps an ASCII first letter first: it must be that of one of the words.
  const c0 = s.charCodeAt(a) & ~Case.Bit;
  if (c0 !== Char.F && c0 !== Char.R && c0 !== Char.P && c0 !== Char.I && s.charCodeAt(a) < Char.NonAscii) return '';
  let w: string;
  switch (b - a) {
    case 5:
      w = 'FLASH';
      break;
    case 7:
      w = 'ROUTINE';
      break;
    case 8:
      w = 'PRIORITY';
      break;
    case 9:
      w = 'IMMEDIATE';
      break;
    default:
      w = '';
  }
  for (let k = a; k < b; k++) {
    const c = s.charCodeAt(k);
    if (c >= Char.NonAscii) {
      const up = s.slice(a, b).toUpperCase();
      return PRECEDENCE_WORDS.has(up) ? up : '';
    }
    if (w && asciiUpper(c) !== w.charCodeAt(k - a)) w = '';
  }
  return w;
}
