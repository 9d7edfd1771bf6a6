/**
 * The scorer itself: its normalisation, the cablemap comparison and wrapping, and the gold reader. A
 * scorer that is wrong makes every figure wrong, so each rule the README states is checked here.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { authority, cableId, commonInOrder, tag, text } from '../../scripts/accuracy/normalise.ts';
import { authorityAgrees, scoreCablemapCase } from '../../scripts/accuracy/cablemap.ts';
import { syntheticCable } from '../../scripts/accuracy/cablemap-wrap.ts';
import type { CablemapCase } from '../../scripts/accuracy/cablemap-cases.ts';
import { fieldLine, readGold } from '../../scripts/accuracy/gold.ts';
import { parseRecord } from '../../scripts/accuracy/record.ts';

test('normalise: blanks and case, authority punctuation, TAGS entries, cable ids', () => {
  assert.equal(text('  Belgian   reaction\tto '), 'BELGIAN REACTION TO');
  assert.equal(text(null), '');
  assert.equal(authority('DCM Jane Doe, ;'), 'DCM JANE DOE');
  assert.equal(authority('Ambassador John Smith, Jr.'), 'AMBASSADOR JOHN SMITH, JR');
  assert.equal(tag('(SMITH ,JOHN)'), 'SMITH, JOHN');
  assert.equal(tag('usEU  brussels'), 'USEU BRUSSELS');
  assert.equal(cableId('09CAIRO0561'), '09CAIRO561');
  assert.equal(cableId('06 tbilisi 0140'), '06TBILISI140');
  assert.equal(cableId('10STATE0'), '10STATE0');
  assert.equal(cableId(null), '');
});

test('normalise: items agreed on in order', () => {
  assert.equal(commonInOrder(['A', 'B', 'C', 'D'], ['A', 'C', 'X', 'D']), 3);
  assert.equal(commonInOrder(['A', 'B'], ['B', 'A']), 1);
  assert.equal(commonInOrder([], ['A']), 0);
});

test('cablemap: the authority with its title agrees with the name cablemap extracts', () => {
  assert.ok(authorityAgrees('Ambassador Glyn T. Davies', ['Glyn T. Davies']));
  assert.ok(authorityAgrees('Rose E. Gottemoeller, Assistant Secretary, Department of State, VCI', ['Rose E. Gottemoeller']));
  assert.ok(authorityAgrees('CONSUL GENERAL EDWARD G. ABINGTON, JR', ['EDWARD G. ABINGTON, JR.']));
  assert.ok(authorityAgrees('THOMAS W. SIMONS, JR., AMBASSADOR', ['THOMAS W. SIMONS, JR.']));
  assert.ok(authorityAgrees('Acting DCM/Ted Osius', ['Ted Osius']));
  assert.ok(authorityAgrees('DCM J. Dean Yap (acting)', ['J. Dean Yap']));
  assert.ok(authorityAgrees(null, []));
  // Reason words or other words after the name, a name cut at a line end, a name inside a word: misses.
  assert.ok(!authorityAgrees('Political Minister-Counselor Christopher R. Davis for re', ['Christopher R. Davis']));
  assert.ok(!authorityAgrees('AMBASSADOR RICAHRD E. HOAGLAND: 1.2 (B), (D)', ['RICAHRD E. HOAGLAND']));
  assert.ok(!authorityAgrees('Glyn T. Davies, reasons 1.4 (b)', ['Glyn T. Davies']));
  assert.ok(!authorityAgrees('Acting Director Patricia', ['Patricia A McNerney']));
  assert.ok(!authorityAgrees('AMBSMITH', ['SMITH']));
  assert.ok(!authorityAgrees('(C)', []));
});

function caseOf(over: Partial<CablemapCase>): CablemapCase {
  return { id: 't/1', file: 'f', commit: 'c', test: 't', cable: null, field: 'references', input: '', year: 2008, citing: null, options: {}, expected: [], ...over };
}

test('cablemap: a REF fragment is read in a cable of the citing year and post', () => {
  const c = caseOf({ cable: '03ANKARA6322', year: 2003, input: 'REF: A) ANKARA 6307 B) 02 STATE 285773 ', expected: ['03ANKARA6307', '02STATE285773'] });
  const record = parseRecord('t.cable', syntheticCable(c));
  assert.equal(record.id, '03ANKARA6322');
  assert.deepEqual(record.references.map((r) => r.cableId), ['03ANKARA6307', '02STATE285773']);
  assert.equal(scoreCablemapCase(c).status, 'agree');
  assert.equal(scoreCablemapCase({ ...c, expected: ['03ANKARA6307'] }).status, 'miss');
});

test('cablemap: aliases map a respelt post back to the id as written; set-aside cases are not run', () => {
  const c = caseOf({ cable: '09RIODEJANEIRO357', year: 2009, input: 'REF: A. RIO 329', expected: ['09RIODEJANEIRO329'] });
  assert.equal(scoreCablemapCase(c).status, 'miss');
  const aliased = scoreCablemapCase({ ...c, idAliases: { '09RIODEJANEIRO329': '09RIO329' } });
  assert.deepEqual([aliased.status, aliased.convention], ['agree', 'corrected-post-name']);
  assert.equal(scoreCablemapCase({ ...c, setAside: { convention: 'x', why: 'y' } }).status, 'set-aside');
});

test('cablemap: a signature tail follows an opening paragraph; a TO block gets a DTG and FM line', () => {
  const tail = caseOf({ field: 'signer', cable: '88DHAKA2166', year: 1988, input: 'IS UNAVAILABLE AT POST.\n\n\nDE PREE\n', expected: ['DE PREE'] });
  const text = syntheticCable(tail);
  assert.match(text, /^R 011200Z JAN 88\nFM AMEMBASSY DHAKA\n/);
  assert.match(text, /1\. \(U\) Opening paragraph[^\n]*\n\nIS UNAVAILABLE/);
  const to = caseOf({ field: 'to', input: 'TO SPECIAL EMBASSY PROGRAM NIACT IMMEDIATE', expected: [] });
  assert.match(syntheticCable(to), /^R 011200Z JAN 08\nFM SECSTATE WASHDC\nTO SPECIAL EMBASSY PROGRAM NIACT IMMEDIATE\n/);
});

test('gold: an incomplete last line is skipped and named; a later line for an id replaces an earlier one', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gold-'));
  const row = (id: string, subject: string) => JSON.stringify({ id, subject, tags: [], references: [], classifiedBy: null, signer: null, notes: '' });
  writeFileSync(join(dir, 'batch-1.jsonl'), `${row('09A1', 'ONE')}\n${row('09B2', 'TWO')}\n${row('09A1', 'ONE AGAIN')}\n{"id":"09C3","subj`);
  writeFileSync(join(dir, 'notes.txt'), 'not a gold file');
  const g = readGold(dir);
  assert.deepEqual(g.rows.map((r) => [r.id, r.subject]), [['09A1', 'ONE AGAIN'], ['09B2', 'TWO']]);
  assert.deepEqual(g.skipped, ['batch-1.jsonl:4: not a complete gold line']);
});

test('gold: the line shown with a miss is the field\'s line, or the signer\'s last mention', () => {
  const lines = ['C O N F I D E N T I A L', 'TAGS: PREL', 'SUBJECT: TALKS', 'REF: STATE 1', '1. (C) Smith met Jones.', '', 'JONES', ''];
  assert.equal(fieldLine(lines, 'subject', null), '3: SUBJECT: TALKS');
  assert.equal(fieldLine(lines, 'references', null), '4: REF: STATE 1');
  assert.equal(fieldLine(lines, 'signer', 'Jones'), '7: JONES');
  assert.equal(fieldLine(lines, 'signer', null), '7: JONES');
  assert.equal(fieldLine(lines, 'classifiedBy', null), '(no such line)');
});
