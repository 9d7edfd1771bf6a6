/**
 * `cable lint [--format text|json|sarif] [--config FILE] [--jobs N] [--ext LIST] PATH...`: the editor's
 * rules over files, folders and standard input, printed as each batch is checked, in input order.
 * Settings come from `--config FILE`, else the nearest `.cablerc.json` above each file (the same shape as
 * the editor's `cable.*` settings). Exit 0 when no error-level diagnostic, 1 when any, 2 for usage errors
 * and for inputs that could not be checked (the others are still linted), 130 after Ctrl+C.
 */
import * as path from 'node:path';
import type { CliIO } from './io.ts';
import { JSON_ARRAY, LINES, type Framing } from './output.ts';
import { COMMON_OPTIONS, parseArgs } from './options.ts';
import { runCommand, stoppedStatus } from './run.ts';
import { sarifFraming } from './sarif.ts';
import { SettingsResolver } from './settingsResolver.ts';
import type { LintFormat } from './lintRecords.ts';
import type { Job } from './read.ts';

export { LintProcessor, type FileResult, type LintDiagnostic } from './lintRecords.ts';

export const LINT_USAGE = `Usage: cable lint [options] PATH...

Checks cables against the diagnostics rules. Folders are walked for *.cable files
and for .txt files that are cables; files named on the command line are linted
whatever their extension; - reads standard input.

Options:
  --format text|json|sarif   output format (default: text)
  --config FILE              settings file (default: the nearest .cablerc.json above each file)
${COMMON_OPTIONS}

Exit status: 0 no error-level diagnostic, 1 some, 2 usage error or a file that
could not be checked, 130 interrupted (the output is valid up to that point).
`;

const FORMATS = ['text', 'json', 'sarif'] as const;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export async function runLint(argv: string[], io: CliIO): Promise<number> {
  const args = parseArgs<LintFormat>(argv, { formats: FORMATS, defaultFormat: 'text', config: true });
  if (typeof args === 'string') {
    io.stderr(`cable lint: ${args}\n\n${LINT_USAGE}`);
    return 2;
  }
  if (args.help) {
    io.stdout(LINT_USAGE);
    return 0;
  }
  if (args.paths.length === 0) {
    io.stderr(`cable lint: no PATH given\n\n${LINT_USAGE}`);
    return 2;
  }

  const resolver = new SettingsResolver((p) => io.stderr(`cable lint: ${p}\n`));
  let fixed: number | undefined;
  if (args.config !== undefined) {
    fixed = resolver.load(path.resolve(io.cwd, args.config), true);
    if (fixed === undefined) return 2;
  }
  const forJob = (job: Job): number => fixed ?? resolver.forDir(job.path && job.path !== '-' ? path.dirname(job.path) : path.resolve(io.cwd));

  const sarif = args.format === 'sarif' ? sarifFraming(io.cwd) : undefined;
  const framing: Framing = sarif ?? (args.format === 'json' ? JSON_ARRAY : LINES);
  const { output, stopped } = await runCommand({
    io,
    spec: { command: 'lint', format: args.format, cwd: io.cwd },
    paths: args.paths,
    extensions: args.extensions,
    threads: args.threads,
    framing,
    label: 'cable lint',
    keepFailures: !!sarif,
    settings: { forJob, table: () => resolver.table },
  });
  if (stopped === 'output-closed') return stoppedStatus(stopped);
  output.close(sarif?.closeWith(output.records, output.failures));

  const c = output.counts;
  if (args.format === 'text') {
    const skipped = c.notCables ? `; ${plural(c.notCables, 'file')} left out (not cables)` : '';
    const failed = c.failed ? `; ${c.failed} not checked` : '';
    io.stderr(`${plural(c.cables, 'cable')} linted: ${plural(c.errors, 'error')}, ${plural(c.warnings, 'warning')}, ${plural(c.notes, 'note')}${failed}${skipped}\n`);
  }
  if (stopped) return stoppedStatus(stopped);
  if (c.failed) return 2;
  return c.errors ? 1 : 0;
}
