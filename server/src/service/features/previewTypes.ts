/**
 * The cable preview's view model: what the server sends for `cable/preview` and the webview lays out.
 * Decoded words, never HTML; every element carries the source lines it stands for, so that the preview
 * and the editor scroll together and a click shows its line. Types only: the client and the webview
 * import this file without pulling in the service.
 */
import type { Level, TagKind } from '../model.ts';

/** First and last source line of an element (0-based, inclusive): lines of the file, in every cable. */
export type LineSpan = [first: number, last: number];

/** The preview of a file: each of its cables in order (one for a file of one cable), each with its own heading. */
export interface PreviewDocument {
  uri: string;
  version: number;
  lineCount: number;
  cables: PreviewCable[];
  /** Things a reader should know about the preview of the file (cables left out of a long file). */
  notes: string[];
}

/** One cable of the file, decoded. */
export interface PreviewCable {
  /** Canonical id (`09BRUSSELS995`), when the cable says enough to build it. */
  id?: string;
  /** The lines of the file the cable spans. */
  lines: LineSpan;
  classification: PreviewClassification;
  /** The heading decoded (precedence, From, To, Info, DTG, filing time, security line), when there is one. */
  header?: PreviewHeader;
  captions: PreviewCaption[];
  /** Passing and attention lines (`STATE FOR EUR/WE`), as written. */
  distribution: PreviewText[];
  declassification?: PreviewDeclassification;
  tags?: { lines: LineSpan; keyword: string; chips: PreviewTag[] };
  subject?: { text: string; marking?: PreviewMarking; lines: LineSpan };
  references: PreviewReference[];
  classifiedBy?: PreviewClassifiedBy;
  body: PreviewNode[];
  signature?: { names: string[]; text: string; lines: LineSpan };
  /** Things a reader should know about the preview itself (a cut body, no banner). */
  notes: string[];
}

export interface PreviewText {
  text: string;
  lines: LineSpan;
}

/** The cable's overall classification, for the bars at the top and the bottom. */
export interface PreviewClassification {
  /** Undefined when neither a banner nor the security line states a level. */
  level?: Level;
  /** `SECRET//NOFORN`, `CONFIDENTIAL`, or `NO CLASSIFICATION MARKING`. */
  marking: string;
  /** The level in words (`Secret`) and what each caveat means. */
  words: string;
  caveats: { code: string; title?: string }[];
  /** `Section 1 of 3`, when the banner says so. */
  section?: string;
  /** The banner line, when there is one. */
  lines?: LineSpan;
}

export interface PreviewHeader {
  lines: LineSpan;
  fields: PreviewField[];
}

/** One row of the header card: `From`, `To`, `Date-time group`, … with one item per addressee or value. */
export interface PreviewField {
  label: string;
  items: PreviewFieldItem[];
}

export interface PreviewFieldItem {
  /** The decoded words (`Routine`, `20 July 2009, 15:47 UTC`, `AMEMBASSY BRUSSELS`). */
  text: string;
  /** The code as written (`R`, `201547Z JUL 09`, `RUEHC`), shown beside the words. */
  code?: string;
  /** More words: the station a routing indicator names, the filing delay, what a signal means. */
  detail?: string;
  /** An instant (ms since the epoch) the view also shows in the reader's own time zone. */
  instant?: number;
  lines: LineSpan;
}

export interface PreviewCaption {
  /** `SIPDIS`, `NODIS`, `SPECAT EXCLUSIVE`. */
  name: string;
  title?: string;
  text?: string;
  lines: LineSpan;
}

export interface PreviewDeclassification {
  lines: LineSpan;
  /** The E.O. line as written. */
  written: string;
  /** `E.O. 12958 (60 FR 19825), in force 1995–2010`. */
  order?: string;
  /** `Declassify on 16 July 2019, 10 years after the cable`, `Not applicable: …`. */
  instruction?: string;
  /** A problem a reader should see (a DECL date before the cable, an order not in force). */
  warning?: string;
}

