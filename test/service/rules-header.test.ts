import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CLEAN, applyFix, edit, expectNone, expectOne } from './rulesHelpers.ts';

test('precedence-mismatch: RR on the routing line, P on the DTG line', () => {
  const text = edit(CLEAN, 'PP RUEHWEB', 'RR RUEHWEB');
  const f = expectOne(text, 'precedence-mismatch', 'RR', { exact: true });
  assert.match(f.message, /expected PP/);
  assert.equal(f.related?.[0]?.range.start.line, 5, 'points at the DTG line');
  assert.equal(applyFix(text, f), CLEAN);
});

test('precedence-mismatch: dual precedence takes the higher', () => {
  expectNone(edit(CLEAN, 'P 141030Z JUL 09', 'P R 141030Z JUL 09'), 'precedence-mismatch');
  expectOne(edit(CLEAN, 'P 141030Z JUL 09', 'O R 141030Z JUL 09'), 'precedence-mismatch', 'PP RUEHWEB');
});

test('precedence-mismatch: not raised when they agree', () => {
  expectNone(CLEAN, 'precedence-mismatch');
});

test('serial-mismatch: station serial against the banner serial', () => {
  const text = edit(CLEAN, 'DE RUEHFR #0123/01 1951030', 'DE RUEHFR #0124/01 1951030');
  const f = expectOne(text, 'serial-mismatch', 'DE RUEHFR');
  assert.match(f.message, /expected #0123/);
});

test('serial-mismatch: section suffix against the banner SECTION', () => {
  const text = edit(CLEAN, 'DE RUEHFR #0123/01 1951030', 'DE RUEHFR #0123/02 1951030');
  const f = expectOne(text, 'serial-mismatch', 'DE RUEHFR');
  assert.match(f.message, /expected \/01/);
});

test('serial-mismatch: a banner serial above 9999 keeps its last four digits', () => {
  let text = edit(CLEAN, 'DE RUEHFR #0123/01 1951030', 'DE RUEHFR #2345/01 1951030');
  text = edit(text, 'C O N F I D E N T I A L SECTION 01 OF 02 PARIS 000123', 'C O N F I D E N T I A L SECTION 01 OF 02 PARIS 012345');
  expectNone(text, 'serial-mismatch');
});

test('serial-mismatch: not raised when they agree', () => {
  expectNone(CLEAN, 'serial-mismatch');
});
