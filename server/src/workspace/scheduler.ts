/**
 * Background work that shares the event loop with the editor's requests: the index walking a folder and
 * workspace diagnostics checking it. Each piece of work calls `checkpoint()` between small steps; once a
 * slice has run for `sliceMs`, the checkpoint hands the loop back (`setImmediate`), so requests that
 * arrived meanwhile are answered before the next slice. One slicer serves every background task, so two
 * of them together still keep to one budget.
 */

const now = (): number => performance.now();

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof setImmediate === 'function') setImmediate(resolve);
    else setTimeout(resolve, 0);
  });
}

export class Slicer {
  private sliceStart = now();

  constructor(private readonly sliceMs = 10) {}

  /** Resolves at once while the slice lasts; after it, once the event loop has turned. */
  async checkpoint(): Promise<void> {
    if (now() - this.sliceStart < this.sliceMs) return;
    await yieldToEventLoop();
    this.sliceStart = now();
  }
}

export const TIMED_OUT: unique symbol = Symbol('timed out');

/**
 * The promise's value, or TIMED_OUT when it takes longer than `ms`. The work itself is not stopped
 * (a read stuck in the operating system cannot be), but nobody waits for it any more.
 */
export function withTimeout<T>(p: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), ms);
  });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

/**
 * Runs `work` on every item, at most `concurrency` at a time, in the order the items come: a slow item
 * holds up one lane, never the others. Resolves when every item is done (or `stop()` says so).
 */
export async function forEachConcurrently<T>(
  items: AsyncIterable<T> | Iterable<T>,
  concurrency: number,
  work: (item: T) => Promise<void>,
  stop: () => boolean = () => false,
): Promise<void> {
  const running = new Set<Promise<void>>();
  for await (const item of items) {
    if (stop()) break;
    const p: Promise<void> = work(item)
      .catch(() => undefined)
      .finally(() => running.delete(p));
    running.add(p);
    if (running.size >= concurrency) await Promise.race(running);
  }
  await Promise.all(running);
}
