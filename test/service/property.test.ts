/**
 * Property tests (fast-check) over generated cables and over random edits of the seed cable: the parser
 * and every feature never throw, every range lies inside the document and is ordered, symbols nest,
 * incremental edits give the same model as a fresh parse, and the same input gives the same output.
 *
 * Runs are bounded (CABLE_FC_RUNS, default 200) so the tier stays fast. A failure is shrunk by
 * fast-check and written to test/fixtures/shrunk/ (commit it with the fix): shrunk.test.ts replays
 * every file there on each run. CABLE_FC_SEED replays one seed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import { parseCable } from '../../server/src/service/parse.ts';
import { plainModel } from '../../server/src/service/model.ts';
import { computeDiagnostics } from '../../server/src/service/diagnostics.ts';
import { applyChangesNaively, defaults, dict, exercise } from './invariants.ts';
import { applyFractionEdit, bodyHeavyCable, cableText, fractionEdit, insertion } from './cableArbitrary.ts';

const RUNS = Number(process.env.CABLE_FC_RUNS ?? 200);
const SEED = process.env.CABLE_FC_SEED !== undefined ? Number(process.env.CABLE_FC_SEED) : undefined;
export const SHRUNK_DIR = join(__dirname, '..', 'fixtures', 'shrunk');
const seedText = readFileSync(join(__dirname, '..', 'fixtures', 'seed', '09BRUSSELS995.cable'), 'utf8');

/** A shrunk counterexample, as saved and replayed: a text to exercise, or a text and its LSP edits. */
export interface ShrunkCase {
  property: string;
  text: string;
  changes?: { range: Range; text: string }[];
  violations: string[];
}

function save(c: ShrunkCase): string {
  mkdirSync(SHRUNK_DIR, { recursive: true });
  const hash = createHash('sha256').update(c.text).update(JSON.stringify(c.changes ?? [])).digest('hex').slice(0, 10);
  const file = join(SHRUNK_DIR, `${c.property}-${hash}.json`);
  writeFileSync(file, JSON.stringify(c, null, 2) + '\n');
  return file;
}

/** Runs the property; on failure saves the shrunk case and fails with its violations. */
function check<T>(property: string, arb: fc.Arbitrary<T>, toCase: (v: T) => ShrunkCase, runs = RUNS, saveCase = true): void {
  const result = fc.check(
    fc.property(arb, (v) => toCase(v).violations.length === 0),
    { numRuns: runs, seed: SEED, endOnFailure: false },
  );
  if (result.failed && result.counterexample) {
    const c = toCase(result.counterexample[0]);
    // Cases built on corpus text are not saved: corpus text never enters the repository. Their
    // counterexample (file name and edits) is printed instead, to turn into a synthetic fixture.
    if (!saveCase) assert.fail(`${property} failed (seed ${result.seed}): ${JSON.stringify(result.counterexample[0]).slice(0, 2000)}\n${c.violations.slice(0, 10).join('\n')}`);
    const file = save(c);
    assert.fail(`${property} failed (seed ${result.seed}, shrunk case saved to ${file}):\n${c.violations.slice(0, 10).join('\n')}\ntext: ${JSON.stringify(c.text).slice(0, 2000)}`);
  }
  if (result.failed) assert.fail(`${property} failed (seed ${result.seed}) without a counterexample`);
}

test('generated cables: no feature throws, every range is inside the document, symbols nest', () => {
  check('generated', cableText(), (text) => ({ property: 'generated', text, violations: exercise(text).violations }));
});

test('generated bodies (paragraphs, blocks, markers, signatures): same promises', () => {
  check('body', bodyHeavyCable(), (text) => ({ property: 'body', text, violations: exercise(text).violations }));
});

test('random edits of the seed cable: same promises', () => {
  check('seed-edits', fc.array(fractionEdit, { minLength: 1, maxLength: 12 }), (edits) => {
    let text = seedText;
    for (const e of edits) text = applyFractionEdit(text, e).text;
    return { property: 'seed-edits', text, violations: exercise(text).violations };
  });
});

