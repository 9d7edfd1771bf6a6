/**
 * Classification levels, their order, and the written forms they take: banners (`C O N F I D E N T I A L`,
 * `UNCLAS`, `S e c r e t`, damaged `SS E C R E T`), FL4 security letters (`CCCCC`), portion markings
 * (`(S//NF)`, `(SBU)`, malformed `C)`) and the classification column of WikiLeaks' metadata.
 *
 * Scanners here are hand-written loops over a line, not regexes, because banners are tried on many lines
 * and spaced letters would otherwise invite backtracking.
 */
import type { Caveat, Level, PortionMarking, Range } from './model.ts';
import { Char, asciiUpper, codeAt, isLetter } from './parse/chars.ts';

/** Rank order: U = SBU = LOU < C < S < TS (SBU and LOU are administrative controls). */
const RANK: Record<Level, number> = { U: 0, SBU: 0, LOU: 0, C: 1, S: 2, TS: 3 };

export function levelRank(level: Level): number {
  return RANK[level];
}

/** Negative when a is lower than b, 0 when they rank the same, positive when higher. */
export function compareLevels(a: Level, b: Level): number {
  return RANK[a] - RANK[b];
}

/** The higher of two levels (the first when they rank the same). */
export function maxLevel(a: Level, b: Level): Level {
  return RANK[b] > RANK[a] ? b : a;
}

const NAMES: Record<Level, string> = {
  U: 'UNCLASSIFIED',
  SBU: 'SENSITIVE BUT UNCLASSIFIED',
  LOU: 'LIMITED OFFICIAL USE',
  C: 'CONFIDENTIAL',
  S: 'SECRET',
  TS: 'TOP SECRET',
};

export function levelName(level: Level): string {
  return NAMES[level];
}

export const LEVELS: readonly Level[] = ['U', 'SBU', 'LOU', 'C', 'S', 'TS'];

/** The FL4 letters (`UUUUU`, `CCCCC`, `SSSSS`, `TTTTT`, `RRRRR`) → level; undefined when not 5 equal letters. */
export function securityLettersLevel(letters: string): Level | 'R' | undefined {
  const up = letters.toUpperCase();
  if (up.length !== 5) return undefined;
  for (let i = 1; i < 5; i++) if (up[i] !== up[0]) return undefined;
  switch (up[0]) {
    case 'U':
      return 'U';
    case 'C':
      return 'C';
    case 'S':
      return 'S';
    case 'T':
      return 'TS';
    case 'R':
      return 'R';
    default:
      return undefined;
  }
}

/** The FL4 letter a level should carry (`C` for CONFIDENTIAL; U for all the unclassified forms). */
export function securityLetterFor(level: Level): string {
  switch (level) {
    case 'C':
      return 'C';
    case 'S':
      return 'S';
    case 'TS':
      return 'T';
    default:
      return 'U';
  }
}

// ---------------------------------------------------------------------------------------------
// Classification words in banners

export interface ClassificationWords {
  start: number;
  end: number;
  level: Level;
  /** Letters separated by single spaces (`S E C R E T`). */
  spaced: boolean;
  /** Conversion damage to the first letter: doubled, stray or lost (`SS E C R E T`, `O N F I D E N T I A L`). */
  damaged: boolean;
  /** Caveats written with the words (`UNCLAS EFTO`, `SECRET//NOFORN`, `UNCLAS SENSITIVE`). */
  caveats: Caveat[];
}

export type BannerDamage = 'doubled' | 'stray' | 'lost';

// The letters a level's banner word can start with (SBU banners read UNCLAS … SENSITIVE or SENSITIVE …).
const LEVEL_INITIALS: Record<Level, string> = { U: 'U', SBU: 'SU', LOU: 'L', C: 'C', S: 'S', TS: 'T' };

/**
 * Which conversion damage a banner word shows, read from its letters: `SS E C R E T` doubled,
 * `CSE C R E T` a stray letter before the word, `O N F I D E N T I A L` its first letter lost.
 * Messages and hovers name the damage the reader sees rather than one catch-all.
 */
