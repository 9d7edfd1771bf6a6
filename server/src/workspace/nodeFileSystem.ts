/** The workspace index's file access on Node (the desktop server): node:fs over `file:` URIs. */
import { opendir, open } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CableFileSystem } from './fileSystem.ts';

/**
 * Folders never worth walking for cables: dependencies, and hidden folders (VCS data, caches, editor
 * state), which matter when an editor announces a home directory as its root.
 */
const skipDir = (name: string) => name === 'node_modules' || name.startsWith('.');

function toPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
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
            const lower = entry.name.toLowerCase();
            if (exts.some((e) => lower.endsWith(e))) yield pathToFileURL(join(dir, entry.name)).href;
          }
        }
      } catch {
        // A directory removed mid-walk ends its listing; the rest of the tree is still walked.
      }
    }
  },

  async readHead(uri, maxBytes) {
    const path = toPath(uri);
    if (!path) return undefined;
    let fh;
    try {
      fh = await open(path, 'r');
      const buf = Buffer.allocUnsafe(maxBytes);
      const { bytesRead } = await fh.read(buf, 0, maxBytes, 0);
      return new TextDecoder('utf-8').decode(buf.subarray(0, bytesRead));
    } catch {
      return undefined;
    } finally {
      await fh?.close().catch(() => undefined);
    }
  },
};
