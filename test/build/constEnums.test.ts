import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { transformSync } from 'esbuild';
// @ts-expect-error: a plain .mjs script without type declarations
import { checkConstEnums, constEnumReads } from '../../scripts/check-const-enums.mjs';

const root = join(__dirname, '..', '..');
const reads = constEnumReads as (text: string, names: string[]) => string[];

test('the bundles in dist/ hold the numbers of the const enums, never a read of them', () => {
  const r = (checkConstEnums as (root: string) => { names: string[]; bundles: string[]; problems: string[]; inlined: number })(root);
  assert.ok(r.names.includes('Char'), 'parse/chars.ts declares the Char const enum');
  assert.ok(r.bundles.includes('dist/server.js'), 'npm run build wrote dist/server.js');
  assert.deepEqual(r.problems, []);
  assert.ok(r.inlined > 100, `esbuild wrote the inlined members with their names (${r.inlined})`);
});

test('code compiled a file at a time, where the enum stays an object, is reported', () => {
  // esbuild without bundling cannot see the enum's values in another file: the reads stay reads.
  const user = transformSync("import { Char } from './chars.ts';\nexport const isSpace = (c: number) => c === Char.Space;\n", { loader: 'ts', format: 'cjs' }).code;
  const found = reads(user, ['Char']);
  assert.equal(found.length, 1);
  assert.match(found[0], /Char\.Space/);
  // The enum's own file keeps the enum object.
  const chars = transformSync(readFileSync(join(root, 'server/src/service/parse/chars.ts'), 'utf8'), { loader: 'ts', format: 'esm' }).code;
  assert.ok(reads(chars, ['Char']).some((f) => /var Char/.test(f)));
});

test('inlined members and their name comments are not reported', () => {
  assert.deepEqual(reads('if (c === 32 /* Space */ || c === 40 /* OpenParen */) x = Character.Space;', ['Char']), []);
});
