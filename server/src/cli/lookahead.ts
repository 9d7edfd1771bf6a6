/**
 * The walk's jobs, with a look ahead at how much input is left: what decides whether a worker thread is
 * worth starting.
 *
 * A worker compiles the parser for itself: about 2 CPU-seconds of V8's compiler before it checks cables
 * at full speed, on a machine where one thread checks some 50 MB a second. On 2 cores that warm-up is
 * only earned back when a few hundred megabytes are left: measured on a generated archive, a worker made
 * `cable lint` 20 % slower over 167 MB and about 35 % faster over 1 GB (BENCHMARKS.md).
 */
import { statSync } from 'node:fs';
import type { Job } from './read.ts';

/** Input left, in bytes of files, from which a worker earns back its warm-up (see above). */
export const WORKER_PAYS_OFF_BYTES = 256 * 1024 * 1024;
/**
 * Jobs read ahead at most, so the look ahead itself stays small (a job is a path, some 200 bytes held):
 * this many cables are a large archive whatever their size.
 */
const MAX_AHEAD_JOBS = 20_000;

export class Lookahead implements Iterator<Job> {
  private ahead: Job[] = [];
  /** The next job of `ahead` to hand out (an index: shifting a long array would move it all each time). */
  private head = 0;
  private aheadBytes = 0;
  private done = false;

  constructor(private readonly source: Iterator<Job>) {}

  next(): IteratorResult<Job> {
    if (this.head < this.ahead.length) {
      const job = this.ahead[this.head++]!;
      this.aheadBytes -= job.bytes ?? 0;
      if (this.head === this.ahead.length) {
        this.ahead = [];
        this.head = 0;
      }
      return { value: job, done: false };
    }
    return this.done ? { value: undefined, done: true } : this.source.next();
  }

  /**
   * Whether the input not yet handed out is large enough for a worker to pay off. Reads ahead in the walk
   * (statting the files it finds) until it knows; a file that cannot be statted now counts as empty and
   * is reported when it is read.
   */
  largeInputLeft(): boolean {
    while (!this.done && this.aheadBytes < WORKER_PAYS_OFF_BYTES && this.ahead.length - this.head < MAX_AHEAD_JOBS) {
      const r = this.source.next();
      if (r.done) {
        this.done = true;
        break;
      }
      const job = r.value;
      if (job.kind === 'file' && job.path) job.bytes = sizeOf(job.path);
      this.aheadBytes += job.bytes ?? 0;
      this.ahead.push(job);
    }
    return this.aheadBytes >= WORKER_PAYS_OFF_BYTES || this.ahead.length - this.head >= MAX_AHEAD_JOBS;
  }
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
