import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cableIdOccurrences, definitionLinks, documentLinks, type CableTarget } from '../../server/src/service/features/links.ts';
import { fixture, lineOf, posOf, seed, textAt } from './structureHelpers.ts';


/** 08OSLO97 is the second cable of a day's bundle, from line 41. */
const workspace: Record<string, CableTarget> = {
  '08OSLO97': { uri: 'file:///ws/oslo-2008-01.cable', line: 41 },
  '09STATE71326': { uri: 'file:///ws/state/09STATE71326.cable', line: 0 },
};
const resolve = (id: string) => workspace[id];

test('REF items and ids in the text become links to the cables the workspace has', () => {
  const { model } = fixture('08OSLO123.cable');
  const links = documentLinks(model, resolve);
  assert.deepEqual(
    links.map((l) => [l.range.start.line, textAt(model, l.range), l.target, l.tooltip]),
    [
      [lineOf(model, 'B. OSLO 97'), 'OSLO 97', 'file:///ws/oslo-2008-01.cable#L42', 'Open 08OSLO97'],
      [lineOf(model, '08OSLO97'), '08OSLO97', 'file:///ws/oslo-2008-01.cable#L42', 'Open 08OSLO97'],
    ],
    'STATE 15522 is not in the workspace, so it is no link; a later cable of a file is linked at its line',
  );
});

test('seed: REF STATE 71326 links to 09STATE71326', () => {
  const { model } = seed();
  const links = documentLinks(model, resolve);
  assert.equal(links.length, 1);
  assert.equal(textAt(model, links[0]!.range), 'STATE 71326');
  assert.equal(links[0]!.target, 'file:///ws/state/09STATE71326.cable', 'a file\'s first cable: the file itself');
  assert.deepEqual(documentLinks(model, () => undefined), []);
});

test('go to definition on a REF item or a mention; nothing elsewhere or when the cable is absent', () => {
  const { model } = fixture('08OSLO123.cable');
  const [onRef] = definitionLinks(model, posOf(model, 'OSLO 97', 3), resolve);
  assert.equal(onRef?.targetUri, 'file:///ws/oslo-2008-01.cable');
  assert.equal(textAt(model, onRef!.originSelectionRange!), 'OSLO 97');
  const top = { start: { line: 41, character: 0 }, end: { line: 41, character: 0 } };
  assert.deepEqual([onRef!.targetRange, onRef!.targetSelectionRange], [top, top], 'the first line of the cited cable');

  const [onMention] = definitionLinks(model, posOf(model, '08OSLO97', 8), resolve);
  assert.equal(onMention?.targetUri, 'file:///ws/oslo-2008-01.cable', 'the end of the id still counts');

  assert.deepEqual(definitionLinks(model, posOf(model, 'STATE 15522', 2), resolve), [], 'not in the workspace');
  assert.deepEqual(definitionLinks(model, posOf(model, 'Officials', 2), resolve), []);

  const [inState] = definitionLinks(seed().model, posOf(seed().model, 'STATE 71326', 3), resolve);
  assert.deepEqual(inState!.targetRange.start, { line: 0, character: 0 }, 'a file of one cable: its top');
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
