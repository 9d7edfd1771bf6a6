/**
 * One run of `cable lint` or `cable parse` over its inputs: the walk (inputs.ts), the threads
 * (pool.ts), the output (output.ts), and Ctrl+C, which stops the workers at once and leaves the output
 * valid up to the last whole record.
 */
import type { CableSettings } from '../service/settings.ts';
import type { CliIO, StopReason } from './io.ts';
import { inputs } from './inputs.ts';
import { Output, type Framing } from './output.ts';
import { runJobs } from './pool.ts';
import type { Job } from './read.ts';
import type { TaskSpec } from './task.ts';

export interface RunRequest {
  io: CliIO;
  spec: TaskSpec;
  paths: string[];
  extensions: string[];
  /** --jobs N; undefined for the default. */
  threads?: number;
  framing: Framing;
  /** `cable lint`, `cable parse`: starts each stderr line. */
  label: string;
  keepFailures?: boolean;
  /** cable lint: gives each job its settings index, and the table. */
  settings?: { forJob(job: Job): number; table(): CableSettings[] };
}

export interface RunResult {
  output: Output;
  stopped?: StopReason;
}

export async function runCommand(r: RunRequest): Promise<RunResult> {
  const output = new Output(r.io, r.framing, { keepFailures: r.keepFailures, progressLabel: r.label });
  const notice = (text: string) => r.io.stderr(`${r.label}: ${text}\n`);
  const walk = inputs(r.paths, { cwd: r.io.cwd, extensions: r.extensions, notice });
  const jobs: Iterator<Job> = r.settings ? withSettings(walk, r.settings.forJob) : walk;
  const controller = new AbortController();
  let stopped: StopReason | undefined;
  const unhook = r.io.onStop?.((why) => {
    if (stopped) return;
    stopped = why;
    controller.abort();
  });
  output.open();
  try {
    await runJobs(jobs, { threads: r.threads, spec: r.spec, settings: r.settings?.table, sink: output, signal: controller.signal });
  } finally {
    unhook?.();
  }
  if (stopped === 'interrupt') notice(`interrupted: the output holds the ${output.counts.inputs} file(s) finished before Ctrl+C`);
  return { output, stopped };
}

function* withSettings(jobs: Iterator<Job>, forJob: (job: Job) => number): Generator<Job> {
  for (let r = jobs.next(); !r.done; r = jobs.next()) {
    const job = r.value;
    if (job.kind !== 'error') job.settings = forJob(job);
    yield job;
  }
}

/** The exit status of a run stopped early: 130 after Ctrl+C (128 + SIGINT), 141 when the reader left (SIGPIPE). */
export function stoppedStatus(why: StopReason): number {
  return why === 'interrupt' ? 130 : 141;
}
