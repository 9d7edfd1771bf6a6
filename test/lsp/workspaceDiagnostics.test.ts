/**
 * Problems for the whole folder through the bundled server over stdio: `workspace/diagnostic` with partial
 * results and result ids, kept open and updated as files change on disk, open cables left to the pushed
 * diagnostics, the `cable.diagnostics.scope` setting, an editor that takes no partial results, and the
 * "Check All Cables in Folder" command for an editor that does not pull.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CancellationTokenSource, WorkspaceDiagnosticRequest, type ProtocolConnection } from 'vscode-languageserver-protocol/node';
import type { Diagnostic } from 'vscode-languageserver-types';
import { startServer, type TestServer } from './lspClient.ts';
import { writeArchive } from './archiveFixture.ts';

const tmp = mkdtempSync(join(tmpdir(), 'cable-lsp-wsdiag-'));
after(() => rmSync(tmp, { recursive: true, force: true }));
const pristine = join(tmp, 'pristine');
const pristinePaths = writeArchive(pristine);
const CABLES = Object.keys(pristinePaths).length;

/** A fresh copy of the archive per test, since tests change files. */
function archive(name: string): { dir: string; uri: (id: string) => string; path: (id: string) => string } {
  const dir = join(tmp, name);
  cpSync(pristine, dir, { recursive: true });
  const path = (id: string) => join(dir, pristinePaths[id]!.slice(pristine.length + 1));
  return { dir, path, uri: (id) => pathToFileURL(path(id)).href };
}

const pullCapabilities = {
  workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true }, diagnostics: { refreshSupport: true } },
  textDocument: { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false }, publishDiagnostics: {} },
  window: { workDoneProgress: true },
};

interface Report {
  uri: string;
  kind: string;
  resultId?: string;
  items?: Diagnostic[];
}

/** A held workspace/diagnostic request whose partial results are collected as they come. */
function pullWorkspace(connection: ProtocolConnection, previousResultIds: { uri: string; value: string }[] = []) {
  const token = `p${Math.random().toString(36).slice(2)}`;
  const reports: Report[] = [];
  const sub = connection.onProgress(WorkspaceDiagnosticRequest.partialResult, token, (r) => {
    reports.push(...(r.items as Report[]));
  });
  const cancel = new CancellationTokenSource();
  const done = connection.sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds, partialResultToken: token }, cancel.token);
  return {
    reports,
    /** Resolves when the reports since `from` satisfy `ok`. */
    async until(what: string, ok: (since: Report[]) => boolean, from = 0, ms = 15_000): Promise<Report[]> {
      const end = Date.now() + ms;
      while (!ok(reports.slice(from))) {
        if (Date.now() > end) throw new Error(`timed out waiting for ${what}; got ${JSON.stringify(reports.slice(from).map((r) => [r.uri, r.items?.length]))}`);
        await new Promise((r) => setTimeout(r, 30));
      }
      return reports.slice(from);
    },
    async stop(): Promise<unknown> {
      cancel.cancel();
      const answer = await done;
      sub.dispose();
      return answer;
    },
  };
}

const codes = (r: Report | undefined) => (r?.items ?? []).map((d) => d.code);
const latest = (reports: Report[], uri: string) => reports.filter((r) => r.uri === uri).at(-1);

async function withServer(options: Parameters<typeof startServer>[1], f: (s: TestServer) => Promise<void>): Promise<void> {
  const server = await startServer('stdio', options);
  try {
    await f(server);
    assert.doesNotMatch(server.stderr(), /Error|at .*\.js:\d+/, 'nothing on stderr');
  } finally {
    await server.close();
  }
}

