// The `grammar` test tier (run by scripts/test.mjs, or `npm run test:grammar`):
//  1. the committed syntaxes/cable.tmLanguage.json is what syntaxes/cable.tmLanguage.src.ts produces;
//  2. vscode-tmgrammar-test assertions in test/grammar/unit/*.cable.test (one file per family of
//     elements; the carets are generated from the neighbouring *.cable.spec by make-assertions.py);
//  3. vscode-tmgrammar-snap snapshots of synthetic cables of several eras in test/grammar/snapshots/.
// Both tools run on vscode-textmate 9.2.0 (pinned through package.json `overrides`, the version VS Code
// 1.100 ships). `--update` rewrites the snapshots after an intended grammar change.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const bin = (name) => join(root, 'node_modules', '.bin', name);
const grammar = 'syntaxes/cable.tmLanguage.json';
const update = process.argv.includes('--update');

let passed = 0;
let failed = 0;

function run(label, cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, encoding: 'utf8' });
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  return { ok: r.status === 0, out, label };
}

function report({ ok, out, label }, perFile) {
  const ticks = perFile ? (out.match(/^✓ /gm) ?? []).length : ok ? 1 : 0;
  const crosses = perFile ? (out.match(/^(?:✖ |ERROR in test case )/gm) ?? []).length : ok ? 0 : 1;
  // a tool that fails without naming a file (bad grammar, bad glob) still counts as one failure
  const bad = crosses || (ok ? 0 : 1);
  passed += ticks;
  failed += bad;
  process.stdout.write(`${bad ? 'FAIL' : 'ok  '} ${label}: ${ticks} passed, ${bad} failed\n`);
  if (bad) process.stdout.write(out.replace(/^/gm, '    ') + '\n');
}

const t0 = Date.now();
report(run('grammar JSON is current', process.execPath, ['--import', 'tsx', 'scripts/build-grammar.ts', '--check']), false);

const unitFiles = readdirSync(join(root, 'test/grammar/unit')).filter((f) => f.endsWith('.cable.test'));
if (unitFiles.length === 0) {
  failed++;
  process.stdout.write('FAIL no assertion files in test/grammar/unit\n');
}
const assertionCount = unitFiles
  .map((f) => readFileSync(join(root, 'test/grammar/unit', f), 'utf8').split('\n').filter((l) => /^##\s*(?:\^|<)/.test(l)).length)
  .reduce((a, b) => a + b, 0);
report(run(`${assertionCount} assertions (${unitFiles.length} files)`, bin('vscode-tmgrammar-test'), ['-g', grammar, 'test/grammar/unit/*.cable.test']), true);

const snapFiles = readdirSync(join(root, 'test/grammar/snapshots')).filter((f) => f.endsWith('.cable'));
const snapArgs = ['-s', 'source.cable', '-g', grammar, ...(update ? ['--updateSnapshot'] : []), 'test/grammar/snapshots/*.cable'];
report(run(`snapshots (${snapFiles.length} synthetic cables)`, bin('vscode-tmgrammar-snap'), snapArgs), true);

process.stdout.write(`grammar tier: ${passed} passed, ${failed} failed in ${Date.now() - t0} ms\n`);
process.exit(failed ? 1 : 0);
