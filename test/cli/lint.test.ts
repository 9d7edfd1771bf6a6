/**
 * `cable lint` in-process (main() with a CliIO that collects the output) and as a process: formats,
 * settings, the walk, unreadable inputs, worker threads.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { main } from '../../server/src/cli.ts';
import { memoryIO } from './memoryIO.ts';
import { RULES } from '../../server/src/service/rules/index.ts';
import { CLEAN, CLEAN_UNCLAS, edit } from '../service/rulesHelpers.ts';

let dir: string;

/** CONFIDENTIAL cable with one error (a SECRET paragraph) and one warning (a DTG in zone A). */
const BROKEN = edit(edit(CLEAN, '2. (C) The second paragraph gives the detail of the meeting.', '2. (S) The second paragraph gives the detail of the meeting.'), 'P 141030Z JUL 09', 'P 141030A JUL 09');
/** Only a warning: a precedence mismatch. */
const WARN_ONLY = edit(CLEAN, 'PP RUEHWEB', 'RR RUEHWEB');

before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cable-lint-'));
  fs.mkdirSync(path.join(dir, 'clean'));
  fs.writeFileSync(path.join(dir, 'clean', 'a.cable'), CLEAN);
  fs.writeFileSync(path.join(dir, 'clean', 'b.cable'), CLEAN_UNCLAS);
  fs.writeFileSync(path.join(dir, 'clean', 'notes.txt'), 'not a cable');
  fs.mkdirSync(path.join(dir, 'bad'));
  fs.writeFileSync(path.join(dir, 'bad', 'broken.cable'), BROKEN);
  fs.mkdirSync(path.join(dir, 'warn'));
  fs.writeFileSync(path.join(dir, 'warn', 'w.cable'), WARN_ONLY);
  fs.writeFileSync(path.join(dir, 'plain.txt'), BROKEN);
  fs.mkdirSync(path.join(dir, 'configured', 'deeper'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'configured', '.cablerc.json'), JSON.stringify({ diagnostics: { rules: { 'portion-marking-exceeds-banner': 'warning', 'dtg-zone': 'off' } } }));
  fs.writeFileSync(path.join(dir, 'configured', 'deeper', 'broken.cable'), BROKEN);
  fs.mkdirSync(path.join(dir, 'texts'));
  fs.writeFileSync(path.join(dir, 'texts', 'cable.txt'), BROKEN);
  fs.writeFileSync(path.join(dir, 'texts', 'letter.txt'), 'Dear colleague,\n\nTAGS: not today.\n');
  fs.writeFileSync(path.join(dir, 'texts', 'cable.msg'), BROKEN);
});

after(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

async function run(args: string[], opts: { isTTY?: boolean } = {}) {
  const io = memoryIO(dir, opts.isTTY);
  const code = await main(['lint', ...args], io);
  return { code, stdout: io.out, stderr: io.err };
}

test('text format: compiler-style lines, exit 1 on an error', async () => {
  const r = await run(['bad']);
  assert.equal(r.code, 1);
  const lines = r.stdout.trim().split('\n');
  assert.ok(lines.includes(`${path.join('bad', 'broken.cable')}:25:4: error portion-marking-exceeds-banner ${lines.find((l) => l.includes('exceeds'))!.split('portion-marking-exceeds-banner ')[1]}`));
  assert.match(r.stdout, /^bad\/broken\.cable:6:9: warning dtg-zone /m);
  assert.match(r.stderr, /1 cable linted: 1 error, 1 warning/);
});

test('clean folders exit 0; a .txt file that is not a cable is left out and counted', async () => {
  const r = await run(['clean']);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /2 cables linted: 0 errors, 0 warnings, 0 notes; 1 file left out \(not cables\)/);
});

test('a folder walk takes .txt files whose head is a cable; --ext changes the extensions', async () => {
  const r = await run(['texts']);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /^texts\/cable\.txt:25:4: error portion-marking-exceeds-banner/m);
  assert.doesNotMatch(r.stdout, /letter\.txt|cable\.msg/);
  assert.match(r.stderr, /1 cable linted: .*; 1 file left out/);
  const msg = await run(['--ext', 'msg', 'texts']);
  assert.match(msg.stdout, /^texts\/cable\.msg:25:4: error/m);
  assert.doesNotMatch(msg.stdout, /cable\.txt/);
  const only = await run(['--ext=cable', 'texts']);
  assert.equal(only.stdout, '');
  assert.match(only.stderr, /0 cables linted/);
});

