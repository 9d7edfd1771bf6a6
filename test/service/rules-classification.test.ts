import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CLEAN, CLEAN_UNCLAS, applyFix, codes, edit, expectNone, expectOne } from './rulesHelpers.ts';

const BANNER = 'C O N F I D E N T I A L SECTION 01 OF 02 PARIS 000123';

test('classification-missing: no banner and no security line is an error', () => {
  let text = edit(CLEAN, BANNER, '');
  text = edit(text, 'ZNY CCCCC ZZH', '');
  const f = expectOne(text, 'classification-missing', 'SIPDIS');
  assert.equal(f.effectiveSeverity, 'error');
});

test('classification-missing: a warning when the security line still states the level', () => {
  const text = edit(CLEAN, BANNER, '');
  const f = expectOne(text, 'classification-missing', 'SIPDIS');
  assert.equal(f.effectiveSeverity, 'warning');
  assert.match(f.message, /security line says CONFIDENTIAL/);
});

test('classification-missing: not raised with a banner, nor on an empty document', () => {
  expectNone(CLEAN, 'classification-missing');
  expectNone(CLEAN_UNCLAS, 'classification-missing');
  assert.deepEqual(codes(''), []);
  assert.deepEqual(codes('\n\n'), []);
});

test('classification-security-line-mismatch: ZNY SSSSS on a CONFIDENTIAL cable, fixed from the banner', () => {
  const text = edit(CLEAN, 'ZNY CCCCC ZZH', 'ZNY SSSSS ZZH');
  const f = expectOne(text, 'classification-security-line-mismatch', 'ZNY SSSSS', { exact: true });
  assert.match(f.message, /expected ZNY CCCCC/);
  assert.equal(f.related?.[0]?.range.start.line, 10, 'points at the banner');
  assert.equal(applyFix(text, f), CLEAN);
});

test('classification-security-line-mismatch: ZNR UUUUU on a classified cable, ZNY CCCCC on UNCLAS', () => {
  expectOne(edit(CLEAN, 'ZNY CCCCC ZZH', 'ZNR UUUUU ZZH'), 'classification-security-line-mismatch', 'ZNR UUUUU');
  expectOne(edit(CLEAN_UNCLAS, 'ZNR UUUUU ZZH', 'ZNY CCCCC ZZH'), 'classification-security-line-mismatch', 'ZNY CCCCC');
});

test('classification-security-line-mismatch: not raised when they agree', () => {
  expectNone(CLEAN, 'classification-security-line-mismatch');
  expectNone(CLEAN_UNCLAS, 'classification-security-line-mismatch');
  const secret = edit(edit(CLEAN, 'ZNY CCCCC ZZH', 'ZNY SSSSS ZZH'), BANNER, 'S E C R E T SECTION 01 OF 02 PARIS 000123');
  expectNone(secret, 'classification-security-line-mismatch');
});

test('classification-banner-damaged: doubled first letter', () => {
  const text = edit(CLEAN, BANNER, 'CC O N F I D E N T I A L SECTION 01 OF 02 PARIS 000123');
  const f = expectOne(text, 'classification-banner-damaged', 'CC O N F');
  assert.match(f.message, /doubled first letter .*expected CONFIDENTIAL written once/);
  expectNone(CLEAN, 'classification-banner-damaged');
});

test('classification-banner-damaged: lost first letter and stray letter are named as such', () => {
  const lost = expectOne(edit(CLEAN, BANNER, 'O N F I D E N T I A L SECTION 01 OF 02 PARIS 000123'), 'classification-banner-damaged', 'O N F');
  assert.match(lost.message, /has lost its first letter .*expected CONFIDENTIAL$/);
  const secret = edit(edit(CLEAN, 'ZNY CCCCC ZZH', 'ZNY SSSSS ZZH'), BANNER, 'E C R E T SECTION 01 OF 02 PARIS 000123');
  assert.match(expectOne(secret, 'classification-banner-damaged', 'E C R E T').message, /has lost its first letter/);
  const stray = expectOne(edit(CLEAN, BANNER, 'SC O N F I D E N T I A L SECTION 01 OF 02 PARIS 000123'), 'classification-banner-damaged', 'SC O N F');
  assert.match(stray.message, /has a stray letter before it/);
});

