/**
 * `npm run bench`: parse throughput over ../shared/corpus (or the folder given as the first argument)
 * against the line-splitting baseline. Target: at least 50 MB/s on one core.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { benchParse, benchSplitBaseline } from './parse.ts';
import { runDiagnosticsBench } from './diagnostics.ts';
import { browserBundleSizes } from './browser.ts';

const TARGET_MB_PER_SEC = 50;

function main(): number {
  const corpus = resolve(process.argv[2] ?? join(__dirname, '..', '..', 'shared', 'corpus'));
  if (!existsSync(corpus)) {
    process.stderr.write(`bench: corpus folder not found: ${corpus} (pass a folder of .cable files)\n`);
    return 2;
  }
  const parse = benchParse(corpus);
  const base = benchSplitBaseline(corpus);
  const row = (name: string, r: typeof parse) => [
    name,
    String(r.files),
    (r.bytes / 1e6).toFixed(2),
    r.ms.toFixed(1),
    r.mbPerSec.toFixed(1),
    r.cpuMs.toFixed(1),
    r.cpuMbPerSec.toFixed(1),
  ];
  const rows = [
    ['measure', 'files', 'MB', 'wall ms', 'MB/s (wall)', 'CPU ms', 'MB/s (CPU)'],
    row('parseCable', parse),
    row('baseline: split lines', base),
  ];
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  for (const r of rows) process.stdout.write(`${r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ')}\n`);
  // Best of 5 passes each; CPU time is what one core spends, so it is the figure held against the target.
  const best = Math.max(parse.cpuMbPerSec, parse.mbPerSec);
  process.stdout.write(
    `\nbest of 5 passes; parse / baseline time ratio: ${(parse.cpuMs / base.cpuMs).toFixed(1)}x (CPU)\n` +
      `target ${TARGET_MB_PER_SEC} MB/s on one core: ${best >= TARGET_MB_PER_SEC ? 'met' : 'NOT met'} (${best.toFixed(1)} MB/s)\n`,
  );
  // What vscode.dev / github.dev download before the extension answers (run `npm run build` first).
  const sizes = browserBundleSizes();
  process.stdout.write('\nbrowser bundles (dist/web):\n');
  for (const b of sizes) {
    process.stdout.write(`  ${b.bundle.padEnd(20)} ${(b.bytes / 1024).toFixed(0).padStart(6)} KiB  gzip ${(b.gzipBytes / 1024).toFixed(0).padStart(5)} KiB  ${b.inputs} modules; largest: ${b.largest}\n`);
  }
  return 0;
}

process.exitCode = main();
// Typing latency: a one-character edit to fresh diagnostics on a 1 MB cable (needs no corpus).
runDiagnosticsBench((s) => process.stdout.write(s)).catch((err: unknown) => {
  process.stderr.write(`bench: diagnostics: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
