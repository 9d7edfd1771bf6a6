/**
 * The command line at archive scale: `cable lint` and `cable parse --format jsonl` (dist/cli.js) over a
 * generated archive (cliArchive.ts), with their default threads and with `--jobs 1`, against the floor: a
 * process that walks the same folders, reads every file, decodes it and splits it into lines.
 *
 * Each run is a child process whose standard output is read through a pipe, as a consumer would: wall
 * time from spawn to exit, time to the first output line, CPU (user + system, every thread) and peak
 * resident memory (both read by the process itself at exit). In rounds: every round runs the floor and
 * each command once, so that the ratio to the floor is taken between runs seconds apart on a machine
 * whose load varies; the figures are the medians over rounds.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { makeArchive, type Archive } from './cliArchive.ts';

export interface ProcessFigures {
  wallMs: number;
  cpuMs: number;
  maxRssMB: number;
  /** From spawn to the first complete line on standard output (undefined: no output). */
  firstLineMs?: number;
  outBytes: number;
  exitCode: number | null;
}

export interface CliCase {
  label: string;
  /** Arguments of dist/cli.js, or undefined for the floor. */
  args?: string[];
}

/** The floor: walk, read, decode, split into lines; one thread, nothing printed but the count. */
const FLOOR = `
const fs = require('fs'), path = require('path');
let lines = 0;
function walk(dir) {
  const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (e.name.endsWith('.cable')) lines += fs.readFileSync(p).toString('utf8').split(/\\r\\n|\\r|\\n/).length;
  }
}
walk(process.argv[1]);
process.stdout.write(lines + ' lines\\n');
`;

/** Runs `script` (with argv) in a child node process; it reports its own CPU and peak RSS at exit. */
function measure(script: string, argv: string[]): Promise<ProcessFigures> {
  const report = `process.on('exit', () => { const u = process.cpuUsage(); process.stderr.write('\\nBENCH ' + (u.user + u.system) + ' ' + process.resourceUsage().maxRSS + '\\n'); });`;
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, ['-e', report + script, ...argv], { stdio: ['ignore', 'pipe', 'pipe'] });
    let firstLineMs: number | undefined;
    let outBytes = 0;
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      outBytes += d.length;
      if (firstLineMs === undefined && d.indexOf(10) >= 0) firstLineMs = performance.now() - t0;
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (exitCode) => {
      const wallMs = performance.now() - t0;
      const m = /BENCH (\d+) (\d+)/.exec(stderr);
      if (!m) return reject(new Error(`no figures from the child (exit ${exitCode}): ${stderr.slice(-300)}`));
      resolve({ wallMs, cpuMs: Number(m[1]) / 1000, maxRssMB: Number(m[2]) / 1024, firstLineMs, outBytes, exitCode });
    });
  });
}

function runCli(cli: string, args: string[]): Promise<ProcessFigures> {
  return measure(`process.argv = [process.argv[0], ${JSON.stringify(cli)}, ...process.argv.slice(1)]; require(${JSON.stringify(cli)}).run();`, args);
}

export interface ArchiveBench {
  archive: { files: number; bytes: number };
  rounds: number;
  cases: { label: string; runs: ProcessFigures[] }[];
}

const median = (v: number[]) => [...v].sort((a, b) => a - b)[v.length >> 1]!;
export const medianOf = (runs: ProcessFigures[], k: keyof ProcessFigures) => median(runs.map((r) => r[k] as number));

/**
 * Generates the archive (at least `minMB` MB of corpus copies) in a temporary folder, times the floor and
 * the commands over it for `rounds` rounds, and removes the archive, also when interrupted.
 */
export async function benchCliArchive(root: string, corpus: string, minMB: number, rounds: number, say: (s: string) => void): Promise<ArchiveBench | undefined> {
  const cli = join(root, 'dist', 'cli.js');
  if (!existsSync(cli)) return undefined;
  say(`generating an archive of ${minMB} MB from the corpus…`);
  const archive: Archive = makeArchive(corpus, minMB * 1e6);
  const onSignal = () => {
    archive.remove();
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  try {
    say(`archive: ${archive.files} files, ${(archive.bytes / 1e6).toFixed(1)} MB in ${archive.dir} (removed afterwards)`);
    const cases: CliCase[] = [
      { label: 'floor: read + split lines, 1 thread' },
      { label: 'cable lint (default threads)', args: ['lint', archive.dir] },
      { label: 'cable lint --jobs 1', args: ['lint', '--jobs', '1', archive.dir] },
      { label: 'cable parse --format jsonl (default threads)', args: ['parse', '--format', 'jsonl', archive.dir] },
      { label: 'cable parse --format jsonl --jobs 1', args: ['parse', '--format', 'jsonl', '--jobs', '1', archive.dir] },
    ];
    const runs: ProcessFigures[][] = cases.map(() => []);
    // A first pass over the files warms the page cache, so no round pays for the disk.
    await measure(FLOOR, [archive.dir]);
    for (let r = 0; r < rounds; r++) {
      for (let k = 0; k < cases.length; k++) {
        const c = cases[k]!;
        say(`round ${r + 1}/${rounds}: ${c.label}`);
        runs[k]!.push(c.args ? await runCli(cli, c.args) : await measure(FLOOR, [archive.dir]));
      }
    }
    return { archive: { files: archive.files, bytes: archive.bytes }, rounds, cases: cases.map((c, k) => ({ label: c.label, runs: runs[k]! })) };
  } finally {
    process.off('SIGINT', onSignal);
    archive.remove();
  }
}
