/**
 * Worker threads of the command line: each takes batches of inputs, works through them (work.ts) and
 * sends back each batch's output as formatted UTF-8, its memory transferred rather than copied. A part sent while a batch is still running waits for
 * the main thread to write it before the worker goes on, which bounds what is held in memory whatever the
 * size of the input.
 *
 * The worker runs this same file (the dist/cli.js bundle, or this source under tsx): the code at the
 * bottom starts serving when it finds itself on a worker thread started by WorkerThread.
 */
import { Worker, isMainThread, parentPort, threadId, workerData, type MessagePort } from 'node:worker_threads';
import type { CableSettings } from '../service/settings.ts';
import type { Job } from './read.ts';
import { createTask, type TaskSpec } from './task.ts';
import { BigToken, processBatch, type Chunk } from './work.ts';

interface WorkerInit {
  cableCliWorker: true;
  spec: TaskSpec;
  /** Set to 1 by the main thread once a part is written. */
  ack: SharedArrayBuffer;
  /** Index of the job the worker has begun in its current batch. */
  progress: SharedArrayBuffer;
  token: SharedArrayBuffer;
}

export interface BatchMessage {
  batch: number;
  jobs: Job[];
  settings?: CableSettings[];
}

export interface ChunkMessage {
  batch: number;
  chunk: Chunk;
  last: boolean;
}

/**
 * Heap a worker may grow to. A cable of WHOLE_FILE_BYTES needs well under this; a worker that still runs
 * out (a pathological input) dies alone, and its input is reported as not checked.
 */
const WORKER_HEAP_MB = 256;

function serve(port: MessagePort, init: WorkerInit): void {
  const task = createTask(init.spec);
  const ack = new Int32Array(init.ack);
  const progress = new Int32Array(init.progress);
  const token = new BigToken(new Int32Array(init.token), threadId);
  port.on('message', (m: BatchMessage) => {
    if (m.settings) task.setSettings(m.settings);
    const run = processBatch(init.spec.command, m.jobs, task.processor, { progress, token });
    for (;;) {
      const step = run.next();
      if (step.done) {
        port.postMessage({ batch: m.batch, chunk: step.value, last: true } satisfies ChunkMessage, [step.value.out.buffer as ArrayBuffer]);
        return;
      }
      if (!step.value) continue;
      Atomics.store(ack, 0, 0);
      port.postMessage({ batch: m.batch, chunk: step.value, last: false } satisfies ChunkMessage, [step.value.out.buffer as ArrayBuffer]);
      // Short waits, so a terminate() from the main thread (Ctrl+C) takes effect at once.
      while (Atomics.wait(ack, 0, 0, 200) === 'timed-out');
    }
  });
}

if (!isMainThread && parentPort && (workerData as WorkerInit | undefined)?.cableCliWorker) serve(parentPort, workerData as WorkerInit);

/**
 * What a worker runs: this file. Bundled (dist/cli.js) that is plain JavaScript; from the TypeScript
 * sources (tests, `--engine=source` benches) the worker loads tsx first, as the main thread did.
 */
function workerEntry(): { script: string; eval: boolean } {
  if (!__filename.endsWith('.ts')) return { script: __filename, eval: false };
  const tsx = require.resolve('tsx/cjs', { paths: [__dirname] });
  return { script: `require(${JSON.stringify(tsx)}); require(${JSON.stringify(__filename)});`, eval: true };
}

/** The main thread's handle on one worker. */
export class WorkerThread {
  private readonly worker: Worker;
  private readonly ack = new SharedArrayBuffer(4);
  private readonly progress = new SharedArrayBuffer(4);
  /** Batches sent and not finished, oldest first (the worker runs them in order). */
  readonly batches: number[] = [];
  /** Batches it holds at once: one running, one waiting, so it never idles. */
  readonly capacity = 2;
  /** How many settings of the table the worker has. */
  settingsSent = 0;
  private exited = false;

  constructor(
    spec: TaskSpec,
    token: SharedArrayBuffer,
    onChunk: (m: ChunkMessage, from: WorkerThread) => void,
    onFailure: (from: WorkerThread, why: string) => void,
  ) {
    const init: WorkerInit = { cableCliWorker: true, spec, ack: this.ack, progress: this.progress, token };
    const entry = workerEntry();
    this.worker = new Worker(entry.script, { eval: entry.eval, workerData: init, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    this.worker.on('message', (m: ChunkMessage) => {
      if (m.last) this.batches.shift();
      onChunk(m, this);
    });
    let why = 'it stopped';
    this.worker.on('error', (err: Error & { code?: string }) => {
      why = err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'it ran out of memory' : `it failed: ${err.message}`;
    });
    this.worker.on('exit', () => {
      if (this.exited) return;
      this.exited = true;
      onFailure(this, why);
    });
  }

  get id(): number {
    return this.worker.threadId;
  }

  send(batch: number, jobs: Job[], settings?: CableSettings[]): void {
    this.batches.push(batch);
    this.worker.postMessage({ batch, jobs, settings } satisfies BatchMessage);
  }

  /** The part just sent is written: the worker may go on. */
  acknowledge(): void {
    Atomics.store(new Int32Array(this.ack), 0, 1);
    Atomics.notify(new Int32Array(this.ack), 0);
  }

  /** Index of the job the worker had begun in its oldest batch. */
  get begun(): number {
    return Atomics.load(new Int32Array(this.progress), 0);
  }

  stop(): void {
    this.exited = true;
    void this.worker.terminate();
  }
}
