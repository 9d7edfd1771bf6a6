/**
 * What the parser remembers while it reads a cable, in one place: the line source, the model being
 * built, the zone the loop is in, the whole-text scans' findings, and what each zone keeps between lines.
 * Every reader takes the state as its first argument; a reader sets only its own zone's fields (and the
 * model).
 */
import type { Addressee, Block, CableDocument, Paragraph, Range, ReferenceBlock, SubParagraph } from '../model.ts';
import { Char } from './chars.ts';
import { CableModel } from './document.ts';
import { ScanHits } from './scan.ts';
import { LineSource } from './source.ts';
import { rng } from './range.ts';

/** How parseCable is called (service/parse.ts). */
export interface ParseOptions {
  /** Called with each internal error (a bug) the parser meets and the line it was reading (-1: none): the server logs it. */
  onError?: (err: unknown, line: number) => void;
  /** A test hook: the parse fails at this line as an internal error would. */
  failAtLine?: number;
  /**
   * The file's path or URI, when it has one: a file named after a cable id (`09STATE71326.txt`) gives
   * the year to references that write none when the text has no date (a partial extract).
   */
  fileName?: string;
}

/**
 * Header and heading recognisers read only lines (and heading elements) up to this length, so a
 * 100 000-character line costs a linear scan or two and nothing more.
 */
export const MAX_HEADER_LINE = 400;
/** Body recognisers read a line's first MAX_PREFIX characters (after its leading blanks) and no further. */
export const MAX_PREFIX = 240;

/**
 * Where the loop is: the routing header above the banner, the heading elements below it (E.O., TAGS,
 * SUBJECT, REF, Classified By, captions), then the text.
 */
export type Zone = 'header' | 'heading' | 'body';

/** The header zone (header/). */
export class HeaderState {
  /** The element a further line may continue: routing indicators, an addressee list, the partial-extract note's DTG. */
  continuing: 'none' | 'routing' | 'addressee' | 'partial' = 'none';
  /** The list (TO, INFO, XMT) that addressee lines go on. */
  addressees: Addressee[] | undefined;
  /** Whether the transmission line (`VZCZC…`) has been read: a second one starts a copy of the header. */
  seenTransmissionLine = false;
  /** Set at that second copy: the rest of the header is left unread. */
  ignoreRest = false;
}

/** A heading element that opens with a keyword. */
export type HeadingKeyword = 'eo' | 'tags' | 'subject' | 'ref' | 'classifiedBy';

/** The heading zone (heading/). */
export class HeadingState {
  /** The element a further line may continue. */
  continuing: 'none' | 'tags' | 'subject' | 'refs' | 'classifiedBy' = 'none';
  /** The keyword element read last. */
  lastKeyword: HeadingKeyword | 'none' = 'none';
  seenTags = false;
  seenSubject = false;
  /** The SUBJECT's text, line by line, joined when the subject ends. */
  subjectParts: string[] = [];
  /** The REF block being read, and the label its next lettered item would carry. */
  refBlock: ReferenceBlock | undefined;
  nextRefLabel: number = Char.A;
  /** The Classified By block's text, line by line: its reason is read when the block ends (it often wraps). */
  classifiedByParts: { line: number; start: number; text: string }[] = [];
  /**
   * Set by a heading reader when the text starts inside the line it read (paragraph 1 run into the
   * Classified By line): the column where it starts. The zone loop reads the rest of the line as text.
   */
  textFrom: number | undefined;
}

/** The text (body/), and the blank-line memory the heading zone shares with it. */
export class BodyState {
  /** Whether the line before was blank. */
  prevBlank = true;
  /** The numbered paragraph being read, and the last line that belongs to it so far. */
  paragraph: Paragraph | undefined;
  paragraphLastLine = -1;
  /** The sub-paragraph whose text may still wrap onto the next line. */
  openSub: SubParagraph | undefined;
  /** SUMMARY, COMMENT, BEGIN … blocks not yet closed, and how each was opened or will end. */
  openBlocks: Block[] = [];
  explicitStart = new Set<Block>();
  implicitEnd = new Map<Block, Range>();
  /** Blocks made of an END with no start, one per kind and anchor paragraph. */
  endOnlyBlocks = new Map<string, Block>();
}

export class ParseState {
  readonly source: LineSource;
  /** The model being built (a CableModel: document.ts). */
  readonly doc: CableDocument;
  zone: Zone = 'header';
  readonly hits: ScanHits;
  readonly header = new HeaderState();
  readonly heading = new HeadingState();
  readonly body = new BodyState();
  /** The names of every caption read, heading or text: the classification roll-up reads them. */
  readonly captionNames = new Set<string>();

  /** Called with each internal error (a bug) the parser meets, and the line it was reading (-1: none). */
  readonly onError: ((err: unknown, line: number) => void) | undefined;
  /** A test hook: the line at which the parse fails on purpose (-1: none). */
  readonly failAtLine: number;
  /** The file's path or URI (ParseOptions.fileName). */
  readonly fileName: string | undefined;

  constructor(text: string, options: ParseOptions = {}) {
    this.onError = options.onError;
    this.failAtLine = options.failAtLine ?? -1;
    this.fileName = options.fileName;
    this.source = new LineSource(text);
    this.doc = new CableModel(this.source);
    this.hits = new ScanHits(this.source.count);
  }

  /**
   * Records what the parser could not read, which leaves a field of the model unset or a piece of text
   * unread. A defect in what it did read is a field of the model (dtg.malformed, marking.malformed,
   * tags.keywordMisspelled …) that the rules read and report; it is not repeated here. Codes:
   *   banner-missing              no line reads as a classification banner (doc.banner unset)
   *   dtg-unrecognised            a precedence line whose DTG cannot be read (dtgLine.dtg unset)
   *   de-unrecognised             a DE line whose station, serial or filing time cannot be read
   *   security-line-unrecognised  `ZNR`/`ZNY` without five equal classification letters (security.level unset)
   *   eo-unrecognised             an E.O. instruction that cannot be read (eo.kind 'unknown')
   *   classified-by-no-reason     a Classified By block without a readable 1.4/1.5 reason (reason unset)
   *   reference-year-unknown      REF items that write no year, in a text with no date and a file not named
   *                               after a cable id (their cableId unset)
   *   block-unterminated          SUMMARY/COMMENT/BEGIN … opened with BEGIN and never closed (block.end unset)
   *   block-end-without-start     an END that closes no block and has no paragraph to close
   *   parser-error                a line the parser failed on (an internal error): it is left out
   */
  problem(range: Range, code: string, message: string): void {
    this.doc.problems.push({ range, code, message });
  }

  /**
   * An internal error (a bug) while reading line `line` (-1: no line in particular): a parser-error problem
   * saying what failed and what the other features work on, which the rule of that name shows on the
   * document; and the error itself to onError (the server logs it with its stack).
   */
  failed(err: unknown, line: number, doing: string, consequence: string): void {
    const why = err instanceof Error ? err.message : String(err);
    const range = line >= 0 ? rng(line, this.source.first[line], this.source.end[line]) : rng(0, 0, 0);
    this.problem(range, 'parser-error', `The parser failed ${doing} (${why}): ${consequence}.`);
    this.onError?.(err, line);
  }
}
