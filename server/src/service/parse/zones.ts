/**
 * The zone loop: every line of the cable, once, in order, handed to the readers of the zone the loop is
 * in. Before it, the whole-text scans (scan.ts) and the search for the banner (banner.ts), which splits
 * the cable: the lines above it are the routing header (header/), the banner line starts the heading
 * (heading/), and the first line that is no heading element starts the text (body/). After it, finish.ts
 * completes what needed the whole cable.
 */
import type { CableDocument } from '../model.ts';
import { rng } from './range.ts';
import type { ParseState } from './state.ts';
import { scanText } from './scan.ts';
import { findBanner, startBody } from './banner.ts';
import { headerLine } from './header/index.ts';
import { bodyLine } from './body/index.ts';
import { finish } from './finish.ts';

export function run(state: ParseState): CableDocument {
  scanText(state);
  const found = findBanner(state);
  const bannerLine = found.line;
  const n = state.source.count;
  for (let i = 0; i < n; i++) {
    if (i === bannerLine) startBody(state, i, found.banner);
    else if (state.zone !== 'header') bodyLine(state, i);
    else if (bannerLine >= 0) headerLine(state, i);
    else if (!headerLine(state, i) && !state.source.isBlank(i)) startWithoutBanner(state, i);
  }
  if (bannerLine < 0 && state.zone === 'header') {
    state.problem(rng(0, 0, 0), 'banner-missing', 'No classification banner line was found.');
  }
  finish(state);
  return state.doc;
}

/** With no banner, the first line that is not part of the routing header starts the heading. */
function startWithoutBanner(state: ParseState, i: number): void {
  const f = state.source.first[i];
  state.zone = 'heading';
  state.doc.bodyStartLine = i;
  state.problem(rng(i, f, f), 'banner-missing', 'No classification banner line (e.g. `C O N F I D E N T I A L BRUSSELS 000995`) was found.');
  bodyLine(state, i);
}
