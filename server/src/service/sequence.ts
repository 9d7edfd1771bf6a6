/**
 * A file of several cables one after another (an archive's bundle, a day's traffic saved as one text):
 * where each cable starts, and the file read as a sequence of single-cable models, each with the file
 * line it starts on. The parser keeps its one-cable model; this layer only cuts the text.
 *
 * A cable starts, after a cable that already has its heading (a TAGS or SUBJECT line), at
 *   - an ACP 127 transmission line (`VZCZCXRO7793`) or the archive's "partial extract" note: the two
 *     signs that only ever open a cable (detect.ts);
 *   - the first line after an end-of-message `NNNN`, when what follows reads as a cable's head;
 *   - outside a quotation, after the cable's first paragraphs: a classification banner, or a
 *     precedence-and-DTG line with its FM and TO lines, followed by a heading (E.O., TAGS, SUBJECT) of
 *     its own before any paragraph.
 * Nothing else cuts a file. A banner repeated at a section break (`SECTION 02 OF 03`) or at the end, the
 * header that an archive's page repeats above the cable's own (same cable, no heading in between), and a
 * cable quoted inside the text (BEGIN TEXT, QUOTE) stay in the cable they belong to.
 *
 * Cost: a single-cable text pays three `indexOf` scans (the gate); the line-by-line scan runs only for a
 * text that shows two transmission lines, two extract notes or two `TAGS`.
 */
import type { CableDocument } from './model.ts';
import type { ParseOptions } from './parse.ts';
import {
  BANNER,
  CABLE_HEAD_CHARS,
  cableHeadSign,
  EO_LINE,
  FM_LINE,
  PARTIAL_EXTRACT,
  PRECEDENCE_DTG,
  PRINTOUT,
  ROUTING_LINE,
  SUBJECT_LINE,
  TAGS_LINE,
  TO_LINE,
} from './detect.ts';

/** One cable of a file: its model (positions from the cable's first line) and where it starts. */
export interface CablePart {
  model: CableDocument;
  /** 0-based line of the file the cable starts on. */
  line: number;
}

/** A file as the features read it: one part per cable, in order; the first starts at line 0. */
export interface CableFile {
  parts: readonly CablePart[];
}

export type ParseText = (text: string, options?: ParseOptions) => CableDocument;

/** Where a cable starts: its 0-based line and the offset of that line in the text. */
export interface CableStart {
  line: number;
  offset: number;
}

const LF = 10;
const CR = 13;

/** Lines looked at after a banner or a DTG line for the heading that makes it a new cable's. */
const LOOKAHEAD_LINES = 12;
/** A banner is a short line: prose that happens to start with SECRET is not one. */
const MAX_BANNER_CHARS = 120;

const NNNN = /^NNNN/;
/** The archive's long date line above a cable (`Tuesday, 15 December 2009, 11:19`). */
const DATE_LINE = /^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, \d{1,2} [A-Z][a-z]+ \d{4}\b/;
/** The first page of the Department's receiving copy (`PAGE 01 HARARE 06677 02 OF 03 291401Z`). */
const FIRST_PAGE = /^PAGE 01 /;
const LATER_SECTION = /\bSECTION +0*(?:[2-9]|[1-9]\d+) +OF\b/i;
const PARAGRAPH = /^(?:¶ ?)?\d{1,2}\. /;
const QUOTE_OPENS = /^(?:BEGIN +(?:TEXT|QUOTE)|QUOTE\b)|\bQUOTE:?$/i;
const QUOTE_CLOSES = /^(?:END +(?:OF +)?(?:TEXT|QUOTE)|UNQUOTE\b)|\b(?:END +QUOTE|UNQUOTE)\b/i;
/** A line of running text, long enough not to be a heading line: the cable has a body. */
const PROSE_CHARS = 60;
/** Three words in a row: prose, not a printout's list of offices (`EEB-00   AF-00`) or a rule of dashes. */
const WORDS = /(?<![a-z])[a-z]{2,} [a-z]{2,} [a-z]{2,}/i;

/**
 * The signs of which a text of several cables holds at least two: transmission lines, the archive's
 * "This record is a partial extract of the original cable" note (looked for from its rare letter), and
 * TAGS lines. Each is one native scan, which costs least when its first letter is rare in cables (Z, x);
 * every cable of a bundle but a half-typed one has one of the three, so an NNNN alone (which most
 * routed cables end with) is not looked for. ASCII, so that a file's bytes can be searched for them
 * before they are decoded (the workspace index reads only the head of a file that shows none twice).
 */
export const SEVERAL_SIGNS: readonly string[] = ['ZCZC', 'xtract of the original', 'TAGS'];

/** Whether `needle` occurs at least twice in `text`. */
function twice(text: string, needle: string): boolean {
  const first = text.indexOf(needle);
  return first >= 0 && text.indexOf(needle, first + needle.length) >= 0;
}

/**
 * The cheap test every text takes: can it hold more than one cable? False for all but texts in which
 * one of SEVERAL_SIGNS occurs twice.
 */
