import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cableIdOccurrences, definitionLinks, documentLinks } from '../../server/src/service/features/links.ts';
import { fixture, lineOf, posOf, seed, textAt } from './structureHelpers.ts';

const workspace: Record<string, string> = {
  '08OSLO97': 'file:///ws/08OSLO97.cable',
  '09STATE71326': 'file:///ws/state/09STATE71326.cable',
};
const resolve = (id: string) => workspace[id];

test('REF items and ids in the text become links to the cables the workspace has', () => {
  const { model } = fixture('08OSLO123.cable');
  const links = documentLinks(model, resolve);
  assert.deepEqual(
    links.map((l) => [l.range.start.line, textAt(model, l.range), l.target, l.tooltip]),
    [
      [lineOf(model, 'B. OSLO 97'), 'OSLO 97', 'file:///ws/08OSLO97.cable', 'Open 08OSLO97'],
      [lineOf(model, '08OSLO97'), '08OSLO97', 'file:///ws/08OSLO97.cable', 'Open 08OSLO97'],
    ],
    'STATE 15522 is not in the workspace, so it is no link',
  );
});

test('seed: REF STATE 71326 links to 09STATE71326', () => {
  const { model } = seed();
  const links = documentLinks(model, resolve);
  assert.equal(links.length, 1);
  assert.equal(textAt(model, links[0]!.range), 'STATE 71326');
  assert.equal(links[0]!.target, 'file:///ws/state/09STATE71326.cable');
  assert.deepEqual(documentLinks(model, () => undefined), []);
});

test('go to definition on a REF item or a mention; nothing elsewhere or when the cable is absent', () => {
  const { model } = fixture('08OSLO123.cable');
  const [onRef] = definitionLinks(model, posOf(model, 'OSLO 97', 3), resolve);
  assert.equal(onRef?.targetUri, 'file:///ws/08OSLO97.cable');
  assert.equal(textAt(model, onRef!.originSelectionRange!), 'OSLO 97');
  assert.deepEqual(onRef!.targetRange, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });

  const [onMention] = definitionLinks(model, posOf(model, '08OSLO97', 8), resolve);
  assert.equal(onMention?.targetUri, 'file:///ws/08OSLO97.cable', 'the end of the id still counts');

  assert.deepEqual(definitionLinks(model, posOf(model, 'STATE 15522', 2), resolve), [], 'not in the workspace');
  assert.deepEqual(definitionLinks(model, posOf(model, 'Officials', 2), resolve), []);

  const subjectRange = { start: { line: 9, character: 9 }, end: { line: 9, character: 40 } };
  const [withRange] = definitionLinks(model, posOf(model, 'OSLO 97', 3), resolve, () => subjectRange);
  assert.deepEqual(withRange!.targetSelectionRange, subjectRange);
});

test('occurrences come in document order with their source', () => {
  const { model } = fixture('08OSLO123.cable');
  assert.deepEqual(
    cableIdOccurrences(model).map((o) => [o.cableId, o.source]),
    [
      ['08STATE15522', 'reference'],
      ['08OSLO97', 'reference'],
      ['08OSLO97', 'mention'],
    ],
  );
});
