import type { Paragraph, SubParagraph } from '../../model.ts';
import { parsePortionMarking } from '../../classification.ts';
import { Case, Char, digitsValue, isDigit } from '../chars.ts';
import { endNonSpace,  } from '../../text.ts';
import { rng } from '../range.ts';
import type { ParseState } from '../state.ts';
import { MAX_HEADER_LINE, MAX_PREFIX } from '../state.ts';
import { opensBanner, readRepeatedBanner } from '../banner.ts';
import { headingLine, endCont } from '../heading/index.ts';
import { CLASSIFIED_BY_RE } from '../heading/keywords.ts';
import { addCaption } from '../heading/captions.ts';
import { classifiedByStart, finishClassifiedBy } from '../heading/classifiedBy.ts';
import { readMarking } from '../markings.ts';
import { acceptParagraph, closeParagraph, paraNumberEnd, leadOf,  } from './paragraphs.ts';
import { SUBPARA_RE, BULLET_RE, opensLabel, labelSpace } from './subParagraphs.ts';
import { maybeHeading } from './headings.ts';
import { blockMarkers, opensBlockKeyword } from './blocks.ts';
import { PAGE_LINE_I } from './pageBreaks.ts';

export function bodyLine(state: ParseState, i: number, s: string): void {
  const src = state.source.text;
  const at = state.source.starts[i];
  const len = s.length;
  const f = state.source.first[i];
  const blank = f === len;
  if (blank) {
    state.body.prevBlank = true;
    if (state.heading.continuing === 'subject' || state.heading.continuing === 'tags' || state.heading.continuing === 'classifiedBy') endCont(state);
    if (state.heading.continuing === 'refs') state.heading.continuing = 'none';
    return;
  }
  const e = state.source.end[i];

  const short = e - f <= MAX_HEADER_LINE;
  const wasBlank = state.body.prevBlank;
  state.body.prevBlank = false;

  if (state.hits.wholeMarkerLines[i]) return;
  if (state.zone === 'body' && !wasBlank && runningText(state, i, at + f, e - f, short)) {
    if (state.body.paragraph) state.body.paragraphLastLine = i;
    if (state.body.openSub) extendOpenSub(state, i, e);
    return;
  }
  // The line's prefix `t` is sliced only where it is read: the heading zone and the rare text lines whose
  // first characters let a regex through.
  const tEnd = Math.min(e, f + MAX_PREFIX);
  if (short) {
    // Repeated banners end in their serial; bare page-break classifications are short.
    const last = src.charCodeAt(at + e - 1);
    const rb =
      (isDigit(last) || e - f <= 40) && opensBanner(src.charCodeAt(at + f), src.charCodeAt(at + f + 1))
        ? readRepeatedBanner(s, i, f, e)
        : undefined;
    if (rb) {
      state.doc.repeatedBanners.push(rb);
      return;
    }
    if ((src.charCodeAt(at + f) | Case.Bit) === Char.p && PAGE_LINE_I.test(s.slice(f, tEnd))) return;
  }

  if (state.zone === 'heading') {
    const t = s.slice(f, tEnd);
    // Upper-cased only here: heading lines are few, body lines many and long.
    if (headingLine(state, { index: i, text: s, start: f, end: e, prefix: t, upper: t.toUpperCase() })) return;
    // A numbered paragraph or free text after the heading elements starts the text proper.
    state.zone = 'body';
    endCont(state);
  }
  textLine(state, i, s, f, e, tEnd, wasBlank);
}

/**
 * Whether a body line after a non-blank line is running text and nothing else: none of the gates of
 * the repeated-banner and PAGE tests, textLine and blockMarkers lets it through, and the prescan left
 * nothing on it. Most body lines are such lines, and all they do is extend the paragraph (and a
 * wrapped sub-paragraph): they skip the line's prefix and the calls. `a` is the line's first non-blank
 * character in the text, `n` the length from there to its last non-blank one. Any doubt sends the
 * line the long way.
 */
export function runningText(state: ParseState, i: number, a: number, n: number, short: boolean): boolean {
  if (state.hits.pdisAt[i] !== undefined || state.hits.endTails[i] !== undefined) return false;
  if (state.hits.ends[i] !== undefined || state.hits.comments[i] !== undefined) return false;
  const src = state.source.text;
  const c0 = src.charCodeAt(a);
  // Past a one-character line these read a trailing blank, as the line would, or a line end, which
  // no gate takes for a letter or a blank.
  const c1 = src.charCodeAt(a + 1);
  if (isDigit(c0) || c0 === Char.Pilcrow || opensBlockKeyword(c0, c1, src.charCodeAt(a + 2))) return false;
  // PAGE lines (PAGE_LINE_I) and repeated banners.
  if (short && (((c0 | Case.Bit) === Char.p && (c1 | Case.Bit) === Char.a) || ((isDigit(src.charCodeAt(a + n - 1)) || n <= 40) && opensBanner(c0, c1)))) return false;
  return !opensLabel(c0, c1);
}

