/**
 * Runs a command's jobs and writes their output in input order, with bounded memory.
 *
 * Jobs are taken from the walk lazily, in batches, and handed to the threads as they free up: the main
 * thread (mainExecutor.ts) and, once a run has lasted a second with input left, worker threads
 * (worker.ts), up to `--jobs` threads in all (by default, only for idle cores, workersForFreeCores, and only
 * when a few hundred megabytes are left, lookahead.ts). Each V8 thread compiles the engine for itself, a
 * few CPU-seconds that only a large archive earns back, so small runs never start a worker. A worker holds
 * at most two batches (one running, one waiting, so it never idles), and at most AHEAD_PER_THREAD
 * batches per thread may be sent and not yet written. Finished batches wait for the ones before them; a
 * thread whose batch is not first waits before its next large part (work.ts), and when standard output
 * is slow no new batch is sent. So memory holds a few batches' output whatever the archive's size, and
 * the first lines come out as soon as the first small batch is done.
 *
 * A worker that dies (out of memory on a pathological input, a bug) is replaced; the input it was
 * working on is reported as not checked, and the rest of its batches are sent to the new worker.
 */
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { CableSettings } from '../service/settings.ts';
import type { Job } from './read.ts';
import type { TaskSpec } from './task.ts';
import { BigToken, type Chunk } from './work.ts';
import { WorkerThread, type ChunkMessage } from './worker.ts';
import { MainExecutor } from './mainExecutor.ts';
import { defaultThreads } from './options.ts';
import { Lookahead } from './lookahead.ts';

/** Inputs per batch: some milliseconds of work, so a message costs little beside it. */
const BATCH_JOBS = 32;
/** The first batches are smaller (4, 8, 16, then 32), so the first lines come out soon. */
const FIRST_BATCH_JOBS = 4;
const batchSize = (n: number) => Math.min(BATCH_JOBS, FIRST_BATCH_JOBS << Math.min(n, 4));
const AHEAD_PER_THREAD = 3;
/**
 * A run still going after this long starts its workers. CABLE_WORKERS_AFTER_MS sets it (0: at once), for
 * measurements and for tests of the workers on small inputs.
 */
function workersAfterMs(): number {
  const set = Number.parseInt(process.env.CABLE_WORKERS_AFTER_MS ?? '', 10);
  return Number.isFinite(set) && set >= 0 ? set : 1000;
}
/** Milliseconds every core has spent idle since boot (the same counters `top` reads). */
function idleMs(): number {
  return cpus().reduce((sum, c) => sum + c.times.idle, 0);
}

/**
 * Workers to start with the default threads: one per core that no other process kept busy over the run
 * so far, less the one the main thread fills. Measured from the cores' idle time and the run's own CPU
 * time (its V8 compiler and garbage collector threads keep about half a core busy in its first seconds,
 * which a worker would share), rather than read from the load average, which lags a minute behind (after
 * one run ends, it still counts that run as load on the next). On a machine whose cores are busy with
 * other work a worker only competes for them (measured on 2 busy cores, load 3 to 20: 1.5 times the CPU
 * time, no faster; BENCHMARKS.md). `--jobs N` starts its workers whatever the load.
 */
function workersForFreeCores(wanted: number, freeCores: number): number {
  return Math.max(0, Math.min(wanted, Math.round(freeCores)));
}
/** Worker failures after which the run gives up (something is wrong with the workers, not an input). */
const MAX_FAILURES = 8;

/** Where chunks go, in input order. */
export interface Sink {
  /** Writes a chunk; false when standard output wants to drain before more is written. */
  write(chunk: Chunk): boolean;
  drained(): Promise<void>;
}

export interface RunOptions {
  /** Threads to work on (1: the main thread only); undefined: the default, fitted to the machine's load. */
  threads?: number;
  spec: TaskSpec;
  /** cable lint: the settings table, which grows as the walk finds `.cablerc.json` files. */
  settings?: () => CableSettings[];
  sink: Sink;
  /** Aborted on Ctrl+C: no more output is written and the workers are stopped at once. */
  signal: AbortSignal;
}

function take(source: Iterator<Job>, n: number): Job[] {
  const out: Job[] = [];
  while (out.length < n) {
    const r = source.next();
    if (r.done) break;
    out.push(r.value);
  }
  return out;
}

export function runJobs(source: Iterator<Job>, o: RunOptions): Promise<void> {
  return new Pool(source, o).run();
}

type Executor = WorkerThread | MainExecutor;

interface BatchState {
  jobs: Job[];
  /** Chunks that arrived before the batches ahead of this one were written. */
  waiting: { m: ChunkMessage; from: Executor }[];
  /** Jobs whose output has arrived in full (from the last part's jobsDone). */
  received: number;
  /** A part has arrived: the job after `received` may have begun its output. */
  partArrived: boolean;
}

class Pool {
  private threads: Executor[] = [];
  private timer: NodeJS.Timeout | undefined;
  private readonly token = new SharedArrayBuffer(4);
  private readonly batches = new Map<number, BatchState>();
  private nextId = 0;
  /** The batch to write next. */
  private head = 0;
  private sourceDone = false;
  private blocked = false;
  private failures = 0;
  /** Chunks and failures are handled one at a time, in arrival order. */
  private queue: Promise<void> = Promise.resolve();
  private settle!: (err?: unknown) => void;

  private readonly source: Lookahead;
  /** The cores' idle time, this process's CPU time and the clock when the run started (freeCores). */
  private idleAtStart = 0;
  private cpuAtStart = process.cpuUsage();
  private startedAt = 0;

  constructor(
    source: Iterator<Job>,
    private readonly o: RunOptions,
  ) {
    this.source = new Lookahead(source);
  }

