/**
 * Reading one input of the command line within the memory bound. A regular file up to WHOLE_FILE_BYTES is
 * read at once and cut into its cables as the editor cuts it (service/sequence.ts). Anything larger, and
 * every stream (standard input, a named pipe), is read in chunks and cut into cables at their first lines
 * (split.ts): a file of many cables one after another is checked cable by cable, never held whole.
 *
 * Files found in a folder are opened without blocking and must be regular files, so a `*.cable` link to a
 * named pipe or to /dev/zero can neither hang the walk nor be read without end. Text must be UTF-8 without
 * NUL bytes; what is not is named with the byte where it goes wrong.
 */
import * as fs from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { CABLE_HEAD_CHARS, looksLikeCable } from '../service/detect.ts';
import { CableSplitter, type Piece } from './split.ts';
import { cableText, findCableStarts } from '../service/sequence.ts';

/**
 * Whole files up to this size are read at once and are one cable. The parser's model costs about four
 * bytes per byte of cable text on top of the text (measured over the corpus cables run together), so a
 * piece of this size needs some 60 MB while it is checked.
 */
export const WHOLE_FILE_BYTES = 8 * 1024 * 1024;
const CHUNK_BYTES = 1024 * 1024;

/** One input, as the walk hands it to whoever reads it. */
export interface Job {
  /** The name printed in output: the path as given or found, `<stdin>` for standard input. */
  name: string;
  /** file: a regular file; stream: standard input or a named non-regular file; error: found unreadable. */
  kind: 'file' | 'stream' | 'error';
  /** Absolute path; `-` for standard input. */
  path?: string;
  /** Found in a folder with another extension than .cable: taken only if its head reads as a cable. */
  test?: boolean;
  error?: string;
  /** Index into the settings table (cable lint). */
  settings?: number;
  /** Size in bytes, when the pool looked ahead to weigh the input left (lookahead.ts). */
  bytes?: number;
}

export type ReadEvent = { piece: Piece } | { failure: string; line: number } | { notCable: true };

export const STDIN_NAME = '<stdin>';

/** A short reason for a failed file operation, as a reader of the message needs it. */
export function errorText(err: unknown): string {
  if (err && typeof err === 'object' && 'code' in err && typeof err.code === 'string') {
    switch (err.code) {
      case 'ENOENT':
        return 'no such file or directory';
      case 'EACCES':
      case 'EPERM':
        return 'permission denied';
      case 'EISDIR':
        return 'is a directory';
      case 'ENXIO':
        return 'not a file that can be read (a socket or device without a reader)';
      case 'ELOOP':
        return 'too many levels of symbolic links';
    }
    const msg = 'message' in err && typeof err.message === 'string' ? err.message : '';
    return msg || err.code;
  }
  return err instanceof Error ? err.message : String(err);
}

/** What a non-regular file is, for the message that says it was not read. */
export function fileKind(st: fs.Stats): string {
  if (st.isFIFO()) return 'a named pipe';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  if (st.isDirectory()) return 'a directory';
  return 'not a regular file';
}

// ---------------------------------------------------------------------------------------------
// Text checks

