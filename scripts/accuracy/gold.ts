/**
 * `cable parse` against the hand-read gold files (test/fixtures/gold/batch-*.jsonl; CONVENTIONS.md
 * there is the definition of right). Per cable, a field is right only when the whole value agrees:
 * that all-or-nothing figure is the measure. For TAGS and references the items agreed on in
 * order (longest common subsequence) are reported as well.
 *
 * Normalisation (normalise.ts): blanks collapsed and case ignored for the subject, the authority and
 * the signer; the authority's trailing `,;.:` dropped (as the conventions write it); TAGS compared as an
 * ordered list of upper-cased entries, a person's parentheses not compared; references as an ordered
 * list of cable ids, leading zeros of the serial not compared. The signer is the parser's signature
 * names joined by one space.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ParsedRecord } from './record.ts';
import type { FieldScore } from './report.ts';
import { authority, cableId, commonInOrder, sameList, tag, text } from './normalise.ts';

export interface GoldRow {
  id: string;
  subject: string | null;
  tags: string[];
  references: string[];
  classifiedBy: string | null;
  signer: string | null;
  notes: string;
}

export interface GoldFiles {
  rows: GoldRow[];
  /** Lines that are not a complete gold object (a line still being written), with where they are. */
  skipped: string[];
}

const GOLD_FILE = /^batch-\d+\.jsonl$/;

function isGoldRow(v: unknown): v is GoldRow {
  const r = v as GoldRow;
  return !!r && typeof r.id === 'string' && Array.isArray(r.tags) && Array.isArray(r.references) && 'subject' in r && 'classifiedBy' in r && 'signer' in r;
}

export function readGold(dir: string): GoldFiles {
  const rows = new Map<string, GoldRow>();
  const skipped: string[] = [];
  let names: string[] = [];
  try {
    names = readdirSync(dir).filter((n) => GOLD_FILE.test(n)).sort();
  } catch {
    return { rows: [], skipped: [`${dir}: not readable`] };
  }
  for (const name of names) {
    readFileSync(join(dir, name), 'utf8').split('\n').forEach((line, k) => {
      if (!line.trim()) return;
      let v: unknown;
      try {
        v = JSON.parse(line);
      } catch {
        v = undefined;
      }
      if (isGoldRow(v)) rows.set(v.id, v);
      else skipped.push(`${name}:${k + 1}: not a complete gold line`);
    });
  }
  return { rows: [...rows.values()], skipped };
}

export const GOLD_TARGETS: Record<string, number> = {
  subject: 0.995,
  tags: 0.995,
  references: 0.99,
  classifiedBy: 0.99,
  signer: 0.99,
};

/** Where in the text a field stands, for the lists of misses. */
const FIELD_LINE: Record<string, RegExp> = {
  subject: /^\s*S?UBJ(?:ECT)?\b/i,
  tags: /^\s*T?A?GS?\b|\bTAGS\b/i,
  references: /^\s*REF|\bREF(?:S|TEL)?\b/i,
  classifiedBy: /CLASSIFIED\s+BY|DERIVED FROM/i,
};

export function fieldLine(lines: string[], field: string, expected: string | null): string {
  const numbered = (k: number) => `${k + 1}: ${lines[k].trim()}`;
  if (field === 'signer') {
    const name = text(expected);
    for (let k = lines.length - 1; k >= 0; k--) if (name && text(lines[k]).includes(name)) return numbered(k);
    for (let k = lines.length - 1; k >= 0; k--) if (lines[k].trim()) return numbered(k);
    return '';
  }
  const k = lines.findIndex((l) => FIELD_LINE[field].test(l));
  return k >= 0 ? numbered(k) : '(no such line)';
}

interface ListField {
  expected: string[];
  got: string[];
}

function listFields(gold: GoldRow, r: ParsedRecord): Record<'tags' | 'references', ListField> {
  return {
    tags: { expected: gold.tags.map(tag), got: r.tags.map((t) => tag(t.code)) },
    references: {
      expected: gold.references.map(cableId),
      got: r.references.map((x) => x.cableId).filter((x): x is string => !!x).map(cableId),
    },
  };
}

/** Each scalar field: the gold value, the parser's value, and both as compared. */
function scalarFields(gold: GoldRow, r: ParsedRecord): Record<'subject' | 'classifiedBy' | 'signer', [string | null, string | null, string, string]> {
  const signer = r.signature?.length ? r.signature.join(' ') : null;
  const auth = r.classifiedBy?.authority ?? null;
  return {
    subject: [gold.subject, r.subject, text(gold.subject), text(r.subject)],
    classifiedBy: [gold.classifiedBy, auth, authority(gold.classifiedBy), authority(auth)],
    signer: [gold.signer, signer, text(gold.signer), text(signer)],
  };
}

export function emptyGoldScores(): Map<string, FieldScore> {
  const m = new Map<string, FieldScore>();
  for (const [field, target] of Object.entries(GOLD_TARGETS)) {
    const s: FieldScore = { field, right: 0, total: 0, known: 0, apart: 0, target, misses: [] };
    if (field === 'tags' || field === 'references') s.items = { expected: 0, found: 0, common: 0 };
    m.set(field, s);
  }
  return m;
}

/** Adds one gold cable's comparisons to the scores. */
export function scoreGoldRow(scores: Map<string, FieldScore>, gold: GoldRow, r: ParsedRecord, lines: string[]): void {
  const note = gold.notes || undefined;
  for (const [field, [expected, got, a, b]] of Object.entries(scalarFields(gold, r))) {
    const s = scores.get(field)!;
    s.total++;
    if (a === b) s.right++;
    else s.misses.push({ id: gold.id, expected, got, line: fieldLine(lines, field, gold.signer), note });
  }
  for (const [field, { expected, got }] of Object.entries(listFields(gold, r))) {
    const s = scores.get(field)!;
    s.total++;
    s.items!.expected += expected.length;
    s.items!.found += got.length;
    s.items!.common += commonInOrder(expected, got);
    if (sameList(expected, got)) s.right++;
    else s.misses.push({ id: gold.id, expected, got, line: fieldLine(lines, field, null), note });
  }
}
