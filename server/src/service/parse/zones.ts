import type { CableDocument } from '../model.ts';
import { firstNonSpace } from '../text.ts';
import { rng } from './range.ts';
import type { ParseState } from './state.ts';
import { prescan } from './scan.ts';
import { findBanner, startBody } from './banner.ts';
import { headerLine } from './header/index.ts';
import { bodyLine } from './body/index.ts';
import { finish } from './finish.ts';

export function run(state: ParseState, text: string): CableDocument {
  prescan(state, text);
  const found = findBanner(state);
  const bannerLine = found.line;
  const n = state.lines.length;
  for (let i = 0; i < n; i++) {
    const s = state.norm(i);
    if (i === bannerLine) {
      startBody(state, i, s, found.banner);
      continue;
    }
    if (state.zone === 'header') {
      if (bannerLine < 0 && !headerLine(state, i, s)) {
        const f = firstNonSpace(s);
        if (f < s.length) {
          state.zone = 'heading';
          state.doc.bodyStartLine = i;
          state.problem(rng(i, f, f), 'banner-missing', 'No classification banner line (e.g. `C O N F I D E N T I A L BRUSSELS 000995`) was found.');
          bodyLine(state, i, s);
        }
      } else if (bannerLine >= 0) {
        headerLine(state, i, s);
      }
      continue;
    }
    bodyLine(state, i, s);
  }
  if (bannerLine < 0 && state.zone === 'header') {
    state.problem(rng(0, 0, 0), 'banner-missing', 'No classification banner line was found.');
  }
  finish(state);
  return state.doc;
}
