/**
 * The work of one batch of inputs, the same on a worker thread and on the main thread (`--jobs 1`):
 * read each input (read.ts), hand each cable to the command's processor, and gather what it prints.
 * The output goes back as one compact chunk of already formatted UTF-8 per batch, so the main thread
 * only writes it; a batch whose output grows large (a file of many cables) hands it back in parts on
 * the way, so no thread holds more than about PART_CHARS of output.
 */
import { readJob, WHOLE_FILE_BYTES, type Job } from './read.ts';

/** Output gathered before a part is handed back. */
const PART_CHARS = 1024 * 1024;
/** The main thread gets a moment this often while it works through a batch itself. */
const BREATHE_MS = 50;
/** Cables longer than this take the shared token (see BigToken) while they are parsed. */
const BIG_CHARS = 1024 * 1024;

export interface Counts {
  /** Inputs read (files, streams). */
  inputs: number;
  /** Cables checked. */
  cables: number;
  /** Files found in folders and left out because their head is not a cable's. */
  notCables: number;
  /** Inputs or cables that could not be checked (unreadable, not text, empty, parser failure). */
  failed: number;
  errors: number;
  warnings: number;
  notes: number;
}

export const noCounts = (): Counts => ({ inputs: 0, cables: 0, notCables: 0, failed: 0, errors: 0, warnings: 0, notes: 0 });

export function addCounts(into: Counts, from: Counts): void {
  for (const k of Object.keys(into) as (keyof Counts)[]) into[k] += from[k];
}

/** What a batch hands back: formatted output, messages for stderr, counts. */
export interface Chunk {
  /** Records joined by the format's separator, as UTF-8 (its buffer is the chunk's own, to transfer). */
  out: Uint8Array;
  records: number;
  /** Lines for standard error, in input order. */
  messages: string;
  counts: Counts;
  /** Inputs that could not be checked, for formats that list them (SARIF). */
  failures: { file: string; error: string }[];
  /** Jobs of the batch whose output is complete up to and including this chunk. */
  jobsDone: number;
}

const INITIAL_BYTES = 64 * 1024;
/** A record this short is given room for its worst case (3 bytes per UTF-16 unit) without measuring it. */
const MEASURE_OVER = 64 * 1024;

/**
 * Gathers a batch's output as UTF-8 bytes, written once, in the thread that formats it: the buffer goes
 * to the main thread without a copy (its memory is transferred) and from there to standard output as it
 * is. Writing each record into the buffer at once also lets go of the strings it was built from (a text
 * line quotes a message that quotes the cable), which kept, would hold whole chunks of input alive.
 */
export class Accumulator {
  private out = Buffer.allocUnsafeSlow(INITIAL_BYTES);
  private used = 0;
  private records = 0;
  private messages: string[] = [];
  private messageChars = 0;
  counts = noCounts();
  failures: { file: string; error: string }[] = [];

  constructor(private readonly separator: string) {}

  record(text: string): void {
    if (this.separator && this.records > 0) this.put(this.separator);
    this.put(text);
    this.records++;
  }

  message(line: string): void {
    this.messages.push(line);
    this.messageChars += line.length;
  }

  /** Output and messages held, in bytes and characters: the size a part is handed back at. */
  get size(): number {
    return this.used + this.messageChars;
  }

  private put(text: string): void {
    const room = text.length < MEASURE_OVER ? text.length * 3 : Buffer.byteLength(text);
    if (this.used + room > this.out.length) {
      const bigger = Buffer.allocUnsafeSlow(Math.max(this.used + room, this.out.length * 2));
      this.out.copy(bigger, 0, 0, this.used);
      this.out = bigger;
    }
    this.used += this.out.write(text, this.used);
  }

  take(jobsDone: number): Chunk {
    const chunk: Chunk = {
      out: this.out.subarray(0, this.used),
      records: this.records,
      messages: this.messages.join(''),
      counts: this.counts,
      failures: this.failures,
      jobsDone,
    };
    this.out = Buffer.allocUnsafeSlow(INITIAL_BYTES);
    this.used = 0;
    this.records = 0;
    this.messages = [];
    this.messageChars = 0;
    this.counts = noCounts();
    this.failures = [];
    return chunk;
  }
}

