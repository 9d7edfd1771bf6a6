/**
 * Ctrl+C in the middle of a run: the workers stop, the output written so far is closed so that it is
 * valid (a JSON array of whole entries, whole JSON lines, whole CSV rows, a whole SARIF log), it is the
 * start of what a full run prints, and the exit status is 130. The run is held in the middle by not
 * reading its output (a full pipe stops it), then SIGINT is sent, as a terminal does on Ctrl+C.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { CLEAN, edit } from '../service/rulesHelpers.ts';

const cli = path.join(__dirname, '..', '..', 'dist', 'cli.js');
const FILES = 1500;
const BROKEN = edit(CLEAN, 'P 141030Z JUL 09', 'P 141030A JUL 09');
let dir: string;

before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cable-interrupt-'));
  for (let i = 0; i < FILES; i++) fs.writeFileSync(path.join(dir, `c${String(i).padStart(4, '0')}.cable`), BROKEN);
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Starts the CLI, waits for some output past the format's opening, stops reading, sends SIGINT, then reads the rest. */
function interrupted(args: string[], after = 16 * 1024): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    // Workers from the start (they would start after a second), so Ctrl+C stops them too; `--jobs 2`
    // starts one even when the machine is busy (the default leaves out workers for busy cores).
    const child = spawn(process.execPath, [cli, args[0]!, '--jobs', '2', ...args.slice(1)], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CABLE_WORKERS_AFTER_MS: '0' } });
    const out: Buffer[] = [];
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    let bytes = 0;
    let sent = false;
    child.stdout.on('data', (d: Buffer) => {
      out.push(d);
      bytes += d.length;
      if (sent || bytes < after) return;
      sent = true;
      child.stdout.pause();
      child.kill('SIGINT');
      setTimeout(() => child.stdout.resume(), 300);
    });
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out).toString(), stderr }));
  });
}

function full(args: string[]): string {
  return spawnSync(process.execPath, [cli, ...args], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 }).stdout;
}

for (const format of ['json', 'jsonl', 'csv'] as const) {
  test(`cable parse --format ${format}: Ctrl+C leaves valid output, the start of a full run's`, async (t) => {
    if (!fs.existsSync(cli)) return t.skip('dist/cli.js not built (npm run build)');
    const args = ['parse', '--format', format, '.'];
    const r = await interrupted(args);
    assert.equal(r.code, 130, r.stderr);
    assert.match(r.stderr, /cable parse: interrupted: the output holds the \d+ file\(s\) finished before Ctrl\+C/);
    const whole = full(args);
    if (format === 'json') {
      const got = JSON.parse(r.stdout) as unknown[];
      const all = JSON.parse(whole) as unknown[];
      assert.ok(got.length > 0 && got.length < all.length, `${got.length} of ${all.length} entries`);
      assert.deepEqual(got, all.slice(0, got.length));
    } else {
      assert.ok(r.stdout.endsWith('\n'), 'whole lines only');
      assert.ok(whole.startsWith(r.stdout), 'the start of the full output');
      const lines = r.stdout.split('\n').length - 1;
      assert.ok(lines > 1 && lines < FILES, `${lines} lines`);
      if (format === 'jsonl') for (const l of r.stdout.trimEnd().split('\n')) JSON.parse(l);
    }
  });
}

test('cable lint --format sarif and text: Ctrl+C leaves a whole log, whole lines', async (t) => {
  if (!fs.existsSync(cli)) return t.skip('dist/cli.js not built (npm run build)');
  // Past SARIF's header, which lists every rule.
  const sarif = await interrupted(['lint', '--format', 'sarif', '.'], 128 * 1024);
  assert.equal(sarif.code, 130, sarif.stderr);
  const log = JSON.parse(sarif.stdout) as { runs: { results: unknown[]; tool: { driver: { rules: unknown[] } } }[] };
  assert.ok(log.runs[0]!.results.length > 0 && log.runs[0]!.results.length < FILES);
  assert.ok(log.runs[0]!.tool.driver.rules.length > 0);
  const text = await interrupted(['lint', '.']);
  assert.equal(text.code, 130);
  assert.ok(text.stdout.endsWith('\n') && full(['lint', '.']).startsWith(text.stdout));
});
