/**
 * Protocol misuse and server faults, over stdio against the bundled server (dist/server.js): requests
 * for documents never opened, positions far outside the text, changes with wrong or repeated versions,
 * huge batches of changes, handlers that throw, and diagnostics that must never describe an old
 * version. The server runs with CABLE_SERVER_TEST_HOOKS=1, which adds the `cable/test/*` requests
 * (server/src/testHooks.ts); nothing else changes.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  CancellationTokenSource,
  ResponseError,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Diagnostic,
} from 'vscode-languageserver-protocol/node';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SERVER, startServer as startPlainServer } from './lspClient.ts';
import { fractionEdit } from '../service/cableArbitrary.ts';
import { applyChangesNaively } from '../service/invariants.ts';

const seed = readFileSync(join(__dirname, '..', 'fixtures', 'seed', '09BRUSSELS995.cable'), 'utf8');

interface Server {
  conn: ProtocolConnection;
  child: ChildProcess;
  logs: string[];
  diagnostics: PublishDiagnosticsParams[];
  status: { uri: string; large: boolean; message?: string }[];
  stderr: () => string;
  open(uri: string, text: string, version?: number): Promise<void>;
  change(uri: string, version: number | null, changes: unknown[]): Promise<void>;
  /** Resolves with the first diagnostics published for `uri` at `version` (or any version if omitted). */
  diagnosticsFor(uri: string, version?: number, timeoutMs?: number): Promise<PublishDiagnosticsParams>;
  stop(): Promise<void>;
}

const servers: Server[] = [];
after(async () => {
  for (const s of servers) await s.stop();
});

async function start(configuration: unknown = null): Promise<Server> {
  const child = spawn(process.execPath, [SERVER, '--stdio'], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, CABLE_SERVER_TEST_HOOKS: '1' },
  });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const conn = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const logs: string[] = [];
  const diagnostics: PublishDiagnosticsParams[] = [];
  const status: Server['status'] = [];
  const waiters: (() => void)[] = [];
  const wake = () => waiters.splice(0).forEach((w) => w());
  conn.onRequest('workspace/configuration', (p: { items: unknown[] }) =>
    configuration === NEVER ? new Promise(() => undefined) : configuration === LATE ? new Promise((r) => setTimeout(() => r(p.items.map(() => ({ diagnostics: { rules: { 'dtg-zone': 'off' } } }))), 3500)) : p.items.map(() => configuration),
  );
  conn.onRequest('client/registerCapability', () => null);
  conn.onNotification('window/logMessage', (p: { message: string }) => void logs.push(p.message));
  conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    diagnostics.push(p);
    wake();
  });
  conn.onNotification('cable/status', (p: Server['status'][number]) => {
    status.push(p);
    wake();
  });
  conn.listen();
  await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: { workspace: { configuration: true }, textDocument: { documentSymbol: { hierarchicalDocumentSymbolSupport: true } } },
    workspaceFolders: null,
  });
  await conn.sendNotification('initialized', {});
  const s: Server = {
    conn,
    child,
    logs,
    diagnostics,
    status,
    stderr: () => err,
    open: (uri, text, version = 1) => conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'cable', version, text } }),
    change: (uri, version, changes) => conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes }),
    diagnosticsFor(uri, version, timeoutMs = 10_000) {
      const find = () => diagnostics.find((d) => d.uri === uri && (version === undefined || d.version === version));
      return new Promise((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`no diagnostics for ${uri} v${version}; got ${JSON.stringify(diagnostics.filter((d) => d.uri === uri).map((d) => d.version))}`)), timeoutMs);
        const check = () => {
          const d = find();
          if (d) {
            clearTimeout(t);
            resolve(d);
          } else waiters.push(check);
        };
        check();
      });
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        try {
          await Promise.race([conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
          await conn.sendNotification('exit');
        } catch {
          // already gone
        }
      }
      conn.dispose();
      if (child.exitCode === null && child.signalCode === null) {
        await new Promise<void>((resolve) => {
          const t = setTimeout(() => {
            child.kill('SIGKILL');
            resolve();
          }, 2000);
          child.once('exit', () => {
            clearTimeout(t);
            resolve();
          });
        });
      }
    },
  };
  servers.push(s);
  return s;
}

