import type { TagKind, TagsLine } from '../../model.ts';
import { Char, orEnd, isAlnum, isDigit, isUpper } from '../chars.ts';
import { upperCased, endNonSpaceBefore } from '../../text.ts';
import { rng, span, tok } from '../range.ts';
import type { ParseState } from '../state.ts';
import { TAGS_RE } from './keywords.ts';
import { subjectLine } from './subject.ts';
import { headingPart, type HeadingLine } from './index.ts';
import { PARA_RE } from '../body/paragraphs.ts';

/**
 * The TAGS line (`TAGS: PREL KDEM RS NATO (SMITH, JOHN)`), its misspelt keywords, the lines it wraps
 * onto, and the kind of each code by its shape. SUBJECT may run on in the same line.
 */

/**
 * Kind of a TAGS code from its shape alone (dictionary.ts refines it), for a code without a comma and
 * upper-cased: /^[A-Z]{4}$/, /^[A-Z]{2}$/, /^[A-Z][A-Z0-9&-]{1,11}$/ read by character.
 */
function tagKindOfUpper(up: string): TagKind {
  const n = up.length;
  if (n < 2 || n > 12 || !isUpper(up.charCodeAt(0))) return 'unknown';
  let letters = true;
  for (let k = 1; k < n; k++) {
    const c = up.charCodeAt(k);
    if (isUpper(c)) continue;
    if (!isDigit(c) && c !== Char.Ampersand && c !== Char.Dash) return 'unknown';
    letters = false;
  }
  if (letters && n === 4) return up.charCodeAt(0) === Char.K ? 'program' : 'subject';
  if (letters && n === 2) return 'geographic';
  return 'organization';
}

export function tagsLine(state: ParseState, line: HeadingLine): void {
  const { index: i, text: s, start: f, end: e, upper: u } = line;
  state.heading.seenTags = true;
  const m = TAGS_RE.exec(u)!;
  let p = f + m[1].length;
  while (p < e && s.charCodeAt(p) === Char.Space) p++;
  const colon = s.charCodeAt(p) === Char.Colon;
  if (colon) p++;
  const keyword = tok(i, s, f, colon ? p : f + m[1].length);
  const misspelled = m[1] !== 'TAGS';
  const upperLine = u.slice(0, e - f);
  // SUBJECT may follow on the same line (`Tags: prel, tu Subject: …`).
  const subjAt = subjectKeywordIn(upperLine, p - f);
  const listEnd = subjAt >= 0 ? f + endNonSpaceBefore(upperLine, subjAt) : e;
  const tags: TagsLine = { range: rng(i, f, listEnd), keyword, keywordMisspelled: misspelled, tags: [] };
  readTags(tags, i, s, p, listEnd);
  state.doc.tags = tags;
  state.heading.continuing = 'tags';
  if (subjAt >= 0) {
    state.heading.continuing = 'none';
    subjectLine(state, headingPart(line, f + subjAt, e, u.slice(subjAt)));
  }
}

/** The codes in s[from, to) of line i, added to the TAGS line's list. */
function readTags(tags: TagsLine, i: number, s: string, from: number, to: number): void {
  let p = from;
  while (p < to) {
    const c = s.charCodeAt(p);
    if (c === Char.Space || c === Char.Comma || c === Char.Semicolon) {
      p++;
      continue;
    }
    if (c === Char.OpenParen) {
      const close = s.indexOf(')', p);
      const end = close < 0 || close >= to ? to : close + 1;
      const inner = s.slice(p + 1, close < 0 || close >= to ? to : close).trim();
      if (inner) tags.tags.push({ text: s.slice(p, end), range: rng(i, p, end), code: inner, kind: 'person' });
      p = end;
      continue;
    }
    if (c === Char.OpenBracket) {
      // `[PREL](#)`: the viewer's link form.
      const close = s.indexOf('](', p);
      if (close > 0 && close < to) {
        const code = s.slice(p + 1, close).trim();
        const after = s.indexOf(')', close);
        const end = after < 0 || after >= to ? to : after + 1;
        if (code) {
          const up = upperCased(code);
          tags.tags.push({ text: s.slice(p + 1, close), range: rng(i, p + 1, close), code: up, kind: code.includes(',') ? 'person' : tagKindOfUpper(up) });
        }
        p = end;
        continue;
      }
    }
    let q = p;
    while (q < to) {
      const d = s.charCodeAt(q);
      if (d === Char.Space || d === Char.Comma || d === Char.Semicolon || d === Char.OpenParen) break;
      q++;
    }
    let end = q;
    while (end > p && s.charCodeAt(end - 1) === Char.Dot) end--;
    if (end > p) {
      const code = s.slice(p, end);
      // The code holds no comma: the loop above stops at one.
      const up = upperCased(code);
      tags.tags.push({ text: code, range: rng(i, p, end), code: up, kind: tagKindOfUpper(up) });
    }
    p = q;
  }
}

/** A line of codes that the TAGS line wrapped onto. */
export function tagsContinuation(state: ParseState, line: HeadingLine): boolean {
  const { index: i, text: s, start: f, end: e, upper: u } = line;
  const tags = state.doc.tags;
  // Real TAGS wrap onto a line or two; the cap keeps a wall of code-like lines linear.
  // (A line that opens a heading element never gets here.)
  if (!tags || e - f > 120 || i - tags.range.start.line > 8) return false;
  const codes = s.slice(f, e);
  // A continuation is a list of codes: short tokens, no sentence punctuation.
  if (!/^[a-z0-9&()[\]#,;'./ -]+$/i.test(codes)) return false;
  const words = codes.split(/[\s,;]+/).filter(Boolean);
  if (!words.length || words.length > 16) return false;
  const tagsUpper = !/[a-z]/.test(state.source.lines[tags.range.start.line].slice(tags.keyword.range.end.character));
  for (const w of words) {
    if (w.length > 14) return false;
    if (tagsUpper && /[a-z]/.test(w) && !w.startsWith('[')) return false;
  }
  if (PARA_RE.test(u)) return false;
  readTags(tags, i, s, f, e);
  tags.range = span(tags.range, rng(i, f, e));
  return true;
}

/** Index of the first `SUBJECT:` or `SUBJ:` in `line` at or after `from` that stands at a word start. */
function subjectKeywordIn(line: string, from: number): number {
  for (let at = line.indexOf('SUBJ', from); at >= 0; at = line.indexOf('SUBJ', at + 1)) {
    if (!isAlnum(orEnd(line.charCodeAt(at - 1))) && (orEnd(line.charCodeAt(at + 4)) === Char.Colon || line.startsWith('ECT:', at + 4))) return at;
  }
  return -1;
}
