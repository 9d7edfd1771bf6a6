/**
 * The cable preview's view model (no VS Code): the heading decoded into words, TAGS, references, the
 * E.O. line and Classified By in words, paragraphs with their markings, blocks set apart, withheld text,
 * and every element tied to the source lines it stands for.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCable } from '../../server/src/service/parse.ts';
import { parseCableFile } from '../../server/src/service/sequence.ts';
import { Dictionary } from '../../server/src/service/dictionary.ts';
import { previewDocument, type PreviewOptions } from '../../server/src/service/features/preview.ts';
import type { PreviewCable, PreviewDocument, PreviewLine, PreviewNode, PreviewParagraph } from '../../server/src/service/features/previewTypes.ts';

const dict = Dictionary.default();
const root = join(__dirname, '..', '..');
const seedText = readFileSync(join(root, 'test', 'fixtures', 'seed', '09BRUSSELS995.cable'), 'utf8');
const corpus = join(root, '..', 'shared', 'corpus');

function previewFile(text: string, options: Partial<PreviewOptions> = {}): PreviewDocument {
  return previewDocument(parseCableFile(text, parseCable), dict, { uri: 'file:///ws/x.cable', version: 7, ...options });
}

/** The preview of a text of one cable: its only cable. */
function preview(text: string, options: Partial<PreviewOptions> = {}): PreviewCable {
  const file = previewFile(text, options);
  assert.equal(file.cables.length, 1, 'one cable');
  return file.cables[0]!;
}

function field(doc: PreviewCable, label: string) {
  const f = doc.header?.fields.find((x) => x.label === label);
  assert.ok(f, `no ${label} row in ${doc.header?.fields.map((x) => x.label).join(', ')}`);
  return f.items;
}

const lineText = (l: PreviewLine): string => l.runs.map((r) => r.text).join('');

function paragraphs(nodes: PreviewNode[]): PreviewParagraph[] {
  return nodes.flatMap((n) => (n.kind === 'paragraph' ? [n] : n.kind === 'block' ? paragraphs(n.children) : []));
}

test('seed: the classification bar, the id and the heading card in words', () => {
  const lines = seedText.split('\n');
  const file = previewFile(seedText);
  assert.equal(file.uri, 'file:///ws/x.cable');
  assert.equal(file.version, 7);
  assert.equal(file.lineCount, lines.length);
  assert.deepEqual(file.notes, []);
  const doc = preview(seedText);
  assert.equal(doc.id, '09BRUSSELS995');
  assert.deepEqual(doc.lines, [0, lines.length - 1], 'the cable spans the file');
  assert.deepEqual(doc.classification, { level: 'C', marking: 'CONFIDENTIAL', words: 'Confidential', caveats: [], lines: [12, 12] });

  assert.deepEqual(field(doc, 'Precedence').map((i) => [i.text, i.code]), [['Routine', 'R']]);
  assert.equal(field(doc, 'From')[0]!.text, 'AMEMBASSY BRUSSELS');
  const [to] = field(doc, 'To');
  assert.equal(to!.text, 'DEPT OF STATE WASHINGTON DC', 'the station RUEHC names');
  assert.equal(to!.code, 'RUEHC');
  assert.match(to!.detail!, /SECSTATE WASHDC.*message 9227/);
  const [info] = field(doc, 'Info');
  assert.equal(info!.text, 'EUROPEAN POLITICAL COLLECTIVE');
  assert.match(info!.detail!, /not in the Allied Routing Indicator Book/);

  const [dtg] = field(doc, 'Date-time group');
  assert.equal(dtg!.text, '20 July 2009, 15:47 UTC');
  assert.equal(dtg!.code, '201547Z JUL 09');
  assert.equal(dtg!.instant, Date.UTC(2009, 6, 20, 15, 47), 'the instant the webview shows in local time');
  const [filed] = field(doc, 'Filed');
  assert.equal(filed!.text, '20 July 2009, 15:47 UTC');
  assert.equal(filed!.detail, 'Julian day 201; same minute as the DTG');
  const [security] = field(doc, 'Security');
  assert.equal(security!.text, 'Confidential');
  assert.equal(security!.code, 'ZNY CCCCC ZZH');
  assert.equal(field(doc, 'Sending station')[0]!.text, 'AMEMBASSY BRUSSELS');

  // Each row points at the line it decodes.
  for (const f of doc.header!.fields) {
    for (const it of f.items) if (it.code) assert.ok(lines[it.lines[0]]!.includes(it.code.split(' ')[0]!), `${f.label}: ${it.code} on line ${it.lines[0]}`);
  }
});

