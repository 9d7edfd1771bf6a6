/**
 * The lines below the banner: the heading zone's lines go to heading/ first, and from the first line that
 * is no heading element on, the text. A text line may open a numbered paragraph (paragraphs.ts), a
 * lettered sub-paragraph or a bullet (subParagraphs.ts), or stand as a heading (headings.ts); it may hold
 * block markers (blocks.ts: SUMMARY … END SUMMARY, COMMENT, BEGIN QUOTE …) and an inline SIPDIS; repeated
 * banners, PAGE lines and section markers (pageBreaks.ts) are page furniture, not text.
 *
 * Most text lines are running text that only extends the paragraph: `runningText` tells them from their
 * first characters and the whole-text scans' hits, so they skip every recogniser. A new construct that
 * can open a line must add its first characters to that gate (or the gate will skip it).
 */
import { Case, Char, isDigit } from '../chars.ts';
import type { Line } from '../source.ts';
import { MAX_HEADER_LINE, MAX_PREFIX, type ParseState } from '../state.ts';
import { opensBanner } from '../banner.ts';
import { headingLine, endCont } from '../heading/index.ts';
import { addCaption } from '../heading/captions.ts';
import { subjectOnPageHeader } from '../heading/subject.ts';
import { paragraphLine } from './paragraphs.ts';
import { continuesAfterBlank, labelAt, labelStands, runsOnto, opensLabel, subParagraphLine } from './subParagraphs.ts';
import { maybeHeading } from './headings.ts';
import { blockMarkers, opensBlockKeyword } from './blocks.ts';
import { pageFurniture } from './pageBreaks.ts';
import { isRuleLine } from './ruleLines.ts';
import { LineMark } from '../scan.ts';

/** Reads line i below the banner. */
export function bodyLine(state: ParseState, i: number): void {
  const source = state.source;
  const body = state.body;
  if (source.isBlank(i)) {
    blankLine(state);
    return;
  }
  const start = source.first[i];
  const end = source.end[i];
  const wasBlank = body.prevBlank;
  body.prevBlank = false;
  const marks = state.hits.marks[i];
  if (marks & LineMark.WholeMarker) return;
  // Running text: a line the whole-text scans marked nothing on, whose first characters open nothing.
  if (state.zone === 'body' && !wasBlank && marks === LineMark.None && opensPlainText(source.text, source.starts[i] + start, end - start)) {
    if (body.paragraph) body.paragraphLastLine = i;
    if (body.openSub) extendOpenSub(state, i, end);
    return;
  }
  const line: Line = { index: i, text: source.line(i), start, end };
  if (pageFurniture(state, line)) {
    // The printout may run the subject's last words onto a page header (`PAGE 02 … 291400Z OPPOSITION`).
    if (state.heading.continuing === 'subject') subjectOnPageHeader(state, line);
    return;
  }
  if (state.zone === 'heading') {
    // Upper-cased only here: heading lines are few, text lines many and long.
    const prefix = line.text.slice(start, prefixEnd(line));
    if (headingLine(state, { index: i, text: line.text, start, end, prefix, upper: prefix.toUpperCase() })) {
      const from = state.heading.textFrom;
      if (from === undefined) return;
      // The text starts inside the heading line just read (paragraph 1 run into the Classified By line).
      state.heading.textFrom = undefined;
      state.zone = 'body';
      textLine(state, { index: i, text: line.text, start: from, end }, false);
      return;
    }
    // A numbered paragraph or free text after the heading elements starts the text proper.
    state.zone = 'body';
    endCont(state);
  }
  textLine(state, line, wasBlank);
}

/** Where the part of a line that the text recognisers read ends: MAX_PREFIX characters after its start. */
export function prefixEnd(line: Line): number {
  return Math.min(line.end, line.start + MAX_PREFIX);
}

/** A blank line ends the subject, TAGS and Classified By, and pauses REF (lettered items may follow). */
function blankLine(state: ParseState): void {
  state.body.prevBlank = true;
  const continuing = state.heading.continuing;
  if (continuing === 'subject' || continuing === 'tags' || continuing === 'classifiedBy') endCont(state);
  if (continuing === 'refs') state.heading.continuing = 'none';
}

