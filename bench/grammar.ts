// Tokenization throughput of the TextMate grammar over a directory of cables, with the engine VS Code
// uses (vscode-textmate + Oniguruma WebAssembly). One warm-up pass first, so the numbers are those of
// an editor that has been open for a while, not of WebAssembly compilation. CPU time is reported next
// to wall time because the machine may be shared; the slowest lines are re-timed (best of 5, from the
// same rule stack) so that one preempted line does not pass for a slow rule.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as vsctm from 'vscode-textmate';
import { loadCableGrammar } from '../test/grammar/engine.ts';

export interface GrammarBench {
  files: number;
  bytes: number;
  lines: number;
  ms: number;
  mbPerSec: number;
  cpuMs: number;
  cpuMbPerSec: number;
  slowestLineMs: number;
  slowestLineFile: string;
}

export const GRAMMAR_TARGET_MB_PER_SEC = 2;
export const GRAMMAR_TARGET_LINE_MS = 10;

interface LineTiming {
  ms: number;
  file: string;
  lineNo: number;
  line: string;
  stack: vsctm.StateStack;
}

export async function benchGrammar(corpusDir: string): Promise<GrammarBench> {
  const grammar = await loadCableGrammar();
  const files = readdirSync(corpusDir)
    .filter((f) => f.endsWith('.cable'))
    .sort()
    .map((f) => ({ name: f, lines: readFileSync(join(corpusDir, f), 'utf8').split('\n') }));
  if (files.length === 0) throw new Error(`no .cable files in ${corpusDir}`);
  const pass = (collect?: LineTiming[]) => {
    for (const f of files) {
      let stack = vsctm.INITIAL;
      f.lines.forEach((line, i) => {
        const t0 = performance.now();
        const next = grammar.tokenizeLine(line, stack).ruleStack;
        const ms = performance.now() - t0;
        if (collect && (collect.length < 20 || ms > collect[collect.length - 1]!.ms)) {
          collect.push({ ms, file: f.name, lineNo: i + 1, line, stack });
          collect.sort((a, b) => b.ms - a.ms);
          collect.length = Math.min(collect.length, 20);
        }
        stack = next;
      });
    }
  };
  pass();

  const slowest: LineTiming[] = [];
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  pass(slowest);
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;

  let slowestLineMs = 0;
  let slowestLineFile = '';
  for (const s of slowest) {
    let best = Infinity;
    for (let i = 0; i < 5; i++) {
      const l0 = performance.now();
      grammar.tokenizeLine(s.line, s.stack);
      best = Math.min(best, performance.now() - l0);
    }
    if (best > slowestLineMs) {
      slowestLineMs = best;
      slowestLineFile = `${s.file}:${s.lineNo} (${s.line.length} chars)`;
    }
  }
  let bytes = 0;
  let lines = 0;
  for (const f of files) {
    lines += f.lines.length;
    for (const l of f.lines) bytes += Buffer.byteLength(l) + 1;
  }
  return {
    files: files.length,
    bytes,
    lines,
    ms,
    mbPerSec: bytes / 1e6 / (ms / 1000),
    cpuMs,
    cpuMbPerSec: bytes / 1e6 / (cpuMs / 1000),
    slowestLineMs,
    slowestLineFile,
  };
}

/** The bench's report lines for the grammar. */
export function formatGrammarBench(r: GrammarBench): string {
  const best = Math.max(r.mbPerSec, r.cpuMbPerSec);
  return (
    `\nTextMate grammar (vscode-textmate 9.2 + Oniguruma): ${r.files} files, ${(r.bytes / 1e6).toFixed(2)} MB, ${r.lines} lines\n` +
    `  wall ${r.ms.toFixed(0)} ms = ${r.mbPerSec.toFixed(2)} MB/s; CPU ${r.cpuMs.toFixed(0)} ms = ${r.cpuMbPerSec.toFixed(2)} MB/s\n` +
    `  slowest line ${r.slowestLineMs.toFixed(2)} ms (best of 5): ${r.slowestLineFile}\n` +
    `  target ${GRAMMAR_TARGET_MB_PER_SEC} MB/s and no line over ${GRAMMAR_TARGET_LINE_MS} ms: ` +
    `${best >= GRAMMAR_TARGET_MB_PER_SEC && r.slowestLineMs <= GRAMMAR_TARGET_LINE_MS ? 'met' : 'NOT met'}\n`
  );
}

async function main(): Promise<void> {
  const dir = process.argv[2] ?? join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', 'shared', 'corpus');
  process.stdout.write(formatGrammarBench(await benchGrammar(dir)));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) void main();
