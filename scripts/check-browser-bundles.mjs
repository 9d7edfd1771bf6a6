// Fails when a Node built-in reaches the browser bundles (dist/web/*.js). On vscode.dev / github.dev
// there is no Node: a `require("fs")` there is a crash at activation, and esbuild's browser platform only
// catches the imports it cannot resolve, not those a package's `browser` field maps to an empty module
// nor our own code touching Node globals. Reads the metafiles scripts/build.mjs writes next to the bundles.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BUILTINS = new Set(builtinModules.filter((m) => !m.startsWith('_')));
/** The only module a web extension may leave to the host. */
const ALLOWED_EXTERNAL = { client: new Set(['vscode']), server: new Set() };
/** Node globals our own sources must not use in a browser bundle (dependencies guard theirs). */
const NODE_GLOBALS = /\b(?:process\.(?:env|argv|exit|cwd|platform|stdout|stderr|stdin|on|nextTick|hrtime|memoryUsage)\b|__dirname\b|__filename\b|Buffer\.(?:from|alloc|concat|isBuffer)\b|require\.resolve\b)/;

function isBuiltin(spec) {
  if (spec.startsWith('node:')) return true;
  return BUILTINS.has(spec.split('/')[0]);
}

/** Removes comments, keeping line numbers, so prose about `process.env` does not count. */
function stripComments(src) {
  return src.replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' ')).replace(/(^|[^:\\])\/\/[^\n]*/g, '$1');
}

/**
 * Problems in one bundle's metafile: Node built-ins imported (bundled, disabled or external), any other
 * external, and Node globals in our own sources. `readSource(path)` returns a source's text (tests pass
 * their own).
 */
export function checkMetafile(kind, meta, readSource) {
  const problems = [];
  const allowed = ALLOWED_EXTERNAL[kind] ?? new Set();
  for (const [input, info] of Object.entries(meta.inputs)) {
    if (input.startsWith('(disabled):')) {
      problems.push(`${input}: a package maps a Node module to an empty stub; its code expects Node`);
      continue;
    }
    for (const imp of info.imports ?? []) {
      if (isBuiltin(imp.path)) problems.push(`${input} imports Node built-in '${imp.path}'`);
      else if (imp.external && !allowed.has(imp.path)) problems.push(`${input} leaves '${imp.path}' external`);
    }
    if (/^(?:server|client)\/src\//.test(input) && readSource) {
      const lines = stripComments(readSource(input)).split('\n');
      lines.forEach((line, i) => {
        const m = NODE_GLOBALS.exec(line);
        if (m) problems.push(`${input}:${i + 1} uses Node global '${m[0]}'`);
      });
    }
  }
  return problems;
}

/** Checks every `dist/web/*.meta.json` below `root`; returns { bundles, problems }. */
export function checkBrowserBundles(root) {
  const dir = join(root, 'dist', 'web');
  if (!existsSync(dir)) return { bundles: [], problems: [`${dir} is missing: run npm run build`] };
  const metas = readdirSync(dir).filter((f) => f.endsWith('.meta.json')).sort();
  const problems = [];
  const bundles = [];
  for (const f of metas) {
    const kind = f.slice(0, -'.meta.json'.length);
    const meta = JSON.parse(readFileSync(join(dir, f), 'utf8'));
    bundles.push({ kind, inputs: Object.keys(meta.inputs).length });
    problems.push(...checkMetafile(kind, meta, (p) => readFileSync(join(root, p), 'utf8')).map((p) => `${kind}: ${p}`));
  }
  for (const expected of ['client', 'server']) {
    if (!metas.includes(`${expected}.meta.json`)) problems.push(`dist/web/${expected}.meta.json is missing: run npm run build`);
  }
  return { bundles, problems };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const { bundles, problems } = checkBrowserBundles(root);
  for (const b of bundles) console.log(`dist/web/${b.kind}.js: ${b.inputs} inputs`);
  if (problems.length) {
    console.error(`Node built-ins in the browser bundles:\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  console.log('browser bundles: no Node built-ins');
}
