import type { CliIO } from './io.ts';

// Filled by the diagnostics work (issue 4): `cable lint [--format text|json|sarif] PATH...`.
export async function runLint(_args: string[], io: CliIO): Promise<number> {
  io.stderr('cable lint: not available yet\n');
  return 2;
}
