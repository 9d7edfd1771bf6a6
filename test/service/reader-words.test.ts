/**
 * Everything a user reads speaks to a reader of cables: hovers, rule messages (with their related notes and
 * quick-fix titles), completion details and snippet descriptions cite sources as a reader would (5 FAH-1
 * H-246.2, ACP 127(G), FIPS 10-4, the 1974 TAGS handbook) and never name the project's own files, its test
 * corpora, the packages or parsers its data came through, or its internals. Provenance belongs in
 * server/data/SOURCES.md.
 *
 * The texts are generated, not listed: a hover at every word of every corpus cable (../shared/corpus, read at
 * run time; skipped when absent) and of every fixture, every rule's messages over those cables and over
 * synthetic cables with one defect of each rule's kind, completion at every position of the fixtures'
 * headings, and the snippets' descriptions.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { CompletionItem, MarkupContent } from 'vscode-languageserver-types';
import { failParsesAtLine, parseCable } from '../../server/src/service/parse.ts';
import { hover } from '../../server/src/service/features/hover.ts';
import { completion } from '../../server/src/service/features/completion.ts';
import { codeActions } from '../../server/src/service/features/codeActions.ts';
import { computeDiagnostics, computeFindings, type RuleFinding } from '../../server/src/service/diagnostics.ts';
import { Dictionary } from '../../server/src/service/dictionary.ts';
import { resolveSettings } from '../../server/src/service/settings.ts';
import { RULES } from '../../server/src/service/rules/index.ts';
import { CLEAN, CLEAN_UNCLAS, edit } from './rulesHelpers.ts';

const root = join(__dirname, '..', '..');
const corpus = join(root, '..', 'shared', 'corpus');
const dict = Dictionary.default();
const settings = resolveSettings(undefined);

// ---------------------------------------------------------------------------------------------
// What a reader must never be shown

const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** Packages and repositories the data passed through (server/data/SOURCES.md names them). */
const DATA_CHANNELS = ['country-code-lookup', 'cablemap', 'heuer', 'leuc', 'o9812', 'Wikileaks-Stock-Market', 'zotero', 'route2name', '_TAG_FIXES'];

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

const FORBIDDEN: { why: string; re: RegExp }[] = [
  { why: 'a file name', re: /\w\.(?:json|md|tsv|txt|csv|py|ts|mjs|js)\b/i },
  { why: 'a corpus', re: /corpus/i },
  { why: 'the project\'s observations', re: /\bobserv(?:ed|ation)\b/i },
  { why: 'the project\'s reference', re: /cable-format|format reference|project reference|glossary|supplement/i },
  { why: 'a package manager', re: /\bnpm\b/i },
  { why: 'a code host', re: /github/i },
  { why: 'a package licence', re: /\((?:MIT|BSD-3-Clause)\)/ },
  ...DATA_CHANNELS.map((name) => ({ why: `where the data came from (${name})`, re: new RegExp(`(?<![\\w-])${escape(name)}(?![\\w-])`, 'i') })),
  ...Object.keys({ ...manifest.dependencies, ...manifest.devDependencies }).map((name) => ({
    why: `a package (${name})`,
    re: new RegExp(`(?<![\\w-])${escape(name)}(?![\\w-])`, 'i'),
  })),
];

/** Text → where it was first seen, so each distinct text is checked once. */
class Texts {
  readonly seen = new Map<string, string>();
  add(text: string | undefined, where: string): void {
    if (text && !this.seen.has(text)) this.seen.set(text, where);
  }
  violations(allowed: RegExp[] = []): string[] {
    const out: string[] = [];
    for (const [text, where] of this.seen) {
      let checked = text;
      for (const a of allowed) checked = checked.replace(a, '');
      for (const f of FORBIDDEN) {
        const m = f.re.exec(checked);
        if (m) out.push(`${where} | names ${f.why} ('${m[0]}'): ${JSON.stringify(text.slice(0, 300))}`);
      }
    }
    return out;
  }
}