test('warnings alone exit 0', async () => {
  const r = await run(['warn']);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /warning precedence-mismatch/);
});

test('a named file is linted whatever its extension', async () => {
  const r = await run(['plain.txt']);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /^plain\.txt:25:4: error portion-marking-exceeds-banner/m);
});

test('json format: files with LSP 0-based ranges', async () => {
  const r = await run(['--format', 'json', 'bad', 'clean']);
  assert.equal(r.code, 1);
  const out = JSON.parse(r.stdout) as { file: string; diagnostics: { code: string; severity: string; message: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }[] }[];
  assert.deepEqual(out.map((f) => f.file), [path.join('bad', 'broken.cable'), path.join('clean', 'a.cable'), path.join('clean', 'b.cable')]);
  const d = out[0]!.diagnostics.find((x) => x.code === 'portion-marking-exceeds-banner')!;
  assert.equal(d.severity, 'error');
  assert.deepEqual(d.range, { start: { line: 24, character: 3 }, end: { line: 24, character: 6 } });
  assert.deepEqual(out[1]!.diagnostics, []);
});

test('sarif format: SARIF 2.1.0 with the rule catalogue and relative locations', async () => {
  const r = await run(['--format=sarif', 'bad']);
  assert.equal(r.code, 1);
  const s = JSON.parse(r.stdout);
  assert.equal(s.version, '2.1.0');
  const run0 = s.runs[0];
  assert.equal(run0.tool.driver.name, 'cable');
  assert.deepEqual(run0.tool.driver.rules.map((x: { id: string }) => x.id), RULES.map((x) => x.code));
  // Each rule points at its page in the installed package and carries its description as help.
  const root = path.join(__dirname, '..', '..');
  for (const [i, rule] of run0.tool.driver.rules.entries()) {
    assert.equal(rule.helpUri, pathToFileURL(path.join(root, 'docs', 'rules', `${RULES[i]!.code}.md`)).href);
    assert.equal(rule.help.text, RULES[i]!.description.replace(/`/g, ''));
  }
  const res = run0.results.find((x: { ruleId: string }) => x.ruleId === 'portion-marking-exceeds-banner');
  assert.equal(res.level, 'error');
  assert.equal(run0.tool.driver.rules[res.ruleIndex].id, 'portion-marking-exceeds-banner');
  const loc = res.locations[0].physicalLocation;
  assert.deepEqual(loc.artifactLocation, { uri: 'bad/broken.cable', uriBaseId: 'SRCROOT' });
  assert.deepEqual(loc.region, { startLine: 25, startColumn: 4, endLine: 25, endColumn: 7 });
  assert.match(run0.originalUriBaseIds.SRCROOT.uri, /^file:\/\/\/.*\/$/);
  assert.equal(run0.results.find((x: { ruleId: string }) => x.ruleId === 'dtg-zone').level, 'warning');
});

test('the nearest .cablerc.json applies: severities changed and a rule turned off', async () => {
  const r = await run(['configured']);
  assert.equal(r.code, 0, 'the error became a warning');
  assert.match(r.stdout, /warning portion-marking-exceeds-banner/);
  assert.doesNotMatch(r.stdout, /dtg-zone/);
});

test('--config FILE overrides the nearest .cablerc.json', async () => {
  fs.writeFileSync(path.join(dir, 'strict.json'), JSON.stringify({ diagnostics: { rules: { 'precedence-mismatch': 'error' } } }));
  const r = await run(['--config', 'strict.json', 'warn', 'configured']);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /error precedence-mismatch/);
  assert.match(r.stdout, /error portion-marking-exceeds-banner/, 'the folder config is not used');
});

test('bad settings are reported on stderr and the defaults stand', async () => {
  fs.writeFileSync(path.join(dir, 'odd.json'), JSON.stringify({ diagnostics: { rules: { 'dtg-zone': 'loud', 'no-such-rule': 'off' } } }));
  const r = await run(['--config', 'odd.json', 'bad']);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /diagnostics\.rules\.dtg-zone must be one of/);
  assert.match(r.stderr, /no-such-rule: no such rule/);
  assert.match(r.stdout, /warning dtg-zone/);
});

test('an unreadable --config is a usage error', async () => {
  const missing = await run(['--config', 'nope.json', 'bad']);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /nope\.json/);
  fs.writeFileSync(path.join(dir, 'broken.json'), '{ not json');
  const invalid = await run(['--config', 'broken.json', 'bad']);
  assert.equal(invalid.code, 2);
  assert.match(invalid.stderr, /invalid JSON/);
});

test('missing, empty and non-UTF-8 files: named on stderr, exit 2, the others still linted', async () => {
  fs.mkdirSync(path.join(dir, 'odd'));
  fs.writeFileSync(path.join(dir, 'odd', 'empty.cable'), '');
  fs.writeFileSync(path.join(dir, 'odd', 'latin1.cable'), Buffer.from('UNCLAS PARIS 000123\n\n1. Caf\xe9.\n', 'latin1'));
  fs.writeFileSync(path.join(dir, 'odd', 'nul.cable'), Buffer.from([0x55, 0x4e, 0x00, 0x43]));
  const r = await run(['missing.cable', 'bad', 'odd', 'warn']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /cable lint: missing\.cable: not checked: no such file or directory/);
  assert.match(r.stderr, /odd\/empty\.cable: not checked: empty file/);
  assert.match(r.stderr, /odd\/latin1\.cable: not checked: not UTF-8 text \(an invalid byte at byte 27\)/);
  assert.match(r.stderr, /odd\/nul\.cable: not checked: not a text file \(a NUL byte at byte 2\)/);
  assert.match(r.stderr, /2 cables linted: 1 error, 2 warnings, 0 notes; 4 not checked/);
  assert.match(r.stdout, /bad\/broken\.cable:25:4: error/);
  assert.match(r.stdout, /warn\/w\.cable:.*precedence-mismatch/);
});

test('usage errors exit 2 with the usage', async () => {
  for (const args of [[], ['--format', 'xml', 'bad'], ['--bogus', 'bad'], ['--config'], ['--jobs', '0', 'bad'], ['-j', 'many', 'bad'], ['--ext', ',', 'bad']]) {
    const r = await run(args);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.stderr, /Usage: cable lint/);
  }
  const help = await run(['--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /Usage: cable lint/);
});

test('many files: a progress line on a terminal, the same results through worker threads', async () => {
  const many = path.join(dir, 'many');
  fs.mkdirSync(many);
  for (let i = 0; i < 320; i++) fs.writeFileSync(path.join(many, `c${String(i).padStart(3, '0')}.cable`), i % 2 ? BROKEN : WARN_ONLY);
  // Workers start once a run has lasted a second; at once here, so that they do this small run.
  process.env.CABLE_WORKERS_AFTER_MS = '0';
  let r: Awaited<ReturnType<typeof run>>;
  try {
    r = await run(['--format', 'json', '--jobs', '3', 'many'], { isTTY: true });
  } finally {
    delete process.env.CABLE_WORKERS_AFTER_MS;
  }
  assert.equal(r.code, 1);
  const out = JSON.parse(r.stdout) as { file: string; diagnostics: { code: string }[] }[];
  assert.equal(out.length, 320);
  out.forEach((f, i) => {
    assert.equal(f.file, path.join('many', `c${String(i).padStart(3, '0')}.cable`));
    assert.equal(f.diagnostics.some((d) => d.code === 'portion-marking-exceeds-banner'), i % 2 === 1, f.file);
  });
  assert.match(r.stderr, /\rcable lint: \d+ files/);
  const quiet = await run(['many']);
  assert.doesNotMatch(quiet.stderr, /\rcable lint: /, 'no progress line when stderr is not a terminal');
  const one = await run(['--format', 'json', '--jobs', '1', 'many']);
  assert.equal(one.stdout, r.stdout, 'the same output from the main thread alone');
});

test('the bundled CLI runs as a process (dist/cli.js)', (t) => {
  const cli = path.join(__dirname, '..', '..', 'dist', 'cli.js');
  if (!fs.existsSync(cli)) {
    t.skip('dist/cli.js not built');
    return;
  }
  const r = spawnSync(process.execPath, [cli, 'lint', 'bad'], { cwd: dir, encoding: 'utf8' });
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stdout, /error portion-marking-exceeds-banner/);
});
