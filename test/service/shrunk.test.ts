/**
 * Replays every shrunk counterexample fast-check ever found (test/fixtures/shrunk/*.json, written by
 * property.test.ts): each was a real bug once, and each must keep every promise now.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import { parseCable } from '../../server/src/service/parse.ts';
import { plainModel } from '../../server/src/service/model.ts';
import { applyChangesNaively, exercise } from './invariants.ts';

const DIR = join(__dirname, '..', 'fixtures', 'shrunk');
const files = existsSync(DIR) ? readdirSync(DIR).filter((f) => f.endsWith('.json')).sort() : [];

interface ShrunkCase {
  property: string;
  text: string;
  changes?: { range: Range; text: string }[];
}

test('there are shrunk cases to replay', () => {
  assert.ok(files.length > 0, `no fixtures in ${DIR}`);
});

for (const f of files) {
  test(`shrunk case ${f}`, () => {
    const c = JSON.parse(readFileSync(join(DIR, f), 'utf8')) as ShrunkCase;
    let text = c.text;
    if (c.changes) {
      const doc = TextDocument.create('file:///x.cable', 'cable', 1, c.text);
      TextDocument.update(doc, c.changes, 2);
      text = applyChangesNaively(c.text, c.changes);
      assert.equal(doc.getText(), text);
      assert.deepStrictEqual(plainModel(parseCable(doc.getText())), plainModel(parseCable(text)));
    }
    const { violations } = exercise(text);
    assert.deepEqual(violations, []);
  });
}
