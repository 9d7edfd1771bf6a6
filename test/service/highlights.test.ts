import { test } from 'node:test';
import assert from 'node:assert/strict';
import { documentHighlights } from '../../server/src/service/features/highlights.ts';
import { parseCable } from '../../server/src/service/parse.ts';
import type { CableDocument } from '../../server/src/service/model.ts';
import { fixture, lineOf, posOf, seed, textAt } from './structureHelpers.ts';

const lit = (model: CableDocument, pos: { line: number; character: number }) =>
  documentHighlights(model, pos).map((h) => `${h.range.start.line}:${textAt(model, h.range)}`);

test('a portion marking lights up every marking of the same level and caveats', () => {
  const { model } = fixture('08OSLO123.cable');
  const secret = lit(model, posOf(model, '(S) Summary', 1));
  assert.deepEqual(secret, [
    `${lineOf(model, 'SUBJECT:')}:(S)`,
    `${lineOf(model, '¶1.')}:(S)`,
    `${lineOf(model, '¶5.')}:(S)`,
  ]);
  const conf = lit(model, posOf(model, '(C) Officials', 1));
  assert.deepEqual(conf, [`${lineOf(model, '¶2.')}:(C)`, `${lineOf(model, 'A. (C)')}:(C)`, `${lineOf(model, '¶4.')}:(C)`]);
  assert.deepEqual(lit(model, posOf(model, '(S//NF)', 2)), [`${lineOf(model, '(S//NF)')}:(S//NF)`]);
});

test('markings with the same caveats written differently are the same marking', () => {
  const text = [
    'S E C R E T PARIS 000100',
    '',
    'SUBJECT: MARKINGS',
    '',
    '1. (S//NF) One.',
    '',
    '2. (S/NF) Two.',
    '',
    '3. (S) Three.',
  ].join('\n');
  const model = parseCable(text);
  assert.deepEqual(lit(model, { line: 6, character: 4 }), ['4:(S//NF)', '6:(S/NF)']);
});

test('the banner lights up with the security line of the same level', () => {
  const { model } = fixture('08OSLO123.cable');
  assert.deepEqual(lit(model, posOf(model, 'S E C R E T', 2)), [`${lineOf(model, 'ZNY SSSSS')}:SSSSS`, `${lineOf(model, 'S E C R E T')}:S E C R E T`]);
});

test('a caption lights up where it is repeated', () => {
  const text = ['UNCLAS ROME 000042', '', 'SIPDIS', '', 'SENSITIVE', 'SIPDIS', '', 'SUBJECT: CAPTIONS', '', '1. Text.'].join('\n');
  const model = parseCable(text);
  assert.deepEqual(lit(model, { line: 5, character: 2 }), ['2:SIPDIS', '5:SIPDIS']);
});

test('a referenced cable lights up in the REF block and in the text', () => {
  const { model } = fixture('08OSLO123.cable');
  assert.deepEqual(lit(model, posOf(model, 'OSLO 97', 2)), [`${lineOf(model, 'B. OSLO 97')}:OSLO 97`, `${lineOf(model, '08OSLO97')}:08OSLO97`]);
  const seedModel = seed().model;
  assert.deepEqual(lit(seedModel, posOf(seedModel, 'STATE 71326', 1)), [`${lineOf(seedModel, 'REF:')}:STATE 71326`]);
});

test('a TAG lights up in mixed-case text, never in all-capitals lines where codes are words', () => {
  const { model } = fixture('08OSLO123.cable');
  const nato = lit(model, { line: lineOf(model, 'NATO', lineOf(model, 'TAGS:')), character: 1 });
  assert.deepEqual(nato, [`${lineOf(model, 'TAGS:') + 1}:NATO`, `${lineOf(model, 'Ask NATO')}:NATO`, `${lineOf(model, 'before NATO')}:NATO`]);
  // Two-letter geographic codes are too short to look for in text.
  assert.deepEqual(lit(model, posOf(model, 'NO,', 0)), [`${lineOf(model, 'TAGS:')}:NO`]);

  const caps = ['UNCLAS ROME 000042', '', 'TAGS: MASS, IT', 'SUBJECT: MASS TRANSIT', '', '1. THE MASS RALLY WAS PEACEFUL.', '', '2. The MASS program continues.'].join('\n');
  const m2 = parseCable(caps);
  assert.deepEqual(lit(m2, { line: 2, character: 7 }), ['2:MASS', '7:MASS']);
});

test('nothing lights up on ordinary text', () => {
  const { model } = seed();
  assert.deepEqual(documentHighlights(model, posOf(model, 'Poloff delivered', 2)), []);
  assert.deepEqual(documentHighlights(parseCable(''), { line: 0, character: 0 }), []);
});
