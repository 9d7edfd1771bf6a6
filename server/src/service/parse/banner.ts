/**
 * The banner: the classification line that opens the text (`C O N F I D E N T I A L SECTION 01 OF 03
 * BRUSSELS 000995`), found before the zone loop starts (findBanner: it splits the header from the heading),
 * and the same banner repeated at page and section breaks in the text.
 */
import type { Banner } from '../model.ts';
import { BANNER_FIRST_WORDS, losesFirstLetter, readClassificationWords } from '../classification.ts';
import { firstLetters } from './gates.ts';
import type { ClassificationWords } from '../classification.ts';
import { Char, asciiUpper, codeAt, isDigit, isLetter } from './chars.ts';
import { endNonSpace, endNonSpaceBefore, firstNonSpace, isBlank } from '../text.ts';
import { rng, tok } from './range.ts';
import { CAPTION_WORDS } from './vocabulary.ts';
import type { ParseState } from './state.ts';
import { MAX_HEADER_LINE } from './state.ts';
import { isTransmissionLine } from './header/routing.ts';
import { DTG_LINE } from './header/dtgLine.ts';
import { addCaption } from './heading/captions.ts';

/**
 * Whether a line whose first two non-blank characters are `a` and `b` can open a banner or a bare
 * classification: the first letter of a level's first word (BANNER_FIRST_WORDS: TOP SECRET, SECRET,
 * CONFIDENTIAL, UNCLAS …), or, before a blank, its second letter when the spaced form lost its first
 * (`O N F I D E N T I A L`).
 */
export function opensBanner(a: number, b: number): boolean {
  const A = asciiUpper(a);
  return BANNER_FIRST_LETTERS[A] === 1 || (LOST_FIRST_LETTERS[A] === 1 && b === Char.Space);
}
const BANNER_FIRST_LETTERS = firstLetters(BANNER_FIRST_WORDS);
const LOST_FIRST_LETTERS = firstLetters(BANNER_FIRST_WORDS.filter(losesFirstLetter).map((w) => w.slice(1)));

/** Reads a banner line: classification words, optional SECTION n OF m, post, serial. */
function readBanner(s: string, line: number): Banner | undefined {
  const f = firstNonSpace(s);
  const e = endNonSpace(s);
  if (f >= e || e - f > 120) return undefined;
  if (!opensBanner(s.charCodeAt(f), codeAt(s, f + 1))) return undefined;
  // Cheap test first: a banner ends in its serial (or in captions run into it).
  if (!isDigit(s.charCodeAt(e - 1)) && !isLetter(s.charCodeAt(e - 1))) return undefined;
  const cw = readClassificationWords(s, f);
  return cw ? bannerAfterWords(s, line, f, e, cw) : undefined;
}

