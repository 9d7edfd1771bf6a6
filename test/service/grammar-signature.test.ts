/**
 * Over the real-cable corpus (read at run time, never copied): the grammar's signature colour against the
 * parser's signature. The grammar sees one line at a time, so it cannot tell a one-word heading underlined
 * on the next line from a signer's name; the parser, which sees the whole cable, decides. The test fails
 * when the grammar colours more lines that are no signature, or finds fewer signers, than measured.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCable } from '../../server/src/service/parse.ts';
import { loadCableGrammar, tokenizeText } from '../grammar/engine.ts';

const corpus = join(__dirname, '..', '..', '..', 'shared', 'corpus');
const files = existsSync(corpus) ? readdirSync(corpus).filter((f) => f.endsWith('.cable')).sort() : [];
const SIGNATURE = 'entity.name.function.signature.cable';

/**
 * Measured over the 861 corpus cables: 505 signers coloured, and 14 other lines (seven one-word headings
 * underlined on the next line, `IPR`, `UAE`, `MEPP`; acronyms heading a list of names, `DOS`, `MFA`; wrapped
 * names). Before the heading words, word endings, vowels and rules were read: 488 and 34.
 */
const SIGNERS_FLOOR = 505;
const OTHER_LINES_CEILING = 14;

test('corpus: the grammar colours the parser\'s signers, and few other lines, as the signature', async (t) => {
  if (files.length === 0) {
    t.skip(`corpus not found at ${corpus}`);
    return;
  }
  const grammar = await loadCableGrammar();
  let signers = 0;
  const others: string[] = [];
  for (const f of files) {
    const text = readFileSync(join(corpus, f), 'utf8');
    const signatureLine = parseCable(text).signature?.range.start.line;
    tokenizeText(grammar, text).forEach((line, i) => {
      if (!line.tokens.some((tok) => tok.scopes.includes(SIGNATURE))) return;
      if (i === signatureLine) signers++;
      else others.push(`${f}:${i + 1} ${line.line.trim()}`);
    });
  }
  t.diagnostic(`${signers} signers coloured; ${others.length} other lines: ${others.join(', ')}`);
  assert.ok(signers >= SIGNERS_FLOOR, `${signers} signers coloured, at least ${SIGNERS_FLOOR} expected`);
  assert.ok(others.length <= OTHER_LINES_CEILING, `${others.length} lines that are no signature coloured as one (at most ${OTHER_LINES_CEILING}):\n${others.join('\n')}`);
});
