/**
 * Where the cables of a file start (service/sequence.ts): bundles cut at their routing lines, partial
 * extract notes, end-of-message NNNN and banners with headings of their own; single cables with repeated
 * banners, later sections, a repeated header or a quoted cable left whole. Over the corpus (read at run
 * time): no file is cut, and the corpus run together as one text is cut back into its cables.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cableText, findCableStarts, mayHoldSeveral, parseCableFile } from '../../server/src/service/sequence.ts';
import { parseCable } from '../../server/src/service/parse.ts';
import { atPosition, fileFoldingRanges, fileSymbols, partAtLine, shiftRanges } from '../../server/src/service/features/perCable.ts';
import { documentSymbols } from '../../server/src/service/features/symbols.ts';

const root = join(__dirname, '..', '..');
const fixtures = join(root, 'test', 'fixtures', 'multi');
const corpus = join(root, '..', 'shared', 'corpus');
const fixture = (name: string) => readFileSync(join(fixtures, name), 'utf8');
const startLines = (text: string) => findCableStarts(text).map((s) => s.line);
/** The 0-based line of the first line that is exactly `line`, after `from`. */
const lineOf = (text: string, line: string, from = 0) => text.split('\n').indexOf(line, from);

test('a bundle of routed cables ending in NNNN is cut at each transmission line', () => {
  const text = fixture('routing-bundle.cables');
  assert.deepEqual(startLines(text), [0, lineOf(text, 'VZCZCXRO1002'), lineOf(text, 'VZCZCXRO1003')]);
  const file = parseCableFile(text, parseCable);
  assert.deepEqual(
    file.parts.map((p) => p.model.identity.id),
    ['09PARIS1234', '09MADRID567', '09ROME890'],
  );
  // Each cable's text ends before the next one's first line.
  assert.equal(file.parts[0]!.model.lines.at(-1), '');
  assert.equal(file.parts[0]!.model.lines.at(-2), 'NNNN');
});

test('partial-extract notes each open a cable; a later section of the first stays in it', () => {
  const text = fixture('extracts-bundle.cables');
  const second = text.split('\n').indexOf('This record is a partial extract of the original cable. The full text of the original cable is not available.', 1);
  assert.deepEqual(startLines(text), [0, second]);
});

test('a banner with its own heading after a cable with paragraphs opens the next cable; SECTION 02 does not', () => {
  const text = fixture('banner-bundle.cables');
  assert.deepEqual(startLines(text), [0, lineOf(text, 'CONFIDENTIAL STATE 012399')]);
  const file = parseCableFile(text, parseCable);
  assert.deepEqual(
    file.parts.map((p) => p.model.subject?.text),
    ['NEW TRAVEL ORDERS FOR THE SPRING', 'DEMARCHE ON THE NEW TREATY TEXT'],
  );
});

test('a cable quoted between BEGIN TEXT and END TEXT stays in the cable that quotes it', () => {
  assert.deepEqual(startLines(fixture('quoted-cable.cables')), [0]);
});

test('one cable whose later sections repeat banner, captions and heading is not cut', () => {
  const text = fixture('sections-one-cable.cables');
  assert.ok(mayHoldSeveral(text), 'the gate lets it through (two TAGS lines): the scan decides');
  assert.deepEqual(startLines(text), [0]);
});

test('a header repeated above the cable (no heading between) is one cable', () => {
  const header = 'VZCZCXRO7000\nOO RUEHC\nDE RUEHNR #0001/01 3501415\nZNY SSSSS ZZH\nO 161415Z DEC 09\nFM AMEMBASSY NAIROBI\nTO RUEHC/SECSTATE WASHDC IMMEDIATE 0140\n';
  const text = `${header}\n09NAIROBI1\n${header}TAGS: PREL KE\nSUBJECT: A TEST\n\nS E C R E T NAIROBI 000001\n\n1. (S) Text of the cable follows here.\n`;
  assert.deepEqual(startLines(text), [0]);
});

test('after NNNN, an archive note (End Cable Text) is no cable: the next routing line is', () => {
  const one = fixture('routing-bundle.cables').split('VZCZCXRO1002')[0]!;
  const text = `${one}\nEnd Cable Text\nVZCZCXRO1004\nRR RUEHWEB\nDE RUEHC #0001 1221400\nTAGS: PREL\nSUBJECT: X\n`;
  assert.deepEqual(startLines(text), [0, lineOf(text, 'VZCZCXRO1004')]);
});

test('CRLF and CR line ends are counted as the parser counts them', () => {
  const lf = fixture('routing-bundle.cables');
  for (const eol of ['\r\n', '\r']) {
    const text = lf.replace(/\n/g, eol);
    assert.deepEqual(startLines(text), startLines(lf), JSON.stringify(eol));
    const file = parseCableFile(text, parseCable);
    assert.deepEqual(
      file.parts.map((p) => p.model.identity.id),
      ['09PARIS1234', '09MADRID567', '09ROME890'],
    );
  }
});