test('seed: captions, TAGS chips, subject, REF, E.O. and Classified By in words', () => {
  const doc = preview(seedText, { resolve: (id) => (id === '09STATE71326' ? { uri: 'file:///ws/09STATE71326.cable', line: 0 } : undefined) });
  assert.deepEqual(doc.captions.map((c) => [c.name, c.title]), [['SIPDIS', 'SIPRNet distribution']]);
  assert.deepEqual(doc.distribution.map((d) => d.text), ['STATE FOR EUR/WE, EUR/RPM, EUR/ERA AND EUR/RUS']);
  assert.deepEqual(
    doc.tags!.chips.map((c) => [c.code, c.title, c.kindWords]),
    [
      ['PREL', 'Political Affairs--External Political Relations', 'Subject TAGS (Political Affairs)'],
      ['PARM', 'Arms Control and Disarmament', 'Subject TAGS (Political Affairs)'],
      ['PGOV', 'Internal Governmental Affairs', 'Subject TAGS (Political Affairs)'],
      ['RS', 'Russia', 'Geographic TAGS: country (FIPS 10-4)'],
      ['BE', 'Belgium', 'Geographic TAGS: country (FIPS 10-4)'],
    ],
  );
  assert.equal(doc.subject!.text, 'BELGIAN REACTION TO RESULTS OF U.S.-RUSSIA PRESIDENTIAL SUMMIT');
  assert.deepEqual(doc.subject!.lines, [20, 21]);
  assert.deepEqual(doc.references, [{ text: 'STATE 71326', cableId: '09STATE71326', target: 'file:///ws/09STATE71326.cable', lines: [23, 23] }]);
  assert.equal(preview(seedText).references[0]!.target, undefined, 'no target when the workspace lacks the cable');

  assert.equal(doc.declassification!.written, 'E.O. 12958: DECL: 07/16/2019');
  assert.equal(doc.declassification!.instruction, 'Declassify on 16 July 2019, 10 years after the cable');
  assert.match(doc.declassification!.order!, /^E\.O\. 12958 .*in force 1995–2010$/);
  assert.equal(doc.classifiedBy!.authority, 'Acting Political Economic Counselor Robert Kiene');
  assert.deepEqual(doc.classifiedBy!.categories.map((c) => c.letter), ['b', 'd']);
  assert.equal(doc.classifiedBy!.categories[0]!.title, 'Foreign government information');
  assert.deepEqual(doc.signature, { names: ['BUSH'], text: 'BUSH', lines: [34, 34] });
});

test('seed: three paragraphs with number, marking badge and the text after the marking', () => {
  const lines = seedText.split('\n');
  const doc = preview(seedText);
  const paras = paragraphs(doc.body);
  assert.deepEqual(paras.map((p) => [p.number, p.marking?.text, p.marking?.level, p.marking?.words, p.lines]), [
    [1, '(C)', 'C', 'Confidential', [28, 28]],
    [2, '(C)', 'C', 'Confidential', [30, 30]],
    [3, '(C)', 'C', 'Confidential', [32, 32]],
  ]);
  for (const p of paras) {
    assert.equal(p.text.length, 1);
    assert.equal(lineText(p.text[0]!), lines[p.lines[0]]!.slice('1. (C) '.length).trimEnd());
  }
});

