/**
 * `cable/preview` through the bundled server over stdio (run `npm run build` first; `npm test` does):
 * the decoded view of an open cable, for the version the server holds, with REF items resolved through
 * the workspace index; null for a document the server does not hold.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DidChangeTextDocumentNotification } from 'vscode-languageserver-protocol/node';
import { startServer } from './lspClient.ts';
import { CABLE_PREVIEW, type PreviewParams, type PreviewResult } from '../../server/src/previewRequest.ts';

const root = join(__dirname, '..', '..');
const seedText = readFileSync(join(root, 'test', 'fixtures', 'seed', '09BRUSSELS995.cable'), 'utf8');
const tmp = mkdtempSync(join(tmpdir(), 'cable-lsp-preview-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

/** The cable the seed's `REF: STATE 71326` cites, as a workspace file named by its id. */
const CITED = `UNCLAS STATE 071326

SIPDIS

E.O. 12958: N/A
TAGS: PREL, RS
SUBJECT: TALKING POINTS ON THE SUMMIT

1. (U) Posts may draw on the points below.

CLINTON
`;

async function until<T>(what: string, f: () => Promise<T | undefined>, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await f();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

test('cable/preview: the decoded seed, its REF resolved in the workspace, and each edit seen', async () => {
  const dir = join(tmp, 'ws');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, '09STATE71326.cable'), CITED);
  const folder = pathToFileURL(dir).href;
  const server = await startServer('stdio', {
    workspaceFolders: [{ uri: folder, name: 'ws' }],
    capabilities: { workspace: { configuration: true, workspaceFolders: true } },
  });
  try {
    const uri = `${folder}/09BRUSSELS995.cable`;
    const ask = () => server.connection.sendRequest<PreviewResult>(CABLE_PREVIEW, { textDocument: { uri } } satisfies PreviewParams);
    assert.equal(await ask(), null, 'not open yet: nothing to preview');

    await server.open(uri, seedText, 3);
    // The index walks the folder in the background; the REF links once it has.
    const file = await until('the REF target', async () => {
      const d = await ask();
      return d?.cables[0]?.references[0]?.target ? d : undefined;
    });
    assert.equal(file.version, 3);
    assert.equal(file.uri, uri);
    assert.equal(file.cables.length, 1);
    const doc = file.cables[0]!;
    assert.equal(doc.id, '09BRUSSELS995');
    assert.equal(doc.classification.marking, 'CONFIDENTIAL');
    assert.equal(doc.references[0]!.target, `${folder}/09STATE71326.cable`);
    const to = doc.header!.fields.find((f) => f.label === 'To')!.items[0]!;
    assert.equal(to.text, 'DEPT OF STATE WASHINGTON DC');
    assert.equal(doc.tags!.chips[0]!.title, 'Political Affairs--External Political Relations');
    assert.equal(doc.declassification!.instruction, 'Declassify on 16 July 2019, 10 years after the cable');

    // An incremental edit of the subject, then the view of version 4.
    const subjectLine = seedText.split('\n').findIndex((l) => l.startsWith('SUBJECT:'));
    await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 4 },
      contentChanges: [{ range: { start: { line: subjectLine, character: 9 }, end: { line: subjectLine, character: 16 } }, text: 'DUTCH' }],
    });
    const edited = await ask();
    assert.equal(edited!.version, 4);
    assert.equal(edited!.cables[0]!.subject!.text, 'DUTCH REACTION TO RESULTS OF U.S.-RUSSIA PRESIDENTIAL SUMMIT');

    assert.equal(await server.connection.sendRequest(CABLE_PREVIEW, { textDocument: { uri: `${folder}/never-opened.cable` } }), null);
    assert.doesNotMatch(server.stderr(), /Error|at .*\.js:\d+/, 'nothing on stderr');
  } finally {
    await server.close();
  }
});
