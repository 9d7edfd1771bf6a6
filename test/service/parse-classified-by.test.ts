// The Classified By authority: each form of the line real cables show, in synthetic cables.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCable } from '../../server/src/service/parse.ts';
import type { CableDocument } from '../../server/src/service/model.ts';

const HEAD = ['R 301200Z MAY 09', 'FM AMEMBASSY MADRID', 'TO RUEHC/SECSTATE WASHDC 1111', '', 'C O N F I D E N T I A L MADRID 000123', ''].join('\n');
const HEADING = 'E.O. 12958: DECL: 05/30/2019\nTAGS: PREL, SP\nSUBJECT: TALKS\n\n';

function cable(block: string, text = '1. (C) Text.'): CableDocument {
  return parseCable(`${HEAD}\n${HEADING}${block}\n\n${text}\n`);
}

function authority(block: string): string | undefined {
  return cable(block).classifiedBy?.authority?.text;
}

/** The WikiLeaks text cut long lines at column 71, inside a word as often as not. */
function cutAt71(line: string): string {
  assert.equal(line.length, 71, 'a line cut at column 71');
  return line;
}

test('Classified By: an authority wrapped onto the next line is joined', () => {
  assert.equal(authority('Classified By: Institutional Affairs Unit Chief John\nSmith, for reasons 1.4 (b) and (d).'), 'Institutional Affairs Unit Chief John Smith');
  assert.equal(
    authority("CLASSIFIED BY: Jane Doe, Charge d'Affaires, U.S.\nEmbassy Tripoli, Department of State.\nREASON: 1.4 (b), (d)"),
    "Jane Doe, Charge d'Affaires, U.S. Embassy Tripoli, Department of State",
  );
  // Cut inside a word at column 71: no blank between the pieces.
  assert.equal(authority(`${cutAt71('Classified By: Acting Deputy Coordinator for Regional Affairs Peter Wil')}\nliams for reasons 1.4 (b) and (d)`), 'Acting Deputy Coordinator for Regional Affairs Peter Williams');
  assert.equal(authority(`${cutAt71('Classified By: Minister Counselor for Political Affairs Jonathan Doe fo')}\nr reasons 1.4 (b) and (d)`), 'Minister Counselor for Political Affairs Jonathan Doe');
  // Cut at a word's end: the reason on the next line is a word of its own.
  assert.equal(authority(`${cutAt71('Classified By: Acting Deputy Coordinator for Regional Affairs Pat Smith')}\nreasons 1.4 (b) and (d)`), 'Acting Deputy Coordinator for Regional Affairs Pat Smith');
  // The authority and its range run over both lines; the reason is still read.
  const doc = cable('Classified By: Institutional Affairs Unit Chief John\nSmith, for reasons 1.4 (b) and (d).');
  const cb = doc.classifiedBy!;
  assert.deepEqual([cb.authority!.range.start.line, cb.authority!.range.end.line], [cb.range.start.line, cb.range.start.line + 1]);
  assert.equal(doc.lines[cb.authority!.range.end.line].slice(0, cb.authority!.range.end.character), 'Smith');
  assert.deepEqual(cb.reason?.letters, ['b', 'd']);
});

test('Classified By: an authority that ends a sentence does not run on', () => {
  assert.equal(authority('Classified By: Ambassador Stephen Doe.\nSIPDIS'), 'Ambassador Stephen Doe');
});

test('Classified By: reason words do not leak into the authority', () => {
  assert.equal(authority('Classified By: Charge Jane Doe under section 1.4b/d'), 'Charge Jane Doe');
  assert.equal(authority('Classified By: Charge Jane Doe under Section 1.4 (b) and (d)'), 'Charge Jane Doe');
  assert.equal(authority('Classified By: Political Minister-Counselor John Doe for rea sons 1.4 b and d.'), 'Political Minister-Counselor John Doe');
  assert.equal(authority('Classified By: Political Minister-Counselor John Doe for reaso ns 1.4 b and d.'), 'Political Minister-Counselor John Doe');
  assert.equal(authority('Classified By: PRM/AFR Dir. Jane Doe-reasons 1.4(b/d)'), 'PRM/AFR Dir. Jane Doe');
  assert.equal(authority('Classified By: AMBASSADOR JOHN DOE: 1.2 (B), (D)'), 'AMBASSADOR JOHN DOE');
  assert.equal(authority('Classified By: ECONOMIC COUNSELOR JOHN DOE\n FOR 12958 1.4 B, D, AND E'), 'ECONOMIC COUNSELOR JOHN DOE');
});

