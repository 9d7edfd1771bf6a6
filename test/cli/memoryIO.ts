/** A CliIO that keeps what the CLI writes, for in-process tests of main(). */
import type { CliIO } from '../../server/src/cli/io.ts';

export interface MemoryIO extends CliIO {
  /** Standard output so far, decoded (the CLI writes text and UTF-8 bytes). */
  readonly out: string;
  readonly err: string;
}

export function memoryIO(cwd: string, isTTY = false): MemoryIO {
  const out: Buffer[] = [];
  let err = '';
  return {
    stdout: (t) => void out.push(typeof t === 'string' ? Buffer.from(t) : Buffer.from(t.buffer, t.byteOffset, t.byteLength)),
    stderr: (t) => void (err += t),
    isTTY,
    cwd,
    get out() {
      return Buffer.concat(out).toString('utf8');
    },
    get err() {
      return err;
    },
  };
}
