/**
 * The outline through the bundled server over stdio (run `npm run build` first; `npm test` does):
 * headings between paragraphs head sections, a summary under its own heading, bullets and rules, a
 * paragraph number run into the line before, and symbol ranges that nest for the breadcrumbs.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DocumentSymbol, Position, Range } from 'vscode-languageserver-types';
import { startServer } from './lspClient.ts';

const root = join(__dirname, '..', '..');
const text = readFileSync(join(root, 'test', 'fixtures', 'cables-features', '09ERUDITE77.cable'), 'utf8');
const lines = text.split('\n');
const capabilities = { textDocument: { documentSymbol: { hierarchicalDocumentSymbolSupport: true } } };

const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character <= b.character);
const inside = (outer: Range, inner: Range) => before(outer.start, inner.start) && before(inner.end, outer.end);

/** The names of the symbols that hold `pos`, outermost first: what the breadcrumbs show. */
function breadcrumbs(symbols: DocumentSymbol[], pos: Position): string[] {
  const out: string[] = [];
  let list: DocumentSymbol[] | undefined = symbols;
  while (list) {
    const hit: DocumentSymbol | undefined = list.find((s) => inside(s.range, { start: pos, end: pos }));
    if (!hit) break;
    out.push(hit.name);
    list = hit.children;
  }
  return out;
}

function assertNested(list: DocumentSymbol[], parent?: DocumentSymbol): void {
  for (let i = 0; i < list.length; i++) {
    const s = list[i]!;
    if (parent) assert.ok(inside(parent.range, s.range), `${s.name} lies inside ${parent.name}`);
    const next = list[i + 1];
    if (next) assert.ok(before(s.range.end, next.range.start), `${s.name} ends before ${next.name} starts`);
    assertNested(s.children ?? [], s);
  }
}

const at = (needle: string, offset = 0): Position => {
  const line = lines.findIndex((l) => l.includes(needle));
  assert.ok(line >= 0, needle);
  return { line, character: lines[line]!.indexOf(needle) + offset };
};

test('documentSymbol: sections under headings, ranges that nest, breadcrumbs that follow', async () => {
  const server = await startServer('stdio', { capabilities });
  try {
    const uri = 'file:///virtual/09ERUDITE77.cable';
    await server.open(uri, text);
    const symbols: DocumentSymbol[] = await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    const names = symbols.map((s) => s.name);
    const body = names.slice(names.indexOf('1. (C)'));
    assert.deepEqual(body, ['1. (C)', 'SUMMARY', 'HEU', 'Missile Defense', 'Next Steps', 'EXAMPLE']);
    const kids = (n: string) => symbols.find((s) => s.name === n)!.children?.map((c) => c.name);
    assert.deepEqual(kids('SUMMARY'), ['2. (S/NF)']);
    assert.deepEqual(kids('HEU'), ['3. (S/NF)', '4. (S/NF)']);
    assert.deepEqual(kids('Missile Defense'), ['5. (S)', '6. (S)']);
    assert.deepEqual(kids('Next Steps'), ['7. (C)']);
    const p3 = symbols.find((s) => s.name === 'HEU')!.children![0]!;
    assert.deepEqual(p3.children?.map((c) => c.name), ['--6)', '--7)'], 'the dash bullets, not the rule of dashes');
    assertNested(symbols);

    assert.deepEqual(breadcrumbs(symbols, at('a second inspection')), ['HEU', '3. (S/NF)', '--7)']);
    assert.deepEqual(breadcrumbs(symbols, at('no promise on them')), ['HEU', '3. (S/NF)']);
    assert.deepEqual(breadcrumbs(symbols, at('4. (S/NF) When we')), ['HEU', '4. (S/NF)']);
    assert.deepEqual(breadcrumbs(symbols, at('the site would be ready')), ['HEU', '4. (S/NF)']);
    assert.deepEqual(breadcrumbs(symbols, at('Missile Defense')), ['Missile Defense']);
    assert.deepEqual(breadcrumbs(symbols, at('He asked for a briefing')), ['Missile Defense', '6. (S)']);
    assert.deepEqual(breadcrumbs(symbols, at('capital in April')), ['1. (C)'], 'paragraph 1 is not in the summary');
    assert.deepEqual(breadcrumbs(symbols, at('a say in missile defense')), ['SUMMARY', '2. (S/NF)']);
    assert.doesNotMatch(server.stderr(), /Error|at .*\.js:\d+/, 'nothing on stderr');
  } finally {
    await server.close();
  }
});
