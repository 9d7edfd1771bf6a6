import { readClassificationWords } from '../classification.ts';
import { endNonSpace, endNonSpaceBefore, firstNonSpace, isBlank } from '../text.ts';
import { rng } from './range.ts';
import type { ParseState } from './state.ts';
import { PARA_RE } from './body/paragraphs.ts';

export function findSignature(state: ParseState): void {
  const doc = state.doc;
  let seen = 0;
  // The signature follows the text: a line of its own below the last paragraph's first line, or the
  // tail of that paragraph's last line when the viewer glued it on.
  const lastPara = doc.paragraphs[doc.paragraphs.length - 1];
  const floor = Math.max(doc.bodyStartLine, lastPara ? lastPara.range.start.line : 0);
  for (let i = state.source.lines.length - 1; i >= floor && seen < 8; i--) {
    const s = state.source.line(i);
    const f = firstNonSpace(s);
    if (f === s.length) continue;
    seen++;
    const e = endNonSpace(s);
    const t = s.slice(f, e);
    if (e - f > 60) {
      // The viewer sometimes glued the signature to the last sentence (`… End comment. DRUCKER`).
      const tail = s.slice(Math.max(f, e - 50), e);
      const g = /[.!?)"”] +([A-Z][A-Z'’-]{2,}(?: [A-Z][A-Z'’-]{2,})?)$/.exec(tail);
      if (seen === 1 && g && /[a-z]/.test(s.slice(f, f + 200))) {
        const at = e - g[1].length;
        doc.signature = { text: s.slice(at, e), range: rng(i, at, e), names: splitAtSpaces(g[1]) };
        const inPara = doc.paragraphs.find((p) => p.range.start.line <= i && p.range.end.line >= i);
        if (inPara) {
          const pe = endNonSpaceBefore(s, at);
          inPara.range = { start: inPara.range.start, end: { line: i, character: Math.max(pe, inPara.range.start.line === i ? inPara.range.start.character : 0) } };
        }
        return;
      }
      if (seen > 3) return;
      continue;
    }
    if (i === floor && lastPara) return;
    if (PARA_RE.test(t)) return;
    const m = /^([A-Z][A-Za-z'’-]+(?: [A-Z][A-Za-z'’-]+){0,2})[ .]*$/.exec(t);
    if (!m) continue;
    const up = m[1].toUpperCase();
    if (/^(?:NNNN|BT|END|SIPDIS|NOFORN|UNCLASSIFIED|CONFIDENTIAL|SECRET|UNCLAS|END CABLE TEXT)$/.test(up) || readClassificationWords(s, f)) continue;
    const names = splitAtSpaces(m[1]);
    if (names.some((n) => n.length > 20)) continue;
    doc.signature = { text: s.slice(f, f + m[1].length), range: rng(i, f, f + m[1].length), names };
    // Paragraph ranges stop before the signature (never above their own first line).
    if (lastPara && lastPara.range.end.line >= i) {
      let j = i - 1;
      while (j > lastPara.range.start.line && isBlank(state.source.line(j))) j--;
      lastPara.range = { start: lastPara.range.start, end: { line: j, character: endNonSpace(state.source.line(j)) } };
    }
    return;
  }
}

/** s.split(' '), by indexOf and slices: the runtime's split costs about three times more on a short name. */
export function splitAtSpaces(s: string): string[] {
  const out: string[] = [];
  let a = 0;
  for (let k = s.indexOf(' '); k >= 0; k = s.indexOf(' ', a)) {
    out.push(s.slice(a, k));
    a = k + 1;
  }
  out.push(a ? s.slice(a) : s);
  return out;
}
