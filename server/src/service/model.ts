/**
 * The document model of one cable: the table of contents of the whole language service.
 *
 * `parseCable(text)` (parse.ts) builds it in one pass over the lines; every feature (symbols, hover,
 * diagnostics, folding, links, the CLI) reads it and never re-parses the text. Positions are LSP's:
 * 0-based line and UTF-16 character offsets into the original text (a BOM, if present, is character 0
 * of line 0 and is skipped by the parser but still counted, so ranges map 1:1 onto the editor's text).
 *
 * Every element is optional: real cables lack parts, and half-typed ones lack more. The parser never
 * throws; what it could not understand goes to `problems`.
 */
import type { Range } from 'vscode-languageserver-types';

export type { Range, Position } from 'vscode-languageserver-types';

/** A piece of the text with its exact range. `text` is as written (not normalised). */
export interface Token {
  text: string;
  range: Range;
}

/** A token whose value has been read from the text. */
export interface ValueToken<T> extends Token {
  value: T;
}

// ---------------------------------------------------------------------------------------------
// Classification

/** Normalised classification level. U = unclassified; SBU/LOU are administrative controls. */
export type Level = 'U' | 'SBU' | 'LOU' | 'C' | 'S' | 'TS';

/** Caveats and dissemination controls seen with a level: NOFORN, FOUO, FGI, ORCON, PROPIN, REL …, EFTO. */
export type Caveat = string;

export interface Banner {
  /** The whole banner line. */
  range: Range;
  /** The classification words as written (`C O N F I D E N T I A L`, `UNCLAS`, `S e c r e t`). */
  classification: Token;
  level: Level;
  caveats: Caveat[];
  /** True when the letters are spaced out (`S E C R E T`). */
  spaced: boolean;
  /** Conversion damage to the first letter: doubled, stray or lost (`SS E C R E T`, `O N F I D E N T I A L`); `bannerDamage` says which. */
  damaged: boolean;
  section?: { range: Range; number: number; of: number };
  /** Post name as written in the banner (`BRUSSELS`, `BUENOS AIRES`, `state`). */
  post?: Token;
  /** Banner serial (`000995` → 995). */
  serial?: ValueToken<number>;
}

export interface Caption {
  range: Range;
  /** Normalised caption: SIPDIS, NOFORN, NODIS, EXDIS, LIMDIS, STADIS, SENSITIVE, SPECAT, … or the line for channels. */
  name: string;
  token: Token;
  /** True when the caption stands inside running text rather than on its own line (a conversion artifact). */
  inline?: boolean;
}

/** `STATE FOR EUR/WE, EUR/RPM`, `AMEMBASSY OTTAWA PASS TO AMCONSUL QUEBEC`, `DEPT FOR NEA/ARP`. */
export interface DistributionLine {
  range: Range;
  text: string;
  /** Who passes / for whom, where readable. */
  to?: Token;
  who?: Token;
}

