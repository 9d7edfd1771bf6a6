/**
 * `cable parse` against the published metadata of the corpus (index.tsv): the classification level,
 * NOFORN, and the date.
 *
 * The date: index.tsv gives `created` as `YYYY-MM-DD HH:MM`, but in every one of its rows the minutes
 * repeat the hour on a 12-hour clock (`17:05` for a cable of 1731Z, `00:12` for 0003Z): the published
 * minutes carry no information. So the DTG is compared to the hour: the same day and hour (UTC) is
 * right. Partial extracts whose text carries no date at all (no DTG, no viewer date line) cannot be
 * compared and are counted apart, not as misses of the parser.
 *
 * Cables listed in test/fixtures/corpus-parse-disagreements.json, where the index row and the text
 * disagree (the file holds another cable; the metadata says what the text does not), are reported as
 * known disagreements when they miss; the comparable figure leaves them out.
 */
import { parseMetadataClassification } from '../../server/src/service/classification.ts';
import type { ParsedRecord } from './record.ts';
import type { IndexRow } from './corpus.ts';
import type { FieldScore, Miss } from './report.ts';

export interface KnownDisagreements {
  classification: Record<string, string>;
  dtg: Record<string, string>;
  /** Cables whose DTG agrees with `created` to the day but not to the hour, and why. */
  dtgHour?: Record<string, string>;
}

export interface Reading {
  row: IndexRow;
  record: ParsedRecord;
}

function dateHour(iso: string): string {
  return iso.slice(0, 13).replace('T', ' ');
}

function field(name: string, target: number): FieldScore {
  return { field: name, right: 0, total: 0, known: 0, apart: 0, apartWhy: 'partial extracts with no date in the text', target, misses: [] };
}

/** One comparison: right, a known index/text disagreement, set apart (nothing to compare), or a miss. */
function count(score: FieldScore, outcome: 'right' | 'known' | 'apart' | 'miss', m: Miss): void {
  score.total++;
  if (outcome === 'right') {
    score.right++;
    return;
  }
  if (outcome === 'known') score.known++;
  if (outcome === 'apart') score.apart++;
  score.misses.push(m);
}

function scoreLevels(r: Reading, known: KnownDisagreements, level: FieldScore, noforn: FieldScore): void {
  const meta = parseMetadataClassification(r.row.classification);
  const got = r.record.classification;
  const listed = known.classification[r.row.id];
  const line = got?.banner ?? '(no banner)';
  const pairs: [FieldScore, unknown, unknown][] = [
    [level, meta?.level ?? r.row.classification, got?.level ?? null],
    [noforn, !!meta?.caveats.includes('NOFORN'), !!got?.caveats.includes('NOFORN')],
  ];
  for (const [score, expected, actual] of pairs) {
    const outcome = expected === actual ? 'right' : listed ? 'known' : 'miss';
    count(score, outcome, { id: r.row.id, expected, got: actual, line, note: listed ? `known: ${listed}` : undefined });
  }
}

function scoreDate(r: Reading, date: FieldScore, known: KnownDisagreements): void {
  const iso = r.record.dtg?.iso;
  const created = r.row.created.slice(0, 13);
  const line = r.record.dtg?.text ?? '(no DTG)';
  if (!iso) {
    count(date, 'apart', { id: r.row.id, expected: created, got: null, line, note: 'no date in the text' });
    return;
  }
  const listed = known.dtgHour?.[r.row.id];
  const outcome = dateHour(iso) === created ? 'right' : listed ? 'known' : 'miss';
  count(date, outcome, { id: r.row.id, expected: created, got: dateHour(iso), line, note: listed ? `known: ${listed}` : undefined });
}

export function scoreIndex(readings: Reading[], known: KnownDisagreements): FieldScore[] {
  const level = field('classification', 1);
  const noforn = field('noforn', 1);
  const date = field('date', 1);
  for (const r of readings) {
    scoreLevels(r, known, level, noforn);
    scoreDate(r, date, known);
  }
  return [level, noforn, date];
}
