import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidChangeConfigurationNotification,
  DidSaveTextDocumentNotification,
  CodeActionRequest,
  type PublishDiagnosticsParams,
  type CodeAction,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { startServer, type TestServer } from './lspClient.ts';
import { CLEAN, edit } from '../service/rulesHelpers.ts';

const URI = 'file:///tmp/lsp-diagnostics-test.cable';

/** Collects publishDiagnostics and waits for the next one matching a predicate. */
function collector(server: TestServer) {
  const seen: PublishDiagnosticsParams[] = [];
  const waiters: { pred: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  server.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    seen.push(p);
    for (const w of [...waiters]) {
      if (w.pred(p)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(p);
      }
    }
  });
  return {
    seen,
    next(pred: (p: PublishDiagnosticsParams) => boolean, timeoutMs = 5000): Promise<PublishDiagnosticsParams> {
      const hit = seen.find(pred);
      if (hit) return Promise.resolve(hit);
      return new Promise((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`no matching publishDiagnostics within ${timeoutMs} ms; seen ${JSON.stringify(seen.map((s) => [s.version, s.diagnostics.map((d) => d.code)]))}`)), timeoutMs);
        waiters.push({ pred, resolve: (p) => (clearTimeout(t), resolve(p)) });
      });
    },
  };
}

function applyEdits(text: string, edits: TextEdit[]): string {
  const lines = text.split('\n');
  const off = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  let out = text;
  for (const e of [...edits].sort((a, b) => off(b.range.start) - off(a.range.start))) out = out.slice(0, off(e.range.start)) + e.newText + out.slice(off(e.range.end));
  return out;
}

test('diagnostics are published on open, updated after an incremental edit of the DTG, cleared on close', async () => {
  const server = await startServer('stdio');
  try {
    const diags = collector(server);
    const broken = edit(CLEAN, '2. (C) The second paragraph gives the detail of the meeting.', '2. (S) The second paragraph gives the detail of the meeting.');
    await server.open(URI, broken, 1);
    const first = await diags.next((p) => p.uri === URI && p.version === 1);
    const exceeds = first.diagnostics.find((d) => d.code === 'portion-marking-exceeds-banner');
    assert.ok(exceeds, JSON.stringify(first.diagnostics));
    assert.equal(exceeds.source, 'cable');
    assert.equal(exceeds.severity, 1);
    assert.deepEqual(exceeds.range, { start: { line: 24, character: 3 }, end: { line: 24, character: 6 } });
    assert.equal(exceeds.relatedInformation?.[0]?.location.uri, URI);
    assert.equal(exceeds.relatedInformation?.[0]?.location.range.start.line, 10, 'the banner');

    // Type a zone letter over the DTG's Z: one character, incremental sync.
    await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: URI, version: 2 },
      contentChanges: [{ range: { start: { line: 5, character: 8 }, end: { line: 5, character: 9 } }, text: 'A' }],
    });
    const second = await diags.next((p) => p.uri === URI && p.version === 2);
    const zone = second.diagnostics.find((d) => d.code === 'dtg-zone');
    assert.ok(zone, JSON.stringify(second.diagnostics));
    assert.deepEqual(zone.range, { start: { line: 5, character: 8 }, end: { line: 5, character: 9 } });

    // Two quick edits: only the latest version's results are published after them.
    for (const [v, ch] of [[3, 'B'], [4, 'Z']] as const) {
      await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri: URI, version: v },
        contentChanges: [{ range: { start: { line: 5, character: 8 }, end: { line: 5, character: 9 } }, text: ch }],
      });
    }
    const fourth = await diags.next((p) => p.uri === URI && p.version === 4);
    assert.ok(!fourth.diagnostics.some((d) => d.code === 'dtg-zone'));
    assert.ok(!diags.seen.some((p) => p.version === 3), 'the superseded version was not published');

    await server.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: URI } });
    const closed = await diags.next((p) => p.uri === URI && p.diagnostics.length === 0 && p.version === undefined);
    assert.deepEqual(closed.diagnostics, []);
  } finally {
    await server.close();
  }
});

test('settings turn a rule off and change a severity', async () => {
  const server = await startServer('stdio', { configuration: { diagnostics: { rules: { 'dtg-zone': 'off', 'precedence-mismatch': 'error' } } } });
  try {
    const diags = collector(server);
    const text = edit(edit(CLEAN, 'P 141030Z JUL 09', 'P 141030A JUL 09'), 'PP RUEHWEB', 'RR RUEHWEB');
    await server.open(URI, text, 1);
    const p = await diags.next((x) => x.uri === URI && x.version === 1);
    assert.ok(!p.diagnostics.some((d) => d.code === 'dtg-zone'), 'dtg-zone is off');
    assert.equal(p.diagnostics.find((d) => d.code === 'precedence-mismatch')?.severity, 1, 'precedence-mismatch raised to error');
  } finally {
    await server.close();
  }
});

