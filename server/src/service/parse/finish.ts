/**
 * What needs the whole cable, after the last line: the open element and paragraph closed, the trailer
 * lines (trailer.ts), blocks without an END settled, the signature, the cable's date and identity (identity.ts), the classification
 * rolled up from the banner and captions, and the headings that are the viewer's trailers dropped.
 */
import type { Heading } from '../model.ts';
import { Case, Char } from './chars.ts';
import { readIdentity } from './identity.ts';
import type { ParseState } from './state.ts';
import { endCont } from './heading/index.ts';
import { closeParagraph } from './body/paragraphs.ts';
import { findSignature } from './signature.ts';
import { clampSubParagraphs } from './body/subParagraphs.ts';
import { readTrailerLines } from './trailer.ts';

const TRAILER_HEADING = /^(?:END CABLE TEXT|(?:PLEASE )?VISIT\b)/i;

export function finish(state: ParseState): void {
  endCont(state);
  dropHeaderSectionMarkers(state);
  readTrailerLines(state);
  closeParagraph(state);
  settleOpenBlocks(state);
  findSignature(state);
  clampSubParagraphs(state.doc.paragraphs);
  readIdentity(state);
  rollUpClassification(state);
  dropTrailerHeadings(state);
}

/** Section markers above the banner belong to the header's printout, not to the text. */
function dropHeaderSectionMarkers(state: ParseState): void {
  const body = state.doc.bodyStartLine;
  // Markers were filed in text order: those above the body (header lines) come first, if any.
  const markers = state.doc.sectionMarkers;
  let above = 0;
  while (above < markers.length && markers[above].range.start.line < body) above++;
  if (above) state.doc.sectionMarkers = markers.filter((m) => m.range.start.line >= body);
}

/**
 * Blocks still open at the end: one opened with BEGIN has no END (a problem); any other runs to where it
 * ended implicitly (its paragraph's end) or to the last paragraph's end.
 */
function settleOpenBlocks(state: ParseState): void {
  const paragraphs = state.doc.paragraphs;
  for (const b of state.body.openBlocks) {
    if (state.body.explicitStart.has(b)) {
      state.problem(b.start.range, 'block-unterminated', `'${b.start.text}' has no matching END.`);
      continue;
    }
    const end = state.body.implicitEnd.get(b) ?? paragraphs[paragraphs.length - 1]?.range;
    if (end && (end.end.line > b.range.end.line || (end.end.line === b.range.end.line && end.end.character > b.range.end.character))) {
      b.range = { start: b.range.start, end: end.end };
    }
  }
}

/**
 * The cable's classification: the banner's level and caveats (else the security line's level), SBU for
 * an unclassified cable with a SENSITIVE or FOUO caption, NOFORN from a caption or the subject's marking.
 */
function rollUpClassification(state: ParseState): void {
  const doc = state.doc;
  const secLevel = doc.header.security?.level;
  const basis = doc.banner ?? (secLevel && secLevel !== 'R' ? { level: secLevel, caveats: [] as string[] } : undefined);
  if (!basis) return;
  const captions = state.captionNames;
  let level = basis.level;
  if (level === 'U' && (captions.has('SENSITIVE') || captions.has('FOUO'))) level = 'SBU';
  const caveats = [...basis.caveats];
  // A NOFORN subject marking restricts the whole cable; paragraph markings restrict only their portion.
  const nfMarks = !!doc.subject?.marking?.caveats.includes('NOFORN');
  if ((captions.has('NOFORN') || nfMarks) && !caveats.includes('NOFORN')) caveats.push('NOFORN');
  doc.classification = { level, caveats };
}

/** Nothing at or after the signature is a heading (the viewer's trailers: `End Cable Text`, links). */
function dropTrailerHeadings(state: ParseState): void {
  const doc = state.doc;
  const sl = doc.signature ? doc.signature.range.start.line : Infinity;
  // One pass, and a new list only when a heading goes: the trailer titles start with E, P or V (a
  // case-insensitive regex without the u flag matches no character outside ASCII to those).
  const headings = doc.headings;
  const dropHeading = (h: Heading) => {
    if (h.range.start.line >= sl) return true;
    const c = h.title.charCodeAt(0) | Case.Bit;
    return (c === Char.e || c === Char.p || c === Char.v) && TRAILER_HEADING.test(h.title);
  };
  let k = 0;
  while (k < headings.length && !dropHeading(headings[k])) k++;
  if (k < headings.length) doc.headings = headings.filter((h) => !dropHeading(h));
}
