/**
 * `cable parse [--compact] PATH...`: the document model of each cable as JSON, one object per file, in
 * the order given (folders are walked for `*.cable`, sorted). The schema is documented in the README
 * ("`cable parse` output"); `toJson` below is its single definition.
 *
 * Exit status: 0 when every file was read and parsed, 1 when any file could not be read or is not text
 * (NUL bytes, invalid UTF-8): that file gets `{ "file", "error" }` and the others are still printed;
 * also 1 when the parser failed on a line of a file (a bug): its entry holds the model of the rest and an
 * `error`; 2 for usage errors.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CliIO } from './io.ts';
import { parseCable } from '../service/parse.ts';
import { Dictionary } from '../service/dictionary.ts';
import type { Addressee, CableDocument, Dtg, PortionMarking, TagKind } from '../service/model.ts';
import { isoMinute } from '../service/dtg.ts';

export const PARSE_USAGE = `Usage: cable parse [--compact] PATH...

Prints the document model of each cable as a JSON array, one object per file.
Folders are walked for *.cable files; files named on the command line are parsed
whatever their extension.

Options:
  --compact     one line of JSON instead of indented output
  --help, -h    show this help

Exit status: 0 all files parsed, 1 some file unreadable or not text (it gets an
"error" entry; the others are still printed), 2 usage error.
`;

/** Reads bytes as UTF-8 text; undefined with a reason when they are not text. */
export function decodeText(bytes: Uint8Array): { text: string } | { error: string } {
  if (bytes.indexOf(0) >= 0) return { error: 'not a text file (contains NUL bytes)' };
  try {
    // ignoreBOM keeps a BOM as character 0 of line 0, as the model's ranges expect.
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    return { error: 'not a text file (invalid UTF-8)' };
  }
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

/** The JSON shape of one parsed cable (documented in the README). */
export function toJson(file: string, doc: CableDocument, dict?: Dictionary): object {
  const h = doc.header;
  const ft = h.de?.filingTime;
  const eo = doc.eo;
  const cb = doc.classifiedBy;
  return {
    file,
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
    header: {
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
    },
    tags: (doc.tags?.tags ?? []).map((t) => {
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
    }),
    subject: doc.subject ? doc.subject.text : null,
    subjectMarking: markingJson(doc.subject?.marking),
    references: doc.references.flatMap((b) => b.items.map((r) => ({ label: r.label ?? null, text: r.text, cableId: r.cableId ?? null }))),
    classifiedBy: cb
      ? { authority: cb.authority?.text ?? null, reason: cb.reason ? { section: cb.reason.section || null, letters: cb.reason.letters } : null }
      : null,
    declassification: eo
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
      : null,
    captions: [...new Set(doc.captions.filter((c) => !c.inline).map((c) => c.name))],
    distribution: doc.distribution.map((d) => d.text),
    paragraphs: doc.paragraphs.map((p) => ({ number: p.number.value, marking: markingJson(p.marking), range: p.range })),
    signature: doc.signature ? doc.signature.names : null,
    problems: doc.problems.map((p) => ({ code: p.code, message: p.message, range: p.range })),
  };
}

function expand(arg: string, cwd: string, out: string[]): void {
  const abs = path.resolve(cwd, arg);
  let st: fs.Stats | undefined;
  try {
    st = fs.statSync(abs);
  } catch {
    st = undefined;
  }
  if (st?.isDirectory()) {
    const found: string[] = [];
    const walk = (dir: string) => {
      for (const ent of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, ent.name);
        if (ent.isDirectory()) walk(p);
        else if (ent.name.endsWith('.cable')) found.push(p);
      }
    };
    walk(abs);
    found.sort();
    for (const p of found) out.push(path.relative(cwd, p) || p);
  } else {
    out.push(arg);
  }
}

export async function runParse(args: string[], io: CliIO): Promise<number> {
  let compact = false;
  const paths: string[] = [];
  for (const a of args) {
    if (a === '--help' || a === '-h') {
      io.stdout(PARSE_USAGE);
      return 0;
    }
    if (a === '--compact') compact = true;
    else if (a.startsWith('-') && a !== '-') {
      io.stderr(`cable parse: unknown option '${a}'\n\n${PARSE_USAGE}`);
      return 2;
    } else paths.push(a);
  }
  if (!paths.length) {
    io.stderr(`cable parse: no PATH given\n\n${PARSE_USAGE}`);
    return 2;
  }
  const files: string[] = [];
  for (const p of paths) expand(p, io.cwd, files);
  let dict: Dictionary | undefined;
  try {
    dict = Dictionary.default();
  } catch {
    dict = undefined;
  }
  const results: object[] = [];
  let failed = 0;
  for (const file of files) {
    let bytes: Uint8Array;
    try {
      bytes = io.readFile(path.resolve(io.cwd, file));
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      results.push({ file, error: code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : `cannot read (${code ?? String(err)})` });
      failed++;
      continue;
    }
    const decoded = decodeText(bytes);
    if ('error' in decoded) {
      results.push({ file, error: decoded.error });
      failed++;
      continue;
    }
    // A line the parser fails on (a bug) is left out: the file's entry says so in `error`, and the stack
    // goes to stderr for the report.
    const crashes: string[] = [];
    const doc = parseCable(decoded.text, { fileName: file, onError: (err) => crashes.push(err instanceof Error ? (err.stack ?? err.message) : String(err)) });
    const json = toJson(file, doc, dict);
    if (crashes.length) {
      failed++;
      for (const c of crashes) io.stderr(`cable parse: ${file}: internal parser error: ${c}\n`);
      const messages = doc.problems.filter((p) => p.code === 'parser-error').map((p) => p.message);
      results.push({ ...json, error: messages.join(' ') });
    } else results.push(json);
  }
  io.stdout(`${compact ? JSON.stringify(results) : JSON.stringify(results, null, 2)}\n`);
  if (failed) io.stderr(`cable parse: ${failed} of ${files.length} file(s) could not be parsed\n`);
  return failed ? 1 : 0;
}