const SYNTHETIC = `VZCZCXRO1234
OO RUEHBS RUEHFR
DE RUEHMO #0456/01 0521030
ZNY SSSSS ZZH
O P 211030Z FEB 08
FM AMEMBASSY MOSCOW
TO RUEHC/SECSTATE WASHDC IMMEDIATE 6789
INFO RUEHBS/AMEMBASSY BRUSSELS PRIORITY 0101

S E C R E T SECTION 01 OF 02 MOSCOW 000456

NOFORN
SIPDIS

E.O. 12958: DECL: 02/20/2018
TAGS: PREL, KNNP, RS, POGOV
SUBJECT: (S//NF) A SYNTHETIC CABLE FOR THE PREVIEW

REF: A. STATE 12345 B. 07 MOSCOW 999

Classified By: Ambassador Jane Example, reasons 1.4 (b) and (d).

1. (S//NF) Summary: The first paragraph summarises. It runs over
two lines.

2. (C) The summary goes on here. End summary.

3. (S) The ministry official, XXXXXXXXXXXX, said three things:

A. (C) the first thing;

B. (S) the second thing, which was
longer than one line;

-- a bullet without a marking.

-----------------
THE OUTLOOK
-----------------

4. (C) The outlook is mixed (see 08MOSCOW111). Comment: We doubt it. End comment. More text follows.

EXAMPLE
`;

test('synthetic: SECRET//NOFORN, dual precedence, addressees by station, section, slips among TAGS', () => {
  const doc = preview(SYNTHETIC);
  assert.equal(doc.classification.marking, 'SECRET//NOFORN');
  assert.equal(doc.classification.level, 'S');
  assert.deepEqual(doc.classification.caveats, [{ code: 'NOFORN', title: 'Not releasable to foreign nationals' }]);
  assert.equal(doc.classification.section, 'Section 1 of 2');
  assert.deepEqual(field(doc, 'Precedence').map((i) => i.text), ['Immediate', 'Priority']);
  assert.deepEqual(field(doc, 'To').map((i) => [i.text, i.detail]), [['DEPT OF STATE WASHINGTON DC', 'written SECSTATE WASHDC; Immediate; message 6789']]);
  assert.deepEqual(field(doc, 'Info').map((i) => [i.text, i.code]), [['AMEMBASSY BRUSSELS', 'RUEHBS']]);
  assert.deepEqual(field(doc, 'Routed to').map((i) => i.text), ['AMEMBASSY BRUSSELS', 'AMEMBASSY PARIS']);
  assert.equal(field(doc, 'Sending station')[0]!.detail, 'station serial #0456, section 1');
  assert.deepEqual(doc.subject!.marking, { text: '(S//NF)', level: 'S', words: 'Secret, not releasable to foreign nationals' });
  const slip = doc.tags!.chips.find((c) => c.code === 'POGOV')!;
  assert.equal(slip.note, 'Stands for PGOV');
  assert.equal(slip.kindWords, 'Not in the TAGS lists');
  assert.equal(doc.tags!.chips.find((c) => c.code === 'KNNP')!.kindWords, 'Program TAGS (K TAGS)');
  assert.equal(doc.declassification!.instruction, 'Declassify on 20 February 2018, 10 years after the cable');
});

test('synthetic: references in the workspace link, the others say they are absent', () => {
  const doc = preview(SYNTHETIC, { resolve: (id) => (id === '08STATE12345' ? { uri: 'file:///ws/a.cable', line: 0 } : undefined) });
  assert.deepEqual(
    doc.references.map((r) => [r.label, r.text, r.cableId, r.target]),
    [
      ['A', 'STATE 12345', '08STATE12345', 'file:///ws/a.cable'],
      ['B', '07 MOSCOW 999', '07MOSCOW999', undefined],
    ],
  );
});

