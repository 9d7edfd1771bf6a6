/**
 * The parser over the real-cable corpus (../shared/corpus, read at run time, never copied): nothing
 * throws, and the parsed classification, DTG and id agree with index.tsv except for the cables listed,
 * with the reason, in test/fixtures/corpus-parse-disagreements.json. A new disagreement fails the test,
 * and so does a listed one that no longer disagrees (the list must stay true).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCable } from '../../server/src/service/parse.ts';
import { parseMetadataClassification } from '../../server/src/service/classification.ts';
import type { CableDocument } from '../../server/src/service/model.ts';

const root = join(__dirname, '..', '..');
const corpus = join(root, '..', 'shared', 'corpus');
const present = existsSync(join(corpus, 'index.tsv'));
const known = JSON.parse(readFileSync(join(root, 'test', 'fixtures', 'corpus-parse-disagreements.json'), 'utf8')) as {
  classification: Record<string, string>;
  dtg: Record<string, string>;
  id: Record<string, string>;
  otherCable: string[];
};

interface Row {
  id: string;
  file: string;
  created: string;
  classification: string;
}

function rows(): Row[] {
  const lines = readFileSync(join(corpus, 'index.tsv'), 'utf8').trim().split('\n');
  const head = lines[0].split('\t');
  const col = (name: string) => head.indexOf(name);
  return lines.slice(1).map((l) => {
    const c = l.split('\t');
    return { id: c[col('id')], file: c[col('file')], created: c[col('created')], classification: c[col('classification')] };
  });
}

const DAY_MS = 24 * 3600_000;

if (!present) {
  test('corpus checks (skipped: ../shared/corpus is not present)', (t) => {
    t.skip(`no corpus at ${corpus}`);
  });
} else {
  const all = rows();
  const docs = new Map<string, CableDocument>();
  for (const r of all) docs.set(r.id, parseCable(readFileSync(join(corpus, r.file), 'utf8')));

  test(`corpus: ${all.length} cables parse without an internal error`, () => {
    assert.ok(all.length > 800);
    for (const r of all) {
      const doc = docs.get(r.id)!;
      assert.ok(!doc.problems.some((p) => p.code === 'parser-error'), `${r.id}: ${doc.problems.find((p) => p.code === 'parser-error')?.message}`);
      assert.ok(doc.lineCount > 0);
    }
  });

  const report = (t: { diagnostic(m: string): void }, what: string, disagree: Map<string, string>, listed: Record<string, string>, comparable: number) => {
    const unexplained = [...disagree.keys()].filter((id) => !(id in listed));
    const stale = Object.keys(listed).filter((id) => !disagree.has(id));
    assert.deepEqual(unexplained.map((id) => `${id}: ${disagree.get(id)}`), [], `${what}: disagreements not listed in the fixture`);
    assert.deepEqual(stale, [], `${what}: listed disagreements that now agree (update the fixture)`);
    const agree = all.length - disagree.size;
    const rate = agree / all.length;
    // Cables whose file holds another cable than its index row, or whose text has nothing to compare,
    // are not evidence about the parser; the rate over the rest is the one held to 99%.
    const rateComparable = (comparable - (disagree.size - (all.length - comparable))) / comparable;
    t.diagnostic(`${what}: ${agree}/${all.length} agree (${(rate * 100).toFixed(2)}%); over comparable cables ${(rateComparable * 100).toFixed(2)}%`);
    assert.ok(rateComparable >= 0.99, `${what}: ${(rateComparable * 100).toFixed(2)}% < 99%`);
  };

  test('corpus: classification level and caveats agree with index.tsv', (t) => {
    const disagree = new Map<string, string>();
    for (const r of all) {
      const doc = docs.get(r.id)!;
      const meta = parseMetadataClassification(r.classification);
      assert.ok(meta, `${r.id}: unreadable index classification ${r.classification}`);
      const got = doc.classification;
      // The index only ever states NOFORN (and FOUO, read as SBU): compare those.
      const caveats = (got?.caveats ?? []).filter((c) => c === 'NOFORN');
      if (!got || got.level !== meta.level || caveats.join() !== meta.caveats.join()) {
        disagree.set(r.id, `parsed ${got ? `${got.level}/${caveats.join('+')}` : 'nothing'}, index ${r.classification}`);
      }
    }
    report(t, 'classification', disagree, known.classification, all.length - known.otherCable.filter((id) => id in known.classification).length);
  });

  test('corpus: the DTG agrees with index.tsv created within 24 hours', (t) => {
    const disagree = new Map<string, string>();
    let noDate = 0;
    for (const r of all) {
      const doc = docs.get(r.id)!;
      const created = Date.parse(`${r.created.replace(' ', 'T')}:00Z`);
      if (doc.dtg?.epochMs === undefined) {
        disagree.set(r.id, `no DTG (${doc.dtg?.text ?? 'none found'})`);
        noDate++;
      } else if (Math.abs(doc.dtg.epochMs - created) > DAY_MS) {
        disagree.set(r.id, `DTG ${doc.dtg.iso} vs created ${r.created}`);
      }
    }
    report(t, 'dtg', disagree, known.dtg, all.length - noDate);
  });

  test('corpus: the canonical id agrees with index.tsv', (t) => {
    const disagree = new Map<string, string>();
    let notComparable = 0;
    for (const r of all) {
      const doc = docs.get(r.id)!;
      if (doc.identity.id !== r.id) {
        disagree.set(r.id, `parsed ${doc.identity.id ?? 'no id'}`);
        if (doc.identity.id === undefined || known.otherCable.includes(r.id)) notComparable++;
      }
    }
    report(t, 'id', disagree, known.id, all.length - notComparable);
  });
}