// Real cables, read at run time (never copied into the repository): their structures are richer than
// any generator's. Skipped without ../shared/corpus.
const corpusDir = join(__dirname, '..', '..', '..', 'shared', 'corpus');
const corpusFiles = existsSync(corpusDir) ? readdirSync(corpusDir).filter((f) => f.endsWith('.cable')).sort() : [];

test('random edits of real cables: same promises', { skip: corpusFiles.length ? false : 'no ../shared/corpus' }, () => {
  const arb = fc.tuple(fc.integer({ min: 0, max: Math.max(0, corpusFiles.length - 1) }), fc.array(fractionEdit, { minLength: 1, maxLength: 8 }));
  check(
    'corpus-edits',
    arb,
    ([i, edits]) => {
      let text = readFileSync(join(corpusDir, corpusFiles[i]!), 'utf8');
      for (const e of edits) text = applyFractionEdit(text, e).text;
      // The shrunk case would hold corpus text: only the file name and edits are kept in the message.
      const violations = exercise(text, { positions: undefined }).violations;
      return { property: 'corpus-edits', text, violations: violations.length ? [`${corpusFiles[i]} edited: ${violations.join('; ')}`] : [] };
    },
    Math.max(20, RUNS >> 2),
    false,
  );
});

test('the same input gives the same output', () => {
  check(
    'deterministic',
    cableText(40),
    (text) => {
      const a = exercise(text);
      const b = exercise(text);
      const violations = [...a.violations];
      // The model is compared whole; answers as JSON (functions and undefined dropped, as on the wire).
      try {
        assert.deepStrictEqual(plainModel(b.model), plainModel(a.model));
        assert.equal(JSON.stringify(b.answers), JSON.stringify(a.answers));
      } catch (e) {
        violations.push(`second run differs: ${String(e).slice(0, 500)}`);
      }
      return { property: 'deterministic', text, violations };
    },
    Math.max(20, RUNS >> 2),
  );
});

/** Turns fraction edits into LSP incremental changes against the document as it is at each step. */
function toChanges(start: string, edits: { at: number; remove: number; insert: string }[]): { range: Range; text: string }[] {
  const doc = TextDocument.create('file:///x.cable', 'cable', 1, start);
  const changes: { range: Range; text: string }[] = [];
  let version = 1;
  for (const e of edits) {
    const text = doc.getText();
    const offset = Math.min(text.length, Math.floor(e.at * text.length));
    const end = Math.min(text.length, offset + e.remove);
    const change = { range: { start: doc.positionAt(offset), end: doc.positionAt(end) }, text: e.insert };
    changes.push(change);
    TextDocument.update(doc, [change], ++version);
  }
  return changes;
}

test('a series of incremental edits gives the model and diagnostics of the final text parsed fresh', () => {
  const arb = fc.tuple(fc.oneof(cableText(30), fc.constant(seedText)), fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.integer({ min: 0, max: 40 }), insert: insertion }), { minLength: 1, maxLength: 15 }));
  check('incremental', arb, ([start, edits]) => {
    const changes = toChanges(start, edits);
    const violations: string[] = [];
    // The server's path: one TextDocument updated change by change (several per notification), reparsed.
    const doc = TextDocument.create('file:///x.cable', 'cable', 1, start);
    let version = 1;
    for (let i = 0; i < changes.length; i += 3) TextDocument.update(doc, changes.slice(i, i + 3), ++version);
    const fresh = applyChangesNaively(start, changes);
    if (doc.getText() !== fresh) violations.push('the edited document and the naively edited text differ');
    const edited = parseCable(doc.getText());
    const freshModel = parseCable(fresh);
    try {
      assert.deepStrictEqual(plainModel(edited), plainModel(freshModel));
      assert.deepStrictEqual(computeDiagnostics(edited, defaults, dict), computeDiagnostics(freshModel, defaults, dict));
    } catch (e) {
      violations.push(`incremental result differs from a fresh parse: ${String(e).slice(0, 500)}`);
    }
    violations.push(...exercise(fresh).violations);
    return { property: 'incremental', text: start, changes, violations };
  }, Math.max(20, RUNS >> 2));
});
