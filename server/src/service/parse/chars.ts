/**
 * Character codes by name, and the predicates over them that the parser, the rules and the features share.
 *
 * Code that reads characters one at a time (`s.charCodeAt(k)`) compares them with these names, never with
 * bare numbers. `Char` is a `const enum`: esbuild writes each member's number in place of its name in the
 * bundles (scripts/check-bundles.mjs checks that no read of the enum object is left), so naming a character
 * costs nothing at run time. Lower-case letters are named by themselves (`Char.a`), capitals likewise
 * (`Char.A`), as in TypeScript's own scanner.
 *
 * Reading outside a string: `s.charCodeAt(k)` answers NaN there. Where a reader may step off either end,
 * it reads `codeAt(s, k)`, which answers `Char.EndOfText` instead: a value no predicate here accepts, that a
 * reader can test for by name.
 */

export const enum Char {
  /** What `codeAt` answers before the first or past the last character of a string. */
  EndOfText = -1,
  Null = 0x00,
  Tab = 0x09,
  LineFeed = 0x0a,
  VerticalTab = 0x0b,
  FormFeed = 0x0c,
  CarriageReturn = 0x0d,
  Space = 0x20,
  Exclamation = 0x21,
  DoubleQuote = 0x22,
  Hash = 0x23,
  Ampersand = 0x26,
  Apostrophe = 0x27,
  OpenParen = 0x28,
  CloseParen = 0x29,
  Asterisk = 0x2a,
  Comma = 0x2c,
  /** `-`, hyphen and minus. */
  Dash = 0x2d,
  Dot = 0x2e,
  Slash = 0x2f,
  Digit0 = 0x30,
  Digit1 = 0x31,
  Digit2 = 0x32,
  Digit3 = 0x33,
  Digit4 = 0x34,
  Digit5 = 0x35,
  Digit6 = 0x36,
  Digit7 = 0x37,
  Digit8 = 0x38,
  Digit9 = 0x39,
  Colon = 0x3a,
  Semicolon = 0x3b,
  LessThan = 0x3c,
  Equals = 0x3d,
  Question = 0x3f,
  A = 0x41,
  B = 0x42,
  C = 0x43,
  D = 0x44,
  E = 0x45,
  F = 0x46,
  G = 0x47,
  H = 0x48,
  I = 0x49,
  J = 0x4a,
  K = 0x4b,
  L = 0x4c,
  M = 0x4d,
  N = 0x4e,
  O = 0x4f,
  P = 0x50,
  Q = 0x51,
  R = 0x52,
  S = 0x53,
  T = 0x54,
  U = 0x55,
  V = 0x56,
  W = 0x57,
  X = 0x58,
  Y = 0x59,
  Z = 0x5a,
  OpenBracket = 0x5b,
  CloseBracket = 0x5d,
  Underscore = 0x5f,
  a = 0x61,
  b = 0x62,
  c = 0x63,
  d = 0x64,
  e = 0x65,
  f = 0x66,
  g = 0x67,
  h = 0x68,
  i = 0x69,
  j = 0x6a,
  k = 0x6b,
  l = 0x6c,
  m = 0x6d,
  n = 0x6e,
  o = 0x6f,
  p = 0x70,
  q = 0x71,
  r = 0x72,
  s = 0x73,
  t = 0x74,
  u = 0x75,
  v = 0x76,
  w = 0x77,
  x = 0x78,
  y = 0x79,
  z = 0x7a,
  /** The last code of printable ASCII is `~`; DEL follows it. */
  Tilde = 0x7e,
  Delete = 0x7f,
  /** The first code past ASCII: a character from here on may upper-case to a letter, or to several. */
  NonAscii = 0x80,
  NoBreakSpace = 0xa0,
  /** `¶`, which numbers paragraphs in the WikiLeaks copies (`¶1.`). */
  Pilcrow = 0xb6,
  OghamSpace = 0x1680,
  EnQuad = 0x2000,
  HairSpace = 0x200a,
  ZeroWidthSpace = 0x200b,
  EnDash = 0x2013,
  EmDash = 0x2014,
  /** `’`, the typographic apostrophe. */
  RightSingleQuote = 0x2019,
  /** `”` */
  RightDoubleQuote = 0x201d,
  /** `•` */
  Bullet = 0x2022,
  LineSeparator = 0x2028,
  ParagraphSeparator = 0x2029,
  NarrowNoBreakSpace = 0x202f,
  MediumMathematicalSpace = 0x205f,
  IdeographicSpace = 0x3000,
  ByteOrderMark = 0xfeff,
}

