/**
 * The outline of a cable with headings between paragraphs, a summary under its own heading, dash
 * bullets, rules and a paragraph number run into the line before (the synthetic 09ERUDITE77), and the
 * parser's reading of each of those constructs.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DocumentSymbol } from 'vscode-languageserver-types';
import { documentSymbols } from '../../server/src/service/features/symbols.ts';
import { parseCable } from '../../server/src/service/parse.ts';
import { isRuleLine } from '../../server/src/service/parse/body/ruleLines.ts';
import { assertSymbolTree, fixture, lineOf, textAt } from './structureHelpers.ts';
import { CLEAN, edit, expectNone, expectOne } from './rulesHelpers.ts';

/** The outline below the heading of the text, as `name` / `  child` lines. */
function bodyOutline(symbols: DocumentSymbol[], from: string): string[] {
  const out: string[] = [];
  const walk = (list: DocumentSymbol[], depth: number) => {
    for (const s of list) {
      out.push(`${'  '.repeat(depth)}${s.name}`);
      if (s.children) walk(s.children, depth + 1);
    }
  };
  walk(symbols.slice(symbols.findIndex((s) => s.name === from)), 0);
  return out;
}

test('headings between paragraphs group the paragraphs after them; the summary starts at its heading', () => {
  const { model } = fixture('09ERUDITE77.cable');
  const symbols = documentSymbols(model);
  assertSymbolTree(model, symbols);
  assert.deepEqual(bodyOutline(symbols, '1. (C)'), [
    '1. (C)',
    'SUMMARY',
    '  2. (S/NF)',
    'HEU',
    '  3. (S/NF)',
    '    --6)',
    '    --7)',
    '  4. (S/NF)',
    'Missile Defense',
    '  5. (S)',
    '  6. (S)',
    'Next Steps',
    '  7. (C)',
    'EXAMPLE',
  ]);
});

test('a section runs from its heading to the last line of text before the next heading', () => {
  const { model } = fixture('09ERUDITE77.cable');
  const symbols = documentSymbols(model);
  const byName = (n: string) => symbols.find((s) => s.name === n)!;
  const heu = byName('HEU');
  assert.equal(textAt(model, heu.selectionRange), 'HEU');
  assert.equal(heu.range.start.line, lineOf(model, 'HEU'));
  assert.equal(heu.range.end.line, lineOf(model, 'the site would be ready in May.'), 'to the end of paragraph 4');
  assert.equal(byName('Missile Defense').range.end.line, lineOf(model, '6. (S) He asked'));
  // Paragraph 1 ends before the summary's heading instead of taking it in.
  assert.equal(byName('1. (C)').range.end.line, lineOf(model, 'capital in April.'));
  const summary = byName('SUMMARY');
  assert.equal(textAt(model, summary.selectionRange), 'Summary and Key Themes');
  assert.ok(symbols.every((s) => s.name !== 'Summary and Key Themes'), 'the heading that opens the summary is the summary');
});

test('a paragraph number run into the line before is a paragraph of its own, on that line', () => {
  const { model } = fixture('09ERUDITE77.cable');
  assert.deepEqual(model.paragraphs.map((p) => p.number.value), [1, 2, 3, 4, 5, 6, 7]);
  const p3 = model.paragraphs[2]!;
  const p4 = model.paragraphs[3]!;
  const line = lineOf(model, 'no promise on them. 4. (S/NF)');
  assert.equal(p4.range.start.line, line);
  assert.equal(textAt(model, p4.number.range), '4');
  assert.equal(p4.marking?.text, '(S/NF)');
  assert.match(p4.lead, /^When we raised the inspections/);
  assert.equal(p3.range.end.line, line);
  assert.match(textAt(model, p3.range), /no promise on them\.$/, 'paragraph 3 ends before the run-in number');
  const outline = documentSymbols(model);
  const sym4 = outline.find((s) => s.name === 'HEU')!.children!.find((c) => c.name === '4. (S/NF)')!;
  assert.equal(textAt(model, sym4.selectionRange), '4. (S/NF)');
});

