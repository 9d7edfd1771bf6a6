/**
 * The features that look across cables, through the bundled server over stdio, on a synthetic archive
 * written to a temporary workspace folder (archiveFixture.ts): references, the call hierarchy, workspace
 * symbols with the query language, and the hover on a cited cable that is not in the workspace.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CallHierarchyIncomingCall, CallHierarchyItem, CallHierarchyOutgoingCall, Hover, Location, MarkupContent, WorkspaceSymbol } from 'vscode-languageserver-types';
import { startServer, type TestServer } from './lspClient.ts';
import { writeArchive } from './archiveFixture.ts';

const dir = mkdtempSync(join(tmpdir(), 'cable-lsp-archive-'));
const paths = writeArchive(dir);
const uriOf = (id: string) => pathToFileURL(paths[id]!).href;
const textOf = (id: string) => readFileSync(paths[id]!, 'utf8');
/** The position of `needle` in a cable (its first occurrence), a character or two in. */
function at(id: string, needle: string): { line: number; character: number } {
  const lines = textOf(id).split('\n');
  const line = lines.findIndex((l) => l.includes(needle));
  assert.ok(line >= 0, `${needle} in ${id}`);
  return { line, character: lines[line]!.indexOf(needle) + 1 };
}
const idOfUri = (uri: string) => Object.keys(paths).find((id) => uriOf(id) === uri);

let s: TestServer;
before(async () => {
  s = await startServer('stdio', {
    workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'archive' }],
    capabilities: {
      workspace: { configuration: true, workspaceFolders: true, symbol: {} },
      textDocument: { hover: { contentFormat: ['markdown'] }, callHierarchy: {}, references: {} },
    },
  });
  // The index walks the folder in the background: wait until every cable is found.
  const end = Date.now() + 15_000;
  for (;;) {
    const all: WorkspaceSymbol[] = await s.connection.sendRequest('workspace/symbol', { query: '' });
    if (all.length === Object.keys(paths).length) break;
    if (Date.now() > end) throw new Error(`indexed ${all.length} of ${Object.keys(paths).length}`);
    await new Promise((r) => setTimeout(r, 50));
  }
});
after(async () => {
  await s.close();
  assert.doesNotMatch(s.stderr(), /Error|at .*\.js:\d+/, 'nothing on stderr');
  rmSync(dir, { recursive: true, force: true });
});

async function open(id: string): Promise<string> {
  await s.open(uriOf(id), textOf(id));
  return uriOf(id);
}

test('capabilities announce references and the call hierarchy', () => {
  const c = s.initializeResult.capabilities;
  assert.ok(c.referencesProvider);
  assert.ok(c.callHierarchyProvider);
});

test('references on a banner list every REF item naming that cable', async () => {
  const uri = await open('09STATE5000');
  const refs: Location[] = await s.connection.sendRequest('textDocument/references', {
    textDocument: { uri },
    position: at('09STATE5000', 'UNCLAS STATE'),
    context: { includeDeclaration: false },
  });
  assert.deepEqual(
    refs.map((r) => [idOfUri(r.uri), textOf(idOfUri(r.uri)!).split('\n')[r.range.start.line]!.slice(r.range.start.character, r.range.end.character)]),
    [
      ['09PARIS100', 'STATE 5000'],
      ['09LONDON200', 'STATE 5000'],
    ].sort((a, b) => (uriOf(a[0]!) < uriOf(b[0]!) ? -1 : 1)),
  );
  const withDecl: Location[] = await s.connection.sendRequest('textDocument/references', {
    textDocument: { uri },
    position: at('09STATE5000', 'SUBJECT'),
    context: { includeDeclaration: true },
  });
  assert.equal(withDecl.length, 3, 'the cable itself, then its two citations');
  assert.equal(withDecl[0]!.uri, uri);
  const body: Location[] = await s.connection.sendRequest('textDocument/references', {
    textDocument: { uri },
    position: at('09STATE5000', 'Posts should'),
    context: { includeDeclaration: false },
  });
  assert.deepEqual(body, [], 'a paragraph names no cable');
});