test('portion-marking-missing: an unmarked paragraph in a CONFIDENTIAL cable, fixed with (C)', () => {
  const line = '2. (C) The second paragraph gives the detail of the meeting.';
  const text = edit(CLEAN, line, '2. The second paragraph gives the detail of the meeting.');
  const f = expectOne(text, 'portion-marking-missing', '2. The second', { occurrence: 0 });
  assert.deepEqual(f.range.start, { line: f.range.start.line, character: 0 });
  assert.equal(f.range.end.character, 1, 'under the number');
  assert.equal(applyFix(text, f), CLEAN);
});

test('portion-marking-missing: the subject from E.O. 13526 (June 2010) on', () => {
  let text = edit(CLEAN, 'P 141030Z JUL 09', 'P 141030Z JUL 10');
  text = edit(text, 'DE RUEHFR #0123/01 1951030', 'DE RUEHFR #0123/01 1951030');
  text = edit(text, 'E.O. 12958: DECL: 07/14/2019', 'E.O. 13526: DECL: 07/14/2020');
  const f = expectOne(text, 'portion-marking-missing', 'SUBJECT:');
  assert.match(applyFix(text, f), /^SUBJECT: \(C\) FRENCH VIEWS/m);
  // A 2009 cable's subject needs no marking.
  expectNone(CLEAN, 'portion-marking-missing');
});

test('portion-marking-missing: not raised in unclassified cables, nor with ENTIRE TEXT', () => {
  expectNone(CLEAN_UNCLAS, 'portion-marking-missing');
  let text = edit(CLEAN, '1. (C) Summary: The first paragraph says what the cable is about. End summary.', '1. (C - ENTIRE TEXT) The first paragraph says what the cable is about.');
  text = edit(text, '2. (C) The second paragraph gives the detail of the meeting.', '2. The second paragraph gives the detail of the meeting.');
  expectNone(text, 'portion-marking-missing');
});

test('portion-marking-missing: before E.O. 12958 only a partly marked cable is held to it', () => {
  const old = (body: string) =>
    `O 121758Z MAY 86
FM AMEMBASSY MADRID
TO SECSTATE WASHDC IMMEDIATE 1234

C O N F I D E N T I A L MADRID 01234

E.O. 12356: DECL: OADR
TAGS: PREL SP
SUBJECT: AN OLDER CABLE

${body}

SAMPLE
`;
  expectNone(old('1. FIRST PARAGRAPH.\n\n2. SECOND PARAGRAPH.'), 'portion-marking-missing');
  expectOne(old('1. (C) FIRST PARAGRAPH.\n\n2. SECOND PARAGRAPH.'), 'portion-marking-missing', '2. SECOND');
});

test('portion-marking-exceeds-banner: (S) in a CONFIDENTIAL cable', () => {
  const text = edit(CLEAN, '2. (C) The second paragraph gives the detail of the meeting.', '2. (S) The second paragraph gives the detail of the meeting.');
  const f = expectOne(text, 'portion-marking-exceeds-banner', '(S)', { exact: true });
  assert.equal(f.effectiveSeverity, 'error');
  assert.equal(f.related?.[0]?.range.start.line, 10, 'points at the banner');
});

test('portion-marking-exceeds-banner: (S//NF) on the subject, (C) in an UNCLAS cable', () => {
  expectOne(edit(CLEAN, 'SUBJECT: FRENCH VIEWS ON A SAMPLE TOPIC', 'SUBJECT: (S//NF) FRENCH VIEWS ON A SAMPLE TOPIC'), 'portion-marking-exceeds-banner', '(S//NF)', { exact: true });
  expectOne(edit(CLEAN_UNCLAS, '1. The first paragraph gives the figures.', '1. (C) The first paragraph gives the figures.'), 'portion-marking-exceeds-banner', '(C)', { exact: true });
});

test('portion-marking-exceeds-banner: not raised at or below the banner', () => {
  expectNone(CLEAN, 'portion-marking-exceeds-banner');
  expectNone(edit(CLEAN, '3. (U) The third paragraph is unclassified background.', '3. (SBU) The third paragraph is unclassified background.'), 'portion-marking-exceeds-banner');
});