test('Classified By: misspelt reason words end the authority', () => {
  assert.equal(authority('Classified By: Ambassador Jane Doe for reaons 1.4 (b) and (d).'), 'Ambassador Jane Doe');
  assert.equal(authority('Classified By: Ambassador John Doe.  Resons 1.5 (B) and (D)'), 'Ambassador John Doe');
  assert.equal(authority('Classified By: A/LEGATT JOHN DOE FOR RASONS 1.4 (B) AND (D).'), 'A/LEGATT JOHN DOE');
  assert.equal(authority('Classified By: CHARGE JOHN DOE F0R REASONS 1.5 (B) AND (D)'), 'CHARGE JOHN DOE');
  assert.equal(authority('Classified By: AMBASSADOR JOHN DOE II FR REASONS 1.4 (b) AND (d)'), 'AMBASSADOR JOHN DOE II');
  assert.equal(authority('Classified By: DCM JANE DOE BASED ON E.O.12958 REASONS 1.4 (b) and (d)'), 'DCM JANE DOE');
  assert.equal(authority('Classified By: CDA JOHN DOE BASED UPON REASONS 1.5 (B) AND (D)'), 'CDA JOHN DOE');
  assert.equal(authority('(U) CLASSIFIED BY AMBASSAD0R JOHN D0E BASED 0N 1.5 (B)'), 'AMBASSAD0R JOHN D0E');
  assert.equal(authority('Classified By: Ambassador Doe by reasons 1.4 (b) and (d)'), 'Ambassador Doe');
  assert.equal(authority('Classified By: Political Counselor John Doe for Reas\n(b) and (d).'), 'Political Counselor John Doe');
});

test('Classified By: a doubled keyword or a marking before the name', () => {
  assert.equal(authority('Classified By: Classified by DCM Jane Doe for reasons 1.4 (b) and (d).'), 'DCM Jane Doe');
  assert.equal(authority("Classified By: Classified By: Charge d'Affaires Jane A. Doe for\nreasons 1.4 (b) and (d)."), "Charge d'Affaires Jane A. Doe");
  assert.equal(authority('Classified By: (U) Classified by Economic Counselor John Doe for reasons 1.4 b,d.'), 'Economic Counselor John Doe');
  assert.equal(authority('Classified By: 1. CLASSIFIED BY NEA ASSISTANT SECRETARY JOHN DOE. REASON 1.4 (B)'), 'NEA ASSISTANT SECRETARY JOHN DOE');
  assert.equal(authority('Classified By: This message classified by Econ Minister Counselor\nJohn Doe for reasons 1.4 (b), (d) and (e).'), 'Econ Minister Counselor John Doe');
  assert.equal(authority('Classified By: by CDA Jane Doe for reasons 1.4 (b) and (d)'), 'CDA Jane Doe');
  assert.equal(authority('(U) CLASSIFIED BY POLITICAL COUNSELOR JOHN DOE, REASONS 1.4 (B) AND (D)'), 'POLITICAL COUNSELOR JOHN DOE');
});

test('Classified By inside paragraph 1, the 1990s form', () => {
  const entire = cable('', "1.  CONFIDENTIAL - ENTIRE TEXT.  CLASSIFIED BY DCM\nJOHN DOE - 1.5 B,D.\n\n2.  (C) MORE TEXT.");
  assert.equal(entire.classifiedBy?.authority?.text, 'DCM JOHN DOE');
  assert.deepEqual(entire.classifiedBy?.reason?.letters, ['b', 'd']);
  assert.equal(entire.paragraphs[0].marking?.level, 'C');
  const colon = cable('', '1. CONFIDENTIAL - ENTIRE TEXT.  CLASSIFIED BY:\nJOHN W. DOE, AMBASSADOR.  REASON: 1.5 (D) .\n\n2. TEXT.');
  assert.equal(colon.classifiedBy?.authority?.text, 'JOHN W. DOE, AMBASSADOR');
  const marked = cable('', "1.  (U)  CLASSIFIED BY CHARGE D'AFFAIRES JOHN\nDOE: 1.5 B, D.\n\n2. (C) TEXT.");
  assert.equal(marked.classifiedBy?.authority?.text, "CHARGE D'AFFAIRES JOHN DOE");
  // The block stops at the paragraph's end and runs over no more than two further lines.
  const noReason = cable('', '1. (U) Classified by Acting Assistant Secretary Jane Doe\n\n2. (C) Text.');
  assert.equal(noReason.classifiedBy?.authority?.text, 'Acting Assistant Secretary Jane Doe');
  assert.equal(noReason.classifiedBy?.range.end.line, noReason.classifiedBy?.range.start.line);
});

