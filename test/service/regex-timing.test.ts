/**
 * Regex safety, timed. ESLint's regexp plugin proves the patterns linear where it can; this test
 * checks the same by the clock: every regular-expression literal in server/src (found with the
 * TypeScript parser, so a new one is picked up without touching this file) and every TextMate grammar
 * pattern that JavaScript can compile is run against the worst lines we know how to make for it —
 * long runs of the characters and words it mentions, alternating with blanks, ending in a character
 * that spoils the match — and must finish within a generous bound.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const root = join(__dirname, '..', '..');
const N = 20_000;
/** A linear pattern scans 20 000 characters in well under a millisecond; quadratic needs seconds. */
const BOUND_MS = 150;

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sourceFiles(p));
    else if (name.endsWith('.ts')) out.push(p);
  }
  return out;
}

interface Found {
  where: string;
  re: RegExp;
}

function literals(file: string): Found[] {
  const text = readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: Found[] = [];
  const visit = (node: ts.Node) => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const lit = node.getText(sf);
      const slash = lit.lastIndexOf('/');
      const { line } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
      out.push({ where: `${relative(root, file)}:${line + 1}`, re: new RegExp(lit.slice(1, slash), lit.slice(slash + 1)) });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/** Literal characters and words a pattern mentions: what an attacker would repeat to make it work hard. */
function ingredients(source: string): { chars: string[]; words: string[] } {
  const chars = new Set<string>([' ', 'A', 'a', '0', '1', '.', '(', ')', '/', '-', ':']);
  const unescaped = source.replace(/\\[dswb]/gi, ' ');
  for (const c of unescaped) if (c >= ' ' && c <= '~' && !'\\^$|?*+{}[]'.includes(c)) chars.add(c);
  for (const m of source.matchAll(/\\u([0-9a-fA-F]{4})/g)) chars.add(String.fromCharCode(parseInt(m[1]!, 16)));
  const words = [...new Set(source.match(/[A-Z]{2,}/gi) ?? [])].slice(0, 12);
  return { chars: [...chars], words };
}

function* worstLines(source: string): Generator<string> {
  const { chars, words } = ingredients(source);
  for (const c of chars) {
    yield c.repeat(N) + '\u0001';
    yield (c + ' ').repeat(N / 2) + '\u0001';
    yield (c + '0').repeat(N / 2) + '\u0001';
  }
  for (const w of words) {
    yield (w + ' ').repeat(Math.ceil(N / (w.length + 1))) + '\u0001';
    yield w.repeat(Math.ceil(N / w.length)) + '\u0001';
    yield (w + '.').repeat(Math.ceil(N / (w.length + 1))) + '!';
  }
  yield '1. (C) '.repeat(N / 7) + '\u0001';
  yield '201547Z JUL 09 '.repeat(N / 15);
}

/** Time of the slowest input: one exec for a plain pattern, a scan over every match for a global one. */
function worstTime(re: RegExp): { ms: number; input: string } {
  let worst = { ms: 0, input: '' };
  for (const line of worstLines(re.source)) {
    const t0 = performance.now();
    if (re.global || re.sticky) {
      re.lastIndex = 0;
      let guard = 0;
      while (re.exec(line) && guard++ < N) if (re.lastIndex === 0) break;
      re.lastIndex = 0;
    } else re.exec(line);
    const ms = performance.now() - t0;
    if (ms > worst.ms) worst = { ms, input: line.slice(0, 40) };
  }
  return worst;
}

const serverRegexes = sourceFiles(join(root, 'server', 'src')).flatMap(literals);

test('the server has regular expressions to check (the finder works)', () => {
  assert.ok(serverRegexes.length > 50, `found ${serverRegexes.length}`);
});

// An exponential pattern would hang rather than be slow: the timeout turns that into a failure.
test('every regex in server/src stays linear on its worst lines', { timeout: 120_000 }, () => {
  const slow: string[] = [];
  for (const { where, re } of serverRegexes) {
    const w = worstTime(re);
    // Retry once before blaming the pattern: a GC pause or a busy CI core can eat a few milliseconds.
    if (w.ms > BOUND_MS && worstTime(re).ms > BOUND_MS) slow.push(`${where} /${re.source}/ ${w.ms.toFixed(0)} ms on ${JSON.stringify(w.input)}…`);
  }
  assert.deepEqual(slow, []);
});

interface GrammarRule {
  match?: string;
  begin?: string;
  end?: string;
  while?: string;
  patterns?: GrammarRule[];
  repository?: Record<string, GrammarRule>;
}

function grammarPatterns(rule: GrammarRule, path: string, out: { where: string; source: string }[]): void {
  for (const k of ['match', 'begin', 'end', 'while'] as const) {
    const p = rule[k];
    if (typeof p === 'string') out.push({ where: `${path}.${k}`, source: p });
  }
  rule.patterns?.forEach((r, i) => grammarPatterns(r, `${path}.patterns[${i}]`, out));
  for (const [name, r] of Object.entries(rule.repository ?? {})) grammarPatterns(r, `repository.${name}`, out);
}

/**
 * The Oniguruma pattern as a JS RegExp, where the two mean the same for timing: a leading `(?i)` is the
 * `i` flag, `\\G` (where the last match ended) and `\\A` anchor like `^` at the start of a line. Other
 * Oniguruma-only forms (possessive quantifiers, `\\h`, inline flag groups) are skipped.
 */
function toJs(source: string): RegExp | undefined {
  let flags = '';
  let s = source;
  if (s.startsWith('(?i)')) {
    flags = 'i';
    s = s.slice(4);
  }
  s = s.replace(/\\[GA]/g, '^').replace(/\\z/gi, '$');
  for (const f of [flags + 'u', flags]) {
    try {
      return new RegExp(s, f);
    } catch {
      // try without the unicode flag (looser escapes)
    }
  }
  return undefined;
}

test('every TextMate grammar pattern that JavaScript can compile stays linear on its worst lines', { timeout: 120_000 }, () => {
  const grammar = JSON.parse(readFileSync(join(root, 'syntaxes', 'cable.tmLanguage.json'), 'utf8')) as GrammarRule;
  const patterns: { where: string; source: string }[] = [];
  grammarPatterns(grammar, 'grammar', patterns);
  assert.ok(patterns.length > 10, `found ${patterns.length} grammar patterns`);
  let compiled = 0;
  const slow: string[] = [];
  for (const p of patterns) {
    const re = toJs(p.source);
    if (!re) continue;
    compiled++;
    const w = worstTime(re);
    if (w.ms > BOUND_MS && worstTime(re).ms > BOUND_MS) slow.push(`${p.where} /${p.source}/ ${w.ms.toFixed(0)} ms on ${JSON.stringify(w.input)}…`);
  }
  assert.ok(compiled >= patterns.length * 0.9, `${compiled} of ${patterns.length} grammar patterns compile as JS`);
  assert.deepEqual(slow, []);
});
