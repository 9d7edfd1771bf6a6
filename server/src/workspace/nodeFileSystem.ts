/**
 * The workspace's file access on Node (the desktop server): node:fs over `file:` URIs.
 *
 * Only regular files are read. A `*.cable` name can belong to a named pipe, a socket or a device, or be
 * a symbolic link to one (`/dev/zero`, a FIFO that no process writes): opening a pipe for reading waits
 * for a writer, and reading a device never ends. Files are therefore opened without waiting
 * (O_NONBLOCK, which regular files ignore) and checked with fstat on the open handle before any read, so
 * the check and the read concern the same file.
 */
import { constants, type Stats } from 'node:fs';
import { opendir, open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CableFileSystem, FileRead } from './fileSystem.ts';

/**
 * Folders never worth walking for cables: dependencies, and hidden folders (VCS data, caches, editor
 * state), which matter when an editor announces a home directory as its root.
 */
const skipDir = (name: string) => name === 'node_modules' || name.startsWith('.');

// O_NONBLOCK does not exist on Windows, where opening a pipe by a file name does not wait either.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

function toPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** Opens a path for reading if it is a regular file; the caller closes the handle. */
async function openRegular(path: string): Promise<{ fh: FileHandle; stat: Stats } | undefined> {
  const fh = await open(path, OPEN_FLAGS);
  try {
    const stat = await fh.stat();
    if (stat.isFile()) return { fh, stat };
  } catch {
    // fall through: close and report nothing
  }
  await fh.close().catch(() => undefined);
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

  async readHead(uri, maxBytes, maxFileBytes = Number.POSITIVE_INFINITY) {
    const path = toPath(uri);
    if (!path) return undefined;
    let opened;
    try {
      opened = await openRegular(path);
      if (!opened || opened.stat.size > maxFileBytes) return undefined;
      const buf = Buffer.allocUnsafe(Math.min(maxBytes, opened.stat.size));
      const { bytesRead } = await opened.fh.read(buf, 0, buf.length, 0);
      return new TextDecoder('utf-8').decode(buf.subarray(0, bytesRead));
    } catch {
      return undefined;
    } finally {
      await opened?.fh.close().catch(() => undefined);
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
      const buf = await opened.fh.readFile();
      return { text: new TextDecoder('utf-8').decode(buf) };
    } catch (e) {
      return { error: e instanceof Error ? e.message : String(e) };
    } finally {
      await opened?.fh.close().catch(() => undefined);
    }
  },
};
