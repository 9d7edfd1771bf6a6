/**
 * Bad input, one test each: the worst files an editor meets. For every one, the parser and every
 * feature answer without throwing, ranges stay inside the text, and the big ones stay inside a time
 * budget (generous, so a slow CI machine passes; a quadratic slip still fails by far).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCable } from '../../server/src/service/parse.ts';
import { computeDiagnostics } from '../../server/src/service/diagnostics.ts';
import { resolveSettings } from '../../server/src/service/settings.ts';
import { documentSymbols } from '../../server/src/service/features/symbols.ts';
import { foldingRanges } from '../../server/src/service/features/folding.ts';
import { defaults, dict, exercise, probePositions } from './invariants.ts';

const seed = readFileSync(join(__dirname, '..', 'fixtures', 'seed', '09BRUSSELS995.cable'), 'utf8');
const seedModel = parseCable(seed);
const head = seed.slice(0, seed.indexOf('1. (C)'));

function clean(text: string, positions?: { line: number; character: number }[]) {
  const out = exercise(text, { positions });
  assert.deepEqual(out.violations, []);
  return out;
}

function timed<T>(f: () => T): { value: T; ms: number } {
  const t0 = performance.now();
  const value = f();
  return { value, ms: performance.now() - t0 };
}

const codes = (text: string) => computeDiagnostics(parseCable(text), defaults, dict).map((d) => d.code);

test('empty file: one empty line, nothing to report', () => {
  const { model } = clean('');
  assert.equal(model.lineCount, 1);
  assert.deepEqual(model.lines, ['']);
  assert.deepEqual(codes(''), []);
  assert.deepEqual(documentSymbols(model), []);
});

test('only whitespace: nothing to report, no outline', () => {
  const text = '   \n\t\t\n \u00A0 \r\n\n\u3000';
  const { model } = clean(text);
  assert.equal(model.lineCount, 5);
  assert.deepEqual(codes(text), []);
  assert.deepEqual(documentSymbols(model), []);
});

test('binary data and NUL bytes: no throw, and NULs in a real cable do not hide its banner', () => {
  const bytes = Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256);
  clean(Buffer.from(bytes).toString('latin1'));
  clean('\0'.repeat(5000));
  // NUL padding from a broken conversion: every line ends in NULs.
  const padded = seed.split('\n').map((l) => l + '\0\0').join('\n');
  const { model } = clean(padded);
  assert.equal(model.banner?.level, 'C');
  assert.equal(model.paragraphs.length, seedModel.paragraphs.length);
  assert.equal(model.dtg?.iso, seedModel.dtg?.iso);
});

test('invalid UTF-8 (decoded with replacement characters, as the editor does) and lone surrogates', () => {
  const bytes = Buffer.from(seed, 'utf8');
  const broken = Buffer.concat([Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0x0a]), bytes.subarray(0, 800), Buffer.from([0xe2, 0x82, 0xed, 0xa0, 0x80]), bytes.subarray(800)]);
  const text = new TextDecoder('utf-8').decode(broken);
  assert.ok(text.includes('\uFFFD'));
  const { model } = clean(text);
  assert.equal(model.banner?.level, 'C');
  clean('\uD800\n1. (C) \uDBFF\uDBFF text \uDC00\nTAGS: PREL\uD800, PGOV\n\uDFFF');
});

test('a BOM is character 0 of line 0 and shifts nothing else', () => {
  const text = '\uFEFFUNCLAS BRUSSELS 000123\n\nTAGS: PREL\nSUBJECT: A TEST\n\n1. (U) Text.\n';
  const { model } = clean(text);
  assert.equal(model.banner?.level, 'U');
  assert.equal(model.banner?.range.start.character, 1, 'the banner starts after the BOM');
  assert.equal(model.banner?.classification.text, 'UNCLAS');
  const withBom = clean('\uFEFF' + seed).model;
  assert.equal(withBom.banner?.range.start.line, seedModel.banner?.range.start.line);
  assert.equal(withBom.paragraphs.length, seedModel.paragraphs.length);
});

test('CRLF and lone CR line ends give the same model as LF', () => {
  const crlf = clean(seed.replace(/\n/g, '\r\n')).model;
  const cr = clean(seed.replace(/\n/g, '\r')).model;
  assert.deepStrictEqual(crlf, seedModel);
  assert.deepStrictEqual(cr, seedModel);
  // Mixed, as after a copy and paste between systems.
  const lines = seed.split('\n');
  // A lone CR before an empty line would read as CRLF: it only ends lines followed by text.
  const eol = (i: number) => (i === lines.length - 1 ? '' : i % 3 === 2 && lines[i + 1] !== '' ? '\r' : i % 2 ? '\r\n' : '\n');
  const mixed = lines.map((l, i) => l + eol(i)).join('');
  assert.ok(mixed.includes('\r\n') && /\r[^\n]/.test(mixed));
  assert.deepStrictEqual(clean(mixed).model, seedModel);
});

test('tabs instead of spaces: the heading is still read, ranges index the original text', () => {
  const tabbed = seed.replace('DE RUEHBS #0995', 'DE\tRUEHBS\t#0995').replace('R 201547Z JUL 09', 'R\t201547Z\tJUL\t09').replace('TAGS: ', 'TAGS:\t');
  const { model } = clean(tabbed);
  assert.equal(model.header.de?.station.text, 'RUEHBS');
  assert.equal(model.dtg?.iso, seedModel.dtg?.iso);
  const line = model.lines[model.dtg!.range.start.line]!;
  assert.equal(line.slice(model.dtg!.range.start.character, model.dtg!.range.end.character), 'R\t201547Z\tJUL\t09'.slice(2));
  assert.ok(model.tags && model.tags.tags.length >= 5);
});

test('a 100 000-character line: linear, and every feature answers on it', () => {
  const long = 'X'.repeat(20_000) + ' 201547Z JUL 09 (C) 09 STATE 71326 ' + 'A.B. '.repeat(16_000);
  assert.ok(long.length >= 100_000);
  for (const text of [head + '1. (C) ' + long + '\n', long, '('.repeat(100_000), '1.'.repeat(50_000), 'TAGS: ' + 'PREL, '.repeat(17_000), 'E.O. 12958: DECL: ' + '0'.repeat(100_000)]) {
    const lines = text.split('\n');
    const positions = [...probePositions(lines, 10), { line: lines.length - 2 < 0 ? 0 : lines.length - 2, character: 50_000 }];
    const { ms } = timed(() => clean(text, positions));
    assert.ok(ms < 3000, `100 000-character line handled in ${ms.toFixed(0)} ms`);
  }
});

const LONG_PARAGRAPH = 'Poloff met the minister on the question of the day; the minister said nothing new, and said it at length. '.repeat(7);

/**
 * A classified cable of about `bytes` bytes: the seed heading, then numbered paragraphs as long as real
 * ones (about 750 characters), numbered 1 to 900 over and over, the first one unmarked.
 */
