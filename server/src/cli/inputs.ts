/**
 * The inputs named on the command line, in order, as jobs for read.ts: files as given, `-` for standard
 * input, and folders walked in sorted order, lazily, so the first cables are checked while the walk goes
 * on. The walk takes regular files only (following a symbolic link to one): a link to a named pipe or a
 * device is named on stderr and left alone, never opened. `.cable` files are taken as they are; files
 * of the other extensions listed (`.txt` by default) only when their head reads as a cable, the same test
 * the editor uses. Dot-folders and node_modules are not walked, nor are links to folders (no loops).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { errorText, fileKind, STDIN_NAME, type Job } from './read.ts';

export const DEFAULT_EXTENSIONS = ['cable', 'txt'];

export interface InputOptions {
  cwd: string;
  /** Extensions a folder walk takes, without the dot; `cable` files need no test. */
  extensions: string[];
  /** Called for what the walk leaves out, for stderr. */
  notice(text: string): void;
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

function byName(a: fs.Dirent, b: fs.Dirent): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** The files under `dir`, shown relative to how the folder was named (`shown`). */
function* walk(dir: string, shown: string, o: InputOptions, exts: Set<string>): Generator<Job> {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    yield { kind: 'error', name: shown, error: `cannot read the folder: ${errorText(err)}` };
    return;
  }
  entries.sort(byName);
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    const abs = path.join(dir, e.name);
    const name = path.join(shown, e.name);
    if (e.isDirectory()) {
      if (!e.name.startsWith('.') && e.name !== 'node_modules') yield* walk(abs, name, o, exts);
      continue;
    }
    const ext = extensionOf(e.name);
    if (!exts.has(ext)) continue;
    const test = ext !== 'cable';
    if (e.isFile()) {
      yield { kind: 'file', name, path: abs, test };
      continue;
    }
    let st: fs.Stats;
    try {
      st = fs.statSync(abs);
    } catch (err) {
      yield { kind: 'error', name, error: errorText(err) };
      continue;
    }
    if (st.isFile()) yield { kind: 'file', name, path: abs, test };
    else if (!st.isDirectory()) o.notice(`${name}: skipped: ${fileKind(st)}, not a regular file`);
  }
}

/** Jobs for every path named, in order. */
export function* inputs(paths: string[], o: InputOptions): Generator<Job> {
  const exts = new Set(o.extensions.map((e) => e.replace(/^\./, '').toLowerCase()));
  for (const p of paths) {
    if (p === '-') {
      yield { kind: 'stream', name: STDIN_NAME, path: '-' };
      continue;
    }
    const abs = path.resolve(o.cwd, p);
    let st: fs.Stats;
    try {
      st = fs.statSync(abs);
    } catch (err) {
      yield { kind: 'error', name: p, error: errorText(err) };
      continue;
    }
    if (st.isDirectory()) yield* walk(abs, p, o, exts);
    // Named on the command line: taken whatever its extension, and a pipe (`<(…)`) is read as a stream.
    else yield { kind: st.isFile() ? 'file' : 'stream', name: p, path: abs };
  }
}
