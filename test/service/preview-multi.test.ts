/**
 * The cable preview of a file of several cables (test/fixtures/multi/archive-day.cables, three invented
 * cables): every cable in order, each with its own classification, heading, subject and text, and every
 * element's lines those of the file, so the preview scrolls with the editor from cable to cable; a cited
 * cable that is not its file's first links to its line; a long file is previewed up to the limit.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCable } from '../../server/src/service/parse.ts';
import { parseCableFile } from '../../server/src/service/sequence.ts';
import { Dictionary } from '../../server/src/service/dictionary.ts';
import { previewDocument, type PreviewOptions } from '../../server/src/service/features/preview.ts';
import type { LineSpan, PreviewCable, PreviewDocument, PreviewLine, PreviewNode } from '../../server/src/service/features/previewTypes.ts';

const dict = Dictionary.default();
const root = join(__dirname, '..', '..');
const day = readFileSync(join(root, 'test', 'fixtures', 'multi', 'archive-day.cables'), 'utf8');
const lines = day.split('\n');
const lineOf = (text: string) => lines.indexOf(text);
const starts = [0, lineOf('VZCZCXRO2002'), lineOf('VZCZCXRO2003')];

function preview(text: string, options: Partial<PreviewOptions> = {}): PreviewDocument {
  return previewDocument(parseCableFile(text, parseCable), dict, { uri: 'file:///ws/traffic.cable', version: 2, ...options });
}

const lineText = (l: PreviewLine): string => l.runs.map((r) => r.text).join('');

/** Every span of a cable's preview, with what it is. */
function spans(c: PreviewCable): [string, LineSpan][] {
  const out: [string, LineSpan][] = [['cable', c.lines]];
  if (c.classification.lines) out.push(['banner', c.classification.lines]);
  if (c.header) out.push(['header', c.header.lines], ...c.header.fields.flatMap((f) => f.items.map((i): [string, LineSpan] => [f.label, i.lines])));
  for (const x of c.captions) out.push([`caption ${x.name}`, x.lines]);
  if (c.declassification) out.push(['E.O.', c.declassification.lines]);
  if (c.tags) out.push(['TAGS', c.tags.lines], ...c.tags.chips.map((t): [string, LineSpan] => [`TAG ${t.code}`, t.lines]));
  if (c.subject) out.push(['subject', c.subject.lines]);
  for (const r of c.references) out.push([`REF ${r.text}`, r.lines]);
  if (c.classifiedBy) out.push(['Classified By', c.classifiedBy.lines]);
  if (c.signature) out.push(['signature', c.signature.lines]);
  const walk = (nodes: PreviewNode[]) => {
    for (const n of nodes) {
      out.push([n.kind, n.lines]);
      if (n.kind === 'block') walk(n.children);
      else if (n.kind !== 'heading') for (const l of n.text) out.push([`line of ${n.kind}`, [l.line, l.line]]);
    }
  };
  walk(c.body);
  return out;
}

test('every cable of the file, in order, each with its own bars, heading and text', () => {
  const doc = preview(day);
  assert.equal(doc.uri, 'file:///ws/traffic.cable');
  assert.equal(doc.version, 2);
  assert.equal(doc.lineCount, lines.length);
  assert.deepEqual(doc.notes, []);
  assert.deepEqual(
    doc.cables.map((c) => [c.id, c.classification.marking, c.subject?.text, c.lines[0]]),
    [
      ['09MADRID700', 'SECRET//NOFORN', 'SPAIN ON THE NEW DESIGNATIONS', starts[0]],
      ['09BERLIN800', 'CONFIDENTIAL', 'GERMANY HEARS OF THE SPANISH REQUEST', starts[1]],
      ['09VIENNA900', 'UNCLASSIFIED', 'AUSTRIAN BANKS ASK ABOUT THE DESIGNATIONS', starts[2]],
    ],
  );
  const [, berlin, vienna] = doc.cables;
  assert.deepEqual(berlin!.header!.fields.find((f) => f.label === 'From')!.items.map((i) => i.text), ['AMEMBASSY BERLIN']);
  assert.equal(berlin!.header!.fields.find((f) => f.label === 'Date-time group')!.items[0]!.text, '12 August 2009, 10:00 UTC');
  assert.deepEqual(vienna!.tags!.chips.map((c) => c.code), ['PTER', 'ECON', 'AU']);
  assert.equal(vienna!.lines[1], lines.length - 1, 'the last cable runs to the end of the file');
  assert.equal(berlin!.lines[1], starts[2]! - 1, 'a cable ends on the line before the next begins');
});

