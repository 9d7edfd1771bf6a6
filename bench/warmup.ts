/**
 * What V8's warm-up costs `cable lint` over a large archive: one fresh process lints a generated archive
 * (bench/cliArchive.ts, one folder per copy of the corpus) with the bundled engine (bench/engine.ts), in
 * folder order, on one thread, and reports:
 *  - the CPU time of all its threads (from /proc/self/task/<tid>/stat: the main thread, and the others,
 *    which are V8's background compiler and garbage collector) over the first WARM_COPIES copies and over
 *    the rest, per MB: the first copies pay the warm-up, the rest is the steady state;
 *  - from a second run of the same work under `--trace-opt --trace-deopt`: the number of deoptimisations
 *    (by function and reason), of optimising compiles, and their compile time.
 *
 * Standalone: node --import tsx bench/warmup.ts [--archive DIR] [--against REF] [--rounds N] [CORPUS_DIR]
 * or `npm run bench -- --warmup [same options]`. Without --archive, a 160 MB archive is generated into a
 * temporary folder and removed after. With --against REF, the service of that commit (bench/ab.ts) is run
 * too, each round running both engines one after the other, the order swapped every round; figures are
 * medians over rounds. Each run is its own process, since the warm-up is what a process pays once.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { loadRefEngine } from './ab.ts';
import { makeArchive } from './cliArchive.ts';
import { loadEngine } from './engine.ts';

/** Copies of the corpus counted as warm-up: about 35 MB, where the lead saw V8 settle. */
const WARM_COPIES = 4;

/**
 * The child, plain JavaScript run by `node -e` so that nothing but the engine's bundle is compiled in it.
 * argv: engine bundle, archive folder, warm copies. Prints one JSON line.
 */
const CHILD = String.raw`
const { readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
const [enginePath, dir, warmCopies] = process.argv.slice(1);
// utime and stime are fields 14 and 15 of stat, counted after the parenthesised command name; in ticks of 10 ms.
function threadCpuMs() {
  let main = 0, others = 0;
  for (const tid of readdirSync('/proc/self/task')) {
    let stat;
    try { stat = readFileSync('/proc/self/task/' + tid + '/stat', 'utf8'); } catch { continue; }
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ms = (Number(f[11]) + Number(f[12])) * 10;
    if (Number(tid) === process.pid) main += ms; else others += ms;
  }
  return { main, others };
}
const e = require(enginePath);
const settings = e.resolveSettings(undefined);
const dict = e.Dictionary.default();
const lint = e.parseDocument && e.fileDiagnostics
  ? (t) => e.fileDiagnostics(e.parseDocument(t), settings, dict).length
  : (t) => e.computeDiagnostics(e.parseCable(t), settings, dict).length;
const copies = readdirSync(dir).filter((d) => d.startsWith('copy-')).sort();
const phases = [];
let diagnostics = 0;
let c0 = threadCpuMs(), t0 = performance.now(), bytes = 0;
copies.forEach((copy, k) => {
  for (const f of readdirSync(join(dir, copy)).sort()) {
    const buf = readFileSync(join(dir, copy, f));
    bytes += buf.length;
    diagnostics += lint(buf.toString('utf8'));
  }
  if (k + 1 === Number(warmCopies) || k + 1 === copies.length) {
    const c = threadCpuMs();
    phases.push({ bytes, wallMs: performance.now() - t0, mainMs: c.main - c0.main, othersMs: c.others - c0.others });
    c0 = c; t0 = performance.now(); bytes = 0;
  }
});
process.stdout.write(JSON.stringify({ phases, diagnostics }) + '\n');
`;

interface Phase {
  bytes: number;
  wallMs: number;
  mainMs: number;
  othersMs: number;
}

interface Timing {
  warm: Phase;
  steady: Phase;
  diagnostics: number;
}

interface Trace {
  deopts: number;
  /** Deoptimisations by "function: reason", most first. */
  byReason: [string, number][];
  compiles: number;
  compileMs: number;
}

function timeRun(enginePath: string, dir: string): Timing {
  const r = spawnSync(process.execPath, ['-e', CHILD, enginePath, dir, String(WARM_COPIES)], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`warm-up child failed: ${r.stderr}`);
  const out = JSON.parse(r.stdout) as { phases: Phase[]; diagnostics: number };
  return { warm: out.phases[0]!, steady: out.phases[1]!, diagnostics: out.diagnostics };
}

/**
 * V8's trace lines (Node 20): a deoptimisation prints `[bailout (kind: deopt-eager, reason: WHY): begin.
 * deoptimizing ... <JSFunction NAME ...>, ...]`, an optimising compile `[completed compiling ... - took A, B, C ms]`
 * (the three phases: prepare, execute, finalise).
 */
