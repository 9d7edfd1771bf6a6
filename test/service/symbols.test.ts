import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SymbolKind } from 'vscode-languageserver-types';
import { documentSymbols, flattenSymbols } from '../../server/src/service/features/symbols.ts';
import { parseCable } from '../../server/src/service/parse.ts';
import { assertSymbolTree, fixture, flatten, lineOf, seed, textAt } from './structureHelpers.ts';

test('seed: header, subject and reference, then the three (C) paragraphs', () => {
  const { model } = seed();
  const symbols = documentSymbols(model);
  assertSymbolTree(model, symbols);
  const names = symbols.map((s) => s.name);
  const at = (n: string) => names.indexOf(n);
  const subject = 'BELGIAN REACTION TO RESULTS OF U.S.-RUSSIA PRESIDENTIAL SUMMIT';
  for (const n of ['Header', subject, 'REF', '1. (C)', '2. (C)', '3. (C)']) assert.ok(at(n) >= 0, `outline has ${n}: ${names.join(' | ')}`);
  assert.ok(at('Header') < at(subject) && at(subject) < at('REF') && at('REF') < at('1. (C)'));
  assert.ok(at('1. (C)') < at('2. (C)') && at('2. (C)') < at('3. (C)'));
  assert.deepEqual(names.filter((n) => /^\d+\./.test(n)), ['1. (C)', '2. (C)', '3. (C)']);

  const header = symbols[at('Header')]!;
  const headerNames = header.children!.map((c) => c.name);
  assert.deepEqual(headerNames.filter((n) => ['FM', 'TO', 'INFO', 'DE'].includes(n)), ['DE', 'FM', 'TO', 'INFO']);
  assert.ok(header.children!.some((c) => c.name === '201547Z JUL 09' && c.detail === 'ROUTINE'), 'DTG line under the header');
  assert.equal(header.detail, '201547Z JUL 09');

  const ref = symbols[at('REF')]!;
  assert.deepEqual(ref.children!.map((c) => [c.name, c.detail]), [['STATE 71326', '09STATE71326']]);
  assert.match(textAt(model, ref.selectionRange), /^REF:?$/);

  const p1 = symbols[at('1. (C)')]!;
  assert.equal(textAt(model, p1.selectionRange), '1. (C)', 'selection is the number and marking');
  assert.match(p1.detail ?? '', /^Poloff delivered reftel points/);
  assert.equal(p1.kind, SymbolKind.String);
  assert.match(textAt(model, symbols[at(subject)]!.selectionRange), /^SUBJECT:?$/);
  assert.equal(symbols[symbols.length - 1]!.name, 'BUSH');
});

test('synthetic cable: sub-paragraphs nest in their paragraph, SUMMARY in paragraph 1, COMMENT around 4 and 5', () => {
  const { model } = fixture('08OSLO123.cable');
  const symbols = documentSymbols(model);
  assertSymbolTree(model, symbols);
  const byName = (list: typeof symbols, n: string) => list.find((s) => s.name === n);

  const p1 = byName(symbols, '1. (S)');
  assert.ok(p1, 'paragraph 1 at top level');
  assert.equal(textAt(model, p1.selectionRange), '¶1. (S)', 'the pilcrow belongs to the number');
  assert.deepEqual(p1.children?.map((c) => c.name), ['SUMMARY']);

  const p2 = byName(symbols, '2. (C)')!;
  assert.deepEqual(p2.children?.map((c) => c.name), ['A. (C)', 'B. (S//NF)', '--']);
  assert.equal(p2.children![0]!.detail, 'Extend the current coast guard rotation through the');
  assert.equal(textAt(model, p2.children![1]!.selectionRange), 'B. (S//NF)');

  const comment = byName(symbols, 'COMMENT');
  assert.ok(comment, 'COMMENT at top level, as it spans two paragraphs');
  assert.deepEqual(comment.children?.map((c) => c.name), ['4. (C)', '5. (S)']);
  assert.equal(textAt(model, comment.selectionRange), 'Comment');

  const subject = symbols.find((s) => s.kind === SymbolKind.String && s.detail?.startsWith('SUBJECT'))!;
  assert.equal(subject.name, 'NORWAY WEIGHS NORTHERN FISHERIES PATROL OPTIONS', 'wrapped subject joined');
  assert.equal(subject.detail, 'SUBJECT (S)');

  const refs = byName(symbols, 'REF')!;
  assert.deepEqual(refs.children!.map((c) => [c.name, c.detail]), [['A. STATE 15522', '08STATE15522'], ['B. OSLO 97', '08OSLO97']]);
  assert.equal(refs.detail, '2 items');

  const captions = symbols.filter((s) => s.kind === SymbolKind.EnumMember).map((s) => s.name);
  assert.deepEqual(captions, ['SIPDIS', 'NOFORN']);
  const header = byName(symbols, 'Header')!;
  assert.deepEqual(header.children!.filter((c) => c.name === 'INFO').map((c) => c.detail), [
    'AMEMBASSY COPENHAGEN PRIORITY',
    'AMEMBASSY STOCKHOLM PRIORITY',
  ]);
  assert.equal(header.range.end.line, lineOf(model, 'RUEHSM/AMEMBASSY STOCKHOLM'));
});