test('portion-marking-malformed: lost opening parenthesis, fixed', () => {
  const text = edit(CLEAN, '2. (C) The second paragraph gives the detail of the meeting.', '2. C) The second paragraph gives the detail of the meeting.');
  const f = expectOne(text, 'portion-marking-malformed', '2. C)');
  assert.equal(f.range.start.character, 3, 'under the marking');
  assert.equal(applyFix(text, f), CLEAN);
});

test('portion-marking-malformed: doubled level', () => {
  expectOne(edit(CLEAN, '2. (C) The second paragraph gives the detail of the meeting.', '2. (CC) The second paragraph gives the detail of the meeting.'), 'portion-marking-malformed', '(CC)');
});

test('portion-marking-malformed: not raised for well-formed markings', () => {
  expectNone(CLEAN, 'portion-marking-malformed');
  expectNone(edit(CLEAN, '2. (C) The second paragraph gives the detail of the meeting.', '2. (C//NF) The second paragraph gives the detail of the meeting.'), 'portion-marking-malformed');
});

test('classified-by-missing: a 2009 CONFIDENTIAL cable without the line is an error', () => {
  const text = edit(CLEAN, 'Classified By: Political Counselor John Sample, reasons 1.4 (b) and (d).', '');
  const f = expectOne(text, 'classified-by-missing', BANNER);
  assert.equal(f.effectiveSeverity, 'error');
});

/** A cable of the given DTG and E.O. line, SECRET, with no Classified By line. */
function olderCable(dtgLine: string, eoLine: string): string {
  return `${dtgLine}
FM AMEMBASSY MADRID
TO SECSTATE WASHDC IMMEDIATE 1234

S E C R E T MADRID 01234

${eoLine}
TAGS: PREL SP
SUBJECT: AN OLDER CABLE

1. (S) FIRST PARAGRAPH.

2. (C) SECOND PARAGRAPH.

SAMPLE
`;
}

test('classified-by-missing: telegrams under E.O. 11652 and E.O. 12356 named no classifier', () => {
  expectNone(olderCable('O 121758Z MAY 86', 'E.O. 12356: DECL: OADR'), 'classified-by-missing');
  expectNone(olderCable('O 121758Z MAY 75', 'E.O. 11652: GDS'), 'classified-by-missing');
  // No date in the text: the order named gives the era.
  expectNone(olderCable('', 'E.O. 11652: XGDS-1'), 'classified-by-missing');
});

test('classified-by-missing: an E.O. 12065 cable is told its own era\'s form, never the 1995 one', () => {
  const text = olderCable('O 121758Z MAY 80', 'E.O. 12065: GDS 5/12/86');
  const f = expectOne(text, 'classified-by-missing', 'E.O. 12065');
  assert.equal(f.effectiveSeverity, 'warning');
  assert.match(f.message, /E\.O\. 12065: GDS 5\/12\/86 \(SURNAME, GIVEN NAME\)/);
  assert.doesNotMatch(f.message, /1\.[45]|Classified By:/);
  expectNone(olderCable('O 121758Z MAY 80', 'E.O. 12065: GDS 5/12/86 (DOE, JOHN A.) OR-P'), 'classified-by-missing');
});

test('classified-by-missing: the example gives the reason section of the cable\'s years', () => {
  const in1999 = edit(edit(CLEAN, 'P 141030Z JUL 09', 'P 141030Z JUL 99'), 'Classified By:', '');
  assert.match(expectOne(in1999, 'classified-by-missing', BANNER).message, /reasons 1\.5 \(b\) and \(d\)/);
  assert.match(expectOne(edit(CLEAN, 'Classified By:', ''), 'classified-by-missing', BANNER).message, /reasons 1\.4 \(b\) and \(d\)/);
});

test('classified-by-missing: a line without a reason', () => {
  const text = edit(CLEAN, 'Classified By: Political Counselor John Sample, reasons 1.4 (b) and (d).', 'Classified By: Political Counselor John Sample.');
  expectOne(text, 'classified-by-missing', 'Classified By');
});

