/**
 * `parseCable(text)`: the text of one cable → its document model (model.ts), which every feature reads.
 * The parser's parts are in parse/ (parse/zones.ts is the loop over the lines; ARCHITECTURE.md draws them).
 */
import type { CableDocument } from './model.ts';
import { rng } from './parse/range.ts';
import { ParseState } from './parse/state.ts';
import { run } from './parse/zones.ts';

/** Parses the text of one cable. Never throws: on an internal error it returns what it has, with a problem. */
export function parseCable(text: string): CableDocument {
  const state = new ParseState(text);
  try {
    return run(state);
  } catch (err) {
    state.doc.problems.push({
      range: rng(0, 0, 0),
      code: 'parser-error',
      message: `Internal parser error: ${err instanceof Error ? err.message : String(err)}`,
    });
    return state.doc;
  }
}
