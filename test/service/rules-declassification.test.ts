import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CLEAN, CLEAN_UNCLAS, applyFix, edit, expectNone, expectOne } from './rulesHelpers.ts';
import { parseCable } from '../../server/src/service/parse.ts';
import { computeFindings } from '../../server/src/service/diagnostics.ts';
import { Dictionary } from '../../server/src/service/dictionary.ts';
import { resolveSettings } from '../../server/src/service/settings.ts';

const EO = 'E.O. 12958: DECL: 07/14/2019';
const BANNER = 'C O N F I D E N T I A L SECTION 01 OF 02 PARIS 000123';

test('declassification-missing: no E.O. line in a CONFIDENTIAL cable', () => {
  const f = expectOne(edit(CLEAN, EO, ''), 'declassification-missing', BANNER);
  assert.equal(f.effectiveSeverity, 'error');
});

test('declassification-missing: N/A on a classified cable', () => {
  expectOne(edit(CLEAN, EO, 'E.O. 12958: N/A'), 'declassification-missing', 'N/A', { exact: true });
});

test('declassification-missing: not raised with a date, an exemption or OADR, nor before March 1973', () => {
  expectNone(CLEAN, 'declassification-missing');
  expectNone(edit(CLEAN, EO, 'E.O. 12958: DECL: X1'), 'declassification-missing');
  expectNone(CLEAN_UNCLAS, 'declassification-missing');
  const in1966 = `P R 281848Z DEC 66
FM AMEMBASSY BUENOS AIRES
TO SECSTATE WASHDC PRIORITY 1234

C O N F I D E N T I A L BUENOS AIRES 1234

SUBJECT: A CABLE FROM BEFORE THE E.O. LINE

1. FIRST PARAGRAPH.

SAMPLE
`;
  expectNone(in1966, 'declassification-missing');
});

test('declassification-date-invalid: 02/30/2019 names no day', () => {
  const f = expectOne(edit(CLEAN, EO, 'E.O. 12958: DECL: 02/30/2019'), 'declassification-date-invalid', '02/30/2019', { exact: true });
  assert.equal(f.effectiveSeverity, 'error');
});

