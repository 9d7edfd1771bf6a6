/**
 * The signature: the signer's name after the text (`BUSH`, `Clinton`, `RICE`), on a line of its own in
 * the last eight non-blank lines below the last paragraph's first line, or glued by the viewer to the end
 * of the last sentence (`… End comment. DRUCKER`). The paragraph it closes stops before it.
 */
import type { Paragraph } from '../model.ts';
import { readClassificationWords } from '../classification.ts';
import { endNonSpaceBefore } from '../text.ts';
import { rng } from './range.ts';
import type { ParseState } from './state.ts';
import { PARA_RE } from './body/paragraphs.ts';

const GLUED_NAME = /[.!?)"”] +([A-Z][A-Z'’-]{2,}(?: [A-Z][A-Z'’-]{2,})?)$/;
const NAME_LINE = /^([A-Z][A-Za-z'’-]+(?: [A-Z][A-Za-z'’-]+){0,2})[ .]*$/;
const NOT_A_NAME = /^(?:NNNN|BT|END|SIPDIS|NOFORN|UNCLASSIFIED|CONFIDENTIAL|SECRET|UNCLAS|END CABLE TEXT)$/;

export function findSignature(state: ParseState): void {
  const doc = state.doc;
  const source = state.source;
  let seen = 0;
  const lastPara = doc.paragraphs[doc.paragraphs.length - 1];
  const floor = Math.max(doc.bodyStartLine, lastPara ? lastPara.range.start.line : 0);
  for (let i = source.count - 1; i >= floor && seen < 8; i--) {
    if (source.isBlank(i)) continue;
    seen++;
    const f = source.first[i];
    const e = source.end[i];
    if (e - f > 60) {
      if (seen === 1 && gluedSignature(state, i)) return;
      if (seen > 3) return;
      continue;
    }
    if (i === floor && lastPara) return;
    const t = source.line(i).slice(f, e);
    if (PARA_RE.test(t)) return;
    if (signatureLine(state, i, t, lastPara)) return;
  }
}

/** The signer's name at the end of the long line i, the last of the text (`… End comment. DRUCKER`). */
function gluedSignature(state: ParseState, i: number): boolean {
  const doc = state.doc;
  const s = state.source.line(i);
  const f = state.source.first[i];
  const e = state.source.end[i];
  const g = GLUED_NAME.exec(s.slice(Math.max(f, e - 50), e));
  if (!g || !/[a-z]/.test(s.slice(f, f + 200))) return false;
  const at = e - g[1].length;
  doc.signature = { text: s.slice(at, e), range: rng(i, at, e), names: splitAtSpaces(g[1]) };
  const inPara = doc.paragraphs.find((p) => p.range.start.line <= i && p.range.end.line >= i);
  if (inPara) {
    const pe = endNonSpaceBefore(s, at);
    inPara.range = { start: inPara.range.start, end: { line: i, character: Math.max(pe, inPara.range.start.line === i ? inPara.range.start.character : 0) } };
  }
  return true;
}

/** Line i, whose non-blank text is `t`, as the signature: one to three capitalised names and nothing else. */
function signatureLine(state: ParseState, i: number, t: string, lastPara: Paragraph | undefined): boolean {
  const m = NAME_LINE.exec(t);
  if (!m) return false;
  const source = state.source;
  const s = source.line(i);
  const f = source.first[i];
  if (NOT_A_NAME.test(m[1].toUpperCase()) || readClassificationWords(s, f)) return false;
  const names = splitAtSpaces(m[1]);
  if (names.some((n) => n.length > 20)) return false;
  state.doc.signature = { text: s.slice(f, f + m[1].length), range: rng(i, f, f + m[1].length), names };
  // Paragraph ranges stop before the signature (never above their own first line).
  if (lastPara && lastPara.range.end.line >= i) {
    let j = i - 1;
    while (j > lastPara.range.start.line && source.isBlank(j)) j--;
    lastPara.range = { start: lastPara.range.start, end: { line: j, character: source.end[j] } };
  }
  return true;
}

/** s.split(' '), by indexOf and slices: the runtime's split costs about three times more on a short name. */
function splitAtSpaces(s: string): string[] {
  const out: string[] = [];
  let a = 0;
  for (let k = s.indexOf(' '); k >= 0; k = s.indexOf(' ', a)) {
    out.push(s.slice(a, k));
    a = k + 1;
  }
  out.push(a ? s.slice(a) : s);
  return out;
}