/**
 * Whether the line whose non-blank text is the `n` characters of `src` from `a` can open nothing: no
 * paragraph number, block keyword, PAGE line, repeated banner (lines up to MAX_HEADER_LINE), sub-paragraph
 * label or bullet. Read from its first three characters and its last. Most text lines are running text
 * after a non-blank line, and all they do is extend the paragraph (and a wrapped sub-paragraph): with
 * this gate (and no mark of the whole-text scans) they skip the line's slicing and every recogniser.
 * Any doubt sends the line the long way.
 */
export function opensPlainText(src: string, a: number, n: number): boolean {
  // Past the line's non-blank text the gates read Char.EndOfText, which none of them takes for a
  // character it wants.
  const c0 = src.charCodeAt(a);
  const c1 = n > 1 ? src.charCodeAt(a + 1) : Char.EndOfText;
  const c2 = n > 2 ? src.charCodeAt(a + 2) : Char.EndOfText;
  if (isDigit(c0) || c0 === Char.Pilcrow || opensBlockKeyword(c0, c1, c2)) return false;
  // PAGE lines and repeated banners (pageFurniture reads only lines up to MAX_HEADER_LINE).
  const pageLine = (c0 | Case.Bit) === Char.p && (c1 | Case.Bit) === Char.a;
  const banner = (isDigit(src.charCodeAt(a + n - 1)) || n <= 40) && opensBanner(c0, c1);
  if (n <= MAX_HEADER_LINE && (pageLine || banner)) return false;
  return !opensLabel(c0, c1);
}

/**
 * A wrapped sub-paragraph runs on over the lines that follow it without a break, while its last line was
 * cut at the column limit or ends inside a sentence.
 */
export function extendOpenSub(state: ParseState, i: number, e: number): void {
  const sub = state.body.openSub;
  const subs = state.body.paragraph?.subParagraphs;
  if (!sub || !subs || subs[subs.length - 1] !== sub) return;
  if (!runsOnto(state, sub)) {
    state.body.openSub = undefined;
    return;
  }
  sub.range = { start: sub.range.start, end: { line: i, character: e } };
}

/** A line of the text proper. */
function textLine(state: ParseState, line: Line, wasBlank: boolean): void {
  let textFrom = paragraphLine(state, line);
  if (textFrom < 0) textFrom = notParagraphLine(state, line, wasBlank);
  inlineSipdis(state, line);
  blockMarkers(state, line, textFrom);
}

/** A text line that opens no paragraph: a sub-paragraph or bullet, a heading, or more of what came before. */
function notParagraphLine(state: ParseState, line: Line, wasBlank: boolean): number {
  const body = state.body;
  const prevText = body.paragraphLastLine;
  if (body.paragraph) body.paragraphLastLine = line.index;
  let label = labelAt(state, line);
  if (label && !labelStands(state, line, label, wasBlank, prevText)) label = undefined;
  if (label && body.paragraph) return subParagraphLine(state, line, label, wasBlank, prevText);
  if (!label && isRuleLine(line.text, line.start, line.end)) {
    // A rule (`- - - - -`, `-----`) parts the text as a blank line does: a heading may follow it.
    body.openSub = undefined;
    body.prevBlank = true;
    return line.start;
  }
  if (!label && wasBlank && body.openSub && continuesAfterBlank(state, body.openSub, line)) {
    extendOpenSub(state, line.index, line.end);
  } else if (!label && wasBlank) {
    body.openSub = undefined;
    // A lone SIPDIS between paragraphs is a conversion artifact (a caption, below), not a heading.
    const loneSipdis = line.end - line.start === 6 && state.doc.paragraphs.length > 0 && /^SIPDIS$/i.test(line.text.slice(line.start, line.end));
    if (!loneSipdis) maybeHeading(state, line);
  } else if (body.openSub && !wasBlank) {
    extendOpenSub(state, line.index, line.end);
  }
  return line.start;
}

/**
 * SIPDIS glued into the text by the conversion, looked for only near a line's start, where the
 * conversion left it. On a line of its own it is inline too once the paragraphs have begun: the caption
 * proper stands above the text.
 */
function inlineSipdis(state: ParseState, line: Line): void {
  const pdis = state.hits.pdisAt[line.index];
  const tEnd = prefixEnd(line);
  if (pdis === undefined || pdis + 4 > tEnd) return;
  const rel = line.text.slice(line.start, tEnd).toUpperCase().indexOf('SIPDIS');
  if (rel < 0) return;
  const at = line.start + rel;
  const whole = line.end - line.start === 6 && !state.doc.paragraphs.length;
  addCaption(state, line.index, line.text, at, at + 6, 'SIPDIS', !whole);
}