export interface PreviewTag {
  /** `PREL`, or a personal name. */
  code: string;
  kind: TagKind;
  /** `Political Affairs--External Political Relations`, when a source titles the code. */
  title?: string;
  /** `Subject TAGS (Political Affairs)`, `personal name`, `not in the TAGS lists`. */
  kindWords: string;
  /** What a known slip stands for (`stands for PGOV`). */
  note?: string;
  lines: LineSpan;
}

export interface PreviewReference {
  /** `A`, `B`, … when lettered. */
  label?: string;
  /** As written (`08 MOSCOW 1234`). */
  text: string;
  /** The cable it names (`08MOSCOW1234`), when it names one. */
  cableId?: string;
  /** The workspace file holding that cable, when the workspace has it. */
  target?: string;
  /** The line of that file the cable starts on, when it is not the file's first cable. */
  targetLine?: number;
  lines: LineSpan;
}

export interface PreviewClassifiedBy {
  lines: LineSpan;
  /** Who classified the cable (name and position, as written). */
  authority?: string;
  /** `1.4 (b) and (d)` as written. */
  reasonText?: string;
  /** `Section 1.4 of E.O. 12958 as amended (2003) and of E.O. 13526`. */
  reasonSection?: string;
  /** Each category letter and what it stands for. */
  categories: { letter: string; title?: string }[];
}

export interface PreviewMarking {
  /** As written: `(S//NF)`. */
  text: string;
  level?: Level;
  /** `Secret, not releasable to foreign nationals`. */
  words: string;
  malformed?: boolean;
}

/** SUMMARY, COMMENT, quoted text and the other BEGIN/END blocks. */
export type PreviewBlockKind = 'summary' | 'comment' | 'text' | 'quote' | 'introduction' | 'action-request';

/**
 * A piece of a line: plain text, withheld text (`XXXXXXXXXXXX`), or a cable id named in the text. `block`
 * is set where a block covers only part of its line (`1. (C) Summary: … End summary. Next …`).
 */
export interface PreviewRun {
  text: string;
  redacted?: boolean;
  /** A cable id named here, and the workspace file that holds it when there is one (and the line it starts on there, when not 0). */
  cable?: { id: string; target?: string; targetLine?: number };
  block?: PreviewBlockKind;
}

/** One source line of running text. `block` is set where a block covers the whole line but not its element. */
export interface PreviewLine {
  line: number;
  runs: PreviewRun[];
  /** The line is a rule of dashes (`-------`), drawn as one. */
  rule?: boolean;
  /** The line is an unnumbered heading inside a paragraph. */
  heading?: boolean;
  /** A blank line stood before this one in the source. */
  gapBefore?: boolean;
  /** The line opens a sub-paragraph or bullet: its label (`A`, `b`, `--`) and marking, taken off the text. */
  sub?: { label: string; marking?: PreviewMarking };
  /** The line continues a sub-paragraph (indented under its label). */
  indent?: boolean;
  block?: PreviewBlockKind;
}

export interface PreviewParagraph {
  kind: 'paragraph';
  number: number;
  marking?: PreviewMarking;
  lines: LineSpan;
  /** Its lines, number and marking taken off the first. */
  text: PreviewLine[];
}

/** Unnumbered running text (older cables, text between paragraphs). */
export interface PreviewProse {
  kind: 'text';
  lines: LineSpan;
  text: PreviewLine[];
}

/** An unnumbered heading line (`BACKGROUND`, underlined with dashes). */
export interface PreviewHeading {
  kind: 'heading';
  title: string;
  lines: LineSpan;
}

/** A block that covers whole elements: they are set apart together under its name. */
export interface PreviewBlock {
  kind: 'block';
  block: PreviewBlockKind;
  /** `Summary`, `Comment`, `Quoted text`, … */
  title: string;
  /** No END line closes it. */
  unterminated?: boolean;
  lines: LineSpan;
  children: PreviewNode[];
}

export type PreviewNode = PreviewParagraph | PreviewProse | PreviewHeading | PreviewBlock;
