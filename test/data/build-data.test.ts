import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
// @ts-expect-error: plain ESM script without type declarations
import { buildData, defaultSourceDir, outDir } from '../../scripts/build-data.mjs';

test('committed server/data files are what scripts/build-data.mjs writes', (t) => {
  if (!existsSync(join(defaultSourceDir as string, 'README.md'))) {
    t.skip(`reference data not found at ${defaultSourceDir as string}`);
    return;
  }
  const files = (buildData as (dir?: string) => Record<string, string>)();
  assert.ok(Object.keys(files).length >= 9);
  for (const [name, content] of Object.entries(files)) {
    const path = join(outDir as string, name);
    assert.ok(existsSync(path), `server/data/${name} is missing: run npm run data`);
    assert.equal(readFileSync(path, 'utf8'), content, `server/data/${name} is stale: run npm run data`);
  }
});

test('build-data fails clearly when the reference data is absent', () => {
  assert.throws(() => (buildData as (dir?: string) => unknown)('/nonexistent/shared/data'), /reference data not found/);
});

test('every generated JSON row names its source', () => {
  for (const name of ['tags-subject.json', 'tags-program.json', 'tags-organization.json', 'tags-geographic.json']) {
    const rows = JSON.parse(readFileSync(join(outDir as string, name), 'utf8')) as { code: string; source?: string }[];
    assert.ok(rows.length > 0);
    for (const r of rows) assert.ok(r.source && r.source.length > 0, `${name}: ${r.code} has no source`);
  }
});
