import type { Heading } from '../model.ts';
import { readFilingTime } from '../dtg.ts';
import { Case, Char } from './chars.ts';
import { canonicalPost, yearDigits } from './identity.ts';
import type { ParseState } from './state.ts';
import { endCont } from './heading/index.ts';
import { closeParagraph } from './body/paragraphs.ts';
import { findSignature } from './signature.ts';

export const TRAILER_HEADING = /^(?:END CABLE TEXT|(?:PLEASE )?VISIT\b)/i;

// -------------------------------------------------------------------------------------------

export function finish(state: ParseState): void {
  endCont(state);
  const body = state.doc.bodyStartLine;
  // Markers were filed in text order: those above the body (header lines) come first, if any.
  const markers = state.doc.sectionMarkers;
  let above = 0;
  while (above < markers.length && markers[above].range.start.line < body) above++;
  if (above) state.doc.sectionMarkers = markers.filter((m) => m.range.start.line >= body);
  closeParagraph(state);
  const doc = state.doc;
  for (const b of state.body.openBlocks) {
    if (state.body.explicitStart.has(b)) {
      state.problem(b.start.range, 'block-unterminated', `'${b.start.text}' has no matching END.`);
      continue;
    }
    const end = state.body.implicitEnd.get(b) ?? doc.paragraphs[doc.paragraphs.length - 1]?.range;
    if (end && (end.end.line > b.range.end.line || (end.end.line === b.range.end.line && end.end.character > b.range.end.character))) {
      b.range = { start: b.range.start, end: end.end };
    }
  }
  if (doc.tags && !doc.tags.tags.length) {
    state.problem(doc.tags.range, 'tags-empty', 'The TAGS line lists no codes.');
  }
  findSignature(state);
  // Dates and identity.
  doc.dtg = doc.header.dtgLine?.dtg ?? doc.header.partialExtract?.dtg ?? doc.header.dateLine;
  const de = doc.header.de;
  if (de?.filingTime && doc.dtg?.year) {
    const ft = readFilingTime(de.filingTime.text, de.filingTime.range.start.line, de.filingTime.range.start.character, doc.dtg.year.value, doc.dtg.epochMs);
    if (ft) de.filingTime = ft;
  }
  if (de?.filingTime?.invalid) {
    state.problem(de.filingTime.range, 'filing-time-invalid', `Filing time '${de.filingTime.text}': ${de.filingTime.invalid}.`);
  }
  const id = doc.identity;
  const banner = doc.banner;
  if (banner?.post) id.origin = canonicalPost(banner.post.text);
  else if (doc.header.from) {
    const fm = doc.header.from.name.text.replace(/^(?:AMEMBASSY|AMCONSUL|USMISSION|AMEMB|AMCONGEN)\s+/i, '');
    id.origin = canonicalPost(fm);
  }
  if (banner?.serial) id.serial = banner.serial.value;
  else if (de?.serial) id.serial = de.serial.value;
  if (doc.dtg?.year) id.year = doc.dtg.year.value;
  if (id.origin && id.serial !== undefined && id.year !== undefined) {
    id.id = `${yearDigits(id.year)}${id.origin}${id.serial}`;
  }
  // References without a year take the cable's year.
  for (const block of doc.references) {
    for (const r of block.items) {
      if (r.origin && r.serial !== undefined) {
        r.year ??= id.year;
        if (r.year !== undefined) r.cableId = `${yearDigits(r.year)}${r.origin}${r.serial}`;
      }
    }
  }
  const secLevel = doc.header.security?.level;
  const basis = banner ?? (secLevel && secLevel !== 'R' ? { level: secLevel, caveats: [] as string[] } : undefined);
  if (basis) {
    let level = basis.level;
    if (level === 'U' && (state.captionNames.has('SENSITIVE') || state.captionNames.has('FOUO'))) level = 'SBU';
    const caveats = [...basis.caveats];
    // A NOFORN subject marking restricts the whole cable; paragraph markings restrict only their portion.
    const nfMarks = !!doc.subject?.marking?.caveats.includes('NOFORN');
    if ((state.captionNames.has('NOFORN') || nfMarks) && !caveats.includes('NOFORN')) caveats.push('NOFORN');
    doc.classification = { level, caveats };
  }
  // Nothing at or after the signature is a heading (the viewer's trailers: `End Cable Text`, links).
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
