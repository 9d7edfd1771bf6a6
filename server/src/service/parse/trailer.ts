/**
 * The trailer lines in the text: the closing `BT`, the station serial repeated (`#0995`, `#0995/02`) and the
 * end of message `NNNN` (ACP 127 format lines 13 and 16), below the text or between the sections of a
 * cable filed as one text. They go with the prosigns the header read (`header.prosigns`), so every
 * feature finds them in the model.
 */
import { tok } from './range.ts';
import type { ParseState } from './state.ts';
import { TRAILER_LINE, TRAILER_LINE_MAX } from './vocabulary.ts';

export function readTrailerLines(state: ParseState): void {
  const source = state.source;
  const prosigns = state.doc.header.prosigns;
  for (let i = Math.max(0, state.doc.bodyStartLine); i < source.count; i++) {
    const a = source.first[i];
    const b = source.end[i];
    // The line's length spares the expression nearly every line (and every blank one).
    if (b === a || b - a > TRAILER_LINE_MAX) continue;
    const s = source.line(i);
    if (TRAILER_LINE.test(s.slice(a, b))) prosigns.push(tok(i, s, a, b));
  }
}
