// Every regular expression of the TextMate grammar, run by V8 on inputs built to trigger backtracking:
// matching time must grow linearly. (eslint-plugin-regexp checks the same regexes statically; this
// catches what its analysis cannot see, e.g. interplay with look-arounds.) The grammar runs them in
// Oniguruma, which backtracks the same way for these constructs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RE, line, onig } from '../../syntaxes/cable.tmLanguage.src.ts';

/** Inputs that stress the classes the grammar uses: runs of one class, alternations of two, near-misses. */
const attacks = (n: number): string[] => [
  ' '.repeat(n),
  'A'.repeat(n),
  'a'.repeat(n),
  'X'.repeat(n) + '!',
  '1'.repeat(n),
  '('.repeat(n),
  '/'.repeat(n),
  'A '.repeat(n / 2),
  'A, '.repeat(n / 3),
  'AB '.repeat(n / 3) + '!',
  '1.4 '.repeat(n / 4),
  '(C '.repeat(n / 3),
  'RUEHAA '.repeat(n / 7) + 'x',
  'S E C R E T '.repeat(n / 12) + '1',
  'TAGS: ' + 'PREL '.repeat(n / 5) + ':',
  'E.O. 12958: ' + '1/'.repeat(n / 2),
  '1. (' + 'C /'.repeat(n / 3),
  'REF: ' + 'A. STATE '.repeat(n / 9),
  'FM ' + ' '.repeat(n) + 'x',
];

function timeAll(re: RegExp, inputs: string[]): number {
  const t0 = performance.now();
  for (const s of inputs) {
    re.lastIndex = 0;
    re.test(s);
    // the grammar scans from every position of a line, as an unanchored search does
    new RegExp(re.source, re.flags + 'g').exec(s);
  }
  return performance.now() - t0;
}

test('grammar regexes match in linear time', () => {
  const slow: string[] = [];
  for (const [name, re] of Object.entries(RE)) {
    timeAll(re, attacks(1000));
    const small = Math.min(timeAll(re, attacks(10_000)), timeAll(re, attacks(10_000)), timeAll(re, attacks(10_000)));
    const large = Math.min(timeAll(re, attacks(40_000)), timeAll(re, attacks(40_000)), timeAll(re, attacks(40_000)));
    // 4x the input: linear ≈ 4x the time, quadratic ≈ 16x (and seconds at 40 000 characters). The bounds
    // are wide because other processes share the machine: a best-of-three time under 50 ms, or a ratio
    // under 12, is linear, while a quadratic pattern fails both by far.
    if (large > 2000 || (large > 50 && large / Math.max(small, 0.5) > 12)) {
      slow.push(`${name}: ${small.toFixed(1)} ms → ${large.toFixed(1)} ms`);
    }
  }
  assert.deepEqual(slow, []);
});

test('regexes translate to Oniguruma without flags it cannot express', () => {
  for (const [name, re] of Object.entries(RE)) {
    assert.match(re.flags, /^i?$/, name);
    const src = onig(re);
    assert.ok(!/\(\?<[a-z]/i.test(src), `${name} has a named group (Oniguruma would drop numbered captures)`);
  }
  assert.equal(line(/^\s*(FM)/), String.raw`\G\s*(FM)`);
  assert.equal(line(/^\s*(SUBJ)/i), String.raw`(?i)\G\s*(SUBJ)`);
  assert.throws(() => line(/FM/));
  assert.throws(() => onig(/FM/g));
});

test('grammar structure: every scope ends in .cable, every include resolves, every rule is used', async () => {
  const { grammar } = await import('../../syntaxes/cable.tmLanguage.src.ts');
  const names: string[] = [];
  const includes = new Set<string>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if ((k === 'name' || k === 'contentName') && typeof x === 'string') names.push(x);
        else if (k === 'include' && typeof x === 'string') includes.add(x);
        else walk(x);
      }
    }
  };
  walk(grammar.patterns);
  walk(grammar.repository);
  for (const n of names) for (const scope of n.split(' ')) assert.match(scope, /^[a-z]+(?:\.[a-z0-9-]+)*\.cable$/, scope);
  for (const inc of includes) assert.ok(inc.startsWith('#') && inc.slice(1) in grammar.repository, `unresolved include ${inc}`);
  for (const key of Object.keys(grammar.repository)) assert.ok(includes.has(`#${key}`), `repository rule ${key} is never included`);
});
