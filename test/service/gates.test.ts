/**
 * The parser's fast gates (a test of a line's first characters that spares it a regex) against the
 * regexes and word lists they stand for: a gate must let through every line its reader would take, or the
 * line is dropped without a word. Each property runs over random strings built from the vocabulary's words
 * and the characters the regexes turn on (CABLE_FC_RUNS, default 2000), and over every line of the corpus
 * (skipped without ../shared/corpus).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { codeAt, isDigit } from '../../server/src/service/parse/chars.ts';
import {
  BLOCK_WORDS,
  CAPTION_KEYS,
  PRECEDENCE_WORDS,
  REF_KEYWORDS,
  SUBJECT_KEYWORDS,
  TAGS_KEYWORDS,
  WEEKDAYS,
} from '../../server/src/service/parse/vocabulary.ts';
import { BLOCK_KW, blockKeywordNear, opensBlockKeyword } from '../../server/src/service/parse/body/blocks.ts';
import { BULLET_RE, LabelGate, SUBPARA_RE, labelGate, opensLabel } from '../../server/src/service/parse/body/subParagraphs.ts';
import { opensPlainText } from '../../server/src/service/parse/body/index.ts';
import { PAGE_LINE_I } from '../../server/src/service/parse/body/pageBreaks.ts';
import { PARA_RE } from '../../server/src/service/parse/body/paragraphs.ts';
import { mayOpenKeyword, upperCaseReaders } from '../../server/src/service/parse/header/index.ts';
import { ACTION_LINE, INFO_LOG, PAGE_LINE } from '../../server/src/service/parse/header/receivingCopy.ts';
import { WEEKDAY } from '../../server/src/service/parse/header/extract.ts';
import { precedenceWord } from '../../server/src/service/parse/header/addressees.ts';
import { CLASSIFIED_BY_RE, EO_RE, REF_RE, SUBJECT_RE, TAGS_RE, markedClassifiedBy } from '../../server/src/service/parse/heading/keywords.ts';
import { isCaptionText } from '../../server/src/service/parse/heading/captions.ts';
import { opensBanner, readRepeatedBanner } from '../../server/src/service/parse/banner.ts';
import { bannerDamage, readClassificationWords, BANNER_FIRST_WORDS } from '../../server/src/service/classification.ts';

const RUNS = Number(process.env.CABLE_FC_RUNS ?? 2000);
const corpusDir = join(__dirname, '..', '..', '..', 'shared', 'corpus');

/** Every corpus line from its first non-blank character (tabs and no-break spaces read as blanks). */
const corpusLines: string[] = existsSync(corpusDir)
  ? readdirSync(corpusDir)
      .filter((f) => f.endsWith('.cable'))
      .flatMap((f) => readFileSync(join(corpusDir, f), 'utf8').split(/\r\n|\r|\n/))
      .map((l) => l.replace(/[\t\u00a0]/g, ' ').trimStart())
      .filter((l) => l.length > 0)
  : [];

const words = [
  ...Object.keys(BLOCK_WORDS),
  'BEGIN',
  'END',
  ...CAPTION_KEYS,
  ...Object.keys(PRECEDENCE_WORDS),
  'NIACT',
  ...TAGS_KEYWORDS,
  ...SUBJECT_KEYWORDS,
  ...REF_KEYWORDS,
  'PROGRAM',
  'CLASSIFIED BY',
  'DERIVED FROM',
  'E.O.',
  'E. O.',
  'EO',
  ...WEEKDAYS,
  'THIS RECORD IS A PARTIAL EXTRACT',
  'INFO',
  'ACTION',
  'PAGE',
  ...BANNER_FIRST_WORDS,
  'S E C R E T',
  'O N F I D E N T I A L',
  'I M I T E D',
];
/** A word of the vocabulary in upper, lower or mixed case. */
const anyCaseWord = fc.tuple(fc.constantFrom(...words), fc.array(fc.boolean(), { minLength: 40, maxLength: 40 })).map(([w, up]) =>
  [...w].map((ch, k) => (up[k] ? ch.toUpperCase() : ch.toLowerCase())).join(''),
);
const piece = fc.oneof(
  anyCaseWord,
  fc.constantFrom('(', ')', '-', '--', ' ', '  ', '.', ':', ',', ';', '/', '¶', '•', '*', 'o', 'i', 'v', 'x', 'ſ', 'ß', 'é', '\u2014'),
  fc.integer({ min: 0, max: 2020 }).map(String),
  fc.string({ minLength: 1, maxLength: 3 }),
);
/** A line as the gates see it: from its first non-blank character. */
const line = fc.array(piece, { minLength: 1, maxLength: 8 }).map((p) => p.join('').trimStart()).filter((s) => s.length > 0);

