/**
 * The protocol as the server keeps it (server/src/guard.ts), over stdio against the bundled server, with
 * frames written by hand so that broken frames, requests out of phase and a cancellation right behind
 * its request reach the server exactly as written: a frame with a wrong Content-Length ends the process
 * (so the client's restart policy can act), requests before `initialize` get -32002 and after `shutdown`
 * -32600, a cancelled request gets -32800, and a parser failure reaches the log with the document's URI.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { StreamMessageReader, type Message, type ResponseMessage, type NotificationMessage } from 'vscode-languageserver-protocol/node';
import { SERVER } from './lspClient.ts';

const seed = readFileSync(join(__dirname, '..', 'fixtures', 'seed', '09BRUSSELS995.cable'), 'utf8');
const URI = 'file:///protocol/seed.cable';
const SERVER_NOT_INITIALIZED = -32002;
const INVALID_REQUEST = -32600;
const REQUEST_CANCELLED = -32800;
/** The exit code of a server whose input could not be framed (sysexits.h EX_PROTOCOL). */
const EXIT_PROTOCOL_ERROR = 76;

interface Raw {
  child: ChildProcess;
  /** Every message the server sent, in order. */
  received: Message[];
  exited: Promise<number | null>;
  stderr: () => string;
  /** Writes the messages' frames in one write, so they arrive together. */
  send(...messages: object[]): void;
  write(bytes: string): void;
  request(method: string, params?: unknown): Promise<ResponseMessage>;
  response(id: number): Promise<ResponseMessage>;
  logs(): string[];
}

const running: Raw[] = [];
after(() => {
  for (const r of running) if (r.child.exitCode === null && r.child.signalCode === null) r.child.kill('SIGKILL');
});

const frame = (m: object) => {
  const json = JSON.stringify({ jsonrpc: '2.0', ...m });
  return `Content-Length: ${Buffer.byteLength(json, 'utf8')}\r\n\r\n${json}`;
};

function spawnRaw(env: Record<string, string> = {}): Raw {
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  child.stdin!.on('error', () => undefined); // writing to a server that has exited
  const received: Message[] = [];
  const waiters: (() => void)[] = [];
  new StreamMessageReader(child.stdout!).listen((m) => {
    received.push(m);
    waiters.splice(0).forEach((w) => w());
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let nextId = 1000;
  const raw: Raw = {
    child,
    received,
    exited,
    stderr: () => err,
    send: (...messages) => child.stdin!.write(messages.map(frame).join('')),
    write: (bytes) => child.stdin!.write(bytes),
    response(id) {
      return new Promise((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`no response to ${id}; stderr: ${err}`)), 10_000);
        const check = () => {
          const r = received.find((m) => (m as ResponseMessage).id === id && !('method' in m));
          if (r) {
            clearTimeout(t);
            resolve(r as ResponseMessage);
          } else waiters.push(check);
        };
        check();
      });
    },
    request(method, params) {
      const id = nextId++;
      raw.send({ id, method, params });
      return raw.response(id);
    },
    logs: () => received.filter((m): m is NotificationMessage => (m as NotificationMessage).method === 'window/logMessage').map((m) => (m.params as { message: string }).message),
  };
  running.push(raw);
  return raw;
}

/** Client capabilities without workspace/configuration, so the server asks nothing of this client. */
const CAPABILITIES = { textDocument: { documentSymbol: { hierarchicalDocumentSymbolSupport: true }, definition: { linkSupport: true } } };

async function initialized(env: Record<string, string> = {}, capabilities: object = CAPABILITIES): Promise<Raw> {
  const r = spawnRaw(env);
  const init = await r.request('initialize', { processId: process.pid, rootUri: null, capabilities, workspaceFolders: null });
  assert.ok(init.result, JSON.stringify(init));
  r.send({ method: 'initialized', params: {} });
  return r;
}

const open = (r: Raw, uri: string, text: string, version = 1) =>
  r.send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'cable', version, text } } });

/** Resolves with the exit code, or rejects if the process is still running after `ms`. */
function exitWithin(r: Raw, ms: number): Promise<number | null> {
  return Promise.race([r.exited, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`still running after ${ms} ms; stderr: ${r.stderr()}`)), ms))]);
}

