/**
 * Parse throughput over a directory of cables: the texts are read once, one warm-up pass lets the JIT
 * settle, then the best of several timed passes is reported (the machine is shared, so the best pass is
 * the least disturbed measure of the parser itself). The baseline splits the same texts into lines, the
 * least any parser must do, so the ratio says how much the parser costs beyond that.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCable } from '../server/src/service/parse.ts';

export interface ThroughputResult {
  files: number;
  bytes: number;
  /** Milliseconds of the best timed pass (wall clock). */
  ms: number;
  /** bytes / ms, wall clock. */
  mbPerSec: number;
  /** CPU milliseconds (user + system) of the same pass: steadier than wall time on a busy machine. */
  cpuMs: number;
  /** bytes / cpuMs. */
  cpuMbPerSec: number;
}

function loadTexts(corpusDir: string): { texts: string[]; bytes: number } {
  const files = readdirSync(corpusDir)
    .filter((f) => f.endsWith('.cable'))
    .sort();
  if (!files.length) throw new Error(`no .cable files in ${corpusDir}`);
  let bytes = 0;
  const texts = files.map((f) => {
    const buf = readFileSync(join(corpusDir, f));
    bytes += buf.length;
    return buf.toString('utf8');
  });
  return { texts, bytes };
}

function best(texts: string[], bytes: number, passes: number, work: (t: string) => unknown): ThroughputResult {
  for (const t of texts) work(t);
  let ms = Infinity;
  let cpuMs = Infinity;
  let sink = 0;
  for (let p = 0; p < passes; p++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    for (const t of texts) if (work(t)) sink++;
    const wall = performance.now() - t0;
    const c = process.cpuUsage(c0);
    ms = Math.min(ms, wall);
    cpuMs = Math.min(cpuMs, (c.user + c.system) / 1000);
  }
  if (sink < 0) throw new Error('unreachable');
  return { files: texts.length, bytes, ms, mbPerSec: bytes / 1e6 / (ms / 1000), cpuMs, cpuMbPerSec: bytes / 1e6 / (cpuMs / 1000) };
}

/** Parse throughput (MB/s, 1 MB = 10^6 bytes of UTF-8 input) on one core. */
export function benchParse(corpusDir: string, passes = 5): ThroughputResult {
  const { texts, bytes } = loadTexts(corpusDir);
  return best(texts, bytes, passes, (t) => parseCable(t).lineCount);
}

/** The floor: splitting the same texts into lines. */
export function benchSplitBaseline(corpusDir: string, passes = 5): ThroughputResult {
  const { texts, bytes } = loadTexts(corpusDir);
  return best(texts, bytes, passes, (t) => t.split(/\r\n|\r|\n/).length);
}
