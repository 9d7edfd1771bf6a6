/** What the CLI needs from the outside world, so tests can run it in-process. */
import * as fs from 'node:fs';

export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** True when stderr is a terminal (progress lines are shown only then). */
  isTTY: boolean;
  cwd: string;
  readFile(path: string): Uint8Array;
}

export const nodeIO: CliIO = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  isTTY: !!process.stderr.isTTY,
  cwd: process.cwd(),
  readFile: (p) => fs.readFileSync(p),
};
