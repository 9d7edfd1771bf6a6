/** What the CLI needs from the outside world, so tests can run it in-process. */

/** Why a run stops early: Ctrl+C (or SIGTERM), or the reader of standard output went away. */
export type StopReason = 'interrupt' | 'output-closed';

export interface CliIO {
  /** Writes to standard output (text, or UTF-8 bytes). False when the reader is behind: wait for `drained` before writing more. */
  stdout(data: string | Uint8Array): boolean | void;
  /** Resolves when standard output has taken everything written so far. */
  drained?(): Promise<void>;
  stderr(text: string): void;
  /** True when stderr is a terminal (progress lines are shown only then). */
  isTTY: boolean;
  cwd: string;
  /** Calls `stop` on Ctrl+C or when standard output closes; returns a function that removes the handler. */
  onStop?(stop: (why: StopReason) => void): () => void;
}

function drained(): Promise<void> {
  const out = process.stdout;
  if (!out.writableNeedDrain) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      out.off('error', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
    out.on('error', done);
  });
}

let stopHandler: ((why: StopReason) => void) | undefined;
let listening = false;

/** One lasting listener: a reader that goes away (`| head`) stops the run, and later writes fail quietly. */
function listen(): void {
  if (listening) return;
  listening = true;
  let signals = 0;
  const onSignal = () => {
    // A second Ctrl+C leaves at once, should the orderly stop itself be stuck.
    if (++signals > 1 || !stopHandler) process.exit(130);
    stopHandler('interrupt');
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE' && err.code !== 'ERR_STREAM_DESTROYED') throw err;
    stopHandler?.('output-closed');
  });
}

function onStop(stop: (why: StopReason) => void): () => void {
  listen();
  stopHandler = stop;
  return () => {
    if (stopHandler === stop) stopHandler = undefined;
  };
}

export const nodeIO: CliIO = {
  stdout: (t) => process.stdout.write(t),
  drained,
  stderr: (t) => process.stderr.write(t),
  isTTY: !!process.stderr.isTTY,
  cwd: process.cwd(),
  onStop,
};
