/**
 * The npm package installs on its own: `npm pack` gives a tarball that `npm install -g` installs into a
 * fresh prefix offline (no build step, nothing to fetch), and the two bins it puts on the PATH work from
 * a folder that has nothing to do with the source tree: `cable --version`, `cable lint`, `cable parse`,
 * and `cable-language-server --stdio` answering initialize and shutdown.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  InitializeRequest,
  ShutdownRequest,
  ExitNotification,
} from 'vscode-languageserver-protocol/node';
import { CLEAN, edit } from '../service/rulesHelpers.ts';

const root = path.join(__dirname, '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { name: string; version: string };
const built = ['dist/cli.js', 'dist/server.js'].every((f) => fs.existsSync(path.join(root, f)));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const QUIET = ['--no-audit', '--no-fund', '--loglevel=error'];

let tmp: string;
let tarball: string;
let files: string[];
let bin: string;
let work: string;

before(() => {
  if (!built) return;
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cable-package-'));
  // dist/ is built by the test run; --ignore-scripts keeps npm pack from building it again.
  const packed = JSON.parse(execFileSync(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', tmp, ...QUIET], { cwd: root, encoding: 'utf8' })) as { filename: string; files: { path: string }[] }[];
  tarball = path.join(tmp, packed[0]!.filename);
  files = packed[0]!.files.map((f) => f.path);
  const prefix = path.join(tmp, 'prefix');
  execFileSync(npm, ['install', '-g', '--prefix', prefix, '--offline', ...QUIET, tarball], { cwd: tmp, encoding: 'utf8' });
  bin = process.platform === 'win32' ? prefix : path.join(prefix, 'bin');
  work = path.join(tmp, 'cables');
  fs.mkdirSync(work);
  fs.writeFileSync(path.join(work, 'clean.cable'), CLEAN);
  fs.writeFileSync(path.join(work, 'broken.cable'), edit(CLEAN, '2. (C) The second paragraph gives the detail of the meeting.', '2. (S) The second paragraph gives the detail of the meeting.'));
});

after(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

function cable(args: string[]) {
  return spawnSync(path.join(bin, 'cable'), args, { cwd: work, encoding: 'utf8' });
}

test('the tarball holds the bundles, bins and docs, and no sources, tests or dependencies', (t) => {
  if (!built) return t.skip('dist/ not built (npm run build)');
  for (const f of ['bin/cable.js', 'bin/cable-language-server.js', 'dist/cli.js', 'dist/server.js', 'README.md', 'LICENSE', 'package.json']) assert.ok(files.includes(f), f);
  if (fs.existsSync(path.join(root, 'docs', 'rules'))) assert.ok(files.some((f) => f.startsWith('docs/rules/')), 'the rule pages SARIF points at');
  assert.deepEqual(files.filter((f) => /\.ts$|^test\/|^server\/src\/|^node_modules\/|\.map$/.test(f)), []);
  const installed = path.join(path.dirname(bin), process.platform === 'win32' ? '' : 'lib', 'node_modules', pkg.name);
  assert.ok(!fs.existsSync(path.join(installed, 'node_modules')), 'nothing fetched: the bundles are self-contained');
});

test('cable --version, lint and parse run from a folder of cables', (t) => {
  if (!built) return t.skip('dist/ not built (npm run build)');
  const version = cable(['--version']);
  assert.equal(version.status, 0, version.stderr);
  assert.equal(version.stdout.trim(), pkg.version);
  const lint = cable(['lint', '.']);
  assert.equal(lint.status, 1, lint.stderr);
  assert.match(lint.stdout, /^broken\.cable:25:4: error portion-marking-exceeds-banner /m);
  assert.match(lint.stderr, /2 cables linted: 1 error/);
  const sarif = JSON.parse(cable(['lint', '--format', 'sarif', '.']).stdout) as { runs: { tool: { driver: { rules: { helpUri: string }[] } } }[] };
  assert.match(sarif.runs[0]!.tool.driver.rules[0]!.helpUri, new RegExp(`^file:///.*/node_modules/${pkg.name}/docs/rules/[a-z-]+\\.md$`));
  const parse = cable(['parse', 'clean.cable']);
  assert.equal(parse.status, 0, parse.stderr);
  assert.equal((JSON.parse(parse.stdout) as { id: string }[])[0]!.id, '09PARIS123');
});

test('cable-language-server --stdio answers initialize and shuts down', async (t) => {
  if (!built) return t.skip('dist/ not built (npm run build)');
  const child = spawn(path.join(bin, 'cable-language-server'), ['--stdio'], { cwd: work, stdio: ['pipe', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  try {
    const init = await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {}, workspaceFolders: null });
    assert.ok(init.capabilities.hoverProvider, 'hover is offered');
    assert.ok(init.capabilities.textDocumentSync !== undefined);
    await connection.sendRequest(ShutdownRequest.type);
    await connection.sendNotification(ExitNotification.type);
    assert.equal(await exited, 0);
  } finally {
    connection.dispose();
    child.kill();
  }
});
