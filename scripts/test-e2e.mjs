// `npm run test:e2e`: the real-editor tiers. Prepares what they need (bundles, the .vsix, the suite bundle,
// code-server in tools/), then runs each tier as its own node:test process in its own process group, prints
// its pass/fail counts, and ends the group (code-server, its extension host, Chromium, Neovim and the language
// servers they start) when the tier is done. Closes with a node:test summary that fails when any tier failed.
//   node --test-reporter=spec scripts/test-e2e.mjs [tier ...]   tiers: code-server-suite, ui, archive, archive-view, web, preview, neovim
import { spawn, spawnSync } from 'node:child_process';
import { test } from 'node:test';
import assert from 'node:assert/strict';

const root = new URL('..', import.meta.url).pathname;
const only = process.argv.slice(2);

const tiers = [
  { name: 'code-server-suite', file: 'test/e2e/extensionHost.test.ts', timeoutMs: 300_000 },
  { name: 'ui', file: 'test/e2e/ui.test.ts', timeoutMs: 300_000 },
  { name: 'archive', file: 'test/e2e/archiveUi.test.ts', timeoutMs: 300_000 },
  { name: 'archive-view', file: 'test/e2e/archiveView.test.ts', timeoutMs: 400_000 },
  { name: 'web', file: 'test/e2e/webExtension.test.ts', timeoutMs: 300_000 },
  { name: 'preview', file: 'test/e2e/preview.test.ts', timeoutMs: 400_000 },
  { name: 'neovim', file: 'test/e2e/neovim.test.ts', timeoutMs: 120_000 },
].filter((t) => only.length === 0 || only.includes(t.name));

const started = Date.now();
const seconds = (ms) => `${(ms / 1000).toFixed(1)}s`;

// Preparation is not a tier: when it fails, every tier would fail for the same reason.
const prepare = [
  ['build', 'node', ['scripts/build.mjs']],
  ['package', 'npm', ['run', '--silent', 'package']],
  ['suite bundle', 'node', ['scripts/build-tests.mjs']],
  ['code-server', 'bash', ['scripts/install-code-server.sh']],
];
const prepFailures = [];
for (const [name, cmd, args] of prepare) {
  process.stdout.write(`\n=== prepare: ${name}\n`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, npm_config_yes: 'true' } });
  if (r.status !== 0) prepFailures.push(`${name} (exit ${r.status ?? r.signal})`);
}

/** Runs one tier file; resolves with its exit status and the node:test counts it printed. */
function runTier(tier) {
  return new Promise((resolve) => {
    const t0 = Date.now();
    const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', tier.file], {
      cwd: root,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: process.env,
    });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      process.stdout.write(d);
    });
    child.stderr.on('data', (d) => {
      out += d;
      process.stderr.write(d);
    });
    const killGroup = (signal) => {
      try {
        process.kill(-child.pid, signal);
      } catch {
        // already gone
      }
    };
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup('SIGKILL');
    }, tier.timeoutMs);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      // Whatever the tier left running (a code-server, an extension host, a language server) goes with it.
      killGroup('SIGKILL');
      const count = (key) => {
        const m = new RegExp(`^ℹ ${key} (\\d+)$`, 'm').exec(out);
        return m ? Number(m[1]) : undefined;
      };
      resolve({
        ...tier,
        code,
        signal,
        timedOut,
        ms: Date.now() - t0,
        tests: count('tests'),
        pass: count('pass'),
        fail: count('fail'),
        skipped: count('skipped'),
      });
    });
  });
}

const results = [];
if (prepFailures.length === 0) {
  for (const tier of tiers) {
    process.stdout.write(`\n=== tier: ${tier.name} (${tier.file})\n`);
    const r = await runTier(tier);
    results.push(r);
    const status = r.code === 0 && !r.timedOut ? 'passed' : r.timedOut ? 'TIMED OUT' : 'FAILED';
    process.stdout.write(
      `=== tier ${r.name}: ${status} — pass ${r.pass ?? '?'}, fail ${r.fail ?? '?'}, skipped ${r.skipped ?? '?'} (${seconds(r.ms)})\n`,
    );
  }
}

process.stdout.write(`\n=== real-editor tiers took ${seconds(Date.now() - started)}\n`);
for (const r of results) {
  process.stdout.write(`    ${r.name.padEnd(18)} pass ${String(r.pass ?? '?').padStart(3)}  fail ${String(r.fail ?? '?').padStart(3)}  skipped ${String(r.skipped ?? '?').padStart(3)}  ${seconds(r.ms)}\n`);
}
process.stdout.write('\n');

test('real-editor tiers: preparation', () => {
  assert.deepEqual(prepFailures, [], `preparation failed: ${prepFailures.join(', ')}`);
});
for (const r of results) {
  test(`real-editor tier: ${r.name}`, () => {
    assert.ok(!r.timedOut, `timed out after ${seconds(r.timeoutMs)}`);
    assert.equal(r.code, 0, `exit ${r.code ?? r.signal}`);
    assert.ok((r.tests ?? 0) > 0, 'ran no tests');
    assert.equal(r.fail, 0);
    // On CI a skipped tier means a missing tool, which must not pass silently.
    if (process.env.CI) assert.equal(r.skipped, 0, 'skipped tests on CI');
  });
}
