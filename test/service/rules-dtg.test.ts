import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CLEAN, applyFix, codes, edit, expectNone, expectOne } from './rulesHelpers.ts';
import { closestMonth } from '../../server/src/service/rules/dtg.ts';

const DTG_LINE = 'P 141030Z JUL 09';

test('the clean cables raise nothing', () => {
  assert.deepEqual(codes(CLEAN), []);
});

test('dtg-malformed: missing zone letter', () => {
  const text = edit(CLEAN, DTG_LINE, 'P 141030 JUL 09');
  const f = expectOne(text, 'dtg-malformed', '141030 JUL 09');
  assert.match(f.message, /expected DDHHMM/);
  assert.equal(f.effectiveSeverity, 'error');
});

test('dtg-malformed: missing year', () => {
  expectOne(edit(CLEAN, DTG_LINE, 'P 141030Z JUL'), 'dtg-malformed', '141030Z JUL');
});

test('dtg-malformed: missing minutes (2015Z JUL 09)', () => {
  const text = edit(CLEAN, DTG_LINE, 'P 1410Z JUL 09');
  expectOne(text, 'dtg-malformed', '1410Z JUL 09');
});

test('dtg-malformed: misspelled month, with a fix to the right month', () => {
  const text = edit(CLEAN, DTG_LINE, 'P 141030Z JLY 09');
  const f = expectOne(text, 'dtg-malformed', 'JLY', { exact: true });
  assert.equal(applyFix(text, f).split('\n')[5], DTG_LINE);
});

test('dtg-malformed: zone J (local time)', () => {
  const text = edit(CLEAN, DTG_LINE, 'P 141030J JUL 09');
  expectOne(text, 'dtg-malformed', '141030J');
});

test('dtg-malformed: not raised for a well-formed DTG (4-digit year too)', () => {
  expectNone(CLEAN, 'dtg-malformed');
  expectNone(edit(CLEAN, DTG_LINE, 'P 141030Z JUL 2009'), 'dtg-malformed');
});

test('closestMonth fixes one slip and refuses guesses', () => {
  assert.equal(closestMonth('JLY'), 'JUL');
  assert.equal(closestMonth('SEPT'), 'SEP');
  assert.equal(closestMonth('DECEMBER'), 'DEC');
  assert.equal(closestMonth('XQZ'), undefined);
});

test('dtg-invalid-date: 31 June, under the day', () => {
  const text = edit(CLEAN, DTG_LINE, 'P 311030Z JUN 09');
  const f = expectOne(text, 'dtg-invalid-date', '31', { exact: true, occurrence: 0 });
  assert.match(f.message, /day 31 does not exist/);
});

test('dtg-invalid-date: 29 February only in leap years', () => {
  expectOne(edit(CLEAN, DTG_LINE, 'P 291030Z FEB 09'), 'dtg-invalid-date', '291030Z');
  expectNone(edit(CLEAN, DTG_LINE, 'P 291030Z FEB 08'), 'dtg-invalid-date');
});

test('dtg-invalid-date: hour 24 and minute 60', () => {
  const h = edit(CLEAN, DTG_LINE, 'P 142430Z JUL 09');
  const fh = expectOne(h, 'dtg-invalid-date', '142430Z');
  assert.equal(fh.range.start.character, 4, 'the hour digits');
  const m = edit(CLEAN, DTG_LINE, 'P 141060Z JUL 09');
  const fm = expectOne(m, 'dtg-invalid-date', '141060Z');
  assert.equal(fm.range.start.character, 6, 'the minute digits');
});

test('dtg-invalid-date: not raised for a real time', () => {
  expectNone(CLEAN, 'dtg-invalid-date');
});

test('dtg-zone: zone letter other than Z', () => {
  const text = edit(CLEAN, DTG_LINE, 'P 141030A JUL 09');
  const f = expectOne(text, 'dtg-zone', 'A', { exact: true, occurrence: 0 });
  assert.equal(f.effectiveSeverity, 'warning');
});

test('dtg-zone: not raised for Z', () => {
  expectNone(CLEAN, 'dtg-zone');
});

test('dtg-filing-time-mismatch: filed before the DTG', () => {
  const text = edit(CLEAN, 'DE RUEHFR #0123/01 1951030', 'DE RUEHFR #0123/01 1950930');
  const f = expectOne(text, 'dtg-filing-time-mismatch', '1950930', { exact: true });
  assert.match(f.message, /60 minutes before/);
  assert.equal(f.related?.length, 1, 'points at the DTG');
});

test('dtg-filing-time-mismatch: filed two days after the DTG', () => {
  expectOne(edit(CLEAN, 'DE RUEHFR #0123/01 1951030', 'DE RUEHFR #0123/01 1971030'), 'dtg-filing-time-mismatch', '1971030');
});

test('dtg-filing-time-mismatch: year rollover (DTG 31 DEC, filed day 001)', () => {
  let text = edit(CLEAN, DTG_LINE, 'P 312350Z DEC 09');
  text = edit(text, 'DE RUEHFR #0123/01 1951030', 'DE RUEHFR #0123/01 0010010');
  expectNone(text, 'dtg-filing-time-mismatch');
});

test('dtg-filing-time-mismatch: not raised within 24 hours after', () => {
  expectNone(edit(CLEAN, 'DE RUEHFR #0123/01 1951030', 'DE RUEHFR #0123/01 1960900'), 'dtg-filing-time-mismatch');
});

test('dtg-filing-time-invalid: Julian day 000', () => {
  expectOne(edit(CLEAN, 'DE RUEHFR #0123/01 1951030', 'DE RUEHFR #0123/01 0001030'), 'dtg-filing-time-invalid', '0001030');
  expectNone(CLEAN, 'dtg-filing-time-invalid');
});

test('dtg-missing: a routing header without its DTG line', () => {
  const text = edit(CLEAN, DTG_LINE, '');
  expectOne(text, 'dtg-missing', 'DE RUEHFR');
  expectNone(CLEAN, 'dtg-missing');
});
