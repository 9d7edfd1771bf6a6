/**
 * The bundled server (dist/server.js) as the editor runs it:
 *  - start-up: from starting the process over Node IPC (as the VS Code client does) to the answer to
 *    `initialize`, and on to the first diagnostics of an opened cable; the extension's activation loads
 *    dist/client.js (all a plain-text file costs), and the first cable dist/languageClient.js, each timed
 *    here as a `require` of the bundle with a stub `vscode`;
 *  - memory: the server's heap with 1 000 synthetic cables open and linted, read through the
 *    `cable/test/heapStats` hook (CABLE_SERVER_TEST_HOOKS=1) after a full GC (`--expose-gc`).
 */
import { fork, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Module from 'node:module';
import {
  createProtocolConnection,
  IPCMessageReader,
  IPCMessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { syntheticCable } from './diagnostics.ts';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export interface StartupResult {
  initializeMs: number;
  firstDiagnosticsMs: number;
  clientLoadMs: number | undefined;
  languageClientLoadMs: number | undefined;
}

async function once(server: string, text: string): Promise<{ init: number; diag: number }> {
  const t0 = performance.now();
  const child = fork(server, ['--node-ipc'], { stdio: ['pipe', 'pipe', 'pipe', 'ipc'] });
  const conn = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
  conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
  conn.onRequest('client/registerCapability', () => null);
  const published = new Promise<number>((resolve) => conn.onNotification('textDocument/publishDiagnostics', () => resolve(performance.now())));
  conn.listen();
  await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } }, workspaceFolders: null });
  const init = performance.now() - t0;
  await conn.sendNotification('initialized', {});
  await conn.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///first.cable', languageId: 'cable', version: 1, text } });
  const diag = (await published) - t0;
  await conn.sendRequest('shutdown');
  await conn.sendNotification('exit');
  await new Promise((r) => child.once('exit', r));
  conn.dispose();
  return { init, diag };
}

/** Loads a client bundle the way the extension host does (CommonJS), with `vscode` stubbed: bundle parse + module init. */
function clientLoadMs(root: string, file: string): number | undefined {
  const bundle = join(root, 'dist', file);
  if (!existsSync(bundle)) return undefined;
  type Loader = { _load: (request: string, parent: unknown, isMain: boolean) => unknown };
  const M = Module as unknown as Loader;
  const original = M._load;
  const stub: unknown = new Proxy(function () {}, { get: (_t, k) => (k === 'then' ? undefined : stub), apply: () => stub, construct: () => stub as object });
  M._load = (request, parent, isMain) => (request === 'vscode' ? stub : original(request, parent, isMain));
  try {
    const t0 = performance.now();
    require(bundle);
    return performance.now() - t0;
  } finally {
    M._load = original;
  }
}

export async function benchStartup(root: string, runs = 5): Promise<StartupResult | undefined> {
  const server = join(root, 'dist', 'server.js');
  if (!existsSync(server)) return undefined;
  const text = syntheticCable(9_000);
  const inits: number[] = [];
  const diags: number[] = [];
  for (let i = 0; i < runs; i++) {
    const r = await once(server, text);
    inits.push(r.init);
    diags.push(r.diag);
  }
  return { initializeMs: median(inits), firstDiagnosticsMs: median(diags), clientLoadMs: clientLoadMs(root, 'client.js'), languageClientLoadMs: clientLoadMs(root, 'languageClient.js') };
}

export interface HeapResult {
  cables: number;
  textMB: number;
  emptyHeapMB: number;
  heapMB: number;
  rssMB: number;
  openAndLintMs: number;
}

async function heapStats(conn: ProtocolConnection): Promise<{ heapUsed: number; rss: number; gcExposed: boolean }> {
  return conn.sendRequest('cable/test/heapStats');
}

/** 1 000 distinct cables of about 9 KB (the corpus median), each opened and linted. */
export async function benchHeap(root: string, count = 1000): Promise<HeapResult | undefined> {
  const server = join(root, 'dist', 'server.js');
  if (!existsSync(server)) return undefined;
  const child = spawn(process.execPath, ['--expose-gc', server, '--stdio'], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, CABLE_SERVER_TEST_HOOKS: '1' },
  });
  const conn = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
  conn.onRequest('client/registerCapability', () => null);
  const linted = new Set<string>();
  let wake: (() => void) | undefined;
  conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    linted.add(p.uri);
    if (linted.size >= count) wake?.();
  });
  conn.listen();
  try {
    await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } }, workspaceFolders: null });
    await conn.sendNotification('initialized', {});
    const empty = await heapStats(conn);
    if (!empty.gcExposed) throw new Error('the server did not get --expose-gc');
    const base = syntheticCable(9_000);
    let textBytes = 0;
    const all = new Promise<void>((resolve) => (wake = resolve));
    const t0 = performance.now();
    for (let i = 0; i < count; i++) {
      // Distinct texts (serial, DTG day, paragraph words), so nothing is shared between documents.
      const text = base.replace('PARIS 000123', `PARIS ${String(1000 + i).padStart(6, '0')}`).replace(/agenda/g, `agenda ${i}`);
      textBytes += text.length;
      await conn.sendNotification('textDocument/didOpen', { textDocument: { uri: `file:///heap/${i}.cable`, languageId: 'cable', version: 1, text } });
    }
    await all;
    const openAndLintMs = performance.now() - t0;
    const full = await heapStats(conn);
    return {
      cables: count,
      textMB: textBytes / 1e6,
      emptyHeapMB: empty.heapUsed / 1e6,
      heapMB: full.heapUsed / 1e6,
      rssMB: full.rss / 1e6,
      openAndLintMs,
    };
  } finally {
    try {
      await conn.sendRequest('shutdown');
      await conn.sendNotification('exit');
    } catch {
      // gone already
    }
    conn.dispose();
    child.kill();
  }
}