test('an unterminated block does not swallow the rest of the outline', () => {
  const { model } = fixture('body-only.cable');
  const symbols = documentSymbols(model);
  assertSymbolTree(model, symbols);
  assert.ok(!symbols.some((s) => s.name === 'Header'), 'no header without routing lines');
  const p2 = symbols.find((s) => s.name === '2. (C)')!;
  assert.deepEqual(p2.children?.map((c) => [c.name, c.detail]), [['COMMENT', 'no end marker']]);
});

test('elements that cross each other stay siblings and every child lies inside its parent', () => {
  const text = [
    'UNCLAS ROME 000042',
    '',
    'SUBJECT: OVERLAPPING BLOCKS',
    '',
    '1. First paragraph text that opens a',
    'comment here. COMMENT: the comment starts mid-paragraph',
    '',
    '2. and runs on through the second paragraph',
    'and ends here. END COMMENT. The paragraph continues.',
    'Still paragraph two.',
    '',
    '3. Third paragraph.',
  ].join('\n');
  const model = parseCable(text);
  // The crossing is set up on the model itself, so this checks the nesting whatever the parser reads.
  const commentLine = 5;
  model.blocks = [
    {
      kind: 'comment',
      range: { start: { line: commentLine, character: 14 }, end: { line: 8, character: 26 } },
      start: { text: 'COMMENT', range: { start: { line: commentLine, character: 14 }, end: { line: commentLine, character: 21 } } },
      end: { text: 'END COMMENT', range: { start: { line: 8, character: 15 }, end: { line: 8, character: 26 } } },
    },
  ];
  const symbols = documentSymbols(model);
  assertSymbolTree(model, symbols);
  const all = flatten(symbols);
  assert.ok(all.some((s) => s.name === 'COMMENT'));
  assert.ok(all.some((s) => s.name.startsWith('3.')));
  assert.ok(symbols.some((s) => s.name.startsWith('3.')), 'paragraph 3 stays at top level');
});

test('a parser range that misses its keyword is widened, never left for the editor to reject', () => {
  const { model } = seed();
  // A subject whose keyword range lies outside its element range.
  model.subject!.range = { ...model.subject!.textRange };
  const symbols = documentSymbols(model);
  assertSymbolTree(model, symbols);
});

test('a SIPDIS between paragraphs (a page-break artifact) is not an outline caption', () => {
  const text = [
    'C O N F I D E N T I A L ROME 000042',
    '',
    'SIPDIS',
    '',
    'SUBJECT: A PAGE BREAK ARTIFACT',
    '',
    '1. (C) First paragraph.',
    '',
    'SIPDIS',
    '',
    '2. (C) Second paragraph.',
  ].join('\n');
  const model = parseCable(text);
  const symbols = documentSymbols(model);
  assertSymbolTree(model, symbols);
  const captions = flatten(symbols).filter((s) => s.kind === SymbolKind.EnumMember);
  assert.deepEqual(captions.map((c) => [c.name, c.range.start.line]), [['SIPDIS', 2]]);
  assert.equal(flatten(symbols).filter((s) => s.name === 'SIPDIS').length, 1, 'nor a heading');
});

test('empty and blank documents have an empty outline', () => {
  for (const text of ['', '\n\n', '   ']) {
    const model = parseCable(text);
    const symbols = documentSymbols(model);
    assertSymbolTree(model, symbols);
    assert.deepEqual(symbols, []);
  }
});

test('flattened for clients without hierarchy: containers named', () => {
  const { model } = seed();
  const flat = flattenSymbols(documentSymbols(model), 'file:///seed.cable');
  const item = flat.find((s) => s.name === 'STATE 71326')!;
  assert.equal(item.containerName, 'REF');
  assert.equal(item.location.uri, 'file:///seed.cable');
  assert.ok(flat.some((s) => s.name === 'TO' && s.containerName === 'Header'));
});