/** One cable to check, with where it came from. */
export interface CableInput {
  name: string;
  /** 0-based line of the file where the cable starts (0 unless the file holds several). */
  line: number;
  text: string;
  settings: number;
  truncated: boolean;
}

/** What a command does with each cable and each failure: format them into the accumulator. */
export interface Processor {
  /** Between two records of one chunk: `,\n` in a JSON array, nothing where records end their lines. */
  readonly separator: string;
  cable(input: CableInput, acc: Accumulator): void;
  failure(name: string, line: number, error: string, acc: Accumulator): void;
}

/**
 * Cables of several megabytes cost several times their size while they are parsed. Threads take this
 * token, shared between them, for such a cable, so two never add up; it is held only while one cable is
 * checked, never while waiting for anything else. The cell holds the holder's thread id, so the main
 * thread can free it should that thread die.
 */
export class BigToken {
  constructor(
    private readonly cell: Int32Array,
    private readonly owner: number,
  ) {}

  take(): void {
    for (;;) {
      const holder = Atomics.compareExchange(this.cell, 0, 0, this.owner);
      if (holder === 0) return;
      Atomics.wait(this.cell, 0, holder, 100);
    }
  }

  give(): void {
    Atomics.compareExchange(this.cell, 0, this.owner, 0);
    Atomics.notify(this.cell, 0, 1);
  }

  /** Frees the token if `owner` holds it (that thread has died). */
  static release(cell: Int32Array, owner: number): void {
    if (Atomics.compareExchange(cell, 0, owner, 0) === owner) Atomics.notify(cell, 0, 1);
  }
}

export interface BatchOptions {
  /** Cell where the batch's progress (jobs begun) is kept, read by the main thread if this thread dies. */
  progress?: Int32Array;
  token?: BigToken;
  limit?: number;
}

function truncatedMessage(command: string, input: CableInput, limit: number): string {
  const end = input.line + (input.text.match(/\r\n|\r|\n/g)?.length ?? 0);
  return `cable ${command}: ${input.name}: the cable from line ${input.line + 1} is longer than ${Math.round(limit / 1024 / 1024)} MB: checked lines ${input.line + 1}–${end}, the rest of it up to the next cable is not checked\n`;
}

/**
 * Works through a batch. Yields a chunk whenever the output passes PART_CHARS (the caller must see it
 * written before asking for more), and `null` now and then so a caller on the main thread can let
 * signals in; returns the last chunk.
 */
export function* processBatch(command: string, jobs: Job[], proc: Processor, options: BatchOptions = {}): Generator<Chunk | null, Chunk> {
  const acc = new Accumulator(proc.separator);
  const limit = options.limit ?? WHOLE_FILE_BYTES;
  let since = performance.now();
  for (let i = 0; i < jobs.length; i++) {
    const job = jobs[i]!;
    if (options.progress) Atomics.store(options.progress, 0, i);
    acc.counts.inputs++;
    for (const ev of readJob(job, limit)) {
      if ('notCable' in ev) {
        acc.counts.inputs--;
        acc.counts.notCables++;
      } else if ('failure' in ev) {
        proc.failure(job.name, ev.line, ev.failure, acc);
      } else {
        const input: CableInput = { name: job.name, line: ev.piece.line, text: ev.piece.text, settings: job.settings ?? 0, truncated: !!ev.piece.truncated };
        if (input.truncated) acc.message(truncatedMessage(command, input, limit));
        const big = input.text.length > BIG_CHARS && options.token;
        if (big) options.token!.take();
        try {
          proc.cable(input, acc);
        } finally {
          if (big) options.token!.give();
        }
      }
      if (acc.size >= PART_CHARS) yield acc.take(i);
      if (performance.now() - since > BREATHE_MS) {
        yield null;
        since = performance.now();
      }
    }
  }
  return acc.take(jobs.length);
}