test('a text without two opening signs, an NNNN or two TAGS is one cable without a scan', () => {
  const one = fixture('routing-bundle.cables').split('NNNN')[0]!;
  assert.equal(mayHoldSeveral(one), false);
  assert.equal(parseCableFile(one, parseCable).parts.length, 1);
});

test('features read the cable at a position and move its answer into the file', () => {
  const text = fixture('routing-bundle.cables');
  const file = parseCableFile(text, parseCable);
  const third = file.parts[2]!;
  const subjectLine = lineOf(text, 'SUBJECT: ITALIAN BUDGET FIGURES FOR THE FIRST QUARTER');
  assert.equal(partAtLine(file, subjectLine), third);
  const found = atPosition(file, { line: subjectLine, character: 3 }, (model, at) => {
    assert.equal(at.line, subjectLine - third.line);
    return model.subject!.range;
  });
  assert.equal(found.start.line, subjectLine);
  // The model's own ranges are not changed by the move.
  assert.equal(third.model.subject!.range.start.line, subjectLine - third.line);
  assert.equal(shiftRanges(third.model.subject!.range, 0), third.model.subject!.range);
});

test('the outline has one node per cable, named by its id, holding that cable\'s outline', () => {
  const text = fixture('routing-bundle.cables');
  const file = parseCableFile(text, parseCable);
  const symbols = fileSymbols(file);
  assert.deepEqual(
    symbols.map((s) => s.name),
    ['09PARIS1234', '09MADRID567', '09ROME890'],
  );
  for (const [k, s] of symbols.entries()) {
    const part = file.parts[k]!;
    assert.equal(s.range.start.line, part.line);
    assert.deepEqual(s.children, shiftRanges(documentSymbols(part.model), part.line));
    if (k + 1 < file.parts.length) assert.ok(s.range.end.line < file.parts[k + 1]!.line);
  }
  const folds = fileFoldingRanges(file);
  // Each cable folds to its last line of text, not to the blank lines before the next cable.
  const lastText = (part: (typeof file.parts)[number]) => {
    let l = part.model.lines.length - 1;
    while (l > 0 && part.model.lines[l]!.trim() === '') l--;
    return part.line + l;
  };
  for (const part of file.parts) assert.ok(folds.some((f) => f.startLine === part.line && f.endLine === lastText(part)));
  // A file of one cable keeps its own outline.
  const single = parseCableFile(cableText(text, findCableStarts(text)[0]!, findCableStarts(text)[1]), parseCable);
  assert.deepEqual(fileSymbols(single), documentSymbols(single.parts[0]!.model));
});

const corpusFiles = existsSync(corpus) ? readdirSync(corpus).filter((f) => f.endsWith('.cable')).sort() : [];

test('no corpus cable is cut', { skip: !corpusFiles.length && 'no ../shared/corpus' }, () => {
  const cut = corpusFiles.filter((f) => findCableStarts(readFileSync(join(corpus, f), 'utf8')).length > 1);
  assert.deepEqual(cut, []);
});

test('the corpus run together with NNNN between cables is cut back into its cables', { skip: !corpusFiles.length && 'no ../shared/corpus' }, () => {
  let text = '';
  let line = 0;
  const starts: number[] = [];
  for (const f of corpusFiles) {
    const chunk = `${readFileSync(join(corpus, f), 'utf8').replace(/^\uFEFF/, '').trimEnd()}\nNNNN\n`;
    starts.push(line);
    text += chunk;
    line += chunk.split(/\r\n|\r|\n/).length - 1;
  }
  const found = new Set(startLines(text));
  const missed = corpusFiles.filter((_, k) => !found.has(starts[k]!));
  // Two cables open with lines no cable test knows (an e-mail header, a bare addressee line): they are
  // read with the cable before them. Every other start is found at its first line.
  assert.ok(missed.length <= 2, `missed: ${missed.join(' ')}`);
  assert.ok(found.size >= corpusFiles.length - 2 && found.size <= corpusFiles.length + 2, `found ${found.size} of ${corpusFiles.length}`);
});

test("the file's name is given to its first cable only", () => {
  const seen: (string | undefined)[] = [];
  parseCableFile(fixture('routing-bundle.cables'), (text, options) => {
    seen.push(options?.fileName);
    return parseCable(text, options);
  }, { fileName: 'file:///archive/09PARIS1234.cable' });
  assert.deepEqual(seen, ['file:///archive/09PARIS1234.cable', undefined, undefined]);
});