/** The rest of a banner line whose non-blank text is s[f, e), after its classification words `cw`. */
function bannerAfterWords(s: string, line: number, f: number, end: number, cw: ClassificationWords): Banner | undefined {
  let e = end;
  let i = cw.end;
  // Captions run into the banner line (`S E C R E T BOGOTA 000243 SIPDIS NOFORN`).
  for (let k = 0; k < 3 && isLetter(s.charCodeAt(e - 1)); k++) {
    const sp = s.lastIndexOf(' ', e - 1);
    if (sp <= i || !CAPTION_WORDS[s.slice(sp + 1, e).toUpperCase()]) break;
    e = endNonSpaceBefore(s, sp);
  }
  // Serial: trailing digits.
  let d = e;
  while (d > i && isDigit(s.charCodeAt(d - 1))) d--;
  if (d === e || e - d > 8 || s.charCodeAt(d - 1) !== Char.Space) return undefined;
  let section: Banner['section'];
  let j = i;
  while (s.charCodeAt(j) === Char.Space) j++;
  if (j === i) return undefined;
  const secM = /^SECTION +(\d{1,3}) +OF +(\d{1,3}) /i.exec(s.slice(j, Math.min(d, j + 40)));
  if (secM) {
    section = { range: rng(line, j, j + secM[0].trimEnd().length), number: Number(secM[1]), of: Number(secM[2]) };
    j += secM[0].length;
    while (s.charCodeAt(j) === Char.Space) j++;
  }
  i = j;
  const pe = endNonSpaceBefore(s, d);
  if (pe <= i) return undefined;
  const post = s.slice(i, pe);
  if (!/^[a-z][a-z .'’-]*$/i.test(post) || post.length > 40) return undefined;
  const serialText = s.slice(d, e);
  const banner: Banner = {
    range: rng(line, f, e),
    classification: tok(line, s, f, cw.end),
    level: cw.level,
    caveats: cw.caveats,
    spaced: cw.spaced,
    damaged: cw.damaged,
    post: tok(line, s, i, pe),
    serial: { text: serialText, range: rng(line, d, e), value: Number(serialText) },
  };
  if (section) banner.section = section;
  return banner;
}

/**
 * A banner repeated in the body, whose non-blank text is s[f, e) (f < e) and opens a banner: a full
 * banner line (readBanner), else a bare classification (`CONFIDENTIAL`, ` SECRET`) as repeated at page
 * breaks. The classification words are read once for both.
 */
export function readRepeatedBanner(s: string, line: number, f: number, e: number): Banner | undefined {
  if (e - f > 120) return undefined;
  const cw = readClassificationWords(s, f);
  if (!cw) return undefined;
  const last = s.charCodeAt(e - 1);
  if (isDigit(last) || isLetter(last)) {
    const banner = bannerAfterWords(s, line, f, e, cw);
    if (banner) return banner;
  }
  // `SENSITIVE BUT UNCLASSIFIED` on its own line is the SBU caption, not a page-break banner.
  if (e - f > 40 || cw.level === 'SBU' || endNonSpaceBefore(s, cw.end) !== e) return undefined;
  return {
    range: rng(line, f, e),
    classification: tok(line, s, f, cw.end),
    level: cw.level,
    caveats: cw.caveats,
    spaced: cw.spaced,
    damaged: cw.damaged,
  };
}

/**
 * Finds the banner line: the first banner after the last FL1 that precedes it (mail printouts repeat
 * it). Returns the line and the banner as read there, which the body then starts with.
 */
export function findBanner(state: ParseState): { line: number; banner?: Banner } {
  const n = state.source.lines.length;
  let first = -1;
  let banner: Banner | undefined;
  let fl1 = -1;
  let viewer = -1;
  let viewerBanner: Banner | undefined;
  const src = state.source.text;
  for (let i = 0; i < n; i++) {
    const len = state.source.lines[i].length;
    if (len > MAX_HEADER_LINE) continue;
    const at = state.source.starts[i];
    const f = state.source.first[i];
    if (f === len) continue;
    const c = src.charCodeAt(at + f);
    if (c === Char.V && isTransmissionLine(state.source.line(i).slice(f))) {
      if (first >= 0) {
        fl1 = i;
        first = -1;
      }
      continue;
    }
    if (first < 0 && opensBanner(c, codeAt(src, at + f + 1)) && (banner = readBanner(state.source.line(i), i))) {
      if (viewer < 0 && beforeDtgLine(state, i)) {
        // An archive viewer's line above the precedence/DTG line (`UNCLASSIFIED   STATE   00012345`): the
        // header follows it, and the banner proper comes after the header.
        viewer = i;
        viewerBanner = banner;
        continue;
      }
      first = i;
      // Only a later FL1 (which holds ZCZC) could make a later banner the one: most cables have none,
      // and one search of the text spares reading the next sixty lines. The search stops where the
      // reading would (an FL1 further on changes nothing): a sliced string costs nothing to make.
      const stop = i + 62 < n ? state.source.starts[i + 62] : src.length;
      if (fl1 >= 0 || i > 200 || src.slice(at, stop).indexOf('ZCZC') < 0) break;
    }
    // Stop scanning once numbered paragraphs have clearly begun.
    if (first >= 0 && i - first > 60) break;
  }
  if (first < 0 && viewer >= 0) return { line: viewer, banner: viewerBanner };
  return { line: first, banner: first >= 0 ? banner : undefined };
}

/** Whether the next non-blank line after line i is a precedence/DTG line (`R 121530Z MAR 09`). */
function beforeDtgLine(state: ParseState, i: number): boolean {
  const source = state.source;
  let j = i + 1;
  while (j < source.count && source.isBlank(j)) j++;
  return j < source.count && DTG_LINE.test(source.line(j).slice(source.first[j]));
}

/**
 * The banner line i starts the heading zone. Captions run into the banner line are read here.
 */
export function startBody(state: ParseState, i: number, banner: Banner | undefined): void {
  const s = state.source.line(i);
  state.zone = 'heading';
  state.heading.continuing = 'none';
  state.doc.bodyStartLine = i;
  if (!banner) return;
  state.doc.banner = banner;
  const after = banner.range.end.character;
  if (after < s.length && !isBlank(s.slice(after))) {
    const rest = s.slice(after).toUpperCase();
    const re = /[A-Z]+/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(rest))) {
      const name = CAPTION_WORDS[m[0]];
      if (name) addCaption(state, i, s, after + m.index, after + m.index + m[0].length, name);
    }
  }
  state.body.prevBlank = false;
}
