/**
 * `cable parse [--format json|jsonl|csv] [--jobs N] [--ext LIST] PATH...`: the document model of each
 * cable, printed as each batch is parsed, in input order (folders are walked in sorted order). The
 * schema is documented in the README ("`cable parse` output"); parseRecords.ts is its single definition.
 *
 * An input that cannot be read, is not text (NUL bytes, invalid UTF-8), is empty, or on which the parser
 * fails gives an entry `{ "file", "line", "error" }` (a row with `error` in CSV) and a line on stderr;
 * the others are still printed. Exit status 0 when every input was parsed, 2 when some could not be (or
 * for usage errors), 130 after Ctrl+C.
 */
import type { CliIO } from './io.ts';
import { JSON_ARRAY, LINES, type Framing } from './output.ts';
import { COMMON_OPTIONS, parseArgs } from './options.ts';
import { CSV_HEADER, type ParseFormat } from './parseRecords.ts';
import { runCommand, stoppedStatus } from './run.ts';

export { toJson, type CableJson } from './parseRecords.ts';

export const PARSE_USAGE = `Usage: cable parse [options] PATH...

Prints the document model of each cable. Folders are walked for *.cable files and
for .txt files that are cables; files named on the command line are parsed
whatever their extension; - reads standard input.

Options:
  --format json|jsonl|csv    json: one array, a cable per line (default);
                             jsonl: one JSON object per line; csv: one row per cable
                             (file, line, id, date, origin, level, caveats, tags,
                             subject, references, signer, error)
${COMMON_OPTIONS}

Exit status: 0 all parsed, 2 usage error or an input that could not be parsed (it
gets an "error" entry; the others are still printed), 130 interrupted (the output
is valid up to that point).
`;

const FORMATS = ['json', 'jsonl', 'csv'] as const;

const FRAMING: Record<ParseFormat, Framing> = {
  json: JSON_ARRAY,
  jsonl: LINES,
  csv: { open: CSV_HEADER, separator: '', close: () => '' },
};

export async function runParse(argv: string[], io: CliIO): Promise<number> {
  // --compact printed the array on one line; the array is now one cable per line, which serves the same.
  const args = parseArgs<ParseFormat>(argv, { formats: FORMATS, defaultFormat: 'json', config: false, formatAliases: { '--compact': 'json' } });
  if (typeof args === 'string') {
    io.stderr(`cable parse: ${args}\n\n${PARSE_USAGE}`);
    return 2;
  }
  if (args.help) {
    io.stdout(PARSE_USAGE);
    return 0;
  }
  if (!args.paths.length) {
    io.stderr(`cable parse: no PATH given\n\n${PARSE_USAGE}`);
    return 2;
  }
  const { output, stopped } = await runCommand({
    io,
    spec: { command: 'parse', format: args.format },
    paths: args.paths,
    extensions: args.extensions,
    threads: args.threads,
    framing: FRAMING[args.format],
    label: 'cable parse',
  });
  if (stopped === 'output-closed') return stoppedStatus(stopped);
  output.close();
  if (stopped) return stoppedStatus(stopped);
  const c = output.counts;
  if (c.failed) io.stderr(`cable parse: ${c.failed} input(s) could not be parsed; ${c.cables} cable(s) parsed\n`);
  return c.failed ? 2 : 0;
}
