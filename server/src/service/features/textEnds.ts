/**
 * Where an element's own text ends. The parser's ranges run from one element to the next, so a paragraph's
 * range also holds what stands between it and the next paragraph: blank lines, rules of dashes, the heading
 * or one-line caption that opens the next section (`BACKGROUND`, `Who are we dealing with?`), and at the
 * end of the cable the closing `BT`, `#0042`, `NNNN`, a repeated banner or a page marker. Folding an
 * element must hide its own lines only, never the heading of the next section or the cable's trailer.
 */
import type { CableDocument, Paragraph, Range } from '../model.ts';
import { Char, isAlnum, isJsBlank, isNonAscii } from '../parse/chars.ts';
import { lastContentLine } from './rangeMath.ts';

/** A line of at most this many characters (rules and colons aside) may be a caption standing over a paragraph. */
const TITLE_MAX = 80;
const TITLE_MAX_WORDS = 12;
/** A box below the text holds a few lines. */
const BOX_MAX_LINES = 8;
/** What may follow a caption's words: blanks, a colon, dashes or a rule's other characters. */
const TITLE_TRAIL = new Set<number>([Char.Space, Char.Tab, Char.NoBreakSpace, Char.Colon, Char.Dash, Char.Underscore, Char.Equals]);
/** A sentence's end: a line ending so is running text, not a caption. */
const SENTENCE_END = new Set<number>([Char.Dot, Char.Comma, Char.Semicolon]);
/** Closing quotation marks and brackets, which may stand after a sentence's full stop. */
const CLOSERS = new Set<number>([Char.CloseParen, Char.CloseBracket, Char.DoubleQuote, Char.Apostrophe, Char.RightDoubleQuote, Char.RightSingleQuote]);
/** A caption starts with a letter, or a quotation mark and a letter (`"WE ARE NOT AFRAID OF THE PT"`). */
const TITLE_START = /^["'“‘]?\p{L}/u;

export interface TextEnds {
  /** The last line of an element's own text (at least its first line): trailing blanks, rules and furniture left out. */
  of(range: Range): number;
  /** The last line of a paragraph's own text: also before a heading or caption that opens the next paragraph. */
  paragraph(p: Paragraph): number;
}

export function textEnds(doc: CableDocument): TextEnds {
  const headingLines = new Set(doc.headings.map((h) => h.range.start.line));
  const furniture = furnitureLines(doc);
  const paragraphStarts = new Set(doc.paragraphs.map((p) => p.range.start.line));
  const labelLines = new Set(doc.paragraphs.flatMap((p) => p.subParagraphs.map((sp) => sp.labelRange.start.line)));
  const blockEndLines = new Set(doc.blocks.flatMap((b) => (b.end ? [b.end.range.start.line] : [])));
  const apart = (l: number) => !hasText(doc.lines[l] ?? '') || furniture.has(l);
  const cache = new Map<Paragraph, number>();

  const walk = (range: Range, skipsTitles: boolean): number => {
    const floor = Math.max(0, range.start.line);
    let l = lastContentLine(doc, range);
    while (l > floor) {
      // A line where another paragraph starts holds the end of this one (a number run into its last line).
      if (l !== floor && paragraphStarts.has(l)) break;
      const box = boxTop(doc, l, floor);
      if (box >= 0) {
        l = box - 1;
        continue;
      }
      const skip =
        apart(l) ||
        headingLines.has(l) ||
        (skipsTitles && !labelLines.has(l) && !blockEndLines.has(l) && (apart(l - 1) || endsSentence(doc.lines[l - 1] ?? '')) && isTitleLine(doc.lines[l] ?? ''));
      if (!skip) break;
      l--;
    }
    return l;
  };

  return {
    of: (range) => walk(range, false),
    paragraph(p) {
      let end = cache.get(p);
      if (end === undefined) {
        end = walk(p.range, nextIsParagraph(doc, p.range, paragraphStarts));
        cache.set(p, end);
      }
      return end;
    },
  };
}

/** The prosigns and trailer lines (the model's prosigns), repeated banners and page markers. */
function furnitureLines(doc: CableDocument): Set<number> {
  const out = new Set<number>();
  for (const p of doc.header.prosigns) out.add(p.range.start.line);
  for (const b of doc.repeatedBanners) out.add(b.range.start.line);
  for (const m of doc.sectionMarkers) out.add(m.range.start.line);
  return out;
}

/**
 * Where a box ends at line l begins: a frame line of no text (`*****`), up to eight lines above one just
 * like it, with lines of text between (the post's `Visit … Classified Website` box below the text).
 * -1 when line l closes no box.
 */
function boxTop(doc: CableDocument, l: number, floor: number): number {
  const frame = (doc.lines[l] ?? '').trim();
  if (frame.length < 3 || hasText(frame)) return -1;
  for (let k = l - 2; k > floor && k >= l - BOX_MAX_LINES; k--) {
    if ((doc.lines[k] ?? '').trim() === frame) return k;
  }
  return -1;
}

/** Whether a line holds a letter or a digit (blanks, rules of dashes or stars and lone punctuation hold none). */
function hasText(s: string): boolean {
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (isAlnum(c) || (isNonAscii(c) && !isJsBlank(c))) return true;
  }
  return false;
}

/** Whether the first line of text after the range, past blanks and rules, opens a numbered paragraph. */
function nextIsParagraph(doc: CableDocument, range: Range, paragraphStarts: Set<number>): boolean {
  for (let l = range.end.line + 1; l < doc.lines.length; l++) {
    if (paragraphStarts.has(l)) return true;
    if (hasText(doc.lines[l] ?? '')) return false;
  }
  return false;
}

/**
 * A short line that is no sentence: no full stop, comma or semicolon at its end (a question or a line
 * ending in dashes or a colon is a caption: `Who are we dealing with?`, `LULA WANTS STRONG TIES -----`),
 * starting with a letter or a quotation mark, not with a number or a bullet.
 */
function isTitleLine(s: string): boolean {
  let b = s.length;
  while (b > 0 && TITLE_TRAIL.has(s.charCodeAt(b - 1))) b--;
  let a = 0;
  while (a < b && isBlank(s.charCodeAt(a))) a++;
  if (b === a || b - a > TITLE_MAX) return false;
  const t = s.slice(a, b);
  if (!TITLE_START.test(t) || SENTENCE_END.has(t.charCodeAt(lastBeforeClosers(t)))) return false;
  return t.split(' ').filter(Boolean).length <= TITLE_MAX_WORDS;
}

/** The index of t's last character before closing quotation marks and brackets (`… End note.)`, `… visit."`). */
function lastBeforeClosers(t: string): number {
  let k = t.length - 1;
  while (k > 0 && CLOSERS.has(t.charCodeAt(k))) k--;
  return k;
}

/** Whether a line ends with a sentence (`… costs down.`, `… asked?`), so the line after it starts afresh. */
function endsSentence(s: string): boolean {
  let b = s.length;
  while (b > 0 && isBlank(s.charCodeAt(b - 1))) b--;
  const c = s.charCodeAt(b - 1);
  return c === Char.Dot || c === Char.Question || c === Char.Exclamation || c === Char.Colon;
}

function isBlank(c: number): boolean {
  return c === Char.Space || c === Char.Tab || c === Char.NoBreakSpace;
}
