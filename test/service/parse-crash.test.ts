/**
 * A parser crash (an internal error: a bug) on one line, made on purpose with the test hook
 * failParsesAtLine: the line is left out, recorded as a parser-error problem where it stands, the error
 * reaches onError with its stack, and every other line is read as it would have been.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { failParsesAtLine, parseCable } from '../../server/src/service/parse.ts';
import { plainModel } from '../../server/src/service/model.ts';
import { CLEAN } from './rulesHelpers.ts';

const lines = CLEAN.split('\n');
const lineOf = (prefix: string) => lines.findIndex((l) => l.startsWith(prefix));

function parseFailingAt(line: number, text = CLEAN): { doc: ReturnType<typeof parseCable>; errors: { err: unknown; line: number }[] } {
  const errors: { err: unknown; line: number }[] = [];
  failParsesAtLine(line);
  try {
    return { doc: parseCable(text, { onError: (err, l) => errors.push({ err, line: l }) }), errors };
  } finally {
    failParsesAtLine(undefined);
  }
}

test('a paragraph line the parser fails on is left out; the lines before and after are read', () => {
  const line = lineOf('2. (C)');
  const { doc, errors } = parseFailingAt(line);
  const problems = doc.problems.filter((p) => p.code === 'parser-error');
  assert.equal(problems.length, 1);
  assert.equal(problems[0]!.range.start.line, line);
  assert.equal(problems[0]!.range.end.character, lines[line]!.length);
  assert.match(problems[0]!.message, new RegExp(`failed reading line ${line + 1} \\(the parse fails at line ${line + 1} on purpose`));
  assert.deepEqual(
    doc.paragraphs.map((p) => p.number.value),
    [1, 3],
  );
  assert.equal(doc.identity.id, '09PARIS123');
  assert.equal(doc.signature?.text, 'SAMPLE');
  assert.equal(errors.length, 1);
  assert.equal(errors[0]!.line, line);
  assert.ok(errors[0]!.err instanceof Error && /at readLine/.test(errors[0]!.err.stack ?? ''), 'the error comes with its stack');
});

test('a failed banner line still starts the heading, so the heading and the text are read', () => {
  const { doc } = parseFailingAt(lineOf('C O N F I D E N T I A L'));
  assert.equal(doc.banner, undefined);
  assert.equal(doc.subject?.text, 'FRENCH VIEWS ON A SAMPLE TOPIC');
  assert.equal(doc.paragraphs.length, 3);
  assert.ok(doc.problems.some((p) => p.code === 'parser-error'));
});

test('without a failure the model is the same as one parsed with an onError that never hears anything', () => {
  const errors: unknown[] = [];
  assert.deepEqual(plainModel(parseCable(CLEAN, { onError: (e) => errors.push(e) })), plainModel(parseCable(CLEAN)));
  assert.deepEqual(errors, []);
  assert.deepEqual(parseCable(CLEAN).problems, []);
});
