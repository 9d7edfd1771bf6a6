/**
 * "Fix all" over a file of several cables (test/fixtures/multi/fixable-bundle.cables: three invented
 * cables, each with problems that have an obvious fix): `source.fixAll.cable` and the per-rule "Fix all
 * … in this file" span every cable in one edit whose parts never overlap, and applying it leaves none of
 * those problems in any cable; a quick fix is still the cable's at the range.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseCable } from '../../server/src/service/parse.ts';
import { parseCableFile } from '../../server/src/service/sequence.ts';
import { resolveSettings } from '../../server/src/service/settings.ts';
import { Dictionary } from '../../server/src/service/dictionary.ts';
import { fileDiagnostics, fileFindings } from '../../server/src/service/features/perCable.ts';
import { FIX_ALL_KIND, fileCodeActions } from '../../server/src/service/features/codeActions.ts';

const root = join(__dirname, '..', '..');
const text = readFileSync(join(root, 'test', 'fixtures', 'multi', 'fixable-bundle.cables'), 'utf8');
const uri = 'file:///archive/traffic-2009-03-11.cable';
const settings = resolveSettings({});
const dict = Dictionary.default();
const file = parseCableFile(text, parseCable);
const diagnostics = fileDiagnostics(file, settings, dict, uri);
const starts = file.parts.map((p) => p.line);
/** Which cable (0, 1, 2) a file line belongs to. */
const cableOf = (line: number) => starts.filter((s) => s <= line).length - 1;

const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character < b.character);
const overlap = (a: Range, b: Range) => before(a.start, b.end) && before(b.start, a.end);

function apply(source: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create(uri, 'cable', 1, source), edits);
}

function editsOf(action: CodeAction | undefined): TextEdit[] {
  const edits = action?.edit?.changes?.[uri];
  assert.ok(edits, `an edit of ${uri}: ${JSON.stringify(action)}`);
  return edits;
}

function assertNoOverlap(edits: TextEdit[]): void {
  for (let i = 0; i < edits.length; i++) {
    for (let j = i + 1; j < edits.length; j++) assert.ok(!overlap(edits[i]!.range, edits[j]!.range), `edits ${i} and ${j} overlap: ${JSON.stringify([edits[i], edits[j]])}`);
  }
}

test('the fixture has fixable problems in each of its three cables', () => {
  assert.equal(file.parts.length, 3);
  const preferred = fileFindings(file, settings, dict, uri).filter((f) => f.fix?.preferred);
  assert.deepEqual([...new Set(preferred.map((f) => cableOf(f.range.start.line)))], [0, 1, 2], preferred.map((f) => `${f.rule.code}@${f.range.start.line}`).join(' '));
});

test('source.fixAll.cable fixes every cable in one edit with no overlapping parts, and leaves none of those problems', () => {
  const actions = fileCodeActions(file, uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], settings, dict, [FIX_ALL_KIND]);
  assert.equal(actions.length, 1);
  const [fixAll] = actions;
  assert.equal(fixAll!.kind, FIX_ALL_KIND);
  const edits = editsOf(fixAll);
  assert.deepEqual([...new Set(edits.map((e) => cableOf(e.range.start.line)))].sort(), [0, 1, 2], 'edits in every cable');
  assertNoOverlap(edits);
  const preferred = fileFindings(file, settings, dict, uri).filter((f) => f.fix?.preferred);
  assert.match(fixAll!.title, new RegExp(`^Fix all ${preferred.length} obvious problems in this file$`));

  const fixed = apply(text, edits);
  const after = parseCableFile(fixed, parseCable);
  assert.equal(after.parts.length, 3, 'still three cables, where they were');
  assert.deepEqual(after.parts.map((p) => p.line), starts);
  const left = fileFindings(after, settings, dict, uri).filter((f) => f.fix?.preferred);
  assert.deepEqual(left.map((f) => `${f.rule.code}@${f.range.start.line}`), [], 'no obvious problem left');
  // What was fixed, where: the TAG of the first cable, the security line of the second, the month of the third.
  const lines = fixed.split('\n');
  assert.equal(lines[starts[0]! + 13], 'TAGS: PREL PGOV FR');
  assert.equal(lines[starts[1]! + 3], 'ZNY CCCCC ZZH');
  assert.equal(lines[starts[2]! + 4], 'R 111400Z MAR 09');
  assert.ok(!fixed.includes('(C NF)'), 'every malformed marking, in both cables');
});

test("a rule's \"Fix all\" takes its problems in every cable; its quick fix is the cable's at the range", () => {
  const malformed = diagnostics.filter((d) => d.code === 'portion-marking-malformed');
  assert.deepEqual([...new Set(malformed.map((d) => cableOf(d.range.start.line)))], [0, 1], 'in the first and second cable');
  const here: Diagnostic = malformed.find((d) => cableOf(d.range.start.line) === 1)!;
  const actions = fileCodeActions(file, uri, here.range, [here], settings, dict);
  const quick = actions.find((a) => a.isPreferred);
  assert.ok(quick, JSON.stringify(actions.map((a) => a.title)));
  assert.deepEqual(editsOf(quick).map((e) => e.range.start.line), [here.range.start.line], 'the quick fix edits the line of the diagnostic, in the second cable');
  const all = actions.find((a) => a.title === `Fix all ${malformed.length} 'portion-marking-malformed' problems in this file`);
  assert.ok(all, JSON.stringify(actions.map((a) => a.title)));
  assert.equal(all.kind, CodeActionKind.QuickFix);
  const edits = editsOf(all);
  assert.deepEqual(edits.map((e) => e.range.start.line).sort((a, b) => a - b), malformed.map((d) => d.range.start.line).sort((a, b) => a - b));
  assertNoOverlap(edits);
  assert.ok(actions.some((a) => a.title === "Disable rule 'portion-marking-malformed'"));
});

test('a problem without a twin elsewhere has its quick fix and no "Fix all"; a file of one cable is served as before', () => {
  const tags = diagnostics.find((d) => d.code === 'tags-unknown')!;
  assert.equal(cableOf(tags.range.start.line), 0);
  const actions = fileCodeActions(file, uri, tags.range, [tags], settings, dict);
  assert.ok(actions.some((a) => a.title.includes('PGOV')), JSON.stringify(actions.map((a) => a.title)));
  assert.ok(!actions.some((a) => a.title.startsWith('Fix all')));

  const single = parseCableFile(text.slice(0, text.indexOf('VZCZCXRO3002')), parseCable);
  assert.equal(single.parts.length, 1);
  const [fixAll] = fileCodeActions(single, uri, tags.range, [], settings, dict, [FIX_ALL_KIND]);
  assert.ok(editsOf(fixAll).every((e) => e.range.start.line < starts[1]!));
});
