import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CompletionItem, Position } from 'vscode-languageserver-types';
import { parseCable } from '../../server/src/service/parse.ts';
import { completion } from '../../server/src/service/features/completion.ts';
import { Dictionary } from '../../server/src/service/dictionary.ts';

const dict = Dictionary.default();
const seed = readFileSync(join(__dirname, '..', 'fixtures', 'seed', '09BRUSSELS995.cable'), 'utf8');

/** Replaces the line starting with `lineStart` by `newLine` and completes at the `|` in it. */
function completeAt(text: string, lineStart: string, newLine: string, d = dict): CompletionItem[] {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.startsWith(lineStart));
  assert.ok(i >= 0, `no line starting with ${lineStart}`);
  const ch = newLine.indexOf('|');
  lines[i] = newLine.replace('|', '');
  const pos: Position = { line: i, character: ch };
  return completion(parseCable(lines.join('\n')), pos, d);
}

/** Inserts `newLine` after the line starting with `after`. */
function insertAfter(text: string, after: string, newLine: string): string {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.startsWith(after));
  assert.ok(i >= 0);
  lines.splice(i + 1, 0, newLine);
  return lines.join('\n');
}

const labels = (items: CompletionItem[]): string[] => items.map((i) => i.label);
const sorted = (items: CompletionItem[]): CompletionItem[] => [...items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));

test('TAGS line: codes filtered by the typed prefix, with titles', () => {
  const items = completeAt(seed, 'TAGS:', 'TAGS: PREL PR|');
  assert.ok(items.length > 0);
  for (const l of labels(items)) assert.ok(l.startsWith('PR'), l);
  assert.ok(!labels(items).includes('PREL'), 'PREL is already on the line');
  const prop = items.find((i) => i.label === 'PROP');
  assert.ok(prop);
  assert.match(prop.detail ?? '', /Propaganda/);
  const edit = prop.textEdit && 'range' in prop.textEdit ? prop.textEdit.range : undefined;
  assert.equal(edit?.start.character, 11, 'replaces the typed prefix');
  assert.equal(edit?.end.character, 13);
});

test('TAGS line: lower-case prefix, subject TAGS sort first, codes already present are left out', () => {
  const items = completeAt(seed, 'TAGS:', 'TAGS: PREL |');
  const ls = labels(items);
  assert.ok(ls.includes('RS'));
  assert.ok(ls.includes('BE'));
  assert.ok(ls.includes('KPAO'));
  assert.ok(!ls.includes('PREL'), 'PREL is already on the line');
  const first = sorted(items)[0];
  assert.equal(dict.lookupTag(String(first.label))?.kind, 'subject');
  const lower = completeAt(seed, 'TAGS:', 'TAGS: be|');
  assert.ok(labels(lower).includes('BE'));
  assert.match(lower.find((i) => i.label === 'BE')?.detail ?? '', /Belgium/);
});

test('TAGS line: team codes from cable.tags.extra are offered', () => {
  const items = completeAt(seed, 'TAGS:', 'TAGS: KX|', dict.withExtra({ KXYZ: 'Our program' }));
  assert.match(items.find((i) => i.label === 'KXYZ')?.detail ?? '', /Our program/);
});

test('TAGS keyword still being typed offers nothing', () => {
  assert.deepEqual(completeAt(seed, 'TAGS:', 'TAG|'), []);
});

test('portion markings after a paragraph number, none above the banner', () => {
  const items = completeAt(seed, '2. (C) De Buck', '2. (|');
  const ls = labels(items);
  assert.ok(ls.includes('(C)'));
  assert.ok(ls.includes('(U)'));
  assert.ok(ls.includes('(C//NF)'));
  assert.ok(!ls.includes('(S)'), 'SECRET is above a CONFIDENTIAL banner');
  assert.ok(!ls.includes('(TS)'));
  const bare = completeAt(seed, '2. (C) De Buck', '2. |');
  assert.ok(labels(bare).includes('(C)'));
  const unclas = seed.replace('C O N F I D E N T I A L BRUSSELS 000995', 'UNCLAS BRUSSELS 000995');
  const u = labels(completeAt(unclas, '2. (C) De Buck', '2. (|'));
  assert.ok(u.includes('(SBU)'));
  assert.ok(!u.includes('(C)'));
});

test('captions between the banner and the E.O. line', () => {
  const items = completeAt(insertAfter(seed, 'SIPDIS', 'NO'), 'NO', 'NO|');
  const ls = labels(items);
  assert.ok(ls.includes('NOFORN'));
  assert.ok(!ls.includes('NODIS'), 'SIPDIS is present and may not carry NODIS');
  assert.ok(!ls.includes('SIPDIS'), 'already present');
  assert.ok(!ls.includes('SENSITIVE'), 'SENSITIVE marks UNCLAS cables only');
});

test('DTG line: months after the time group, precedence letters at the start', () => {
  const months = completeAt(seed, 'R 201547Z', 'R 201547Z J|');
  assert.equal(months.length, 12);
  assert.equal(months.find((i) => i.label === 'JUL')?.detail, 'July');
  const prec = completeAt(seed, 'R 201547Z', '|201547Z JUL 09');
  assert.deepEqual(labels(prec).sort(), ['O', 'P', 'R', 'Z']);
  assert.equal(prec.find((i) => i.label === 'Z')?.detail, 'FLASH');
});

test('free text gets no completion', () => {
  assert.deepEqual(completeAt(seed, '1. (C) Poloff', '1. (C) Poloff deliv|ered'), []);
  assert.deepEqual(completion(parseCable(seed), { line: 999, character: 0 }, dict), []);
  assert.deepEqual(completion(parseCable(''), { line: 0, character: 0 }, dict), []);
});
