/**
 * The running text of the cable preview: numbered paragraphs (number and marking taken off their first
 * line), sub-paragraphs and bullets, unnumbered text and headings, SUMMARY / COMMENT blocks set apart,
 * withheld text and cable ids marked in each line. Every line keeps its source line number.
 *
 * Lines the heading of the text already shows (banner, captions, E.O., TAGS, SUBJECT, REF, Classified
 * By), the routing header, printout noise and the signature are left out here.
 */
import type { Block, CableDocument, Paragraph, PortionMarking, Range } from '../model.ts';
import type { Dictionary } from '../dictionary.ts';
import { normaliseLine } from '../text.ts';
import type { CableResolver, CableTarget } from './links.ts';
import { markingWords } from './decode.ts';
import type {
  LineSpan,
  PreviewBlock,
  PreviewBlockKind,
  PreviewHeading,
  PreviewLine,
  PreviewMarking,
  PreviewNode,
  PreviewParagraph,
  PreviewProse,
  PreviewRun,
} from './previewTypes.ts';

const BLOCK_TITLES: Record<PreviewBlockKind, string> = {
  summary: 'Summary',
  comment: 'Comment',
  text: 'Text',
  quote: 'Quoted text',
  introduction: 'Introduction',
  'action-request': 'Action request',
};

/** Longer lines between two rules are text in a box, not a heading. */
const MAX_HEADING = 100;
const DASH = 45;
/** What may stand outside a block's markers on a line the block still covers: `(END SUMMARY.)`. */
const PUNCTUATION = ' .,;:()-';
const DOT = 46;
const CLOSE_PAREN = 41;
const SPACE = 32;

/** A line while the body is built: its text bounds, and the parts a block covers when it covers only part. */
interface DraftLine extends PreviewLine {
  from: number;
  to: number;
  cuts?: { from: number; to: number; kind: PreviewBlockKind }[];
}

interface DraftHeading extends PreviewHeading {
  from: number;
  to: number;
}

type DraftNode = (Omit<PreviewParagraph, 'text'> & { text: DraftLine[] }) | (Omit<PreviewProse, 'text'> & { text: DraftLine[] }) | DraftHeading | DraftBlock;
interface DraftBlock extends Omit<PreviewBlock, 'children'> {
  children: DraftNode[];
}

interface BodyOptions {
  resolve: CableResolver;
  maxBodyChars: number;
  /** The file line the cable starts on (a file may hold several): the notes name lines of the file. */
  firstLine?: number;
}

/** The running text, what a reader should know about it, and how many characters of text it holds. */
export interface PreviewBodyResult {
  nodes: PreviewNode[];
  notes: string[];
  chars: number;
}

/** A cited cable as a run of text carries it: the file, and the line when it is not the file's first cable. */
export function cableLink(id: string, target: CableTarget | undefined): { id: string; target?: string; targetLine?: number } {
  if (!target) return { id };
  return target.line > 0 ? { id, target: target.uri, targetLine: target.line } : { id, target: target.uri };
}

export function previewMarking(pm: PortionMarking, dict: Dictionary): PreviewMarking {
  const m: PreviewMarking = { text: pm.text, words: markingWords(pm, dict) };
  if (pm.level) m.level = pm.level;
  if (pm.malformed) m.malformed = true;
  return m;
}

export function previewBody(doc: CableDocument, dict: Dictionary, options: BodyOptions): PreviewBodyResult {
  const b = new BodyBuilder(doc, dict, options);
  return b.build();
}

class BodyBuilder {
  private readonly claimed: Uint8Array;
  private readonly headingTitles = new Map<number, string>();
  private readonly normal: string[] = [];
  private readonly nodes: DraftNode[] = [];
  private prose: (Omit<PreviewProse, 'text'> & { text: DraftLine[] }) | undefined;
  private chars = 0;
  private cut = false;

  constructor(
    private readonly doc: CableDocument,
    private readonly dict: Dictionary,
    private readonly options: BodyOptions,
  ) {
    this.claimed = claimedLines(doc);
    for (const h of doc.headings) this.headingTitles.set(h.range.start.line, h.title);
    this.underlinedHeadings();
  }

