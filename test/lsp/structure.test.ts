/**
 * Outline, folding, definition, links and workspace symbols through the bundled server over stdio
 * (run `npm run build` first; `npm test` does). Definitions are resolved through a temporary workspace
 * folder of synthetic cables, as an editor would announce it.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DocumentSymbol, FoldingRange, LocationLink, Location, SymbolInformation, WorkspaceSymbol, DocumentLink } from 'vscode-languageserver-types';
import { startServer, type TestServer } from './lspClient.ts';
import { FOLD_CASES, expectedFolds } from '../service/foldingCables.ts';

const root = join(__dirname, '..', '..');
const fixtures = join(root, 'test', 'fixtures', 'cables-features');
const seedText = readFileSync(join(root, 'test', 'fixtures', 'seed', '09BRUSSELS995.cable'), 'utf8');
const tmp = mkdtempSync(join(tmpdir(), 'cable-lsp-structure-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

const capabilities = {
  workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } },
  textDocument: {
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    definition: { linkSupport: true },
    foldingRange: { rangeLimit: 5000 },
  },
};

function workspace(name: string): { dir: string; uri: string } {
  const dir = join(tmp, name);
  mkdirSync(join(dir, 'refs'), { recursive: true });
  copyFileSync(join(fixtures, '08OSLO123.cable'), join(dir, '08OSLO123.cable'));
  copyFileSync(join(fixtures, '08OSLO97.cable'), join(dir, 'refs', '08OSLO97.cable'));
  return { dir, uri: pathToFileURL(dir).href };
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

async function withServer(options: Parameters<typeof startServer>[1], f: (s: TestServer) => Promise<void>): Promise<void> {
  const server = await startServer('stdio', options);
  try {
    await f(server);
    assert.doesNotMatch(server.stderr(), /Error|at .*\.js:\d+/, 'nothing on stderr');
  } finally {
    await server.close();
  }
}

test('capabilities announce the structure features', async () => {
  await withServer({ capabilities }, async (s) => {
    const c = s.initializeResult.capabilities;
    assert.ok(c.documentSymbolProvider && c.foldingRangeProvider && c.selectionRangeProvider);
    assert.ok(c.documentHighlightProvider && c.documentLinkProvider && c.definitionProvider && c.workspaceSymbolProvider);
  });
});

test('documentSymbol and foldingRange for the seed', async () => {
  await withServer({ capabilities }, async (s) => {
    const uri = 'file:///virtual/09BRUSSELS995.cable';
    await s.open(uri, seedText);
    const symbols: DocumentSymbol[] = await s.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    const names = symbols.map((x) => x.name);
    assert.deepEqual(names.filter((n) => /^\d+\./.test(n)), ['1. (C)', '2. (C)', '3. (C)']);
    assert.ok(names.indexOf('Header') < names.indexOf('REF') && names.indexOf('REF') < names.indexOf('1. (C)'));
    assert.ok(symbols.find((x) => x.name === 'Header')!.children!.some((c) => c.name === 'TO'));

    const folds: FoldingRange[] = await s.connection.sendRequest('textDocument/foldingRange', { textDocument: { uri } });
    assert.deepEqual(folds, [{ startLine: 2, endLine: 10, kind: 'imports' }]);

    const unknown = await s.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: 'file:///not/open.cable' } });
    assert.deepEqual(unknown, []);
  });
});

test('foldingRange over LSP: every kind of fold ends on its element\'s last line of text', async () => {
  await withServer({ capabilities }, async (s) => {
    for (const [k, c] of FOLD_CASES.entries()) {
      const uri = `file:///virtual/folds-${k}.cable`;
      await s.open(uri, c.text);
      const folds: FoldingRange[] = await s.connection.sendRequest('textDocument/foldingRange', { textDocument: { uri } });
      assert.deepEqual(folds, expectedFolds(c), c.name);
    }
  });
});

test('foldingRange over LSP, a file of several cables: each cable folds to its NNNN, not to the blank lines after it', async () => {
  const text = readFileSync(join(root, 'test', 'fixtures', 'multi', 'routing-bundle.cables'), 'utf8');
  const lines = text.split('\n');
  await withServer({ capabilities }, async (s) => {
    const uri = 'file:///virtual/bundle.cable';
    await s.open(uri, text);
    const folds: FoldingRange[] = await s.connection.sendRequest('textDocument/foldingRange', { textDocument: { uri } });
    const starts = lines.flatMap((l, i) => (l.startsWith('VZCZC') ? [i] : []));
    assert.equal(starts.length, 3);
    for (const start of starts) {
      const fold = folds.find((f) => f.startLine === start);
      assert.equal(lines[fold?.endLine ?? -1]?.trim(), 'NNNN', `the cable at line ${start} folds to its NNNN: ${JSON.stringify(fold)}`);
    }
  });
});

test('documentHighlight and selectionRange for the seed', async () => {
  await withServer({ capabilities }, async (s) => {
    const uri = 'file:///virtual/seed-hl.cable';
    await s.open(uri, seedText);
    const lines = seedText.split('\n');
    const p2 = lines.findIndex((l) => l.startsWith('2. (C)'));
    const hl: { range: { start: { line: number } } }[] = await s.connection.sendRequest('textDocument/documentHighlight', {
      textDocument: { uri },
      position: { line: p2, character: 4 },
    });
    assert.deepEqual(
      hl.map((h) => h.range.start.line),
      lines.flatMap((l, i) => (/^\d\. \(C\)/.test(l) ? [i] : [])),
      'the three (C) markings',
    );
    const sel: { range: unknown; parent?: unknown }[] = await s.connection.sendRequest('textDocument/selectionRange', {
      textDocument: { uri },
      positions: [{ line: p2, character: 4 }],
    });
    let depth = 0;
    for (let r: { parent?: unknown } | undefined = sel[0]; r; r = r.parent as typeof r) depth++;
    assert.ok(depth >= 4, `marking, paragraph, body, document: ${depth} steps`);
  });
});

test('clients without hierarchical symbols get a flat list with containers', async () => {
  await withServer({ capabilities: { textDocument: {} } }, async (s) => {
    const uri = 'file:///virtual/seed.cable';
    await s.open(uri, seedText);
    const symbols: SymbolInformation[] = await s.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    const ref = symbols.find((x) => x.name === 'STATE 71326');
    assert.equal(ref?.containerName, 'REF');
    assert.equal(ref?.location.uri, uri);
  });
});

test('definition and links follow REF items to cables on disk in the workspace folder', async () => {
  const ws = workspace('disk');
  await withServer({ capabilities, workspaceFolders: [{ uri: ws.uri, name: 'disk' }] }, async (s) => {
    const uri = pathToFileURL(join(ws.dir, '08OSLO123.cable')).href;
    const text = readFileSync(join(ws.dir, '08OSLO123.cable'), 'utf8');
    await s.open(uri, text);
    const lines = text.split('\n');
    const refLine = lines.findIndex((l) => l.includes('B. OSLO 97'));
    const position = { line: refLine, character: lines[refLine]!.indexOf('OSLO 97') + 2 };
    const target = pathToFileURL(join(ws.dir, 'refs', '08OSLO97.cable')).href;

    const links = await until('the index to find 08OSLO97', async () => {
      const r: LocationLink[] = await s.connection.sendRequest('textDocument/definition', { textDocument: { uri }, position });
      return r.length ? r : undefined;
    });
    assert.equal(links[0]!.targetUri, target);
    assert.equal(links[0]!.originSelectionRange!.start.line, refLine);

    const docLinks: DocumentLink[] = await s.connection.sendRequest('textDocument/documentLink', { textDocument: { uri } });
    assert.deepEqual(docLinks.map((l) => l.target), [target, target], 'the REF item and the mention in paragraph 3');

    const none = await s.connection.sendRequest('textDocument/definition', { textDocument: { uri }, position: { line: refLine - 1, character: 8 } });
    assert.deepEqual(none, [], 'STATE 15522 is not in the workspace');

    const found: WorkspaceSymbol[] = await s.connection.sendRequest('workspace/symbol', { query: 'gas output' });
    assert.deepEqual(found.map((x) => x.name), ['08OSLO97: NORWEGIAN GAS OUTPUT FORECAST FOR 2008']);

    // A cable created on disk afterwards is found once the editor reports it.
    const added = join(ws.dir, 'refs', '08STATE15522.cable');
    writeFileSync(added, readFileSync(join(fixtures, '08OSLO97.cable'), 'utf8').replace('NORWEGIAN GAS', 'ADDED LATER GAS'));
    await s.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(added).href, type: 1 }] });
    const later = await until('the watched file to be indexed', async () => {
      const r: LocationLink[] = await s.connection.sendRequest('textDocument/definition', {
        textDocument: { uri },
        position: { line: refLine - 1, character: lines[refLine - 1]!.indexOf('STATE') + 1 },
      });
      return r.length ? r : undefined;
    });
    assert.equal(later[0]!.targetUri, pathToFileURL(added).href, 'found by its file name');
  });
});

test('definition between two open cables, without a workspace folder, for a client without link support', async () => {
  await withServer({ capabilities: { textDocument: { documentSymbol: { hierarchicalDocumentSymbolSupport: true } } } }, async (s) => {
    const a = 'file:///mem/a.cable';
    const b = 'file:///mem/b.cable';
    const textA = readFileSync(join(fixtures, '08OSLO123.cable'), 'utf8');
    await s.open(a, textA);
    await s.open(b, readFileSync(join(fixtures, '08OSLO97.cable'), 'utf8'));
    const lines = textA.split('\n');
    const line = lines.findIndex((l) => l.includes('08OSLO97'));
    const r: Location[] = await s.connection.sendRequest('textDocument/definition', {
      textDocument: { uri: a },
      position: { line, character: lines[line]!.indexOf('08OSLO97') + 3 },
    });
    assert.deepEqual(r, [{ uri: b, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }]);
  });
});
