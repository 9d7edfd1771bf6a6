/**
 * The cable preview's view model: the document model decoded into words a reader wants (who sent it to
 * whom, when, how secret, about what), each element with the source lines it stands for. Reads the
 * model and the dictionary only, with the same words the hovers give (decode.ts); the webview lays it
 * out. Which workspace file holds a cited cable is the caller's business: it passes a resolver.
 *
 * A file of several cables (sequence.ts) is previewed as all of them in order, each with its own
 * heading; every line is a line of the file, so the preview scrolls with the editor from cable to cable.
 */
import type { Addressee, CableDocument, Range, Token } from '../model.ts';
import type { Dictionary } from '../dictionary.ts';
import { formatDtgLong } from '../dtg.ts';
import { levelName } from '../classification.ts';
import {
  caveatWords,
  declassifyDateWords,
  declassifyYears,
  filingDelayMinutes,
  filingDelayWords,
  formatUtc,
  levelWords,
  orderYears,
  plainWords,
  precedenceEntry,
  reasonSectionWords,
  sentenceCase,
  tagKindWords,
} from './decode.ts';
import type { CableResolver } from './links.ts';
import type { CableFile } from '../sequence.ts';
import { cableLink, previewBody, previewMarking } from './previewBody.ts';
import { moveCable } from './previewMove.ts';
import type {
  LineSpan,
  PreviewCable,
  PreviewCaption,
  PreviewClassification,
  PreviewClassifiedBy,
  PreviewDeclassification,
  PreviewDocument,
  PreviewField,
  PreviewFieldItem,
  PreviewHeader,
  PreviewReference,
  PreviewTag,
} from './previewTypes.ts';

export type * from './previewTypes.ts';

export interface PreviewOptions {
  uri: string;
  version: number;
  /** The workspace file holding a cable id, when there is one (REF items and ids in the text link to it). */
  resolve?: CableResolver;
  /** Running text beyond this many characters is left out, and a note says so. */
  maxBodyChars?: number;
}

/** About a megabyte of running text: what a webview lays out in well under a second. */
export const DEFAULT_MAX_BODY_CHARS = 1_000_000;

const NOT_IN_BOOK = 'routing indicator not in the Allied Routing Indicator Book (2010)';

export function spanOf(r: Range): LineSpan {
  return [r.start.line, r.end.line];
}

/**
 * The file decoded for the preview: its cables in order. The running text of all of them together is
 * held to `maxBodyChars`: the cables after the one that reaches it are left out, and a note says so.
 * Never throws on models the parser built.
 */
export function previewDocument(file: CableFile, dict: Dictionary, options: PreviewOptions): PreviewDocument {
  const resolve = options.resolve ?? (() => undefined);
  let budget = options.maxBodyChars ?? DEFAULT_MAX_BODY_CHARS;
  const cables: PreviewCable[] = [];
  const notes: string[] = [];
  for (const part of file.parts) {
    if (budget <= 0) {
      notes.push(`The preview shows the first ${cables.length} of the file's ${file.parts.length} cables: the rest is longer than a preview lays out quickly. The editor has all of them.`);
      break;
    }
    const { cable, chars } = previewCable(part.model, dict, { resolve, maxBodyChars: budget, firstLine: part.line });
    cables.push(cable);
    budget -= chars;
  }
  const last = file.parts[file.parts.length - 1]!;
  return { uri: options.uri, version: options.version, lineCount: last.line + last.model.lineCount, cables, notes };
}

/**
 * One cable decoded, its lines those of the file (`firstLine`: the file line it starts on), and how many
 * characters of running text it holds.
 */
export function previewCable(
  doc: CableDocument,
  dict: Dictionary,
  options: { resolve: CableResolver; maxBodyChars: number; firstLine: number },
): { cable: PreviewCable; chars: number } {
  const resolve = options.resolve;
  const body = previewBody(doc, dict, options);
  const out: PreviewCable = {
    lines: [0, Math.max(0, doc.lineCount - 1)],
    classification: classificationOf(doc, dict),
    captions: captionsOf(doc, dict),
    distribution: doc.distribution.map((d) => ({ text: d.text, lines: spanOf(d.range) })),
    references: referencesOf(doc, resolve),
    body: body.nodes,
    notes: body.notes,
  };
  if (doc.identity.id) out.id = doc.identity.id;
  const header = headerOf(doc, dict);
  if (header) out.header = header;
  const decl = declassificationOf(doc, dict);
  if (decl) out.declassification = decl;
  if (doc.tags) out.tags = { lines: spanOf(doc.tags.range), keyword: doc.tags.keyword.text, chips: tagsOf(doc, dict) };
  if (doc.subject) {
    out.subject = { text: doc.subject.text, lines: spanOf(doc.subject.range) };
    if (doc.subject.marking) out.subject.marking = previewMarking(doc.subject.marking, dict);
  }
  const cb = classifiedByOf(doc, dict);
  if (cb) out.classifiedBy = cb;
  if (doc.signature) out.signature = { names: doc.signature.names, text: doc.signature.text, lines: spanOf(doc.signature.range) };
  return { cable: moveCable(out, options.firstLine), chars: body.chars };
}