export function bannerDamage(text: string, level: Level): BannerDamage {
  let c0 = '';
  let c1 = '';
  for (let i = 0; i < text.length && !c1; i++) {
    const c = text[i]!.toUpperCase();
    if (c < 'A' || c > 'Z') continue;
    if (!c0) c0 = c;
    else c1 = c;
  }
  if (c0 === c1) return 'doubled';
  return LEVEL_INITIALS[level].includes(c1) ? 'stray' : 'lost';
}

/** The damage in words, for messages: "has a doubled first letter". */
export function bannerDamageText(damage: BannerDamage): string {
  return damage === 'doubled' ? 'has a doubled first letter' : damage === 'stray' ? 'has a stray letter before it' : 'has lost its first letter';
}

// Longest first so UNCLASSIFIED wins over UNCLAS; words of multi-word levels may be apart by any blanks.
const BANNER_WORDS: { words: string[]; level: Level }[] = [
  { words: ['TOP', 'SECRET'], level: 'TS' },
  { words: ['SECRET'], level: 'S' },
  { words: ['CONFIDENTIAL'], level: 'C' },
  { words: ['UNCLASSIFIED'], level: 'U' },
  { words: ['UNCLAS'], level: 'U' },
  { words: ['LIMITED', 'OFFICIAL', 'USE'], level: 'LOU' },
  { words: ['SENSITIVE', 'BUT', 'UNCLASSIFIED'], level: 'SBU' },
];

/** `O N F …` for CONFIDENTIAL: the second and third letters of the word, spaced, and no first letter. */
function lostFirstLetter(s: string, p: number, word: string): boolean {
  return (
    asciiUpper(codeAt(s, p)) === word.charCodeAt(1) &&
    codeAt(s, p + 1) === Char.Space &&
    asciiUpper(codeAt(s, p + 2)) === word.charCodeAt(2) &&
    codeAt(s, p + 3) === Char.Space &&
    !isLetter(codeAt(s, p - 1))
  );
}

/**
 * Matches one word at `p`, letters optionally separated by single spaces. Returns the end index, or -1.
 * `allowDouble` accepts a doubled, stray or (spaced form only) lost first letter (`SS E C R E T`).
 */
function matchSpacedWord(s: string, p: number, word: string, allowDouble: boolean, out: { spaced: boolean; damaged: boolean }): number {
  let i = p;
  if (allowDouble && word.length >= 6 && lostFirstLetter(s, p, word)) {
    // The first letter lost in conversion (`O N F I D E N T I A L`): only in the spaced form, where
    // the rest of the word letter by letter is evidence enough; the loop below checks the rest.
    out.damaged = true;
    out.spaced = true;
    let k = 1;
    while (k < word.length && asciiUpper(codeAt(s, i)) === word.charCodeAt(k)) {
      k++;
      i++;
      if (k < word.length) {
        if (codeAt(s, i) !== Char.Space) return -1;
        i++;
      }
    }
    return k === word.length ? i : -1;
  }
  if (asciiUpper(codeAt(s, i)) !== word.charCodeAt(0)) {
    // A stray letter glued before the word by conversion damage (`CSE C R E T`).
    if (!allowDouble || !isLetter(codeAt(s, i)) || asciiUpper(codeAt(s, i + 1)) !== word.charCodeAt(0)) return -1;
    out.damaged = true;
    i++;
  }
  i++;
  if (allowDouble && asciiUpper(codeAt(s, i)) === word.charCodeAt(0) && word.charCodeAt(1) !== word.charCodeAt(0)) {
    out.damaged = true;
    i++;
  }
  for (let k = 1; k < word.length; k++) {
    const want = word.charCodeAt(k);
    if (asciiUpper(codeAt(s, i)) === want) {
      i++;
      continue;
    }
    if (codeAt(s, i) === Char.Space && asciiUpper(codeAt(s, i + 1)) === want) {
      out.spaced = true;
      i += 2;
      continue;
    }
    return -1;
  }
  return i;
}

/** Whether s[j, k) (ASCII letters) is `word` (upper case) in any case. */
function isWordAt(s: string, j: number, k: number, word: string): boolean {
  if (k - j !== word.length) return false;
  for (let x = 1; x < word.length; x++) if (asciiUpper(codeAt(s, j + x)) !== word.charCodeAt(x)) return false;
  return true;
}