export function mayHoldSeveral(text: string): boolean {
  return SEVERAL_SIGNS.some((sign) => twice(text, sign));
}

/** The lines of `text` as [start, end) offsets, split at CRLF, CR and LF as the parser splits them. */
function lineSpans(text: string): { starts: number[]; ends: number[] } {
  const starts: number[] = [];
  const ends: number[] = [];
  let pos = 0;
  for (;;) {
    let end = pos;
    while (end < text.length && text.charCodeAt(end) !== LF && text.charCodeAt(end) !== CR) end++;
    starts.push(pos);
    ends.push(end);
    if (end >= text.length) break;
    pos = end + (text.charCodeAt(end) === CR && text.charCodeAt(end + 1) === LF ? 2 : 1);
  }
  return { starts, ends };
}

/** What the scan knows of the cable it is in. */
interface OpenCable {
  heading: boolean;
  body: boolean;
  quote: boolean;
  /** An NNNN was read: the next line with text may start the next cable. */
  ended: boolean;
}

const fresh = (): OpenCable => ({ heading: false, body: false, quote: false, ended: false });

class Scan {
  private readonly starts: number[];
  private readonly ends: number[];
  private readonly lines: string[] = [];

  constructor(private readonly text: string) {
    ({ starts: this.starts, ends: this.ends } = lineSpans(text));
  }

  get count(): number {
    return this.starts.length;
  }

  offset(i: number): number {
    return this.starts[i]!;
  }

  /** Line i without its leading and trailing blanks. */
  line(i: number): string {
    return (this.lines[i] ??= this.text.slice(this.starts[i], this.ends[i]).trim());
  }

  /**
   * Whether the non-blank lines after `i` reach a heading line (and, for a DTG line, FM and TO) before a
   * paragraph or a later section's banner.
   */
  headingFollows(i: number, needAddress: boolean): boolean {
    let fm = !needAddress;
    let to = !needAddress;
    for (let j = i + 1, seen = 0; j < this.count && seen < LOOKAHEAD_LINES; j++) {
      const l = this.line(j);
      if (!l) continue;
      seen++;
      fm ||= FM_LINE.test(l);
      to ||= TO_LINE.test(l);
      // A paragraph, or the banner of a later section: the same cable goes on (its header repeated).
      if (PARAGRAPH.test(l) || LATER_SECTION.test(l)) return false;
      // The next cable's own sign: that is where the cut goes.
      if (ROUTING_LINE.test(l) || PARTIAL_EXTRACT.test(l)) return false;
      if (TAGS_LINE.test(l) || SUBJECT_LINE.test(l) || EO_LINE.test(l)) return fm && to;
    }
    return false;
  }

  /** Whether the text from line i on reads as a cable's head (detect.ts's test). */
  headAt(i: number): boolean {
    return cableHeadSign(this.text.slice(this.starts[i], this.starts[i]! + CABLE_HEAD_CHARS)) !== undefined;
  }
}

/** How a cable's start was found: by a sign at its first line, or by a heading that its header leads to. */
type StartKind = 'sign' | 'heading';

// What a line is to the cut, as bits, worked out once per line. Each expression is tried only on lines
// whose first letter (in lower case) it can start with.
const SIGN = 1;
const END = 2;
const HEADING = 4;
const BANNER_LINE = 8;
const DTG = 16;
/** The first line of a header without a transmission line: DTG, printout, date line, first page. */
const HEADER = 32;
const RUNNING = 64;

const LOWER = 0x20;
const letter = (c: string) => c.charCodeAt(0);
const [A, C, E, F, I, L, M, N, O, P, R, S, T, U, V, W, Y, Z] = [...'acefilmnoprstuvwyz'].map(letter);

/** A paragraph or a line long enough not to be a heading or an address. */
function runningText(l: string): boolean {
  return PARAGRAPH.test(l) || (l.length >= PROSE_CHARS && WORDS.test(l));
}

/** Whether `l` (its first letter in lower case `c`) is the first line of a header. */
function headerLine(l: string, c: number): boolean {
  if (c === I || c === A) return PRINTOUT.test(l);
  if (c === P && FIRST_PAGE.test(l)) return true;
  return (c === M || c === T || c === W || c === F || c === S) && DATE_LINE.test(l);
}

function lineKind(l: string): number {
  const c = l.charCodeAt(0) | LOWER;
  if (c === N && NNNN.test(l)) return END;
  let k = 0;
  if ((c === V && ROUTING_LINE.test(l)) || (c === T && PARTIAL_EXTRACT.test(l))) k |= SIGN;
  if ((c === T && TAGS_LINE.test(l)) || (c === S && SUBJECT_LINE.test(l)) || (c === E && EO_LINE.test(l))) k |= HEADING;
  if ((c === U || c === C || c === S || c === T || c === L) && l.length <= MAX_BANNER_CHARS && BANNER.test(l)) k |= BANNER_LINE;
  if ((c === Z || c === O || c === P || c === R || c === Y) && PRECEDENCE_DTG.test(l)) k |= DTG | HEADER;
  else if (headerLine(l, c)) k |= HEADER;
  if (!(k & (HEADING | HEADER)) && runningText(l)) k |= RUNNING;
  return k;
}

