/**
 * Hovers: what a code on the cable means. Reads the document model only (never re-parses the text) and
 * explains TAGS, date-time groups, the DE filing time, routing indicators, precedence, the security line,
 * the banner, captions, portion markings, the E.O. line, DECL dates and classification reasons.
 *
 * Every sentence comes from the dictionary (data files with their sources); nothing is said about a code
 * no source explains except that it is unknown.
 */
import type { Hover, MarkupContent, Position, Range } from 'vscode-languageserver-types';
import type { Banner, CableDocument, Dtg, PortionMarking, TagCode, Token, FilingTime } from '../model.ts';
import type { Dictionary, GlossaryEntry, TagInfo } from '../dictionary.ts';
import { formatDtgLong, zoneName } from '../dtg.ts';
import { bannerDamage, levelName } from '../classification.ts';
import {
  declassifyDateWords,
  declassifyYears,
  filingDelayMinutes,
  filingDelayWords,
  formatUtc,
  formatUtcDate,
  orderYears,
  pad2,
  precedenceKey,
  reasonSectionWords,
  tagKindWords,
  usefulNote,
} from './decode.ts';

type Md = string[];

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** Inclusive of both ends, so a cursor just after the last character still hovers the token. */
function inRange(r: Range | undefined, p: Position): r is Range {
  return !!r && !before(p, r.start) && !before(r.end, p);
}

/** Markdown code span that survives backticks in the text. */
function code(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.includes('`') ? `\`\` ${t} \`\`` : `\`${t}\``;
}

