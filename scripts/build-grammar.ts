// `npm run grammar`: writes syntaxes/cable.tmLanguage.json from syntaxes/cable.tmLanguage.src.ts.
// `--check` exits 1 when the committed JSON differs from what the source produces (CI runs it through
// the grammar test tier), so the linted source and the shipped grammar cannot drift apart.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { grammar } from '../syntaxes/cable.tmLanguage.src.ts';

export const grammarPath = fileURLToPath(new URL('../syntaxes/cable.tmLanguage.json', import.meta.url));

/** The JSON text the source produces, with a header naming its origin. */
export function renderGrammar(): string {
  const { $schema, ...rest } = grammar;
  const out = { $schema, information_for_contributors: ['Generated from cable.tmLanguage.src.ts by `npm run grammar`; do not edit.'], ...rest };
  return JSON.stringify(out, null, 2) + '\n';
}

function main(): void {
  const text = renderGrammar();
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(grammarPath, 'utf8');
    } catch {
      // a missing file is reported as stale below
    }
    if (current !== text) {
      process.stderr.write('syntaxes/cable.tmLanguage.json is out of date: run `npm run grammar` and commit it.\n');
      process.exit(1);
    }
    process.stdout.write('syntaxes/cable.tmLanguage.json is current\n');
    return;
  }
  writeFileSync(grammarPath, text);
  process.stdout.write(`wrote ${grammarPath} (${text.length} bytes)\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
