/**
 * Files of several cables in the workspace, through the bundled server over stdio (run `npm run build`
 * first; `npm test` does), on a temporary folder of invented cables: the day's file of three cables
 * (test/fixtures/multi/archive-day.cables), the State cable its first cable cites, and an Oslo cable that
 * cites the day's second and third. Each later cable is found by its own id: workspace symbols, go to
 * definition, links, references and the call hierarchy land on it, the Cables view and the timeline list
 * it; the preview shows every cable; "Fix all" fixes every cable of a file in one edit.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CallHierarchyItem, CallHierarchyOutgoingCall, CodeAction, DocumentLink, Location, LocationLink, TextEdit, WorkspaceSymbol } from 'vscode-languageserver-types';
import { startServer, type TestServer } from './lspClient.ts';
import { CABLE_PREVIEW, type PreviewResult } from '../../server/src/previewRequest.ts';
import type { ArchiveGroups, ArchivePage } from '../../server/src/workspace/archiveView.ts';
import type { ArchiveTimeline } from '../../server/src/workspace/archiveTimeline.ts';
import { STATE } from '../fixtures/multi/state5000.ts';

const root = join(__dirname, '..', '..');
const fixture = (name: string) => readFileSync(join(root, 'test', 'fixtures', 'multi', name), 'utf8');
const day = fixture('archive-day.cables');
const dayLines = day.split('\n');
const lineOf = (text: string, from = 0) => dayLines.indexOf(text, from);
const BERLIN = lineOf('VZCZCXRO2002');
const VIENNA = lineOf('VZCZCXRO2003');

const OSLO = `R 141200Z AUG 09
FM AMEMBASSY OSLO
TO SECSTATE WASHDC

C O N F I D E N T I A L OSLO 000001

E.O. 12958: DECL: 08/14/2019
TAGS: PTER NO
SUBJECT: NORWAY READS THE BERLIN AND VIENNA REPORTS

REF: A. BERLIN 800
     B. VIENNA 900

Classified By: Ambassador E. Example for reasons 1.4 (b) and (d)

1. (C) Norwegian officials read ref A and ref B with interest.
EXAMPLE
`;
const osloLines = OSLO.split('\n');

const dir = mkdtempSync(join(tmpdir(), 'cable-lsp-multi-'));
const uriOf = (name: string) => pathToFileURL(join(dir, name)).href;
const DAY = uriOf('traffic-2009-08-12.cable');
const OSLO_URI = uriOf('09OSLO1.cable');
writeFileSync(join(dir, 'traffic-2009-08-12.cable'), day);
writeFileSync(join(dir, '09STATE5000.cable'), STATE);
writeFileSync(join(dir, '09OSLO1.cable'), OSLO);

let s: TestServer;
before(async () => {
  s = await startServer('stdio', {
    workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'multi' }],
    capabilities: {
      workspace: { configuration: true, workspaceFolders: true, symbol: {} },
      textDocument: { definition: { linkSupport: true }, callHierarchy: {}, references: {}, codeAction: {} },
    },
  });
  const end = Date.now() + 15_000;
  for (;;) {
    const all: WorkspaceSymbol[] = await s.connection.sendRequest('workspace/symbol', { query: '' });
    if (all.length === 5) break;
    if (Date.now() > end) throw new Error(`indexed ${all.length} of 5 cables`);
    await new Promise((r) => setTimeout(r, 50));
  }
  await s.open(OSLO_URI, OSLO);
});
after(async () => {
  await s.close();
  assert.doesNotMatch(s.stderr(), /Error|at .*\.js:\d+/, 'nothing on stderr');
  rmSync(dir, { recursive: true, force: true });
});

const osloAt = (needle: string) => {
  const line = osloLines.findIndex((l) => l.includes(needle));
  return { line, character: osloLines[line]!.indexOf(needle) + 1 };
};

test('workspace symbols find each cable of the file by its id, at its own subject', async () => {
  const found: WorkspaceSymbol[] = await s.connection.sendRequest('workspace/symbol', { query: '09VIENNA900' });
  assert.deepEqual(
    found.map((x) => [x.name, x.location.uri, 'range' in x.location ? x.location.range.start.line : -1]),
    [['09VIENNA900: AUSTRIAN BANKS ASK ABOUT THE DESIGNATIONS', DAY, lineOf('SUBJECT: AUSTRIAN BANKS ASK ABOUT THE DESIGNATIONS')]],
  );
  const pter: WorkspaceSymbol[] = await s.connection.sendRequest('workspace/symbol', { query: '#PTER' });
  assert.equal(pter.length, 5, pter.map((x) => x.name).join('; '));
});

test('go to definition and links on a REF item land on the cited cable, a later cable of another file', async () => {
  const links: LocationLink[] = await s.connection.sendRequest('textDocument/definition', { textDocument: { uri: OSLO_URI }, position: osloAt('VIENNA 900') });
  assert.equal(links.length, 1);
  assert.equal(links[0]!.targetUri, DAY);
  assert.deepEqual(links[0]!.targetSelectionRange.start, { line: VIENNA, character: 0 });
  const docLinks: DocumentLink[] = await s.connection.sendRequest('textDocument/documentLink', { textDocument: { uri: OSLO_URI } });
  assert.deepEqual(docLinks.map((l) => l.target), [`${DAY}#L${BERLIN + 1}`, `${DAY}#L${VIENNA + 1}`]);
});

test('references and the call hierarchy from a later cable of the file, and into it', async () => {
  await s.open(DAY, day);
  const banner = lineOf('UNCLAS VIENNA 000900');
  const refs: Location[] = await s.connection.sendRequest('textDocument/references', {
    textDocument: { uri: DAY },
    position: { line: banner, character: 2 },
    context: { includeDeclaration: true },
  });
  assert.deepEqual(
    refs.map((l) => [l.uri, l.range.start.line]),
    [
      [DAY, lineOf('SUBJECT: AUSTRIAN BANKS ASK ABOUT THE DESIGNATIONS')],
      [OSLO_URI, osloAt('VIENNA 900').line],
    ],
  );
  // From the Oslo cable's REF item on Berlin: the Berlin cable, and its outgoing call to Madrid in the same file.
  const [item]: CallHierarchyItem[] = await s.connection.sendRequest('textDocument/prepareCallHierarchy', { textDocument: { uri: OSLO_URI }, position: osloAt('BERLIN 800') });
  assert.equal(item?.name, '09BERLIN800');
  assert.equal(item!.uri, DAY);
  assert.equal(item!.range.start.line, lineOf('SUBJECT: GERMANY HEARS OF THE SPANISH REQUEST'));
  const out: CallHierarchyOutgoingCall[] = await s.connection.sendRequest('callHierarchy/outgoingCalls', { item });
  assert.deepEqual(
    out.map((c) => [c.to.name, c.to.uri, c.to.range.start.line, c.fromRanges[0]!.start.line]),
    [['09MADRID700', DAY, lineOf('SUBJECT: SPAIN ON THE NEW DESIGNATIONS'), lineOf('REF: A. MADRID 700', BERLIN)]],
  );
});

test('the Cables view and the timeline list every cable of the file, and open each at its subject', async () => {
  const posts = (await s.connection.sendRequest('cable/archive/groups', { grouping: 'post', query: '', path: [] })) as ArchiveGroups;
  assert.deepEqual(
    posts.groups.map((g) => [g.key, g.count]),
    [
      ['BERLIN', 1],
      ['MADRID', 1],
      ['OSLO', 1],
      ['STATE', 1],
      ['VIENNA', 1],
    ],
  );
  const page = (await s.connection.sendRequest('cable/archive/items', { grouping: 'date', query: '@BERLIN @VIENNA', path: ['2009', '2009-08'], offset: 0, limit: 10 })) as ArchivePage;
  assert.deepEqual(
    page.items.map((i) => [i.label, i.uri, i.line]),
    [
      ['09BERLIN800', DAY, lineOf('SUBJECT: GERMANY HEARS OF THE SPANISH REQUEST')],
      ['09VIENNA900', DAY, lineOf('SUBJECT: AUSTRIAN BANKS ASK ABOUT THE DESIGNATIONS')],
    ],
  );
  const timeline = (await s.connection.sendRequest('cable/archive/timeline', { query: '' })) as ArchiveTimeline;
  assert.equal(timeline.binned, 5);
});

test('the preview shows every cable of the file, each with its lines in the file; a link to a later cable carries its line', async () => {
  const doc = (await s.connection.sendRequest(CABLE_PREVIEW, { textDocument: { uri: DAY } })) as PreviewResult;
  assert.ok(doc);
  assert.deepEqual(
    doc.cables.map((c) => [c.id, c.lines[0], c.subject?.lines[0]]),
    [
      ['09MADRID700', 0, lineOf('SUBJECT: SPAIN ON THE NEW DESIGNATIONS')],
      ['09BERLIN800', BERLIN, lineOf('SUBJECT: GERMANY HEARS OF THE SPANISH REQUEST')],
      ['09VIENNA900', VIENNA, lineOf('SUBJECT: AUSTRIAN BANKS ASK ABOUT THE DESIGNATIONS')],
    ],
  );
  assert.equal(doc.cables[0]!.references[0]!.target, uriOf('09STATE5000.cable'));
  const oslo = (await s.connection.sendRequest(CABLE_PREVIEW, { textDocument: { uri: OSLO_URI } })) as PreviewResult;
  assert.deepEqual(
    oslo!.cables[0]!.references.map((r) => [r.cableId, r.target, r.targetLine]),
    [
      ['09BERLIN800', DAY, BERLIN],
      ['09VIENNA900', DAY, VIENNA],
    ],
  );
});

test('source.fixAll fixes every cable of a file in one edit whose parts do not overlap', async () => {
  const text = fixture('fixable-bundle.cables');
  const uri = 'untitled:fixable.cable';
  await s.open(uri, text);
  const actions: CodeAction[] = await s.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    context: { diagnostics: [], only: ['source.fixAll'] },
  });
  assert.equal(actions.length, 1, JSON.stringify(actions.map((a) => a.title)));
  const edits: TextEdit[] = actions[0]!.edit!.changes![uri]!;
  const lines = text.split('\n');
  const cables = [0, lines.indexOf('VZCZCXRO3002'), lines.indexOf('VZCZCXRO3003')];
  const cableOf = (line: number) => cables.filter((c) => c <= line).length - 1;
  assert.deepEqual([...new Set(edits.map((e) => cableOf(e.range.start.line)))].sort(), [0, 1, 2], 'an edit in each cable');
  const sorted = [...edits].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  for (let i = 1; i < sorted.length; i++) {
    const [p, q] = [sorted[i - 1]!.range.end, sorted[i]!.range.start];
    assert.ok(p.line < q.line || (p.line === q.line && p.character <= q.character), `edits ${i - 1} and ${i} overlap`);
  }
  assert.ok(edits.some((e) => e.range.start.line === cables[2]! + 4 && e.newText === 'MAR'), 'the third cable\'s month');
});
