/**
 * The accuracy figures of `npm run accuracy` held to floors (floors.json): a field falling below its
 * floor fails. The corpus and gold tiers skip cleanly when ../shared/corpus or the gold files are absent;
 * the cablemap cases are in the repository and always run.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { measureCablemap, measureCorpus, type Measured } from '../../scripts/accuracy/measure.ts';
import { corpusPresent } from '../../scripts/accuracy/corpus.ts';
import { loadCablemapCases } from '../../scripts/accuracy/cablemap-cases.ts';
import { rate, type FieldScore } from '../../scripts/accuracy/report.ts';

const root = join(__dirname, '..', '..');
const corpus = join(root, '..', 'shared', 'corpus');
const goldDir = process.env.ACCURACY_GOLD ?? join(root, 'test', 'fixtures', 'gold');
const cablemapFile = join(root, 'test', 'fixtures', 'cablemap', 'cases.json');
const floors = JSON.parse(readFileSync(join(__dirname, 'floors.json'), 'utf8')) as Record<string, Record<string, number>>;
const known = JSON.parse(readFileSync(join(root, 'test', 'fixtures', 'corpus-parse-disagreements.json'), 'utf8'));

function pct(x: number): string {
  return `${(x * 100).toFixed(2)}%`;
}

function checkFloors(t: { diagnostic(m: string): void }, scores: FieldScore[], floor: Record<string, number>): void {
  const below: string[] = [];
  for (const s of scores) {
    assert.ok(s.field in floor, `no floor for ${s.field} in floors.json`);
    t.diagnostic(`${s.field}: ${s.right}/${s.total - s.known - s.apart} = ${pct(rate(s))} (floor ${pct(floor[s.field])})`);
    if (rate(s) < floor[s.field]) below.push(`${s.field} ${pct(rate(s))} < floor ${pct(floor[s.field])}`);
  }
  assert.deepEqual(below, [], 'fields below their floor (npm run accuracy -- --misses FIELD lists the misses)');
}

function tableOf(m: Measured, title: string): FieldScore[] {
  const t = m.tables.find((x) => x.title.startsWith(title));
  assert.ok(t, `no "${title}" table`);
  return t.scores;
}

test('cablemap cases: every set-aside case names a described convention, every alias an expected id', () => {
  const data = loadCablemapCases(cablemapFile);
  for (const c of data.cases) {
    if (c.setAside) assert.ok(data.conventions[c.setAside.convention], `${c.id}: convention ${c.setAside.convention} is not described`);
    for (const id of Object.keys(c.idAliases ?? {})) assert.ok((c.expected as string[]).includes(id), `${c.id}: alias for ${id}, which is not expected`);
  }
});

test('cablemap cases: agreement per field at or above its floor', (t) => {
  checkFloors(t, tableOf(measureCablemap(cablemapFile), 'Agreement'), floors.cablemap);
});

const goldPresent = (() => {
  try {
    return readdirSync(goldDir).some((n) => /^batch-\d+\.jsonl$/.test(n));
  } catch {
    return false;
  }
})();

if (!corpusPresent(corpus)) {
  test('corpus accuracy (skipped: ../shared/corpus is not present)', (t) => {
    t.skip(`no corpus at ${corpus}`);
  });
} else {
  const measured = measureCorpus(corpus, goldDir, known);

  test('index.tsv: classification, NOFORN and date at or above their floors', (t) => {
    checkFloors(t, tableOf(measured, 'Against index.tsv'), floors.index);
  });

  test('gold files: every field at or above its floor', { skip: goldPresent ? false : `no gold files in ${goldDir}` }, (t) => {
    checkFloors(t, tableOf(measured, 'Against the gold files'), floors.gold);
  });
}