/** Whether line `l` (line i, of kind `k`) starts the next cable, given what is known of the one it follows. */
function startsCable(scan: Scan, i: number, l: string, k: number, open: OpenCable): StartKind | undefined {
  if (k & SIGN) return open.heading || open.ended ? 'sign' : undefined;
  // After an end-of-message, only a line that opens a cable does (not the archive's "End Cable Text").
  if (open.ended) return k & (BANNER_LINE | HEADER) && scan.headAt(i) ? 'sign' : undefined;
  if (!open.heading || !open.body || open.quote) return undefined;
  if (k & BANNER_LINE && !LATER_SECTION.test(l) && scan.headingFollows(i, false)) return 'heading';
  if (k & DTG && scan.headingFollows(i, true)) return 'heading';
  return undefined;
}

/** Whether line `l` may open or close a quotation: a few native scans before the expressions. */
function mayQuote(l: string): boolean {
  return l.includes('QUOTE') || l.includes('TEXT') || l.includes('quote') || l.includes('Quote') || l.includes('text') || l.includes('Text');
}

/** Notes what line `l` (of kind `k`) tells of the cable it belongs to. */
function read(l: string, k: number, open: OpenCable): void {
  if (k & END) {
    open.ended = true;
    return;
  }
  open.ended = false;
  if (k & HEADING) open.heading = true;
  else if (open.heading && k & RUNNING) open.body = true;
  if (!mayQuote(l)) return;
  if (QUOTE_CLOSES.test(l)) open.quote = false;
  else if (QUOTE_OPENS.test(l)) open.quote = true;
}

/**
 * Where the cables of `text` start, the first at line 0; one entry for a text of one cable (and for any
 * text that does not pass the gate).
 */
export function findCableStarts(text: string): CableStart[] {
  return mayHoldSeveral(text) ? [...cableStarts(text)] : [{ line: 0, offset: 0 }];
}

/**
 * The starts of findCableStarts one at a time, found as the scan reaches them: a reader of a long file
 * (the workspace index) can hand the event loop back between two cables.
 */
export function* cableStarts(text: string): Generator<CableStart, void, undefined> {
  yield { line: 0, offset: 0 };
  if (!mayHoldSeveral(text)) return;
  const scan = new Scan(text);
  let open = fresh();
  // The first line of a header (DTG, printout, date) since the last line of running text: a cable found
  // at its banner starts there, with its header.
  let header: number | undefined;
  for (let i = 0; i < scan.count; i++) {
    const l = scan.line(i);
    if (!l) continue;
    const k = lineKind(l);
    const kind = startsCable(scan, i, l, k, open);
    if (kind) {
      const line = kind === 'heading' && header !== undefined ? header : i;
      yield { line, offset: scan.offset(line) };
      open = fresh();
      header = undefined;
    }
    read(l, k, open);
    if (!open.body) continue;
    if (k & HEADER) header ??= i;
    else if (k & RUNNING) header = undefined;
  }
}

/** The text of the cable from `start` up to (not including) the line end before `next`. */
export function cableText(text: string, start: CableStart, next: CableStart | undefined): string {
  if (!next) return start.offset === 0 ? text : text.slice(start.offset);
  let end = next.offset;
  if (end > start.offset && text.charCodeAt(end - 1) === LF) end--;
  if (end > start.offset && text.charCodeAt(end - 1) === CR) end--;
  return text.slice(start.offset, end);
}

/** The cables of `text` one at a time, each with its text and the file line it starts on. */
export function* eachCable(text: string): Generator<{ text: string; line: number }, void, undefined> {
  let previous: CableStart | undefined;
  for (const start of cableStarts(text)) {
    if (previous) yield { text: cableText(text, previous, start), line: previous.line };
    previous = start;
  }
  if (previous) yield { text: cableText(text, previous, undefined), line: previous.line };
}

/**
 * Parses each cable of `text` with `parse`. `onError` (parse options) hears file lines, not the cable's.
 */
export function parseCableFile(text: string, parse: ParseText, options: ParseOptions = {}): CableFile {
  const starts = findCableStarts(text);
  if (starts.length === 1) return { parts: [{ model: parse(text, options), line: 0 }] };
  const parts = starts.map((start, k): CablePart => {
    const onError = options.onError;
    // The file's name speaks for its first cable only (`09BRUSSELS995.cable`): a later cable takes no
    // year from it, as its checks compare no id with it (fileDiagnostics).
    const named: ParseOptions = k === 0 ? options : { ...options, fileName: undefined };
    const shifted: ParseOptions = onError ? { ...named, onError: (err, line) => onError(err, line >= 0 ? line + start.line : line) } : named;
    return { model: parse(cableText(text, start, starts[k + 1]), shifted), line: start.line };
  });
  return { parts };
}