// ---------------------------------------------------------------------------------------------
// Classification

function classificationOf(doc: CableDocument, dict: Dictionary): PreviewClassification {
  const securityLevel = doc.header.security?.level;
  const level = doc.classification?.level ?? (securityLevel && securityLevel !== 'R' ? securityLevel : undefined);
  const caveats = doc.classification?.caveats ?? [];
  if (!level) {
    return { marking: 'NO CLASSIFICATION MARKING', words: 'The cable states no classification level.', caveats: [] };
  }
  const c: PreviewClassification = {
    level,
    marking: [levelName(level), ...caveats].join('//'),
    words: [levelWords(level), ...caveats.map((cv) => caveatWords(cv, dict) ?? cv)].join('; '),
    caveats: caveats.map((code) => {
      const title = caveatWords(code, dict);
      return title ? { code, title } : { code };
    }),
  };
  const b = doc.banner;
  if (b) {
    c.lines = spanOf(b.range);
    if (b.section) c.section = `Section ${b.section.number} of ${b.section.of}`;
  } else if (doc.header.security) {
    c.lines = spanOf(doc.header.security.range);
  }
  return c;
}

function captionsOf(doc: CableDocument, dict: Dictionary): PreviewCaption[] {
  const out: PreviewCaption[] = [];
  for (const cap of doc.captions) {
    if (cap.inline) continue;
    const e = dict.caption(cap.name);
    const c: PreviewCaption = { name: cap.name, lines: spanOf(cap.range) };
    if (e) {
      c.title = e.title;
      if (e.text) c.text = plainWords(e.text);
    }
    out.push(c);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Header card

function item(text: string, range: Range, extra: Partial<PreviewFieldItem> = {}): PreviewFieldItem {
  return { text, ...extra, lines: spanOf(range) };
}

function headerOf(doc: CableDocument, dict: Dictionary): PreviewHeader | undefined {
  const h = doc.header;
  const fields: PreviewField[] = [];
  const add = (label: string, items: PreviewFieldItem[]) => {
    if (items.length) fields.push({ label, items });
  };
  const precedence = h.dtgLine?.precedence.length ? h.dtgLine.precedence : h.routing ? [h.routing.precedence] : [];
  add('Precedence', precedence.map((p) => precedenceItem(p, dict)));
  if (h.from) add('From', [addresseeItem(h.from, dict)]);
  add('To', h.to.map((a) => addresseeItem(a, dict)));
  add('Info', h.info.map((a) => addresseeItem(a, dict)));
  add('Exempted', h.xmt.map((a) => addresseeItem(a, dict)));
  if (doc.dtg) add('Date-time group', [dtgItem(doc)]);
  if (h.de) {
    const station = dict.routingIndicator(h.de.station.text);
    const serial = h.de.serial ? `station serial ${h.de.serial.text}${h.de.section ? `, section ${h.de.section.value}` : ''}` : undefined;
    add('Sending station', [item(station ?? h.de.station.text, h.de.station.range, { code: h.de.station.text, detail: [station ? undefined : NOT_IN_BOOK, serial].filter(Boolean).join('; ') || undefined })]);
    if (h.de.filingTime) add('Filed', [filingItem(doc, h.de.filingTime)]);
  }
  if (h.security) add('Security', [securityItem(h.security, dict)]);
  if (h.routing?.indicators.length) {
    add('Routed to', h.routing.indicators.map((ri) => routingItem(ri, dict)));
  }
  if (h.transmissionId) {
    const t = h.transmissionId;
    add('Transmission', [item(`Channel ${t.channel}, transmission ${t.serial}`, t.range, { code: t.text })]);
  }
  if (fields.length === 0) return undefined;
  const range = h.range ?? doc.dtg?.range;
  return { lines: range ? spanOf(range) : [0, 0], fields };
}

function precedenceItem(p: Token, dict: Dictionary): PreviewFieldItem {
  const e = precedenceEntry(p.text, dict);
  return item(e ? sentenceCase(e.title) : p.text, p.range, e ? { code: p.text } : { detail: 'not a precedence prosign' });
}

function routingItem(ri: Token, dict: Dictionary): PreviewFieldItem {
  const name = dict.routingIndicator(ri.text);
  return item(name ?? ri.text, ri.range, name ? { code: ri.text } : { detail: NOT_IN_BOOK });
}

/** An addressee by the station its routing indicator names, with the name as written beside it. */
function addresseeItem(a: Addressee, dict: Dictionary): PreviewFieldItem {
  const written = a.name.text.replace(/\s+/g, ' ').trim();
  const station = a.routingIndicator ? dict.routingIndicator(a.routingIndicator.text) : undefined;
  const details: string[] = [];
  if (station && station !== written) details.push(`written ${written}`);
  if (a.routingIndicator && !station) details.push(NOT_IN_BOOK);
  if (a.precedence) {
    const e = precedenceEntry(a.precedence.text, dict);
    details.push(e ? sentenceCase(e.title) : a.precedence.text);
  }
  if (a.number) details.push(`message ${a.number.text}`);
  const extra: Partial<PreviewFieldItem> = {};
  if (a.routingIndicator) extra.code = a.routingIndicator.text;
  if (details.length) extra.detail = details.join('; ');
  return item(station ?? written, a.range, extra);
}

function dtgItem(doc: CableDocument): PreviewFieldItem {
  const dtg = doc.dtg!;
  if (dtg.epochMs !== undefined) return item(formatDtgLong(dtg), dtg.range, { code: dtg.text, instant: dtg.epochMs });
  const why = dtg.malformed ? `not a well-formed DTG (${dtg.malformed})` : dtg.invalid ? `an impossible time (${dtg.invalid})` : undefined;
  return item(formatDtgLong(dtg), dtg.range, why ? { code: dtg.text, detail: why } : { code: dtg.text });
}

function filingItem(doc: CableDocument, ft: NonNullable<NonNullable<CableDocument['header']['de']>['filingTime']>): PreviewFieldItem {
  if (ft.invalid) return item(`Cannot be read: ${ft.invalid}`, ft.range, { code: ft.text });
  const details: string[] = [];
  if (ft.julianDay !== undefined) details.push(`Julian day ${ft.julianDay}`);
  const delay = filingDelayMinutes(ft, doc.dtg);
  if (delay !== undefined) details.push(filingDelayWords(delay).toLowerCase().replace(/ dtg$/, ' DTG'));
  const extra: Partial<PreviewFieldItem> = { code: ft.text };
  if (details.length) extra.detail = details.join('; ');
  if (ft.epochMs === undefined) return item(`Day ${ft.julianDay ?? ft.day}, ${ft.text}`, ft.range, extra);
  extra.instant = ft.epochMs;
  return item(`${formatUtc(ft.epochMs)} UTC`, ft.range, extra);
}

function securityItem(s: NonNullable<CableDocument['header']['security']>, dict: Dictionary): PreviewFieldItem {
  const letters = dict.security(s.letters.text);
  const signal = dict.security(s.signal.text);
  const rest = (s.rest?.text ?? '').split(/\s+/).filter(Boolean);
  const details = [signal?.title, ...rest.map((w) => dict.security(w)?.title)].filter((x): x is string => !!x);
  const code = [s.signal.text, s.letters.text, ...rest].join(' ');
  const text = letters ? sentenceCase(letters.title) : s.letters.text;
  const range = { start: s.signal.range.start, end: (s.rest ?? s.letters).range.end };
  return item(text, range, details.length ? { code, detail: details.join('; ') } : { code });
}

// ---------------------------------------------------------------------------------------------
// Heading of the text: E.O., TAGS, REF, Classified By

function declassificationOf(doc: CableDocument, dict: Dictionary): PreviewDeclassification | undefined {
  const eo = doc.eo;
  if (!eo) return undefined;
  const line = doc.lines[eo.range.start.line] ?? '';
  const out: PreviewDeclassification = {
    lines: spanOf(eo.range),
    written: line.slice(eo.range.start.character, eo.range.start.line === eo.range.end.line ? eo.range.end.character : undefined).trim(),
  };
  if (eo.order) {
    const e = dict.executiveOrder(eo.order.value);
    const years = orderYears(eo.order.value, dict);
    out.order = e ? `${e.title}, in force ${years?.from}–${years?.to || 'today'}` : `E.O. ${eo.order.value}, not one of the orders on classification that cables cite`;
  }
  const instr = instructionWords(doc, dict);
  if (instr.words) out.instruction = instr.words;
  if (instr.warning) out.warning = instr.warning;
  return out;
}

function yearsWords(years: number): string {
  const rounded = Math.round(years * 10) / 10;
  return `${rounded} ${rounded === 1 ? 'year' : 'years'}`;
}

function instructionWords(doc: CableDocument, dict: Dictionary): { words?: string; warning?: string } {
  const eo = doc.eo!;
  const written = eo.instruction?.text;
  const glossed = (key: string): string | undefined => {
    const e = dict.declassification(key);
    return e ? `${e.title}${e.text ? `: ${plainWords(e.text)}` : ''}` : undefined;
  };
  switch (eo.kind) {
    case 'date': {
      const decl = eo.declassifyOn;
      if (!decl) return { words: written };
      if (decl.invalid) return { words: `Declassify on ${decl.text}`, warning: `The DECL date names no real day: ${decl.invalid}.` };
      const date = declassifyDateWords(decl);
      const years = declassifyYears(decl, doc);
      if (years === undefined) return { words: `Declassify on ${date ?? decl.text}` };
      if (years < 0) return { words: `Declassify on ${date}`, warning: "The DECL date is before the cable's own date." };
      return { words: `Declassify on ${date}, ${yearsWords(years)} after the cable` };
    }
    case 'na':
      return { words: glossed('N/A') ?? written };
    case 'oadr':
      return { words: glossed('OADR') ?? written };
    case 'exemption': {
      const code = eo.exemption?.text ?? written ?? '';
      const g = glossed(code);
      return { words: g ? `Exempt (${code}): ${g}` : `Exempt: ${code}` };
    }
    case 'schedule':
      return { words: `Declassification schedule ${eo.exemption?.text ?? written ?? ''}`.trim() };
    case 'event':
      return { words: `Declassify on an event: ${written ?? ''}`.trim() };
    case 'nara':
      return { words: `Release note: ${written ?? ''}`.trim() };
    default:
      return written ? { words: written } : {};
  }
}

function tagsOf(doc: CableDocument, dict: Dictionary): PreviewTag[] {
  return doc.tags!.tags.map((t) => {
    const chip: PreviewTag = { code: t.code, kind: t.kind, kindWords: 'Personal name', lines: spanOf(t.range) };
    if (t.kind === 'person') return chip;
    const info = dict.lookupTag(t.code);
    if (info) {
      chip.kindWords = tagKindWords(info);
      if (info.title) chip.title = info.title;
    } else chip.kindWords = 'Not in the TAGS lists';
    const typo = dict.typo(t.code);
    if (typo && typo.kind !== 'person name') chip.note = `${typo.kind === 'split' ? 'Run-together codes for' : 'Stands for'} ${typo.correct.join(', ')}`;
    return chip;
  });
}

function referencesOf(doc: CableDocument, resolve: CableResolver): PreviewReference[] {
  const out: PreviewReference[] = [];
  for (const block of doc.references) {
    for (const it of block.items) {
      const r: PreviewReference = { text: it.text, lines: spanOf(it.range) };
      if (it.label) r.label = it.label;
      if (it.cableId) {
        r.cableId = it.cableId;
        const link = cableLink(it.cableId, resolve(it.cableId));
        if (link.target) r.target = link.target;
        if (link.targetLine) r.targetLine = link.targetLine;
      }
      out.push(r);
    }
  }
  return out;
}

function classifiedByOf(doc: CableDocument, dict: Dictionary): PreviewClassifiedBy | undefined {
  const cb = doc.classifiedBy;
  if (!cb) return undefined;
  const out: PreviewClassifiedBy = { lines: spanOf(cb.range), categories: [] };
  if (cb.authority) out.authority = cb.authority.text.replace(/\s+/g, ' ').trim();
  if (cb.reason) {
    out.reasonText = cb.reason.text;
    out.reasonSection = reasonSectionWords(cb.reason.section);
    out.categories = cb.reason.letters.map((l) => {
      const e = dict.reason(l);
      return e ? { letter: l.toLowerCase(), title: e.title } : { letter: l.toLowerCase() };
    });
  }
  return out;
}
