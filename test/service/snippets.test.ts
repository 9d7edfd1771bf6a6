/**
 * The snippets (snippets/cable.json), inserted as the editor inserts them (placeholders at their defaults,
 * the clock variables for a fixed time), are cables the parser reads completely and the extension's own
 * checks pass: the DTG, the filing time and the DECL date come from the clock, the E.O. is the one in force,
 * the subject is portion-marked. Several clocks, a leap day and a year's last minute among them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { parseCable } from '../../server/src/service/parse.ts';
import { computeDiagnostics } from '../../server/src/service/diagnostics.ts';
import { resolveSettings } from '../../server/src/service/settings.ts';
import { Dictionary } from '../../server/src/service/dictionary.ts';
import { clockVariables, expandSnippet } from './snippetExpand.ts';

const root = join(__dirname, '..', '..');
const snippets = JSON.parse(readFileSync(join(root, 'snippets', 'cable.json'), 'utf8')) as Record<
  string,
  { prefix: string | string[]; body: string[]; description: string }
>;
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  contributes: { snippets?: { language: string; path: string }[] };
};

const dict = Dictionary.default();
const settings = resolveSettings(undefined);
const pad2 = (n: number): string => String(n).padStart(2, '0');

/** [year, month, day, hour, minute, the DECL date expected] */
const CLOCKS: [number, number, number, number, number, string][] = [
  [2025, 3, 5, 14, 30, '03/05/2035'],
  [2028, 2, 29, 23, 59, '02/28/2038'],
  [2031, 12, 31, 0, 0, '12/31/2041'],
  // The latest year a DTG's two digits can give (the domain pivot reads 40 as 1940).
  [2039, 7, 20, 9, 5, '07/20/2049'],
];

test('the manifest contributes the snippets for the cable language', () => {
  assert.deepEqual(manifest.contributes.snippets, [{ language: 'cable', path: './snippets/cable.json' }]);
});

test('the expander follows the snippet grammar on small cases', () => {
  const vars = clockVariables(2095, 7, 29, 8, 4);
  assert.equal(expandSnippet('${CURRENT_MONTH_NAME_SHORT/(.*)/${1:/upcase}/}', vars), 'JUL');
  // A tab stop's transform waits for the writer to leave the placeholder: as inserted, the mirror is plain.
  assert.equal(expandSnippet('${2|RR,PP|} ${2/(.).*/$1/}', vars), 'RR RR');
  assert.equal(expandSnippet('${2|R,P|}$2 $2', vars), 'RR R');
  assert.equal(expandSnippet('${1:x${CURRENT_DATE}} $1', vars), 'x29 x29');
  assert.equal(expandSnippet('${CURRENT_YEAR/^(?:20(9)|(\\d\\d)(?:(0)|(1)))(\\d)$/${1:+210}$2${3:+1}${4:+2}$5/}', vars), '2105');
  assert.equal(expandSnippet('${CURRENT_DATE/^29$/28/} ${CURRENT_HOUR/^(9)$/${1:?nine:other}/}', vars), '28 other');
});

for (const [name, level] of [
  ['Unclassified cable', 'U'],
  ['Classified cable (CONFIDENTIAL)', 'C'],
  ['Classified cable (SECRET)', 'S'],
] as const) {
  for (const [y, mo, d, h, mi, decl] of CLOCKS) {
    const when = `${y}-${pad2(mo)}-${pad2(d)}T${pad2(h)}:${pad2(mi)}`;
    test(`snippet "${name}" inserted at ${when} is a ${level} cable that passes every check`, () => {
      const snippet = snippets[name];
      assert.ok(snippet, `snippet ${name} exists`);
      const text = expandSnippet(snippet.body.join('\n'), clockVariables(y, mo, d, h, mi));
      const doc = parseCable(text);
      assert.equal(doc.banner?.level, level);
      assert.equal(doc.header.dtgLine?.dtg?.iso, `${when}:00Z`, 'the DTG is the clock');
      assert.equal(doc.header.de?.filingTime?.epochMs, Date.parse(`${when}:00Z`), 'filed at the same minute');
      assert.equal(doc.eo?.order?.value, 13526, 'the order in force');
      assert.ok(doc.tags?.tags.length, 'TAGS');
      assert.ok(doc.subject?.marking?.level, 'the subject is portion-marked');
      assert.equal(doc.paragraphs.length, 2);
      assert.ok(doc.paragraphs.every((p) => p.marking?.level), 'every paragraph marked');
      if (level !== 'U') {
        assert.equal(doc.eo?.declassifyOn?.text, decl, 'declassify ten years on');
        assert.ok(doc.classifiedBy?.reason?.letters.length, 'Classified By with a reason');
      } else assert.equal(doc.eo?.kind, 'na');
      const serious = computeDiagnostics(doc, settings, dict).filter((x) => x.severity === DiagnosticSeverity.Error || x.severity === DiagnosticSeverity.Warning);
      assert.deepEqual(serious.map((x) => `${x.code}: ${x.message}`), []);
      assert.deepEqual(doc.problems.map((p) => p.code), [], 'the parser read everything');
    });
  }
}

test('snippet "Numbered paragraph with portion marking" gives a marked paragraph', () => {
  const body = expandSnippet(snippets['Numbered paragraph with portion marking']!.body.join('\n'), clockVariables(2025, 1, 1, 0, 0));
  assert.equal(body, '1. (U) ');
});