test('a figure in running text is no run-in paragraph: no sentence end before it, or no marking after it', () => {
  const { model } = fixture('09ERUDITE77.cable');
  // `rose by 8. (The figure …` and `in 2010. 8. The date …` follow paragraph 7, the last.
  assert.equal(model.paragraphs.length, 7);
  const base = edit(CLEAN, '3. (U) The third paragraph is unclassified background.', '');
  const noMarking = `${base.replace('gives the detail of the meeting.', 'gives the detail of the meeting. 3. The figure rose.')}\n4. (U) Four.`;
  assert.deepEqual(parseCable(noMarking).paragraphs.map((p) => p.number.value), [1, 2, 4]);
  const afterWord = base.replace('gives the detail of the meeting.', 'gives the detail of meeting 3. (C) on Monday.');
  assert.deepEqual(parseCable(afterWord).paragraphs.map((p) => p.number.value), [1, 2]);
  // Without a gap in the numbering nothing is sought: a 2 inside paragraph 1 is left alone.
  const noGap = CLEAN.replace('about. End summary.', 'about. 2. (C) End summary.');
  assert.deepEqual(parseCable(noGap).paragraphs.map((p) => p.number.value), [1, 2, 3]);
});

test('paragraph-numbering: a number run into the line before counts as present', () => {
  const runIn = CLEAN.replace('gives the detail of the meeting.\n\n3. (U)', 'gives the detail of the meeting. 3. (U)');
  assert.notEqual(runIn, CLEAN);
  expectNone(runIn, 'paragraph-numbering');
  // The same text with no marking after the 3 is prose: paragraph 3 is missing.
  const prose = CLEAN.replace('gives the detail of the meeting.\n\n3. (U) The third', 'gives the detail of the meeting. 3. The third');
  const withFour = `${prose.replace('SAMPLE\n', '')}\n4. (U) Four.\n\nSAMPLE\n`;
  const f = expectOne(withFour, 'paragraph-numbering', '4. (U) Four.');
  assert.match(f.message, /expected 3/);
});

test('dash bullets run into a label are bullets; rules of dashes are not', () => {
  const { model } = fixture('09ERUDITE77.cable');
  const p3 = model.paragraphs[2]!;
  assert.deepEqual(p3.subParagraphs.map((s) => [s.label, textAt(model, s.labelRange)]), [
    ['--', '--6)'],
    ['--', '--7)'],
  ]);
  for (const p of model.paragraphs) for (const s of p.subParagraphs) assert.ok(!isRuleLine(model.lines[s.range.start.line]!), `line ${s.range.start.line} is no rule`);
  assert.ok(isRuleLine('- - - - -') && isRuleLine('-----') && isRuleLine('  =====  ') && isRuleLine('--------------------------------------------- --'));
  assert.ok(!isRuleLine('-- a bullet') && !isRuleLine('--') && !isRuleLine('--6)'));
});

test('an underlined mixed-case line is a heading; a heading after a rule is read as after a blank line', () => {
  const { model } = fixture('09ERUDITE77.cable');
  assert.deepEqual(model.headings.map((h) => h.title), ['Summary and Key Themes', 'HEU', 'Missile Defense', 'Next Steps']);
  // Not underlined and followed by text, a mixed-case line is running text.
  const plain = edit(CLEAN, '2. (C) The second', 'Missile Defense\nwas raised too.\n\n2. (C) The second');
  assert.deepEqual(parseCable(plain).headings.map((h) => h.title), []);
});

test('a summary with only its END starts at the first paragraph when no heading names it', () => {
  const text = CLEAN.replace('Summary: The first', 'The first');
  const summary = parseCable(text).blocks.find((b) => b.kind === 'summary')!;
  assert.equal(summary.start.text, '1');
});