  /**
   * A short line between two rules of dashes is drawn as a heading, as the typist drew it, whether or not
   * the parser took it for one (it takes only those that stand outside a paragraph's lines).
   */
  private underlinedHeadings(): void {
    const doc = this.doc;
    let ruleAbove = false;
    for (let line = doc.bodyStartLine; line + 1 < doc.lineCount; line++) {
      const s = this.text(line);
      const [from, to] = bounds(s, 0, s.length);
      const rule = isRule(s, from, to);
      if (ruleAbove && !rule && to - from > 0 && to - from <= MAX_HEADING && !this.headingTitles.has(line) && !this.claimed[line]) {
        const next = this.text(line + 1);
        const [nf, nt] = bounds(next, 0, next.length);
        if (isRule(next, nf, nt)) this.headingTitles.set(line, (this.doc.lines[line] ?? '').slice(from, to));
      }
      ruleAbove = rule;
    }
  }

  build(): PreviewBodyResult {
    const doc = this.doc;
    const paragraphs = doc.paragraphs;
    let p = 0;
    for (let line = doc.bodyStartLine; line < doc.lineCount && !this.cut; ) {
      while (p < paragraphs.length && paragraphs[p]!.range.start.line < line) p++;
      const para = paragraphs[p];
      if (para && para.range.start.line === line) {
        this.closeProse();
        p++;
        // A paragraph number the archive ran into this paragraph's last line opens the next one there.
        const next = paragraphs[p];
        const runIn = next && next.range.start.line === para.range.end.line ? next : undefined;
        this.paragraph(para, runIn?.range.start.character);
        line = runIn ? para.range.end.line : Math.max(line + 1, para.range.end.line + 1);
        continue;
      }
      this.looseLine(line);
      line++;
    }
    this.closeProse();
    for (const block of [...doc.blocks].sort(outerFirst)) wrapBlock(this.nodes, block, (line) => this.text(line));
    const notes: string[] = [];
    if (this.cut) {
      const first = this.options.firstLine ?? 0;
      const last = first + doc.lineCount;
      notes.push(`The preview shows the text up to line ${first + this.lastLine() + 1} of ${last}: the rest is longer than a preview lays out quickly. The editor has all of it.`);
    }
    return { nodes: this.nodes.map((n) => this.finish(n)), notes, chars: this.chars };
  }

  private lastLine(): number {
    const last = this.nodes[this.nodes.length - 1];
    return last ? last.lines[1] : this.doc.bodyStartLine;
  }

  private text(line: number): string {
    let n = this.normal[line];
    if (n === undefined) n = this.normal[line] = normaliseLine(this.doc.lines[line] ?? '');
    return n;
  }

  /** A line outside the numbered paragraphs: unnumbered text, a heading, or nothing to show. */
  private looseLine(line: number): void {
    const s = this.text(line);
    const [from, to] = bounds(s, 0, s.length);
    if (this.claimed[line] || from === to) {
      this.closeProse();
      return;
    }
    const title = this.headingTitles.get(line);
    if (title !== undefined) {
      this.closeProse();
      const h: DraftHeading = { kind: 'heading', title, lines: [line, line], from, to };
      this.nodes.push(h);
      return;
    }
    if (isRule(s, from, to) && this.besideHeading(line)) return;
    if (!this.spend(to - from)) return;
    if (!this.prose) {
      this.prose = { kind: 'text', lines: [line, line], text: [] };
      this.nodes.push(this.prose);
    }
    const d: DraftLine = { line, runs: [], from, to };
    if (isRule(s, from, to)) d.rule = true;
    this.prose.text.push(d);
    this.prose.lines[1] = line;
  }

  private closeProse(): void {
    this.prose = undefined;
  }

  /** Counts a line's characters against the limit; false once the limit is passed. */
  private spend(n: number): boolean {
    if (this.cut) return false;
    this.chars += n;
    if (this.chars > this.options.maxBodyChars) this.cut = true;
    return !this.cut;
  }

  /** A rule of dashes above or below a heading underlines it: the heading is drawn as one instead. */
  private besideHeading(line: number): boolean {
    return this.headingTitles.has(line - 1) || this.headingTitles.has(line + 1);
  }

