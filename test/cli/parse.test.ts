/**
 * `cable parse` in-process (main() with a fake CliIO) and through the built bin, on the seed and on
 * files that are not cables or not text.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { main } from '../../server/src/cli.ts';
import { failParsesAtLine } from '../../server/src/service/parse.ts';
import { memoryIO } from './memoryIO.ts';
import { CLEAN } from '../service/rulesHelpers.ts';

const root = join(__dirname, '..', '..');
const seed = join(root, 'test', 'fixtures', 'seed', '09BRUSSELS995.cable');

const fakeIO = (cwd = root) => memoryIO(cwd);

test('cable parse prints the documented JSON for the seed cable', async () => {
  const io = fakeIO();
  const code = await main(['parse', 'test/fixtures/seed/09BRUSSELS995.cable'], io);
  assert.equal(code, 0);
  assert.equal(io.err, '');
  const [r] = JSON.parse(io.out);
  assert.equal(r.file, 'test/fixtures/seed/09BRUSSELS995.cable');
  assert.equal(r.line, 0);
  assert.equal(r.id, '09BRUSSELS995');
  assert.equal(r.origin, 'BRUSSELS');
  assert.equal(r.serial, 995);
  assert.equal(r.year, 2009);
  assert.deepEqual(r.classification, { level: 'C', caveats: [], banner: 'C O N F I D E N T I A L BRUSSELS 000995' });
  assert.deepEqual(r.dtg, { text: '201547Z JUL 09', iso: '2009-07-20T15:47:00Z' });
  assert.equal(r.filingTime.julianDay, 201);
  assert.equal(r.filingTime.iso, '2009-07-20T15:47:00Z');
  assert.equal(r.header.transmissionId, 'VZCZCXYZ0015');
  assert.deepEqual(r.header.precedence, ['R']);
  assert.equal(r.header.station, 'RUEHBS');
  assert.equal(r.header.stationSerial, 995);
  assert.deepEqual(r.header.security, { signal: 'ZNY', letters: 'CCCCC', level: 'C' });
  assert.deepEqual(r.header.to, [{ routingIndicator: 'RUEHC', name: 'SECSTATE WASHDC', precedence: null, number: 9227 }]);
  assert.deepEqual(r.tags.map((t: { code: string }) => t.code), ['PREL', 'PARM', 'PGOV', 'RS', 'BE']);
  assert.deepEqual(r.tags.map((t: { kind: string }) => t.kind), ['subject', 'subject', 'subject', 'geographic', 'geographic']);
  assert.equal(r.subject, 'BELGIAN REACTION TO RESULTS OF U.S.-RUSSIA PRESIDENTIAL SUMMIT');
  assert.deepEqual(r.references, [{ label: null, text: 'STATE 71326', cableId: '09STATE71326' }]);
  assert.deepEqual(r.classifiedBy.reason, { section: '1.4', letters: ['b', 'd'] });
  assert.equal(r.declassification.order, 12958);
  assert.equal(r.declassification.date, '2019-07-16');
  assert.deepEqual(r.captions, ['SIPDIS']);
  assert.deepEqual(
    r.paragraphs.map((p: { number: number; marking: { level: string } }) => [p.number, p.marking.level]),
    [[1, 'C'], [2, 'C'], [3, 'C']],
  );
  assert.equal(r.paragraphs[0].range.start.character, 0);
  assert.deepEqual(r.signature, ['BUSH']);
  assert.deepEqual(r.problems, []);
});

test('unreadable, empty and binary files get an error entry and exit 2; the others are still printed', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cable-parse-'));
  writeFileSync(join(dir, 'nul.cable'), Buffer.from([0x55, 0x4e, 0x00, 0x43]));
  writeFileSync(join(dir, 'latin1.cable'), Buffer.from([0x55, 0xe9, 0xff, 0x0a]));
  writeFileSync(join(dir, 'empty.cable'), '');
  const io = fakeIO(dir);
  const code = await main(['parse', seed, 'nul.cable', 'missing.cable', 'latin1.cable', 'empty.cable'], io);
  assert.equal(code, 2);
  const out = JSON.parse(io.out);
  assert.equal(out.length, 5);
  assert.equal(out[0].id, '09BRUSSELS995');
  assert.deepEqual(out[1], { file: 'nul.cable', line: 0, error: 'not a text file (a NUL byte at byte 2)' });
  assert.deepEqual(out[2], { file: 'missing.cable', line: 0, error: 'no such file or directory' });
  assert.deepEqual(out[3], { file: 'latin1.cable', line: 0, error: 'not UTF-8 text (an invalid byte at byte 1)' });
  assert.deepEqual(out[4], { file: 'empty.cable', line: 0, error: 'empty file' });
  assert.match(io.err, /cable parse: nul\.cable: not a text file/);
  assert.match(io.err, /4 input\(s\) could not be parsed; 1 cable\(s\) parsed/);
  // The array holds one entry per line, so a line-oriented tool can take it apart too.
  assert.deepEqual(io.out.split('\n').slice(1, -2).map((l) => JSON.parse(l.replace(/,$/, '')).file), out.map((r: { file: string }) => r.file));
});

test('jsonl: one object per line; csv: a header and one row per cable, quoted where needed', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cable-parse-'));
  writeFileSync(join(dir, 'a.cable'), readFileSync(seed));
  writeFileSync(join(dir, 'b.cable'), CLEAN.replace('SUBJECT: FRENCH VIEWS ON A SAMPLE TOPIC', 'SUBJECT: FRENCH VIEWS, "SAMPLE" TOPIC'));
  writeFileSync(join(dir, 'c.cable'), '');
  const jsonl = fakeIO(dir);
  assert.equal(await main(['parse', '--format', 'jsonl', '.'], jsonl), 2);
  const lines = jsonl.out.trimEnd().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(lines.map((l) => l.id ?? l.error), ['09BRUSSELS995', '09PARIS123', 'empty file']);
  const csv = fakeIO(dir);
  assert.equal(await main(['parse', '--format=csv', '.'], csv), 2);
  const rows = csv.out.trimEnd().split('\n');
  assert.equal(rows[0], 'file,line,id,date,origin,level,caveats,tags,subject,references,signer,error');
  assert.equal(rows[1], 'a.cable,0,09BRUSSELS995,2009-07-20T15:47:00Z,BRUSSELS,C,,PREL;PARM;PGOV;RS;BE,BELGIAN REACTION TO RESULTS OF U.S.-RUSSIA PRESIDENTIAL SUMMIT,09STATE71326,BUSH,');
  assert.equal(rows[2], 'b.cable,0,09PARIS123,2009-07-14T10:30:00Z,PARIS,C,,PREL;PGOV;FR,"FRENCH VIEWS, ""SAMPLE"" TOPIC",09STATE12345,SAMPLE,');
  assert.equal(rows[3], 'c.cable,0,,,,,,,,,,empty file');
});

test('folders are walked for *.cable in sorted order; usage errors exit 2', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cable-parse-'));
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'sub', 'b.cable'), readFileSync(seed));
  writeFileSync(join(dir, 'a.cable'), 'UNCLAS KABUL 005855\n\n1. (U) Text.\n');
  writeFileSync(join(dir, 'notes.txt'), 'not a cable');
  const io = fakeIO(dir);
  assert.equal(await main(['parse', '.'], io), 0);
  assert.deepEqual(JSON.parse(io.out).map((r: { file: string }) => r.file), ['a.cable', join('sub', 'b.cable')]);
  assert.equal(io.err, '');
  const none = fakeIO(dir);
  assert.equal(await main(['parse'], none), 2);
  assert.match(none.err, /no PATH/);
  const bad = fakeIO(dir);
  assert.equal(await main(['parse', '--bogus', 'a.cable'], bad), 2);
  const help = fakeIO(dir);
  assert.equal(await main(['parse', '--help'], help), 0);
  assert.match(help.out, /Usage: cable parse/);
});

test('the built bin prints the same JSON', (t) => {
  const bin = join(root, 'bin', 'cable.js');
  if (!existsSync(join(root, 'dist', 'cli.js'))) {
    t.skip('dist/cli.js not built (npm run build)');
    return;
  }
  const r = spawnSync(process.execPath, [bin, 'parse', seed], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const [doc] = JSON.parse(r.stdout);
  assert.equal(doc.id, '09BRUSSELS995');
});

test('cable parse: a line the parser fails on gives the file an error beside the model of the rest, the stack on stderr, exit 2', async () => {
  const io = fakeIO();
  const line = readFileSync(seed, 'utf8').split('\n').findIndex((l) => l.startsWith('SUBJECT'));
  failParsesAtLine(line);
  let code: number;
  try {
    code = await main(['parse', 'test/fixtures/seed/09BRUSSELS995.cable'], io);
  } finally {
    failParsesAtLine(undefined);
  }
  assert.equal(code, 2);
  const [r] = JSON.parse(io.out);
  assert.match(r.error, new RegExp(`The parser failed reading line ${line + 1} .*left out`));
  assert.ok(r.problems.some((p: { code: string }) => p.code === 'parser-error'));
  assert.equal(r.id, '09BRUSSELS995', 'the rest of the cable was read');
  assert.match(io.err, /internal parser error: Error: the parse fails at line \d+ on purpose/);
  assert.match(io.err, /\n {4}at /, 'with its stack');
});

test("cable parse gives a partial extract's references the year of a file named after a cable id", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cable-refs-'));
  const text = ['CONFIDENTIAL', 'THIS RECORD IS A PARTIAL EXTRACT OF THE ORIGINAL CABLE. THE FULL TEXT OF THE ORIGINAL CABLE IS NOT AVAILABLE.', '', 'SUBJECT: A TEST SUBJECT', '', 'REF: STATE 89241', '', '1. (C) Text.', ''].join('\n');
  writeFileSync(join(dir, '04MADRID1731.cable'), text);
  writeFileSync(join(dir, 'notes.cable'), text);
  const io = fakeIO(dir);
  assert.equal(await main(['parse', '04MADRID1731.cable', 'notes.cable'], io), 0);
  const [named, unnamed] = JSON.parse(io.out);
  assert.deepEqual(named.references.map((r: { cableId: string | null }) => r.cableId), ['04STATE89241']);
  assert.deepEqual(unnamed.references.map((r: { cableId: string | null }) => r.cableId), [null]);
});