/** Escapes markdown in text taken from data files (titles, notes). */
function esc(text: string): string {
  return text.replace(/[\\`*_[\]<>#|]/g, (c) => `\\${c}`);
}

function result(lines: Md, range: Range): Hover {
  const contents: MarkupContent = { kind: 'markdown', value: lines.filter((l) => l !== '').join('\n\n') };
  return { contents, range };
}

function sourceLine(source: string): string {
  return `*Source: ${esc(source)}*`;
}

function glossaryLines(label: string, e: GlossaryEntry | undefined): Md {
  if (!e) return [`${label}: not explained by the sources used.`];
  return [`${label} — ${esc(e.title)}`, e.text ? e.text : '', sourceLine(e.source)];
}

// ---------------------------------------------------------------------------------------------
// TAGS

function tagKindLabel(info: TagInfo): string {
  return esc(tagKindWords(info));
}

function tagTitle(info: TagInfo): string {
  return info.title ? esc(info.title) : '*no title in the sources used*';
}

export function tagHoverMarkdown(code0: string, kind: TagCode['kind'], dict: Dictionary): string {
  const rows = kind === 'person' ? [] : dict.lookupTagAll(code0);
  if (kind === 'person') {
    return [
      `**${esc(code0)}** — personal-name TAGS`,
      'The name of a person relevant to the message, in parentheses ("SURNAME, GIVEN"); no list of them exists.',
      sourceLine('TAGS handbook 1974 §4.a'),
    ].join('\n\n');
  }
  const out: Md = [];
  if (rows.length > 0) {
    const best = rows[0];
    out.push(`**${esc(best.code)}** — ${tagTitle(best)}`);
    out.push(tagKindLabel(best));
    const note = usefulNote(best.note);
    if (note) out.push(`Note: ${esc(note)}`);
    out.push(sourceLine(best.source));
    for (const other of rows.slice(1)) {
      out.push(`Also: ${tagTitle(other)} — ${tagKindLabel(other)} (${esc(other.source)})`);
    }
  } else {
    out.push(`**${esc(code0)}** — unknown TAGS code`);
    const post = dict.post(code0);
    out.push(post ? `The name of a post or mission (${esc(post)}), written freestyle; not a TAGS code.` : 'In none of the subject, program, geographic or organization TAGS lists consulted.');
  }
  const typo = dict.typo(code0);
  if (typo && typo.kind !== 'person name') {
    const what = typo.correct.map((c) => `**${esc(c)}**${dict.lookupTag(c)?.title ? ` (${esc(dict.lookupTag(c)?.title ?? '')})` : ''}`);
    out.push(
      `${typo.kind === 'split' ? 'Run-together codes' : 'Known slip'}: stands for ${what.join(', ')}` +
        `${typo.note ? ` (seen in ${esc(typo.note)})` : ''}.`,
    );
  } else if (rows.length === 0) {
    const sug = dict.suggest(code0).slice(0, 3);
    if (sug.length) {
      const titled = sug.map((c) => `**${esc(c)}**${dict.lookupTag(c)?.title ? ` (${esc(dict.lookupTag(c)?.title ?? '')})` : ''}`);
      out.push(`Did you mean ${titled.join(', ')}?`);
    }
  }
  return out.join('\n\n');
}

// ---------------------------------------------------------------------------------------------
// Dates

function dtgMarkdown(dtg: Dtg, dict: Dictionary, label = 'Date-time group'): Md {
  const out: Md = [`**${label}** ${code(dtg.text)}`];
  if (dtg.epochMs !== undefined) out.push(formatDtgLong(dtg));
  else if (dtg.malformed) out.push(`Not a well-formed DTG (${esc(dtg.malformed)}); read as: ${esc(formatDtgLong(dtg))}`);
  else if (dtg.invalid) out.push(`Impossible time: ${esc(dtg.invalid)}`);
  else out.push(esc(formatDtgLong(dtg)));
  if (dtg.zone) {
    const z = dtg.zone.value.toUpperCase();
    const info = dict.zone(z);
    const local =
      info && info.offset !== undefined && info.offset !== 0 && dtg.day && dtg.hour && dtg.minute
        ? `; written time ${pad2(dtg.hour.value)}:${pad2(dtg.minute.value)} is local to that zone`
        : '';
    out.push(`Zone ${code(z)}${info ? ` (${info.title})` : ''}: ${esc(zoneName(z))}${local}${info?.text ? `. ${info.text}` : ''}`);
  }
  out.push('Format: day, hour, minute, zone letter, month, year (ACP 127 §113).');
  return out;
}

function filingMarkdown(ft: FilingTime, dtg: Dtg | undefined): Md {
  const out: Md = [`**Filing time** ${code(ft.text)}`];
  if (ft.invalid) {
    out.push(`Cannot be read: ${esc(ft.invalid)}.`);
    return out;
  }
  if (ft.julianDay !== undefined) {
    out.push(`Julian day ${ft.julianDay}, ${pad2(ft.hour)}:${pad2(ft.minute)} (no zone suffix).`);
  } else if (ft.day !== undefined) {
    out.push(`Day ${ft.day}, ${pad2(ft.hour)}:${pad2(ft.minute)}.`);
  }
  if (ft.epochMs !== undefined) {
    out.push(`Filed ${formatUtc(ft.epochMs)}.`);
    const delay = filingDelayMinutes(ft, dtg);
    if (delay !== undefined) out.push(`${filingDelayWords(delay)}.`);
  }
  return out;
}

function declMarkdown(decl: NonNullable<NonNullable<CableDocument['eo']>['declassifyOn']>, doc: CableDocument): Md {
  const out: Md = [`**Declassify on** ${code(decl.text)}`];
  if (decl.invalid) {
    out.push(`Not a real date: ${esc(decl.invalid)}.`);
    return out;
  }
  const date = declassifyDateWords(decl);
  if (date === undefined) return out;
  out.push(`${date}.`);
  const years = declassifyYears(decl, doc);
  const cableMs = doc.dtg?.epochMs;
  if (years !== undefined && cableMs !== undefined) {
    const rounded = Math.round(years * 10) / 10;
    if (years < 0) out.push(`Before the cable's own date (${formatUtcDate(cableMs)}).`);
    else out.push(`${rounded} years after the cable (${formatUtcDate(cableMs)}).`);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Classification

/** 5 FAH-1 H-246.2 for the marking, and the source of each caveat's gloss. */
function markingSources(pm: PortionMarking, dict: Dictionary): string {
  const sources = ['5 FAH-1 H-246.2'];
  for (const c of pm.caveats) {
    const s = dict.marking(c === 'NOFORN' ? 'NF' : c.split(' ')[0])?.source;
    if (s && !sources.includes(s)) sources.push(s);
  }
  return sources.join('; ');
}

function markingMarkdown(pm: PortionMarking, dict: Dictionary): Md {
  const out: Md = [`**Portion marking** ${code(pm.text)}`];
  if (pm.level) {
    // C, S and TS need no gloss beyond their name; the administrative controls do.
    const e = pm.level === 'SBU' || pm.level === 'LOU' ? dict.marking(pm.level) : undefined;
    out.push(`${levelName(pm.level)}${e?.text ? ` — ${e.text}` : ''}`);
  }
  for (const c of pm.caveats) {
    const e = dict.marking(c === 'NOFORN' ? 'NF' : c.split(' ')[0]);
    out.push(e ? `${code(c)}: ${esc(e.title)}${e.text ? ` — ${e.text}` : ''}` : `${code(c)}`);
  }
  if (pm.entireText) {
    const e = dict.marking('ENTIRE TEXT');
    if (e?.text) out.push(e.text);
  }
  if (pm.malformed) out.push(`Malformed: ${esc(pm.malformed.replace(/-/g, ' '))}.`);
  out.push(sourceLine(markingSources(pm, dict)));
  return out;
}

function bannerMarkdown(b: Banner, dict: Dictionary): Md {
  const out: Md = [`**Classification banner** — ${levelName(b.level)}`];
  const e = dict.marking(b.level);
  if (e?.text && (b.level === 'SBU' || b.level === 'LOU')) out.push(e.text);
  for (const c of b.caveats) {
    const g = dict.marking(c === 'NOFORN' ? 'NF' : c.split(' ')[0]);
    if (g) out.push(`${code(c)}: ${esc(g.title)}${g.text ? ` — ${g.text}` : ''}`);
  }
  if (b.section) out.push(`Section ${b.section.number} of ${b.section.of}.`);
  if (b.spaced) out.push('Spaced letters are the usual form for CONFIDENTIAL and SECRET.');
  if (b.damaged) {
    const damage = bannerDamage(b.classification.text, b.level);
    out.push(damage === 'doubled' ? 'The doubled first letter is conversion damage.' : damage === 'stray' ? 'The stray letter before the word is conversion damage.' : 'The lost first letter is conversion damage.');
  }
  out.push(sourceLine('ACP 127(G) §201.b(4); 5 FAH-2 H-222'));
  return out;
}

function reasonMarkdown(reason: NonNullable<NonNullable<CableDocument['classifiedBy']>['reason']>, dict: Dictionary): Md {
  const sec = reason.section;
  const out: Md = [`**Classification reason** ${code(reason.text)}`];
  out.push(`${esc(reasonSectionWords(sec))}.`);
  for (const l of reason.letters) {
    const e = dict.reason(l);
    out.push(e ? `(${l.toLowerCase()}) ${esc(e.title)}` : `(${l.toLowerCase()}) not a category letter`);
  }
  out.push(sourceLine('E.O. 12958 §1.5 / E.O. 13526 §1.4'));
  return out;
}

function eoMarkdown(order: number, dict: Dictionary, doc: CableDocument): Md {
  const e = dict.executiveOrder(order);
  if (!e) return [`**E.O. ${order}** — not one of the orders on classification that cables cite.`];
  const { from, to } = orderYears(order, dict)!;
  const out: Md = [`**${esc(e.title)}**`];
  const dates = [`signed ${e.signed}`];
  if (e.effective) dates.push(`effective ${e.effective}`);
  if (e.replacedBy) dates.push(`replaced by E.O. ${e.replacedBy}`);
  out.push(`${dates.join(', ')}.`);
  if (from) out.push(`In force ${from}–${to || 'today'}.`);
  if (e.text) out.push(e.text);
  const cableYear = doc.identity.year ?? doc.dtg?.year?.value;
  if (cableYear !== undefined && from && (cableYear < Number(from) || (to && cableYear > Number(to)))) {
    out.push(`This cable (${cableYear}) is outside those years.`);
  }
  out.push(sourceLine(e.source));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Header

function riMarkdown(tok: Token, dict: Dictionary): Md {
  const name = dict.routingIndicator(tok.text);
  if (name) return [`**${esc(tok.text)}** — routing indicator of ${esc(name)}`, sourceLine('ACP 117 CAN-US SUPP-1 (2010)')];
  return [
    `**${esc(tok.text)}** — routing indicator`,
    'Not in the 2010 Allied Routing Indicator Book extract; State collectives and some posts are missing from it.',
  ];
}

function precedenceMarkdown(tok: Token, dict: Dictionary): Md {
  const t = tok.text.trim().toUpperCase().replace(/\s+/g, ' ');
  const e = dict.precedence(precedenceKey(tok.text));
  // A written word (`IMMEDIATE`) is its own title; a prosign (`O`, `OO`) is shown beside it.
  return glossaryLines(e && e.title === t ? '**Precedence**' : `**Precedence ${code(tok.text)}**`, e);
}

/** The word of a one-line token under the cursor, with its range. */
function wordAt(tok: Token, p: Position): Token | undefined {
  if (tok.range.start.line !== p.line) return undefined;
  const rel = p.character - tok.range.start.character;
  const re = /[A-Z0-9]+/gi;
  for (let m = re.exec(tok.text); m; m = re.exec(tok.text)) {
    if (rel >= m.index && rel <= m.index + m[0].length) {
      const start = tok.range.start.character + m.index;
      return { text: m[0], range: { start: { line: p.line, character: start }, end: { line: p.line, character: start + m[0].length } } };
    }
  }
  return undefined;
}

function headerHover(doc: CableDocument, p: Position, dict: Dictionary): Hover | null {
  const h = doc.header;
  if (h.routing) {
    if (inRange(h.routing.precedence.range, p)) return result(precedenceMarkdown(h.routing.precedence, dict), h.routing.precedence.range);
    for (const ri of h.routing.indicators) if (inRange(ri.range, p)) return result(riMarkdown(ri, dict), ri.range);
  }
  if (h.de) {
    const de = h.de;
    if (inRange(de.station.range, p)) return result(riMarkdown(de.station, dict), de.station.range);
    if (de.filingTime && inRange(de.filingTime.range, p)) return result(filingMarkdown(de.filingTime, doc.dtg), de.filingTime.range);
    if (de.serial && inRange(de.serial.range, p)) {
      return result(
        [`**Station serial** ${code(de.serial.text)}`, 'Number of the message at the originating station; usually the last four digits of the banner serial.', de.section ? `Section ${de.section.value}.` : ''],
        de.serial.range,
      );
    }
  }
  if (h.security) {
    const s = h.security;
    if (inRange(s.signal.range, p)) return result(glossaryLines(`**${esc(s.signal.text)}**`, dict.security(s.signal.text)), s.signal.range);
    if (inRange(s.letters.range, p)) {
      const e = dict.security(s.letters.text);
      return result(glossaryLines(`**${esc(s.letters.text)}**`, e), s.letters.range);
    }
    if (s.rest && inRange(s.rest.range, p)) {
      const w = wordAt(s.rest, p);
      const e = w ? dict.security(w.text) : undefined;
      if (w && e) return result(glossaryLines(`**${esc(w.text)}**`, e), w.range);
      if (w && /^Z[A-Z]{2}$/i.test(w.text)) {
        return result([`**${esc(w.text)}** — Z operating signal (ACP 131 series); not explained by the sources used.`], w.range);
      }
    }
  }
  if (h.dtgLine) {
    for (const pr of h.dtgLine.precedence) if (inRange(pr.range, p)) return result(precedenceMarkdown(pr, dict), pr.range);
    if (h.dtgLine.dtg && inRange(h.dtgLine.dtg.range, p)) return result(dtgMarkdown(h.dtgLine.dtg, dict), h.dtgLine.dtg.range);
  }
  if (h.partialExtract?.dtg && inRange(h.partialExtract.dtg.range, p)) {
    return result(dtgMarkdown(h.partialExtract.dtg, dict), h.partialExtract.dtg.range);
  }
  for (const a of [...(h.from ? [h.from] : []), ...h.to, ...h.info, ...h.xmt]) {
    if (!inRange(a.range, p)) continue;
    if (a.routingIndicator && inRange(a.routingIndicator.range, p)) return result(riMarkdown(a.routingIndicator, dict), a.routingIndicator.range);
    if (a.precedence && inRange(a.precedence.range, p)) return result(precedenceMarkdown(a.precedence, dict), a.precedence.range);
    if (a.number && inRange(a.number.range, p)) {
      return result([`**Message number** ${code(a.number.text)}`, "The addressee's own serial for this message."], a.number.range);
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------

/** Hover for the element under `position`, or null when there is nothing to explain. */
export function hover(doc: CableDocument, position: Position, dict: Dictionary): Hover | null {
  const p = position;
  if (p.line < 0 || p.line >= doc.lineCount) return null;

  if (doc.tags && inRange(doc.tags.range, p)) {
    for (const t of doc.tags.tags) {
      if (inRange(t.range, p)) return result([tagHoverMarkdown(t.code, t.kind, dict)], t.range);
    }
    if (inRange(doc.tags.keyword.range, p)) {
      return result(
        ['**TAGS** — Traffic Analysis by Geography and Subject', 'Subject, program, geographic, organization and personal-name codes that file the cable; at least one subject TAGS is required.', sourceLine('TAGS handbook 1974 §1; NARA CFPF FAQ Q3')],
        doc.tags.keyword.range,
      );
    }
  }

  const header = headerHover(doc, p, dict);
  if (header) return header;

  for (const b of [...(doc.banner ? [doc.banner] : []), ...doc.repeatedBanners]) {
    if (inRange(b.classification.range, p)) return result(bannerMarkdown(b, dict), b.classification.range);
  }

  for (const c of doc.captions) {
    if (inRange(c.token.range, p)) {
      const e = dict.caption(c.name);
      if (e) return result(glossaryLines(`**${esc(c.name)}**`, e), c.token.range);
    }
  }

  if (doc.eo) {
    const eo = doc.eo;
    if (eo.order && inRange(eo.order.range, p)) return result(eoMarkdown(eo.order.value, dict, doc), eo.order.range);
    if (eo.declassifyOn && inRange(eo.declassifyOn.range, p)) return result(declMarkdown(eo.declassifyOn, doc), eo.declassifyOn.range);
    if (eo.exemption && inRange(eo.exemption.range, p)) {
      const e = dict.declassification(eo.exemption.text);
      if (e) return result(glossaryLines(`**${esc(eo.exemption.text)}**`, e), eo.exemption.range);
    }
    if (eo.kind === 'na' && eo.instruction && inRange(eo.instruction.range, p)) {
      return result(glossaryLines(`**${esc(eo.instruction.text)}**`, dict.declassification('N/A')), eo.instruction.range);
    }
  }

  if (doc.classifiedBy?.reason && inRange(doc.classifiedBy.reason.range, p)) {
    return result(reasonMarkdown(doc.classifiedBy.reason, dict), doc.classifiedBy.reason.range);
  }

  const markings: PortionMarking[] = [];
  if (doc.subject?.marking) markings.push(doc.subject.marking);
  for (const para of doc.paragraphs) {
    if (p.line < para.range.start.line || p.line > para.range.end.line) continue;
    if (para.marking) markings.push(para.marking);
    for (const s of para.subParagraphs) if (s.marking) markings.push(s.marking);
  }
  for (const m of markings) if (inRange(m.range, p)) return result(markingMarkdown(m, dict), m.range);

  return null;
}
