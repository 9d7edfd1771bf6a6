import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CLEAN, CLEAN_UNCLAS, applyFix, edit, expectNone, expectOne } from './rulesHelpers.ts';
import { Dictionary } from '../../server/src/service/dictionary.ts';
import { failParsesAtLine, parseCable } from '../../server/src/service/parse.ts';
import { computeFindings } from '../../server/src/service/diagnostics.ts';
import { resolveSettings } from '../../server/src/service/settings.ts';
import { lintText } from '../../server/src/cli/lintRecords.ts';

const TAGS = 'TAGS: PREL, PGOV, FR';

test('tags-missing: no TAGS line', () => {
  expectOne(edit(CLEAN, TAGS, ''), 'tags-missing', 'E.O. 12958');
  expectNone(CLEAN, 'tags-missing');
  expectNone(CLEAN_UNCLAS, 'tags-missing');
});

test('tags-keyword: TAG: instead of TAGS:, fixed', () => {
  const text = edit(CLEAN, TAGS, 'TAG: PREL, PGOV, FR');
  const f = expectOne(text, 'tags-keyword', 'TAG:', { exact: true });
  assert.equal(applyFix(text, f), CLEAN);
  expectNone(CLEAN, 'tags-keyword');
});

test('tags-unknown: a misspelled subject TAG, with the likely code and a fix', () => {
  const text = edit(CLEAN, TAGS, 'TAGS: PREL, POGOV, FR');
  const f = expectOne(text, 'tags-unknown', 'POGOV', { exact: true });
  assert.match(f.message, /did you mean PGOV/);
  assert.equal(applyFix(text, f), CLEAN);
});

test('tags-unknown: an unknown two-letter code is information only', () => {
  const f = expectOne(edit(CLEAN, TAGS, 'TAGS: PREL, PGOV, QQ'), 'tags-unknown', 'QQ', { exact: true });
  assert.equal(f.effectiveSeverity, 'information');
});

test('tags-unknown: cable.tags.extra adds a team code', () => {
  const text = edit(CLEAN, TAGS, 'TAGS: PREL, KXYZ, FR');
  expectOne(text, 'tags-unknown', 'KXYZ', { exact: true });
  expectNone(text, 'tags-unknown', undefined, Dictionary.default().withExtra({ KXYZ: 'Our program' }));
});

test('tags-unknown: not raised for dictionary codes', () => {
  expectNone(CLEAN, 'tags-unknown');
  expectNone(CLEAN_UNCLAS, 'tags-unknown');
});

test('subject-missing: no SUBJECT line', () => {
  expectOne(edit(CLEAN, 'SUBJECT: FRENCH VIEWS ON A SAMPLE TOPIC', ''), 'subject-missing', 'C O N F I D E N T I A L');
  expectNone(CLEAN, 'subject-missing');
});

const P2 = '2. (C) The second paragraph gives the detail of the meeting.';
const P3 = '3. (U) The third paragraph is unclassified background.';

test('paragraph-numbering: a gap, fixed by renumbering', () => {
  const text = edit(CLEAN, P3, P3.replace('3.', '4.'));
  const f = expectOne(text, 'paragraph-numbering', '4. (U)');
  assert.match(f.message, /expected 3/);
  assert.equal(f.related?.[0]?.range.start.line, 24, 'points at the paragraph before');
  assert.equal(applyFix(text, f), CLEAN);
});

test('paragraph-numbering: a repeat and a step back', () => {
  const repeat = edit(CLEAN, P3, P3.replace('3.', '2.'));
  expectOne(repeat, 'paragraph-numbering', '2. (U)');
  const back = edit(edit(CLEAN, P3, P3 + '\n\n4. (U) Four.\n\n5. (U) Five.'), '5. (U) Five.', '3. (U) Five.');
  const f = expectOne(back, 'paragraph-numbering', '3. (U) Five.');
  assert.match(f.message, /steps back/);
});

test('paragraph-numbering: a first paragraph numbered 2', () => {
  let text = edit(CLEAN, '1. (C) Summary: The first paragraph says what the cable is about. End summary.', '');
  text = edit(text, P2, P2);
  expectOne(text, 'paragraph-numbering', '2. (C)');
});

test('paragraph-numbering: a number wrapped to the start of a line is not a paragraph', () => {
  const text = edit(CLEAN, P2, '2. (C) The meeting took place on September\n15. It went well.');
  expectNone(text, 'paragraph-numbering');
  expectNone(text, 'portion-marking-missing');
});

test('paragraph-numbering: not raised on consecutive numbers', () => {
  expectNone(CLEAN, 'paragraph-numbering');
  expectNone(CLEAN_UNCLAS, 'paragraph-numbering');
});

test('tags-keyword: TAG without a colon keeps the space after it', () => {
  const text = edit(CLEAN, TAGS, 'TAG PREL, PGOV, FR');
  const f = expectOne(text, 'tags-keyword', 'TAG', { exact: true });
  assert.match(applyFix(text, f), /^TAGS PREL, PGOV, FR$/m);
});