/** A portion marking: `(C)`, `(S//NF)`, `(SBU)`, `(U//FOUO)`, or malformed `C)`, `(CC)`. */
export interface PortionMarking {
  /** Range of the marking including its parentheses (or the bare `C)`). */
  range: Range;
  text: string;
  /** Normalised level, when the marking is understood. */
  level?: Level;
  caveats: Caveat[];
  /** Why it is malformed, when it is: 'missing-open-paren', 'unknown', 'doubled', … */
  malformed?: string;
  /** The `C - ENTIRE TEXT` / `SECRET - ENTIRE TEXT` convention (1979–1996). */
  entireText?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Date-time groups

export type Month = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12;

/**
 * A date-time group (`201547Z JUL 09`). The parser records DTG-shaped text even when it is malformed,
 * so the rules can say what is wrong with it.
 */
export interface Dtg {
  text: string;
  range: Range;
  day?: ValueToken<number>;
  hour?: ValueToken<number>;
  minute?: ValueToken<number>;
  /** Zone letter (`Z`, `A`…`Y`, `J`). */
  zone?: ValueToken<string>;
  /** Month as written (`JUL`, `Nov`, `JLY`), value 1–12 or undefined when not a month. */
  month?: ValueToken<Month | undefined>;
  /** Year as written; value is the full year after the domain pivot (yy ≥ 40 → 19yy). */
  year?: ValueToken<number>;
  /** Undefined when the DTG has the form DDHHMM + zone + MON + YY; otherwise what is wrong. */
  malformed?: string;
  /** When well formed but naming an impossible time: what is impossible. */
  invalid?: string;
  /** UTC instant (ms since epoch) when well formed and valid (zone offset applied). */
  epochMs?: number;
  /** `YYYY-MM-DDTHH:MM:00Z` when well formed and valid. */
  iso?: string;
}

/** `DE` line filing time: Julian day + HHMM (`2011547`) or `DD/HHMMZ`. */
export interface FilingTime extends Token {
  julianDay?: number;
  day?: number;
  hour: number;
  minute: number;
  /** Resolved against the DTG's year (rollover handled), ms since epoch, when computable. */
  epochMs?: number;
  /** Why it cannot be read (`000` or > 366 Julian day, hour > 23 …). */
  invalid?: string;
}

// ---------------------------------------------------------------------------------------------
// Header (ACP 127 format lines and the Department's receiving-copy forms)

export type PrecedenceLetter = 'Z' | 'O' | 'P' | 'R' | 'Y';

export interface Addressee {
  range: Range;
  /** `RUEHC` of `RUEHC/SECSTATE WASHDC`. */
  routingIndicator?: Token;
  /** `SECSTATE WASHDC`. */
  name: Token;
  /** `PRIORITY`, `IMMEDIATE`, `NIACT IMMEDIATE`, `FLASH`, `ROUTINE`. */
  precedence?: Token;
  /** Per-addressee message number (`9227`). */
  number?: ValueToken<number>;
}

export interface Header {
  /** The whole heading block, first to last header line. */
  range?: Range;
  /** FL1 `VZCZCXYZ0015`. */
  transmissionId?: Token & { channel: string; serial: string };
  /** FL2 `RR RUEHWEB` (RIs may continue on the following lines). */
  routing?: { range: Range; precedence: ValueToken<PrecedenceLetter>; indicators: Token[] };
  /** FL3 `DE RUEHBS #0995/01 2011547`. */
  de?: {
    range: Range;
    station: Token;
    serial?: ValueToken<number>;
    section?: ValueToken<number>;
    filingTime?: FilingTime;
  };
  /** FL4 `ZNY CCCCC ZZH`. */
  security?: {
    range: Range;
    signal: Token; // ZNR | ZNY
    letters: Token; // UUUUU, CCCCC, …
    /** Level the letters stand for (U, C, S, TS; R = allied RESTRICTED). */
    level?: Level | 'R';
    rest?: Token;
  };
  /** FL5 `R 201547Z JUL 09` or dual `P R 281848Z DEC 66`. */
  dtgLine?: { range: Range; precedence: ValueToken<PrecedenceLetter>[]; dtg?: Dtg };
  from?: Addressee;
  to: Addressee[];
  info: Addressee[];
  xmt: Addressee[];
  /**
   * Prosign lines `BT`, `NNNN` wherever they occur: in the header, and in the text the trailer's lines,
   * with the station serial it repeats (`#0995`, `#0995/02`), in line order.
   */
  prosigns: Token[];
  /** The viewer's long date line (`Wednesday, 29 November 2000, 13:59`), read as a DTG in UTC. */
  dateLine?: Dtg;
  /** "This record is a partial extract …" note and its bare DTG (`291359Z Nov 00`). */
  partialExtract?: { range: Range; dtg?: Dtg };
  /** Department receiving copy: `PAGE 01 …`, `ACTION AF-00`, `INFO LOG-00 …`, dash line. */
  receivingCopy?: { range: Range; lines: Token[] };
}

// ---------------------------------------------------------------------------------------------
// Heading of the text: E.O., TAGS, SUBJECT, REF, Classified By

export interface EoLine {
  range: Range;
  /** `E.O. 12958`, `EO 12958`, `E.o. 12958`. */
  order: ValueToken<number> | undefined;
  /** Kind of declassification instruction. */
  kind: 'date' | 'na' | 'oadr' | 'exemption' | 'event' | 'schedule' | 'nara' | 'none' | 'unknown';
  /** The instruction text after the order (`DECL: 07/16/2019`). */
  instruction?: Token;
  /** DECL date as written, and its value when it names a real day. */
  declassifyOn?: Token & { year?: number; month?: number; day?: number; invalid?: string };
  /** X1–X8, 25X1, 50X1-HUM, MR, OADR; GDS/ADS/XGDS-n/RDS-n schedule codes. */
  exemption?: Token;
  /** `DNG: CO 12/31/2009`. */
  downgrade?: { range: Range; to: Token; date?: Token };
}

/** `freestyle`: a name written in words in place of a code (`POLITICAL PARTIES`, `USEU BRUSSELS`). */
export type TagKind = 'subject' | 'program' | 'geographic' | 'organization' | 'person' | 'freestyle' | 'unknown';

export interface TagCode extends Token {
  /** Upper-cased code (`PREL`), or the person's name without parentheses. */
  code: string;
  /** Kind from the code's shape and the dictionary (the parser fills shape; `dictionary.ts` refines). */
  kind: TagKind;
}

export interface TagsLine {
  /** Whole block, including wrapped continuation lines. */
  range: Range;
  /** The keyword as written (`TAGS`, `TAGS:`, `TAG:`, `TGS`). */
  keyword: Token;
  /** Misspelled keyword (`TAG`, `TGS`, …)? */
  keywordMisspelled: boolean;
  tags: TagCode[];
}

export interface Subject {
  range: Range;
  keyword: Token;
  marking?: PortionMarking;
  /** Subject text with wrapped lines joined by single spaces. */
  text: string;
  /** Range of the subject text itself (first to last character). */
  textRange: Range;
}

export interface Reference {
  range: Range;
  /** `A`, `B`, … when lettered. */
  label?: string;
  /** Where the label is written (`B.`, `(B)`), outside `range`, which covers the item's text only. */
  labelRange?: Range;
  /** Text of the item as written (`08 MOSCOW 1234`). */
  text: string;
  /** When the item names a cable: its canonical id (`08MOSCOW1234`, `09STATE71326`). */
  cableId?: string;
  origin?: string;
  serial?: number;
  year?: number;
}

export interface ReferenceBlock {
  range: Range;
  keyword: Token;
  items: Reference[];
}

export type ReasonSection = '1.4' | '1.5' | string;

export interface ClassifiedBy {
  range: Range;
  keyword: Token;
  /** Name and position of the classifier, where readable. */
  authority?: Token;
  /** Reason: `1.4(b) and (d)` → section 1.4, letters ['b','d']. */
  reason?: { range: Range; section: ReasonSection; letters: string[]; text: string };
}

// ---------------------------------------------------------------------------------------------
// Body

export interface SubParagraph {
  range: Range;
  /** `A`, `b`, `ii`, `2a`, or `--` for a bullet. */
  label: string;
  labelRange: Range;
  marking?: PortionMarking;
}

export interface Paragraph {
  /** From the number to the last line before the next paragraph or closing element. */
  range: Range;
  /** The number as read (`1` of `¶1.`). */
  number: ValueToken<number>;
  /** The pilcrow, when written (`¶`). */
  pilcrow?: Range;
  marking?: PortionMarking;
  /** First words of the paragraph text (for outline details). */
  lead: string;
  subParagraphs: SubParagraph[];
}

/** SUMMARY…END SUMMARY, COMMENT…END COMMENT, BEGIN TEXT…END TEXT, QUOTE…END QUOTE. */
export interface Block {
  kind: 'summary' | 'comment' | 'text' | 'quote' | 'introduction' | 'action-request';
  range: Range;
  start: Token;
  /** Missing when unterminated. */
  end?: Token;
}

/** Mid-text section/page marker from the PLUSD conversion (`BAKU 00001835  001.2 OF 003`). */
export interface SectionMarker extends Token {
  section: number;
  of: number;
}

export interface Heading extends Token {
  /** Unnumbered heading lines (`SUMMARY`, `BACKGROUND`, underlined with dashes). */
  title: string;
}

export interface Signature extends Token {
  names: string[];
}

/** Cable ids named in the running text (`09BRUSSELS995`, `STATE 71326` outside REF blocks). */
export interface CableIdMention extends Token {
  cableId: string;
}

// ---------------------------------------------------------------------------------------------
// Identity and the whole document

export interface CableIdentity {
  /** Origin post, canonical (`BRUSSELS`, `STATE`, `RIODEJANEIRO`). */
  origin?: string;
  serial?: number;
  /** Full year (from the DTG, else the banner era). */
  year?: number;
  /** Canonical id `09BRUSSELS995`. */
  id?: string;
}

/**
 * Something the parser could not read: why a field is unset (`dtg-unrecognised`, `eo-unrecognised` …) or
 * which line it failed on (`parser-error`). parse/state.ts lists the codes. Defects in what it did read are
 * fields of the elements (`Dtg.malformed`, `PortionMarking.malformed` …), which the rules report.
 */
export interface ParseProblem {
  range: Range;
  /** A stable code (parse/state.ts lists them). */
  code: string;
  message: string;
}

export interface CableDocument {
  /** Number of lines in the text (the last line counts even when empty). */
  lineCount: number;
  /** Lines of the text without their line ends (CRLF, CR and LF all end a line). */
  lines: string[];
  /** Characters of the text (UTF-16 code units), each line end counted as one whatever its style. */
  size: number;
  /** The first body line (the banner, or the first non-header line), or lineCount when none. */
  bodyStartLine: number;
  header: Header;
  banner?: Banner;
  /** A second banner repeated at the end or in section breaks (not the first). */
  repeatedBanners: Banner[];
  captions: Caption[];
  distribution: DistributionLine[];
  eo?: EoLine;
  tags?: TagsLine;
  subject?: Subject;
  references: ReferenceBlock[];
  classifiedBy?: ClassifiedBy;
  paragraphs: Paragraph[];
  blocks: Block[];
  sectionMarkers: SectionMarker[];
  headings: Heading[];
  /** Runs of X standing for withheld text. Scanned when first read (no rule reads them). */
  redactions: Range[];
  signature?: Signature;
  /** Cable ids named in the text (`09STATE12345`). Scanned when first read (no rule reads them). */
  mentions: CableIdMention[];
  identity: CableIdentity;
  /** The DTG that dates the cable: the header's, else the partial extract's. */
  dtg?: Dtg;
  /**
   * The cable's overall classification: the banner's level, raised to SBU for an UNCLAS banner with the
   * SENSITIVE (or FOR OFFICIAL USE ONLY) caption; caveats from the banner and the NOFORN caption.
   */
  classification?: { level: Level; caveats: Caveat[] };
  problems: ParseProblem[];
}

/**
 * The model as a plain record with every field read, the lazy ones included: for code that walks or
 * compares models generically (Object.entries and deep equality see only own fields).
 */
export function plainModel(doc: CableDocument): CableDocument {
  return { ...doc, redactions: doc.redactions, mentions: doc.mentions };
}
