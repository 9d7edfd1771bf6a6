import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../../server/src/service/rules/index.ts';

const root = join(__dirname, '..', '..');

test('rule codes are unique, kebab-case, with a severity and a description', () => {
  const seen = new Set<string>();
  for (const r of RULES) {
    assert.match(r.code, /^[a-z]+(?:-[a-z]+)*$/, r.code);
    assert.ok(!seen.has(r.code), `duplicate ${r.code}`);
    seen.add(r.code);
    assert.ok(['error', 'warning', 'information', 'hint'].includes(r.severity), r.code);
    assert.ok(r.description.length > 20, `${r.code} describes what it flags`);
  }
});

test('package.json lists every rule in cable.diagnostics.rules, and nothing else', () => {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const schema = pkg.contributes.configuration.properties['cable.diagnostics.rules'];
  assert.deepEqual(Object.keys(schema.properties).sort(), RULES.map((r) => r.code).sort());
  for (const [code, p] of Object.entries(schema.properties as Record<string, { enum: string[] }>)) {
    assert.deepEqual(p.enum, ['error', 'warning', 'information', 'hint', 'off'], code);
  }
  for (const key of ['cable.diagnostics.enable', 'cable.diagnostics.run', 'cable.tags.extra', 'cable.maxFileSize']) {
    assert.ok(pkg.contributes.configuration.properties[key], key);
  }
  assert.ok(pkg.contributes.commands.some((c: { command: string }) => c.command === 'cable.disableRule'));
});

test('the README table lists every rule with its default severity', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  for (const r of RULES) {
    // The code may link to its page: | [`code`](docs/rules/code.md) | severity |
    const code = `(?:\`${r.code}\`|\\[\`${r.code}\`\\]\\(docs/rules/${r.code}\\.md\\))`;
    assert.match(readme, new RegExp(`^\\| ${code} \\| ${r.severity} \\|`, 'm'), `${r.code} in the README rules table`);
  }
});

test('every rule has a test that triggers it and one that does not', () => {
  const dir = join(root, 'test', 'service');
  const tests = readdirSync(dir)
    .filter((f) => /^rules-.*\.test\.ts$/.test(f) && f !== 'rules-catalogue.test.ts')
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n');
  for (const r of RULES) {
    assert.ok(tests.includes(`expectOne(`) && new RegExp(`expectOne\\([^;]*'${r.code}'`).test(tests), `${r.code}: a triggering test`);
    assert.ok(new RegExp(`expectNone\\([^;]*'${r.code}'`).test(tests), `${r.code}: a clean test`);
  }
});
