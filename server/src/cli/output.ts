/**
 * Standard output of a run: the format's opening (`[` of a JSON array, SARIF's run header, the CSV
 * header row), the records of each chunk as they come, in order, and the closing. Written as it goes, so
 * whatever has been written when a run stops early (Ctrl+C) is valid once `close` adds the closing:
 * a JSON array of whole entries, whole JSON lines, whole CSV rows.
 */
import type { CliIO } from './io.ts';
import { addCounts, noCounts, type Chunk } from './work.ts';
import type { Sink } from './pool.ts';

export interface Framing {
  open: string;
  /** Between the records of two chunks (the chunk joins its own). */
  separator: string;
  close(records: number): string;
}

export const LINES: Framing = { open: '', separator: '', close: () => '' };

export const JSON_ARRAY: Framing = { open: '[\n', separator: ',\n', close: (n) => (n ? '\n]\n' : ']\n') };

/** A progress line on a terminal, once this many inputs are done. */
const PROGRESS_OVER = 300;
const PROGRESS_MS = 200;

export class Output implements Sink {
  readonly counts = noCounts();
  records = 0;
  /** Inputs not checked, kept only for formats that list them at the end (SARIF). */
  readonly failures: { file: string; error: string }[] = [];
  private progressShown = false;
  private lastProgress = 0;

  constructor(
    private readonly io: CliIO,
    private readonly framing: Framing,
    private readonly o: { keepFailures?: boolean; progressLabel: string },
  ) {}

  open(): void {
    if (this.framing.open) this.io.stdout(this.framing.open);
  }

  write(chunk: Chunk): boolean {
    if (chunk.messages) {
      this.clearProgress();
      this.io.stderr(chunk.messages);
    }
    addCounts(this.counts, chunk.counts);
    if (this.o.keepFailures) this.failures.push(...chunk.failures);
    let ok = true;
    if (chunk.records) {
      this.clearProgress();
      if (this.records && this.framing.separator) this.io.stdout(this.framing.separator);
      this.records += chunk.records;
      ok = this.io.stdout(chunk.out) !== false;
    }
    this.showProgress();
    return ok;
  }

  drained(): Promise<void> {
    return this.io.drained ? this.io.drained() : Promise.resolve();
  }

  /** Writes the closing; `tail` replaces the framing's (SARIF's, which lists the failures). */
  close(tail?: string): void {
    this.clearProgress();
    const text = tail ?? this.framing.close(this.records);
    if (text) this.io.stdout(text);
  }

  private showProgress(): void {
    if (!this.io.isTTY || this.counts.inputs < PROGRESS_OVER) return;
    const now = performance.now();
    if (now - this.lastProgress < PROGRESS_MS) return;
    this.lastProgress = now;
    this.progressShown = true;
    this.io.stderr(`\r${this.o.progressLabel}: ${this.counts.inputs} files`);
  }

  private clearProgress(): void {
    if (!this.progressShown) return;
    this.progressShown = false;
    this.io.stderr('\r\x1b[K');
  }
}
