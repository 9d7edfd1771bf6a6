/**
 * The zone loop: every line of the cable, once, in order, handed to the readers of the zone the loop is
 * in. Before it, the whole-text scans (scan.ts) and the search for the banner (banner.ts), which splits
 * the cable: the lines above it are the routing header (header/), the banner line starts the heading
 * (heading/), and the first line that is no heading element starts the text (body/). After it, finish.ts
 * completes what needed the whole cable.
 */
import type { Banner, CableDocument } from '../model.ts';
import { rng } from './range.ts';
import type { ParseState } from './state.ts';
import { scanText } from './scan.ts';
import { findBanner, startBody } from './banner.ts';
import { headerLine } from './header/index.ts';
import { bodyLine } from './body/index.ts';
import { finish } from './finish.ts';

/** After this many lines it failed on, the parser stops: a fault that strikes every line would only repeat itself. */
const MAX_FAILED_LINES = 10;

export function run(state: ParseState): CableDocument {
  scanText(state);
  const found = findBanner(state);
  const n = state.source.count;
  let failed = 0;
  let i = 0;
  // A line the parser fails on (an internal error, a bug) is left out, and the loop resumes after it:
  // the try stands outside the loop over the lines, which then runs with no handler to set up per line.
  while (i < n && failed < MAX_FAILED_LINES) {
    try {
      for (; i < n; i++) readLine(state, i, found);
    } catch (err) {
      lineFailed(state, i, err, found.line);
      failed++;
      i++;
    }
  }
  if (found.line < 0 && state.zone === 'header') {
    state.problem(rng(0, 0, 0), 'banner-missing', 'No classification banner line was found.');
  }
  try {
    finish(state);
  } catch (err) {
    state.failed(err, -1, 'completing the cable (its identity, classification and signature)', 'the outline, hovers and checks work on what was read');
  }
  return state.doc;
}

function readLine(state: ParseState, i: number, found: { line: number; banner?: Banner }): void {
  if (i === state.failAtLine) throw new Error(`the parse fails at line ${i + 1} on purpose (a test hook)`);
  const bannerLine = found.line;
  if (i === bannerLine) startBody(state, i, found.banner);
  else if (state.zone !== 'header') bodyLine(state, i);
  else if (bannerLine >= 0) headerLine(state, i);
  else if (!headerLine(state, i) && !state.source.isBlank(i)) startWithoutBanner(state, i);
}

/** Records the failure; a banner line that failed still starts the heading, so the text is read as text. */
function lineFailed(state: ParseState, i: number, err: unknown, bannerLine: number): void {
  state.failed(err, i, `reading line ${i + 1}`, 'that line is left out of the outline, hovers and checks, which work on the rest of the cable');
  if (i === bannerLine && state.zone === 'header') {
    state.zone = 'heading';
    state.doc.bodyStartLine = i;
  }
}

/** With no banner, the first line that is not part of the routing header starts the heading. */
function startWithoutBanner(state: ParseState, i: number): void {
  const f = state.source.first[i];
  state.zone = 'heading';
  state.doc.bodyStartLine = i;
  state.problem(rng(i, f, f), 'banner-missing', 'No classification banner line (e.g. `C O N F I D E N T I A L BRUSSELS 000995`) was found.');
  bodyLine(state, i);
}
