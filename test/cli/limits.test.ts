/**
 * `cable lint` and `cable.maxFileSize`: over the limit the costly rules are skipped, and the CLI says so
 * on stderr and in the JSON result (`skippedRules`), never silently.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../server/src/cli.ts';
import { memoryIO } from './memoryIO.ts';

const seed = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'seed', '09BRUSSELS995.cable'), 'utf8');
// An unmarked paragraph in a CONFIDENTIAL cable: portion-marking-missing, a costly rule.
const unmarked = seed.replace('2. (C) De Buck', '2. De Buck');

async function lint(dir: string, args: string[]) {
  const io = memoryIO(dir);
  const code = await main(['lint', ...args], io);
  return { code, stdout: io.out, stderr: io.err };
}

test('over maxFileSize: costly rules skipped, said on stderr and in the JSON; under it: run, nothing said', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cable-limits-'));
  try {
    fs.writeFileSync(path.join(dir, 'a.cable'), unmarked);
    fs.writeFileSync(path.join(dir, 'small.json'), JSON.stringify({ maxFileSize: 1000 }));
    const under = await lint(dir, ['--format', 'json', 'a.cable']);
    const u = JSON.parse(under.stdout) as { diagnostics: { code: string }[]; skippedRules?: string[] }[];
    assert.ok(u[0]!.diagnostics.some((d) => d.code === 'portion-marking-missing'));
    assert.equal(u[0]!.skippedRules, undefined);
    assert.doesNotMatch(under.stderr, /maxFileSize/);

    const over = await lint(dir, ['--format', 'json', '--config', 'small.json', 'a.cable']);
    const o = JSON.parse(over.stdout) as { diagnostics: { code: string }[]; skippedRules?: string[] }[];
    assert.ok(!o[0]!.diagnostics.some((d) => d.code === 'portion-marking-missing'));
    assert.ok(o[0]!.skippedRules?.includes('portion-marking-missing'));
    assert.match(over.stderr, /a\.cable is larger than maxFileSize: skipped .*portion-marking-missing/);
    // The cheap rules still run: the header checks see the same cable.
    assert.ok(o[0]!.diagnostics.length <= u[0]!.diagnostics.length);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
