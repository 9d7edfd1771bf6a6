/**
 * `cable` command-line tool: the same language service as the editor, over files and folders.
 * Subcommands live in cli/ (one file each); this file only dispatches.
 */
import { VERSION } from './version.ts';
import { runParse } from './cli/parse.ts';
import { runLint } from './cli/lint.ts';
import type { CliIO } from './cli/io.ts';
import { nodeIO } from './cli/io.ts';
import { isMainThread } from 'node:worker_threads';
// Worker threads run this same file: importing the module registers their side.
import './cli/worker.ts';

export const USAGE = `Usage: cable <command> [options] PATH...

Commands:
  lint PATH...      check cables against the rules (text, json or sarif)
  parse PATH...     print the document model of each cable (json, jsonl or csv)

PATH is a file, a folder (walked for *.cable, and .txt files that are cables)
or - for standard input. See cable <command> --help for the options.

Options:
  --help, -h        show help (also: cable <command> --help)
  --version, -v     print the version
`;

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [cmd, ...rest] = argv;
  switch (cmd) {
    case undefined:
      io.stderr(USAGE);
      return 2;
    case '--help':
    case '-h':
    case 'help':
      io.stdout(USAGE);
      return 0;
    case '--version':
    case '-v':
      io.stdout(`${VERSION}\n`);
      return 0;
    case 'parse':
      return runParse(rest, io);
    case 'lint':
      return runLint(rest, io);
    default:
      io.stderr(`cable: unknown command '${cmd}'\n\n${USAGE}`);
      return 2;
  }
}

/** Runs the CLI on this process's arguments and sets its exit code (bin/cable.js calls this). */
export function run(): void {
  main(process.argv.slice(2), nodeIO).then(
    (code) => {
      process.exitCode = code;
      // After Ctrl+C the run has stopped its workers; should anything else hold the process open, leave.
      if (code >= 128) setTimeout(() => process.exit(code), 2000).unref();
    },
    (err: unknown) => {
      process.stderr.write(`cable: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 2;
    },
  );
}

// Also runnable directly (`node dist/cli.js`, `node --import tsx server/src/cli.ts`); tests import main().
// The CLI's worker threads run this same file: they must not run the command again.
if (require.main === module && isMainThread) run();
