/**
 * A file of several cables one after another, through the bundled server over stdio (run `npm run build`
 * first; `npm test` does): one outline node per cable, each cable checked on its own (a missing TAGS line
 * is reported on the cable that lacks it; banners of different cables are not compared), hovers and
 * folding in the later cables, and `cable/status` telling how many cables the file holds.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic, DocumentSymbol, FoldingRange, Hover } from 'vscode-languageserver-types';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { startServer, type TestServer } from './lspClient.ts';
import type { CableStatusParams } from '../../server/src/statusNotification.ts';

const root = join(__dirname, '..', '..');
const bundle = readFileSync(join(root, 'test', 'fixtures', 'multi', 'routing-bundle.cables'), 'utf8');
const bundleLines = bundle.split('\n');
const lineOf = (line: string) => bundleLines.indexOf(line);
const single = bundle.slice(0, bundle.indexOf('VZCZCXRO1002'));
const URI = 'file:///tmp/multi/traffic-2009-05.cable';

async function withServer(f: (s: TestServer, seen: { diagnostics: PublishDiagnosticsParams[]; status: CableStatusParams[] }) => Promise<void>): Promise<void> {
  const server = await startServer('stdio');
  const seen = { diagnostics: [] as PublishDiagnosticsParams[], status: [] as CableStatusParams[] };
  server.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => void seen.diagnostics.push(p));
  server.connection.onNotification('cable/status', (p: CableStatusParams) => void seen.status.push(p));
  try {
    await f(server, seen);
    assert.doesNotMatch(server.stderr(), /Error|at .*\.js:\d+/, 'nothing on stderr');
  } finally {
    await server.close();
  }
}

async function until<T>(what: string, f: () => T | undefined, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = f();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

test('the outline has one node per cable with that cable\'s header, heading and paragraphs under it', async () => {
  await withServer(async (s) => {
    await s.open(URI, bundle);
    const symbols = (await s.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: URI } })) as DocumentSymbol[];
    assert.deepEqual(
      symbols.map((c) => c.name),
      ['09PARIS1234', '09MADRID567', '09ROME890'],
    );
    const rome = symbols[2]!;
    assert.equal(rome.range.start.line, lineOf('VZCZCXRO1003'));
    assert.equal(rome.detail, 'ITALIAN BUDGET FIGURES FOR THE FIRST QUARTER');
    const subject = rome.children!.find((c) => c.name === 'ITALIAN BUDGET FIGURES FOR THE FIRST QUARTER');
    assert.ok(subject, `the third cable's subject is under it: ${rome.children!.map((c) => c.name).join(', ')}`);
    assert.equal(subject.range.start.line, lineOf('SUBJECT: ITALIAN BUDGET FIGURES FOR THE FIRST QUARTER'));
    const paragraph = rome.children!.find((c) => c.name.startsWith('2.'));
    assert.equal(paragraph?.range.start.line, lineOf('2. The deficit was close to the forecast.'));
    // Every cable's children lie within it.
    for (const c of symbols) for (const child of c.children ?? []) assert.ok(child.range.start.line >= c.range.start.line && child.range.end.line <= c.range.end.line, `${child.name} in ${c.name}`);

    const folds = (await s.connection.sendRequest('textDocument/foldingRange', { textDocument: { uri: URI } })) as FoldingRange[];
    assert.ok(folds.some((f) => f.startLine === lineOf('VZCZCXRO1002')), 'the second cable folds');
  });
});

test('each cable is checked on its own: the missing TAGS is the second cable\'s, banners are not compared across cables', async () => {
  await withServer(async (s, seen) => {
    await s.open(URI, bundle);
    const published = await until('diagnostics', () => seen.diagnostics.find((d) => d.uri === URI));
    const codes = (d: Diagnostic[]) => d.map((x) => `${x.code}@${x.range.start.line}`);
    const tags = published.diagnostics.filter((d) => d.code === 'tags-missing');
    assert.equal(tags.length, 1, codes(published.diagnostics).join(' '));
    const madrid = [lineOf('VZCZCXRO1002'), lineOf('VZCZCXRO1003')];
    assert.ok(tags[0]!.range.start.line >= madrid[0]! && tags[0]!.range.start.line < madrid[1]!, `tags-missing at line ${tags[0]!.range.start.line}, inside the Madrid cable`);
    // CONFIDENTIAL, SECRET and UNCLAS banners, one per cable: no cable's banner disagrees with its own header.
    assert.deepEqual(published.diagnostics.filter((d) => d.code === 'classification-banner-inconsistent'), []);
    // Each cable alone gives the same findings, at the same lines counted from its first line.
    const starts = [0, ...madrid];
    for (const [k, start] of starts.entries()) {
      const end = starts[k + 1] ?? bundleLines.length;
      const alone = `file:///tmp/multi/alone-${k}.cable`;
      await s.open(alone, bundleLines.slice(start, end).join('\n'));
      const own = await until(`diagnostics of cable ${k + 1} alone`, () => seen.diagnostics.find((d) => d.uri === alone));
      const inBundle = published.diagnostics.filter((d) => d.range.start.line >= start && d.range.start.line < end).map((d) => ({ ...d, range: { start: { ...d.range.start, line: d.range.start.line - start }, end: { ...d.range.end, line: d.range.end.line - start } } }));
      assert.deepEqual(codes(inBundle).sort(), codes(own.diagnostics).sort(), `cable ${k + 1}`);
    }
  });
});

test('a hover in a later cable reads that cable', async () => {
  await withServer(async (s) => {
    await s.open(URI, bundle);
    const line = lineOf('TAGS: ECON EFIN IT');
    const hover = (await s.connection.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: { line, character: 7 } })) as Hover | null;
    assert.ok(hover, 'a hover on ECON');
    assert.match(JSON.stringify(hover.contents), /Economic/i);
    assert.equal(hover.range?.start.line, line);
  });
});

test('cable/status says how many cables the file holds, once per change', async () => {
  await withServer(async (s, seen) => {
    await s.open(URI, bundle);
    const three = await until('status', () => seen.status.find((p) => p.uri === URI));
    assert.equal(three.cables, 3);
    assert.equal(three.large, false);
    // Typing inside a cable changes nothing in the count: no second notification.
    await s.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: URI, version: 2 },
      contentChanges: [{ range: { start: { line: lineOf('2. The deficit was close to the forecast.'), character: 0 }, end: { line: lineOf('2. The deficit was close to the forecast.'), character: 0 } }, text: ' ' }],
    });
    await until('diagnostics of version 2', () => seen.diagnostics.find((d) => d.uri === URI && d.version === 2));
    assert.equal(seen.status.filter((p) => p.uri === URI).length, 1);
    // Down to one cable: the client hears it.
    await s.connection.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version: 3 }, contentChanges: [{ text: single }] });
    const one = await until('status of one cable', () => seen.status.filter((p) => p.uri === URI)[1]);
    assert.equal(one.cables, 1);
    // A file of one cable from the start sends nothing.
    await s.open('file:///tmp/multi/one.cable', single);
    await until('its diagnostics', () => seen.diagnostics.find((d) => d.uri === 'file:///tmp/multi/one.cable'));
    assert.equal(seen.status.filter((p) => p.uri === 'file:///tmp/multi/one.cable').length, 0);
  });
});
