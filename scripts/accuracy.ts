/**
 * `npm run accuracy`: how often `cable parse` is right, field by field, on real cables.
 *
 *   npm run accuracy                        index.tsv (classification, NOFORN, date) and the gold files
 *   npm run accuracy -- --gold DIR          gold files from DIR (default test/fixtures/gold)
 *   npm run accuracy -- --corpus DIR        the corpus (default ../shared/corpus)
 *   npm run accuracy -- --cablemap [FILE]   agreement with cablemap's judged test cases instead
 *                                           (default test/fixtures/cablemap/cases.json)
 *   npm run accuracy -- --misses [FIELD]    also list every miss (of FIELD only): expected, got, the line
 *   npm run accuracy -- --json              one JSON object with every figure and every miss
 *
 * The method, the normalisation and today's figures are in the README ("Accuracy"). Exit status 0,
 * or 2 for a usage error; falling below a target is a figure, not a failure (test/accuracy holds the
 * floors that fail).
 */
import { dirname, join, resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { measureCorpus, measureCablemap, type Measured } from './accuracy/measure.ts';
import { missList, summary, table } from './accuracy/report.ts';

const root = join(dirname(new URL(import.meta.url).pathname), '..');

interface Options {
  gold: string;
  corpus: string;
  cablemap?: string;
  misses?: string;
  json: boolean;
}

const USAGE = 'Usage: npm run accuracy -- [--gold DIR] [--corpus DIR] [--cablemap [FILE]] [--misses [FIELD]] [--json]\n';

function parseArgs(argv: string[]): Options | string {
  const o: Options = { gold: join(root, 'test', 'fixtures', 'gold'), corpus: join(root, '..', 'shared', 'corpus'), json: false };
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k];
    const value = () => (argv[k + 1] && !argv[k + 1].startsWith('--') ? argv[++k] : undefined);
    if (a === '--json') o.json = true;
    else if (a === '--gold' || a === '--corpus') {
      const v = value();
      if (!v) return `${a} needs a directory`;
      o[a === '--gold' ? 'gold' : 'corpus'] = resolve(v);
    } else if (a === '--cablemap') o.cablemap = resolve(value() ?? join(root, 'test', 'fixtures', 'cablemap', 'cases.json'));
    else if (a === '--misses') o.misses = value() ?? 'all';
    else if (a === '--help' || a === '-h') return '';
    else return `unknown argument '${a}'`;
  }
  return o;
}

function print(m: Measured, o: Options): void {
  if (o.json) {
    process.stdout.write(`${JSON.stringify({ ...m.facts, tables: m.tables.map((t) => ({ title: t.title, fields: t.scores.map(summary) })) }, null, 1)}\n`);
    return;
  }
  const out: string[] = [...m.notes, ''];
  for (const t of m.tables) out.push(table(t.title, t.scores), '');
  if (o.misses) {
    for (const t of m.tables) for (const s of t.scores) if (o.misses === 'all' || o.misses === s.field) out.push(missList(s), '');
  }
  process.stdout.write(out.join('\n'));
}

function main(): number {
  const o = parseArgs(process.argv.slice(2));
  if (typeof o === 'string') {
    process.stderr.write(o ? `accuracy: ${o}\n\n${USAGE}` : USAGE);
    return o ? 2 : 0;
  }
  const known = JSON.parse(readFileSync(join(root, 'test', 'fixtures', 'corpus-parse-disagreements.json'), 'utf8'));
  const m = o.cablemap ? measureCablemap(o.cablemap) : measureCorpus(o.corpus, o.gold, known);
  print(m, o);
  return 0;
}

process.exitCode = main();
