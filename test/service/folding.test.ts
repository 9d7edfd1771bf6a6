import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FoldingRangeKind } from 'vscode-languageserver-types';
import { foldingRanges } from '../../server/src/service/features/folding.ts';
import { parseCable } from '../../server/src/service/parse.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileFoldingRanges } from '../../server/src/service/features/perCable.ts';
import { parseCableFile } from '../../server/src/service/sequence.ts';
import { assertFolding, fixture, lineOf, repoRoot, seed } from './structureHelpers.ts';
import { FOLD_CASES, expectedFolds } from './foldingCables.ts';

test('seed: the header folds as imports; one-line paragraphs do not fold', () => {
  const { model } = seed();
  const folds = foldingRanges(model);
  assertFolding(model, folds);
  assert.deepEqual(folds, [
    { startLine: lineOf(model, 'VZCZCXYZ0015'), endLine: lineOf(model, 'INFO RUEHZL'), kind: FoldingRangeKind.Imports },
  ]);
});

test('synthetic cable: header, REF block, paragraphs, SUMMARY and COMMENT fold; trailing blank lines stay out', () => {
  const { model } = fixture('08OSLO123.cable');
  const folds = foldingRanges(model);
  assertFolding(model, folds);
  const at = (start: number) => folds.find((f) => f.startLine === start);

  assert.deepEqual(at(0), { startLine: 0, endLine: lineOf(model, 'RUEHSM/'), kind: FoldingRangeKind.Imports });
  assert.deepEqual(at(lineOf(model, 'REF: A.')), { startLine: lineOf(model, 'REF: A.'), endLine: lineOf(model, 'B. OSLO 97') });
  // Paragraph 1 and its SUMMARY start on the same line: one fold, ending at END SUMMARY.
  assert.equal(at(lineOf(model, '¶1.'))?.endLine, lineOf(model, 'End Summary.'));
  assert.equal(at(lineOf(model, '¶2.'))?.endLine, lineOf(model, '-- a third option'));
  assert.equal(at(lineOf(model, '¶3.'))?.endLine, lineOf(model, 'to STATE 15522 again'), 'ends on text, not on the blank line');
  assert.deepEqual(at(lineOf(model, '¶4.')), { startLine: lineOf(model, '¶4.'), endLine: lineOf(model, 'End Comment.'), kind: FoldingRangeKind.Comment });
  assert.equal(at(lineOf(model, '¶5.'))?.endLine, lineOf(model, 'End Comment.'), 'paragraph 5 nests inside the COMMENT fold');
  assert.equal(folds.filter((f) => f.kind === FoldingRangeKind.Region).length, 0, 'the summary shares paragraph 1\'s line');
});

test('an unterminated block is not folded', () => {
  const { model } = fixture('body-only.cable');
  const folds = foldingRanges(model);
  assertFolding(model, folds);
  assert.ok(!folds.some((f) => f.kind === FoldingRangeKind.Comment));
  assert.deepEqual(folds, [{ startLine: lineOf(model, '1. (C)'), endLine: lineOf(model, 'whose only reference') }]);
});

test('crossing ranges: the earlier one is kept, so the editor receives only nestable folds', () => {
  const text = ['UNCLAS ROME 000042', '', '1. One', 'one', 'one', '', '2. Two', 'two', 'two', 'two'].join('\n');
  const model = parseCable(text);
  model.blocks = [
    {
      kind: 'summary',
      range: { start: { line: 3, character: 0 }, end: { line: 8, character: 3 } },
      start: { text: 'SUMMARY', range: { start: { line: 3, character: 0 }, end: { line: 3, character: 3 } } },
      end: { text: 'END SUMMARY', range: { start: { line: 8, character: 0 }, end: { line: 8, character: 3 } } },
    },
  ];
  const folds = foldingRanges(model);
  assertFolding(model, folds);
  assert.ok(folds.some((f) => f.startLine === 2 && f.endLine === 4), 'paragraph 1 kept');
  assert.ok(!folds.some((f) => f.startLine === 3), 'the crossing summary is dropped');
});

test('the client\'s range limit is respected', () => {
  const { model } = fixture('08OSLO123.cable');
  assert.equal(foldingRanges(model, 2).length, 2);
  assert.ok(foldingRanges(model).length > 2);
});

test('empty documents fold nothing', () => {
  assert.deepEqual(foldingRanges(parseCable('')), []);
});

for (const c of FOLD_CASES) {
  test(`folds end on the element's last line of text: ${c.name}`, () => {
    const model = parseCable(c.text);
    const folds = foldingRanges(model);
    assertFolding(model, folds);
    assert.deepEqual(folds, expectedFolds(c));
  });
}

test('a file of several cables: each cable folds to its last line of text, not to the blank lines before the next', () => {
  const text = readFileSync(join(repoRoot, 'test', 'fixtures', 'multi', 'routing-bundle.cables'), 'utf8');
  const lines = text.split('\n');
  const starts = lines.flatMap((l, i) => (l.startsWith('VZCZC') ? [i] : []));
  assert.equal(starts.length, 3);
  const folds = fileFoldingRanges(parseCableFile(text, parseCable));
  for (const start of starts) {
    const fold = folds.find((f) => f.startLine === start);
    assert.ok(fold, `cable at line ${start} folds`);
    assert.equal(lines[fold.endLine]!.trim(), 'NNNN', `the cable at line ${start} folds to its NNNN`);
  }
});

test('a heading between paragraphs folds its section and stays out of the paragraph before; one after the last paragraph stays out of its fold too', () => {
  const text = ['UNCLAS ROME 000042', '', 'TAGS: PREL', 'SUBJECT: TEST', '', '1. (U) One', 'one.', '', 'NEXT STEPS', '', '2. (U) Two', 'two.', '', 'MINIMIZE CONSIDERED', ''].join('\n');
  const model = parseCable(text);
  const folds = foldingRanges(model);
  assert.deepEqual(
    folds.filter((f) => f.startLine >= 5),
    [
      { startLine: 5, endLine: 6 },
      { startLine: 8, endLine: 11 },
      { startLine: 10, endLine: 11 },
    ],
  );
});
