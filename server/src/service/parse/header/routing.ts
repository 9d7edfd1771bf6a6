import type { Token } from '../../model.ts';
import { tok } from '../range.ts';
import type { ParseState } from '../state.ts';

export const RI_G = /R[A-Z]{3,6}/g;

export function ris(state: ParseState, i: number, s: string, from: number): Token[] {
  const out: Token[] = [];
  RI_G.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = RI_G.exec(s))) out.push(tok(i, s, m.index, m.index + m[0].length));
  return out;
}
