/**
 * What the command line reads: regular files only in a folder walk (a link to a named pipe or to
 * /dev/zero is named and left alone, never opened), unreadable files and folders named on stderr with
 * exit 2 while the rest is checked. Run as processes: the pipe must not hang a real run, and permissions
 * are checked by the kernel (as an unprivileged user when the tests run as root, who reads anything).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync, execFileSync } from 'node:child_process';
import { CLEAN } from '../service/rulesHelpers.ts';

const cli = path.join(__dirname, '..', '..', 'dist', 'cli.js');
let dir: string;

before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cable-inputs-'));
  fs.chmodSync(dir, 0o755);
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Runs the bundled CLI; as `nobody` when this process is root, so that file permissions apply. */
function cable(args: string[], cwd: string) {
  const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', timeout: 60_000, ...asNobody });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

test('a folder walk reads regular files only: links to a named pipe and to /dev/zero are named and skipped', (t) => {
  if (!fs.existsSync(cli)) return t.skip('dist/cli.js not built (npm run build)');
  const walk = path.join(dir, 'walk');
  fs.mkdirSync(walk);
  fs.writeFileSync(path.join(walk, 'a.cable'), CLEAN);
  execFileSync('mkfifo', [path.join(walk, 'pipe')]);
  fs.symlinkSync(path.join(walk, 'pipe'), path.join(walk, 'b.cable'));
  fs.symlinkSync('/dev/zero', path.join(walk, 'c.cable'));
  fs.symlinkSync(path.join(walk, 'a.cable'), path.join(walk, 'd.cable'));
  fs.symlinkSync(path.join(walk, 'nowhere.cable'), path.join(walk, 'e.cable'));
  const r = cable(['lint', '.'], walk);
  assert.equal(r.signal, null, 'the run ends by itself');
  assert.match(r.stderr, /b\.cable: skipped: a named pipe, not a regular file/);
  assert.match(r.stderr, /c\.cable: skipped: a character device, not a regular file/);
  assert.match(r.stderr, /e\.cable: not checked: no such file or directory/);
  assert.match(r.stderr, /2 cables linted: 0 errors, 0 warnings, 0 notes; 1 not checked/, 'a.cable and the link d.cable to it');
  assert.equal(r.code, 2, 'the dangling link could not be read');
});

test('/dev/zero named on the command line is read as a stream and stopped at its first byte', (t) => {
  if (!fs.existsSync(cli)) return t.skip('dist/cli.js not built (npm run build)');
  const r = cable(['parse', '--format', 'jsonl', '/dev/zero'], dir);
  assert.equal(r.code, 2);
  assert.deepEqual(JSON.parse(r.stdout), { file: '/dev/zero', line: 0, error: 'not a text file (a NUL byte at byte 0)' });
});

test('unreadable files and folders: named on stderr, exit 2, the rest still checked', (t) => {
  if (!fs.existsSync(cli)) return t.skip('dist/cli.js not built (npm run build)');
  const tree = path.join(dir, 'tree');
  fs.mkdirSync(path.join(tree, 'closed'), { recursive: true });
  fs.writeFileSync(path.join(tree, 'a.cable'), CLEAN);
  fs.writeFileSync(path.join(tree, 'secret.cable'), CLEAN);
  fs.writeFileSync(path.join(tree, 'closed', 'c.cable'), CLEAN);
  fs.chmodSync(path.join(tree, 'secret.cable'), 0o000);
  fs.chmodSync(path.join(tree, 'closed'), 0o000);
  try {
    const r = cable(['lint', 'tree'], dir);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /cable lint: tree\/closed: not checked: cannot read the folder: permission denied/);
    assert.match(r.stderr, /cable lint: tree\/secret\.cable: not checked: permission denied/);
    assert.match(r.stderr, /1 cable linted: 0 errors, 0 warnings, 0 notes; 2 not checked/);
    const p = cable(['parse', '--format', 'jsonl', 'tree'], dir);
    assert.equal(p.code, 2);
    assert.deepEqual(
      p.stdout.trimEnd().split('\n').map((l) => { const j = JSON.parse(l); return [j.file, j.error ?? j.id]; }),
      [
        ['tree/a.cable', '09PARIS123'],
        ['tree/closed', 'cannot read the folder: permission denied'],
        ['tree/secret.cable', 'permission denied'],
      ],
    );
  } finally {
    fs.chmodSync(path.join(tree, 'closed'), 0o755);
  }
});