function traceRun(enginePath: string, dir: string): Trace {
  const r = spawnSync(process.execPath, ['--trace-opt', '--trace-deopt', '-e', CHILD, enginePath, dir, String(WARM_COPIES)], { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`warm-up trace child failed: ${r.stderr}`);
  const reasons = new Map<string, number>();
  let deopts = 0;
  let compiles = 0;
  let compileMs = 0;
  for (const line of r.stdout.split('\n')) {
    if (line.startsWith('[bailout (kind: deopt')) {
      deopts++;
      const fn = /<JSFunction (\S*)/.exec(line)?.[1] || '(anonymous)';
      const why = /reason: ([^)]*)\)/.exec(line)?.[1] ?? '?';
      const key = `${fn}: ${why}`;
      reasons.set(key, (reasons.get(key) ?? 0) + 1);
    } else if (line.startsWith('[completed compiling')) {
      compiles++;
      const took = /took ([\d.]+), ([\d.]+), ([\d.]+) ms/.exec(line);
      if (took) compileMs += Number(took[1]) + Number(took[2]) + Number(took[3]);
    }
  }
  return { deopts, byReason: [...reasons].sort((a, b) => b[1] - a[1]), compiles, compileMs };
}

const median = (v: number[]) => [...v].sort((a, b) => a - b)[v.length >> 1]!;
const perMB = (ms: number, bytes: number) => ms / (bytes / 1e6);

interface Side {
  name: string;
  enginePath: string;
  timings: Timing[];
  trace?: Trace;
}

function summary(s: Side): string[] {
  const t = s.timings;
  const warmAll = median(t.map((x) => x.warm.mainMs + x.warm.othersMs));
  const warmMain = median(t.map((x) => x.warm.mainMs));
  const warmOthers = median(t.map((x) => x.warm.othersMs));
  const steady = median(t.map((x) => perMB(x.steady.mainMs + x.steady.othersMs, x.steady.bytes)));
  const warmMB = t[0]!.warm.bytes / 1e6;
  const lines = [
    `${s.name}: first ${WARM_COPIES} copies (${warmMB.toFixed(1)} MB): CPU ${warmAll} ms (main ${warmMain}, other threads ${warmOthers}), ` +
      `${perMB(warmAll, t[0]!.warm.bytes).toFixed(1)} ms/MB; rest (${(t[0]!.steady.bytes / 1e6).toFixed(1)} MB): ${steady.toFixed(1)} ms/MB; ` +
      `warm-up excess ${(warmAll - steady * warmMB).toFixed(0)} ms (medians of ${t.length}; diagnostics ${t[0]!.diagnostics})`,
  ];
  if (s.trace) {
    const tr = s.trace;
    lines.push(`${s.name}: ${tr.deopts} deoptimisations, ${tr.compiles} optimising compiles, ${tr.compileMs.toFixed(0)} ms compiling`);
    for (const [why, n] of tr.byReason.slice(0, 15)) lines.push(`    ${String(n).padStart(3)}  ${why}`);
  }
  return lines;
}

export function benchWarmup(root: string, args: string[], say: (s: string) => void): string[] {
  const option = (name: string): string | undefined => {
    const k = args.findIndex((a) => a === name || a.startsWith(`${name}=`));
    if (k < 0) return undefined;
    const [arg] = args.splice(k, 1);
    return arg!.includes('=') ? arg!.slice(name.length + 1) : args.splice(k, 1)[0];
  };
  const against = option('--against');
  const rounds = Number(option('--rounds') ?? 3);
  const archiveDir = option('--archive');
  const corpus = resolve(args.find((a) => !a.startsWith('--')) ?? join(root, '..', 'shared', 'corpus'));
  const sides: Side[] = [];
  const current = loadEngine(root);
  sides.push({ name: 'this checkout', enginePath: join(root, 'out', 'bench', 'engine.cjs'), timings: [] });
  if (current.how.includes('failed')) throw new Error(current.how);
  if (against) {
    const ref = loadRefEngine(root, against);
    sides.unshift({ name: `${against} (${ref.subject.slice(0, 40)})`, enginePath: join(root, 'out', 'bench', `ref-${ref.commit.slice(0, 12)}`, 'engine.cjs'), timings: [] });
  }
  if (!archiveDir && !existsSync(corpus)) return ['warm-up skipped: no corpus to copy'];
  const archive = archiveDir ? undefined : makeArchive(corpus, 160e6);
  const dir = archiveDir ?? archive!.dir;
  try {
    for (let r = 0; r < rounds; r++) {
      const order = r % 2 === 0 ? sides : [...sides].reverse();
      for (const s of order) {
        s.timings.push(timeRun(s.enginePath, dir));
        say(`warm-up round ${r + 1}/${rounds}, ${s.name}: ${JSON.stringify(s.timings.at(-1))}`);
      }
    }
    for (const s of sides) s.trace = traceRun(s.enginePath, dir);
  } finally {
    archive?.remove();
  }
  const load = loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  return [`load average ${load}`, ...sides.flatMap(summary)];
}

if (require.main === module) {
  const say = (s: string) => process.stderr.write(`warmup: ${s}\n`);
  process.stdout.write(`${benchWarmup(join(__dirname, '..'), process.argv.slice(2), say).join('\n')}\n`);
}