test('synthetic: a SUMMARY over two paragraphs is one block; a COMMENT inside a line is a marked run', () => {
  const doc = preview(SYNTHETIC, { resolve: (id) => (id === '08MOSCOW111' ? { uri: 'file:///ws/08MOSCOW111.cable', line: 0 } : undefined) });
  const [summary] = doc.body;
  assert.equal(summary!.kind, 'block');
  assert.ok(summary!.kind === 'block');
  assert.equal(summary.block, 'summary');
  assert.equal(summary.title, 'Summary');
  assert.deepEqual(summary.children.map((c) => (c.kind === 'paragraph' ? c.number : c.kind)), [1, 2]);
  assert.deepEqual(summary.lines, [22, 25]);

  const p4 = paragraphs(doc.body).find((p) => p.number === 4)!;
  const runs = p4.text[0]!.runs;
  assert.deepEqual(
    runs.map((r) => [r.text, r.block, r.cable?.id, r.cable?.target]),
    [
      ['The outlook is mixed (see ', undefined, undefined, undefined],
      ['08MOSCOW111', undefined, '08MOSCOW111', 'file:///ws/08MOSCOW111.cable'],
      ['). ', undefined, undefined, undefined],
      ['Comment: We doubt it. End comment', 'comment', undefined, undefined],
      ['. More text follows.', undefined, undefined, undefined],
    ],
  );
});

test('synthetic: withheld text, sub-paragraphs and bullets, an underlined heading', () => {
  const doc = preview(SYNTHETIC);
  const p3 = paragraphs(doc.body).find((p) => p.number === 3)!;
  assert.deepEqual(p3.text[0]!.runs, [{ text: 'The ministry official, ' }, { text: 'XXXXXXXXXXXX', redacted: true }, { text: ', said three things:' }]);
  assert.deepEqual(
    p3.text.map((l) => [l.line, l.sub?.label, l.sub?.marking?.text, l.indent ?? false, lineText(l)]),
    [
      [27, undefined, undefined, false, 'The ministry official, XXXXXXXXXXXX, said three things:'],
      [29, 'A', '(C)', false, 'the first thing;'],
      [31, 'B', '(S)', false, 'the second thing, which was'],
      [32, undefined, undefined, true, 'longer than one line;'],
      [34, '--', undefined, false, 'a bullet without a marking.'],
    ],
  );
  // The heading between its rules leaves paragraph 3 and stands before paragraph 4, without the rules.
  const i = doc.body.findIndex((n) => n.kind === 'heading');
  assert.deepEqual(doc.body[i], { kind: 'heading', title: 'THE OUTLOOK', lines: [37, 37] });
  const next = doc.body[i + 1];
  assert.equal(next?.kind === 'paragraph' ? next.number : undefined, 4);
  assert.equal(p3.lines[1], 34, 'paragraph 3 ends with its last line of text');
  assert.deepEqual(doc.signature?.names, ['EXAMPLE']);
  assert.ok(!JSON.stringify(doc.body).includes('EXAMPLE'), 'the signature is not running text');
});

test('a cable with no banner and no heading still previews, and says it states no level', () => {
  const doc = preview('Just a line of text.\n\nAnd another one.\n');
  assert.equal(doc.classification.marking, 'NO CLASSIFICATION MARKING');
  assert.equal(doc.classification.level, undefined);
  assert.equal(doc.header, undefined);
  assert.deepEqual(
    doc.body.map((n) => (n.kind === 'text' ? n.text.map(lineText) : n.kind)),
    [['Just a line of text.'], ['And another one.']],
  );
});

test('running text past the limit is left out, and a note says where the preview stops', () => {
  const doc = preview(SYNTHETIC, { maxBodyChars: 120 });
  assert.ok(paragraphs(doc.body).length < 4);
  assert.equal(doc.notes.length, 1);
  assert.match(doc.notes[0]!, /^The preview shows the text up to line \d+ of 44/);
});

