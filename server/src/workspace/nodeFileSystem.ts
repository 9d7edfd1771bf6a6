/**
 * The workspace's file access on Node (the desktop server): node:fs over `file:` URIs.
 *
 * Only regular files are read. A `*.cable` name can belong to a named pipe, a socket or a device, or be
 * a symbolic link to one (`/dev/zero`, a FIFO that no process writes): opening a pipe for reading waits
 * for a writer, and reading a device never ends. Files are therefore opened without waiting
 * (O_NONBLOCK, which regular files ignore) and checked with fstat on the open handle before any read, so
 * the check and the read concern the same file.
 */
import { close, constants, fstat, open, read, readFile, type Stats } from 'node:fs';
import { opendir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CableFileSystem, FileRead, WholeIf } from './fileSystem.ts';

/**
 * Folders never worth walking for cables: dependencies, and hidden folders (VCS data, caches, editor
 * state), which matter when an editor announces a home directory as its root.
 */
const skipDir = (name: string) => name === 'node_modules' || name.startsWith('.');

// O_NONBLOCK does not exist on Windows, where opening a pipe by a file name does not wait either.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

const decoder = new TextDecoder('utf-8');

function toPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

// The callback API rather than fs/promises' FileHandle: a quarter of a million heads are read, and a
// FileHandle costs the main thread about half as much again per file (measured: 60 against 90 µs).
const openFd = (path: string) => new Promise<number>((resolve, reject) => open(path, OPEN_FLAGS, (e, fd) => (e ? reject(e) : resolve(fd))));
const statFd = (fd: number) => new Promise<Stats>((resolve, reject) => fstat(fd, (e, st) => (e ? reject(e) : resolve(st))));
const closeFd = (fd: number) => new Promise<void>((resolve) => close(fd, () => resolve()));
const readFd = (fd: number, buf: Buffer, position = 0, length = buf.length) =>
  new Promise<number>((resolve, reject) => read(fd, buf, 0, length, position, (e, n) => (e ? reject(e) : resolve(n))));

/**
 * The buffers headAndSigns reads files through, kept for the next file: the index reads a quarter of a
 * million files, and a buffer allocated for each would be memory outside the heap for the garbage
 * collector to chase. One per read in flight (the index reads 16 at a time); a file longer than one
 * chunk is read a chunk at a time.
 */
const CHUNK_BYTES = 256 * 1024;
const spareChunks: Buffer[] = [];
const SPARE_CHUNKS = 16;

function borrowChunk(atLeast: number): Buffer {
  const spare = spareChunks.pop();
  return spare && spare.length >= atLeast ? spare : Buffer.allocUnsafeSlow(Math.max(CHUNK_BYTES, atLeast));
}

function returnChunk(chunk: Buffer): void {
  if (spareChunks.length < SPARE_CHUNKS) spareChunks.push(chunk);
}

/**
 * Reads a file of `size` bytes chunk by chunk: its first `headBytes` decoded, and whether one of `signs`
 * occurs twice in it. Chunks overlap by a sign's length less one, so a sign cut by a chunk's end is
 * found in the next, and counted there only (it ends among that chunk's new bytes).
 */
async function headAndSigns(fd: number, size: number, headBytes: number, signs: readonly string[]): Promise<{ head: string; twice: boolean }> {
  const chunk = borrowChunk(headBytes);
  try {
    const counts = signs.map(() => 0);
    const overlap = Math.max(1, ...signs.map((sign) => sign.length)) - 1;
    let head = '';
    // Bytes before `fresh` were searched in an earlier chunk.
    for (let fresh = 0; fresh < size; ) {
      const from = Math.max(0, fresh - overlap);
      const n = await readFd(fd, chunk, from, Math.min(chunk.length, size - from));
      if (n === 0) break;
      if (from === 0) head = decoder.decode(chunk.subarray(0, Math.min(n, headBytes)));
      const bytes = chunk.subarray(0, n);
      for (let k = 0; k < signs.length; k++) {
        const sign = signs[k]!;
        for (let i = bytes.indexOf(sign); i >= 0; i = bytes.indexOf(sign, i + sign.length)) {
          if (from + i + sign.length > fresh && ++counts[k]! === 2) return { head, twice: true };
        }
      }
      fresh = from + n;
    }
    return { head, twice: false };
  } finally {
    returnChunk(chunk);
  }
}

