/**
 * The head test that turns a plain-text file into a cable (editor) or lets `cable lint` read a `.txt`
 * file: every corpus and fixture cable passes it; prose, notes, mail and code that merely mention cable
 * words do not.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CABLE_HEAD_CHARS, cableHeadSign, looksLikeCable } from '../../server/src/service/detect.ts';

const root = join(__dirname, '..', '..');
const corpus = join(root, '..', 'shared', 'corpus');

function head(path: string): string {
  return readFileSync(path, 'utf8').slice(0, CABLE_HEAD_CHARS);
}

test('every corpus cable is recognised from its head', { skip: !existsSync(corpus) && 'no ../shared/corpus' }, () => {
  const files = readdirSync(corpus).filter((f) => f.endsWith('.cable'));
  assert.ok(files.length > 800);
  const missed = files.filter((f) => !looksLikeCable(head(join(corpus, f))));
  assert.deepEqual(missed, []);
});

test('every fixture cable is recognised from its head', () => {
  for (const dir of ['cables', 'cables-features', 'seed', 'e2e']) {
    for (const f of readdirSync(join(root, 'test', 'fixtures', dir)).filter((n) => n.endsWith('.cable'))) {
      assert.ok(looksLikeCable(head(join(root, 'test', 'fixtures', dir, f))), `${dir}/${f}`);
    }
  }
});

test('each sign on its own', () => {
  assert.equal(cableHeadSign('\n\nVZCZCXYZ0015\nRR RUEHWEB\n'), 'routing-line');
  assert.equal(cableHeadSign('This record is a partial extract of the original cable. The full text of the original cable is not available.\n'), 'partial-extract');
  assert.equal(cableHeadSign('C O N F I D E N T I A L PARIS 000123\n\nSIPDIS\n\nE.O. 12958: DECL: 01/01/2019\n'), 'heading');
  assert.equal(cableHeadSign('TAGS: PREL PGOV FR\nSUBJECT: FRENCH VIEWS\n'), 'heading');
  assert.equal(cableHeadSign('O 121758Z MAY 86\nFM AMEMBASSY MADRID\nTO SECSTATE WASHDC IMMEDIATE 1234\n'), 'precedence-line');
  assert.equal(cableHeadSign('INFO  LOG-00   EEB-00   AF-00\nACTION SCA-00\nFM AMEMBASSY DHAKA\n'), 'printout');
});

test('ordinary text files are not cables', () => {
  const notCables = [
    'Dear colleagues,\n\nSubject: the archive meeting\n\nWe meet on Friday to discuss the TAGS system and secret cables.\n',
    'Tags: travel, notes\nSubject: Paris trip\n\nA lovely week.\n',
    'From: alice@example.org\nTo: bob@example.org\nSubject: Re: cables\n\nSee the attached file.\n',
    '# Notes on Cablegate\n\nThe cables carry a TAGS line and a SUBJECT line, e.g. `TAGS: PREL`.\n',
    'SECRET SANTA LIST\n\nAnna - Ben\nBen - Carla\n',
    '{\n  "name": "cable-language",\n  "version": "0.1.0"\n}\n',
    '',
  ];
  for (const text of notCables) assert.equal(cableHeadSign(text), undefined, JSON.stringify(text.slice(0, 40)));
  for (const f of ['README.md', 'CHANGELOG.md', 'package.json', 'LICENSE']) assert.equal(looksLikeCable(head(join(root, f))), false, f);
});

test('the test reads the head only, and a huge line costs one scan', () => {
  const late = `${'x'.repeat(CABLE_HEAD_CHARS + 10)}\nVZCZCXYZ0015\n`;
  assert.equal(looksLikeCable(late), false);
  const long = `${'A'.repeat(100_000)}\nTAGS: PREL\nSUBJECT: X\n`;
  const t = performance.now();
  assert.equal(looksLikeCable(long), false);
  assert.ok(performance.now() - t < 50);
});
