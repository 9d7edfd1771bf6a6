/**
 * The pure helpers of the archive view and the timeline: the filter edited by a click on a month, the
 * count axis's ticks, the time axis's label stride and the label of a group.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chosenMonths, count, withMonth, withoutDates } from '../../client/src/archive/queryText.ts';
import { monthName, niceTicks, yearStride } from '../../client/src/archive/webview/scale.ts';
import { parseQuery } from '../../server/src/workspace/query.ts';
import { groupLabel } from '../../client/src/archive/groupLabel.ts';

test('a month clicked replaces the filter dates and keeps the other terms', () => {
  assert.equal(withMonth('#PTER @PARIS 2009 !S', '2008-07'), '#PTER @PARIS !S 2008-07');
  assert.equal(withMonth('2008..2009 -2010 visa', '2009-01'), 'visa 2009-01');
  assert.equal(withMonth('', '2009-07'), '2009-07');
  assert.equal(withMonth('09PARIS100', '2009-07'), '09PARIS100 2009-07', 'a cable id is no date');
  // The months it writes are date terms of the query language.
  const term = parseQuery(withMonth('#PTER', '2009-07')).terms.at(-1)!;
  assert.equal(term.kind, 'date');
});

test('the timeline plots the filter without its dates and marks the months it names', () => {
  assert.equal(withoutDates('#PTER 2009-07 @PARIS 2009-08'), '#PTER @PARIS');
  assert.deepEqual(chosenMonths('#PTER 2009-07 2009 2009-08'), ['2009-07', '2009-08']);
  assert.equal(count(250000), '250\u202f000');
});

test('count ticks are round, start at 0 and reach the peak', () => {
  assert.deepEqual(niceTicks(7), [0, 2, 4, 6, 8]);
  assert.deepEqual(niceTicks(1), [0, 1]);
  assert.deepEqual(niceTicks(0), [0, 1]);
  const big = niceTicks(12_345);
  assert.equal(big[0], 0);
  assert.ok(big.at(-1)! >= 12_345);
  assert.ok(big.length >= 4 && big.length <= 8, big.join(' '));
  const step = big[1]!;
  assert.ok(big.every((v, i) => v === i * step));
  assert.match(String(step), /^[125]0*$/);
});

test('year labels never crowd: the stride grows as years shrink', () => {
  assert.equal(yearStride(100), 1);
  assert.equal(yearStride(20), 2);
  assert.equal(yearStride(8), 5);
  assert.equal(yearStride(1), 50);
  assert.equal(monthName('2009-07'), 'July 2009');
});

test('a coded group\'s label: the code first (typing it finds the group), then what it stands for', () => {
  assert.equal(groupLabel({ label: 'PREL', title: 'Political Affairs--External Political Relations' }), 'PREL — Political Affairs--External Political Relations');
  assert.equal(groupLabel({ label: 'KTFN' }), 'KTFN');
  assert.equal(groupLabel({ label: 'July 2009' }), 'July 2009');
});