  /** A numbered paragraph; `cutAt` is where the next paragraph starts on its last line, if it does. */
  private paragraph(para: Paragraph, cutAt?: number): void {
    const first = para.range.start.line;
    const last = Math.min(para.range.end.line, this.doc.lineCount - 1);
    const node: Omit<PreviewParagraph, 'text'> & { text: DraftLine[] } = { kind: 'paragraph', number: para.number.value, lines: [first, first], text: [] };
    if (para.marking) node.marking = previewMarking(para.marking, this.dict);
    this.nodes.push(node);
    const subs = new Map(para.subParagraphs.map((sp) => [sp.labelRange.start.line, sp]));
    let sub: Paragraph['subParagraphs'][number] | undefined;
    let gap = false;
    for (let line = first; line <= last; line++) {
      if (this.claimed[line]) continue;
      const s = this.text(line);
      let [from, to] = bounds(s, 0, s.length);
      if (line === first) from = afterLabel(s, para.number.range.end.character, para.marking?.range, line);
      if (line === last && cutAt !== undefined) to = bounds(s, from, Math.max(from, cutAt))[1];
      to = this.beforeSignature(line, from, to);
      if (from >= to) {
        gap = node.text.length > 0;
        continue;
      }
      if (!this.spend(to - from)) break;
      const d: DraftLine = { line, runs: [], from, to };
      if (gap) d.gapBefore = true;
      gap = false;
      if (this.headingTitles.has(line)) d.heading = true;
      else if (isRule(s, from, to)) d.rule = true;
      const opens = subs.get(line);
      if (opens) {
        sub = opens;
        d.sub = { label: opens.label };
        if (opens.marking) d.sub.marking = previewMarking(opens.marking, this.dict);
        d.from = afterLabel(s, opens.labelRange.end.character, opens.marking?.range, line);
      } else if (sub && line <= sub.range.end.line) d.indent = true;
      node.text.push(d);
    }
    this.hoistTrailingHeadings(node);
    const lastText = node.text[node.text.length - 1];
    node.lines[1] = lastText ? lastText.line : first;
  }

  /** Headings (and their rules) at a paragraph's end introduce what follows: they leave the paragraph. */
  private hoistTrailingHeadings(node: { text: DraftLine[] }): void {
    let k = node.text.length;
    while (k > 1 && (node.text[k - 1]!.heading || node.text[k - 1]!.rule)) k--;
    const tail = node.text.slice(k);
    if (!tail.some((d) => d.heading)) return;
    node.text.length = k;
    for (const d of tail) {
      if (!d.heading) continue;
      const h: DraftHeading = { kind: 'heading', title: this.headingTitles.get(d.line)!, lines: [d.line, d.line], from: d.from, to: d.to };
      this.nodes.push(h);
    }
  }

  /** The signature glued onto the last line of text (a viewer's habit) is shown as the signature only. */
  private beforeSignature(line: number, from: number, to: number): number {
    const sig = this.doc.signature;
    if (!sig || sig.range.start.line !== line || sig.range.start.character <= from) return to;
    return bounds(this.text(line), from, sig.range.start.character)[1];
  }

  // ---- the final pass: runs, and the draft fields dropped ---------------------------------------------

  private finish(n: DraftNode): PreviewNode {
    switch (n.kind) {
      case 'heading':
        return { kind: 'heading', title: n.title, lines: n.lines };
      case 'block':
        return { ...n, children: n.children.map((c) => this.finish(c)) };
      default:
        return { ...n, text: n.text.map((d) => this.finishLine(d)) };
    }
  }

  private finishLine(d: DraftLine): PreviewLine {
    const { from, to, cuts, runs: _runs, ...rest } = d;
    const raw = this.doc.lines[d.line] ?? '';
    return { ...rest, runs: this.runs(d.line, raw, from, to, cuts) };
  }

  private runs(line: number, raw: string, from: number, to: number, cuts: DraftLine['cuts']): PreviewRun[] {
    const marks = this.marksOn(line, from, to);
    if (!marks.length && !cuts?.length) return [{ text: raw.slice(from, to) }];
    const points = new Set<number>([from, to]);
    for (const m of marks) points.add(m.from).add(m.to);
    for (const c of cuts ?? []) points.add(c.from).add(c.to);
    const sorted = [...points].filter((x) => x >= from && x <= to).sort((a, b) => a - b);
    const out: PreviewRun[] = [];
    for (let i = 0; i + 1 < sorted.length; i++) {
      const a = sorted[i]!;
      const b = sorted[i + 1]!;
      const run: PreviewRun = { text: raw.slice(a, b) };
      for (const m of marks) {
        if (m.from > a || m.to < b) continue;
        if (m.cable) run.cable = m.cable;
        else run.redacted = true;
      }
      const block = cuts?.find((c) => c.from <= a && c.to >= b);
      if (block) run.block = block.kind;
      const prev = out[out.length - 1];
      if (prev && sameMarks(prev, run)) prev.text += run.text;
      else out.push(run);
    }
    return out;
  }

