/**
 * Cuts a stream of text into cables, for inputs too large to read at once (a file of many cables one
 * after another, or standard input). A cable starts at an ACP 127 transmission line (`VZCZCXYZ0015`) or
 * at the archive's "This record is a partial extract" note: the two signs that only ever open a cable
 * (the same expressions the editor's plain-text test uses, detect.ts). Banners are no boundary: a cable
 * repeats its banner at every section break.
 *
 * Lines end at CRLF, lone CR or LF, counted as the parser counts them, so each piece knows the file line
 * it starts on and diagnostics point into the file. A piece never holds more than `limit` characters:
 * a single cable larger than that is cut there (`truncated`), and the rest of it, up to the next cable,
 * is read but not kept.
 */
import { cableHeadSign } from '../service/detect.ts';
import { Char } from '../service/parse/chars.ts';

export interface Piece {
  text: string;
  /** 0-based line of the input the piece starts on. */
  line: number;
  /** The cable goes on past the limit: `text` is its head only. */
  truncated?: boolean;
}

/** The signs sit at a line's start: this much of a line is enough to test. */
const SIGN_CHARS = 120;
const NOT_BLANK = /\S/;

/** Whether the line `text[start, end)` opens a cable. */
function opensCable(text: string, start: number, end: number): boolean {
  let i = start;
  while (i < end && (text.charCodeAt(i) === Char.Space || text.charCodeAt(i) === Char.Tab)) i++;
  const c = text.charCodeAt(i);
  // Cheap first: both signs start with V (routing line) or T (partial-extract note).
  if (c !== Char.V && c !== Char.T && c !== Char.t) return false;
  const sign = cableHeadSign(text.slice(i, Math.min(end, i + SIGN_CHARS)));
  return sign === 'routing-line' || sign === 'partial-extract';
}

export class CableSplitter {
  /** The current piece: whole lines kept so far. */
  private parts: string[] = [];
  private chars = 0;
  private hasText = false;
  private pieceLine = 0;
  /** Line number of the next line to come. */
  private line = 0;
  /** The last line read so far, not yet ended. */
  private carry = '';
  /** Inside a cable cut at the limit: lines are counted, not kept, until the next cable starts. */
  private skipping = false;
  /** `carry` is the rest of a line longer than the limit: its start was already handled. */
  private midLine = false;
  private out: Piece[] = [];

  constructor(private readonly limit: number) {}

  /** Lines ended so far: the 0-based line the input has reached. */
  get linesRead(): number {
    return this.line;
  }

  /** Feeds the next piece of decoded text; returns the cables completed by it. */
  push(chunk: string): Piece[] {
    const text = this.carry + chunk;
    // A final CR may be the first half of a CRLF: keep it for the next chunk.
    const end = text.charCodeAt(text.length - 1) === Char.CarriageReturn ? text.length - 1 : text.length;
    // (lastIndexOf clamps a negative start to 0 and would find the CR held back at 0.)
    const lastBreak = end === 0 ? -1 : Math.max(text.lastIndexOf('\n', end - 1), text.lastIndexOf('\r', end - 1));
    const complete = lastBreak + 1;
    this.lines(text, complete);
    this.carry = text.slice(complete);
    if (this.carry.length > this.limit) this.overlongLine();
    return this.take();
  }

  /** The input has ended: returns the last cable. */
  end(): Piece[] {
    const rest = this.carry;
    this.carry = '';
    if (rest) this.lines(rest, rest.length, true);
    this.flush(false);
    return this.take();
  }

  private take(): Piece[] {
    const out = this.out;
    this.out = [];
    return out;
  }

  /** Handles the lines of `text[0, end)`; every line there is complete unless `last`. */
  private lines(text: string, end: number, last = false): void {
    const noCr = text.indexOf('\r') < 0;
    let keptFrom = 0;
    let pos = 0;
    while (pos < end) {
      let lineEnd: number;
      let next: number;
      if (noCr) {
        lineEnd = text.indexOf('\n', pos);
        if (lineEnd < 0 || lineEnd >= end) lineEnd = end;
        next = lineEnd + 1;
      } else {
        lineEnd = pos;
        while (lineEnd < end && text.charCodeAt(lineEnd) !== Char.LineFeed && text.charCodeAt(lineEnd) !== Char.CarriageReturn) lineEnd++;
        next = lineEnd + (text.charCodeAt(lineEnd) === Char.CarriageReturn && text.charCodeAt(lineEnd + 1) === Char.LineFeed ? 2 : 1);
      }
      if (next > end && !last) next = end;
      const continuing = this.midLine;
      this.midLine = false;
      if (!continuing && opensCable(text, pos, lineEnd)) {
        if (!this.skipping) this.keep(text.slice(keptFrom, pos));
        this.flush(false);
        this.skipping = false;
        this.pieceLine = this.line;
        keptFrom = pos;
      } else if (!this.skipping && this.chars + (pos - keptFrom) + (next - pos) > this.limit && this.chars + (pos - keptFrom) > 0) {
        this.keep(text.slice(keptFrom, pos));
        this.flush(true);
        this.skipping = true;
      }
      if (!this.skipping && !this.hasText && NOT_BLANK.test(text.slice(pos, lineEnd))) this.hasText = true;
      this.line++;
      pos = Math.min(next, end);
    }
    if (!this.skipping) this.keep(text.slice(keptFrom, end));
  }

  /** A line longer than the whole limit: the piece takes what fits, and the rest is skipped. */
  private overlongLine(): void {
    if (!this.skipping) {
      const room = Math.max(0, this.limit - this.chars);
      const head = this.carry.slice(0, room);
      this.keep(head);
      if (NOT_BLANK.test(head)) this.hasText = true;
      this.flush(true);
      this.skipping = true;
    }
    this.carry = '';
    this.midLine = true;
  }

  private keep(s: string): void {
    if (!s) return;
    this.parts.push(s);
    this.chars += s.length;
  }

  private flush(truncated: boolean): void {
    if (this.hasText) {
      const piece: Piece = { text: this.parts.join(''), line: this.pieceLine };
      if (truncated) piece.truncated = true;
      this.out.push(piece);
    }
    this.parts = [];
    this.chars = 0;
    this.hasText = false;
  }
}
