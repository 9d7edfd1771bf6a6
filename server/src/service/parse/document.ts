/**
 * The document model as the parser builds it (CableModel), with the two whole-text scans it runs only when
 * a feature reads their fields: redactions and cable ids named in the text.
 */
import type { CableDocument, CableIdMention, Range } from '../model.ts';
import { plainModel } from '../model.ts';
import { isLetter } from './chars.ts';
import { rng } from './range.ts';
import { canonicalPost } from './identity.ts';
import { lineAt, type LineSource } from './source.ts';

const MENTION_G = /(?<![A-Za-z0-9])(\d{2})([A-Z]{3,20})(\d{1,7})(?![A-Za-z0-9])/g;
/** Where a run of redaction letters starts (four X or four x); findRedactions reads the rest of the run. */
const REDACTION_NEEDLE_G = /XXXX|xxxx/g;

/**
 * The document model as the parser builds it: a plain record of fields, except redactions and cable-id
 * mentions. Those are whole-text scans that neither the parse nor any rule reads, so the model runs them
 * when a feature first reads them (links, highlights, selection ranges), once per model: `cable lint`
 * over an archive does not pay for them. Accessors on the class rather than on each object: defining
 * them per object cost more than the scans saved.
 */
export class CableModel implements CableDocument {
  lineCount: number;
  lines: string[];
  size: number;
  bodyStartLine: number;
  // Every field is set here, the optional ones to undefined, so every model (and every header) has one
  // shape: a reader's property access then sees one hidden class, not one per order of fields found.
  header: CableDocument['header'] = {
    range: undefined,
    transmissionId: undefined,
    routing: undefined,
    de: undefined,
    security: undefined,
    dtgLine: undefined,
    from: undefined,
    to: [],
    info: [],
    xmt: [],
    prosigns: [],
    dateLine: undefined,
    partialExtract: undefined,
    receivingCopy: undefined,
  };
  banner: CableDocument['banner'] = undefined;
  eo: CableDocument['eo'] = undefined;
  tags: CableDocument['tags'] = undefined;
  subject: CableDocument['subject'] = undefined;
  classifiedBy: CableDocument['classifiedBy'] = undefined;
  signature: CableDocument['signature'] = undefined;
  dtg: CableDocument['dtg'] = undefined;
  classification: CableDocument['classification'] = undefined;
  repeatedBanners: CableDocument['repeatedBanners'] = [];
  captions: CableDocument['captions'] = [];
  distribution: CableDocument['distribution'] = [];
  references: CableDocument['references'] = [];
  paragraphs: CableDocument['paragraphs'] = [];
  blocks: CableDocument['blocks'] = [];
  sectionMarkers: CableDocument['sectionMarkers'] = [];
  headings: CableDocument['headings'] = [];
  identity: CableDocument['identity'] = {};
  problems: CableDocument['problems'] = [];
  #src: string;
  #starts: number[];
  #redactions: Range[] | undefined;
  #mentions: CableIdMention[] | undefined;

  constructor(source: LineSource) {
    this.size = source.size;
    this.lineCount = source.count;
    this.lines = source.lines;
    this.bodyStartLine = source.count;
    // The normalised text and its line starts, which the lazy scans read.
    this.#src = source.text;
    this.#starts = source.starts;
  }

  get redactions(): Range[] {
    return (this.#redactions ??= findRedactions(this.#src, this.#starts, this.bodyStartLine));
  }

  set redactions(v: Range[]) {
    this.#redactions = v;
  }

  get mentions(): CableIdMention[] {
    return (this.#mentions ??= findMentions(this.#src, this.#starts, this.bodyStartLine));
  }

  set mentions(v: CableIdMention[]) {
    this.#mentions = v;
  }

  /** Serialised (and walked) as the plain record it stands for, the lazy fields included. */
  toJSON(): CableDocument {
    return plainModel(this);
  }
}

/** Runs of four or more X (or x) standing alone: the releasers' redactions, on lines from `body` on. */
function findRedactions(src: string, starts: number[], body: number): Range[] {
  const out: Range[] = [];
  REDACTION_NEEDLE_G.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = REDACTION_NEEDLE_G.exec(src))) {
    const k = m.index;
    const ch = src.charCodeAt(k);
    let e = k + 4;
    while (src.charCodeAt(e) === ch) e++;
    REDACTION_NEEDLE_G.lastIndex = e;
    if (k > 0 && (src.charCodeAt(k - 1) === ch || isLetter(src.charCodeAt(k - 1)))) continue;
    if (isLetter(src.charCodeAt(e))) continue;
    const line = lineAt(starts, k);
    if (line >= body) out.push(rng(line, k - starts[line], e - starts[line]));
  }
  return out;
}

/** Cable ids named in the text (`09STATE12345`), on lines from `body` on. */
function findMentions(src: string, starts: number[], body: number): CableIdMention[] {
  const out: CableIdMention[] = [];
  const n = starts.length;
  MENTION_G.lastIndex = 0;
  let li = 0;
  let m: RegExpExecArray | null;
  while ((m = MENTION_G.exec(src))) {
    const off = m.index;
    while (li + 1 < n && starts[li + 1] <= off) li++;
    if (li < body) continue;
    const at = off - starts[li];
    out.push({ text: m[0], range: rng(li, at, at + m[0].length), cableId: `${m[1]}${canonicalPost(m[2])}${Number(m[3])}` });
  }
  return out;
}