for (const [name, bytes] of [
  // Too short (a client counting characters instead of UTF-8 bytes): the body is cut.
  ['too short', (json: string) => `Content-Length: ${Buffer.byteLength(json) - 12}\r\n\r\n${json}`],
  // Too long: the next frame's bytes are read as the rest of this one.
  ['too long', (json: string) => `Content-Length: ${Buffer.byteLength(json) + 40}\r\n\r\n${json}${frame({ id: 77, method: 'textDocument/documentSymbol', params: { textDocument: { uri: URI } } })}`],
  ['not a number', (json: string) => `Content-Length: twelve\r\n\r\n${json}`],
] as const) {
  test(`a frame whose Content-Length is ${name} ends the server with a reason, so the client can start a fresh one`, async () => {
    const r = await initialized();
    open(r, URI, seed);
    assert.ok((await r.request('textDocument/documentSymbol', { textDocument: { uri: URI } })).result);
    const json = JSON.stringify({ jsonrpc: '2.0', id: 50, method: 'textDocument/hover', params: { textDocument: { uri: URI }, position: { line: 7, character: 4 } } });
    r.write(bytes(json));
    // Whatever follows cannot be framed either: the server must not sit there, alive and deaf.
    r.send({ id: 51, method: 'textDocument/documentSymbol', params: { textDocument: { uri: URI } } });
    assert.equal(await exitWithin(r, 5000), EXIT_PROTOCOL_ERROR);
    assert.match(r.stderr(), /cannot read.*exits/);
    assert.ok(r.logs().some((l) => /cannot read/.test(l)), 'said in the editor log too');
  });
}

test('standard input closed without shutdown: the server exits (code 1)', async () => {
  const r = await initialized();
  r.child.stdin!.end();
  assert.equal(await exitWithin(r, 5000), 1);
});

test('before initialize: requests get -32002 and notifications are dropped; then initialize works, once', async () => {
  const r = spawnRaw();
  for (const [method, params] of [
    ['textDocument/hover', { textDocument: { uri: URI }, position: { line: 0, character: 0 } }],
    ['textDocument/documentSymbol', { textDocument: { uri: URI } }],
    ['workspace/symbol', { query: '' }],
    ['cable/noSuchRequest', {}],
    ['shutdown', undefined],
  ] as const) {
    const res = await r.request(method, params);
    assert.equal(res.error?.code, SERVER_NOT_INITIALIZED, `${method}: ${JSON.stringify(res)}`);
  }
  open(r, URI, seed);
  const init = await r.request('initialize', { processId: process.pid, rootUri: null, capabilities: CAPABILITIES, workspaceFolders: null });
  assert.ok(init.result);
  r.send({ method: 'initialized', params: {} });
  // The didOpen sent before initialize was dropped: the document is unknown.
  assert.deepEqual((await r.request('textDocument/documentSymbol', { textDocument: { uri: URI } })).result, []);
  const again = await r.request('initialize', { processId: process.pid, rootUri: null, capabilities: CAPABILITIES, workspaceFolders: null });
  assert.equal(again.error?.code, INVALID_REQUEST);
  open(r, URI, seed);
  assert.ok(((await r.request('textDocument/documentSymbol', { textDocument: { uri: URI } })).result as unknown[]).length > 0);
});

test('after shutdown: every request gets -32600, and exit ends the process with 0', async () => {
  const r = await initialized();
  open(r, URI, seed);
  const down = await r.request('shutdown');
  assert.equal(down.result, null);
  assert.equal(down.error, undefined);
  for (const [method, params] of [
    ['textDocument/documentSymbol', { textDocument: { uri: URI } }],
    ['textDocument/hover', { textDocument: { uri: URI }, position: { line: 7, character: 4 } }],
    ['cable/noSuchRequest', {}],
    ['shutdown', undefined],
  ] as const) {
    const res = await r.request(method, params);
    assert.equal(res.error?.code, INVALID_REQUEST, `${method}: ${JSON.stringify(res)}`);
  }
  r.send({ method: 'exit' });
  assert.equal(await exitWithin(r, 5000), 0);
});

