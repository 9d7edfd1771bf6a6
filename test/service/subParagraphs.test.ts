/**
 * Sub-paragraph ranges on synthetic cables: a bullet or lettered item runs over the lines it wraps onto
 * (unindented after the 69/71-column cut, or with a hanging indent, across a blank line at that indent),
 * and stops at the next label, a blank line and a line that does not continue it, an unwrapped line, the
 * next paragraph or the signature. Folding and selection ranges follow the model.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCable } from '../../server/src/service/parse.ts';
import type { SelectionRange } from 'vscode-languageserver-types';
import type { CableDocument, Range, SubParagraph } from '../../server/src/service/model.ts';
import { foldingRanges } from '../../server/src/service/features/folding.ts';
import { selectionRanges } from '../../server/src/service/features/selectionRanges.ts';

const HEAD = ['UNCLAS MADRID 000123', '', 'E.O. 12958: N/A', 'TAGS: PREL, SP', 'SUBJECT: LISTS', ''];

function cable(...body: string[]): CableDocument {
  return parseCable([...HEAD, ...body, ''].join('\n'));
}

/** The line that holds `needle` (it must be on exactly one line). */
function lineOf(doc: CableDocument, needle: string): number {
  const found = doc.lines.flatMap((l, i) => (l.includes(needle) ? [i] : []));
  assert.equal(found.length, 1, `${JSON.stringify(needle)} is on ${found.length} lines`);
  return found[0]!;
}

/** Each sub-paragraph as [its label line's text, its last line's text]. */
function spans(doc: CableDocument): [string, string][] {
  const subs: SubParagraph[] = doc.paragraphs.flatMap((p) => p.subParagraphs);
  return subs.map((s) => [doc.lines[s.range.start.line]!.trim(), doc.lines[s.range.end.line]!.trim()]);
}

test('bullets after a sentence take their unindented wrapped lines (the 71-column cut)', () => {
  const doc = cable(
    '1. (U) The minister listed the options for the coming season.',
    '-- extend the current rotation through the winter season and',
    'into the spring;',
    '-- ask the partners for help over the summer, which the',
    'ministry prefers, and',
    'report back in March.',
    '',
    '2. (U) Next.',
  );
  assert.deepEqual(spans(doc), [
    ['-- extend the current rotation through the winter season and', 'into the spring;'],
    ['-- ask the partners for help over the summer, which the', 'report back in March.'],
  ]);
  const folds = foldingRanges(doc);
  for (const [start, end] of [
    ['-- extend', 'into the spring;'],
    ['-- ask the partners', 'report back in March.'],
  ]) {
    assert.ok(
      folds.some((f) => f.startLine === lineOf(doc, start) && f.endLine === lineOf(doc, end)),
      `a fold from ${start} to ${end}: ${JSON.stringify(folds)}`,
    );
  }
});

test('lettered items with a hanging indent, and a second paragraph at that indent after a blank line', () => {
  const doc = cable(
    '1. (U) Officials described two steps.',
    'A. (U) The ministry will extend the current rotation',
    '   through the winter season.',
    '',
    '   It will review the rotation in March.',
    'B. (U) The partners will be asked for help',
    '   over the summer.',
    '',
    'The embassy will report further.',
  );
  assert.deepEqual(spans(doc), [
    ['A. (U) The ministry will extend the current rotation', 'It will review the rotation in March.'],
    ['B. (U) The partners will be asked for help', 'over the summer.'],
  ]);
  const folds = foldingRanges(doc);
  assert.ok(folds.some((f) => f.startLine === lineOf(doc, 'A. (U)') && f.endLine === lineOf(doc, 'review the rotation')));
  // The running text after the list is the paragraph's, not item B's.
  assert.ok(folds.some((f) => f.startLine === lineOf(doc, 'B. (U)') && f.endLine === lineOf(doc, 'over the summer.')));
});

