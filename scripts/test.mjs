// `npm test`: builds, then runs every fast test tier in turn. Each tier prints its own counts; the
// command fails when any tier fails. The node:test tier runs last so its summary closes the output.
// Real-editor tiers (code-server, Neovim, Chromium) are `npm run test:e2e`.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

/** Every `*.test.ts` below `dir`, except the real-editor suites. */
function testFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (['e2e', 'vscode', 'fixtures', 'browser'].includes(name)) continue;
      out.push(...testFiles(p));
    } else if (name.endsWith('.test.ts')) out.push(relative(root, p));
  }
  return out;
}

const only = process.argv.slice(2);
const tiers = [
  { name: 'build', cmd: 'node', args: ['scripts/build.mjs'] },
  { name: 'browser-bundles', cmd: 'node', args: ['scripts/check-browser-bundles.mjs'] },
  // The const enums (parse/chars.ts) are numbers in the bundles, never objects read at run time.
  { name: 'const-enums', cmd: 'node', args: ['scripts/check-const-enums.mjs'] },
  // The parser's complete model of every corpus and fixture cable, in four variants, against the recorded digests.
  { name: 'model', cmd: 'node', args: ['--import', 'tsx', 'scripts/check-model.ts'] },
  { name: 'grammar', cmd: 'node', args: ['scripts/test-grammar.mjs'], optional: 'scripts/test-grammar.mjs' },
  // The server bundle in a Web Worker in headless Chromium (scripts/install-system-deps.sh installs it).
  { name: 'browser', cmd: 'node', args: ['--import', 'tsx', '--test', '--test-reporter=spec', ...readdirSync(join(root, 'test', 'browser')).filter((f) => f.endsWith('.test.ts')).map((f) => `test/browser/${f}`)] },
  { name: 'unit', cmd: 'node', args: ['--import', 'tsx', '--test', '--test-reporter=spec', ...testFiles(join(root, 'test'))] },
];

const failed = [];
for (const tier of tiers) {
  if (only.length && !only.includes(tier.name)) continue;
  if (tier.optional) {
    try {
      statSync(join(root, tier.optional));
    } catch {
      continue;
    }
  }
  process.stdout.write(`\n=== tier: ${tier.name}\n`);
  const r = spawnSync(tier.cmd, tier.args, { cwd: root, stdio: 'inherit', env: process.env });
  if (r.status !== 0) {
    failed.push(tier.name);
    process.stdout.write(`=== tier ${tier.name} FAILED (exit ${r.status ?? r.signal})\n`);
  }
}
if (failed.length) {
  process.stderr.write(`\nFailed tiers: ${failed.join(', ')}\n`);
  process.exit(1);
}
