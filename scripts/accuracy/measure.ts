/** Runs the scorers and gathers their figures into tables (the CLI and the test tier share this). */
import { corpusPresent, readCable, readIndex } from './corpus.ts';
import { parseRecord } from './record.ts';
import { scoreIndex, type KnownDisagreements, type Reading } from './index-score.ts';
import { emptyGoldScores, readGold, scoreGoldRow } from './gold.ts';
import { loadCablemapCases } from './cablemap-cases.ts';
import { scoreCablemap } from './cablemap.ts';
import type { FieldScore } from './report.ts';

export interface Measured {
  notes: string[];
  tables: { title: string; scores: FieldScore[] }[];
  facts: Record<string, unknown>;
}

/** The index fields over every corpus cable, and the gold fields over every gold cable. */
export function measureCorpus(corpusDir: string, goldDir: string, known: KnownDisagreements): Measured {
  if (!corpusPresent(corpusDir)) return { notes: [`No corpus at ${corpusDir}: nothing to measure.`], tables: [], facts: { corpus: null } };
  const rows = readIndex(corpusDir);
  const texts = new Map<string, string>();
  const readings: Reading[] = [];
  for (const row of rows) {
    const t = readCable(corpusDir, row.file);
    if (t === undefined) continue;
    texts.set(row.id, t);
    readings.push({ row, record: parseRecord(row.file, t) });
  }
  const records = new Map(readings.map((r) => [r.row.id, r.record]));
  const gold = readGold(goldDir);
  const scores = emptyGoldScores();
  const notInCorpus: string[] = [];
  for (const g of gold.rows) {
    const t = texts.get(g.id);
    if (t === undefined) notInCorpus.push(g.id);
    else scoreGoldRow(scores, g, records.get(g.id)!, t.split('\n'));
  }
  const notes = [
    `Corpus: ${readings.length} cables (${corpusDir}). Gold: ${gold.rows.length} cables read by hand (${goldDir}).`,
    ...gold.skipped.map((s) => `  skipped ${s}`),
    ...(notInCorpus.length ? [`  gold cables not in the corpus (not scored): ${notInCorpus.join(', ')}`] : []),
  ];
  const tables = [{ title: 'Against index.tsv (published metadata)', scores: scoreIndex(readings, known) }];
  if (gold.rows.length) tables.push({ title: 'Against the gold files (read by hand)', scores: [...scores.values()] });
  return { notes, tables, facts: { corpus: corpusDir, cables: readings.length, gold: goldDir, goldCables: gold.rows.length, goldSkipped: gold.skipped } };
}

export const CABLEMAP_TARGET = 0.85;
const SET_ASIDE = "cablemap's own conventions";

/** Agreement with cablemap's cases per field and overall; set-aside cases counted apart, by convention. */
export function measureCablemap(file: string): Measured {
  const data = loadCablemapCases(file);
  const results = scoreCablemap(data);
  const fields = new Map<string, FieldScore>();
  const overall: FieldScore = { field: 'overall', right: 0, total: 0, known: 0, apart: 0, apartWhy: SET_ASIDE, target: CABLEMAP_TARGET, misses: [] };
  const conventions = new Map<string, { setAside: number; normalised: number }>();
  for (const r of results) {
    const s = fields.get(r.field) ?? { field: r.field, right: 0, total: 0, known: 0, apart: 0, apartWhy: SET_ASIDE, target: CABLEMAP_TARGET, misses: [] };
    fields.set(r.field, s);
    for (const t of [s, overall]) {
      t.total++;
      if (r.status === 'agree') t.right++;
      else if (r.status === 'set-aside') t.apart++;
      else t.misses.push({ id: r.id, expected: r.expected, got: r.got, line: r.line, note: r.convention && `compared with cablemap's ${r.convention} set aside` });
    }
    if (r.convention) {
      const c = conventions.get(r.convention) ?? { setAside: 0, normalised: 0 };
      if (r.status === 'set-aside') c.setAside++;
      else c.normalised++;
      conventions.set(r.convention, c);
    }
  }
  const notes = [
    `cablemap: ${results.length} judged cases (${file}); ${overall.apart} set aside as cablemap's own conventions.`,
    'Conventions set aside (cases set aside / cases still judged after normalising):',
    ...[...conventions].map(([name, c]) => `  ${name}: ${c.setAside} / ${c.normalised}`),
  ];
  overall.misses = [];
  const byConvention = Object.fromEntries([...conventions].map(([k, v]) => [k, { ...v, description: data.conventions[k] ?? '' }]));
  return { notes, tables: [{ title: 'Agreement with cablemap\'s judged test cases', scores: [...fields.values(), overall] }], facts: { cablemap: file, cases: results.length, conventions: byConvention } };
}