/** Offset of the first byte that breaks UTF-8 (only called once the fast check has failed). */
function firstInvalidUtf8(buf: Uint8Array): number {
  for (let i = 0; i < buf.length; ) {
    const b = buf[i]!;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (len === 0) return i;
    for (let k = 1; k < len; k++) if (((buf[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += len;
  }
  return buf.length;
}

function notText(buf: Uint8Array, offset: number): string | undefined {
  const nul = buf.indexOf(0);
  if (nul >= 0) return `not a text file (a NUL byte at byte ${offset + nul})`;
  return undefined;
}

/** The bytes of a whole file as text, or why they are not a cable's text. */
export function decodeWhole(buf: Buffer): { text: string } | { error: string } {
  if (buf.length === 0) return { error: 'empty file' };
  const nul = notText(buf, 0);
  if (nul) return { error: nul };
  if (!isUtf8(buf)) return { error: `not UTF-8 text (an invalid byte at byte ${firstInvalidUtf8(buf)})` };
  // toString keeps a BOM as character 0 of line 0, as the model's positions expect.
  const text = buf.toString('utf8');
  if (!/\S/.test(text)) return { error: 'empty file (only blank space)' };
  return { text };
}

/** Decodes a stream chunk by chunk, failing at the first NUL byte or broken UTF-8 sequence. */
class StreamDecoder {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  private offset = 0;

  decode(chunk: Uint8Array, last = false): { text: string } | { error: string } {
    const nul = notText(chunk, this.offset);
    if (nul) return { error: nul };
    try {
      const text = this.decoder.decode(chunk, { stream: !last });
      this.offset += chunk.length;
      return { text };
    } catch {
      return { error: `not UTF-8 text (an invalid byte at byte ${this.offset + firstInvalidUtf8(chunk)})` };
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Reading

interface Source {
  fd: number;
  regular: boolean;
  size: number;
  own: boolean;
}

function open(job: Job): Source {
  if (job.path === '-') return { fd: 0, regular: false, size: 0, own: false };
  // Files are opened without blocking: were a pipe swapped in since the walk saw a regular file, opening
  // it must not wait for a writer. Streams named on the command line are opened as any reader would.
  const flags = job.kind === 'file' ? fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0) : fs.constants.O_RDONLY;
  const fd = fs.openSync(job.path!, flags);
  const st = fs.fstatSync(fd);
  if (job.kind === 'file' && !st.isFile()) {
    fs.closeSync(fd);
    throw new Error(`skipped: ${fileKind(st)}, not a regular file`);
  }
  if (st.isDirectory()) {
    fs.closeSync(fd);
    throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
  }
  return { fd, regular: st.isFile(), size: st.size, own: true };
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/** Reads into `buf` from `at`; 0 at the end. A non-blocking stream with nothing yet is waited for. */
function readSome(fd: number, buf: Buffer, at: number): number {
  for (;;) {
    try {
      return fs.readSync(fd, buf, at, buf.length - at, null);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EAGAIN') throw err;
      Atomics.wait(pause, 0, 0, 5);
    }
  }
}

/** Reads until `buf` is full or the input ends; returns the bytes read. */
function fill(fd: number, buf: Buffer, from = 0): number {
  let at = from;
  while (at < buf.length) {
    const n = readSome(fd, buf, at);
    if (n === 0) break;
    at += n;
  }
  return at;
}

/** The events of one input: its cables, a failure, or that it is not a cable at all. */
export function* readJob(job: Job, limit = WHOLE_FILE_BYTES): Generator<ReadEvent> {
  if (job.kind === 'error') {
    yield { failure: job.error ?? 'cannot be read', line: 0 };
    return;
  }
  let src: Source;
  try {
    src = open(job);
  } catch (err) {
    yield { failure: errorText(err), line: 0 };
    return;
  }
  try {
    if (src.regular && src.size <= limit) yield* readWhole(src, job.test);
    else yield* readStream(src, job.test, limit);
  } catch (err) {
    yield { failure: errorText(err), line: 0 };
  } finally {
    if (src.own) fs.closeSync(src.fd);
  }
}

function* readWhole(src: Source, test: boolean | undefined): Generator<ReadEvent> {
  const buf = Buffer.allocUnsafe(src.size);
  let got = 0;
  if (test) {
    // Only the head decides whether a .txt file is a cable: the rest is read only if it is one.
    got = fill(src.fd, buf.subarray(0, Math.min(src.size, CABLE_HEAD_CHARS)));
    if (!looksLikeCable(buf.toString('utf8', 0, got))) {
      yield { notCable: true };
      return;
    }
  }
  got = fill(src.fd, buf, got);
  const decoded = decodeWhole(buf.subarray(0, got));
  if ('error' in decoded) yield { failure: decoded.error, line: 0 };
  else yield* cablesOf(decoded.text);
}

/** A text read whole, one piece per cable it holds (one for most files), as the editor reads it. */
function* cablesOf(text: string): Generator<ReadEvent> {
  const starts = findCableStarts(text);
  for (let k = 0; k < starts.length; k++) yield { piece: { text: cableText(text, starts[k]!, starts[k + 1]), line: starts[k]!.line } };
}

/**
 * A large file or a stream, read through one chunk buffer. A stream is gathered up to `limit` bytes
 * first: one that ends within them is one cable, as a file of that size would be. Past that, and for a
 * file known to be larger, the text is cut into cables as it is read.
 */
function* readStream(src: Source, test: boolean | undefined, limit: number): Generator<ReadEvent> {
  const buf = Buffer.allocUnsafe(CHUNK_BYTES);
  const gathered: Buffer[] = [];
  let ended = false;
  if (!src.regular) {
    let total = 0;
    while (!ended && total <= limit) {
      const n = fill(src.fd, buf);
      // Binary data (/dev/zero named on the command line) is refused at its first chunk.
      const binary = notText(buf.subarray(0, n), total);
      if (binary) {
        yield { failure: binary, line: 0 };
        return;
      }
      if (n > 0) gathered.push(Buffer.from(buf.subarray(0, n)));
      total += n;
      ended = n < CHUNK_BYTES;
    }
    if (ended && total <= limit) {
      const decoded = decodeWhole(Buffer.concat(gathered));
      if ('error' in decoded) yield { failure: decoded.error, line: 0 };
      else yield* cablesOf(decoded.text);
      return;
    }
  }
  const decoder = new StreamDecoder();
  const splitter = new CableSplitter(limit);
  for (let first = true; ; first = false) {
    let chunk: Buffer;
    let last: boolean;
    if (gathered.length) {
      chunk = gathered.shift()!;
      last = ended && !gathered.length;
    } else {
      const n = fill(src.fd, buf);
      chunk = buf.subarray(0, n);
      last = ended = n < CHUNK_BYTES;
    }
    // Only the head decides whether a .txt file is a cable.
    if (first && test && !looksLikeCable(chunk.toString('utf8', 0, Math.min(chunk.length, CABLE_HEAD_CHARS)))) {
      yield { notCable: true };
      return;
    }
    const decoded = decoder.decode(chunk, last);
    if ('error' in decoded) {
      for (const piece of splitter.end()) yield { piece };
      yield { failure: `${decoded.error}; read no further`, line: splitter.linesRead };
      return;
    }
    for (const piece of splitter.push(decoded.text)) yield { piece };
    if (last) break;
  }
  for (const piece of splitter.end()) yield { piece };
}
