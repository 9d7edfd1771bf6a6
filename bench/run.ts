/**
 * `npm run bench [CORPUS_DIR]`: prints a table of figures, each with its target and, for throughput,
 * its ratio to a baseline measured in the same run over the same bytes (read + decode + split into
 * lines: the floor any parser pays). Not a test: nothing fails; the figures go into BENCHMARKS.md.
 *
 * Rows that need ../shared/corpus (or the folder given) are skipped with a message when it is absent;
 * rows that need dist/ say so when `npm run build` has not been run. Options: --quick (fewer passes),
 * --engine=source (time the TypeScript sources through tsx instead of the bundled service),
 * --against <git-ref> (only the corpus throughput, of this checkout's service against that commit's, in
 * interleaved rounds: bench/ab.ts), --rounds N (timed rounds of the throughput rows).
 * --archive=N (cables in the generated workspace archive, default 250 000; 0 skips it: it takes some
 * minutes), --cli-mb=N (size of the generated archive for the command-line rows, default 160),
 * --cli-only (only those rows), --no-cli (all but those rows). --warmup (only V8's warm-up over a generated
 * archive: CPU of the first copies and of the rest, deoptimisations; with --against, --rounds, --archive DIR:
 * bench/warmup.ts).
 */
import { existsSync } from 'node:fs';
import { cpus, availableParallelism, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { benchCorpus, benchLintProcess, mbps, nodeStartMs } from './lint.ts';
import { loadEngine } from './engine.ts';
import { benchInProcess, benchOverLsp, syntheticCable } from './diagnostics.ts';
import { benchHeap, benchStartup } from './server.ts';
import { bundleSizes } from './sizes.ts';
import { benchPlainText } from './plainText.ts';
import { minifiedBrowserBundleSizes } from './browser.ts';
import { benchAb, loadRefEngine } from './ab.ts';
import { PREVIEW_TARGET_MS, benchPreviewRender, benchPreviewServer } from './preview.ts';
import { benchArchive } from './archive.ts';
import { benchCliArchive, medianOf } from './cli.ts';
import { benchWarmup } from './warmup.ts';

const root = join(__dirname, '..');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
/** The value of `--name value` or `--name=value`, removed from the arguments. */
function option(name: string): string | undefined {
  const k = args.findIndex((a) => a === name || a.startsWith(`${name}=`));
  if (k < 0) return undefined;
  const [arg] = args.splice(k, 1);
  return arg!.includes('=') ? arg!.slice(name.length + 1) : args.splice(k, 1)[0];
}
const against = option('--against');
const roundsOption = option('--rounds');
const corpus = resolve(args.find((a) => !a.startsWith('--')) ?? join(root, '..', 'shared', 'corpus'));
const cliMB = Number(args.find((a) => a.startsWith('--cli-mb='))?.split('=')[1] ?? 160);
const cliOnly = args.includes('--cli-only');
const noCli = args.includes('--no-cli');
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
async function cliArchiveRows(): Promise<void> {
  if (!existsSync(corpus)) {
    section('archive rows skipped: no corpus to copy');
    return;
  }
  const b = await benchCliArchive(root, corpus, cliMB, quick ? 1 : 3, say);
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

  if (args.includes('--warmup')) {
    // bench/warmup.ts: V8's warm-up over a generated archive, in processes of its own.
    const rest = [...args.filter((a) => a !== '--warmup'), ...(against ? ['--against', against] : []), ...(roundsOption ? ['--rounds', roundsOption] : [])];
    process.stdout.write(`${benchWarmup(root, rest, say).join('\n')}\n`);
    return;
  }
  if (against !== undefined) {
    abRows(against);
    printTable();
    process.stdout.write(`\nload average at the end: ${loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);
    return;
  }
  if (!noCli) await cliArchiveRows();
  if (cliOnly) {
    printTable();
    process.stdout.write(`\nload average at the end: ${loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);
    return;
  }

  // ---- Throughput over the corpus
  if (existsSync(corpus)) {
    section(`corpus ${corpus}`);
    say('corpus throughput…');
    const { engine, how } = loadEngine(root, args.includes('--engine=source') ? 'source' : 'bundle');
    const c = benchCorpus(corpus, engine, roundsOption ? Number(roundsOption) : quick ? 3 : 7);
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

  // ---- Cable preview
  section('cable preview: one update of a 100 KB cable (extension work)');
  say('preview update…');
  {
    const { engine } = loadEngine(root, args.includes('--engine=source') ? 'source' : 'bundle');
    const p = benchPreviewServer(engine, 100 * 1024, quick ? 10 : 30);
    const render = await benchPreviewRender(root, p.json, quick ? 8 : 20).catch((e: unknown) => ({ skipped: e instanceof Error ? e.message.split('\n')[0]! : String(e) }));
    rows.push(['server: view model built from the document model, median', `${f1(p.buildMs)} ms`, '', '', '']);
    rows.push([`server: serialised for the response (${(p.jsonChars / 1024).toFixed(0)} KiB of JSON), median`, `${f1(p.serialiseMs)} ms`, '', '', '']);
    rows.push(['extension host: response parsed and passed on to the webview, median', `${f1(p.hostMs)} ms`, '', '', '']);
    if ('renderMs' in render) {
      rows.push(['webview (Chromium): parsed, laid out, scroll-sync index, median (max)', `${f1(render.renderMs)} ms (${f1(render.maxMs)})`, '', '', '']);
      const total = p.buildMs + p.serialiseMs + p.hostMs + render.renderMs;
      rows.push(['preview update in all (sum of the medians above)', `${f1(total)} ms`, '', `≤ ${PREVIEW_TARGET_MS} ms`, verdict(total <= PREVIEW_TARGET_MS)]);
    } else rows.push(['webview render', 'skipped', '', '', render.skipped.slice(0, 60)]);
    notes.push(
      `preview: a ${(p.bytes / 1024).toFixed(0)} KB synthetic CONFIDENTIAL cable (${p.nodes} elements of running text), a one-word edit of the subject per run; ` +
        `the document model it reads (parsed once per version, for diagnostics too) took ${f1(p.parseMs)} ms, not counted in the total`,
    );
  }

  // ---- Server start-up and memory
  section('server (dist/server.js)');
  say('start-up and heap…');
  const startup = await benchStartup(root, quick ? 2 : 5);
  if (startup) {
    rows.push(['process start → initialize answered (Node IPC), median', `${startup.initializeMs.toFixed(0)} ms`, '', '', '']);
    rows.push(['process start → first diagnostics of a 9 KB cable, median', `${startup.firstDiagnosticsMs.toFixed(0)} ms`, '', '', '']);
    if (startup.clientLoadMs !== undefined) rows.push(['loading dist/client.js (activation, also for plain text)', `${startup.clientLoadMs.toFixed(1)} ms`, '', '', '']);
    if (startup.languageClientLoadMs !== undefined) rows.push(['loading dist/languageClient.js (with the first cable)', `${startup.languageClientLoadMs.toFixed(0)} ms`, '', '', '']);
    const plain = benchPlainText();
    rows.push(['plain-text file: is it a cable? (4 KB of prose / of a cable), median', `${f1(plain.proseMicros)} µs / ${f1(plain.cableMicros)} µs`, '', '', '']);
  }
  const heap = await benchHeap(root, 1000);
  if (heap) {
    rows.push([`heap with ${heap.cables} cables open and linted (${heap.textMB.toFixed(1)} MB text)`, `${heap.heapMB.toFixed(0)} MB`, '', '< 200 MB', verdict(heap.heapMB < 200)]);
    rows.push(['heap of the idle server', `${heap.emptyHeapMB.toFixed(0)} MB`, '', '', '']);
    rows.push(['rss with the 1 000 cables', `${heap.rssMB.toFixed(0)} MB`, '', '', '']);
    rows.push(['opening and linting the 1 000 cables', `${heap.openAndLintMs.toFixed(0)} ms`, '', '', '']);
  } else rows.push(['server rows', 'skipped', '', '', 'run npm run build']);

  // ---- The workspace at Cablegate's scale
  const archiveCount = Number(/^--archive=(\d+)$/.exec(args.find((a) => a.startsWith('--archive=')) ?? '')?.[1] ?? 250_000);
  if (archiveCount > 0 && existsSync(corpus) && existsSync(join(root, 'dist', 'server.js'))) {
    const a = await benchArchive(root, corpus, archiveCount, say);
    section(`workspace of ${a.cables} cables (${a.gigabytes.toFixed(1)} GB, copies of the corpus), dist/server.js over stdio`);
    rows.push(['background indexing', `${(a.indexMs / 1000).toFixed(1)} s`, '', '≤ 180 s', verdict(a.indexMs <= 180_000)]);
    rows.push(["longest stall of the server's loop by its own work while indexing", `${f1(a.longestStallMs)} ms`, '', '≤ 50 ms', verdict(a.longestStallMs <= 50)]);
    rows.push(['hover round trips while indexing: longest (99th percentile)', `${f1(a.longestWaitMs)} ms (${f1(a.p99WaitMs)})`, '', '', 'wall clock']);
    rows.push(['server heap after indexing (after GC)', `${a.heapMB.toFixed(0)} MB`, '', '≤ 500 MB', verdict(a.heapMB <= 500)]);
    const r = a.referencesMs;
    rows.push([`references on a banner (${r.count} citations): server CPU median (longest)`, `${f1(r.cpuMedianMs)} ms (${f1(r.cpuMaxMs)})`, '', '≤ 100 ms', verdict(r.cpuMaxMs <= 100)]);
    for (const q of a.queries) {
      const target = q.query.startsWith('#') && !q.query.includes(' ');
      rows.push([`workspace symbols '${q.query}' (${q.results}): server CPU median (longest)`, `${f1(q.cpuMedianMs)} ms (${f1(q.cpuMaxMs)})`, '', target ? '≤ 100 ms' : '', target ? verdict(q.cpuMaxMs <= 100) : '']);
    }
    for (const t of a.archiveView) {
      rows.push([`Cables view: ${t.label} (${t.size}): server CPU median (longest)`, `${f1(t.cpuMedianMs)} ms (${f1(t.cpuMaxMs)})`, '', t.targetMs ? `≤ ${t.targetMs} ms` : '', t.targetMs ? verdict(t.cpuMaxMs <= t.targetMs) : '']);
    }
    if (a.diagnostics) {
      const d = a.diagnostics;
      rows.push([`workspace diagnostics: ${d.cables} cables reported (${d.problems} problems, ${f1(d.megabytes)} MB sent)`, `${(d.ms / 1000).toFixed(1)} s`, '', '', '']);
    }
    notes.push(
      `archive: round trips are wall clock and include what other processes do; server CPU is the main thread's own time for the request (response included). ` +
        `Round trips: references ${f1(r.medianMs)} ms median; ${a.queries.map((q) => `'${q.query}' ${f1(q.medianMs)}`).join(', ')} ms median; a trivial request ${f1(a.roundTripMs)} ms. ` +
        `Longest wall-clock gap of the server's loop while indexing ${f1(a.longestGapMs)} ms; ${a.probes} hover probes; generated in ${(a.generateMs / 1000).toFixed(0)} s`,
    );
  } else if (archiveCount > 0) rows.push(['workspace at archive scale', 'skipped', '', '', 'needs the corpus and npm run build']);

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

/** The A/B rows: this checkout's service (new) against the service of `ref` (old). */
function abRows(ref: string): void {
  if (!existsSync(corpus)) {
    say(`corpus not found at ${corpus}: the A/B comparison needs one (pass a folder of .cable files)`);
    return;
  }
  say(`building the service of ${ref}…`);
  const old = loadRefEngine(root, ref);
  const { engine, how } = loadEngine(root, 'bundle');
  const rounds = roundsOption ? Number(roundsOption) : quick ? 5 : 15;
  say(`A/B over the corpus, ${rounds} timed rounds…`);
  const r = benchAb(corpus, old.engine, engine, rounds);
  const mb = r.baseline.bytes / 1e6;
  const pct = (x: number) => `${x >= 1 ? '+' : ''}${((x - 1) * 100).toFixed(1)}%`;
  section(`A/B, ${r.baseline.files} cables (${mb.toFixed(2)} MB): old = ${old.commit.slice(0, 7)}, new = this checkout`);
  rows.push(['baseline: read + split lines, 1 core', `${f1(mbps(r.baseline.bytes, r.baseline.cpuMs))} MB/s`, '1.0x', '', '']);
  for (const [name, side] of [['old', r.old], ['new', r.new]] as const) {
    rows.push([`${name}: read + parse, 1 core`, `${f1(mbps(side.parse.bytes, side.parse.cpuMs))} MB/s`, `${f1(side.parseRatio)}x`, '', '']);
    rows.push([`${name}: read + parse + every rule, 1 core`, `${f1(mbps(side.lint.bytes, side.lint.cpuMs))} MB/s`, `${f1(side.lintRatio)}x`, '', '']);
  }
  const within = (q: { median: number }) => verdict(q.median <= 1.05);
  rows.push(['new / old, read + parse: median (quartiles)', `${r.parse.median.toFixed(3)} (${r.parse.q1.toFixed(3)}–${r.parse.q3.toFixed(3)})`, pct(r.parse.median), '≤ +5%', within(r.parse)]);
  rows.push(['new / old, read + parse + every rule', `${r.lint.median.toFixed(3)} (${r.lint.q1.toFixed(3)}–${r.lint.q3.toFixed(3)})`, pct(r.lint.median), '≤ +5%', within(r.lint)]);
  notes.push(
    `A/B over ${corpus}: old = ${old.subject.slice(0, 80)} (${old.commit}, bundled from git archive into out/bench/), new = ${how}; ${r.warmupRounds} warm-up rounds, then ${r.rounds} timed rounds, ` +
      `each of one baseline pass, then a parse pass of each engine and a lint pass of each, the engines' order swapped every round; ` +
      `"new / old" = the median over rounds of the new pass's CPU time over the old one's in the same round. ` +
      `Best CPU ms: baseline ${f1(r.baseline.cpuMs)}; old parse ${f1(r.old.parse.cpuMs)}, lint ${f1(r.old.lint.cpuMs)}; new parse ${f1(r.new.parse.cpuMs)}, lint ${f1(r.new.lint.cpuMs)}. ` +
      `Diagnostics over the corpus ${r.sameDiagnostics ? 'the same in number' : 'DIFFER in number'} between the two.`,
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`bench: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