test('Paragraph 1 run into the Classified By line after the reason starts the text there', () => {
  const doc = cable('CLASSIFIED BY: Jane Doe, Ambassador, U.S. Embassy Madrid. REASON: 1.4 (b), (d) 1. (C/NF) Summary: The minister agreed. End summary.', '2. (C) Detail.');
  const cb = doc.classifiedBy!;
  assert.equal(cb.authority?.text, 'Jane Doe, Ambassador, U.S. Embassy Madrid');
  assert.deepEqual(cb.reason?.letters, ['b', 'd']);
  assert.equal(cb.reason?.text, '1.4 (b), (d)');
  const line = doc.lines[cb.range.start.line];
  assert.ok(line.slice(0, cb.range.end.character).endsWith('(d)'), 'the block ends with the reason');
  assert.deepEqual(doc.paragraphs.map((p) => p.number.value), [1, 2]);
  const first = doc.paragraphs[0];
  assert.equal(first.range.start.line, cb.range.start.line);
  assert.equal(line.slice(first.range.start.character, first.range.start.character + 2), '1.');
  assert.equal(first.marking?.text, '(C/NF)');
  assert.equal(first.lead.slice(0, 8), 'Summary:');
  assert.deepEqual(doc.blocks.map((b) => [b.kind, b.range.start.line]), [['summary', cb.range.start.line]], 'the summary opens in the run-in paragraph');
  // With a pilcrow, and on the block's second line.
  const wrapped = cable('Classified By: Political Counselor John Doe\nfor reasons 1.4 (b) and (d). ¶1. (C) Text.', '¶2. (C) More.');
  assert.equal(wrapped.classifiedBy?.authority?.text, 'Political Counselor John Doe');
  assert.deepEqual(wrapped.paragraphs.map((p) => [p.number.value, p.range.start.line]), [[1, wrapped.classifiedBy!.range.end.line], [2, wrapped.classifiedBy!.range.end.line + 2]]);
  assert.ok(wrapped.paragraphs[0].pilcrow);
});

test('A 1. in the reason or without a marking after it is no run-in paragraph', () => {
  for (const block of ['Classified By: Ambassador Jane Doe, reasons 1.4 (b) and (d) and 1.5 (c).', 'Classified By: Ambassador Jane Doe, reason 1.4 (b). 1. The minister agreed.']) {
    const doc = cable(block);
    assert.deepEqual(doc.paragraphs.map((p) => [p.number.value, p.range.start.line > doc.classifiedBy!.range.end.line]), [[1, true]], block);
  }
});

test('A bare 1. (C) ending the Classified By line: paragraph 1 when its text follows, a stray copy when paragraph 1 does', () => {
  const textBelow = cable('Classified By: Deputy Chief of Mission John Doe for reasons 1.4 b and d 1.(C)', 'Summary: The decision is near. End Summary\n\n2. (C) Detail.');
  assert.deepEqual(textBelow.paragraphs.map((p) => p.number.value), [1, 2]);
  assert.equal(textBelow.paragraphs[0].range.start.line, textBelow.classifiedBy!.range.start.line);
  const stray = cable('CLASSIFIED BY: John Doe, Ambassador; REASON: 1.4(D) 1. (C) ', '¶1. (C) The minister described the relationship.\n\n¶2. (C) Detail.');
  assert.deepEqual(stray.paragraphs.map((p) => [p.number.value, p.range.start.line > stray.classifiedBy!.range.end.line]), [[1, true], [2, true]]);
  assert.deepEqual(stray.classifiedBy?.reason?.letters, ['d']);
});
