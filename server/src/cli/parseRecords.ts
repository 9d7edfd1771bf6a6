/**
 * `cable parse`'s work on one cable, on whichever thread parses it: the document model as the JSON
 * documented in the README ("`cable parse` output"; `toJson` below is its single definition), or as
 * one CSV row, already formatted.
 */
import type { Range } from 'vscode-languageserver-types';
import { parseCable } from '../service/parse.ts';
import { Dictionary } from '../service/dictionary.ts';
import type { Addressee, CableDocument, Dtg, PortionMarking, TagKind } from '../service/model.ts';
import { isoMinute } from '../service/dtg.ts';
import type { Accumulator, CableInput, Processor } from './work.ts';

export type ParseFormat = 'json' | 'jsonl' | 'csv';

/** The JSON of one cable (the README documents every field). */
export type CableJson = ReturnType<typeof toJson>;

function shifted(r: Range, lines: number): Range {
  if (lines === 0) return r;
  return { start: { line: r.start.line + lines, character: r.start.character }, end: { line: r.end.line + lines, character: r.end.character } };
}

function dtgJson(d: Dtg | undefined): { text: string; iso: string | null } | null {
  return d ? { text: d.text, iso: d.iso ?? null } : null;
}

function markingJson(m: PortionMarking | undefined): object | null {
  if (!m) return null;
  return { text: m.text, level: m.level ?? null, caveats: m.caveats, malformed: m.malformed ?? null };
}

function addresseeJson(a: Addressee): object {
  return {
    routingIndicator: a.routingIndicator?.text ?? null,
    name: a.name.text,
    precedence: a.precedence?.text ?? null,
    number: a.number?.value ?? null,
  };
}

function headerJson(doc: CableDocument) {
  const h = doc.header;
  return {
    transmissionId: h.transmissionId?.text ?? null,
    precedence: h.dtgLine ? h.dtgLine.precedence.map((p) => p.value) : h.routing ? [h.routing.precedence.value] : [],
    routingIndicators: h.routing ? h.routing.indicators.map((t) => t.text) : [],
    station: h.de?.station.text ?? null,
    stationSerial: h.de?.serial?.value ?? null,
    section: h.de?.section?.value ?? doc.banner?.section?.number ?? null,
    sections: doc.banner?.section?.of ?? null,
    security: h.security ? { signal: h.security.signal.text, letters: h.security.letters.text, level: h.security.level ?? null } : null,
    from: h.from ? addresseeJson(h.from) : null,
    to: h.to.map(addresseeJson),
    info: h.info.map(addresseeJson),
    xmt: h.xmt.map(addresseeJson),
    partialExtract: !!h.partialExtract,
    receivingCopy: !!h.receivingCopy,
  };
}

function tagsJson(doc: CableDocument, dict: Dictionary | undefined) {
  return (doc.tags?.tags ?? []).map((t) => {
    let kind: TagKind = t.kind;
    let title: string | null = null;
    if (dict && kind !== 'person') {
      const info = dict.lookupTag(t.code);
      if (info) {
        kind = info.kind;
        title = info.title ?? null;
      }
    }
    return { code: t.code, kind, title };
  });
}

function declassificationJson(doc: CableDocument) {
  const eo = doc.eo;
  return eo
    ? {
        order: eo.order?.value ?? null,
        kind: eo.kind,
        instruction: eo.instruction?.text ?? null,
        date:
          eo.declassifyOn?.year !== undefined
            ? `${eo.declassifyOn.year}-${String(eo.declassifyOn.month).padStart(2, '0')}-${String(eo.declassifyOn.day).padStart(2, '0')}`
            : null,
        exemption: eo.exemption?.text ?? null,
        downgrade: eo.downgrade ? { to: eo.downgrade.to.text, date: eo.downgrade.date?.text ?? null } : null,
      }
    : null;
}

/**
 * The JSON of one parsed cable (documented in the README). `line` is where the cable starts in its
 * file (0 unless the file holds several); every range is a position in the file.
 */
