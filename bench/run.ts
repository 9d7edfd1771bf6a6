/**
 * `npm run bench [CORPUS_DIR]`: prints a table of figures, each with its target and, for throughput,
 * its ratio to a baseline measured in the same run over the same bytes (read + decode + split into
 * lines: the floor any parser pays). Not a test: nothing fails; the figures go into BENCHMARKS.md.
 *
 * Rows that need ../shared/corpus (or the folder given) are skipped with a message when it is absent;
 * rows that need dist/ say so when `npm run build` has not been run. Options: --quick (fewer passes),
 * --engine=source (time the TypeScript sources through tsx instead of the bundled service),
 * --archive-mb=N (size of the generated archive for the command-line rows, default 160),
 * --archive-only (only those rows), --no-archive (all but those rows).
 */
import { existsSync } from 'node:fs';
import { cpus, availableParallelism, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { benchCorpus, benchLintProcess, mbps, nodeStartMs } from './lint.ts';
import { loadEngine } from './engine.ts';
import { benchInProcess, benchOverLsp, syntheticCable } from './diagnostics.ts';
import { benchHeap, benchStartup } from './server.ts';
import { bundleSizes } from './sizes.ts';
import { minifiedBrowserBundleSizes } from './browser.ts';
import { benchArchive, medianOf } from './cli.ts';

const root = join(__dirname, '..');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const corpus = resolve(args.find((a) => !a.startsWith('--')) ?? join(root, '..', 'shared', 'corpus'));
const archiveMB = Number(args.find((a) => a.startsWith('--archive-mb='))?.split('=')[1] ?? 160);
const archiveOnly = args.includes('--archive-only');
const noArchive = args.includes('--no-archive');
/** The issue's targets for the command line over a large archive on 2 cores. */
const CLI_RATIO_TARGET = 2;
const CLI_RSS_TARGET_MB = 300;

type Row = [measure: string, figure: string, ratio: string, target: string, verdict: string];
const rows: Row[] = [];
const notes: string[] = [];
const say = (s: string) => process.stderr.write(`bench: ${s}\n`);
const f1 = (n: number) => n.toFixed(1);
const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');

function section(name: string): void {
  rows.push([`— ${name}`, '', '', '', '']);
}

function printTable(): void {
  const header: Row = ['measure', 'figure', 'vs baseline', 'target', ''];
  const all = [header, ...rows];
  const w = header.map((_, c) => Math.max(...all.map((r) => r[c].length)));
  const line = (r: Row) => r.map((cell, c) => (c === 0 ? cell.padEnd(w[c]!) : cell.padStart(w[c]!))).join('  ').trimEnd();
  process.stdout.write(`${line(header)}\n${w.map((n) => '-'.repeat(n)).join('  ')}\n`);
  for (const r of rows) process.stdout.write(`${line(r)}\n`);
  if (notes.length) process.stdout.write(`\n${notes.map((n) => `- ${n}`).join('\n')}\n`);
}

/** `cable lint` and `cable parse` over a generated archive, against the floor (bench/cli.ts). */
async function archiveRows(): Promise<void> {
  if (!existsSync(corpus)) {
    section('archive rows skipped: no corpus to copy');
    return;
  }
  const b = await benchArchive(root, corpus, archiveMB, quick ? 1 : 3, say);
  if (!b) {
    section('archive rows skipped: run npm run build (they time dist/cli.js)');
    return;
  }
  const mb = b.archive.bytes / 1e6;
  section(`generated archive: ${b.archive.files} files, ${mb.toFixed(1)} MB (corpus copies); median of ${b.rounds} round(s)`);
  const floor = b.cases[0]!.runs;
  for (const [k, c] of b.cases.entries()) {
    const wall = medianOf(c.runs, 'wallMs');
    const ratio = k === 0 ? 1 : medianOf(c.runs.map((r, i) => ({ ...r, wallMs: r.wallMs / floor[i]!.wallMs })), 'wallMs');
    const defaultThreads = c.label.includes('default');
    const target = defaultThreads ? `≤ ${CLI_RATIO_TARGET}x` : '';
    rows.push([`${c.label}: wall, MB/s`, `${(wall / 1000).toFixed(2)} s, ${f1(mb / (wall / 1000))} MB/s`, `${f1(ratio)}x`, target, target ? verdict(ratio <= CLI_RATIO_TARGET) : '']);
    const rss = Math.max(...c.runs.map((r) => r.maxRssMB));
    const first = medianOf(c.runs, 'firstLineMs');
    rows.push([`  peak RSS (max), first line, CPU`, `${rss.toFixed(0)} MB, ${Number.isFinite(first) ? `${first.toFixed(0)} ms` : '—'}, ${(medianOf(c.runs, 'cpuMs') / 1000).toFixed(2)} s`, '', `≤ ${CLI_RSS_TARGET_MB} MB`, verdict(rss <= CLI_RSS_TARGET_MB)]);
  }
  notes.push(
    `archive: each run is a child process read through a pipe; wall from spawn to exit; "vs baseline" = the median over rounds of the run's wall time over the floor's in the same round; ` +
      `the floor walks the same folders and reads, decodes and splits every file into lines on one thread; first line = spawn to the first complete output line; ` +
      `CPU = user + system of every thread; cable parse writes jsonl (${(medianOf(b.cases[3]!.runs, 'outBytes') / 1e6).toFixed(0)} MB)`,
  );
}

async function main(): Promise<void> {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  process.stdout.write(
    `cable-language benchmarks — ${new Date().toISOString().slice(0, 16)}Z, node ${process.version}, ` +
      `${availableParallelism()} cores (${cpu}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}\n\n`,
  );

  if (!noArchive) await archiveRows();
  if (archiveOnly) {
    printTable();
    process.stdout.write(`\nload average at the end: ${loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);
    return;
  }

  // ---- Throughput over the corpus
  if (existsSync(corpus)) {
    section(`corpus ${corpus}`);
    say('corpus throughput…');
    const { engine, how } = loadEngine(root, args.includes('--engine=source') ? 'source' : 'bundle');
    const c = benchCorpus(corpus, engine, quick ? 3 : 7);
    const mb = c.baseline.bytes / 1e6;
    rows.push([`baseline: read + split lines (${c.baseline.files} files, ${mb.toFixed(2)} MB), 1 core`, `${f1(mbps(c.baseline.bytes, c.baseline.cpuMs))} MB/s`, '1.0x', '', '']);
    const parseMBs = mbps(c.parse.bytes, c.parse.cpuMs);
    rows.push(['read + parse, 1 core', `${f1(parseMBs)} MB/s`, `${f1(c.parseRatio)}x`, '≥ 50 MB/s, ≤ 5x', verdict(parseMBs >= 50 && c.parseRatio <= 5)]);
    const lintMBs = mbps(c.lint.bytes, c.lint.cpuMs);
    rows.push(['read + parse + every rule, 1 core', `${f1(lintMBs)} MB/s`, `${f1(c.lintRatio)}x`, '≥ 50 MB/s, ≤ 5x', verdict(lintMBs >= 50 && c.lintRatio <= 5)]);
    notes.push(
      `throughput: ${how}; ${c.warmupRounds} warm-up rounds, then ${c.rounds} timed rounds of one baseline, one parse and one lint pass each; ` +
        `MB/s = bytes over the CPU time (user + system) of the best pass; "vs baseline" = the median over rounds of the pass's CPU time over the baseline's in the same round ` +
        `(${f1(c.parseRatio)}x and ${f1(c.lintRatio)}x; best over best ${f1(c.parse.cpuMs / c.baseline.cpuMs)}x and ${f1(c.lint.cpuMs / c.baseline.cpuMs)}x). ` +
        `Best CPU ms: baseline ${f1(c.baseline.cpuMs)}, parse ${f1(c.parse.cpuMs)}, lint ${f1(c.lint.cpuMs)}; wall ms: ${f1(c.baseline.wallMs)}, ${f1(c.parse.wallMs)}, ${f1(c.lint.wallMs)}`,
    );

    say('cable lint as a process…');
    const start = nodeStartMs();
    const withWorkers = benchLintProcess(root, corpus, undefined, quick ? 1 : 3);
    const single = benchLintProcess(root, corpus, '1', quick ? 1 : 3);
    if (withWorkers && single) {
      rows.push([`cable lint <corpus> (process, worker threads): wall (CPU)`, `${withWorkers.bestMs.toFixed(0)} ms (${withWorkers.cpuMs.toFixed(0)})`, '', '< 1 000 ms', verdict(withWorkers.bestMs < 1000)]);
      rows.push([`cable lint --jobs 1 <corpus> (process, no workers): wall (CPU)`, `${single.bestMs.toFixed(0)} ms (${single.cpuMs.toFixed(0)})`, '', '', '']);
      rows.push(['node start-up alone (node -e 0)', `${start.toFixed(0)} ms`, '', '', '']);
      notes.push(`cable lint exit code ${withWorkers.exitCode} (1 = errors found); its summary: ${withWorkers.summary}`);
    } else rows.push(['cable lint <corpus> (process)', 'skipped', '', '', 'run npm run build']);

    say('grammar tokenization…');
    try {
      const { benchGrammar } = await import('./grammar.ts');
      const g = await benchGrammar(corpus);
      rows.push(['grammar tokenization (vscode-textmate 9.2 + oniguruma), 1 core', `${f1(g.cpuMbPerSec)} MB/s`, '', '≥ 2 MB/s', verdict(g.cpuMbPerSec >= 2)]);
      rows.push(['grammar: slowest line (best of 5)', `${g.slowestLineMs.toFixed(2)} ms`, '', '≤ 10 ms', verdict(g.slowestLineMs <= 10)]);
      notes.push(`grammar: wall clock ${f1(g.mbPerSec)} MB/s for the same pass; slowest line ${g.slowestLineFile}`);
    } catch (e) {
      rows.push(['grammar tokenization', 'skipped', '', '', e instanceof Error ? e.message.slice(0, 60) : String(e)]);
    }
  } else {
    say(`corpus not found at ${corpus}: corpus rows skipped (pass a folder of .cable files)`);
    section('corpus rows skipped: no corpus');
  }

  // ---- Typing latency
  section('one-character edit → diagnostics (server work: apply edit, parse, every rule)');
  say('edit latency…');
  for (const [label, bytes, edits] of [
    ['100 KB', 100 * 1024, 40],
    ['1 MB', 1024 * 1024, 30],
    ['10 MB', 10 * 1024 * 1024, quick ? 4 : 8],
  ] as const) {
    const r = benchInProcess(syntheticCable(bytes), edits);
    const target = label === '1 MB' ? '< 20 ms' : '';
    rows.push([`${label} cable, median (max)`, `${f1(r.medianMs)} ms (${f1(r.maxMs)})`, '', target, target ? verdict(r.medianMs < 20) : '']);
  }
  if (existsSync(join(root, 'dist', 'server.js'))) {
    const lsp = await benchOverLsp(syntheticCable(1024 * 1024));
    if (lsp) rows.push(['1 MB cable over LSP (stdio, minus the 120 ms debounce), median (max)', `${f1(lsp.medianMs)} ms (${f1(lsp.maxMs)})`, '', '', '']);
  }

  // ---- Server start-up and memory
  section('server (dist/server.js)');
  say('start-up and heap…');
  const startup = await benchStartup(root, quick ? 2 : 5);
  if (startup) {
    rows.push(['process start → initialize answered (Node IPC), median', `${startup.initializeMs.toFixed(0)} ms`, '', '', '']);
    rows.push(['process start → first diagnostics of a 9 KB cable, median', `${startup.firstDiagnosticsMs.toFixed(0)} ms`, '', '', '']);
    if (startup.clientLoadMs !== undefined) rows.push(['loading dist/client.js (activation, bundle part)', `${startup.clientLoadMs.toFixed(0)} ms`, '', '', '']);
  }
  const heap = await benchHeap(root, 1000);
  if (heap) {
    rows.push([`heap with ${heap.cables} cables open and linted (${heap.textMB.toFixed(1)} MB text)`, `${heap.heapMB.toFixed(0)} MB`, '', '< 200 MB', verdict(heap.heapMB < 200)]);
    rows.push(['heap of the idle server', `${heap.emptyHeapMB.toFixed(0)} MB`, '', '', '']);
    rows.push(['rss with the 1 000 cables', `${heap.rssMB.toFixed(0)} MB`, '', '', '']);
    rows.push(['opening and linting the 1 000 cables', `${heap.openAndLintMs.toFixed(0)} ms`, '', '', '']);
  } else rows.push(['server rows', 'skipped', '', '', 'run npm run build']);

  // ---- Sizes
  section('bundles');
  for (const s of bundleSizes(root)) rows.push([s.file, kib(s.bytes), '', '', s.gzipBytes !== undefined ? `gzip ${kib(s.gzipBytes)}` : '']);
  try {
    for (const s of await minifiedBrowserBundleSizes(root)) rows.push([s.bundle, kib(s.bytes), '', '', `gzip ${kib(s.gzipBytes)}`]);
  } catch (e) {
    notes.push(`minified browser sizes skipped: ${e instanceof Error ? e.message : String(e)}`);
  }

  printTable();
  // Other processes on the machine skew wall-clock figures: the load average says how busy it was.
  process.stdout.write(`\nload average at the end: ${loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`bench: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