test('workspace diagnostics list unopened cables, then only what changes on disk', async () => {
  const a = archive('changes');
  await withServer({ capabilities: pullCapabilities, workspaceFolders: [{ uri: pathToFileURL(a.dir).href, name: 'a' }] }, async (s) => {
    const provider = s.initializeResult.capabilities.diagnosticProvider as { workspaceDiagnostics?: boolean; interFileDependencies?: boolean };
    assert.equal(provider?.workspaceDiagnostics, true);
    assert.equal(provider?.interFileDependencies, false);

    const pull = pullWorkspace(s.connection);
    const first = await pull.until('every cable', (r) => new Set(r.map((x) => x.uri)).size === CABLES);
    assert.deepEqual(codes(latest(first, a.uri('08PARIS50'))), ['dtg-malformed']);
    assert.deepEqual(codes(latest(first, a.uri('09ROME300'))), ['tags-unknown']);
    assert.deepEqual(codes(latest(first, a.uri('09PARIS100'))), []);
    assert.ok(first.every((r) => r.kind === 'full' && r.resultId), 'full reports with result ids');

    // A fix on disk: only that cable is reported again, with a new result id.
    const mark = pull.reports.length;
    writeFileSync(a.path('08PARIS50'), readFileSync(a.path('08PARIS50'), 'utf8').replace('JLY', 'JUL'));
    await s.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: a.uri('08PARIS50'), type: 2 }] });
    const fixed = await pull.until('the fixed cable', (r) => r.some((x) => x.uri === a.uri('08PARIS50')), mark);
    assert.deepEqual(fixed.map((r) => [r.uri, codes(r)]), [[a.uri('08PARIS50'), []]]);
    assert.notEqual(fixed[0]!.resultId, latest(first, a.uri('08PARIS50'))!.resultId);

    // An open cable's problems are pushed; its pull answers nothing, so nothing is listed twice.
    const pushed = new Promise<Diagnostic[]>((resolve) =>
      s.connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: Diagnostic[] }) => {
        if (p.uri === a.uri('09ROME300') && p.diagnostics.length) resolve(p.diagnostics);
      }),
    );
    await s.open(a.uri('09ROME300'), readFileSync(a.path('09ROME300'), 'utf8'));
    assert.deepEqual((await pushed).map((d) => d.code), ['tags-unknown']);
    const own = (await s.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: a.uri('09ROME300') } })) as Report;
    assert.deepEqual([own.kind, own.items], ['full', []]);

    // Closed again: the editor forgot both, and the workspace report brings its problems back.
    const beforeClose = pull.reports.length;
    await s.connection.sendNotification('textDocument/didClose', { textDocument: { uri: a.uri('09ROME300') } });
    const back = await pull.until('the closed cable', (r) => codes(latest(r, a.uri('09ROME300'))).includes('tags-unknown'), beforeClose);
    assert.ok(back.length >= 1);

    // Deleted: cleared.
    const beforeDelete = pull.reports.length;
    rmSync(a.path('09ROME300'));
    await s.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: a.uri('09ROME300'), type: 3 }] });
    const gone = await pull.until('the deleted cable', (r) => r.some((x) => x.uri === a.uri('09ROME300')), beforeDelete);
    assert.deepEqual(codes(latest(gone, a.uri('09ROME300'))), []);

    assert.deepEqual(await pull.stop(), { items: [] }, 'a cancelled pull ends with what it streamed');

    // A new pull with the result ids the editor holds: nothing is read again until something changes.
    const held = first.filter((r) => r.uri !== a.uri('08PARIS50') && r.uri !== a.uri('09ROME300')).map((r) => ({ uri: r.uri, value: r.resultId! }));
    held.push({ uri: a.uri('08PARIS50'), value: fixed[0]!.resultId! });
    const again = pullWorkspace(s.connection, held);
    await new Promise((r) => setTimeout(r, 800));
    assert.deepEqual(again.reports, [], 'every report the editor holds is current');
    writeFileSync(a.path('09PARIS99'), readFileSync(a.path('09PARIS99'), 'utf8').replace('TAGS: PREL, FR', 'TAGS: PREL, POGOV, FR'));
    await s.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: a.uri('09PARIS99'), type: 2 }] });
    const changed = await again.until('the changed cable', (r) => r.length > 0);
    assert.deepEqual(changed.map((r) => [r.uri, codes(r)]), [[a.uri('09PARIS99'), ['tags-unknown']]]);
    await again.stop();
  });
});

test('scope openFiles clears the workspace report; an editor without partial results gets one answer', async () => {
  const a = archive('scope');
  let configuration: unknown = null;
  await withServer({ capabilities: pullCapabilities, workspaceFolders: [{ uri: pathToFileURL(a.dir).href, name: 'a' }] }, async (s) => {
    s.connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => configuration));
    // No partialResultToken: the answer comes once there is something to say.
    const whole = (await s.connection.sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds: [] })) as { items: Report[] };
    assert.equal(new Set(whole.items.map((r) => r.uri)).size, CABLES);
    assert.deepEqual(codes(latest(whole.items, a.uri('08PARIS50'))), ['dtg-malformed']);

    const pull = pullWorkspace(
      s.connection,
      whole.items.map((r) => ({ uri: r.uri, value: r.resultId! })),
    );
    configuration = { diagnostics: { scope: 'openFiles' } };
    await s.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    const cleared = await pull.until('every cable cleared', (r) => new Set(r.map((x) => x.uri)).size === CABLES);
    assert.ok(cleared.every((r) => (r.items ?? []).length === 0 && r.resultId === undefined), 'empty reports with no result id');

    // The command checks every cable whatever the scope.
    const mark = pull.reports.length;
    await s.connection.sendRequest('workspace/executeCommand', { command: 'cable.checkFolder', arguments: [] });
    const all = await pull.until('every cable on demand', (r) => new Set(r.map((x) => x.uri)).size === CABLES, mark);
    assert.deepEqual(codes(latest(all, a.uri('08PARIS50'))), ['dtg-malformed']);
    await pull.stop();
  });
});

test('an editor that does not pull gets every cable pushed on "Check All Cables in Folder"', async () => {
  const a = archive('push');
  await withServer(
    {
      capabilities: { workspace: { configuration: true, workspaceFolders: true }, textDocument: { publishDiagnostics: {} } },
      workspaceFolders: [{ uri: pathToFileURL(a.dir).href, name: 'a' }],
    },
    async (s) => {
      assert.equal(s.initializeResult.capabilities.diagnosticProvider, undefined, 'no pull offered');
      assert.deepEqual(s.initializeResult.capabilities.executeCommandProvider?.commands, ['cable.checkFolder']);
      const published = new Map<string, Diagnostic[]>();
      s.connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: Diagnostic[] }) => {
        published.set(p.uri, p.diagnostics);
      });
      await new Promise((r) => setTimeout(r, 300));
      assert.equal(published.size, 0, 'nothing pushed for closed cables unasked');
      await s.connection.sendRequest('workspace/executeCommand', { command: 'cable.checkFolder', arguments: [] });
      const end = Date.now() + 15_000;
      while (published.size < CABLES && Date.now() < end) await new Promise((r) => setTimeout(r, 30));
      assert.equal(published.size, CABLES);
      assert.deepEqual(published.get(a.uri('08PARIS50'))!.map((d) => d.code), ['dtg-malformed']);
    },
  );
});
