/**
 * The addressees: `FM AMEMBASSY BRUSSELS`, `TO RUEHC/SECSTATE WASHDC PRIORITY 4321`, `INFO …`, `XMT …`, the
 * lines that continue a TO, INFO or XMT list, and the prosigns BT and NNNN.
 */
import type { Addressee, Range } from '../../model.ts';
import { Char, asciiUpper, digitsValue, isDigit, isNonAscii, isUpper } from '../chars.ts';
import { endNonSpaceBefore } from '../../text.ts';
import { rng, tok } from '../range.ts';
import { NIGHT_ACTION, PRECEDENCE_WORDS, PROSIGN_WORDS } from '../vocabulary.ts';
import { firstLetters } from '../gates.ts';
import type { ParseState } from '../state.ts';
import { headingKeyword } from '../heading/keywords.ts';
import { PAGE_LINE_I } from '../body/pageBreaks.ts';
import { isCaptionText } from '../heading/captions.ts';
import { extendHeader, mayOpenKeyword, took, type HeaderLine } from './index.ts';

/** `FM …` (the originator: the first one stands), `TO …`, `INFO …`, `XMT …` (lists that further lines continue). */
export function addressLine(state: ParseState, line: HeaderLine): boolean {
  const c = line.code;
  const kwEnd = c === Char.F || c === Char.T || c === Char.I || c === Char.X ? addressKeywordEnd(line.trimmed, c) : 0;
  if (!kwEnd) return false;
  const h = state.doc.header;
  // `INFO XMT …`: an INFO list that holds only the posts excluded from a collective.
  if (c === Char.I && line.trimmed.startsWith('XMT ', kwEnd)) {
    const at = line.start + kwEnd;
    return addressLine(state, { ...line, start: at, trimmed: line.trimmed.slice(kwEnd), upper: line.upper?.slice(kwEnd), code: Char.X, capital: Char.X });
  }
  const a = addressee(line.index, line.text, line.start + kwEnd, line.end);
  if (c === Char.F) {
    if (!h.from) h.from = a;
    return took(state, line);
  }
  const list = c === Char.T ? h.to : c === Char.I ? h.info : h.xmt;
  if (a) list.push(a);
  state.header.addressees = list;
  return took(state, line, 'addressee');
}

/**
 * A line after a TO, INFO or XMT line goes on its list, unless it opens the heading: most (`RUEHC/SECSTATE
 * …`) cannot, as their first two characters tell, and are spared the keyword tests.
 */
export function addresseeContinuation(state: ParseState, line: HeaderLine): boolean {
  const list = state.header.addressees;
  if (state.header.continuing !== 'addressee' || !list) return false;
  const u = line.upper;
  if (u !== undefined && mayOpenKeyword(line.trimmed) && (headingKeyword(state, u) !== 'none' || isCaptionText(u))) return false;
  const a = addressee(line.index, line.text, line.start, line.end);
  if (a) list.push(a);
  extendHeader(state, line);
  return true;
}

/** BT (break) and NNNN (end of message) on a line of their own. */
export function prosignLine(state: ParseState, line: HeaderLine): boolean {
  const t = line.trimmed;
  if (!PROSIGN_WORDS.includes(t)) return false;
  state.doc.header.prosigns.push(tok(line.index, line.text, line.start, line.end));
  return took(state, line);
}

/**
 * Where /^(FM|TO|INFO|XMT)(?: +|\/)/ matches to in `t`, whose first character is `c`, or 0:
 * the first character tells which keyword it can be.
 */
function addressKeywordEnd(t: string, c: number): number {
  const k = c === Char.F ? (t.charCodeAt(1) === Char.M ? 2 : 0) : c === Char.T ? (t.charCodeAt(1) === Char.O ? 2 : 0) : c === Char.I ? (t.startsWith('NFO', 1) ? 4 : 0) : t.startsWith('MT', 1) ? 3 : 0;
  if (!k) return 0;
  const d = t.charCodeAt(k);
  if (d === Char.Slash) return k + 1;
  if (d !== Char.Space) return 0;
  let q = k + 1;
  while (t.charCodeAt(q) === Char.Space) q++;
  return q;
}

