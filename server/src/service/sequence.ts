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
 * Cost: a single-cable text pays a few `indexOf` scans (the gate); the line-by-line scan runs only for a
 * text that shows two opening signs, an `NNNN`, or two `TAGS`.
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

/** Whether `needle` occurs at least twice in `text`. */
function twice(text: string, needle: string): boolean {
  const first = text.indexOf(needle);
  return first >= 0 && text.indexOf(needle, first + needle.length) >= 0;
}

/**
 * The cheap test every text takes: can it hold more than one cable? False for all but files with two
 * opening signs, an end-of-message, or two TAGS lines.
 */
export function mayHoldSeveral(text: string): boolean {
  if (text.indexOf('NNNN') >= 0 || twice(text, 'ZCZC') || twice(text, 'TAGS')) return true;
  const extracts = (text.indexOf('artial extract') >= 0 ? 1 : 0) + (text.indexOf('ARTIAL EXTRACT') >= 0 ? 1 : 0);
  return extracts > 1 || twice(text, 'artial extract') || twice(text, 'ARTIAL EXTRACT');
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

/** Whether line `l` (line i) starts the next cable, given what is known of the one it follows. */
function startsCable(scan: Scan, i: number, l: string, open: OpenCable): StartKind | undefined {
  if (ROUTING_LINE.test(l) || PARTIAL_EXTRACT.test(l)) return open.heading || open.ended ? 'sign' : undefined;
  // After an end-of-message, only a line that opens a cable does (not the archive's "End Cable Text").
  if (open.ended) return (BANNER.test(l) || PRECEDENCE_DTG.test(l) || PRINTOUT.test(l)) && scan.headAt(i) ? 'sign' : undefined;
  if (!open.heading || !open.body || open.quote) return undefined;
  if (l.length <= MAX_BANNER_CHARS && BANNER.test(l) && !LATER_SECTION.test(l) && scan.headingFollows(i, false)) return 'heading';
  if (PRECEDENCE_DTG.test(l) && scan.headingFollows(i, true)) return 'heading';
  return undefined;
}

/** Whether line `l` may be the first of a cable's header that has no transmission line. */
function headerOpens(l: string): boolean {
  return PRECEDENCE_DTG.test(l) || PRINTOUT.test(l) || DATE_LINE.test(l) || FIRST_PAGE.test(l);
}

/** A paragraph or a line long enough not to be a heading or an address. */
function runningText(l: string): boolean {
  return PARAGRAPH.test(l) || (l.length >= PROSE_CHARS && WORDS.test(l));
}

/** Notes what line `l` tells of the cable it belongs to. */
function read(l: string, open: OpenCable): void {
  if (NNNN.test(l)) {
    open.ended = true;
    return;
  }
  open.ended = false;
  if (TAGS_LINE.test(l) || SUBJECT_LINE.test(l) || EO_LINE.test(l)) open.heading = true;
  else if (open.heading && !headerOpens(l) && runningText(l)) open.body = true;
  if (QUOTE_CLOSES.test(l)) open.quote = false;
  else if (QUOTE_OPENS.test(l)) open.quote = true;
}

/**
 * Where the cables of `text` start, the first at line 0; one entry for a text of one cable (and for any
 * text that does not pass the gate).
 */
export function findCableStarts(text: string): CableStart[] {
  const found: CableStart[] = [{ line: 0, offset: 0 }];
  if (!mayHoldSeveral(text)) return found;
  const scan = new Scan(text);
  let open = fresh();
  // The first line of a header (DTG, printout, date) since the last line of running text: a cable found
  // at its banner starts there, with its header.
  let header: number | undefined;
  for (let i = 0; i < scan.count; i++) {
    const l = scan.line(i);
    if (!l) continue;
    const kind = startsCable(scan, i, l, open);
    if (kind) {
      const line = kind === 'heading' && header !== undefined ? header : i;
      found.push({ line, offset: scan.offset(line) });
      open = fresh();
      header = undefined;
    }
    read(l, open);
    if (!open.body) continue;
    if (headerOpens(l)) header ??= i;
    else if (runningText(l)) header = undefined;
  }
  return found;
}

/** The text of the cable from `start` up to (not including) the line end before `next`. */
export function cableText(text: string, start: CableStart, next: CableStart | undefined): string {
  if (!next) return start.offset === 0 ? text : text.slice(start.offset);
  let end = next.offset;
  if (end > start.offset && text.charCodeAt(end - 1) === LF) end--;
  if (end > start.offset && text.charCodeAt(end - 1) === CR) end--;
  return text.slice(start.offset, end);
}

/**
 * Parses each cable of `text` with `parse`. `onError` (parse options) hears file lines, not the cable's.
 */
export function parseCableFile(text: string, parse: ParseText, options: ParseOptions = {}): CableFile {
  const starts = findCableStarts(text);
  if (starts.length === 1) return { parts: [{ model: parse(text, options), line: 0 }] };
  const parts = starts.map((start, k): CablePart => {
    const onError = options.onError;
    const shifted: ParseOptions = onError ? { ...options, onError: (err, line) => onError(err, line >= 0 ? line + start.line : line) } : options;
    return { model: parse(cableText(text, start, starts[k + 1]), shifted), line: start.line };
  });
  return { parts };
}