/**
 * The bit that tells an ASCII capital from its small letter: `c | CaseBit` is the small letter of a
 * capital, `c & ~CaseBit` the capital of a small letter. Folding leaves the codes of `(`, `-`, `.`, `/`,
 * digits and blanks as they are (they have the bit already), so a folded code can still be compared with
 * those; it maps `@[\]^_` onto the small-letter range's neighbours, which no test below names.
 */
export const enum Case {
  Bit = 0x20,
}

/**
 * The code at `s[k]`, or Char.EndOfText where `k` falls before the first or past the last character: for a
 * reader that may step off either end. The index is checked before the read rather than the NaN charCodeAt
 * answers there tested after it: optimised code that reads past a string's end is thrown away and compiled
 * again (V8 deoptimises on the first out-of-bounds read at each site), and over a large archive those
 * re-compiles were a good part of the warm-up (bench/warmup.ts).
 *
 * The read is `charCodeAt.call(s, k)`, not `s.charCodeAt(k)`: this one function reads every kind of string
 * V8 makes (flat, sliced, joined, one- and two-byte), and looking `charCodeAt` up on them all from one place
 * goes megamorphic, which cost every caller about 5% (measured with `npm run bench -- --against`);
 * calling the function itself looks nothing up on the string.
 */
const charCodeAt = String.prototype.charCodeAt;
export function codeAt(s: string, k: number): number {
  return k >= 0 && k < s.length ? charCodeAt.call(s, k) : Char.EndOfText;
}

export function isDigit(c: number): boolean {
  return c >= Char.Digit0 && c <= Char.Digit9;
}

/** An ASCII capital letter. */
export function isUpper(c: number): boolean {
  return c >= Char.A && c <= Char.Z;
}

/** An ASCII small letter. */
export function isLower(c: number): boolean {
  return c >= Char.a && c <= Char.z;
}

/** An ASCII letter. */
export function isLetter(c: number): boolean {
  return isUpper(c) || isLower(c);
}

/** An ASCII letter or digit. */
export function isAlnum(c: number): boolean {
  return isLetter(c) || isDigit(c);
}

export function isUpperOrDigit(c: number): boolean {
  return isUpper(c) || isDigit(c);
}

/** What `\w` matches: an ASCII letter, digit or `_`. */
export function isWordChar(c: number): boolean {
  return isAlnum(c) || c === Char.Underscore;
}

/** Not an ASCII character (and not Char.EndOfText). */
export function isNonAscii(c: number): boolean {
  return c >= Char.NonAscii;
}

/** A printable ASCII character, the blank included. */
export function isPrintableAscii(c: number): boolean {
  return c >= Char.Space && c <= Char.Tilde;
}

/** The capital of an ASCII small letter; any other code as it is. */
export function asciiUpper(c: number): number {
  return isLower(c) ? c - Case.Bit : c;
}

/** The small letter of an ASCII capital; any other code as it is. */
export function asciiLower(c: number): number {
  return isUpper(c) ? c + Case.Bit : c;
}

/** The value of a digit's code. */
export function digitValue(c: number): number {
  return c - Char.Digit0;
}

/** The value of the decimal digits s[from, to), as Number() reads them. */
export function digitsValue(s: string, from: number, to: number): number {
  let v = 0;
  for (let k = from; k < to; k++) v = v * 10 + digitValue(s.charCodeAt(k));
  return v;
}

/** What JavaScript's `\s` matches. */
export function isJsBlank(c: number): boolean {
  if (c < Char.NonAscii) return c === Char.Space || (c >= Char.Tab && c <= Char.CarriageReturn);
  return (
    c === Char.NoBreakSpace ||
    c === Char.OghamSpace ||
    (c >= Char.EnQuad && c <= Char.HairSpace) ||
    c === Char.LineSeparator ||
    c === Char.ParagraphSeparator ||
    c === Char.NarrowNoBreakSpace ||
    c === Char.MediumMathematicalSpace ||
    c === Char.IdeographicSpace ||
    c === Char.ByteOrderMark
  );
}
