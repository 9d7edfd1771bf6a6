/**
 * Hover and completion through the bundled server (dist/server.js over stdio), as an editor sees them.
 * Run `npm run build` first (npm test does).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HoverRequest, CompletionRequest, type CompletionItem, type CompletionList, type Hover, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { startServer } from './lspClient.ts';

const seed = readFileSync(join(__dirname, '..', 'fixtures', 'seed', '09BRUSSELS995.cable'), 'utf8');
const lines = seed.split('\n');

function pos(lineStart: string, needle: string, offset = 1): { line: number; character: number } {
  const line = lines.findIndex((l) => l.startsWith(lineStart));
  assert.ok(line >= 0);
  const ch = lines[line].indexOf(needle);
  assert.ok(ch >= 0);
  return { line, character: ch + offset };
}

const items = (r: CompletionItem[] | CompletionList | null): CompletionItem[] => (Array.isArray(r) ? r : (r?.items ?? []));

test('LSP: hover and completion over stdio', async () => {
  const server = await startServer('stdio', { configuration: { tags: { extra: { KXYZ: 'Our team program' } } } });
  try {
    const caps = server.initializeResult.capabilities;
    assert.equal(caps.hoverProvider, true);
    assert.ok(caps.completionProvider, 'announces completion');
    const uri = 'file:///tmp/seed.cable';
    await server.open(uri, seed);

    const hoverAt = async (lineStart: string, needle: string, offset = 1): Promise<string> => {
      const h = (await server.connection.sendRequest(HoverRequest.type, {
        textDocument: { uri },
        position: pos(lineStart, needle, offset),
      })) as Hover | null;
      assert.ok(h, `hover on ${needle}`);
      assert.ok(h.range);
      return (h.contents as MarkupContent).value;
    };
    assert.match(await hoverAt('TAGS:', 'PREL'), /External Political Relations/);
    assert.match(await hoverAt('TAGS:', 'RS'), /Russia/);
    assert.match(await hoverAt('TAGS:', 'BE'), /Belgium/);
    const dtg = await hoverAt('R 201547Z', '201547Z', 2);
    assert.ok(dtg.replace(/,/g, '').includes('20 July 2009 15:47 UTC'), dtg);

    const none = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: pos('1. (C) Poloff', 'delivered') });
    assert.equal(none, null);

    const tagsLine = lines.findIndex((l) => l.startsWith('TAGS:'));
    const edited = lines.map((l, i) => (i === tagsLine ? 'TAGS: PREL K' : l)).join('\n');
    const uri2 = 'file:///tmp/edited.cable';
    await server.open(uri2, edited);
    const got = items(
      (await server.connection.sendRequest(CompletionRequest.type, {
        textDocument: { uri: uri2 },
        position: { line: tagsLine, character: 'TAGS: PREL K'.length },
      })) as CompletionItem[] | CompletionList | null,
    );
    const labels = got.map((i) => i.label);
    assert.ok(labels.includes('KPAO'), 'program TAGS offered');
    assert.ok(labels.every((l) => l.startsWith('K')), 'filtered by the typed prefix');
    assert.match(got.find((i) => i.label === 'KXYZ')?.detail ?? '', /Our team program/, 'team codes from cable.tags.extra');
    assert.doesNotMatch(server.stderr(), /failed/);
  } finally {
    await server.close();
  }
});
