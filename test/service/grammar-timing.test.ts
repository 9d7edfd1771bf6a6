// The grammar must never make the editor hang: tokenizes pathological lines and a 1 MB cable with the
// engine VS Code uses (vscode-textmate 9.2 + Oniguruma WebAssembly) and checks that time grows linearly
// with line length. Times are printed as test diagnostics.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as vsctm from 'vscode-textmate';
import { loadCableGrammar } from '../grammar/engine.ts';

const snapshotsDir = fileURLToPath(new URL('../grammar/snapshots/', import.meta.url));

/** Milliseconds to tokenize `line` after the lines in `context` (which set up the rule stack); best of 3. */
function timeLine(grammar: vsctm.IGrammar, context: string[], line: string): number {
  let stack = vsctm.INITIAL;
  for (const c of context) stack = grammar.tokenizeLine(c, stack).ruleStack;
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const r = grammar.tokenizeLine(line, stack);
    best = Math.min(best, performance.now() - t0);
    assert.equal(r.stoppedEarly, false);
  }
  return best;
}

const shapes: Record<string, (n: number) => string> = {
  parens: (n) => '('.repeat(n),
  letters: (n) => 'A'.repeat(n),
  digits: (n) => '7'.repeat(n),
  spaces: (n) => ' '.repeat(n),
  'lower-case words': (n) => 'ab '.repeat(Math.ceil(n / 3)).slice(0, n),
  'X run then letter': (n) => 'X'.repeat(n - 1) + 'a',
  'paragraph head then parens': (n) => ('1. (' + 'C ('.repeat(n)).slice(0, n),
  'slashes and digits': (n) => '1/'.repeat(Math.ceil(n / 2)).slice(0, n),
};

/** Lines that open each multi-line context, so the pathological line is scanned by that context's rules. */
const contexts: Record<string, string[]> = {
  body: [],
  'routing header': ['VZCZCXYZ0001', 'RR RUEHAA'],
  addressing: ['R 011200Z JAN 09', 'FM AMEMBASSY ERUDITE'],
  tags: ['TAGS: PREL PGOV'],
  subject: ['SUBJECT: A SUBJECT'],
  reference: ['REF: STATE 1234'],
  'classified by': ['Classified By: Someone for reasons 1.4 (b)'],
};

test('pathological 100 000-character lines tokenize in linear time', async (t) => {
  const grammar = await loadCableGrammar();
  // warm the WebAssembly and the scanners
  for (const make of Object.values(shapes)) timeLine(grammar, [], make(2000));

  const rows: string[] = [];
  for (const [contextName, context] of Object.entries(contexts)) {
    for (const [shape, make] of Object.entries(shapes)) {
      const small = timeLine(grammar, context, make(25_000));
      const large = timeLine(grammar, context, make(100_000));
      rows.push(`${contextName} / ${shape}: 25k ${small.toFixed(1)} ms, 100k ${large.toFixed(1)} ms`);
      // Generous bound: a quadratic rule takes tens of seconds on 100 000 characters.
      assert.ok(large < 10_000, `${contextName} / ${shape}: ${large.toFixed(0)} ms for 100 000 characters`);
      // Four times the input may take at most 12x the time (linear is 4x, quadratic 16x); below 200 ms the
      // ratio is mostly timer, garbage-collector and shared-machine noise, and the absolute bound applies.
      if (large > 200) {
        assert.ok(large / Math.max(small, 1) < 12, `${contextName} / ${shape}: ${small.toFixed(1)} ms → ${large.toFixed(1)} ms`);
      }
    }
  }
  for (const r of rows) t.diagnostic(r);
});

test('a 1 MB cable tokenizes at editor speed', async (t) => {
  const grammar = await loadCableGrammar();
  const parts = readdirSync(snapshotsDir)
    .filter((f) => f.endsWith('.cable'))
    .map((f) => readFileSync(snapshotsDir + f, 'utf8'));
  assert.ok(parts.length >= 5, 'synthetic snapshot cables are missing');
  // One header, then body text repeated until 1 MB: a single enormous cable, as one long telegram would be.
  const chunks: string[] = [];
  let size = 0;
  for (let i = 0; size < 1_000_000; i++) {
    const part = parts[i % parts.length]!;
    chunks.push(part);
    size += part.length;
  }
  const text = chunks.join('\n');
  const lines = text.split('\n');
  let stack = vsctm.INITIAL;
  let slowest = 0;
  const t0 = performance.now();
  for (const line of lines) {
    const l0 = performance.now();
    stack = grammar.tokenizeLine(line, stack).ruleStack;
    slowest = Math.max(slowest, performance.now() - l0);
  }
  const ms = performance.now() - t0;
  const mbPerSec = text.length / 1e6 / (ms / 1000);
  t.diagnostic(`1 MB cable: ${lines.length} lines in ${ms.toFixed(0)} ms (${mbPerSec.toFixed(2)} MB/s), slowest line ${slowest.toFixed(1)} ms`);
  assert.ok(ms < 20_000, `1 MB took ${ms.toFixed(0)} ms`);
});