/** Asserts `holds` for random lines and every corpus line, naming the first line where it fails. */
function forEveryLine(name: string, holds: (s: string) => boolean): void {
  fc.assert(fc.property(line, holds), { numRuns: RUNS });
  for (const s of corpusLines) assert.ok(holds(s), `${name}: ${JSON.stringify(s.slice(0, 80))}`);
}

const c = codeAt;

test('opensBlockKeyword and blockKeywordNear let through every line BLOCK_KW matches', () => {
  forEveryLine('block keyword', (s) => {
    BLOCK_KW.lastIndex = 0;
    if (!BLOCK_KW.test(s)) return true;
    return opensBlockKeyword(c(s, 0), c(s, 1), c(s, 2)) && blockKeywordNear(c(s, 0), c(s, 1), c(s, 2), c(s, 3));
  });
});

test('labelGate and opensLabel let through every sub-paragraph label and bullet', () => {
  forEveryLine('label', (s) => {
    // The recognisers read the line's text without its trailing blanks, at most 240 characters of it.
    const t = s.trimEnd();
    const prefix = t.slice(0, 240);
    const gate = labelGate(s, 0, t.length);
    const sub = !SUBPARA_RE.test(prefix) || (gate & LabelGate.SubParagraph) !== 0;
    const bullet = !BULLET_RE.test(prefix) || (gate & LabelGate.Bullet) !== 0;
    const opens = !(SUBPARA_RE.test(prefix) || BULLET_RE.test(prefix)) || opensLabel(c(s, 0), c(s, 1));
    return sub && bullet && opens;
  });
});

test('opensPlainText is false for every line that opens a paragraph, label, block, PAGE line or repeated banner', () => {
  forEveryLine('plain text', (s) => {
    const t = s.trimEnd();
    if (!t || !opensPlainText(t, 0, t.length)) return true;
    BLOCK_KW.lastIndex = 0;
    // pageFurniture reads a repeated banner on a line up to 400 characters that ends in a digit or is short,
    // and that opensBanner lets through (a stray first letter it never reads: see the banner test below).
    const last = t.charCodeAt(t.length - 1);
    const reads = t.length <= 400 && (isDigit(last) || t.length <= 40) && opensBanner(c(t, 0), c(t, 1));
    const banner = reads ? readRepeatedBanner(t, 0, 0, t.length) : undefined;
    const page = t.length <= 400 && PAGE_LINE_I.test(t);
    return !PARA_RE.test(t) && !SUBPARA_RE.test(t) && !BULLET_RE.test(t) && !BLOCK_KW.test(t) && !page && !banner;
  });
});

test('upperCaseReaders lets through every line the upper-casing header recognisers take', () => {
  forEveryLine('upper-case readers', (s) => {
    const t = s.trimEnd();
    const u = t.toUpperCase();
    const taken = u.startsWith('THIS RECORD IS A PARTIAL EXTRACT') || INFO_LOG.test(u) || ACTION_LINE.test(u) || PAGE_LINE.test(u) || WEEKDAY.test(u);
    return !taken || upperCaseReaders(t, t.charCodeAt(0), false, false);
  });
});

test('mayOpenKeyword lets through every heading keyword and caption line', () => {
  forEveryLine('keyword', (s) => {
    const t = s.trimEnd();
    const u = t.toUpperCase();
    const keyword = EO_RE.test(u) || TAGS_RE.test(u) || SUBJECT_RE.test(u) || REF_RE.test(u) || CLASSIFIED_BY_RE.test(u) || (u.startsWith('(') && markedClassifiedBy(u) > 0);
    return !(keyword || isCaptionText(u)) || mayOpenKeyword(t);
  });
});

test('opensBanner lets through every classification line but those with a stray first letter', () => {
  forEveryLine('banner', (s) => {
    const cw = readClassificationWords(s, 0);
    if (!cw) return true;
    const stray = cw.damaged && bannerDamage(s.slice(0, cw.end), cw.level) === 'stray';
    return stray || opensBanner(c(s, 0), c(s, 1));
  });
});

test('precedenceWord reads exactly the precedence words, in any case', () => {
  fc.assert(
    fc.property(fc.oneof(anyCaseWord, fc.string({ maxLength: 10 })), (w) => {
      const up = w.toUpperCase();
      return precedenceWord(w, 0, w.length) === (PRECEDENCE_WORDS[up] !== undefined ? up : '');
    }),
    { numRuns: RUNS },
  );
});
