/**
 * Crash recovery: the client's restart policy (client/src/restartPolicy.ts) against a real server that
 * crashes on demand. The VS Code LanguageClient cannot run outside VS Code, so a small supervisor here
 * does what its error handler does (client/src/common.ts, `closed()`): when the server process ends
 * unexpectedly, ask the policy; restart if it says so, else stay down. The server is the bundled
 * dist/server.js with CABLE_SERVER_TEST_HOOKS=1: `cable/test/crash` ends it with exit code 70, and
 * CABLE_TEST_CRASH_ON_START=1 makes it die before it answers anything (a crash loop).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createProtocolConnection, IPCMessageReader, IPCMessageWriter, type ProtocolConnection } from 'vscode-languageserver-protocol/node';
import { RestartPolicy } from '../../client/src/restartPolicy.ts';
import { SERVER } from './lspClient.ts';

const seed = readFileSync(join(__dirname, '..', 'fixtures', 'seed', '09BRUSSELS995.cable'), 'utf8');
// The numbers the extension uses (client/src/common.ts): 5 crashes within 3 minutes.
const LIMIT = 5;
const WINDOW_MS = 3 * 60 * 1000;

interface Running {
  child: ChildProcess;
  conn: ProtocolConnection;
  exited: Promise<number | null>;
}

/** Starts the server over Node IPC, as the extension does, and initializes it (unless it dies first). */
async function launch(env: Record<string, string> = {}): Promise<Running> {
  const child = fork(SERVER, ['--node-ipc'], { stdio: ['pipe', 'pipe', 'pipe', 'ipc'], env: { ...process.env, CABLE_SERVER_TEST_HOOKS: '1', ...env } });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const conn = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
  conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
  conn.onRequest('client/registerCapability', () => null);
  conn.onError(() => undefined);
  conn.listen();
  return { child, conn, exited };
}

async function initialize(r: Running): Promise<boolean> {
  const init = r.conn
    .sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {}, workspaceFolders: null })
    .then(() => true, () => false);
  const ok = await Promise.race([init, r.exited.then(() => false)]);
  if (ok) await r.conn.sendNotification('initialized', {});
  return ok;
}

/**
 * The client's loop: start, and after each unexpected exit ask the policy. Returns how many times the
 * server was started and why the loop ended.
 */
async function supervise(
  policy: RestartPolicy,
  env: Record<string, string>,
  onRunning: (r: Running, start: number) => Promise<'crash' | 'stop'>,
  clock: () => number = Date.now,
): Promise<{ starts: number; ended: 'gave-up' | 'stopped' }> {
  let starts = 0;
  for (;;) {
    const r = await launch(env);
    starts++;
    const up = await initialize(r);
    if (up) {
      const what = await onRunning(r, starts);
      if (what === 'stop') {
        await r.conn.sendRequest('shutdown');
        await r.conn.sendNotification('exit');
        await r.exited;
        r.conn.dispose();
        return { starts, ended: 'stopped' };
      }
    }
    const code = await r.exited;
    r.conn.dispose();
    assert.notEqual(code, 0, 'the server ended unexpectedly');
    if (!policy.shouldRestart(clock())) return { starts, ended: 'gave-up' };
    if (starts > 50) throw new Error('restart loop did not stop');
  }
}

test('a server that crashes mid-session is restarted and serves again, until the crash budget runs out', async () => {
  const policy = new RestartPolicy(LIMIT, WINDOW_MS);
  const served: number[] = [];
  const result = await supervise(policy, {}, async (r, start) => {
    const uri = `file:///restart-${start}.cable`;
    await r.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'cable', version: 1, text: seed } });
    const symbols = (await r.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as unknown[];
    if (symbols.length > 0) served.push(start);
    await r.conn.sendNotification('cable/test/crash');
    return 'crash';
  });
  // LIMIT crashes inside the window: restarted after the first LIMIT - 1, not after the last.
  assert.deepEqual(result, { starts: LIMIT, ended: 'gave-up' });
  assert.deepEqual(served, [1, 2, 3, 4, 5], 'every restarted server answered');
});

test('a server that dies on start-up is not restarted forever', async () => {
  const policy = new RestartPolicy(LIMIT, WINDOW_MS);
  const t0 = performance.now();
  const result = await supervise(policy, { CABLE_TEST_CRASH_ON_START: '1' }, async () => 'crash');
  assert.deepEqual(result, { starts: LIMIT, ended: 'gave-up' });
  assert.ok(performance.now() - t0 < 30_000);
});

test('crashes spread wider than the window are always restarted; the restart command resets the budget', async () => {
  const policy = new RestartPolicy(LIMIT, WINDOW_MS);
  let now = 0;
  // One crash every 50 s: 5 crashes span 200 s, never 5 in 3 minutes, so the 8th start still happens.
  const result = await supervise(
    policy,
    {},
    async (r, start) => {
      now += 50_000;
      if (start === 8) return 'stop';
      await r.conn.sendNotification('cable/test/crash');
      return 'crash';
    },
    () => now,
  );
  assert.deepEqual(result, { starts: 8, ended: 'stopped' });

  // Budget used up, then "Cable: Restart Language Server" (policy.reset()) gives a full one again.
  const p = new RestartPolicy(LIMIT, WINDOW_MS);
  for (let i = 1; i < LIMIT; i++) assert.equal(p.shouldRestart(i), true);
  assert.equal(p.shouldRestart(LIMIT), false);
  p.reset();
  assert.equal(p.shouldRestart(LIMIT + 1), true);
  // And crashes age out of the window.
  assert.equal(p.shouldRestart(LIMIT + 2 + WINDOW_MS), true);
});

test('a crash of one server does not leave diagnostics half-published: the restarted one publishes afresh', async () => {
  const first = await launch();
  assert.ok(await initialize(first));
  await first.conn.sendNotification('cable/test/crash');
  assert.equal(await first.exited, 70);
  first.conn.dispose();
  const second = await launch();
  assert.ok(await initialize(second));
  const got = new Promise<{ uri: string; version?: number }>((resolve) => second.conn.onNotification('textDocument/publishDiagnostics', resolve));
  await second.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///again.cable', languageId: 'cable', version: 7, text: seed } });
  const d = await got;
  assert.equal(d.uri, 'file:///again.cable');
  assert.equal(d.version, 7);
  await second.conn.sendRequest('shutdown');
  await second.conn.sendNotification('exit');
  await second.exited;
  second.conn.dispose();
});
