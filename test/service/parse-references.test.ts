/**
 * REF items read for the cables they cite: what is a cable and what is not, several cables in one item,
 * labels and years run onto the post, colon labels, NARA lists, a REF run onto the subject line, and the
 * year of a partial extract from its file's name. Synthetic cables, written for these cases.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCable } from '../../server/src/service/parse.ts';
import type { CableDocument } from '../../server/src/service/model.ts';

const HEAD = ['R 301200Z MAY 09', 'FM AMEMBASSY MADRID', 'TO RUEHC/SECSTATE WASHDC 1111', '', 'C O N F I D E N T I A L MADRID 000123', ''].join('\n');

function cable(heading: string, fileName?: string, head = HEAD): CableDocument {
  return parseCable(`${head}\nTAGS: PREL\nSUBJECT: A TEST SUBJECT\n\n${heading}\n\n1. (C) Text.\n`, { fileName });
}

/** The cable ids the REF lines cite, in order. */
function ids(heading: string): (string | undefined)[] {
  return cable(heading)
    .references.flatMap((b) => b.items)
    .map((r) => r.cableId)
    .filter((id) => id !== undefined);
}

test('things that are not cables give no id', () => {
  assert.deepEqual(ids('REF: A. JAN 8 MEETING B. STATE 1234'), ['09STATE1234']);
  assert.deepEqual(ids('REF: A. IIR 6 899 0149 10 B. PARIS 77'), ['09PARIS77']);
  assert.deepEqual(ids('REF: AUGUST 2008 LETTER'), []);
  assert.deepEqual(ids('REF: A. BRIEFING POINTS JULY 15 B. LONDON 12'), ['09LONDON12']);
  assert.deepEqual(ids('REF: A. STATE-LONDON SVTC MAY 9 B. MAY 1 SMITH-JONES LETTER C. LONDON 1064'), ['09LONDON1064']);
  // Prose before a word that could be a post: not a citation.
  assert.deepEqual(ids('REF: MEETING WITH FOO 5'), []);
});

test('a post: known from the post list in any case, or written as posts are', () => {
  assert.deepEqual(ids('Ref: a) vienna 350 b) 05 vienna 1760'), ['09VIENNA350', '05VIENNA1760']);
  assert.deepEqual(ids('Refs: (A) Rio de Janeiro 00190'), ['09RIODEJANEIRO190']);
  assert.deepEqual(ids('REF: A. WHITE HOUSE 853 B. USDOC 06988'), ['09WHITEHOUSE853', '09USDOC6988']);
  assert.deepEqual(ids('REF: EMBASSY VIENNA 1450'), ['09VIENNA1450']);
  assert.deepEqual(ids('REF: UNVIE 544'), ['09UNVIE544']);
});

test('an item naming several cables gives each', () => {
  assert.deepEqual(ids('REF: A. ALGIERS 110 AND ALGIERS 140 B. 07 ALGIERS 1807 AND 08 ALGIERS 0075'), [
    '09ALGIERS110',
    '09ALGIERS140',
    '07ALGIERS1807',
    '08ALGIERS75',
  ]);
  assert.deepEqual(ids('REF: A. KABUL 99 AND PREVIOUS\n     03 KABUL 1234'), ['09KABUL99', '03KABUL1234']);
  assert.deepEqual(ids('REF: State 188314, 259032'), ['09STATE188314', '09STATE259032']);
  assert.deepEqual(ids('Refs: A) Kabul 936/935; B) Kabul 692'), ['09KABUL936', '09KABUL935', '09KABUL692']);
  assert.deepEqual(ids('REF: A) GUANGZHOU 11657 and 7743 B)\nGUANGZHOU 14712'), ['09GUANGZHOU11657', '09GUANGZHOU7743', '09GUANGZHOU14712']);
  // A further cable is an item of its own, ranged over its own words.
  const doc = cable('REF: A. ALGIERS 110 AND ALGIERS 140');
  const [first, second] = doc.references[0].items;
  assert.equal(first.label, 'A');
  assert.equal(second.label, undefined);
  assert.equal(doc.lines[second.range.start.line].slice(second.range.start.character, second.range.end.character), 'ALGIERS 140');
});

test('an item wrapped over lines, also after a blank line', () => {
  assert.deepEqual(ids('REF: (A)STATE 071143, (B)BEIJING\n5361, (C) STATE 148514'), ['09STATE71143', '09BEIJING5361', '09STATE148514']);
  assert.deepEqual(ids('REF: REF (A) MADRID 3785 (B) SECSTATE\n\n36633'), ['09MADRID3785', '09STATE36633']);
  assert.deepEqual(ids('Refs: (A) Rio de Janeiro 00190 (B) Rio de Janeiro\n\n00723 (C) Brasilia 01392'), [
    '09RIODEJANEIRO190',
    '09RIODEJANEIRO723',
    '09BRASILIA1392',
  ]);
});