export function toJson(file: string, doc: CableDocument, dict?: Dictionary, line = 0) {
  const ft = doc.header.de?.filingTime;
  const cb = doc.classifiedBy;
  const shift = (r: Range): Range => shifted(r, line);
  return {
    file,
    line,
    id: doc.identity.id ?? null,
    origin: doc.identity.origin ?? null,
    serial: doc.identity.serial ?? null,
    year: doc.identity.year ?? null,
    classification: doc.classification
      ? { level: doc.classification.level, caveats: doc.classification.caveats, banner: doc.banner ? doc.lines[doc.banner.range.start.line].slice(doc.banner.range.start.character, doc.banner.range.end.character) : null }
      : null,
    dtg: dtgJson(doc.dtg),
    filingTime: ft
      ? {
          text: ft.text,
          julianDay: ft.julianDay ?? null,
          day: ft.day ?? null,
          hour: ft.hour,
          minute: ft.minute,
          iso: ft.epochMs !== undefined ? isoMinute(ft.epochMs) : null,
          invalid: ft.invalid ?? null,
        }
      : null,
    header: headerJson(doc),
    tags: tagsJson(doc, dict),
    subject: doc.subject ? doc.subject.text : null,
    subjectMarking: markingJson(doc.subject?.marking),
    references: doc.references.flatMap((b) => b.items.map((r) => ({ label: r.label ?? null, text: r.text, cableId: r.cableId ?? null }))),
    classifiedBy: cb
      ? { authority: cb.authority?.text ?? null, reason: cb.reason ? { section: cb.reason.section || null, letters: cb.reason.letters } : null }
      : null,
    declassification: declassificationJson(doc),
    captions: [...new Set(doc.captions.filter((c) => !c.inline).map((c) => c.name))],
    distribution: doc.distribution.map((d) => d.text),
    paragraphs: doc.paragraphs.map((p) => ({ number: p.number.value, marking: markingJson(p.marking), range: shift(p.range) })),
    signature: doc.signature ? doc.signature.names : null,
    problems: doc.problems.map((p) => ({ code: p.code, message: p.message, range: shift(p.range) })),
  };
}


// ---------------------------------------------------------------------------------------------
// CSV: one row per cable, the columns a table of an archive needs

/** Multi-valued cells (caveats, TAGS, references, signers) join their values with this. */
const LIST = ';';
export const CSV_COLUMNS = ['file', 'line', 'id', 'date', 'origin', 'level', 'caveats', 'tags', 'subject', 'references', 'signer', 'error'] as const;
export const CSV_HEADER = CSV_COLUMNS.join(',') + '\n';

const NEEDS_QUOTES = /[",\r\n]/;

/** RFC 4180: a cell holding a quote, comma or line end is quoted, its quotes doubled. */
function cell(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csvRow(values: Record<(typeof CSV_COLUMNS)[number], string | number | null>): string {
  return CSV_COLUMNS.map((c) => cell(values[c])).join(',') + '\n';
}

function cableRow(j: CableJson, error: string | null = null): string {
  return csvRow({
    file: j.file,
    line: j.line,
    id: j.id,
    date: j.dtg?.iso ?? null,
    origin: j.origin,
    level: j.classification?.level ?? null,
    caveats: j.classification?.caveats.join(LIST) ?? null,
    tags: j.tags.map((t) => t.code).join(LIST),
    subject: j.subject,
    references: j.references.flatMap((r) => (r.cableId ? [r.cableId] : [])).join(LIST),
    signer: j.signature?.join(LIST) ?? null,
    error,
  });
}

// ---------------------------------------------------------------------------------------------

function defaultDictionary(): Dictionary | undefined {
  try {
    return Dictionary.default();
  } catch {
    return undefined;
  }
}

export class ParseProcessor implements Processor {
  readonly separator: string;
  private readonly dict = defaultDictionary();

  constructor(private readonly format: ParseFormat) {
    this.separator = format === 'json' ? ',\n' : '';
  }

  cable(input: CableInput, acc: Accumulator): void {
    // A line the parser fails on (a bug) is left out: the entry holds the model of the rest and an
    // `error` saying so, and the stack goes to stderr for the report.
    const stacks: string[] = [];
    const doc = parseCable(input.text, { fileName: input.line ? undefined : input.name, onError: (err) => stacks.push(err instanceof Error ? (err.stack ?? err.message) : String(err)) });
    const crash = doc.problems.find((p) => p.code === 'parser-error');
    const json: CableJson & { error?: string } = toJson(input.name, doc, this.dict, input.line);
    if (crash) {
      acc.counts.failed++;
      acc.failures.push({ file: input.name, error: crash.message });
      const where = input.line ? ` (from line ${input.line + 1})` : '';
      for (const stack of stacks) acc.message(`cable parse: ${input.name}${where}: internal parser error: ${stack}\n`);
      json.error = crash.message;
    } else acc.counts.cables++;
    if (this.format === 'csv') acc.record(cableRow(json, json.error ?? null));
    else acc.record(this.format === 'jsonl' ? JSON.stringify(json) + '\n' : JSON.stringify(json));
  }

  failure(name: string, line: number, error: string, acc: Accumulator): void {
    acc.counts.failed++;
    acc.failures.push({ file: name, error });
    acc.message(`cable parse: ${name}${line ? ` (from line ${line + 1})` : ''}: ${error}\n`);
    if (this.format === 'csv') {
      acc.record(csvRow({ file: name, line, id: null, date: null, origin: null, level: null, caveats: null, tags: null, subject: null, references: null, signer: null, error }));
    } else {
      const entry = JSON.stringify({ file: name, line, error });
      acc.record(this.format === 'jsonl' ? entry + '\n' : entry);
    }
  }
}