/**
 * The banner caveat spelled by the ASCII letters s[j, k) in any case (NOFORN, NF, EFTO, SENSITIVE, FOUO,
 * ORCON, PROPIN, NOCONTRACT, NODIS, EXDIS, LIMDIS), or undefined: read in place, because a keyed look-up
 * with a fresh slice costs the engine a string-table search per word.
 */
function bannerCaveatAt(s: string, j: number, k: number): Caveat | undefined {
  switch (asciiUpper(s.charCodeAt(j))) {
    case Char.N: // N
      if (isWordAt(s, j, k, 'NF') || isWordAt(s, j, k, 'NOFORN')) return 'NOFORN';
      if (isWordAt(s, j, k, 'NODIS')) return 'NODIS';
      return isWordAt(s, j, k, 'NOCONTRACT') ? 'NOCONTRACT' : undefined;
    case Char.E: // E
      if (isWordAt(s, j, k, 'EFTO')) return 'EFTO';
      return isWordAt(s, j, k, 'EXDIS') ? 'EXDIS' : undefined;
    case Char.S: // S
      return isWordAt(s, j, k, 'SENSITIVE') ? 'SENSITIVE' : undefined;
    case Char.F: // F
      return isWordAt(s, j, k, 'FOUO') ? 'FOUO' : undefined;
    case Char.O: // O
      return isWordAt(s, j, k, 'ORCON') ? 'ORCON' : undefined;
    case Char.P: // P
      return isWordAt(s, j, k, 'PROPIN') ? 'PROPIN' : undefined;
    case Char.L: // L
      return isWordAt(s, j, k, 'LIMDIS') ? 'LIMDIS' : undefined;
    default:
      return undefined;
  }
}

// The first two letters of each entry's first word, and whether that word is long enough to be read with
// its first letter lost: plain numbers, so that the screen below reads no strings.
const BW_FIRST = BANNER_WORDS.map((e) => e.words[0].charCodeAt(0));
const BW_SECOND = BANNER_WORDS.map((e) => e.words[0].charCodeAt(1));
const BW_LOSES = BANNER_WORDS.map((e) => losesFirstLetter(e.words[0]));

/** The first word of each level's banner form (TOP, SECRET, CONFIDENTIAL, UNCLASSIFIED, UNCLAS, LIMITED, SENSITIVE). */
export const BANNER_FIRST_WORDS: readonly string[] = BANNER_WORDS.map((e) => e.words[0]);

/** Whether a banner word is long enough to be read, spaced, with its first letter lost (`O N F I D E N T I A L`). */
export function losesFirstLetter(word: string): boolean {
  return word.length >= 6;
}