const DOCUMENT_REQUESTS: [string, object][] = [
  ['textDocument/documentSymbol', {}],
  ['textDocument/foldingRange', {}],
  ['textDocument/selectionRange', { positions: [{ line: 7, character: 4 }] }],
  ['textDocument/documentHighlight', { position: { line: 7, character: 4 } }],
  ['textDocument/documentLink', {}],
  ['textDocument/definition', { position: { line: 7, character: 4 } }],
  ['textDocument/hover', { position: { line: 7, character: 4 } }],
  ['textDocument/completion', { position: { line: 7, character: 4 } }],
  ['textDocument/codeAction', { range: { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } }, context: { diagnostics: [] } }],
];

test('a request cancelled right behind its edit is answered -32800 without parsing; the same request uncancelled is answered', async () => {
  const r = await initialized();
  open(r, URI, seed);
  let version = 1;
  let id = 1;
  for (const [method, extra] of DOCUMENT_REQUESTS) {
    // An edit, the request and its cancellation arrive together, as when the editor moves on while the
    // server is busy: the new version is not parsed yet, and the request must not parse it.
    const edit = { method: 'textDocument/didChange', params: { textDocument: { uri: URI, version: ++version }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: ' ' }] } };
    const cancelled = id++;
    r.send(edit, { id: cancelled, method, params: { textDocument: { uri: URI }, ...extra } }, { method: '$/cancelRequest', params: { id: cancelled } });
    const res = await r.response(cancelled);
    assert.equal(res.error?.code, REQUEST_CANCELLED, `${method}: ${JSON.stringify(res).slice(0, 200)}`);
    const served = await r.request(method, { textDocument: { uri: URI }, ...extra });
    assert.equal(served.error, undefined, `${method} uncancelled: ${JSON.stringify(served.error)}`);
  }
  assert.ok(r.logs().every((l) => !/failed:/.test(l)), r.logs().join('\n'));
});

test('a request cancelled while it waits for the settings is answered -32800', { timeout: 20_000 }, async () => {
  // This client announces workspace/configuration and never answers it: hover waits (up to 2 s).
  const r = await initialized({}, { ...CAPABILITIES, workspace: { configuration: true } });
  // One document each, since the settings are asked (and then kept) per document.
  const waiting = DOCUMENT_REQUESTS.filter(([m]) => /hover|completion|codeAction/.test(m)).map(([method, extra], i) => {
    const uri = `file:///protocol/waits-${i}.cable`;
    open(r, uri, seed);
    return { id: 900 + i, method, params: { textDocument: { uri }, ...extra } };
  });
  r.send(...waiting);
  await new Promise((resolve) => setTimeout(resolve, 100));
  r.send(...waiting.map(({ id }) => ({ method: '$/cancelRequest', params: { id } })));
  for (const { id, method } of waiting) assert.equal((await r.response(id)).error?.code, REQUEST_CANCELLED, method);
});

test('a parser failure reaches the log with the document URI, once per version', async () => {
  const r = await initialized({ CABLE_SERVER_TEST_HOOKS: '1' });
  const uri = 'file:///protocol/parser-fails.cable';
  const failures = () => r.logs().filter((l) => l.includes('The parser failed on') && l.includes(uri));
  open(r, uri, `CABLE-TEST-PARSER-CRASH\n${seed}`);
  for (const method of ['textDocument/documentSymbol', 'textDocument/foldingRange', 'textDocument/documentLink']) {
    assert.equal((await r.request(method, { textDocument: { uri } })).error, undefined);
  }
  assert.equal(failures().length, 1, r.logs().join('\n'));
  assert.match(failures()[0]!, /version 1\).*failed on purpose/);
  r.send({ method: 'textDocument/didChange', params: { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: ' ' }] } });
  await r.request('textDocument/documentSymbol', { textDocument: { uri } });
  await r.request('textDocument/foldingRange', { textDocument: { uri } });
  assert.equal(failures().length, 2);
  assert.match(failures()[1]!, /version 2\)/);
  // A text the parser reads without failing says nothing.
  open(r, URI, seed);
  await r.request('textDocument/documentSymbol', { textDocument: { uri: URI } });
  assert.ok(!r.logs().some((l) => l.includes('The parser failed on') && l.includes(URI)));
});
