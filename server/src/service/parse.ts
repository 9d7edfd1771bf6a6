/**
 * `parseCable(text)`: the text of one cable → its document model (model.ts), which every feature reads.
 * The parser's parts are in parse/ (parse/zones.ts is the loop over the lines; ARCHITECTURE.md draws them).
 *
 * It never throws. A line it fails on (an internal error: a bug) is left out and recorded as a
 * `parser-error` problem, which the rule of that name shows on the document; `onError` hears of it too,
 * with the error and its stack (the server writes it to its log). The lines after it are read as usual.
 */
import type { CableDocument } from './model.ts';
import { ParseState, type ParseOptions } from './parse/state.ts';
import { run } from './parse/zones.ts';

export type { ParseOptions } from './parse/state.ts';

let testFailAtLine: number | undefined;

/**
 * For tests only: from now on every parse fails at line `line` (0-based) as an internal error would, or
 * none does (undefined). The server's test hooks (CABLE_SERVER_TEST_HOOKS=1) set it over LSP.
 */
export function failParsesAtLine(line: number | undefined): void {
  testFailAtLine = line;
}

/** Parses the text of one cable. */
export function parseCable(text: string, options: ParseOptions = {}): CableDocument {
  const opts = testFailAtLine === undefined ? options : { ...options, failAtLine: testFailAtLine };
  let state: ParseState;
  try {
    state = new ParseState(text, opts);
  } catch (err) {
    // Splitting or normalising the text failed: an empty model says so.
    state = new ParseState('', opts);
    state.failed(err, -1, 'splitting the text into lines', 'the outline, hovers and checks have nothing to work on');
    return state.doc;
  }
  try {
    return run(state);
  } catch (err) {
    // Before or after the loop over the lines (the whole-text scans, the banner search).
    state.failed(err, -1, 'before reading the lines', 'the outline, hovers and checks have nothing to work on');
    return state.doc;
  }
}