/** Reads the classification words of a banner at `p` (after leading blanks). */
export function readClassificationWords(s: string, p: number): ClassificationWords | undefined {
  // Most lines tried here are running text: the first three characters rule out almost every entry
  // before its word is matched. These are the openings matchSpacedWord accepts: the word's first
  // letter then its second (or a blank, or the first doubled); a stray letter before those; or, spaced,
  // the second letter when the first was lost.
  const a = asciiUpper(codeAt(s, p));
  const b = asciiUpper(codeAt(s, p + 1));
  const c = asciiUpper(codeAt(s, p + 2));
  const strayFirst = isLetter(codeAt(s, p));
  for (let x = 0; x < BANNER_WORDS.length; x++) {
    const w0 = BW_FIRST[x];
    const w1 = BW_SECOND[x];
    const plain = a === w0 && (b === w1 || b === Char.Space || b === w0);
    const stray = a !== w0 && strayFirst && b === w0 && (c === w1 || c === Char.Space || c === w0);
    const lost = BW_LOSES[x] && a === w1 && b === Char.Space;
    if (!plain && !stray && !lost) continue;
    const entry = BANNER_WORDS[x];
    const flags = { spaced: false, damaged: false };
    let i = p;
    let ok = true;
    for (let w = 0; w < entry.words.length; w++) {
      if (w > 0) {
        const before = i;
        while (codeAt(s, i) === Char.Space) i++;
        if (i === before && !flags.spaced) {
          ok = false;
          break;
        }
      }
      const e = matchSpacedWord(s, i, entry.words[w], w === 0, flags);
      if (e < 0) {
        ok = false;
        break;
      }
      i = e;
    }
    if (!ok || isLetter(codeAt(s, i))) continue;
    let level = entry.level;
    const caveats: Caveat[] = [];
    // Caveats glued by slashes (`SECRET//NOFORN`) or following as words (`UNCLAS EFTO`, `UNCLAS SENSITIVE`).
    let end = i;
    for (;;) {
      let j = end;
      let slashes = 0;
      while (codeAt(s, j) === Char.Space || codeAt(s, j) === Char.Slash) {
        if (codeAt(s, j) === Char.Slash) slashes++;
        j++;
      }
      let k = j;
      while (isLetter(codeAt(s, k))) k++;
      if (k === j) break;
      const cav = bannerCaveatAt(s, j, k);
      if (!cav || (k - j === 2 && slashes === 0)) break;
      if (cav === 'SENSITIVE') {
        if (level === 'U') level = 'SBU';
        else break;
      } else if (!caveats.includes(cav)) {
        caveats.push(cav);
      }
      end = k;
    }
    return { start: p, end, level, spaced: flags.spaced, damaged: flags.damaged, caveats };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Portion markings

const PM_LEVELS: Record<string, Level> = {
  U: 'U',
  C: 'C',
  S: 'S',
  TS: 'TS',
  SBU: 'SBU',
  LOU: 'LOU',
  UNCLASSIFIED: 'U',
  UNCLAS: 'U',
  CONFIDENTIAL: 'C',
  SECRET: 'S',
  'TOP SECRET': 'TS',
  'LIMITED OFFICIAL USE': 'LOU',
  'SENSITIVE BUT UNCLASSIFIED': 'SBU',
  FOUO: 'U',
};

const PM_CAVEATS: Record<string, Caveat> = {
  NF: 'NOFORN',
  NOFORN: 'NOFORN',
  N: 'NOFORN',
  FOUO: 'FOUO',
  FGI: 'FGI',
  ORCON: 'ORCON',
  OC: 'ORCON',
  PROPIN: 'PROPIN',
  PR: 'PROPIN',
  NOCONTRACT: 'NOCONTRACT',
  EFTO: 'EFTO',
  REL: 'REL',
  SI: 'SI',
  TK: 'TK',
  HCS: 'HCS',
};

/**
 * The level named by s[from, to) when it is a bare upper-case level (`U`, `C`, `S`, `TS`, `SBU`, `LOU`):
 * what PM_LEVELS gives such a word, read in place without a slice or a keyed look-up.
 */
export function bareLevelAt(s: string, from: number, to: number): Level | undefined {
  const c = s.charCodeAt(from);
  switch (to - from) {
    case 1:
      return c === Char.U ? 'U' : c === Char.C ? 'C' : c === Char.S ? 'S' : undefined;
    case 2:
      return c === Char.T && s.charCodeAt(from + 1) === Char.S ? 'TS' : undefined;
    case 3: {
      const c1 = s.charCodeAt(from + 1);
      const c2 = s.charCodeAt(from + 2);
      if (c === Char.S && c1 === Char.B && c2 === Char.U) return 'SBU';
      return c === Char.L && c1 === Char.O && c2 === Char.U ? 'LOU' : undefined;
    }
    default:
      return undefined;
  }
}

/** Level of a portion-marking level word (`C`, `SBU`, `secret`), or undefined. */
export function portionLevel(word: string): Level | undefined {
  return PM_LEVELS[word.toUpperCase().replace(/\s+/g, ' ').trim()];
}

/** `S-NF` → level and caveat; undefined unless both halves are known. */
function dashed(h: string): [Level, Caveat] | undefined {
  const d = h.indexOf('-');
  if (d < 1 || d > 3 || h.length - d > 7) return undefined;
  const level = portionLevel(h.slice(0, d));
  const cav = PM_CAVEATS[h.slice(d + 1)];
  return level && cav ? [level, cav] : undefined;
}

/**
 * Parses the inside of a portion marking (`S//NF`, `SBU`, `C - ENTIRE TEXT`, `secret//rel germany`).
 * `text` and `range` are those of the whole marking; `malformed` is set by the caller for bracket
 * damage and here for content damage.
 */
/**
 * A portion marking with every field present from the start, so that all markings share one shape (V8
 * compiles the rules' reads of `marking.level` for that one shape, instead of for each order in which
 * fields were added).
 */
export function portionMarking(range: Range, text: string, level: Level | undefined, caveats: Caveat[]): PortionMarking {
  return { range, text, level, caveats, malformed: undefined, entireText: undefined };
}

export function parsePortionMarking(inner: string, text: string, range: Range): PortionMarking {
  // Nearly every marking is a bare upper-case level (`C`, `SBU`), and most others that level and NOFORN
  // (`S/NF`, `C//NF`): the same results without the splits.
  const n = inner.length;
  if (n <= 3) {
    const bare = bareLevelAt(inner, 0, n);
    if (bare) return portionMarking(range, text, bare, []);
  } else if (n <= 7 && inner.charCodeAt(n - 1) === Char.F && inner.charCodeAt(n - 2) === Char.N && inner.charCodeAt(n - 3) === Char.Slash) {
    const h = inner.charCodeAt(n - 4) === Char.Slash ? n - 4 : n - 3;
    const level = bareLevelAt(inner, 0, h);
    if (level) return portionMarking(range, text, level, ['NOFORN']);
  }
  const pm = portionMarking(range, text, undefined, []);
  let body = inner.trim();
  const up = body.toUpperCase();
  const dash = up.indexOf('ENTIRE TEXT');
  if (dash > 0) {
    pm.entireText = true;
    body = body.slice(0, dash);
    let e = body.length;
    while (e > 0 && (body[e - 1] === ' ' || body[e - 1] === '-')) e--;
    body = body.slice(0, e);
  }
  const parts = body.split('/');
  const head = (parts[0] ?? '').trim();
  let level = portionLevel(head);
  if (!level) {
    // `SNF`, `CNF`: the slash lost in conversion.
    const h = head.toUpperCase();
    if (h.length >= 3 && h.endsWith('NF') && portionLevel(h.slice(0, -2))) {
      level = portionLevel(h.slice(0, -2));
      pm.caveats.push('NOFORN');
      pm.malformed = 'missing-separator';
    } else if (dashed(h)) {
      // `S-NF`: a dash where the standard has `//`, a house style of some posts, read as written.
      const [lv, cav] = dashed(h)!;
      level = lv;
      pm.caveats.push(cav);
    } else if (h.length === 2 && h[0] === h[1] && portionLevel(h[0])) {
      level = portionLevel(h[0]);
      pm.malformed = 'doubled';
    }
  }
  if (head.toUpperCase() === 'FOUO') pm.caveats.push('FOUO');
  pm.level = level;
  for (let i = 1; i < parts.length; i++) {
    const p = parts[i].trim();
    if (!p) continue;
    const word = p.toUpperCase();
    const first = word.split(' ')[0];
    // Release markings keep their countries: `REL NATO`, `REL TO UK`.
    const cav = first === 'REL' ? word.replace(/\s+/g, ' ') : (PM_CAVEATS[word] ?? PM_CAVEATS[first]);
    if (cav) {
      if (!pm.caveats.includes(cav)) pm.caveats.push(cav);
    } else {
      pm.malformed ??= 'unknown-caveat';
    }
  }
  if (!level) pm.malformed = 'unknown';
  return pm;
}

// ---------------------------------------------------------------------------------------------
// Metadata (WikiLeaks' classification column)

/**
 * Reads `SECRET//NOFORN`, `CONFIDENTIAL`, `UNCLASSIFIED//FOR OFFICIAL USE ONLY` (which is how WikiLeaks
 * renders an UNCLAS cable with the SENSITIVE caption: SBU).
 */
export function parseMetadataClassification(text: string): { level: Level; caveats: Caveat[] } | undefined {
  const parts = text.toUpperCase().split('//').map((p) => p.trim());
  let level = PM_LEVELS[parts[0]];
  if (!level) return undefined;
  const caveats: Caveat[] = [];
  for (const p of parts.slice(1)) {
    if (p === 'FOR OFFICIAL USE ONLY' || p === 'FOUO') {
      if (level === 'U') level = 'SBU';
      else caveats.push('FOUO');
    } else {
      caveats.push(PM_CAVEATS[p] ?? p);
    }
  }
  return { level, caveats };
}
