/**
 * The Classified By authority: the classifier's title and name, read from the block's text once the
 * block ends, since it often wraps (`… Unit Chief John` / `Smith, for reasons …`). It runs up to the
 * reason and the words that lead to it (`for reasons`, `under section`, `based on`, misspelt ones too:
 * `reaons`, `Resons`, `F0R`), after a doubled keyword (`Classified By: Classified by DCM …`, `(U)
 * Classified by …`, `by CDA …`).
 */
import type { Token } from '../../model.ts';
import { Char } from '../chars.ts';
import { REASON_LEADS, REASON_MISSPELLINGS, alternation } from '../vocabulary.ts';

/** A piece of the block's text: text, standing on line `line` from column `start`. */
export interface BlockPart {
  line: number;
  start: number;
  text: string;
}

/**
 * The column the WikiLeaks text of 2009–2010 cut long lines at, in the middle of a word as often as not
 * (`… Deputy Coordinator Hoyt Y` / `ee for reasons`): a line that ends there runs on without a blank.
 */
const WRAP_COLUMN = 71;
const MAX_AUTHORITY_PARTS = 3;

/**
 * Where the reason begins: REASON(S) and its misspellings (a blank inside from the line cut: `reaso ns`),
 * a section number (`1.4`, `1/4`, `1.4b`), `Section 1.5`, `E.O. 12958` or the order's number alone.
 */
const REASON_START_RE = new RegExp(`\\b(?:R(?:EA?|A)? ?S ?[O0] ?NS?|RE ?A ?S ?[O0] ?NS?|${alternation(REASON_MISSPELLINGS)})\\b|\\b1 ?[.,/] ?\\d(?!\\d)|\\bSECTIONS? ?1\\b|\\bE\\.? ?O\\.? ?\\d{5}|\\b1[1-3]\\d{3}\\b`);
/** A doubled keyword or a marking before the name: `Classified by`, `(U) Classified by`, `1. CLASSIFIED BY`, `This message classified by`, `by`. */
const DOUBLED_KEYWORD_RE = /^(?:(?:\([A-Z/]{1,8}\)|\d{1,2}\.|THIS MESSAGE) +)?(?:CLASSIFIED +BY\b:? *|BY +)/;
/** The first line a new authority never runs on to: one that opens with a reason. */
const REASON_LINE_RE = /^(?:REAS|\(?[A-H]\)|1 ?[.,/] ?\d)/i;

/** The authority in the block's parts, or undefined when none is written. */
export function readAuthority(parts: readonly BlockPart[]): Token | undefined {
  const starts: number[] = [];
  let joined = '';
  let limit = -1;
  // An authority wraps onto two lines, rarely three: a block that runs on further holds other text.
  for (let k = 0; k < Math.min(parts.length, MAX_AUTHORITY_PARTS) && limit < 0; k++) {
    if (k) joined += wrapGlue(parts[k - 1], parts[k]);
    starts.push(joined.length);
    joined += parts[k].text;
    // An authority ends with its part when the part ends a sentence (`Stephen M. Young.`).
    if (endsSentence(parts[k].text)) limit = joined.length;
  }
  // Upper-cased letter for letter (a letter outside ASCII may upper-case to several: then ASCII only).
  let upper = joined.toUpperCase();
  if (upper.length !== joined.length) upper = joined.replace(/[a-z]+/g, (w) => w.toUpperCase());
  const doubled = DOUBLED_KEYWORD_RE.exec(upper);
  const p = doubled ? doubled[0].length : 0;
  const ae = authorityEnd(joined, upper, p, limit < 0 ? joined.length : limit);
  if (ae <= p) return undefined;
  const at = (k: number): { line: number; character: number } => {
    let j = 0;
    while (j + 1 < starts.length && starts[j + 1] <= k) j++;
    return { line: parts[j].line, character: parts[j].start + Math.min(k - starts[j], parts[j].text.length) };
  };
  // The end is read back from the last character, so a wrapped end maps to its own line.
  const end = at(ae - 1);
  return { text: joined.slice(p, ae), range: { start: at(p), end: { line: end.line, character: end.character + 1 } } };
}

/** What joins two parts: nothing when the first was cut at the wrap column inside a word, else a blank. */
function wrapGlue(a: BlockPart, b: BlockPart): string {
  if (a.start + a.text.length !== WRAP_COLUMN || b.start > 0 || REASON_LINE_RE.test(b.text)) return ' ';
  return '';
}

/** Whether the text ends a sentence: a full stop after a word of three letters or more without a dot inside (not `U.S.`, `Jr.`). */
function endsSentence(t: string): boolean {
  if (t.charCodeAt(t.length - 1) !== Char.Dot) return false;
  const w = t.lastIndexOf(' ', t.length - 2) + 1;
  const word = t.slice(w, t.length - 1);
  return word.length >= 3 && !word.includes('.');
}

/** Where the authority in s[p, e) (upper-cased: u) ends: before the reason and the words that lead to it. */
function authorityEnd(s: string, u: string, p: number, e: number): number {
  const head = u.slice(p, e);
  let stop = head.search(REASON_START_RE);
  if (stop < 0) stop = head.length;
  // A reason word cut by the block's end (`… FOR REAS`) also ends the authority.
  if (stop === head.length) {
    const cut = CUT_REASON.find((c) => head.endsWith(c));
    if (cut) stop -= cut.length;
  }
  let ae = p + stop;
  // Drop the connecting words and punctuation before the reason (`…, for reasons`, `PER`, `BASED ON`, `-reasons`).
  for (;;) {
    for (let c = s.charCodeAt(ae - 1); ae > p && TRIMMED.has(c); c = s.charCodeAt(ae - 1)) ae--;
    const n = leadBefore(u, p, ae);
    if (!n) break;
    ae -= n;
  }
  return ae;
}

/** A reason word cut by the end of the block (`… for rea`), longest first. */
const CUT_REASON = [' REASO', ' REAS', ' REA', ' FOR RE', ' FOR R'];
const TRIMMED = new Set<number>([Char.Space, Char.Comma, Char.Semicolon, Char.Dot, Char.Colon, Char.OpenParen, Char.Dash]);

/**
 * The length of a word that leads to the reason (REASON_LEADS: FOR, PER, UNDER, BASED ON …) ending the
 * upper-cased u[p, ae) after a blank or at p, or 0.
 */
function leadBefore(u: string, p: number, ae: number): number {
  for (const w of REASON_LEADS) {
    const start = ae - w.length;
    if (start < p || (start > p && u.charCodeAt(start - 1) !== Char.Space)) continue;
    if (u.startsWith(w, start)) return w.length;
  }
  return 0;
}