test('paragraph-numbering: a list numbered from 1 inside the cable is not its numbering', () => {
  const text = edit(CLEAN, P2, `${P2}\n\n1. First item of the request.\n\n2. Second item of the request.`);
  expectNone(text, 'paragraph-numbering');
});

test('parser-error: a line the parser failed on is shown where it stands, with what still works', () => {
  const line = CLEAN.split('\n').findIndex((l) => l.startsWith('2. (C)'));
  failParsesAtLine(line);
  try {
    const f = expectOne(CLEAN, 'parser-error', '2. (C)');
    assert.match(f.message, /failed reading line \d+ .*left out of the outline, hovers and checks, which work on the rest of the cable/);
    assert.match(f.message, /fault of the parser, not of the cable/);
  } finally {
    failParsesAtLine(undefined);
  }
  expectNone(CLEAN, 'parser-error');
});

test('subject-missing: the message gives a neutral form, marked where the era marks subjects', () => {
  const f = expectOne(edit(CLEAN, 'SUBJECT: FRENCH VIEWS ON A SAMPLE TOPIC', ''), 'subject-missing', 'C O N F I D E N T I A L');
  assert.match(f.message, /SUBJECT: and the topic/);
  const in2011 = edit(edit(CLEAN, 'P 141030Z JUL 09', 'P 141030Z JUL 11'), 'SUBJECT: FRENCH VIEWS ON A SAMPLE TOPIC', '');
  assert.match(expectOne(in2011, 'subject-missing', 'C O N F I D E N T I A L').message, /SUBJECT: \(C\) and the topic/);
});

test('tags-unknown: a post or mission written freestyle is never "corrected" to a code', () => {
  for (const name of ['USEU', 'USNATO', 'ROME']) {
    const f = expectOne(edit(CLEAN, TAGS, `TAGS: PREL, ${name}, FR`), 'tags-unknown', name, { exact: true });
    assert.doesNotMatch(f.message, /did you mean/);
    assert.match(f.message, /name of a post or mission/);
    assert.equal(f.fix, undefined);
    assert.equal(f.effectiveSeverity, 'information');
  }
});

test('tags-unknown: freestyle words and abbreviations get no edit-distance guess; slips of a code do', () => {
  for (const word of ['POL', 'NPT', 'ELECTIONS']) {
    assert.doesNotMatch(expectOne(edit(CLEAN, TAGS, `TAGS: PREL, ${word}, FR`), 'tags-unknown', word).message, /did you mean/);
  }
  assert.match(expectOne(edit(CLEAN, TAGS, 'TAGS: PREL, PGOF, FR'), 'tags-unknown', 'PGOF').message, /did you mean PGOV/);
});

test('tags-unknown: the editor names its setting, the command line its settings file key', () => {
  const doc = parseCable(edit(CLEAN, TAGS, 'TAGS: PREL, QZQZ, FR'));
  const dict = Dictionary.default();
  const editor = computeFindings(doc, resolveSettings(undefined), dict).find((f) => f.rule.code === 'tags-unknown')!;
  assert.match(editor.message, /cable\.tags\.extra/);
  const cli = lintText(edit(CLEAN, TAGS, 'TAGS: PREL, QZQZ, FR'), resolveSettings(undefined)).find((d) => d.code === 'tags-unknown')!;
  assert.match(cli.message, /tags\.extra of \.cablerc\.json/);
  assert.doesNotMatch(cli.message, /cable\.tags\.extra/);
});

test('paragraph-numbering: one mistyped number is reported on itself, with the number it should have', () => {
  const text = edit(CLEAN, P3, `${P3.replace('3.', '5.')}\n\n4. (U) Four.\n\n5. (U) Five.`);
  const f = expectOne(text, 'paragraph-numbering', '5. (U) The third');
  assert.match(f.message, /expected 3/);
  assert.match(applyFix(text, f), /^3\. \(U\) The third/m);
});

test('paragraph-numbering: a repeated number is reported even when the next carries on', () => {
  const text = edit(CLEAN, P3, `${P3}\n\n3. (U) Again three.\n\n4. (U) Four.`);
  const f = expectOne(text, 'paragraph-numbering', '3. (U) Again three.');
  assert.match(f.message, /repeats paragraph 3; expected 4/);
});

test('paragraph-numbering: an unnumbered lead paragraph before 2 is not a missing 1', () => {
  const lead = edit(CLEAN, '1. (C) Summary: The first paragraph says what the cable is about. End summary.', '(C) Summary: The lead paragraph is not numbered. End summary.');
  expectNone(lead, 'paragraph-numbering');
  // The numbering then runs on from 2, and a fix renumbers from there.
  const gap = edit(lead, P3, P3.replace('3.', '4.'));
  const f = expectOne(gap, 'paragraph-numbering', '4. (U)');
  assert.match(applyFix(gap, f), /^3\. \(U\)/m);
  assert.match(applyFix(gap, f), /^2\. \(C\)/m);
});
