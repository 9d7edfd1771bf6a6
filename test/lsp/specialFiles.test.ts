/**
 * A workspace folder holding `*.cable` names that are no regular files: a named pipe no process writes,
 * a link to it, a link to /dev/zero. Before, the index waited for the pipe for ever (workspace symbols
 * stayed empty, files added later were never indexed) and the server could not exit. Through the bundled
 * server over stdio, with workspace diagnostics pulled as well.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { WorkspaceDiagnosticRequest } from 'vscode-languageserver-protocol/node';
import type { WorkspaceSymbol } from 'vscode-languageserver-types';
import { startServer } from './lspClient.ts';

const fixtures = join(__dirname, '..', 'fixtures', 'cables-features');
const tmp = mkdtempSync(join(tmpdir(), 'cable-lsp-special-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

test('named pipes and devices named *.cable neither stall the index nor keep the server from exiting', { skip: process.platform === 'win32' ? 'no mkfifo' : false }, async () => {
  const dir = join(tmp, 'ws');
  mkdirSync(dir);
  execFileSync('mkfifo', [join(dir, 'a-pipe.cable')]);
  execFileSync('mkfifo', [join(tmp, 'pipe')]);
  symlinkSync(join(tmp, 'pipe'), join(dir, 'b-link-to-pipe.cable'));
  symlinkSync('/dev/zero', join(dir, 'c-zero.cable'));
  copyFileSync(join(fixtures, '08OSLO97.cable'), join(dir, 'd.cable'));

  const s = await startServer('stdio', {
    workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'ws' }],
    capabilities: { workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } }, textDocument: { diagnostic: {} } },
  });
  const end = Date.now() + 10_000;
  let found: WorkspaceSymbol[] = [];
  while (found.length === 0 && Date.now() < end) {
    found = await s.connection.sendRequest('workspace/symbol', { query: 'gas output' });
    if (found.length === 0) await new Promise((r) => setTimeout(r, 50));
  }
  assert.deepEqual(found.map((x) => x.name), ['08OSLO97: NORWEGIAN GAS OUTPUT FORECAST FOR 2008']);

  // A cable added later is indexed.
  copyFileSync(join(fixtures, '08OSLO123.cable'), join(dir, 'e.cable'));
  await s.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(dir, 'e.cable')).href, type: 1 }] });
  let later: WorkspaceSymbol[] = [];
  while (later.length === 0 && Date.now() < end + 5_000) {
    later = await s.connection.sendRequest('workspace/symbol', { query: '08OSLO123' });
    if (later.length === 0) await new Promise((r) => setTimeout(r, 50));
  }
  assert.equal(later.length, 1);

  // Workspace diagnostics read the two cables and nothing else (without partial results: one answer).
  const whole = (await s.connection.sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds: [] })) as { items: { uri: string }[] };
  assert.deepEqual(whole.items.map((r) => r.uri.slice(pathToFileURL(dir).href.length)).sort(), ['/d.cable', '/e.cable']);

  const t0 = Date.now();
  await s.close();
  assert.equal(s.process.exitCode, 0, 'exited on its own after shutdown and exit');
  assert.ok(Date.now() - t0 < 2_000, `exit took ${Date.now() - t0} ms`);
  assert.doesNotMatch(s.stderr(), /Error|at .*\.js:\d+/);
});