  private marksByLine: Map<number, Mark[]> | undefined;

  /** Redactions and cable ids on a line, clipped to its text. */
  private marksOn(line: number, from: number, to: number): Mark[] {
    if (!this.marksByLine) this.marksByLine = collectMarks(this.doc, this.options.resolve);
    const all = this.marksByLine.get(line);
    if (!all) return [];
    return all.map((m) => ({ ...m, from: Math.max(from, m.from), to: Math.min(to, m.to) })).filter((m) => m.from < m.to);
  }
}

interface Mark {
  from: number;
  to: number;
  cable?: { id: string; target?: string; targetLine?: number };
}

function collectMarks(doc: CableDocument, resolve: CableResolver): Map<number, Mark[]> {
  const byLine = new Map<number, Mark[]>();
  const add = (line: number, m: Mark) => {
    const list = byLine.get(line);
    if (list) list.push(m);
    else byLine.set(line, [m]);
  };
  for (const r of doc.redactions) {
    for (let line = r.start.line; line <= r.end.line; line++) {
      add(line, { from: line === r.start.line ? r.start.character : 0, to: line === r.end.line ? r.end.character : Infinity });
    }
  }
  for (const m of doc.mentions) {
    if (m.range.start.line !== m.range.end.line) continue;
    add(m.range.start.line, { from: m.range.start.character, to: m.range.end.character, cable: cableLink(m.cableId, resolve(m.cableId)) });
  }
  return byLine;
}

function sameMarks(a: PreviewRun, b: PreviewRun): boolean {
  const c = a.cable;
  const d = b.cable;
  return a.redacted === b.redacted && a.block === b.block && c?.id === d?.id && c?.target === d?.target && c?.targetLine === d?.targetLine;
}

// ---------------------------------------------------------------------------------------------
// Lines

/** Lines whose content the heading of the text, the routing header or the printout already account for. */
function claimedLines(doc: CableDocument): Uint8Array {
  const claimed = new Uint8Array(doc.lineCount);
  const claim = (r: Range | undefined) => {
    if (!r) return;
    for (let l = Math.max(0, r.start.line); l <= r.end.line && l < doc.lineCount; l++) claimed[l] = 1;
  };
  claimed.fill(1, 0, Math.min(doc.bodyStartLine, doc.lineCount));
  const h = doc.header;
  claim(h.range);
  for (const p of h.prosigns) claim(p.range);
  claim(h.dateLine?.range);
  claim(h.partialExtract?.range);
  claim(h.receivingCopy?.range);
  claim(doc.banner?.range);
  for (const b of doc.repeatedBanners) claim(b.range);
  for (const c of doc.captions) if (!c.inline) claim(c.range);
  for (const d of doc.distribution) claim(d.range);
  claim(doc.eo?.range);
  claim(doc.tags?.range);
  claim(doc.subject?.range);
  for (const r of doc.references) claim(r.range);
  claim(doc.classifiedBy?.range);
  for (const m of doc.sectionMarkers) claim(m.range);
  // A signature on a line of its own; one glued onto the text is cut off that line instead.
  const sig = doc.signature;
  if (sig) {
    const s = normaliseLine(doc.lines[sig.range.start.line] ?? '');
    if (bounds(s, 0, sig.range.start.character)[0] === bounds(s, 0, sig.range.start.character)[1]) claim(sig.range);
  }
  return claimed;
}

function isSpace(c: number): boolean {
  return c === SPACE;
}

/** The non-blank part of s[from, to) (on a normalised line, where every blank is a space). */
function bounds(s: string, from: number, to: number): [number, number] {
  let a = from;
  let b = Math.min(to, s.length);
  while (a < b && isSpace(s.charCodeAt(a))) a++;
  while (b > a && isSpace(s.charCodeAt(b - 1))) b--;
  return [a, b];
}

