import type { Addressee, Block, CableDocument, Paragraph, Range, ReferenceBlock, SubParagraph } from '../model.ts';
import { Char } from './chars.ts';
import { normaliseLine, splitLines } from '../text.ts';
import { CableModel } from './document.ts';

export const MAX_HEADER_LINE = 400;

export const MAX_PREFIX = 240;

// ---------------------------------------------------------------------------------------------
// The parser

export type Zone = 'header' | 'heading' | 'body';

export type Cont = 'none' | 'routing' | 'addressee' | 'tags' | 'subject' | 'refs' | 'classifiedBy' | 'partial';

export class ParseState {
  readonly lines: string[];
  readonly doc: CableDocument;
  zone: Zone = 'header';
  cont: Cont = 'none';
  addrList: Addressee[] | undefined;
  headerSeenFl1 = false;
  headerIgnoreRest = false;
  para: Paragraph | undefined;
  paraLastLine = -1;
  openBlocks: Block[] = [];
  explicitStart = new Set<Block>();
  implicitEnd = new Map<Block, Range>();
  prevBlank = true;
  refBlock: ReferenceBlock | undefined;
  nextRefLabel: number = Char.A;
  cbSegments: { line: number; start: number; text: string }[] = [];
  subjectParts: string[] = [];
  seenSubject = false;
  lastHeading: 'eo' | 'tags' | 'subject' | 'ref' | 'classifiedBy' | 'none' = 'none';
  seenTags = false;
  captionNames = new Set<string>();
  constructor(text: string) {
    this.lines = splitLines(text);
    // Each line end counts as one character, so the size does not depend on the line-end style.
    let size = text.length;
    if (text.indexOf('\r') >= 0) {
      size = this.lines.length - 1;
      for (const l of this.lines) size += l.length;
    }
    this.doc = new CableModel(this.lines, size);
  }
  normCache: (string | undefined)[] = [];
  /** Whether any line needs normalising: one test over the whole text instead of one per line. */
  hasBlankish = false;
  // `next` is set when the END and its word are split over two lines (`End` / `Summary.`): the word's
  // end on the following line.
  /** The sub-paragraph whose text may still wrap onto the next line. */
  openSub: SubParagraph | undefined;
  // The prescan's findings filed by line number: every body line consults them, and an array index
  // costs a fraction of a Map lookup.
  readonly endHits: ({ at: number; len: number; word: string; next?: number }[] | undefined)[] = [];
  /** Lines that begin with the second half of a split END (`Summary.`): where that half ends. */
  readonly endTails: (number | undefined)[] = [];
  readonly commentHits: (number[] | undefined)[] = [];
  readonly wholeMarkerLines: (true | undefined)[] = [];
  /** Where the first `PDIS` or `pdis` (of SIPDIS) stands in each line that has one. */
  readonly pdisAt: (number | undefined)[] = [];
  readonly endOnlyBlocks = new Map<string, Block>();
  // The normalised text and where each line starts in it (prescan). Line strings from the split are
  // slices of the text, and reading their characters costs several times what reading the flat text
  // does: the per-line blank trims below read the text.
  src = '';
  starts: number[] = [];
  /** The normalised line (text.ts), computed once. */
  norm(i: number): string {
    if (!this.hasBlankish) return this.lines[i];
    let s = this.normCache[i];
    if (s === undefined) {
      s = normaliseLine(this.lines[i]);
      this.normCache[i] = s;
    }
    return s;
  }
  problem(range: Range, code: string, message: string): void {
    this.doc.problems.push({ range, code, message });
  }
}
