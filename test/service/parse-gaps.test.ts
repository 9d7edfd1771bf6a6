/**
 * Parser gaps found on real cables, each reproduced on a small synthetic cable (no corpus text): a
 * fixed routing header, then the banner and the lines under test.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCable } from '../../server/src/service/parse.ts';
import type { CableDocument, Range } from '../../server/src/service/model.ts';
import { computeFindings } from '../../server/src/service/diagnostics.ts';
import { Dictionary } from '../../server/src/service/dictionary.ts';
import { resolveSettings } from '../../server/src/service/settings.ts';

/** The rules' findings: how a defect the parser read (a field of the model) reaches the reader. */
const findings = (doc: CableDocument) => computeFindings(doc, resolveSettings(undefined), Dictionary.default());

const HEAD = [
  'VZCZCXYZ0002',
  'RR RUEHWEB',
  '',
  'DE RUEHLM #0456 2101300',
  'ZNY SSSSS ZZH',
  'R 291300Z JUL 08',
  'FM AMEMBASSY LIMA',
  'TO RUEHC/SECSTATE WASHDC 2222',
  '',
].join('\n');

function cable(body: string, banner = 'S E C R E T LIMA 000456'): CableDocument {
  return parseCable(`${HEAD}\n${banner}\n\n${body}\n`);
}

function at(doc: CableDocument, r: Range): string {
  return doc.lines[r.start.line].slice(r.start.character, r.end.character);
}

test('a dashed portion marking (S-NF) reads as SECRET + NOFORN', () => {
  const doc = cable('NOFORN\n\nE.O. 12958: DECL: 07/29/2018\nTAGS: PREL, PGOV\nSUBJECT: A PLAIN SUBJECT\n\n1. (S-NF) The lead of the first paragraph.\n\n2. (C-XYZ) Not a known control.');
  const [p1, p2] = doc.paragraphs;
  assert.equal(p1.marking?.level, 'S');
  assert.deepEqual(p1.marking?.caveats, ['NOFORN']);
  assert.equal(at(doc, p1.marking!.range), '(S-NF)');
  assert.equal(p1.marking?.malformed, undefined);
  // Both halves must be known: an unknown control after the dash is not read as a marking.
  assert.equal(p2.marking, undefined);
});

test('a spaced banner whose first letter was lost reads as its level, flagged as damaged', () => {
  const doc = cable('E.O. 12958: DECL: 07/29/2018\nTAGS: PREL\nSUBJECT: A PLAIN SUBJECT\n\n1. (C) Text.', 'O N F I D E N T I A L LIMA 000456');
  assert.equal(doc.banner?.level, 'C');
  assert.equal(doc.banner?.damaged, true);
  assert.equal(at(doc, doc.banner!.classification.range), 'O N F I D E N T I A L');
  assert.equal(doc.banner?.post?.text, 'LIMA');
  assert.ok(findings(doc).some((f) => f.rule.code === 'classification-banner-damaged' && /lost its first letter/.test(f.message)));
  assert.ok(!doc.problems.some((p) => p.code === 'banner-missing'));
  const secret = cable('1. (S) Text.', 'E C R E T LIMA 000456');
  assert.equal(secret.banner?.level, 'S');
  // Unspaced, or spaced words that only start like one, are not banners.
  assert.equal(cable('1. Text.', 'ONFIDENTIAL LIMA 000456').banner, undefined);
  assert.equal(cable('1. Text.', 'O N E LIMA 000456').banner, undefined);
});

test('a Derived From line stands for the Classified By line (a guide carries its reasons)', () => {
  const doc = cable('E.O. 12958: DECL: 07/29/2018\nTAGS: PREL\nSUBJECT: A PLAIN SUBJECT\nREF: 08 LIMA 123\nDERIVED FROM: GUIDE 05-1 B, D\n\n1. (C) Text.');
  assert.equal(doc.classifiedBy?.keyword.text, 'DERIVED FROM:');
  assert.equal(at(doc, doc.classifiedBy!.authority!.range), 'GUIDE 05-1 B, D');
  assert.ok(!doc.problems.some((p) => p.code === 'classified-by-no-reason'));
  // The line is not swallowed by the reference list above it.
  assert.equal(doc.references[0]?.range.end.line, doc.references[0]?.range.start.line);
  // Without its colon, `Derived from` starts an ordinary sentence.
  const prose = cable('E.O. 12958: DECL: 07/29/2018\nTAGS: PREL\nSUBJECT: A PLAIN SUBJECT\n\n1. (C) Derived from earlier talks, the plan is new.');
  assert.equal(prose.classifiedBy, undefined);
});