test('bad input: empty, NUL bytes, CRLF, a 100 000-character line, half-typed lines never throw', () => {
  const inputs = [
    '',
    '\u0000\u0001\u0002 binary \u0000',
    SYNTHETIC.replace(/\n/g, '\r\n'),
    `C O N F I D E N T I A L\n\n1. (C) ${'word '.repeat(20_000)}\n`,
    `${'X'.repeat(100_000)}\n`,
    'VZCZC\nRR\nDE RUEH\nZNY\nR 2015\nFM\nTO RUEHC/\n\nS E C R\nE.O. 12958: DECL: 13/45/20\nTAGS:\nSUBJECT:\nREF: A.\n1. (\n',
  ];
  for (const text of inputs) {
    const doc = preview(text);
    assert.doesNotThrow(() => JSON.stringify(doc));
  }
  const crlf = preview(SYNTHETIC.replace(/\n/g, '\r\n'));
  assert.deepEqual(JSON.parse(JSON.stringify(crlf)), JSON.parse(JSON.stringify(preview(SYNTHETIC))), 'CRLF previews as LF');
});

/** Every element's lines lie in the text, and every line's runs spell a piece of that line. */
function checkLines(doc: PreviewCable, lines: string[], name: string): void {
  const inText = (span: [number, number], what: string) =>
    assert.ok(span[0] >= 0 && span[0] <= span[1] && span[1] < lines.length, `${name}: ${what} lines ${span} outside the text`);
  const walk = (nodes: PreviewNode[]) => {
    for (const n of nodes) {
      inText(n.lines, n.kind);
      if (n.kind === 'block') walk(n.children);
      else if (n.kind !== 'heading') {
        for (const l of n.text) {
          assert.ok(l.line >= n.lines[0] && l.line <= n.lines[1], `${name}: line ${l.line} outside its ${n.kind} ${n.lines}`);
          assert.ok(lines[l.line]!.includes(lineText(l)), `${name}: line ${l.line} does not hold ${JSON.stringify(lineText(l).slice(0, 60))}`);
        }
      }
    }
  };
  walk(doc.body);
  for (const f of doc.header?.fields ?? []) for (const it of f.items) inText(it.lines, f.label);
  for (const c of doc.tags?.chips ?? []) inText(c.lines, 'TAGS');
  for (const r of doc.references) inText(r.lines, 'REF');
}

test('fixtures: element lines lie in the text and runs spell their lines', () => {
  const dirs = ['cables', 'cables-features', 'e2e', 'seed'].map((d) => join(root, 'test', 'fixtures', d));
  for (const dir of dirs) {
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.cable'))) {
      const text = readFileSync(join(dir, f), 'utf8');
      checkLines(preview(text), parseCable(text).lines, f);
    }
  }
});

test('corpus: every cable previews, with lines in the text and the paragraphs the parser found', { skip: existsSync(corpus) ? false : 'no ../shared/corpus' }, () => {
  let files = 0;
  let blocks = 0;
  for (const f of readdirSync(corpus).filter((x) => x.endsWith('.cable'))) {
    const text = readFileSync(join(corpus, f), 'utf8');
    const model = parseCable(text);
    const doc = previewDocument({ parts: [{ model, line: 0 }] }, dict, { uri: f, version: 1 }).cables[0]!;
    checkLines(doc, model.lines, f);
    assert.deepEqual(
      paragraphs(doc.body).map((p) => p.number),
      model.paragraphs.map((p) => p.number.value),
      `${f}: every paragraph is shown once, in order`,
    );
    blocks += JSON.stringify(doc.body).split('"kind":"block"').length - 1;
    files++;
  }
  assert.ok(files > 800, `${files} corpus cables`);
  assert.ok(blocks > 500, `SUMMARY and COMMENT blocks set apart across the corpus: ${blocks}`);
});
