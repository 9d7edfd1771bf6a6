/**
 * `npm run bench -- --against <git-ref>`: the service as it stands against the service of another commit,
 * timed in the same process over the same files, in interleaved rounds.
 *
 * The ref's `server/` and `bench/engine-entry.ts` are taken from git (`git archive`, nothing in the work
 * tree changes) into out/bench/ref-<commit>/ and bundled with the same esbuild options as the current
 * engine (bench/engine.ts). Each round times a baseline pass (read + decode + split), then a parse pass of
 * each engine and a lint pass (parse + every rule) of each, the two engines' order swapped every round so
 * that neither always runs first. Reported per engine: MB/s of the best pass and the median ratio to the
 * baseline; between the engines: the median over rounds of new CPU time / old CPU time in the same round,
 * with the spread of those ratios (first and third quartiles), which says how much noise the machine added.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import type { Engine } from './engine.ts';
import { corpusFiles, type Pass } from './lint.ts';

/** Builds (once per commit) and loads the engine of `ref`. */
export function loadRefEngine(root: string, ref: string): { engine: Engine; commit: string; subject: string } {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
  const commit = git('rev-parse', '--verify', `${ref}^{commit}`);
  const subject = git('log', '-1', '--format=%h %s', commit);
  const dir = join(root, 'out', 'bench', `ref-${commit.slice(0, 12)}`);
  const outfile = join(dir, 'engine.cjs');
  if (!existsSync(outfile)) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    // Inside the repository, so the bundle resolves packages from the checkout's node_modules.
    const tar = execFileSync('git', ['archive', '--format=tar', commit, 'server', 'bench/engine-entry.ts'], { cwd: root, maxBuffer: 256 * 1024 * 1024 });
    execFileSync('tar', ['-x', '-C', dir], { input: tar });
    buildSync({
      entryPoints: [join(dir, 'bench', 'engine-entry.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      outfile,
      logLevel: 'silent',
    });
  }
  return { engine: require(outfile) as Engine, commit, subject };
}

const WARMUP_ROUNDS = 10;

export interface AbSide {
  parse: Pass;
  lint: Pass;
  /** Median over rounds of pass CPU / baseline CPU in the same round. */
  parseRatio: number;
  lintRatio: number;
}

export interface AbResult {
  baseline: Pass;
  old: AbSide;
  new: AbSide;
  /** Median, first and third quartile over rounds of new CPU / old CPU in the same round. */
  parse: { median: number; q1: number; q3: number };
  lint: { median: number; q1: number; q3: number };
  rounds: number;
  warmupRounds: number;
  /** Whether both engines gave the same number of diagnostics over the corpus (a cheap sanity check). */
  sameDiagnostics: boolean;
}

const sorted = (v: number[]) => [...v].sort((a, b) => a - b);
const quartiles = (v: number[]) => {
  const s = sorted(v);
  const at = (q: number) => s[Math.min(s.length - 1, Math.round(q * (s.length - 1)))]!;
  return { median: at(0.5), q1: at(0.25), q3: at(0.75) };
};

export function benchAb(dir: string, oldEngine: Engine, newEngine: Engine, rounds: number): AbResult {
  const files = corpusFiles(dir);
  let sink = 0;
  const diagnosticCount = [0, 0];
  const works = (e: Engine, side: number) => {
    const settings = e.resolveSettings(undefined);
    const dict = e.Dictionary.default();
    // An engine that reads a document as a file of cables (parseDocument) is timed doing so; an older
    // one, whose documents are one cable each, through parseCable.
    const file = e as Partial<Pick<Engine, 'parseDocument' | 'fileDiagnostics'>>;
    const parseDocument = file.parseDocument;
    const fileDiagnostics = file.fileDiagnostics;
    return {
      parse: parseDocument ? (t: string) => parseDocument(t).parts.length : (t: string) => e.parseCable(t).lineCount,
      lint: (t: string) => {
        const n = parseDocument && fileDiagnostics ? fileDiagnostics(parseDocument(t), settings, dict).length : e.computeDiagnostics(e.parseCable(t), settings, dict).length;
        diagnosticCount[side]! += n;
        return n;
      },
    };
  };
  const sides = [works(oldEngine, 0), works(newEngine, 1)];
  const baselineWork = (t: string) => newEngine.splitLines(t).length;
  // Files are read from disk in every pass, as bench/lint.ts does (the page cache serves them).
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
  const timed = { baseline: [] as Pass[], parse: [[], []] as Pass[][], lint: [[], []] as Pass[][] };
  for (let r = 0; r < WARMUP_ROUNDS + rounds; r++) {
    const order = r % 2 === 0 ? [0, 1] : [1, 0];
    const keep = r >= WARMUP_ROUNDS;
    diagnosticCount[0] = diagnosticCount[1] = 0;
    const b = pass(baselineWork);
    if (keep) timed.baseline.push(b);
    for (const kind of ['parse', 'lint'] as const) {
      for (const side of order) {
        const p = pass(sides[side]![kind]);
        if (keep) timed[kind][side]!.push(p);
      }
    }
  }
  if (sink < 0) throw new Error('unreachable');
  const best = (ps: Pass[]): Pass => ({ ...ps[0]!, wallMs: Math.min(...ps.map((p) => p.wallMs)), cpuMs: Math.min(...ps.map((p) => p.cpuMs)) });
  const toBaseline = (ps: Pass[]) => quartiles(ps.map((p, r) => p.cpuMs / timed.baseline[r]!.cpuMs)).median;
  const side = (k: number): AbSide => ({
    parse: best(timed.parse[k]!),
    lint: best(timed.lint[k]!),
    parseRatio: toBaseline(timed.parse[k]!),
    lintRatio: toBaseline(timed.lint[k]!),
  });
  const newOverOld = (kind: 'parse' | 'lint') => quartiles(timed[kind][1]!.map((p, r) => p.cpuMs / timed[kind][0]![r]!.cpuMs));
  return {
    baseline: best(timed.baseline),
    old: side(0),
    new: side(1),
    parse: newOverOld('parse'),
    lint: newOverOld('lint'),
    rounds,
    warmupRounds: WARMUP_ROUNDS,
    sameDiagnostics: diagnosticCount[0] === diagnosticCount[1],
  };
}
