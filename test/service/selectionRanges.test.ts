import { test } from 'node:test';
import assert from 'node:assert/strict';
import { selectionRanges } from '../../server/src/service/features/selectionRanges.ts';
import { parseCable } from '../../server/src/service/parse.ts';
import { assertChain, chainOf, fixture, lineOf, posOf, seed, textAt } from './structureHelpers.ts';

test('seed: from the month of the DTG out to the header and the whole cable', () => {
  const { model } = seed();
  const [sel] = selectionRanges(model, [posOf(model, 'JUL 09', 1)]);
  assertChain(model, sel!);
  const texts = chainOf(sel!).map((r) => textAt(model, r));
  assert.equal(texts[0], 'JUL');
  assert.ok(texts.includes('201547Z JUL 09'), `the DTG is a step: ${JSON.stringify(texts)}`);
  assert.ok(texts.includes('R 201547Z JUL 09'), 'then its line');
  const last = chainOf(sel!).at(-1)!;
  assert.deepEqual(last.start, { line: 0, character: 0 });
  assert.equal(last.end.line, model.lines.length - 1);
  const header = chainOf(sel!).find((r) => r.start.line === lineOf(model, 'VZCZCXYZ0015') && r.end.line === lineOf(model, 'INFO RUEHZL'));
  assert.ok(header, 'the header block is a step');
});

test('synthetic cable: a sub-paragraph marking grows to the sub-paragraph, the paragraph and the body', () => {
  const { model } = fixture('08OSLO123.cable');
  const [sel] = selectionRanges(model, [posOf(model, '(S//NF)', 1)]);
  assertChain(model, sel!);
  const chain = chainOf(sel!);
  const texts = chain.map((r) => textAt(model, r));
  assert.equal(texts[0], 'S');
  assert.ok(texts.includes('(S//NF)'), JSON.stringify(texts));
  const para = chain.find((r) => r.start.line === lineOf(model, '¶2.') && r.end.line >= lineOf(model, '-- a third'));
  assert.ok(para, 'paragraph 2 is a step');
  const body = chain.find((r) => r.start.line === model.bodyStartLine && r.start.character === 0 && r.end.line === model.lines.length - 1);
  assert.ok(body, 'the body is a step');
});

test('many positions at once, including blank lines, line ends and positions past the end', () => {
  const { model } = fixture('08OSLO123.cable');
  const positions = [
    { line: 0, character: 0 },
    { line: lineOf(model, 'SIPDIS') + 1, character: 0 },
    { line: lineOf(model, 'TAGS:'), character: 999 },
    { line: 9999, character: 5 },
  ];
  const sels = selectionRanges(model, positions);
  assert.equal(sels.length, positions.length);
  for (const s of sels) assertChain(model, s);
});

test('an empty document still answers with a range', () => {
  const model = parseCable('');
  const [sel] = selectionRanges(model, [{ line: 0, character: 0 }]);
  assert.deepEqual(sel!.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
});