function report(t: { diagnostic: (s: string) => void }, kind: string, texts: Texts, violations: string[]): void {
  t.diagnostic(`${kind}: ${texts.seen.size} distinct texts checked, ${violations.length} naming what a reader should not see`);
  // Enough to act on without flooding the output: the distinct findings, first of each kind.
  assert.deepEqual(violations.slice(0, 40), [], `${violations.length} ${kind} texts name files, corpora, packages or internals`);
}

// ---------------------------------------------------------------------------------------------
// The cables

function cablesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...cablesUnder(path));
    else if (name.endsWith('.cable')) out.push(path);
  }
  return out;
}

const fixtures = cablesUnder(join(root, 'test', 'fixtures')).filter((f) => !f.includes('shrunk'));
const corpusFiles = cablesUnder(corpus);

/** One cable with one defect of each rule's kind (synthetic, from the clean test cables). */
const DEFECTS: [string, string, number?][] = [
  ['dtg-malformed', edit(CLEAN, 'P 141030Z JUL 09', 'P 141030Z JLY 09')],
  ['dtg-invalid-date', edit(CLEAN, 'P 141030Z JUL 09', 'P 321030Z JUL 09')],
  ['dtg-zone', edit(CLEAN, 'P 141030Z JUL 09', 'P 141030A JUL 09')],
  ['dtg-filing-time-mismatch', edit(CLEAN, 'DE RUEHFR #0123/01 1951030', 'DE RUEHFR #0123/01 1901030')],
  ['dtg-filing-time-invalid', edit(CLEAN, 'DE RUEHFR #0123/01 1951030', 'DE RUEHFR #0123/01 0001030')],
  ['dtg-missing', edit(CLEAN, 'P 141030Z JUL 09', '')],
  ['precedence-mismatch', edit(CLEAN, 'PP RUEHWEB', 'OO RUEHWEB')],
  ['serial-mismatch', edit(CLEAN, 'DE RUEHFR #0123/01 1951030', 'DE RUEHFR #0124/02 1951030')],
  ['classification-missing', edit(CLEAN, 'C O N F I D E N T I A L SECTION 01 OF 02 PARIS 000123', '')],
  ['classification-security-line-mismatch', edit(CLEAN, 'ZNY CCCCC ZZH', 'ZNY SSSSS ZZH')],
  ['classification-banner-damaged', edit(CLEAN, 'C O N F I D E N T I A L SECTION 01 OF 02 PARIS 000123', 'CC O N F I D E N T I A L SECTION 01 OF 02 PARIS 000123')],
  ['classification-banner-inconsistent', edit(CLEAN, 'SAMPLE', 'SAMPLE\n\nS E C R E T')],
  ['portion-marking-missing', edit(CLEAN, '2. (C) The second', '2. The second')],
  ['portion-marking-exceeds-banner', edit(CLEAN, '2. (C) The second', '2. (S) The second')],
  ['portion-marking-malformed', edit(CLEAN, '2. (C) The second', '2. (C NF) The second')],
  ['classified-by-missing', edit(CLEAN, 'Classified By:', '')],
  ['classified-by-missing', edit(CLEAN, 'Classified By:', 'Classified By: Political Counselor John Sample.')],
  ['classified-by-reason-invalid', edit(CLEAN, 'Classified By:', 'Classified By: Political Counselor John Sample, reasons 1.5 (b) and (d).')],
  ['classified-by-reason-invalid', edit(CLEAN, 'Classified By:', 'Classified By: Political Counselor John Sample, Reasons 1:4 b,d.')],
  ['classified-by-reason-invalid', edit(CLEAN, 'Classified By:', 'Classified By: Political Counselor John Sample for reasons b, d.')],
  ['caption-conflict', edit(CLEAN, 'SIPDIS', 'SIPDIS\nNODIS')],
  ['declassification-missing', edit(CLEAN, 'E.O. 12958:', '')],
  ['declassification-missing', edit(CLEAN, 'E.O. 12958:', 'E.O. 12958: N/A')],
  ['declassification-date-invalid', edit(CLEAN, 'E.O. 12958:', 'E.O. 12958: DECL: 07/14/2008')],
  ['declassification-date-too-far', edit(CLEAN, 'E.O. 12958:', 'E.O. 12958: DECL: 07/14/2040')],
  ['declassification-on-unclassified', edit(CLEAN_UNCLAS, 'E.O. 12958: N/A', 'E.O. 12958: DECL: 07/14/2019')],
  ['executive-order-era', edit(CLEAN, 'E.O. 12958:', 'E.O. 12356: DECL: 07/14/2019')],
  ['executive-order-era', edit(CLEAN, 'E.O. 12958:', 'E.O. 12598: DECL: 07/14/2019')],
  ['tags-missing', edit(CLEAN, 'TAGS:', '')],
  ['tags-missing', edit(CLEAN, 'TAGS:', 'TAGS:')],
  ['tags-keyword', edit(CLEAN, 'TAGS:', 'TGS: PREL, PGOV, FR')],
  ['tags-unknown', edit(CLEAN, 'TAGS:', 'TAGS: PREL, PGOF, QZQZ, FR')],
  ['subject-missing', edit(CLEAN, 'SUBJECT:', '')],
  ['paragraph-numbering', edit(CLEAN, '3. (U) The third', '4. (U) The third')],
  // No text makes a sound parser fail: the test hook makes it fail at one line, as a parser bug would.
  ['parser-error', CLEAN, CLEAN.split('\n').findIndex((l) => l.startsWith('2. (C)'))],
];

