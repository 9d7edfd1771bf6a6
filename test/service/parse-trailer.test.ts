/**
 * The trailer lines below the text (`BT`, `#0042`, `NNNN`) are prosigns in the model, as the header's own
 * `BT` and `NNNN` are, and folding reads them from there.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCable } from '../../server/src/service/parse.ts';
import { foldingRanges } from '../../server/src/service/features/folding.ts';

const CABLE = [
  'VZCZCXRO0042',
  'RR RUEHC',
  'DE RUEHRO #0042/01 0451530',
  'ZNY CCCCC ZZH',
  'R 141530Z FEB 09',
  'FM AMEMBASSY ROME',
  'TO RUEHC/SECSTATE WASHDC 7001',
  'BT',
  'C O N F I D E N T I A L SECTION 01 OF 02 ROME 000042',
  '',
  'E.O. 12958: DECL: 02/14/2019',
  'TAGS: PREL, IT',
  'SUBJECT: (C) A TRAILER',
  '',
  '1. (C) The ministry listed its options.',
  '-- extend the current rotation through the',
  'winter season;',
  '',
  'BT',
  '#0042/01',
  'NNNN',
  '',
].join('\n');

test('the trailer lines are prosigns, after the header\'s BT, in line order', () => {
  const doc = parseCable(CABLE);
  assert.deepEqual(
    doc.header.prosigns.map((p) => [p.text, doc.lines[p.range.start.line]]),
    [
      ['BT', 'BT'],
      ['BT', 'BT'],
      ['#0042/01', '#0042/01'],
      ['NNNN', 'NNNN'],
    ],
  );
  assert.deepEqual(doc.header.prosigns.map((p) => p.range.start.line), [7, 18, 19, 20]);
  // A serial inside a sentence, or a longer number, is text.
  const text = parseCable(CABLE.replace('#0042/01\n', '#00421\n'));
  assert.deepEqual(text.header.prosigns.map((p) => p.text), ['BT', 'BT', 'NNNN']);
});

test('folding ends the paragraph and its bullet before the trailer', () => {
  const doc = parseCable(CABLE);
  const folds = foldingRanges(doc);
  const para = doc.lines.indexOf('1. (C) The ministry listed its options.');
  const last = doc.lines.indexOf('winter season;');
  assert.ok(folds.some((f) => f.startLine === para && f.endLine === last), JSON.stringify(folds));
  assert.ok(folds.some((f) => f.startLine === para + 1 && f.endLine === last), 'the bullet folds over its wrapped line');
});