/** Configuration answers: never, or only after the server's 2 s wait (turning dtg-zone off). */
const NEVER = Symbol('never answers');
const LATE = Symbol('answers late');

const alive = (s: Server) => s.child.exitCode === null && s.child.signalCode === null;
const codes = (ds: Diagnostic[]) => ds.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}`).sort();

test('requests for documents never opened answer nothing, and the server lives on', async () => {
  const s = await start();
  const td = { uri: 'file:///never/opened.cable' };
  const pos = { line: 0, character: 0 };
  const range = { start: pos, end: pos };
  assert.equal(await s.conn.sendRequest('textDocument/hover', { textDocument: td, position: pos }), null);
  assert.deepEqual(await s.conn.sendRequest('textDocument/completion', { textDocument: td, position: pos }), []);
  assert.deepEqual(await s.conn.sendRequest('textDocument/documentSymbol', { textDocument: td }), []);
  assert.deepEqual(await s.conn.sendRequest('textDocument/foldingRange', { textDocument: td }), []);
  assert.deepEqual(await s.conn.sendRequest('textDocument/selectionRange', { textDocument: td, positions: [pos] }), []);
  assert.deepEqual(await s.conn.sendRequest('textDocument/documentHighlight', { textDocument: td, position: pos }), []);
  assert.deepEqual(await s.conn.sendRequest('textDocument/documentLink', { textDocument: td }), []);
  assert.deepEqual(await s.conn.sendRequest('textDocument/definition', { textDocument: td, position: pos }), []);
  assert.deepEqual(await s.conn.sendRequest('textDocument/codeAction', { textDocument: td, range, context: { diagnostics: [] } }), []);
  // Changes and closes for it are ignored rather than fatal.
  await s.change(td.uri, 2, [{ text: 'x' }]);
  await s.conn.sendNotification('textDocument/didClose', { textDocument: td });
  await s.conn.sendNotification('textDocument/didSave', { textDocument: td });
  assert.ok(Array.isArray(await s.conn.sendRequest('workspace/symbol', { query: '' })));
  assert.ok(alive(s));
});

test('positions and ranges far outside the text are answered sensibly', async () => {
  const s = await start();
  const uri = 'file:///out-of-range.cable';
  await s.open(uri, seed);
  const lines = seed.split('\n');
  const inDoc = (r: { start: { line: number; character: number }; end: { line: number; character: number } }) =>
    r.start.line < lines.length && r.end.line < lines.length && r.end.character <= lines[r.end.line]!.length && r.start.character <= lines[r.start.line]!.length;
  const far = [
    { line: 1_000_000, character: 0 },
    { line: 0, character: 1_000_000 },
    { line: lines.length, character: 0 },
    { line: 2 ** 31 - 1, character: 2 ** 31 - 1 },
  ];
  for (const position of far) {
    const td = { uri };
    const h = (await s.conn.sendRequest('textDocument/hover', { textDocument: td, position })) as { range?: never } | null;
    if (h?.range) assert.ok(inDoc(h.range));
    assert.ok(Array.isArray(await s.conn.sendRequest('textDocument/completion', { textDocument: td, position })));
    const hl = (await s.conn.sendRequest('textDocument/documentHighlight', { textDocument: td, position })) as { range: never }[];
    for (const x of hl) assert.ok(inDoc(x.range));
    assert.ok(Array.isArray(await s.conn.sendRequest('textDocument/definition', { textDocument: td, position })));
    const sel = (await s.conn.sendRequest('textDocument/selectionRange', { textDocument: td, positions: [position] })) as { range: never }[];
    for (const x of sel) assert.ok(inDoc(x.range), `selection range ${JSON.stringify(x.range)} inside the text`);
    const actions = await s.conn.sendRequest('textDocument/codeAction', {
      textDocument: td,
      range: { start: position, end: { line: position.line + 5, character: 0 } },
      context: { diagnostics: [{ range: { start: position, end: position }, message: 'x', code: 'dtg-malformed', source: 'cable' }] },
    });
    assert.ok(Array.isArray(actions));
  }
  assert.ok(alive(s));
  assert.doesNotMatch(s.logs.join('\n'), /failed:/, 'no handler failed');
});

test('wrong versions: a repeated version with new text is not served the old model; a missing version does not kill the server', async () => {
  const s = await start();
  const uri = 'file:///versions.cable';
  await s.open(uri, 'UNCLAS BRUSSELS 000123\n\nSUBJECT: FIRST\n\n1. (U) One.\n', 1);
  const first = (await s.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as { name: string }[];
  assert.ok(JSON.stringify(first).includes('FIRST'));
  // Same version number, different text (a client bug): the answer must describe the new text.
  await s.change(uri, 1, [{ text: 'UNCLAS BRUSSELS 000123\n\nSUBJECT: SECOND\n\n1. (U) One.\n2. (U) Two.\n' }]);
  const second = JSON.stringify(await s.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }));
  assert.ok(second.includes('SECOND') && !second.includes('FIRST'), second);
  // Going backwards.
  await s.change(uri, 0, [{ text: 'UNCLAS BRUSSELS 000123\n\nSUBJECT: THIRD\n' }]);
  assert.ok(JSON.stringify(await s.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })).includes('THIRD'));
  // No version at all: the library refuses the change; the server must survive it.
  await s.change(uri, null, [{ text: 'garbage' }]);
  // A range beyond the end of the text is clamped by the document, not fatal.
  await s.change(uri, 5, [{ range: { start: { line: 500, character: 3 }, end: { line: 900, character: 0 } }, text: '\nEND OF TEXT' }]);
  const sym = JSON.stringify(await s.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }));
  assert.ok(sym.includes('THIRD'));
  // Opening a document twice replaces it.
  await s.open(uri, 'UNCLAS BRUSSELS 000123\n\nSUBJECT: FOURTH\n', 9);
  assert.ok(JSON.stringify(await s.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })).includes('FOURTH'));
  assert.ok(alive(s));
});

test('huge batches of changes: one notification with 5 000 edits, then 1 000 notifications; the last diagnostics are those of the final text', async () => {
  const s = await start();
  const uri = 'file:///batches.cable';
  await s.open(uri, seed, 1);
  await s.diagnosticsFor(uri, 1);
  // 5 000 one-character insertions at the start of the SUBJECT line, in one didChange.
  const subjectLine = seed.split('\n').findIndex((l) => l.startsWith('SUBJECT:'));
  const edits = Array.from({ length: 5000 }, () => ({ range: { start: { line: subjectLine, character: 9 }, end: { line: subjectLine, character: 9 } }, text: 'X' }));
  const t0 = performance.now();
  await s.change(uri, 2, edits);
  // Then 1 000 notifications, each typing one character at the end of the text.
  let version = 2;
  const lines = seed.split('\n');
  for (let i = 0; i < 1000; i++) {
    await s.change(uri, ++version, [{ range: { start: { line: lines.length - 1, character: i }, end: { line: lines.length - 1, character: i } }, text: 'Z' }]);
  }
  // The server answers a request promptly after the flood.
  const h = await s.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: subjectLine, character: 2 } });
  assert.ok(h !== undefined);
  const final = await s.diagnosticsFor(uri, version);
  const ms = performance.now() - t0;
  assert.ok(ms < 20_000, `flood handled in ${ms.toFixed(0)} ms`);
  // Compare with the same final text opened fresh under another name.
  const finalText = lines.map((l, i) => (i === subjectLine ? l.slice(0, 9) + 'X'.repeat(5000) + l.slice(9) : i === lines.length - 1 ? l + 'Z'.repeat(1000) : l)).join('\n');
  const other = 'file:///batches-fresh.cable';
  await s.open(other, finalText, 1);
  const fresh = await s.diagnosticsFor(other, 1);
  assert.deepEqual(codes(final.diagnostics), codes(fresh.diagnostics));
  const symA = await s.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
  const symB = await s.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: other } });
  assert.deepEqual(symA, symB);
  // Versions were published in order, and nothing after the final version describes an older one.
  const published = s.diagnostics.filter((d) => d.uri === uri).map((d) => d.version!);
  assert.deepEqual(published, [...published].sort((a, b) => a - b), `published in order: ${published.join(',')}`);
  assert.equal(published[published.length - 1], version);
  assert.ok(published.length < 50, `debounced: ${published.length} publications for ${version} versions`);
});

test('no stale diagnostics: typing fast publishes only the versions that were current when checked', async () => {
  const s = await start();
  const uri = 'file:///typing.cable';
  // The DTG line becomes malformed and then right again; the final version is clean of dtg errors.
  const dtgLine = seed.split('\n').findIndex((l) => l.startsWith('R 201547Z'));
  await s.open(uri, seed, 1);
  let version = 1;
  const typing = ['R 2015', 'R 20154', 'R 201547', 'R 201547Z', 'R 201547Z J', 'R 201547Z JU', 'R 201547Z JUL', 'R 201547Z JUL 0', 'R 201547Z JUL 09'];
  for (const t of typing) {
    await s.change(uri, ++version, [{ range: { start: { line: dtgLine, character: 0 }, end: { line: dtgLine, character: 100 } }, text: t }]);
    await new Promise((r) => setTimeout(r, 15));
  }
  const last = await s.diagnosticsFor(uri, version);
  assert.ok(!last.diagnostics.some((d) => String(d.code).startsWith('dtg-')), JSON.stringify(codes(last.diagnostics)));
  await new Promise((r) => setTimeout(r, 400));
  const mine = s.diagnostics.filter((d) => d.uri === uri);
  assert.equal(mine[mine.length - 1]!.version, version, 'nothing published after the final version');
  const versions = mine.map((d) => d.version!);
  assert.deepEqual(versions, [...versions].sort((a, b) => a - b));
});

test('a handler that throws is answered with an error; a throw outside any handler is logged; the server lives on', async () => {
  const s = await start();
  await assert.rejects(s.conn.sendRequest('cable/test/throw'), (e: unknown) => e instanceof ResponseError);
  await s.conn.sendRequest('cable/test/throwLater');
  await new Promise((r) => setTimeout(r, 200));
  assert.ok(alive(s));
  const uri = 'file:///after-throw.cable';
  await s.open(uri, seed);
  const symbols = (await s.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as unknown[];
  assert.ok(symbols.length > 0);
  assert.match(s.logs.join('\n') + s.stderr(), /throwLater: a timer failed on purpose/);
});

test('a cancelled request is answered (empty or cancelled), and the next one is served', async () => {
  const s = await start();
  const uri = 'file:///cancel.cable';
  await s.open(uri, seed);
  for (let i = 0; i < 20; i++) {
    const src = new CancellationTokenSource();
    const p = s.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 7, character: 4 } }, src.token);
    src.cancel();
    try {
      const r = await p;
      assert.ok(r === null || typeof r === 'object');
    } catch (e) {
      assert.ok(e instanceof ResponseError, String(e));
    }
  }
  const h = (await s.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 7, character: 4 } })) as { contents: unknown } | null;
  assert.ok(h && h.contents, 'the DTG hovers after the cancellations');
});

test('cable.maxFileSize: over the limit the costly rules are skipped and the client is told once; back under, told again', async () => {
  const head = seed.slice(0, seed.indexOf('1. (C)'));
  const body = Array.from({ length: 120 }, (_, i) => `${i + 1}. ${i === 0 ? '' : '(C) '}Paragraph text of a long cable, long enough to matter here.\n\n`).join('');
  const large = head + body;
  // The limit sits just above the text, so a few lines more cross it.
  const s = await start({ maxFileSize: large.length + 1000 });
  const uri = 'file:///large.cable';
  await s.open(uri, large, 1);
  const under = await s.diagnosticsFor(uri, 1);
  assert.ok(under.diagnostics.some((d) => d.code === 'portion-marking-missing'), 'all rules under the limit');
  assert.equal(s.status.filter((x) => x.uri === uri).length, 0, 'nothing said under the limit');
  // Grow it past the limit.
  const pad = '\n' + 'Padding line of the cable, long enough to push it over the limit.\n'.repeat(200);
  const lastLine = large.split('\n').length - 1;
  await s.change(uri, 2, [{ range: { start: { line: lastLine, character: 0 }, end: { line: lastLine, character: 0 } }, text: pad }]);
  const over = await s.diagnosticsFor(uri, 2);
  assert.ok(!over.diagnostics.some((d) => d.code === 'portion-marking-missing'), 'costly rule skipped over the limit');
  assert.ok(over.diagnostics.length >= 0);
  const told = s.status.filter((x) => x.uri === uri);
  assert.equal(told.length, 1);
  assert.equal(told[0]!.large, true);
  assert.match(told[0]!.message ?? '', /cable\.maxFileSize.*portion-marking-missing/);
  // A further edit while still large says nothing new.
  await s.change(uri, 3, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: ' ' }]);
  await s.diagnosticsFor(uri, 3);
  assert.equal(s.status.filter((x) => x.uri === uri).length, 1);
  // Shrink back under: told once more, and the rule is back.
  await s.change(uri, 4, [{ text: large }]);
  const back = await s.diagnosticsFor(uri, 4);
  assert.ok(back.diagnostics.some((d) => d.code === 'portion-marking-missing'));
  assert.deepEqual(s.status.filter((x) => x.uri === uri).map((x) => x.large), [true, false]);
});

test('a 10 MB cable open does not stop another document from being served', async () => {
  const s = await start();
  const head = seed.slice(0, seed.indexOf('1. (C)'));
  const para = 'Poloff met the minister on the question of the day; the minister said nothing new, and said it at length. '.repeat(7);
  const parts = [head];
  for (let n = 1, size = head.length; size < 10 * 1024 * 1024; n++) {
    const p = `${(n % 90) + 1}. (C) ${para}\n\n`;
    parts.push(p);
    size += p.length;
  }
  const big = 'file:///big.cable';
  const small = 'file:///small.cable';
  await s.open(small, seed);
  await s.diagnosticsFor(small);
  const t0 = performance.now();
  await s.open(big, parts.join(''));
  const h = await s.conn.sendRequest('textDocument/hover', { textDocument: { uri: small }, position: { line: 7, character: 4 } });
  const waited = performance.now() - t0;
  assert.ok(h, 'hover answered');
  assert.ok(waited < 10_000, `small document served within ${waited.toFixed(0)} ms of opening 10 MB`);
  const d = await s.diagnosticsFor(big, 1, 30_000);
  assert.ok(Array.isArray(d.diagnostics));
  assert.ok(s.status.some((x) => x.uri === big && x.large), 'the 10 MB cable is over the default limit and the client hears so');
});

test('a client that never answers workspace/configuration does not stall the server: defaults after a wait, said once', { timeout: 30_000 }, async () => {
  const s = await start(NEVER);
  const uri = 'file:///no-config.cable';
  await s.open(uri, seed);
  const t0 = performance.now();
  const h = await s.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 7, character: 4 } });
  assert.ok(h, 'hover answered with the default settings');
  const d = await s.diagnosticsFor(uri, 1, 10_000);
  assert.ok(performance.now() - t0 < 8000);
  assert.ok(Array.isArray(d.diagnostics));
  await s.open('file:///no-config-2.cable', seed);
  await s.diagnosticsFor('file:///no-config-2.cable', 1, 10_000);
  assert.equal(s.logs.filter((l) => /did not answer workspace\/configuration/.test(l)).length, 1, 'said once');
});

test('a late configuration answer replaces the defaults and the cable is checked again', { timeout: 30_000 }, async () => {
  const s = await start(LATE);
  const uri = 'file:///late-config.cable';
  // Zone A: a dtg-zone warning under the defaults, none once the late settings turn the rule off.
  await s.open(uri, seed.replace('R 201547Z JUL 09', 'R 201547A JUL 09'));
  const first = await s.diagnosticsFor(uri, 1, 10_000);
  assert.ok(first.diagnostics.some((d) => d.code === 'dtg-zone'));
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const last = s.diagnostics.filter((d) => d.uri === uri).pop()!;
    if (!last.diagnostics.some((d) => d.code === 'dtg-zone')) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail('the late settings were never applied');
});

test('garbage settings from the client are ignored, not fatal', async () => {
  const s = await start({ maxFileSize: 'big', diagnostics: { enable: 'yes', rules: { 'dtg-zone': 7, x: null }, run: 3 }, tags: [1, 2] });
  const uri = 'file:///garbage-settings.cable';
  await s.open(uri, seed.replace('R 201547Z JUL 09', 'R 201547A JUL 09'));
  const d = await s.diagnosticsFor(uri, 1);
  assert.ok(d.diagnostics.some((x) => x.code === 'dtg-zone'), 'defaults apply where the settings are wrong');
  assert.ok(alive(s));
});

test('property: any series of incremental edits leaves the server with what a fresh open of the final text gives', { timeout: 120_000 }, async () => {
  const s = await start();
  let run = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(fc.array(fractionEdit, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }), async (batches) => {
      run++;
      const uri = `file:///prop-${run}.cable`;
      await s.open(uri, seed, 1);
      // Positions are computed against the text as it is before each notification, as an editor does.
      const doc = TextDocument.create(uri, 'cable', 1, seed);
      const all: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string }[] = [];
      let version = 1;
      for (const batch of batches) {
        const changes = batch.map((e) => {
          const text = doc.getText();
          const a = Math.min(text.length, Math.floor(e.at * text.length));
          const b = Math.min(text.length, a + e.remove);
          const c = { range: { start: doc.positionAt(a), end: doc.positionAt(b) }, text: e.insert };
          TextDocument.update(doc, [c], doc.version + 1);
          return c;
        });
        all.push(...changes);
        await s.change(uri, ++version, changes);
      }
      const finalText = applyChangesNaively(seed, all);
      const fresh = `file:///prop-${run}-fresh.cable`;
      await s.open(fresh, finalText, 1);
      const [a, b] = await Promise.all([s.diagnosticsFor(uri, version), s.diagnosticsFor(fresh, 1)]);
      assert.deepEqual(codes(a.diagnostics), codes(b.diagnostics));
      for (const method of ['textDocument/documentSymbol', 'textDocument/foldingRange']) {
        const [x, y] = await Promise.all([s.conn.sendRequest(method, { textDocument: { uri } }), s.conn.sendRequest(method, { textDocument: { uri: fresh } })]);
        assert.deepEqual(x, y, method);
      }
      await s.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
      await s.conn.sendNotification('textDocument/didClose', { textDocument: { uri: fresh } });
    }),
    { numRuns: Number(process.env.CABLE_FC_LSP_RUNS ?? 25) },
  );
  assert.ok(alive(s));
});

test('without CABLE_SERVER_TEST_HOOKS the test hooks do not exist: no crash on demand in the shipped server', async () => {
  const env = process.env.CABLE_SERVER_TEST_HOOKS;
  delete process.env.CABLE_SERVER_TEST_HOOKS;
  const plain = await startPlainServer('stdio');
  if (env !== undefined) process.env.CABLE_SERVER_TEST_HOOKS = env;
  try {
    await assert.rejects(plain.connection.sendRequest('cable/test/heapStats'), (e: unknown) => e instanceof ResponseError && e.code === -32601);
    await plain.connection.sendNotification('cable/test/crash');
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(plain.process.exitCode, null, 'still running');
  } finally {
    await plain.close();
  }
});