/** Where the text starts after a paragraph number or sub-paragraph label (`1.`, `A)`) and its marking. */
function afterLabel(s: string, labelEnd: number, marking: Range | undefined, line: number): number {
  let i = labelEnd;
  while (i < s.length && (s.charCodeAt(i) === DOT || s.charCodeAt(i) === CLOSE_PAREN || isSpace(s.charCodeAt(i)))) i++;
  if (marking && marking.start.line === line && marking.end.line === line && marking.start.character >= labelEnd - 1) {
    i = Math.max(i, marking.end.character);
    while (i < s.length && isSpace(s.charCodeAt(i))) i++;
  }
  return i;
}

/** A line of three or more dashes and nothing else (spaces between runs allowed). */
function isRule(s: string, from: number, to: number): boolean {
  if (to - from < 3) return false;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c !== DASH && c !== SPACE) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// Blocks

/**
 * The block covers the line's text, or all of it but punctuation outside its markers (`End summary`
 * followed by its full stop).
 */
type LineText = (line: number) => string;

function lineCovered(b: Block, d: { line: number; from: number; to: number }, text: LineText): boolean {
  const start = b.range.start;
  const end = b.range.end;
  if (start.line > d.line || end.line < d.line) return false;
  const s = text(d.line);
  if (start.line === d.line && start.character > d.from && !punctuationOnly(s, d.from, start.character)) return false;
  if (end.line === d.line && end.character < d.to && !punctuationOnly(s, end.character, d.to)) return false;
  return true;
}

function punctuationOnly(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!PUNCTUATION.includes(s.charAt(i))) return false;
  return true;
}

function nodeCovered(b: Block, n: DraftNode, text: LineText): boolean {
  switch (n.kind) {
    case 'heading':
      return lineCovered(b, { line: n.lines[0], from: n.from, to: n.to }, text);
    case 'block':
      return b.range.start.line <= n.lines[0] && b.range.end.line >= n.lines[1] && n.children.every((c) => nodeCovered(b, c, text));
    default:
      return n.text.length > 0 && n.text.every((d) => lineCovered(b, d, text));
  }
}

function overlaps(b: Block, span: LineSpan): boolean {
  return b.range.start.line <= span[1] && b.range.end.line >= span[0];
}

/** Larger blocks first among those that start together, so an inner block nests inside an outer one. */
function outerFirst(a: Block, b: Block): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || b.range.end.line - a.range.end.line;
}

/**
 * Sets a block apart: the elements it covers whole are gathered under its name; lines it covers whole in an
 * element it covers in part are marked, and so are the parts of lines it covers in part.
 */
function wrapBlock(list: DraftNode[], b: Block, text: LineText): void {
  const holder = list.find((n): n is DraftBlock => n.kind === 'block' && n.lines[0] <= b.range.start.line && n.lines[1] >= b.range.end.line && !nodeCovered(b, n, text));
  if (holder) return wrapBlock(holder.children, b, text);
  let i = 0;
  while (i < list.length) {
    const n = list[i]!;
    if (!overlaps(b, n.lines)) {
      i++;
      continue;
    }
    if (nodeCovered(b, n, text)) {
      let j = i;
      while (j + 1 < list.length && nodeCovered(b, list[j + 1]!, text)) j++;
      const children = list.slice(i, j + 1);
      const block: DraftBlock = { kind: 'block', block: b.kind, title: BLOCK_TITLES[b.kind], lines: [children[0]!.lines[0], children[children.length - 1]!.lines[1]], children };
      if (!b.end) block.unterminated = true;
      list.splice(i, j - i + 1, block);
    } else if (n.kind === 'paragraph' || n.kind === 'text') {
      markLines(b, n.text, text);
    }
    i++;
  }
}

function markLines(b: Block, lines: DraftLine[], text: LineText): void {
  for (const d of lines) {
    if (d.line < b.range.start.line || d.line > b.range.end.line) continue;
    if (lineCovered(b, d, text)) {
      d.block ??= b.kind;
      continue;
    }
    const from = d.line === b.range.start.line ? Math.max(d.from, b.range.start.character) : d.from;
    const to = d.line === b.range.end.line ? Math.min(d.to, b.range.end.character) : d.to;
    if (from < to) (d.cuts ??= []).push({ from, to, kind: b.kind });
  }
}
