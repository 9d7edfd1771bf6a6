import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CLEAN, CLEAN_UNCLAS, applyFix, edit, expectNone, expectOne } from './rulesHelpers.ts';
import { Dictionary } from '../../server/src/service/dictionary.ts';
import { failParsesAtLine } from '../../server/src/service/parse.ts';

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
