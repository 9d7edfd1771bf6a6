/**
 * Corpus throughput against the floor any parser pays, measured in the same run over the same files:
 *  - baseline: read the bytes, decode them as UTF-8, split into lines;
 *  - parse:    read, decode, parseCable;
 *  - lint:     read, decode, parseCable, every rule (computeDiagnostics with the default settings).
 * In rounds: each round times one pass of each, one after the other, so the three see the same state of
 * a shared machine, and the ratio to the baseline is taken within each round (the median over rounds is
 * reported) rather than between passes timed seconds apart. CPU time (user + system of this process) is
 * reported beside wall time because the machine may be shared.
 *
 * And `cable lint` over the whole corpus as a separate process (dist/cli.js), with its worker threads
 * (the default) and without (--jobs 1), best of three runs, wall clock.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Engine } from './engine.ts';

export interface Pass {
  files: number;
  bytes: number;
  wallMs: number;
  cpuMs: number;
}

export const mbps = (bytes: number, ms: number) => bytes / 1e6 / (ms / 1000);

export function corpusFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.cable'))
    .sort()
    .map((f) => join(dir, f));
}

/**
 * Warm-up rounds before the timed ones. Over this corpus V8's optimising compiler settles after some ten
 * passes (parse passes over the texts in memory, measured: 738, 434, 160, 141, 122, 115, 107 ms, then
 * 101–108 ms from the tenth on); the server, or a lint of a whole archive, runs long past that point, so
 * the figures are those after it.
 */
const WARMUP_ROUNDS = 10;

export interface CorpusThroughput {
  baseline: Pass;
  parse: Pass;
  lint: Pass;
  /** Median over the timed rounds of (pass CPU time / baseline CPU time in the same round). */
  parseRatio: number;
  lintRatio: number;
  rounds: number;
  warmupRounds: number;
  diagnostics: number;
}

const median = (v: number[]) => [...v].sort((a, b) => a - b)[v.length >> 1]!;

export function benchCorpus(dir: string, engine: Engine, rounds = 7): CorpusThroughput {
  const { splitLines, parseCable, computeDiagnostics, resolveSettings, Dictionary } = engine;
  const files = corpusFiles(dir);
  const settings = resolveSettings(undefined);
  const dict = Dictionary.default();
  let diagnostics = 0;
  let sink = 0;
  const works = [
    (t: string) => splitLines(t).length,
    (t: string) => parseCable(t).lineCount,
    (t: string) => (diagnostics = computeDiagnostics(parseCable(t), settings, dict).length),
  ];
  const pass = (work: (text: string) => number): Pass => {
    let bytes = 0;
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    for (const f of files) {
      const buf = readFileSync(f);
      bytes += buf.length;
      sink += work(buf.toString('utf8'));
    }
    const wallMs = performance.now() - t0;
    const c = process.cpuUsage(c0);
    return { files: files.length, bytes, wallMs, cpuMs: (c.user + c.system) / 1000 };
  };
  const timed: Pass[][] = [[], [], []];
  for (let r = 0; r < WARMUP_ROUNDS + rounds; r++) {
    for (let k = 0; k < works.length; k++) {
      const p = pass(works[k]!);
      if (r >= WARMUP_ROUNDS) timed[k]!.push(p);
    }
  }
  if (sink < 0) throw new Error('unreachable');
  const best = (ps: Pass[]): Pass => ({ ...ps[0]!, wallMs: Math.min(...ps.map((p) => p.wallMs)), cpuMs: Math.min(...ps.map((p) => p.cpuMs)) });
  const ratio = (k: number) => median(timed[k]!.map((p, r) => p.cpuMs / timed[0]![r]!.cpuMs));
  return {
    baseline: best(timed[0]!),
    parse: best(timed[1]!),
    lint: best(timed[2]!),
    parseRatio: ratio(1),
    lintRatio: ratio(2),
    rounds,
    warmupRounds: WARMUP_ROUNDS,
    diagnostics,
  };
}

export interface ProcessRun {
  workers: string;
  bestMs: number;
  /** User + system CPU of the whole process (all its threads) in the best run. */
  cpuMs: number;
  runs: number[];
  exitCode: number | null;
  summary: string;
}

/** `node dist/cli.js lint [--jobs N] DIR` as a child process, best of `runs`. */
export function benchLintProcess(root: string, dir: string, jobs: string | undefined, runs = 3): ProcessRun | undefined {
  const cli = join(root, 'dist', 'cli.js');
  if (!existsSync(cli)) return undefined;
  const times: number[] = [];
  let cpuMs = Infinity;
  let exitCode: number | null = null;
  let summary = '';
  // The CLI as bin/cable.js starts it, plus a line on stderr with the process's CPU time at exit
  // (process.cpuUsage counts every thread, workers included).
  const wrapper =
    `process.on('exit', () => { const u = process.cpuUsage(); process.stderr.write('\\nCPU_US ' + (u.user + u.system) + '\\n'); });` +
    `process.argv = [process.argv[0], ${JSON.stringify(cli)}, 'lint', ${jobs === undefined ? '' : `'--jobs', ${JSON.stringify(jobs)}, `}${JSON.stringify(dir)}]; require(${JSON.stringify(cli)}).run();`;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, ['-e', wrapper], { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
    const ms = performance.now() - t0;
    const err = r.stderr.toString();
    const cpu = /CPU_US (\d+)/.exec(err);
    if (ms < Math.min(...times, Infinity) && cpu) cpuMs = Number(cpu[1]) / 1000;
    times.push(ms);
    exitCode = r.status;
    const at = err.lastIndexOf('CPU_US');
    summary = (at >= 0 ? err.slice(0, at) : err).trim().split('\n').pop() ?? '';
  }
  return { workers: jobs ?? 'default', bestMs: Math.min(...times), cpuMs, runs: times, exitCode, summary };
}

/** Node start-up alone (`node -e 0`), the floor under any process figure. */
export function nodeStartMs(runs = 3): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    execFileSync(process.execPath, ['-e', '0']);
    times.push(performance.now() - t0);
  }
  return Math.min(...times);
}