test('references on a REF item list the other citations of the same cable', async () => {
  const uri = await open('09LONDON200');
  const refs: Location[] = await s.connection.sendRequest('textDocument/references', {
    textDocument: { uri },
    position: at('09LONDON200', 'STATE 5000'),
    context: { includeDeclaration: false },
  });
  assert.deepEqual(refs.map((r) => idOfUri(r.uri)).sort(), ['09LONDON200', '09PARIS100']);
  // A cable absent from the workspace still has its citations listed.
  const rome = await open('09ROME300');
  const moscow: Location[] = await s.connection.sendRequest('textDocument/references', {
    textDocument: { uri: rome },
    position: at('09ROME300', 'MOSCOW 1234'),
    context: { includeDeclaration: true },
  });
  assert.deepEqual(moscow.map((r) => [idOfUri(r.uri), r.range.start.line]), [['09ROME300', at('09ROME300', 'MOSCOW 1234').line]]);
});

test('the call hierarchy walks the reference graph both ways', async () => {
  const uri = await open('09PARIS100');
  const [item]: CallHierarchyItem[] = await s.connection.sendRequest('textDocument/prepareCallHierarchy', {
    textDocument: { uri },
    position: at('09PARIS100', 'S E C R E T'),
  });
  assert.equal(item?.name, '09PARIS100');
  assert.match(item!.detail ?? '', /FRANCE ON TERRORIST FINANCE DESIGNATIONS — 2009-07-20 · SECRET\/\/NOFORN · @PARIS · #PTER #PREL #FR/);

  const incoming: CallHierarchyIncomingCall[] = await s.connection.sendRequest('callHierarchy/incomingCalls', { item });
  assert.deepEqual(incoming.map((c) => c.from.name), ['09ROME300']);
  assert.equal(incoming[0]!.fromRanges[0]!.start.line, at('09ROME300', 'PARIS 100').line);

  const outgoing: CallHierarchyOutgoingCall[] = await s.connection.sendRequest('callHierarchy/outgoingCalls', { item });
  assert.deepEqual(outgoing.map((c) => c.to.name), ['09STATE5000', '09PARIS99']);
  assert.equal(outgoing[0]!.to.uri, uriOf('09STATE5000'));

  // One step further: who else cites 09STATE5000?
  const further: CallHierarchyIncomingCall[] = await s.connection.sendRequest('callHierarchy/incomingCalls', { item: outgoing[0]!.to });
  assert.deepEqual(further.map((c) => c.from.name).sort(), ['09LONDON200', '09PARIS100']);

  // From 09ROME300: the absent 09MOSCOW1234 is shown as such, and has no references of its own.
  const rome = await open('09ROME300');
  const [romeItem]: CallHierarchyItem[] = await s.connection.sendRequest('textDocument/prepareCallHierarchy', {
    textDocument: { uri: rome },
    position: at('09ROME300', 'SUBJECT'),
  });
  const romeOut: CallHierarchyOutgoingCall[] = await s.connection.sendRequest('callHierarchy/outgoingCalls', { item: romeItem });
  assert.deepEqual(romeOut.map((c) => [c.to.name, c.to.detail]), [
    ['09PARIS100', romeOut[0]!.to.detail],
    ['09MOSCOW1234', 'not in this workspace'],
  ]);
  const absentOut = await s.connection.sendRequest('callHierarchy/outgoingCalls', { item: romeOut[1]!.to });
  assert.deepEqual(absentOut, []);
  const absentIn: CallHierarchyIncomingCall[] = await s.connection.sendRequest('callHierarchy/incomingCalls', { item: romeOut[1]!.to });
  assert.deepEqual(absentIn.map((c) => c.from.name), ['09ROME300'], 'who cites the absent cable');

  // Prepared on a REF item: the cited cable.
  const [cited]: CallHierarchyItem[] = await s.connection.sendRequest('textDocument/prepareCallHierarchy', {
    textDocument: { uri },
    position: at('09PARIS100', 'PARIS 99'),
  });
  assert.equal(cited?.name, '09PARIS99');
});

test('workspace symbols answer TAGS, posts, levels, caveats and dates, combined', async () => {
  const names = async (query: string) =>
    ((await s.connection.sendRequest('workspace/symbol', { query })) as WorkspaceSymbol[]).map((x) => x.name.replace(/^.* · (?=\d\d[A-Z])/, '').replace(/:.*/, ''));
  assert.deepEqual(await names('#PTER'), ['09LONDON200', '09PARIS100', '09STATE5000'], 'newest first');
  assert.deepEqual(await names('#pter @paris'), ['09PARIS100']);
  assert.deepEqual(await names('#PTER+@PARIS'), ['09PARIS100'], '+ joins terms as a blank does');
  assert.deepEqual(await names('@PARIS'), ['09PARIS100', '09PARIS99', '08PARIS50']);
  assert.deepEqual(await names('!S'), ['09PARIS100']);
  assert.deepEqual(await names('!NOFORN'), ['09PARIS100']);
  assert.deepEqual(await names('!NF'), ['09PARIS100']);
  assert.deepEqual(await names('!C'), ['09ROME300', '09LONDON200', '09PARIS99']);
  assert.deepEqual(await names('2009-07'), ['09PARIS100', '09STATE5000']);
  assert.deepEqual(await names('2008'), ['08PARIS50'], 'a year whose DTG month is misspelled');
  assert.deepEqual(await names('#PTER @PARIS @LONDON 2009'), ['09LONDON200', '09PARIS100'], 'posts are alternatives');
  assert.deepEqual(await names('@PARIS -!S'), ['09PARIS99', '08PARIS50']);
  assert.deepEqual(await names('2009-06..2009-07'), ['09PARIS100', '09STATE5000', '09PARIS99']);
  assert.deepEqual(await names('#PTER designations'), ['09LONDON200', '09PARIS100', '09STATE5000']);
  assert.deepEqual(await names('#NOSUCH'), []);

  const [sym]: WorkspaceSymbol[] = await s.connection.sendRequest('workspace/symbol', { query: '#PTER @PARIS' });
  assert.equal(sym!.name, '#PTER @PARIS · 09PARIS100: FRANCE ON TERRORIST FINANCE DESIGNATIONS', 'a name VS Code keeps for what was typed');
  assert.equal(sym!.containerName, '2009-07-20 · SECRET//NOFORN · @PARIS · #PTER #PREL #FR', 'date, level, post and TAGS');
  const [plain]: WorkspaceSymbol[] = await s.connection.sendRequest('workspace/symbol', { query: 'paris 100' });
  assert.equal(plain!.name, '09PARIS100: FRANCE ON TERRORIST FINANCE DESIGNATIONS', 'words alone: no echo');
});

test('hover on a REF item: the cited cable, or that it is not in the workspace', async () => {
  const uri = await open('09ROME300');
  const here: Hover = await s.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: at('09ROME300', 'PARIS 100') });
  const hereText = (here.contents as MarkupContent).value;
  assert.match(hereText, /\*\*09PARIS100\*\* — FRANCE ON TERRORIST FINANCE DESIGNATIONS/);
  assert.match(hereText, /20 July 2009 · SECRET\/\/NOFORN · from PARIS · TAGS PTER PREL FR/);
  assert.match(hereText, /Cited by 1 cable in this workspace/);

  const absent: Hover = await s.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: at('09ROME300', 'MOSCOW 1234') });
  assert.match((absent.contents as MarkupContent).value, /\*\*09MOSCOW1234\*\* is not in this workspace/);
  const links: { target?: string }[] = await s.connection.sendRequest('textDocument/documentLink', { textDocument: { uri } });
  assert.deepEqual(links.map((l) => l.target), [uriOf('09PARIS100')], 'no link for the absent cable');
});
