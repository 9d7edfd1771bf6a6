/**
 * Workspace features in the browser worker: the cable index reads the workspace through the client
 * (`cable/findFiles`, `cable/readFile`), answered here from a folder on disk the way the web client
 * answers them with `vscode.workspace.findFiles` and `vscode.workspace.fs`. Definitions, document links
 * and workspace symbols must then match the Node server's, which reads the same folder itself; a host
 * that cannot list files must leave the worker working on its open cables.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { InitializeResult, ProtocolConnection } from 'vscode-languageserver-protocol/node';
import type { FindFilesParams, FindFilesResult, ReadFileParams, ReadFileResult } from '../../server/src/fileRequests.ts';
import { startServer } from '../lsp/lspClient.ts';
import { startWorkerServer, closeBrowser, skipReason } from './workerServer.ts';

const skip = skipReason();
const root = join(__dirname, '..', '..');
const fixtures = join(root, 'test', 'fixtures', 'cables-features');
const tmp = mkdtempSync(join(tmpdir(), 'cable-browser-ws-'));
after(async () => {
  rmSync(tmp, { recursive: true, force: true });
  await closeBrowser();
});

const capabilities = {
  workspace: { configuration: true, workspaceFolders: true },
  textDocument: {
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    definition: { linkSupport: true },
  },
};

/** A folder with one cable at the top and the cable it references one level down. */
function workspace(name: string) {
  const dir = join(tmp, name);
  mkdirSync(join(dir, 'refs'), { recursive: true });
  mkdirSync(join(dir, 'node_modules', 'x'), { recursive: true });
  copyFileSync(join(fixtures, '08OSLO123.cable'), join(dir, '08OSLO123.cable'));
  copyFileSync(join(fixtures, '08OSLO97.cable'), join(dir, 'refs', '08OSLO97.cable'));
  // A dependency folder's cables are not the workspace's (VS Code's search excludes them too).
  copyFileSync(join(fixtures, '08OSLO97.cable'), join(dir, 'node_modules', 'x', '08OSLO97.cable'));
  const uri = pathToFileURL(dir).href;
  const main = pathToFileURL(join(dir, '08OSLO123.cable')).href;
  return { dir, uri, main, text: readFileSync(join(dir, '08OSLO123.cable'), 'utf8') };
}

/** What `vscode.workspace.findFiles(include, exclude)` gives for `**\/*.ext` globs: a walk of the folder. */
function findFiles(dir: string, include: string): string[] {
  const extensions = [...include.matchAll(/\*\.(\w+)/g)].map((m) => `.${m[1]!.toLowerCase()}`);
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (extensions.some((x) => e.name.toLowerCase().endsWith(x))) out.push(pathToFileURL(p).href);
    }
  };
  walk(dir);
  return out.sort();
}

async function until<T>(what: string, f: () => Promise<T | undefined>, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await f();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

interface WorkspaceAnswers {
  definition: unknown;
  links: unknown;
  symbols: unknown;
}

/** Opens the top cable, waits for the index to resolve its REF, then asks the workspace questions. */
async function ask(connection: ProtocolConnection, ws: ReturnType<typeof workspace>, wait: boolean): Promise<WorkspaceAnswers> {
  await connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri: ws.main, languageId: 'cable', version: 1, text: ws.text },
  });
  const lines = ws.text.split('\n');
  const refLine = lines.findIndex((l) => l.includes('B. OSLO 97'));
  const position = { line: refLine, character: lines[refLine]!.indexOf('OSLO 97') + 2 };
  const textDocument = { uri: ws.main };
  const definition = wait
    ? await until('the index to find 08OSLO97', async () => {
        const r = (await connection.sendRequest('textDocument/definition', { textDocument, position })) as unknown[];
        return r.length ? r : undefined;
      })
    : await connection.sendRequest('textDocument/definition', { textDocument, position });
  return {
    definition,
    links: await connection.sendRequest('textDocument/documentLink', { textDocument }),
    symbols: await connection.sendRequest('workspace/symbol', { query: 'oslo' }),
  };
}

async function nodeAnswers(ws: ReturnType<typeof workspace>): Promise<WorkspaceAnswers> {
  const s = await startServer('stdio', { capabilities, workspaceFolders: [{ uri: ws.uri, name: 'ws' }] });
  try {
    return await ask(s.connection, ws, true);
  } finally {
    await s.close();
  }
}

async function workerAnswers(ws: ReturnType<typeof workspace>, hostLists: boolean) {
  const server = await startWorkerServer();
  const asked = { findFiles: 0, readFile: 0 };
  try {
    const { connection } = server;
    connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('cable/findFiles', (p: FindFilesParams): FindFilesResult => {
      asked.findFiles++;
      return hostLists ? { listed: true, uris: findFiles(ws.dir, p.include) } : { listed: false, uris: [], reason: 'no folder is open.' };
    });
    connection.onRequest('cable/readFile', (p: ReadFileParams): ReadFileResult => {
      asked.readFile++;
      try {
        // As the web client does: only the head the index asked for crosses to the worker.
        return { text: readFileSync(fileURLToPath(p.uri), 'utf8').slice(0, p.maxChars) };
      } catch (e) {
        return { error: String(e) };
      }
    });
    connection.listen();
    const init = (await connection.sendRequest('initialize', {
      processId: null,
      rootUri: ws.uri,
      capabilities,
      workspaceFolders: [{ uri: ws.uri, name: 'ws' }],
    })) as InitializeResult;
    assert.ok(init.capabilities.workspaceSymbolProvider, 'the worker announces workspace symbols');
    await connection.sendNotification('initialized', {});
    const answers = await ask(connection, ws, hostLists);
    return { answers, asked, errors: await server.workerErrors(), log: server.consoleLog };
  } finally {
    await server.close();
  }
}

test('with a host that lists files, the worker finds referenced cables as the Node server does', { skip }, async () => {
  const ws = workspace('listed');
  const node = await nodeAnswers(ws);
  const web = await workerAnswers(ws, true);
  assert.deepEqual(web.errors, [], web.log.join('\n'));
  assert.ok(web.asked.findFiles >= 1 && web.asked.readFile >= 1, `the worker asked the client: ${JSON.stringify(web.asked)}`);
  assert.equal(web.asked.readFile, 2, 'read each workspace cable once (not the one under node_modules)');
  const target = pathToFileURL(join(ws.dir, 'refs', '08OSLO97.cable')).href;
  assert.equal((node.definition as { targetUri: string }[])[0]?.targetUri, target, 'the Node server resolves the REF');
  assert.deepEqual(web.answers, node);
});

test('with a host that cannot list files, the worker still serves the open cable', { skip }, async () => {
  const ws = workspace('unlisted');
  const web = await workerAnswers(ws, false);
  assert.deepEqual(web.errors, [], web.log.join('\n'));
  assert.ok(web.asked.findFiles >= 1, 'the worker asked');
  assert.equal(web.asked.readFile, 0, 'and read nothing once told the host cannot list');
  assert.deepEqual(web.answers.definition, [], 'the referenced cable is not known');
  const names = (web.answers.symbols as { name: string }[]).map((x) => x.name);
  assert.ok(names.length >= 1 && names.every((n) => n.startsWith('08OSLO123')), `only the open cable: ${names.join(', ')}`);
});