function bigCable(bytes: number): string {
  const parts = [head, '1. Unmarked paragraph in a classified cable.\n\n'];
  let size = head.length;
  for (let n = 2; size < bytes; n++) {
    const p = `${(n % 900) + 1}. (C) ${LONG_PARAGRAPH}\n\n`;
    parts.push(p);
    size += p.length;
  }
  return parts.join('');
}

test('a 50 MB file: parsed, outlined and checked in seconds; the costly rules are skipped above cable.maxFileSize', () => {
  const text = bigCable(50 * 1024 * 1024);
  const { value: model, ms: parseMs } = timed(() => parseCable(text));
  const { value: diags, ms: lintMs } = timed(() => computeDiagnostics(model, defaults, dict));
  const { value: symbols, ms: outlineMs } = timed(() => documentSymbols(model));
  const { ms: foldMs } = timed(() => foldingRanges(model));
  assert.ok(parseMs + lintMs + outlineMs + foldMs < 15_000, `parse ${parseMs.toFixed(0)} ms, lint ${lintMs.toFixed(0)} ms, outline ${outlineMs.toFixed(0)} ms, folding ${foldMs.toFixed(0)} ms`);
  assert.equal(model.banner?.level, 'C');
  assert.ok(symbols.length > 100, 'the outline is kept');
  const costly = ['portion-marking-missing', 'paragraph-numbering'];
  assert.ok(!diags.some((d) => costly.includes(String(d.code))), 'costly rules are skipped over the limit');
  // Under a raised limit the same document gets every rule: the skip is the limit's doing, not a bug.
  const full = computeDiagnostics(model, resolveSettings({ maxFileSize: 100 * 1024 * 1024 }), dict);
  assert.ok(full.some((d) => d.code === 'portion-marking-missing'));
});