/** Parses `text`, failing at line `failAt` when given (see DEFECTS). */
function parseDefect(text: string, failAt?: number): ReturnType<typeof parseCable> {
  if (failAt === undefined) return parseCable(text);
  failParsesAtLine(failAt);
  try {
    return parseCable(text);
  } finally {
    failParsesAtLine(undefined);
  }
}

// ---------------------------------------------------------------------------------------------

test('reader words: every rule has a synthetic defect cable that makes it speak', () => {
  const silent = RULES.map((r) => r.code).filter((code) => !DEFECTS.some(([c, text, failAt]) => c === code && computeFindings(parseDefect(text, failAt), settings, dict).some((f) => f.rule.code === code)));
  assert.deepEqual(silent, []);
});

test('reader words: hovers over every word of the corpus and the fixtures', (t) => {
  const texts = new Texts();
  let positions = 0;
  for (const file of [...fixtures, ...corpusFiles]) {
    const doc = parseCable(readFileSync(file, 'utf8'));
    const name = file.slice(file.lastIndexOf('/') + 1);
    for (let line = 0; line < doc.lineCount; line++) {
      const s = doc.lines[line]!;
      for (let c = 0; c < s.length; c++) {
        // The start of every word and of every bracketed marking.
        if (!/[\w(¶#/]/.test(s[c]!) || (c > 0 && /\w/.test(s[c - 1]!) && /\w/.test(s[c]!))) continue;
        positions++;
        const h = hover(doc, { line, character: c }, dict);
        if (h) texts.add((h.contents as MarkupContent).value, `hover ${name}:${line + 1}:${c + 1}`);
      }
    }
  }
  t.diagnostic(`${positions} positions in ${fixtures.length} fixtures and ${corpusFiles.length} corpus cables`);
  assert.ok(texts.seen.size > 50, `expected many distinct hovers, got ${texts.seen.size}`);
  report(t, 'hover', texts, texts.violations());
});

function findingTexts(texts: Texts, findings: RuleFinding[], where: string): void {
  for (const f of findings) {
    texts.add(f.message, `${f.rule.code} on ${where}`);
    for (const r of f.related ?? []) texts.add(r.message, `${f.rule.code} (related) on ${where}`);
    texts.add(f.fix?.title, `${f.rule.code} (fix) on ${where}`);
  }
}

test('reader words: rule messages, related notes and quick fixes over real and defect cables', (t) => {
  const texts = new Texts();
  const cli = new Texts();
  const spoke = new Set<string>();
  const cables: [string, string, number?][] = [
    ...[...fixtures, ...corpusFiles].map((f): [string, string] => [f.slice(f.lastIndexOf('/') + 1), readFileSync(f, 'utf8')]),
    ...DEFECTS.map(([code, text, failAt]): [string, string, number?] => [`a synthetic cable with a ${code} defect`, text, failAt]),
  ];
  for (const [where, text, failAt] of cables) {
    const doc = parseDefect(text, failAt);
    const findings = computeFindings(doc, settings, dict, { uri: `file:///cables/${where}` });
    for (const f of findings) spoke.add(f.rule.code);
    findingTexts(texts, findings, where);
    // What the command line prints: the same messages, naming the settings file's keys.
    findingTexts(cli, computeFindings(doc, settings, dict, { setting: (key) => `${key} of .cablerc.json` }), `${where} (cable lint)`);
    const uri = `file:///cables/${where.replace(/\W+/g, '-')}`;
    const diagnostics = computeDiagnostics(doc, settings, dict, uri);
    const whole = { start: { line: 0, character: 0 }, end: { line: doc.lineCount, character: 0 } };
    for (const a of codeActions(doc, uri, whole, diagnostics, settings, dict)) texts.add(a.title, `code action on ${where}`);
  }
  assert.deepEqual(RULES.map((r) => r.code).filter((c) => !spoke.has(c)), [], 'every rule spoke at least once');
  report(t, 'rule message', texts, texts.violations());
  report(t, 'cable lint message', cli, cli.violations([/\.cablerc\.json/g]));
});

test('reader words: completion items and snippets', (t) => {
  const texts = new Texts();
  const add = (item: CompletionItem, where: string): void => {
    texts.add(item.detail, where);
    const doc = item.documentation;
    texts.add(typeof doc === 'string' ? doc : doc?.value, where);
  };
  for (const file of fixtures) {
    const doc = parseCable(readFileSync(file, 'utf8'));
    const name = file.slice(file.lastIndexOf('/') + 1);
    for (let line = 0; line < Math.min(doc.lineCount, 80); line++) {
      const len = doc.lines[line]!.length;
      for (let character = 0; character <= len; character++) {
        for (const item of completion(doc, { line, character }, dict)) add(item, `completion ${name}:${line + 1}:${character + 1} (${item.label})`);
      }
    }
  }
  assert.ok(texts.seen.size > 100, `expected completion details for TAGS, markings, captions and the DTG, got ${texts.seen.size}`);
  const snippets = JSON.parse(readFileSync(join(root, 'snippets', 'cable.json'), 'utf8')) as Record<string, { description: string }>;
  for (const [name, s] of Object.entries(snippets)) texts.add(s.description, `snippet ${name}`);
  report(t, 'completion and snippet', texts, texts.violations());
});

test('reader words: the checker itself catches what it is for', () => {
  const probe = new Texts();
  for (const bad of ['Source: glossary.json', '69 cables in the cable corpus', 'FIPS 10-4 via npm country-code-lookup (MIT)', 'heuer/cablemap _TAG_FIXES', 'observed code (no title found)', 'see cable-format.md §1.5']) {
    probe.add(bad, bad);
  }
  probe.add('FIPS 10-4; 5 FAH-1 H-246.2; ACP 127(G) §203.a; TAGS handbook 1974 §4.a', 'good');
  const caught = new Set(probe.violations().map((v) => v.slice(0, v.indexOf(' | '))));
  assert.deepEqual([...caught].sort(), ['69 cables in the cable corpus', 'FIPS 10-4 via npm country-code-lookup (MIT)', 'Source: glossary.json', 'heuer/cablemap _TAG_FIXES', 'observed code (no title found)', 'see cable-format.md §1.5'].sort());
});
