import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
// @ts-expect-error: a plain .mjs script without type declarations
import { checkMetafile, checkBrowserBundles } from '../../scripts/check-browser-bundles.mjs';

type Check = (kind: string, meta: unknown, read?: (p: string) => string) => string[];
const check = checkMetafile as Check;

const meta = (inputs: Record<string, { path: string; external?: boolean }[]>) => ({
  inputs: Object.fromEntries(Object.entries(inputs).map(([k, imports]) => [k, { bytes: 1, imports }])),
});

test('the built browser bundles contain no Node built-ins', () => {
  const { bundles, problems } = (checkBrowserBundles as (root: string) => { bundles: { kind: string }[]; problems: string[] })(
    join(__dirname, '..', '..'),
  );
  assert.deepEqual(problems, []);
  assert.deepEqual(bundles.map((b) => b.kind), ['client', 'server']);
});

test('a bundled or external Node built-in is reported', () => {
  const problems = check('server', meta({ 'server/src/x.ts': [{ path: 'node:fs' }, { path: 'path', external: true }] }), () => '');
  assert.equal(problems.length, 2);
  assert.match(problems[0], /node:fs/);
  assert.match(problems[1], /'path'/);
});

test('a module a package disabled for the browser is reported', () => {
  const problems = check('server', meta({ '(disabled):fs': [] }));
  assert.match(problems[0], /empty stub/);
});

test('only the web client may leave vscode external', () => {
  assert.deepEqual(check('client', meta({ 'client/src/b.ts': [{ path: 'vscode', external: true }] }), () => ''), []);
  assert.equal(check('server', meta({ 'server/src/b.ts': [{ path: 'vscode', external: true }] }), () => '').length, 1);
});

test('Node globals in our sources are reported with their line, but not in comments', () => {
  const src = ['// process.env is not read here', 'const a = 1;', 'const root = process.cwd();', '/* __dirname */'].join('\n');
  const problems = check('server', meta({ 'server/src/service/x.ts': [] }), () => src);
  assert.deepEqual(problems, ["server/src/service/x.ts:3 uses Node global 'process.cwd'"]);
});