test("every element's lines are lines of the file, inside its own cable, and each line of text spells its line of the file", () => {
  const doc = preview(day);
  doc.cables.forEach((c, k) => {
    const [first, last] = [starts[k]!, (starts[k + 1] ?? lines.length) - 1];
    for (const [what, [a, b]] of spans(c)) assert.ok(a >= first && a <= b && b <= last, `cable ${k + 1}: ${what} at ${a}–${b} outside ${first}–${last}`);
    const walk = (nodes: PreviewNode[]) => {
      for (const n of nodes) {
        if (n.kind === 'block') walk(n.children);
        else if (n.kind !== 'heading') for (const l of n.text) assert.ok(lines[l.line]!.includes(lineText(l)), `line ${l.line}: ${lineText(l)}`);
      }
    };
    walk(c.body);
  });
  assert.equal(doc.cables[2]!.subject!.lines[0], lineOf('SUBJECT: AUSTRIAN BANKS ASK ABOUT THE DESIGNATIONS'));
  assert.equal(doc.cables[1]!.references[0]!.lines[0], lineOf('REF: A. MADRID 700'));
});

test('a file of one cable is one cable spanning the file, as before', () => {
  const first = lines.slice(0, starts[1]).join('\n');
  const doc = preview(first);
  assert.equal(doc.cables.length, 1);
  assert.deepEqual(doc.cables[0]!.lines, [0, starts[1]! - 1]);
  const alone = preview(day);
  // The first cable of the day reads the same alone as in the file, but for the lines it spans.
  assert.deepEqual({ ...doc.cables[0], lines: undefined }, { ...alone.cables[0], lines: undefined });
});

test("a cited cable that is not its file's first links to the line it starts on", () => {
  const where: PreviewOptions['resolve'] = (id) => (id === '09MADRID700' ? { uri: 'file:///ws/other-day.cable', line: 31 } : id === '09STATE5000' ? { uri: 'file:///ws/09STATE5000.cable', line: 0 } : undefined);
  const doc = preview(day, { resolve: where });
  assert.deepEqual(doc.cables[1]!.references[0], { label: 'A', text: 'MADRID 700', cableId: '09MADRID700', target: 'file:///ws/other-day.cable', targetLine: 31, lines: [lineOf('REF: A. MADRID 700'), lineOf('REF: A. MADRID 700')] });
  const state = doc.cables[0]!.references[0]!;
  assert.equal(state.target, 'file:///ws/09STATE5000.cable');
  assert.equal(state.targetLine, undefined, "a file's first cable: the file alone");
});

test('a long file is previewed up to the limit of running text: the cables after it are left out, and a note says so', () => {
  const body = (c: PreviewCable) => c.body.length;
  const all = preview(day);
  assert.ok(all.cables.every((c) => body(c) > 0));
  // Enough for the first cable's text, not for the second's as well.
  const doc = preview(day, { maxBodyChars: 150 });
  assert.ok(body(doc.cables[0]!) > 0);
  assert.ok(doc.cables.length < 3, `${doc.cables.length} cables previewed`);
  assert.equal(doc.notes.length, 1);
  assert.match(doc.notes[0]!, new RegExp(`^The preview shows the first ${doc.cables.length} of the file's 3 cables`));
  // A cable whose text is cut says where, in lines of the file.
  const cutNotes = doc.cables.flatMap((c) => c.notes);
  for (const n of cutNotes) {
    const m = /up to line (\d+) of (\d+)/.exec(n);
    assert.ok(m, n);
    assert.ok(Number(m[2]) <= lines.length);
  }
});