  run(): Promise<void> {
    const done = new Promise<void>((resolve, reject) => {
      this.settle = (err) => {
        clearTimeout(this.timer);
        for (const t of this.threads) t.stop();
        this.threads = [];
        if (err) reject(err);
        else resolve();
      };
    });
    this.o.signal.addEventListener('abort', () => this.settle(), { once: true });
    this.idleAtStart = idleMs();
    this.cpuAtStart = process.cpuUsage();
    this.startedAt = performance.now();
    const main = new MainExecutor(this.o.spec, this.o.settings, (m) => this.enqueue(() => this.handle(m, main)), (err) => this.settle(err));
    this.threads.push(main);
    const workers = (this.o.threads ?? defaultThreads()) - 1;
    if (workers > 0) this.timer = setTimeout(() => this.startWorkers(workers), workersAfterMs());
    this.pump();
    return done;
  }

  private startWorkers(wanted: number): void {
    if (this.o.signal.aborted || this.sourceDone) return;
    const n = this.o.threads === undefined ? workersForFreeCores(wanted, this.freeCores()) : wanted;
    // Asked for by default only: `--jobs N` starts its workers whatever is left.
    if (this.o.threads === undefined && n > 0 && !this.source.largeInputLeft()) return;
    for (let i = 0; i < n; i++) this.threads.push(this.spawn());
    this.pump();
  }

  /** Cores neither other processes nor this run's main thread kept busy since the run started. */
  private freeCores(): number {
    const elapsed = performance.now() - this.startedAt;
    if (elapsed <= 0) return 0;
    const idle = (idleMs() - this.idleAtStart) / elapsed;
    const cpu = process.cpuUsage(this.cpuAtStart);
    const own = (cpu.user + cpu.system) / 1000 / elapsed;
    return idle + own - 1;
  }

  private spawn(): WorkerThread {
    return new WorkerThread(
      this.o.spec,
      this.token,
      (m, from) => this.enqueue(() => this.handle(m, from)),
      (from, why) => this.enqueue(() => this.recover(from, why)),
    );
  }

  private enqueue(step: () => Promise<void> | void): void {
    this.queue = this.queue.then(step).catch((err: unknown) => this.settle(err));
  }

  /** Sends batches while a thread has room and the output keeps up. */
  private pump(): void {
    while (!this.o.signal.aborted && !this.sourceDone && !this.blocked && this.nextId - this.head < this.threads.length * AHEAD_PER_THREAD) {
      // The least busy thread with room; workers first, as the main thread also writes the output.
      const thread = this.threads.filter((t) => t.batches.length < t.capacity).sort((a, b) => a.batches.length - b.batches.length || Number(a instanceof MainExecutor) - Number(b instanceof MainExecutor))[0];
      if (!thread) break;
      const jobs = take(this.source, batchSize(this.nextId));
      if (!jobs.length) {
        this.sourceDone = true;
        break;
      }
      const id = this.nextId++;
      this.batches.set(id, { jobs, waiting: [], received: 0, partArrived: false });
      this.send(thread, id, jobs);
    }
    if (this.sourceDone && this.head === this.nextId) this.settle();
  }

  private send(thread: Executor, id: number, jobs: Job[]): void {
    const table = this.o.settings?.();
    if (table && table.length > thread.settingsSent) {
      thread.settingsSent = table.length;
      thread.send(id, jobs, table);
    } else thread.send(id, jobs);
  }

  private async handle(m: ChunkMessage, from: Executor): Promise<void> {
    if (this.o.signal.aborted) return;
    const b = this.batches.get(m.batch)!;
    b.received = m.chunk.jobsDone;
    b.partArrived = !m.last;
    if (m.batch !== this.head) {
      b.waiting.push({ m, from });
      return;
    }
    await this.deliver(m, from);
    for (let next = this.batches.get(this.head); next?.waiting.length; next = this.batches.get(this.head)) {
      const w = next.waiting.shift()!;
      await this.deliver(w.m, w.from);
    }
    this.pump();
  }

  private async deliver(m: ChunkMessage, from: Executor): Promise<void> {
    if (this.o.signal.aborted) return;
    if (!this.o.sink.write(m.chunk)) {
      this.blocked = true;
      await this.o.sink.drained();
      this.blocked = false;
    }
    if (!m.last) from.acknowledge();
    else {
      this.batches.delete(this.head);
      this.head++;
    }
  }

  /** A worker died: its current input is reported, the rest of its batches go to a new worker. */
  private recover(dead: WorkerThread, why: string): void {
    if (this.o.signal.aborted) return;
    BigToken.release(new Int32Array(this.token), dead.id);
    this.threads = this.threads.filter((t) => t !== dead);
    if (++this.failures > MAX_FAILURES) throw new Error(`worker threads keep failing: ${why}`);
    const fresh = this.spawn();
    this.threads.push(fresh);
    dead.batches.forEach((id, i) => {
      const b = this.batches.get(id)!;
      if (i === 0) b.jobs = this.remaining(b, dead.begun, why);
      b.received = 0;
      b.partArrived = false;
      this.send(fresh, id, b.jobs);
    });
    this.pump();
  }

  /** The jobs of a dead worker's current batch still to do, with the one it died on as an error. */
  private remaining(b: BatchState, begun: number, why: string): Job[] {
    const failed = (j: Job, what: string): Job => ({ kind: 'error', name: j.name, error: what, settings: j.settings });
    return b.jobs.slice(b.received).map((j, k) => {
      const index = b.received + k;
      if (index === begun) return failed(j, `the thread checking it stopped: ${why}`);
      if (k === 0 && b.partArrived) return failed(j, `its output is incomplete: the thread checking it stopped: ${why}`);
      return j;
    });
  }
}