test('declassification-date-invalid: on or before the cable date', () => {
  const f = expectOne(edit(CLEAN, EO, 'E.O. 12958: DECL: 07/14/2009'), 'declassification-date-invalid', '07/14/2009', { exact: true });
  assert.match(f.message, /cable's own date/);
  assert.equal(f.related?.[0]?.range.start.line, 5, 'points at the DTG');
  expectOne(edit(CLEAN, EO, 'E.O. 12958: DECL: 01/01/2008'), 'declassification-date-invalid', '01/01/2008');
});

test('declassification-date-invalid: not raised for a later real day', () => {
  expectNone(CLEAN, 'declassification-date-invalid');
  expectNone(edit(CLEAN, EO, 'E.O. 12958: DECL: 07/15/2009'), 'declassification-date-invalid');
});

test('declassification-date-too-far: more than 25 years out', () => {
  const f = expectOne(edit(CLEAN, EO, 'E.O. 12958: DECL: 07/16/2034'), 'declassification-date-too-far', '07/16/2034', { exact: true });
  assert.match(f.message, /expected a date by 2034-07-15/);
  expectNone(CLEAN, 'declassification-date-too-far');
});

test('declassification-date-too-far: the 25th anniversary, and the day after as writers count it, are not too far', () => {
  expectNone(edit(CLEAN, EO, 'E.O. 12958: DECL: 07/14/2034'), 'declassification-date-too-far');
  expectNone(edit(CLEAN, EO, 'E.O. 12958: DECL: 07/15/2034'), 'declassification-date-too-far');
});

/** A partial extract with no date in its text (no DTG, no viewer's date line). */
const UNDATED = `This record is a partial extract of the original cable. The full text of the original cable is not available.

C O N F I D E N T I A L SECTION 01 OF 02 PARIS 000123

SIPDIS

E.O. 12958: DECL: 01/01/2005
TAGS: PREL, PGOV, FR
SUBJECT: FRENCH VIEWS ON A SAMPLE TOPIC

Classified By: Political Counselor John Sample, reasons 1.4 (b) and (d).

1. (C) The first paragraph.

2. (C) The second paragraph.
`;

const findingsOf = (text: string, uri?: string) =>
  computeFindings(parseCable(text), resolveSettings(undefined), Dictionary.default(), { uri }).filter((f) => f.rule.code === 'declassification-date-invalid');

test('declassification-date-invalid: an undated cable\'s DECL date before its order took effect', () => {
  const text = edit(UNDATED, 'E.O. 12958: DECL: 01/01/2005', 'E.O. 12958: DECL: 06/30/1994');
  const [f, ...rest] = findingsOf(text);
  assert.ok(f && rest.length === 0, 'one finding');
  assert.match(f.message, /before E\.O\. 12958 took effect \(1995-10-14\)/);
  assert.equal(f.range.start.line, 6);
  // A later date could belong to such a cable: nothing to say without the cable's year.
  assert.deepEqual(findingsOf(UNDATED), []);
  assert.deepEqual(findingsOf(edit(UNDATED, 'E.O. 12958: DECL: 01/01/2005', 'E.O. 13526: DECL: 01/01/2011')), []);
  assert.equal(findingsOf(edit(UNDATED, 'E.O. 12958: DECL: 01/01/2005', 'E.O. 13526: DECL: 01/01/2009')).length, 1, 'E.O. 13526 took effect in June 2010');
});

test('declassification-date-invalid: a file named after a cable id gives an undated cable its year', () => {
  const [f, ...rest] = findingsOf(UNDATED, 'file:///cables/09PARIS123.cable');
  assert.ok(f && rest.length === 0, 'one finding');
  assert.match(f.message, /before 2009, the year of 09PARIS123/);
  assert.equal(findingsOf(UNDATED, '/home/me/cables/09PARIS123.txt').length, 1, 'a path as the command line gives it');
  assert.deepEqual(findingsOf(UNDATED, 'file:///cables/04PARIS123.cable'), [], 'a DECL date in a later year');
  assert.deepEqual(findingsOf(UNDATED, 'file:///cables/notes.cable'), [], 'a name that is no cable id');
});

test('declassification-missing: the example is the E.O. line of the cable\'s own era', () => {
  const f = expectOne(edit(CLEAN, EO, ''), 'declassification-missing', BANNER);
  assert.match(f.message, /e\.g\. E\.O\. 12958: DECL: 07\/14\/2019/, 'ten years after a 2009 cable');
  const in1986 = `O 121758Z MAY 86
FM AMEMBASSY MADRID
TO SECSTATE WASHDC IMMEDIATE 1234

S E C R E T MADRID 01234

TAGS: PREL SP
SUBJECT: AN OLDER CABLE

1. FIRST PARAGRAPH.
`;
  assert.match(expectOne(in1986, 'declassification-missing', 'S E C R E T').message, /e\.g\. E\.O\. 12356: DECL: OADR/);
});

test('declassification-on-unclassified: a DECL date on an UNCLAS cable, fixed to N/A', () => {
  const text = edit(CLEAN_UNCLAS, 'E.O. 12958: N/A', 'E.O. 12958: DECL: 07/14/2019');
  const f = expectOne(text, 'declassification-on-unclassified', 'E.O. 12958');
  assert.equal(f.effectiveSeverity, 'warning');
  assert.match(applyFix(text, f), /^E\.O\. 12958: N\/A$/m);
});

test('declassification-on-unclassified: not raised for N/A, nor on classified cables', () => {
  expectNone(CLEAN_UNCLAS, 'declassification-on-unclassified');
  expectNone(CLEAN, 'declassification-on-unclassified');
});

test('executive-order-era: E.O. 12958 on a 1986 cable', () => {
  let text = edit(CLEAN, 'P 141030Z JUL 09', 'P 141030Z JUL 86');
  text = edit(text, EO, 'E.O. 12958: DECL: OADR');
  const f = expectOne(text, 'executive-order-era', '12958', { exact: true });
  assert.match(f.message, /expected E\.O\. 12356/);
});

test('executive-order-era: a mistyped order gets the one in force', () => {
  const text = edit(CLEAN, EO, 'E.O. 12598: DECL: 07/14/2019');
  const f = expectOne(text, 'executive-order-era', '12598', { exact: true });
  assert.equal(applyFix(text, f), CLEAN);
});

test('executive-order-era: grace window and release notes', () => {
  // E.O. 13526 signed 29 Dec 2009, effective 27 Jun 2010: a January 2010 cable may cite it.
  let text = edit(CLEAN, 'P 141030Z JUL 09', 'P 141030Z JAN 10');
  text = edit(text, 'DE RUEHFR #0123/01 1951030', 'DE RUEHFR #0123/01 0141030');
  expectNone(edit(text, EO, 'E.O. 13526: DECL: 01/14/2020'), 'executive-order-era');
  expectNone(CLEAN, 'executive-order-era');
  const nara = edit(edit(CLEAN, 'P 141030Z JUL 09', 'P 141030Z JUL 66'), EO, 'E.O. 12958: DECL: DECLASSIFIED BY NARA 09/02/2009');
  expectNone(nara, 'executive-order-era');
});
