import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CLEAN, CLEAN_UNCLAS, applyFix, edit, expectNone, expectOne } from './rulesHelpers.ts';

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
  expectOne(edit(CLEAN, EO, 'E.O. 12958: DECL: 07/15/2034'), 'declassification-date-too-far', '07/15/2034', { exact: true });
  expectNone(edit(CLEAN, EO, 'E.O. 12958: DECL: 07/14/2034'), 'declassification-date-too-far');
  expectNone(CLEAN, 'declassification-date-too-far');
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