test('no false merges: text after a blank line, a deeper caption, an unwrapped paragraph, the signature', () => {
  const afterBlank = cable('1. (U) Points:', '-- the first point', 'wraps here.', '', 'Running text after the list.');
  assert.deepEqual(spans(afterBlank), [['-- the first point', 'wraps here.']]);

  const caption = cable('1. (U) Points:', '-- the first point', 'wraps here.', '', '        COUNTRIES: SPAIN, PORTUGAL');
  assert.deepEqual(spans(caption), [['-- the first point', 'wraps here.']]);

  const long = 'The cabinet meets on the third and will decide then, after hearing from every ministry that has a stake in it.';
  const unwrapped = cable('1. (U) Points:', `-- ${long}`, 'The following steps would help the talks along.', '', '2. (U) Next.');
  assert.deepEqual(spans(unwrapped), [[`-- ${long}`, `-- ${long}`]]);

  const signed = cable('1. (U) Points:', '-- the first point', 'wraps here.', 'SOLOMON');
  assert.deepEqual(spans(signed), [['-- the first point', 'wraps here.']]);
  assert.deepEqual(signed.signature?.names, ['SOLOMON']);
});

test('a dash before a figure that running text wrapped onto a line start takes no lines', () => {
  const doc = cable(
    '1. (U) Spain remains active on the security and reconstruction fronts',
    '-- 700 troops serve in Herat -- and the government has pledged',
    'more aid for the coming year.',
  );
  assert.deepEqual(spans(doc), [['-- 700 troops serve in Herat -- and the government has pledged', '-- 700 troops serve in Herat -- and the government has pledged']]);
  const sub = lineOf(doc, '-- 700');
  assert.ok(!foldingRanges(doc).some((f) => f.startLine === sub), 'no fold starts at the wrapped dash');
});

test('a selection on a wrapped line of a bullet grows to the whole bullet', () => {
  const doc = cable('1. (U) The embassy raised two points with the ministry today.', '-- the first point that', 'wraps onto a second line', 'and a third.', '-- the second point.');
  const [sel] = selectionRanges(doc, [{ line: lineOf(doc, 'wraps onto'), character: 2 }]);
  const chain: Range[] = [];
  for (let s: SelectionRange | undefined = sel; s; s = s.parent) chain.push(s.range);
  const bullet = chain.find((r) => r.start.line === lineOf(doc, '-- the first point'));
  assert.ok(bullet, `a step starts at the bullet: ${JSON.stringify(chain)}`);
  assert.equal(bullet.end.line, lineOf(doc, 'and a third.'));
});

test('a dash that a sentence wrapped onto a line start before a lower-case word is running text', () => {
  const doc = cable(
    '1. (U) The talks went well, he said, and the minister added that his',
    '-- his experience in the region -- would help the new envoy.',
    'Officials listed the next steps:',
    '-- extend the rotation;',
    '-- ask the partners for help',
    '-- report back in March.',
    '',
    '-- keep the embassy informed.',
  );
  assert.deepEqual(
    spans(doc).map(([start]) => start),
    ['-- extend the rotation;', '-- ask the partners for help', '-- report back in March.', '-- keep the embassy informed.'],
  );
  // A capital after the dash still opens a bullet, even where the line before runs on.
  const upper = cable('1. (U) The minister named the partners in the region', '-- Spain, Portugal and Italy.');
  assert.deepEqual(spans(upper), [['-- Spain, Portugal and Italy.', '-- Spain, Portugal and Italy.']]);
});

test('number items (`1)`) open a list after a colon, a blank line or the item before; a wrapped figure does not', () => {
  const doc = cable(
    '1. (U) The ministry will take three steps:',
    '1) close the British School;',
    '2) reopen the consulate in the north; and',
    '3) review the visa rules.',
    '',
    '2. (U) The mission counted the attacks recorded through the end of May and in',
    '2) of the cases the police made arrests.',
  );
  assert.deepEqual(spans(doc), [
    ['1) close the British School;', '1) close the British School;'],
    ['2) reopen the consulate in the north; and', '2) reopen the consulate in the north; and'],
    ['3) review the visa rules.', '3) review the visa rules.'],
  ]);
  assert.deepEqual(
    doc.paragraphs[0]!.subParagraphs.map((s) => s.label),
    ['1', '2', '3'],
  );
  const afterBlank = cable('1. (U) The ministry listed its plans.', '', '4) Trade (TRAD-4)', '5) Investment (TRAD-4)');
  assert.deepEqual(
    afterBlank.paragraphs[0]!.subParagraphs.map((s) => s.label),
    ['4', '5'],
  );
});