test('labels and years run onto the post', () => {
  assert.deepEqual(ids('REF: A. STATE 1 B.SECSTATE 12345'), ['09STATE1', '09STATE12345']);
  assert.deepEqual(ids('REF: A. A) MADRID 003'), ['09MADRID3']);
  assert.deepEqual(ids('REF: A. REF A HAVANA 639 B. REF B LONDON 2649'), ['09HAVANA639', '09LONDON2649']);
  assert.deepEqual(ids('REF: A)MONTREAL 365'), ['09MONTREAL365']);
  assert.deepEqual(ids('REF: [A] State 123'), ['09STATE123']);
  assert.deepEqual(ids('REF A: 09 SOFIA 154'), ['09SOFIA154']);
  assert.deepEqual(ids('REF: A. SECSTATE 90063\n     B KUALA LUMPUR 739'), ['09STATE90063', '09KUALALUMPUR739']);
});

test('colon labels and NARA lists run together', () => {
  assert.deepEqual(ids('REF: A: ROME 629 B: ROME 585'), ['09ROME629', '09ROME585']);
  assert.deepEqual(ids('REF: CAIRO 1091: CAIRO 263: MOSCOW 1603'), ['09CAIRO1091', '09CAIRO263', '09MOSCOW1603']);
});

test('compact ids and a trailing year', () => {
  assert.deepEqual(ids('REF: 09CAIRO0561'), ['09CAIRO561']);
  assert.deepEqual(ids('REF: 10-OTTAWA-57'), ['10OTTAWA57']);
  assert.deepEqual(ids('REF: A. ASUNCION 701 (08) B. BAGHDAD #3565'), ['08ASUNCION701', '09BAGHDAD3565']);
});

test('a page header run onto the REF line is not a reference', () => {
  assert.deepEqual(ids('REF: BRASILIA 123 BRASILIA 00000244 001.2 OF 002'), ['09BRASILIA123']);
  assert.deepEqual(ids('REF: A) TRIPOLI 199, B) TRIPOLI 227 TRIPOLI 00000402'), ['09TRIPOLI199', '09TRIPOLI227']);
});

test('items after a non-cable item are kept', () => {
  assert.deepEqual(ids('REF: A) TALLINN 366 B) SMITH-JONES EMAIL 05/11/07 C) TALLINN 347'), ['09TALLINN366', '09TALLINN347']);
});

test('a REF run onto the subject line is cut from it', () => {
  const doc = parseCable(`${HEAD}\nTAGS: PREL\nSUBJECT: TALKS WITH THE PRIMEREF: A. LONDON 123 B. LONDON 456\n\n1. (C) Text.\n`);
  assert.equal(doc.subject?.text, 'TALKS WITH THE PRIME');
  assert.deepEqual(
    doc.references.flatMap((b) => b.items).map((r) => r.cableId),
    ['09LONDON123', '09LONDON456'],
  );
});

test('a REF line after Classified By', () => {
  assert.deepEqual(ids('Classified By: Ambassador John Doe, reasons 1.4 (b) and (d).\nREF: STATE 4321'), ['09STATE4321']);
});

const EXTRACT = ['CONFIDENTIAL', 'THIS RECORD IS A PARTIAL EXTRACT OF THE ORIGINAL CABLE. THE FULL TEXT OF THE ORIGINAL CABLE IS NOT AVAILABLE.', ''].join('\n');

test('a partial extract without a date takes the year of a file named after a cable id', () => {
  const named = cable('REF: STATE 89241', '/archive/04MADRID1731.cable', EXTRACT);
  assert.equal(named.references[0].items[0].cableId, '04STATE89241');
  assert.equal(cable('REF: STATE 89241', 'file:///archive/04MADRID1731.txt', EXTRACT).references[0].items[0].cableId, '04STATE89241');
  // A written year is used as written.
  assert.equal(cable('REF: 03 STATE 89241', '/archive/04MADRID1731.cable', EXTRACT).references[0].items[0].cableId, '03STATE89241');
  // No year anywhere: the id stays unset, and a problem says why.
  const unnamed = cable('REF: STATE 89241', '/archive/notes.txt', EXTRACT);
  assert.equal(unnamed.references[0].items[0].cableId, undefined);
  assert.deepEqual(
    unnamed.problems.filter((p) => p.code === 'reference-year-unknown').map((p) => p.range.start.line),
    [unnamed.references[0].items[0].range.start.line],
  );
  // A dated cable does not read its file name.
  assert.equal(cable('REF: STATE 89241', '/archive/04MADRID1731.cable').references[0].items[0].cableId, '09STATE89241');
});