test('diagnostics can be disabled altogether, and a configuration change re-lints', async () => {
  const server = await startServer('stdio', { configuration: { diagnostics: { enable: false } } });
  try {
    const diags = collector(server);
    await server.open(URI, edit(CLEAN, 'PP RUEHWEB', 'RR RUEHWEB'), 1);
    const p = await diags.next((x) => x.uri === URI && x.version === 1);
    assert.deepEqual(p.diagnostics, []);
    await server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: {} });
    // The test client answers with the same configuration, so the result stays empty but is re-sent.
    await new Promise((r) => setTimeout(r, 300));
    assert.ok(diags.seen.filter((x) => x.uri === URI).length >= 2, 're-published after the change');
  } finally {
    await server.close();
  }
});

test('code actions: a quick fix round trip and "disable this rule"', async () => {
  const server = await startServer('stdio');
  try {
    const diags = collector(server);
    const text = edit(CLEAN, 'ZNY CCCCC ZZH', 'ZNY SSSSS ZZH');
    await server.open(URI, text, 1);
    const p = await diags.next((x) => x.uri === URI && x.version === 1);
    const d = p.diagnostics.find((x) => x.code === 'classification-security-line-mismatch');
    assert.ok(d, JSON.stringify(p.diagnostics));
    const actions = (await server.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: URI },
      range: d.range,
      context: { diagnostics: [d] },
    })) as CodeAction[];
    const fix = actions.find((a) => a.edit);
    assert.ok(fix, JSON.stringify(actions));
    assert.equal(fix.kind, 'quickfix');
    assert.equal(fix.isPreferred, true);
    assert.equal(applyEdits(text, fix.edit!.changes![URI]!), CLEAN);
    const disable = actions.find((a) => a.command?.command === 'cable.disableRule');
    assert.deepEqual(disable?.command?.arguments, ['classification-security-line-mismatch', URI]);
  } finally {
    await server.close();
  }
});

test('code actions: the same fix on many lines once for the file, and source.fixAll.cable for the obvious fixes', async () => {
  const server = await startServer('stdio');
  try {
    const kinds = (server.initializeResult.capabilities.codeActionProvider as { codeActionKinds?: string[] }).codeActionKinds;
    assert.deepEqual(kinds, ['quickfix', 'source.fixAll.cable'], 'the server advertises both kinds');
    const diags = collector(server);
    const text = edit(edit(edit(CLEAN, '1. (C) Summary', '1. (C NF) Summary'), '2. (C) The second', '2. (C NF) The second'), 'TAGS: PREL, PGOV, FR', 'TAGS: PREL, POGOV, FR');
    await server.open(URI, text, 1);
    const p = await diags.next((x) => x.uri === URI && x.version === 1);
    const marks = p.diagnostics.filter((x) => x.code === 'portion-marking-malformed');
    assert.equal(marks.length, 2, JSON.stringify(p.diagnostics));
    const quick = (await server.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: URI },
      range: marks[0]!.range,
      context: { diagnostics: [marks[0]!] },
    })) as CodeAction[];
    const all = quick.find((a) => a.title === "Fix all 2 'portion-marking-malformed' problems in this file");
    assert.ok(all, JSON.stringify(quick.map((a) => a.title)));
    assert.equal(all.kind, 'quickfix');
    assert.ok(!quick.some((a) => a.kind === 'source.fixAll.cable'), 'no source action among the quick fixes');
    const fixed = applyEdits(text, all.edit!.changes![URI]!);
    assert.match(fixed, /^1\. \(C\/\/NOFORN\) Summary/m);
    assert.match(fixed, /^2\. \(C\/\/NOFORN\) The second/m);
    // What an editor asks on save ("editor.codeActionsOnSave": {"source.fixAll": …}): every obvious fix.
    const onSave = (await server.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: URI },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    })) as CodeAction[];
    assert.deepEqual(onSave.map((a) => a.kind), ['source.fixAll.cable']);
    const saved = applyEdits(text, onSave[0]!.edit!.changes![URI]!);
    assert.equal(saved, edit(edit(CLEAN, '1. (C) Summary', '1. (C//NOFORN) Summary'), '2. (C) The second', '2. (C//NOFORN) The second'), 'the markings and the TAGS slip');
    const onlyQuick = (await server.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: URI },
      range: marks[0]!.range,
      context: { diagnostics: [marks[0]!], only: ['quickfix'] },
    })) as CodeAction[];
    assert.ok(onlyQuick.length > 0 && onlyQuick.every((a) => a.kind === 'quickfix'));
  } finally {
    await server.close();
  }
});

test('run: onSave lints on open and save, not while typing', async () => {
  const server = await startServer('stdio', { configuration: { diagnostics: { run: 'onSave' } } });
  try {
    const diags = collector(server);
    await server.open(URI, CLEAN, 1);
    const opened = await diags.next((x) => x.uri === URI && x.version === 1);
    assert.deepEqual(opened.diagnostics, []);
    await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: URI, version: 2 },
      contentChanges: [{ range: { start: { line: 5, character: 8 }, end: { line: 5, character: 9 } }, text: 'A' }],
    });
    await new Promise((r) => setTimeout(r, 400));
    assert.ok(!diags.seen.some((x) => x.version === 2), 'nothing published while typing');
    await server.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri: URI } });
    const saved = await diags.next((x) => x.uri === URI && x.version === 2);
    assert.ok(saved.diagnostics.some((d) => d.code === 'dtg-zone'));
  } finally {
    await server.close();
  }
});
