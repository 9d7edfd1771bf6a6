import type { Range, Token } from '../model.ts';

export function rng(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

export function span(a: Range, b: Range): Range {
  return { start: a.start, end: b.end };
}

export function tok(line: number, s: string, start: number, end: number): Token {
  return { text: s.slice(start, end), range: rng(line, start, end) };
}
