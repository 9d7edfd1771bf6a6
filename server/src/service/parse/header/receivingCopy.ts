import { span, tok } from '../range.ts';
import type { ParseState } from '../state.ts';
import { extendHeader } from './index.ts';

export function receivingCopy(state: ParseState, i: number, s: string, f: number, t: string): void {
  const h = state.doc.header;
  const token = tok(i, s, f, f + t.length);
  if (!h.receivingCopy) h.receivingCopy = { range: token.range, lines: [token] };
  else {
    h.receivingCopy.lines.push(token);
    h.receivingCopy.range = span(h.receivingCopy.range, token.range);
  }
  extendHeader(state, i, f, f + t.length);
}