test('a lettered REF item covers its text; the label has its own range', () => {
  const doc = cable('E.O. 12958: DECL: 07/29/2018\nTAGS: PREL\nSUBJECT: A PLAIN SUBJECT\nREF: A. 08 LIMA 123 B. (B) STATE 4567\n\n1. (C) Text.');
  const [a, b] = doc.references[0].items;
  assert.equal(at(doc, a.range), '08 LIMA 123');
  assert.equal(a.label, 'A');
  assert.equal(at(doc, a.labelRange!), 'A.');
  assert.equal(a.cableId, '08LIMA123');
  assert.equal(at(doc, b.labelRange!), 'B.');
  assert.equal(b.label, 'B');
});

test('an END split over two lines (End / Summary.) closes the block; the second half opens nothing', () => {
  const doc = cable(
    'E.O. 12958: DECL: 07/29/2018\nTAGS: PREL\nSUBJECT: A PLAIN SUBJECT\n\n1. (C) Summary: the talks went well and both sides agreed. End\nSummary.\n\n2. (C) The rest of the text, which runs to the end\nsummary judgments of the court aside.',
  );
  const summaries = doc.blocks.filter((b) => b.kind === 'summary');
  assert.equal(summaries.length, 1);
  const end = summaries[0].end!;
  assert.equal(end.text, 'End Summary');
  assert.equal(doc.lines[end.range.start.line].slice(end.range.start.character), 'End');
  assert.equal(end.range.end.line, end.range.start.line + 1);
  assert.equal(doc.lines[end.range.end.line].slice(0, end.range.end.character), 'Summary');
  // Prose that wraps after "the end" is not a marker: the word must close with punctuation or the line.
  assert.equal(doc.blocks.filter((b) => b.end && b.end.range.start.line !== b.end.range.end.line).length, 1);
});

test('a wrapped sub-paragraph runs to its last line; a label-like wrap in running text stays one line', () => {
  const doc = cable(
    [
      'E.O. 12958: DECL: 07/29/2018',
      'TAGS: PREL',
      'SUBJECT: A PLAIN SUBJECT',
      '',
      '1. (C) The minister listed three points:',
      'A. the first point, which wraps',
      'onto a second line and a third',
      'line before the next item;',
      'B. the second point;',
      '',
      'C. the third point, after a break,',
      'also wrapped.',
      '',
      '2. (C) Running text that mentions the plan',
      '-- which was new -- and goes on for',
      'another line.',
    ].join('\n'),
  );
  const [p1, p2] = doc.paragraphs;
  const lines = p1.subParagraphs.map((s) => [s.label, s.range.end.line - s.range.start.line]);
  assert.deepEqual(lines, [
    ['A', 2],
    ['B', 0],
    ['C', 1],
  ]);
  assert.equal(p1.subParagraphs[0].range.start.character, 0);
  assert.equal(doc.lines[p1.subParagraphs[0].range.end.line].slice(0, p1.subParagraphs[0].range.end.character), 'line before the next item;');
  // A dash wrapped to a line start inside a sentence: if read as a bullet at all, it does not take in the lines after it.
  for (const s of p2.subParagraphs) assert.equal(s.range.end.line, s.range.start.line);
});

test('a lone SIPDIS between paragraphs is one inline caption, not a heading', () => {
  const doc = cable('SIPDIS\n\nE.O. 12958: DECL: 07/29/2018\nTAGS: PREL\nSUBJECT: A PLAIN SUBJECT\n\n1. (C) Text one.\n\nSIPDIS\n\n2. (C) Text two.\n\nA Real Heading\n\n3. (C) Text three.');
  const sip = doc.captions.filter((c) => c.name === 'SIPDIS');
  assert.deepEqual(
    sip.map((c) => [c.range.start.line, !!c.inline]),
    [
      [11, false],
      [19, true],
    ],
  );
  assert.deepEqual(
    doc.headings.map((h) => h.title),
    ['A Real Heading'],
  );
});

test('an E.O. line run onto the passing line, and TAGS run onto the E.O. line without a colon', () => {
  const doc = cable('DEPT FOR ARA/XYZ E.O. 12958: DECL: 07/29/2018\nTAGS: PREL\nSUBJECT: A PLAIN SUBJECT\n\n1. (C) Text.');
  assert.equal(at(doc, doc.eo!.range), 'E.O. 12958: DECL: 07/29/2018');
  assert.equal(doc.eo?.kind, 'date');
  assert.equal(at(doc, doc.distribution[0].range), 'DEPT FOR ARA/XYZ');
  const tagged = cable('E.O. 12958: DECL: 07/29/2018 TAG PREL, PGOV\nSUBJECT: A PLAIN SUBJECT\n\n1. (C) Text.');
  assert.equal(at(doc, doc.eo!.instruction!.range), 'DECL: 07/29/2018');
  assert.equal(at(tagged, tagged.eo!.range), 'E.O. 12958: DECL: 07/29/2018');
  assert.deepEqual(tagged.tags?.tags.map((t) => t.text), ['PREL', 'PGOV']);
});
