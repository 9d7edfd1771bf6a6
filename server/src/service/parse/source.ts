/**
 * The line source: the text as every reader sees it, computed once before any of them runs.
 *
 * - `lines`: the lines as written, split at CRLF, CR and LF (text.ts splitLines);
 * - `text`: the whole text with blank-like characters (tab, NUL, VT, FF, no-break and other Unicode
 *   spaces, BOM) turned into plain spaces. It has the original's length, so a column read here is a column
 *   of the editor's text;
 * - `starts[i]`: where line i starts in `text`;
 * - `first[i]`, `end[i]`: line i's non-blank part is columns [first, end); a blank line has
 *   first = end = its length.
 *
 * Readers read characters from `text` at `starts[i] + column` rather than from the line strings: the
 * lines from the split are slices of the text, and reading a slice's characters costs several times what
 * reading the flat text does. `line(i)` gives line i normalised, for the readers that slice or match it.
 */
import { Char, codeAt } from './chars.ts';
import { normaliseLine, normaliseText, splitLines } from '../text.ts';

// The blank-like characters of normaliseLine above U+00FF (the Latin-1 ones are found with indexOf),
// looked for only when the text holds any character above U+00FF at all (a test the engine answers
// at once for a one-byte string).
const BLANKISH_HIGH = /[\u2000-\u200b\u202f\ufeff]/;
const ABOVE_LATIN1 = /[^\0-\xff]/;

export class LineSource {
  readonly lines: string[];
  readonly text: string;
  readonly starts: number[];
  readonly first: Int32Array;
  readonly end: Int32Array;
  /** The text's length with each line end counted as one character (the model's `size`). */
  readonly size: number;
  /** Whether any line holds a blank-like character: one test of the whole text instead of one per line. */
  private readonly normalised: boolean;
  /** Lines with their blank-like characters turned into spaces, made when first asked for. */
  private readonly normalisedLines: (string | undefined)[];

  constructor(raw: string) {
    const lines = splitLines(raw);
    const n = lines.length;
    this.lines = lines;
    // Each line end counts as one character, so the size does not depend on the line-end style.
    let size = raw.length;
    if (raw.indexOf('\r') >= 0) {
      size = n - 1;
      for (const l of lines) size += l.length;
    }
    this.size = size;
    this.normalised =
      raw.indexOf('\t') >= 0 ||
      raw.indexOf('\0') >= 0 ||
      raw.indexOf('\v') >= 0 ||
      raw.indexOf('\f') >= 0 ||
      raw.indexOf('\u00a0') >= 0 ||
      (ABOVE_LATIN1.test(raw) && BLANKISH_HIGH.test(raw));
    // Filled, not sized (`new Array(n)` makes a holey array, whose reads V8 compiles apart).
    this.normalisedLines = this.normalised ? new Array<string | undefined>(n).fill(undefined) : [];
    const text = this.normalised ? normaliseText(raw) : raw;
    this.text = text;
    const starts = new Array<number>(n);
    const first = new Int32Array(n);
    const end = new Int32Array(n);
    let at = 0;
    for (let i = 0; i < n; i++) {
      const len = lines[i].length;
      starts[i] = at;
      let f = 0;
      while (f < len && text.charCodeAt(at + f) === Char.Space) f++;
      let e = len;
      if (f < len) while (text.charCodeAt(at + e - 1) === Char.Space) e--;
      first[i] = f;
      end[i] = e;
      at += len;
      at += codeAt(text, at) === Char.CarriageReturn && codeAt(text, at + 1) === Char.LineFeed ? 2 : 1;
    }
    this.starts = starts;
    this.first = first;
    this.end = end;
  }

  get count(): number {
    return this.lines.length;
  }

  /** Line i with its blank-like characters turned into spaces (the line itself when it has none). */
  line(i: number): string {
    if (!this.normalised) return this.lines[i];
    let s = this.normalisedLines[i];
    if (s === undefined) {
      s = normaliseLine(this.lines[i]);
      this.normalisedLines[i] = s;
    }
    return s;
  }

  isBlank(i: number): boolean {
    return this.first[i] === this.end[i];
  }

  /**
   * The code of column k of line i, read on the flat text: past the line's end, its line end (a code no
   * reader takes for a letter, digit or blank), and Char.EndOfText past the text's end.
   */
  code(i: number, k: number): number {
    return codeAt(this.text, this.starts[i] + k);
  }
}

/** The line holding offset `off` of the text, by binary search over the lines' start offsets. */
export function lineAt(starts: number[], off: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= off) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * One line, or a part of one, as a reader is handed it: the line's number (which every range read from it
 * carries), its normalised text, and the columns [start, end) of the part to read — for a whole line, its
 * non-blank part. Readers take columns of `text`, so what they read maps 1:1 onto the editor's text.
 */
export interface Line {
  readonly index: number;
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** The part [start, end) of the line that `line` is a part of. */
export function part(line: Line, start: number, end: number): Line {
  return { index: line.index, text: line.text, start, end };
}
