// Bundles the extension client, the language server and the CLI with esbuild.
// tsc only type-checks (npm run typecheck); esbuild does not.
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'info',
  legalComments: 'linked',
  define: { __CABLE_VERSION__: JSON.stringify(pkg.version) },
};

const targets = [
  // Node: the extension client (loaded by VS Code's extension host), the server and the CLI.
  { ...common, entryPoints: { client: 'client/src/extension.ts' }, platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'], outdir: 'dist' },
  { ...common, entryPoints: { server: 'server/src/main.node.ts', cli: 'server/src/cli.ts' }, platform: 'node', format: 'cjs', target: 'node20', outdir: 'dist' },
];

if (watch) {
  const contexts = await Promise.all(targets.map((t) => esbuild.context(t)));
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(targets.map((t) => esbuild.build(t)));
}
