/**
 * The main thread as one of the threads that check cables. It works through one batch at a time, as a
 * worker does (work.ts), and hands each chunk to the pool like a worker's message; between parts and
 * batches it lets the event loop run, so the workers' messages, the output and Ctrl+C are handled.
 *
 * Every run starts on the main thread alone: the engine is compiled for each thread that runs it (a few
 * CPU-seconds of V8's optimising compiler for the parser), which a small archive would not earn back.
 */
import { setImmediate as breathe } from 'node:timers/promises';
import type { CableSettings } from '../service/settings.ts';
import type { Job } from './read.ts';
import { createTask, type Task, type TaskSpec } from './task.ts';
import { processBatch } from './work.ts';
import type { ChunkMessage } from './worker.ts';

export class MainExecutor {
  readonly batches: number[] = [];
  /** It runs one batch at a time and holds no other: a waiting batch is better given to a worker. */
  readonly capacity = 1;
  settingsSent = 0;
  private readonly task: Task;
  private queue: { batch: number; jobs: Job[] }[] = [];
  private running = false;
  private stopped = false;
  private ack: (() => void) | undefined;

  constructor(
    private readonly spec: TaskSpec,
    private readonly settings: (() => CableSettings[]) | undefined,
    private readonly onChunk: (m: ChunkMessage) => void,
    private readonly onError: (err: unknown) => void,
  ) {
    this.task = createTask(spec);
  }

  send(batch: number, jobs: Job[]): void {
    this.batches.push(batch);
    this.queue.push({ batch, jobs });
    if (!this.running) {
      this.running = true;
      this.loop().then(
        () => (this.running = false),
        (err: unknown) => {
          this.running = false;
          this.onError(err);
        },
      );
    }
  }

  /** The part just handed over is written: go on. */
  acknowledge(): void {
    const go = this.ack;
    this.ack = undefined;
    go?.();
  }

  stop(): void {
    this.stopped = true;
    this.acknowledge();
  }

  private async loop(): Promise<void> {
    while (this.queue.length && !this.stopped) {
      const { batch, jobs } = this.queue[0]!;
      if (this.settings) this.task.setSettings(this.settings());
      const run = processBatch(this.spec.command, jobs, this.task.processor);
      for (;;) {
        if (this.stopped) {
          run.return(undefined as never);
          return;
        }
        const step = run.next();
        if (step.done) {
          this.queue.shift();
          this.batches.shift();
          this.onChunk({ batch, chunk: step.value, last: true });
          break;
        }
        if (step.value) {
          const written = new Promise<void>((resolve) => (this.ack = resolve));
          this.onChunk({ batch, chunk: step.value, last: false });
          await written;
        } else await breathe();
      }
      await breathe();
    }
  }
}
