/**
 * The snippets (snippets/cable.json) expand, with their placeholders filled in as a writer would, into
 * cables the parser reads completely and the linter finds no error in.
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

const root = join(__dirname, '..', '..');
const snippets = JSON.parse(readFileSync(join(root, 'snippets', 'cable.json'), 'utf8')) as Record<
  string,
  { prefix: string | string[]; body: string[]; description: string }
>;
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  contributes: { snippets?: { language: string; path: string }[] };
};

/** What a writer types over each placeholder default; defaults not listed are kept. */
const FILL: Record<string, string> = {
  DDDHHMM: '2011547',
  RUEHXX: 'RUEHBS',
  POST: 'BRUSSELS',
  'MM/DD/YYYY': '07/20/2019',
  XX: 'BE',
  'Name, Title': 'Ambassador Jane Doe',
  SIGNATURE: 'DOE',
};

/** Expands the snippet syntax used in cable.json, with the clock fixed at 20 July 2009, 15:47. */
function expand(body: string[]): string {
  let s = body.join('\n');
  s = s.replace('${CURRENT_MONTH_NAME_SHORT/(.*)/${1:/upcase}/}', 'JUL').replaceAll('${CURRENT_MONTH_NAME_SHORT/(.*)/${1:/upcase}/}', 'JUL');
  s = s.replaceAll('${CURRENT_DATE}', '20').replaceAll('${CURRENT_HOUR}', '15').replaceAll('${CURRENT_MINUTE}', '47');
  s = s.replaceAll('${CURRENT_YEAR_SHORT}', '09');
  const values = new Map<string, string>();
  for (let guard = 0; guard < 10; guard++) {
    const before = s;
    s = s.replace(/\$\{(\d+)\|([^|}]*)\|\}/g, (_m, n: string, choices: string) => {
      const v = choices.split(',')[0];
      values.set(n, v);
      return v;
    });
    s = s.replace(/\$\{(\d+):([^${}]*)\}/g, (_m, n: string, def: string) => {
      const v = FILL[def] ?? def;
      values.set(n, v);
      return v;
    });
    if (s === before) break;
  }
  s = s.replace(/\$\{(\d+)\/\(\.\)\.\*\/\$1\/\}/g, (_m, n: string) => (values.get(n) ?? '')[0] ?? '');
  s = s.replace(/\$\{(\d+)\}/g, (_m, n: string) => values.get(n) ?? '');
  s = s.replace(/\$0/g, 'Closing remarks.');
  assert.doesNotMatch(s, /\$\{|\$\d/, 'every placeholder expanded');
  return s;
}

test('the manifest contributes the snippets for the cable language', () => {
  assert.deepEqual(manifest.contributes.snippets, [{ language: 'cable', path: './snippets/cable.json' }]);
});

const dict = Dictionary.default();
const settings = resolveSettings(undefined);

for (const [name, expected] of [
  ['Unclassified cable', 'U'],
  ['Classified cable (CONFIDENTIAL)', 'C'],
  ['Classified cable (SECRET)', 'S'],
] as const) {
  test(`snippet "${name}" expands into a complete ${expected} cable without errors`, () => {
    const snippet = snippets[name];
    assert.ok(snippet, `snippet ${name} exists`);
    const text = expand(snippet.body);
    const doc = parseCable(text);
    assert.equal(doc.banner?.level, expected);
    assert.equal(doc.header.dtgLine?.dtg?.iso, '2009-07-20T15:47:00Z');
    assert.equal(doc.header.de?.filingTime?.invalid, undefined);
    assert.ok(doc.eo, 'E.O. line');
    assert.deepEqual(doc.tags?.tags.map((t) => t.code), ['PREL', 'BE']);
    assert.ok(doc.subject, 'subject');
    assert.equal(doc.paragraphs.length, 2);
    if (expected !== 'U') {
      assert.ok(doc.classifiedBy?.reason, 'Classified By with a reason');
      assert.ok(doc.paragraphs.every((p) => p.marking?.level), 'every paragraph marked');
    }
    const errors = computeDiagnostics(doc, settings, dict).filter((d) => d.severity === DiagnosticSeverity.Error);
    assert.deepEqual(errors.map((e) => `${e.code}: ${e.message}`), []);
  });
}

test('snippet "Numbered paragraph with portion marking" gives a marked paragraph', () => {
  const body = expand(snippets['Numbered paragraph with portion marking'].body);
  assert.equal(body, '1. (U) Closing remarks.');
});