/** A wrapped sub-paragraph runs on over the lines that follow it without a break. */
export function extendOpenSub(state: ParseState, i: number, e: number): void {
  const sub = state.body.openSub;
  if (sub && state.body.paragraph?.subParagraphs[state.body.paragraph.subParagraphs.length - 1] === sub) {
    sub.range = { start: sub.range.start, end: { line: i, character: e } };
  }
}

// ----- Text

/** A line of the text proper; s[f, tEnd) is its prefix that the recognisers read. */
export function textLine(state: ParseState, i: number, s: string, f: number, e: number, tEnd: number, wasBlank: boolean): void {
  // The gates below read the flat text rather than the line (see `src`).
  const src = state.source.text;
  const at = state.source.starts[i] + f;
  const base = state.source.starts[i];
  // A paragraph number needs a digit or a pilcrow first: most lines are running text and skip it.
  const c0 = src.charCodeAt(at);
  const matchEnd = (c0 >= Char.Digit0 && c0 <= Char.Digit9) || c0 === Char.Pilcrow ? paraNumberEnd(src, at) : -1;
  let textFrom = f;
  // PARA_RE's match is [f, f + afterLen): the pilcrow and its blank, [f, numStart), then the number,
  // [numStart, numEnd), then an optional blank and the dot.
  const afterLen = matchEnd - at;
  const numStart = c0 !== Char.Pilcrow ? f : src.charCodeAt(at + 1) === Char.Space ? f + 2 : f + 1;
  const numEnd = f + afterLen - (src.charCodeAt(matchEnd - 2) === Char.Space ? 2 : 1);
  const value = matchEnd < 0 ? 0 : digitsValue(src, base + numStart, base + numEnd);
  if (matchEnd >= 0 && acceptParagraph(state, value, numStart > f, s, f + afterLen, tEnd)) {
    closeParagraph(state);
    state.body.openSub = undefined;
    const para: Paragraph = {
      range: rng(i, f, e),
      number: { text: s.slice(numStart, numEnd), range: rng(i, numStart, numEnd), value },
      lead: '',
      subParagraphs: [],
    };
    if (numStart > f) para.pilcrow = rng(i, f, f + 1);
    let p = f + afterLen;
    while (p < e && src.charCodeAt(base + p) === Char.Space) p++;
    const pm = readMarking(state, { index: i, text: s, start: f, end: e }, p);
    if (pm) {
      para.marking = pm.marking;
      p = pm.end;
      while (p < e && (src.charCodeAt(base + p) === Char.Space || src.charCodeAt(base + p) === Char.Dot)) p++;
    }
    para.lead = leadOf(s, p, e);
    state.doc.paragraphs.push(para);
    state.body.paragraph = para;
    state.body.paragraphLastLine = i;
    textFrom = p;
    // The forms below open with CL or DE (Classified By, Derived From) and UN, CO, SE or LI (the
    // levels before ENTIRE TEXT): other paragraphs, and those where the form could not count, skip the
    // upper-casing. A character outside ASCII may upper-case to one of them, so it takes the long way.
    const pc = p < e ? src.charCodeAt(base + p) : 0;
    const pc1 = p + 1 < e ? src.charCodeAt(base + p + 1) : 0;
    const p0 = pc | Case.Bit;
    const p1 = pc1 | Case.Bit;
    const cb = !state.doc.classifiedBy && ((p0 === Char.c && p1 === Char.l) || (p0 === Char.d && p1 === Char.e));
    const entire = !para.marking && ((p0 === Char.u && p1 === Char.n) || (p0 === Char.c && p1 === Char.o) || (p0 === Char.s && p1 === Char.e) || (p0 === Char.l && p1 === Char.i));
    const pu = cb || entire || pc >= Char.NonAscii || pc1 >= Char.NonAscii ? s.slice(p, Math.min(e, p + 60)).toUpperCase() : '';
    if (!state.doc.classifiedBy && CLASSIFIED_BY_RE.test(pu)) {
      classifiedByStart(state, { index: i, text: s, start: f, end: e }, pu, p);
      finishClassifiedBy(state);
      state.heading.continuing = 'none';
    } else if (pu.includes('ENTIRE TEXT') && !para.marking) {
      const em = /^(?:UNCLASSIFIED|CONFIDENTIAL|SECRET|LIMITED OFFICIAL USE) ?- ?ENTIRE TEXT/.exec(pu);
      if (em) {
        const mk = parsePortionMarking(em[0], s.slice(p, p + em[0].length), rng(i, p, p + em[0].length));
        para.marking = mk;
      }
    }
  } else {
    if (state.body.paragraph) state.body.paragraphLastLine = i;
    // Both need a space within the first seven characters (after the label), and a label ends in `.`
    // or `)` right before that space (or is a pilcrow and its space): most running text skips the regex,
    // and most of it the search for the space too (opensLabel).
    const sp = opensLabel(c0, src.charCodeAt(at + 1)) ? labelSpace(src, at, e - f) : -1;
    const beforeSp = sp > 0 ? src.charCodeAt(at + sp - 1) : 0;
    let sm = sp > 0 && (beforeSp === Char.Dot || beforeSp === Char.CloseParen || beforeSp === Char.Pilcrow) ? SUBPARA_RE.exec(s.slice(f, tEnd)) : null;
    // `(C) …`, `(S) …`, `(U) …` open an unnumbered marked paragraph, not a lettered item.
    if (sm && /^\([CSU]\)$/.test(sm[2])) {
      const prev = state.body.paragraph?.subParagraphs[state.body.paragraph.subParagraphs.length - 1]?.label;
      if (prev !== String.fromCharCode(sm[2].charCodeAt(1) - 1)) sm = null;
    }
    const bm = sm || sp < 1 || sp > 3 || (c0 !== Char.Dash && c0 !== Char.Asterisk && c0 !== Char.Bullet && c0 !== Char.o) ? null : BULLET_RE.exec(s.slice(f, tEnd));
    if ((sm || bm) && state.body.paragraph) {
      const lab = sm ? sm[2] : bm![1];
      const ls = f + (sm && sm[1] ? sm[1].length : 0);
      const sub: SubParagraph = {
        range: rng(i, f, e),
        // A label's brackets and dot stand only around it or after it (`(a)`, `b.`, `iv)`).
        label: sm ? (lab.charCodeAt(0) === Char.OpenParen ? lab.slice(1, -1) : lab.slice(0, -1)) : '--',
        labelRange: rng(i, ls, ls + lab.length),
      };
      let p = ls + lab.length;
      while (p < e && s.charCodeAt(p) === Char.Space) p++;
      if (s.charCodeAt(p) === Char.OpenParen) {
        const pm = readMarking(state, { index: i, text: s, start: f, end: e }, p);
        if (pm) {
          sub.marking = pm.marking;
          p = pm.end;
        }
      }
      state.body.paragraph.subParagraphs.push(sub);
      // Only a sub-paragraph that starts a list (after a break, a colon or another item) takes in the
      // lines after it: a label-like word that running text wrapped onto a line start (`-- which`,
      // `E) that`) stays one line.
      const prev = i > 0 ? state.source.line(i - 1) : '';
      const listed = wasBlank || state.body.openSub !== undefined || prev.charCodeAt(endNonSpace(prev) - 1) === Char.Colon;
      state.body.openSub = listed ? sub : undefined;
      textFrom = p;
    } else if (wasBlank && !sm && !bm) {
      state.body.openSub = undefined;
      // A lone SIPDIS between paragraphs is a conversion artifact (a caption, below), not a heading.
      if (!(e - f === 6 && state.doc.paragraphs.length && /^SIPDIS$/i.test(s.slice(f, e)))) maybeHeading(state, i, s, f, e);
    } else if (state.body.openSub && !wasBlank) {
      extendOpenSub(state, i, e);
    }
  }
  // Captions inside the text: conversion artifacts (`SIPDIS` glued into a sentence).
  // Inline SIPDIS is looked for only near the start of a line, where the conversion left it.
  const pdis = state.hits.pdisAt[i];
  const sipRel = pdis !== undefined && pdis + 4 <= tEnd ? s.slice(f, tEnd).toUpperCase().indexOf('SIPDIS') : -1;
  const sipAt = sipRel >= 0 ? f + sipRel : undefined;
  if (sipAt !== undefined) {
    // On a line of its own it is inline too once the paragraphs have begun: the caption proper
    // stands above the text.
    const whole = e - f === 6 && !state.doc.paragraphs.length;
    addCaption(state, i, s, sipAt, sipAt + 6, 'SIPDIS', !whole);
  }
  blockMarkers(state, i, s, textFrom, e, f);
}