test('classified-by-missing: not raised when present, nor on unclassified cables', () => {
  expectNone(CLEAN, 'classified-by-missing');
  expectNone(CLEAN_UNCLAS, 'classified-by-missing');
});

test('classified-by-reason-invalid: section 1.5 in 2009, no category letter', () => {
  const a = edit(CLEAN, 'Classified By: Political Counselor John Sample, reasons 1.4 (b) and (d).', 'Classified By: Political Counselor John Sample, reasons 1.5 (b) and (d).');
  const f = expectOne(a, 'classified-by-reason-invalid', 'Classified By');
  assert.match(f.message, /expected section 1\.4/);
  const b = edit(CLEAN, 'Classified By: Political Counselor John Sample, reasons 1.4 (b) and (d).', 'Classified By: Political Counselor John Sample, reasons 1.4.');
  const g = expectOne(b, 'classified-by-reason-invalid', '1.4', { exact: true });
  assert.match(g.message, /names no category/);
});

test('classified-by-reason-invalid: 1.5 is right in 1999, 1.4 is not', () => {
  const in1999 = (reason: string) => {
    let t = edit(CLEAN, 'P 141030Z JUL 09', 'P 141030Z JUL 99');
    t = edit(t, 'E.O. 12958: DECL: 07/14/2019', 'E.O. 12958: DECL: 07/14/2009');
    return edit(t, 'Classified By: Political Counselor John Sample, reasons 1.4 (b) and (d).', `Classified By: Political Counselor John Sample, reasons ${reason}.`);
  };
  expectNone(in1999('1.5 (b) and (d)'), 'classified-by-reason-invalid');
  expectOne(in1999('1.4 (b) and (d)'), 'classified-by-reason-invalid', 'Classified By');
});

test('classified-by-reason-invalid: not raised for 1.4 (b) and (d) in 2009', () => {
  expectNone(CLEAN, 'classified-by-reason-invalid');
});

test('classified-by-reason-invalid: a reason written but unreadable is malformed, not missing', () => {
  const text = edit(CLEAN, 'Classified By:', 'Classified By: Political Counselor John Sample, Reasons 1:4 b,d');
  const f = expectOne(text, 'classified-by-reason-invalid', 'Reasons 1:4 b,d', { exact: true });
  assert.match(f.message, /'Reasons 1:4 b,d' cannot be read; expected .* 1\.4 \(b\) and \(d\)/);
  expectNone(text, 'classified-by-missing');
});

test('classified-by-reason-invalid: categories without a section name the section they need', () => {
  const text = edit(CLEAN, 'Classified By:', 'Classified By: Political Counselor John Sample for reasons b, d.');
  const f = expectOne(text, 'classified-by-reason-invalid', 'Classified By:');
  assert.doesNotMatch(f.message, /section\s+is/);
  assert.match(f.message, /no section of the order; expected 1\.4 \(b\) and \(d\)/);
});

test('classification-missing: the example banner is this cable\'s post and serial, at the security line\'s level', () => {
  const f = expectOne(edit(CLEAN, BANNER, ''), 'classification-missing', 'SIPDIS');
  assert.match(f.message, /e\.g\. C O N F I D E N T I A L PARIS 000123/);
});

test('caption-conflict: SIPDIS with NODIS', () => {
  const text = edit(CLEAN, 'SIPDIS', 'SIPDIS\nNODIS');
  expectOne(text, 'caption-conflict', 'NODIS', { exact: true });
  expectNone(CLEAN, 'caption-conflict');
});

test('classification-banner-inconsistent: a closing banner of another level', () => {
  const text = edit(CLEAN, 'SAMPLE', 'SAMPLE\n\nS E C R E T');
  const f = expectOne(text, 'classification-banner-inconsistent', 'S E C R E T', { exact: true });
  assert.equal(f.related?.[0]?.range.start.line, 10, 'points at the first banner');
  expectNone(edit(CLEAN, 'SAMPLE', 'SAMPLE\n\nC O N F I D E N T I A L'), 'classification-banner-inconsistent');
  expectNone(CLEAN, 'classification-banner-inconsistent');
});
