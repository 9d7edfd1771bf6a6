import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { startServer, SERVER } from './lspClient.ts';

for (const transport of ['stdio', 'ipc'] as const) {
  test(`server answers initialize over ${transport}`, async () => {
    const server = await startServer(transport);
    try {
      assert.equal(server.initializeResult.serverInfo?.name, 'cable-language-server');
      assert.ok(server.initializeResult.capabilities.textDocumentSync, 'announces document sync');
    } finally {
      await server.close();
    }
  });
}

test('launcher rejects unknown flags with a message, not a stack trace', () => {
  const r = spawnSync(process.execPath, [SERVER, '--bogus'], { encoding: 'utf8' });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /unknown option '--bogus'/);
  assert.match(r.stderr, /Usage: cable-language-server/);
  assert.doesNotMatch(r.stderr, /^ +at /m, 'no stack trace');
});

test('launcher without a transport says so', () => {
  const r = spawnSync(process.execPath, [SERVER], { encoding: 'utf8' });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /no transport given/);
});

test('server exits when its stdio client goes away after exit', async () => {
  const server = await startServer('stdio');
  await server.close();
  assert.ok(server.process.exitCode !== null || server.process.signalCode !== null);
});
