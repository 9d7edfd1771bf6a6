/** The security line (format line 4): `ZNY CCCCC ZZH`, the classification letter repeated five times. */
import { securityLettersLevel } from '../../classification.ts';
import { Char } from '../chars.ts';
import { firstNonSpace } from '../../text.ts';
import { rng, tok } from '../range.ts';
import type { ParseState } from '../state.ts';
import { took, type HeaderLine } from './index.ts';

const SEC_LINE = /^(ZNR|ZNY) +([A-Z]{1,8})/;

export function securityLine(state: ParseState, line: HeaderLine): boolean {
  const m = line.code === Char.Z ? SEC_LINE.exec(line.trimmed) : null;
  if (!m) return false;
  const { index: i, text: s, start: f, end: e } = line;
  const lettersEnd = f + m[0].length;
  const security: NonNullable<ParseState['doc']['header']['security']> = {
    range: rng(i, f, e),
    signal: tok(i, s, f, f + 3),
    letters: tok(i, s, lettersEnd - m[2].length, lettersEnd),
  };
  state.doc.header.security = security;
  const level = securityLettersLevel(m[2]);
  if (level) security.level = level;
  else state.problem(security.letters.range, 'security-line-unrecognised', `'${m[2]}' is not a classification letter repeated five times (UUUUU, CCCCC, SSSSS, TTTTT).`);
  // What follows the letters (`ZZH`, `ZFR`): operating signals, kept as written.
  const restAt = lettersEnd + firstNonSpace(s.slice(lettersEnd, e));
  if (restAt < e) security.rest = tok(i, s, restAt, e);
  return took(state, line);
}