/** The addressee in s[from, to) of line i: `RUEHC/SECSTATE WASHDC PRIORITY 4321`. */
function addressee(i: number, s: string, from: number, to: number): Addressee | undefined {
  let a = from;
  while (a < to && s.charCodeAt(a) === Char.Space) a++;
  let e = to;
  // A printout's page header inside the list (`TO PAGE 02  STATE 015113  182333Z`) is no addressee.
  if (a >= e || (s.charCodeAt(a) === Char.P && PAGE_LINE_I.test(s.slice(a, a + 10)))) return undefined;
  const out: Partial<Addressee> & { range: Range } = { range: rng(i, a, e) };
  // `R` + three to six capitals + `/` (RUEHC/), read without a slice and a regex per addressee.
  let nameStart = a;
  if (s.charCodeAt(a) === Char.R) {
    let k = a + 1;
    while (k < a + 8 && isUpper(s.charCodeAt(k))) k++;
    const letters = k - a - 1;
    if (letters >= 3 && letters <= 6 && s.charCodeAt(k) === Char.Slash && k < Math.min(e, a + 9)) {
      out.routingIndicator = tok(i, s, a, k);
      nameStart = k + 1;
    }
  }
  // Trailing number, then precedence words.
  let d = e;
  while (d > nameStart && isDigit(s.charCodeAt(d - 1))) d--;
  if (d < e && e - d <= 6 && s.charCodeAt(d - 1) === Char.Space) {
    out.number = { text: s.slice(d, e), range: rng(i, d, e), value: digitsValue(s, d, e) };
    e = endNonSpaceBefore(s, d);
  }
  // The last word is upper-cased only when it is short enough to be a precedence word (upper-casing
  // never shortens a word).
  let sp = e - 1;
  while (sp > nameStart && s.charCodeAt(sp) !== Char.Space) sp--;
  const last = sp > nameStart && e - sp - 1 < PRECEDENCE_BY_LENGTH.length ? precedenceWord(s, sp + 1, e) : '';
  if (last) {
    let ps = sp + 1;
    const before = endNonSpaceBefore(s, sp);
    const night = NIGHT_ACTION.length;
    if (last === 'IMMEDIATE' && s.slice(before - night, before).toUpperCase() === NIGHT_ACTION && before - night > nameStart) {
      ps = before - night;
    }
    out.precedence = tok(i, s, ps, e);
    e = endNonSpaceBefore(s, ps);
  }
  if (e <= nameStart) e = Math.max(nameStart, endNonSpaceBefore(s, to));
  out.name = tok(i, s, nameStart, e);
  return out as Addressee;
}

/**
 * The precedence word (PRECEDENCE_WORDS) that s[a, b) upper-cases to, or ''. An ASCII word is compared in
 * place; one with other characters is upper-cased (`ﬂash` reads FLASH).
 */
export function precedenceWord(s: string, a: number, b: number): string {
  // Upper-casing keeps an ASCII first letter first: it must be that of one of the words.
  const c0 = s.charCodeAt(a);
  if (!isNonAscii(c0) && !PRECEDENCE_FIRST_LETTERS[asciiUpper(c0)]) return '';
  let w = PRECEDENCE_BY_LENGTH[b - a] ?? '';
  for (let k = a; k < b; k++) {
    const c = s.charCodeAt(k);
    if (isNonAscii(c)) {
      const up = s.slice(a, b).toUpperCase();
      return PRECEDENCE_WORDS[up] !== undefined ? up : '';
    }
    if (w && asciiUpper(c) !== w.charCodeAt(k - a)) w = '';
  }
  return w;
}
/** The precedence words by length (no two are of one length) and their first letters. */
const PRECEDENCE_BY_LENGTH: (string | undefined)[] = [];
for (const w of Object.keys(PRECEDENCE_WORDS)) {
  if (PRECEDENCE_BY_LENGTH[w.length]) throw new Error(`two precedence words of ${w.length} letters`);
  PRECEDENCE_BY_LENGTH[w.length] = w;
}
const PRECEDENCE_FIRST_LETTERS = firstLetters(Object.keys(PRECEDENCE_WORDS));
