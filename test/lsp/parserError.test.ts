/**
 * A parser crash over LSP: the bundled server with CABLE_SERVER_TEST_HOOKS=1, told by
 * `cable/test/failParsesAtLine` to fail at one line as a parser bug would. The document gets a
 * parser-error diagnostic on that line saying what happened, the output channel (window/logMessage) gets
 * the error with its stack, and the other features go on working on the rest of the cable.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { startServer } from './lspClient.ts';

const seed = readFileSync(join(__dirname, '..', 'fixtures', 'seed', '09BRUSSELS995.cable'), 'utf8');

test('a line the parser fails on: a diagnostic where it stands, the stack in the log, the outline of the rest', async () => {
  const server = await startServer('stdio', { env: { CABLE_SERVER_TEST_HOOKS: '1' } });
  try {
    const logs: string[] = [];
    const published: PublishDiagnosticsParams[] = [];
    server.connection.onNotification('window/logMessage', (p: { message: string }) => void logs.push(p.message));
    const diagnostics = new Promise<PublishDiagnosticsParams>((resolve) =>
      server.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
        published.push(p);
        resolve(p);
      }),
    );
    const line = seed.split('\n').findIndex((l) => l.startsWith('SUBJECT'));
    await server.connection.sendRequest('cable/test/failParsesAtLine', { line });
    const uri = 'file:///parser-error.cable';
    await server.open(uri, seed);
    const d = await diagnostics;
    const errors = d.diagnostics.filter((x) => x.code === 'parser-error');
    assert.equal(errors.length, 1, JSON.stringify(d.diagnostics.map((x) => x.code)));
    assert.equal(errors[0]!.range.start.line, line);
    assert.match(String(errors[0]!.message), /The parser failed reading line \d+ .*left out of the outline, hovers and checks, which work on the rest of the cable/);
    const log = logs.join('\n');
    assert.ok(log.includes(`parser failed on ${uri} line ${line + 1}: Error: the parse fails at line ${line + 1} on purpose`), log);
    assert.match(log, /\n {4}at /, 'with its stack');
    // The outline still holds what came before and after the failed line.
    const symbols = (await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as { name: string }[];
    assert.ok(symbols.some((s) => s.name.startsWith('TAGS')));
    assert.ok(symbols.some((s) => /^1\./.test(s.name)));
    await server.connection.sendRequest('cable/test/failParsesAtLine', { line: null });
  } finally {
    await server.close();
  }
});
