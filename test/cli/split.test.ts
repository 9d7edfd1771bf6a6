/**
 * CableSplitter: a stream of cables one after another is cut at each cable's first line, whatever the
 * chunks it arrives in, with each piece's first line counted as the parser counts lines.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CableSplitter, type Piece } from '../../server/src/cli/split.ts';
import { splitLines } from '../../server/src/service/text.ts';
import { CLEAN, CLEAN_UNCLAS } from '../service/rulesHelpers.ts';

const EXTRACT = 'This record is a partial extract of the original cable. The full text of the original cable is not available.\n\n291359Z Nov 00\n\nUNCLAS SECTION 01 OF 02 HARARE 006677\n\n1. (U) Text.\n';

function split(chunks: string[], limit = 1 << 20): Piece[] {
  const s = new CableSplitter(limit);
  const out: Piece[] = [];
  for (const c of chunks) out.push(...s.push(c));
  out.push(...s.end());
  return out;
}

/** Cuts `text` at the given offsets. */
function chunked(text: string, cuts: number[]): string[] {
  const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  const out: string[] = [];
  let prev = 0;
  for (const c of at) {
    out.push(text.slice(prev, c));
    prev = c;
  }
  out.push(text.slice(prev));
  return out;
}

test('cables one after another: one piece each, at the line each starts on', () => {
  assert.match(CLEAN, /^VZCZC/);
  const stream = CLEAN + CLEAN_UNCLAS + EXTRACT;
  const pieces = split([stream]);
  assert.deepEqual(
    pieces.map((p) => p.text),
    [CLEAN, CLEAN_UNCLAS, EXTRACT],
  );
  assert.deepEqual(
    pieces.map((p) => p.line),
    [0, splitLines(CLEAN).length - 1, splitLines(CLEAN + CLEAN_UNCLAS).length - 1],
  );
});

test('a routing line inside a cable (after DESTINATION:) or a banner is no boundary', () => {
  const one = CLEAN.replace('\n\n', '\n\nDESTINATION: VZCZCXRO3981RUEHDE RUEHDIR\n\n') + 'C O N F I D E N T I A L SECTION 02 OF 02 PARIS 000123\n\n3. (C) More.\n';
  assert.deepEqual(split([one]).map((p) => p.text), [one]);
});

test('blank lines before the first cable make no piece; text before it does', () => {
  assert.deepEqual(split(['\n\n  \n' + CLEAN]).map((p) => p.line), [3]);
  const preamble = 'Cables exported 2011-08-30\n\n';
  assert.deepEqual(split([preamble + CLEAN]).map((p) => p.text), [preamble, CLEAN]);
});

test('CRLF and lone CR count as line ends, as the parser counts them', () => {
  const crlf = (CLEAN + CLEAN_UNCLAS).replace(/\n/g, '\r\n');
  const pieces = split([crlf]);
  assert.equal(pieces.length, 2);
  assert.equal(pieces[1]!.line, splitLines(CLEAN.replace(/\n/g, '\r\n')).length - 1);
  const cr = (CLEAN + CLEAN_UNCLAS).replace(/\n/g, '\r');
  assert.equal(split([cr])[1]!.line, pieces[1]!.line);
});

test('the same pieces whatever the chunks (property)', () => {
  const stream = (CLEAN + '\r\n' + CLEAN_UNCLAS.replace(/\n/g, '\r\n') + EXTRACT.replace(/\n/g, '\r') + CLEAN).slice(0, 20000);
  const whole = split([stream]);
  fc.assert(
    fc.property(fc.array(fc.nat(), { maxLength: 40 }), (cuts) => {
      assert.deepEqual(split(chunked(stream, cuts)), whole);
    }),
    { numRuns: 1000 },
  );
});

test('a chunk that is a lone CR, then one that starts with LF: one line end', () => {
  const stream = CLEAN.replace(/\n/g, '\r\n') + CLEAN_UNCLAS;
  // Just after a line end, so nothing of the line is held when the CR comes.
  const at = CLEAN.replace(/\n/g, '\r\n').indexOf('\r\n\r\nC O N F') + 2;
  assert.deepEqual(split([stream.slice(0, at), '\r', stream.slice(at + 1)]), split([stream]));
});

test('a cable longer than the limit: its head is a truncated piece, the rest is skipped up to the next cable', () => {
  const long = CLEAN + 'FILLER LINE OF THE BODY\n'.repeat(200);
  const pieces = split([long + CLEAN_UNCLAS], 2000);
  assert.equal(pieces.length, 2);
  assert.equal(pieces[0]!.truncated, true);
  assert.ok(pieces[0]!.text.length <= 2000);
  assert.ok(long.startsWith(pieces[0]!.text));
  assert.equal(pieces[1]!.text, CLEAN_UNCLAS);
  assert.equal(pieces[1]!.line, splitLines(long).length - 1);
});

test('a line longer than the limit, in many chunks, never piles up', () => {
  const s = new CableSplitter(1000);
  const out: Piece[] = [...s.push(CLEAN)];
  for (let i = 0; i < 100; i++) out.push(...s.push('X'.repeat(700)));
  out.push(...s.push('\n' + CLEAN_UNCLAS));
  out.push(...s.end());
  assert.equal(out.length, 2);
  assert.equal(out[0]!.truncated, true);
  assert.ok(out[0]!.text.length <= 1000);
  assert.equal(out[1]!.text, CLEAN_UNCLAS);
  assert.equal(out[1]!.line, splitLines(CLEAN).length);
});