test('10 000 paragraphs: no false numbering reports, linear time', () => {
  const parts = [head];
  for (let n = 1; n <= 10_000; n++) parts.push(`${n}. (C) Paragraph ${n} of a very long cable.\n\n`);
  const text = parts.join('');
  const { value: out, ms } = timed(() => clean(text, [{ line: 40, character: 3 }, { line: 20_000, character: 2 }]));
  assert.ok(ms < 5000, `10 000 paragraphs in ${ms.toFixed(0)} ms`);
  assert.ok(out.model.paragraphs.length >= 999);
  assert.deepEqual(codes(text).filter((c) => c === 'paragraph-numbering' || c === 'portion-marking-missing'), []);
});

test('deeply repeated headers: the routing block 3 000 times over', () => {
  const block = 'VZCZCXYZ0015\nRR RUEHWEB\nDE RUEHBS #0995 2011547\nZNY CCCCC ZZH\nR 201547Z JUL 09\nFM AMEMBASSY BRUSSELS\nTO RUEHC/SECSTATE WASHDC 9227\nBT\n';
  const text = block.repeat(3000) + head + '1. (C) Text.\n';
  const { value: out, ms } = timed(() => clean(text, [{ line: 5, character: 3 }, { line: 12_000, character: 4 }]));
  assert.ok(ms < 5000, `repeated headers in ${ms.toFixed(0)} ms`);
  assert.equal(out.model.header.dtgLine?.dtg?.iso, '2009-07-20T15:47:00Z');
  // Repeated banners, section by section.
  const sections = Array.from({ length: 2000 }, (_, i) => `C O N F I D E N T I A L SECTION ${i + 1} OF 2000 BRUSSELS 000995\n\n${i + 1}. (C) Text.\n\n`).join('');
  const t2 = timed(() => clean(head + sections, [{ line: 30, character: 2 }]));
  assert.ok(t2.ms < 5000, `2 000 sections in ${t2.ms.toFixed(0)} ms`);
});

test('unterminated SUMMARY, COMMENT and BEGIN TEXT: blocks end somewhere inside the text', () => {
  for (const opener of ['SUMMARY:', 'COMMENT:', 'BEGIN TEXT:', 'BEGIN QUOTE']) {
    const text = seed.replace('1. (C) Poloff', `${opener}\n\n1. (C) Poloff`);
    const { model } = clean(text);
    assert.ok(model.blocks.length >= 1, `${opener} read as a block`);
  }
  // A cable of nothing but openers.
  clean(Array.from({ length: 5000 }, (_, i) => ['SUMMARY:', 'COMMENT:', 'BEGIN TEXT:', '1. (C) SUMMARY: x'][i % 4]).join('\n'));
  clean(Array.from({ length: 5000 }, (_, i) => ['END SUMMARY.', 'END COMMENT.', 'END TEXT', 'END QUOTE'][i % 4]).join('\n'));
});

test('every line a DTG: one heading DTG at most, no quadratic work', () => {
  const dtgs = ['201547Z JUL 09', 'R 201547Z JUL 09', '999999Z XXX 99', '311547Z APR 09', '201547J JLY 09'];
  const text = Array.from({ length: 20_000 }, (_, i) => dtgs[i % dtgs.length]).join('\n');
  const { ms } = timed(() => clean(text, [{ line: 0, character: 3 }, { line: 1, character: 5 }, { line: 19_999, character: 2 }]));
  assert.ok(ms < 5000, `20 000 DTG lines in ${ms.toFixed(0)} ms`);
});
