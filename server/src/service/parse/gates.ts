/**
 * Fast gates: whether a line can open with one of a list's words, told from its first characters before
 * any regex or slice runs. Most lines fail a gate on their first two characters, which is what keeps the
 * parser fast; a gate that refused a line its reader would take would drop that line silently, so every
 * gate here is built from the word list it stands for (vocabulary.ts), and test/service/gates.test.ts
 * checks each against its reader's regex over random strings and every corpus line.
 */
import { asciiUpper, isUpper } from './chars.ts';
import {
  BLOCK_BEGIN,
  BLOCK_WORDS,
  CAPTION_KEYS,
  CLASSIFIED_BY,
  DERIVED_FROM,
  EO_OPENINGS,
  PARTIAL_EXTRACT_NOTE,
  RECEIVING_COPY_WORDS,
  REF_KEYWORDS,
  REF_PREFIX,
  SUBJECT_KEYWORDS,
  TAGS_KEYWORDS,
  WEEKDAYS,
} from './vocabulary.ts';

/** One bit per capital letter: A is bit 0. */
const letterBit = (c: number): number => 1 << (c - 0x41);

/**
 * The openings of a list of words, in any case: their first two characters (any printable ASCII), and after
 * each pair the third and fourth letters. A one-character word opens with that character and anything
 * after it. Built once, read with a few array loads.
 */
export class Openings {
  /** For the pair (a, b): 0 when no word opens so, else 1 + the pair's index into the arrays below. */
  private readonly pairs = new Uint16Array(128 * 128);
  /** For each pair: the letters that may come third, and, for each third letter, those that may come fourth. */
  private readonly thirds: number[] = [];
  private readonly fourths: number[][] = [];

  constructor(words: readonly string[]) {
    for (const word of words) {
      const w = word.toUpperCase();
      if (w.length === 1) {
        for (let b = 0; b < 128; b++) this.add(w.charCodeAt(0), b, '');
      } else {
        this.add(w.charCodeAt(0), w.charCodeAt(1), w.slice(2));
      }
    }
  }

  private add(a: number, b: number, rest: string): void {
    const key = (a << 7) | b;
    if (!this.pairs[key]) {
      this.thirds.push(0);
      this.fourths.push(new Array<number>(26).fill(0));
      this.pairs[key] = this.thirds.length;
    }
    const k = this.pairs[key] - 1;
    // A word of two characters (or one) takes any third and fourth character.
    if (rest.length === 0) {
      this.thirds[k] = ~0;
      this.fourths[k].fill(~0);
      return;
    }
    const c = rest.charCodeAt(0);
    if (!isUpper(c)) throw new Error(`Openings: the third character of '${rest}' must be a letter`);
    this.thirds[k] |= letterBit(c);
    const d = rest.charCodeAt(1);
    if (rest.length === 1) this.fourths[k][c - 0x41] = ~0;
    else if (isUpper(d)) this.fourths[k][c - 0x41] |= letterBit(d);
    else this.fourths[k][c - 0x41] = ~0;
  }

  private pair(a: number, b: number): number {
    const A = asciiUpper(a);
    const B = asciiUpper(b);
    // Codes outside ASCII, Char.EndOfText and NaN (past a string's end) open no pair.
    if (!(A >= 0 && A < 128 && B >= 0 && B < 128)) return 0;
    return this.pairs[(A << 7) | B];
  }

  /** Whether a word opens with the characters a, b. */
  has(a: number, b: number): boolean {
    return this.pair(a, b) !== 0;
  }

  /** Whether a word opens with a, b, c (c a letter, in any case). */
  has3(a: number, b: number, c: number): boolean {
    const k = this.pair(a, b);
    const C = asciiUpper(c);
    return k !== 0 && isUpper(C) && (this.thirds[k - 1] & letterBit(C)) !== 0;
  }

  /** Whether a word opens with a, b, c, d (c and d letters, in any case). */
  has4(a: number, b: number, c: number, d: number): boolean {
    const k = this.pair(a, b);
    const C = asciiUpper(c);
    const D = asciiUpper(d);
    return k !== 0 && isUpper(C) && isUpper(D) && (this.fourths[k - 1][C - 0x41] & letterBit(D)) !== 0;
  }
}

/** The first letters of a list's words (capitals), as a table of the 128 ASCII codes. */
export function firstLetters(words: readonly string[]): Uint8Array {
  const table = new Uint8Array(128);
  for (const w of words) table[w.toUpperCase().charCodeAt(0)] = 1;
  return table;
}

/** BEGIN and the block words (SUMMARY, COMMENT …): what BLOCK_KW can open with after its punctuation. */
export const BLOCK_OPENINGS = new Openings([BLOCK_BEGIN, ...Object.keys(BLOCK_WORDS)]);

/**
 * What a heading keyword or a caption line can open with: E.O., TAGS and its misspellings, SUBJECT,
 * REF (and PROGRAM REF), CLASSIFIED BY, DERIVED FROM, `(` (a portion marking before Classified By), and
 * the caption words.
 */
export const KEYWORD_OPENINGS = new Openings([
  ...EO_OPENINGS,
  ...TAGS_KEYWORDS,
  ...SUBJECT_KEYWORDS,
  ...REF_KEYWORDS,
  REF_PREFIX,
  CLASSIFIED_BY,
  DERIVED_FROM,
  '(',
  ...CAPTION_KEYS,
]);

/** The header lines read upper-cased: the partial-extract note, INFO LOG, ACTION, PAGE and the long date's weekday. */
export const UPPER_HEADER_OPENINGS = new Openings([PARTIAL_EXTRACT_NOTE, ...RECEIVING_COPY_WORDS, ...WEEKDAYS]);

/** The first letters of the caption words (upper case). */
export const CAPTION_FIRST_LETTERS = firstLetters(CAPTION_KEYS);
