/**
 * `cable parse` and `cable lint` on a file of several cables one after another, read whole: one JSON
 * entry per cable with the file line it starts on, and findings placed in the file, cable by cable.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../server/src/cli.ts';
import { memoryIO } from './memoryIO.ts';

const root = join(__dirname, '..', '..');
const file = 'test/fixtures/multi/routing-bundle.cables';
const lines = readFileSync(join(root, file), 'utf8').split('\n');

test('cable parse gives one entry per cable of a bundle, each with its first line and ranges in the file', async () => {
  const io = memoryIO(root);
  assert.equal(await main(['parse', file], io), 0);
  const entries = JSON.parse(io.out) as { file: string; line: number; id: string; subject: string; paragraphs: { range: { start: { line: number } } }[] }[];
  assert.deepEqual(
    entries.map((e) => [e.file, e.line, e.id]),
    [
      [file, 0, '09PARIS1234'],
      [file, lines.indexOf('VZCZCXRO1002'), '09MADRID567'],
      [file, lines.indexOf('VZCZCXRO1003'), '09ROME890'],
    ],
  );
  assert.equal(entries[2]!.subject, 'ITALIAN BUDGET FIGURES FOR THE FIRST QUARTER');
  assert.equal(entries[2]!.paragraphs[1]!.range.start.line, lines.indexOf('2. The deficit was close to the forecast.'));
});

test('cable parse keeps a single cable whose sections repeat banner and heading as one entry', async () => {
  const io = memoryIO(root);
  assert.equal(await main(['parse', 'test/fixtures/multi/sections-one-cable.cables', 'test/fixtures/multi/quoted-cable.cables'], io), 0);
  assert.deepEqual(
    (JSON.parse(io.out) as { subject: string }[]).map((e) => e.subject),
    ['IRAQI PROVINCIAL COUNCILS PREPARE FOR THE VOTE', 'EU COUNCIL TEXT ON THE EASTERN PARTNERSHIP'],
  );
});

test('cable lint reports the missing TAGS on the cable that lacks it', async () => {
  const io = memoryIO(root);
  await main(['lint', '--format', 'json', file], io);
  // One record per cable, each with its findings placed in the file.
  const records = JSON.parse(io.out) as { file: string; diagnostics: { code: string; range: { start: { line: number } } }[] }[];
  assert.equal(records.length, 3);
  const findings = records.flatMap((r) => r.diagnostics);
  const tags = findings.filter((f) => f.code === 'tags-missing');
  assert.equal(tags.length, 1, io.out);
  const line = tags[0]!.range.start.line;
  assert.ok(line >= lines.indexOf('VZCZCXRO1002') && line < lines.indexOf('VZCZCXRO1003'), `line ${line}`);
  assert.deepEqual(findings.filter((f) => f.code === 'classification-banner-inconsistent'), []);
});
