import type { CliIO } from './io.ts';

// Filled by the parser work (issue 3): `cable parse PATH...` prints the JSON model of each file.
export async function runParse(_args: string[], io: CliIO): Promise<number> {
  io.stderr('cable parse: not available yet\n');
  return 2;
}