/** The first `bytes` bytes of an open file, decoded. */
async function readStart(fd: number, bytes: number): Promise<string> {
  const buf = Buffer.allocUnsafe(bytes);
  let got = 0;
  while (got < bytes) {
    const n = await readFd(fd, buf.subarray(got), got);
    if (n === 0) break;
    got += n;
  }
  return decoder.decode(buf.subarray(0, got));
}

/** Opens a path for reading if it is a regular file; the caller closes the descriptor. */
async function openRegular(path: string): Promise<{ fd: number; stat: Stats } | undefined> {
  const fd = await openFd(path);
  try {
    const stat = await statFd(fd);
    if (stat.isFile()) return { fd, stat };
  } catch {
    // fall through: close and report nothing
  }
  await closeFd(fd);
  return undefined;
}

export const nodeFileSystem: CableFileSystem = {
  async *listFiles(folderUri, extensions) {
    const root = toPath(folderUri);
    if (!root) return;
    const exts = extensions.map((e) => e.toLowerCase());
    const stack = [root];
    while (stack.length) {
      const dir = stack.pop()!;
      let handle;
      try {
        handle = await opendir(dir);
      } catch {
        continue; // unreadable or vanished while walking
      }
      try {
        for await (const entry of handle) {
          if (entry.isDirectory()) {
            if (!skipDir(entry.name)) stack.push(join(dir, entry.name));
          } else if (entry.isFile() || entry.isSymbolicLink()) {
            // A link is listed by its name; whether it leads to a regular file is checked on reading.
            const lower = entry.name.toLowerCase();
            if (exts.some((e) => lower.endsWith(e))) yield pathToFileURL(join(dir, entry.name)).href;
          }
        }
      } catch {
        // A directory removed mid-walk ends its listing; the rest of the tree is still walked.
      }
    }
  },

  async readHead(uri, maxBytes, maxFileBytes = Number.POSITIVE_INFINITY, whole?: WholeIf) {
    const path = toPath(uri);
    if (!path) return undefined;
    let opened;
    try {
      opened = await openRegular(path);
      if (!opened || opened.stat.size > maxFileBytes) return undefined;
      const size = opened.stat.size;
      if (whole && size > maxBytes) {
        const { head, twice } = await headAndSigns(opened.fd, size, maxBytes, whole.signs);
        return twice ? await readStart(opened.fd, Math.min(size, Math.max(maxBytes, whole.maxBytes))) : head;
      }
      const buf = Buffer.allocUnsafe(Math.min(maxBytes, size));
      const bytesRead = buf.length ? await readFd(opened.fd, buf) : 0;
      return decoder.decode(buf.subarray(0, bytesRead));
    } catch {
      return undefined;
    } finally {
      if (opened) await closeFd(opened.fd);
    }
  },

  async readFile(uri, maxBytes): Promise<FileRead> {
    const path = toPath(uri);
    if (!path) return { error: 'not a file on this computer' };
    let opened;
    try {
      opened = await openRegular(path);
      if (!opened) return { error: 'not a regular file' };
      if (opened.stat.size > maxBytes) return { error: `larger than ${maxBytes} bytes` };
      // Read through the descriptor that was checked, not by the name again.
      const fd = opened.fd;
      const buf = await new Promise<Buffer>((resolve, reject) => readFile(fd, (e, b) => (e ? reject(e) : resolve(b))));
      return { text: decoder.decode(buf) };
    } catch (e) {
      return { error: e instanceof Error ? e.message : String(e) };
    } finally {
      if (opened) await closeFd(opened.fd);
    }
  },
};
