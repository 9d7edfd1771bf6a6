// Bundles the extension client, the language server and the CLI with esbuild.
// tsc only type-checks (npm run typecheck); esbuild does not.
import * as esbuild from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

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
  // Node: the extension client (loaded by VS Code's extension host), the server and the CLI. The client
  // is two bundles: the entry, small enough to activate for every plain-text file, and the language
  // client it requires with the first cable (external here, so it stays a file of its own).
  { ...common, entryPoints: { client: 'client/src/extension.ts' }, platform: 'node', format: 'cjs', target: 'node20', external: ['vscode', './languageClient.js'], outdir: 'dist' },
  { ...common, entryPoints: { languageClient: 'client/src/languageClient.node.ts' }, platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'], outdir: 'dist' },
  { ...common, entryPoints: { server: 'server/src/main.node.ts', cli: 'server/src/cli.ts' }, platform: 'node', format: 'cjs', target: 'node20', outdir: 'dist' },
  // Browser (vscode.dev, github.dev): the web client runs in the web extension host (cjs, `vscode`
  // external); the server runs in a Web Worker (iife). No Node polyfills: a Node built-in reaching these
  // bundles is a bug that scripts/check-browser-bundles.mjs reports from the metafiles written here.
  ...[
    { entryPoints: { client: 'client/src/browser.ts' }, format: 'cjs', external: ['vscode'], meta: 'client' },
    { entryPoints: { server: 'server/src/main.browser.ts' }, format: 'iife', external: [], meta: 'server' },
  ].map(({ meta, ...t }) => ({
    ...common,
    ...t,
    platform: 'browser',
    target: 'es2022',
    mainFields: ['browser', 'module', 'main'],
    conditions: ['browser'],
    outdir: 'dist/web',
    metafile: true,
    metafileOut: `dist/web/${meta}.meta.json`,
  })),
  // The cable preview's page (a webview): its script and stylesheet. The script gets no framework and no
  // Node; the page's Content Security Policy allows this file only (client/src/preview/html.ts).
  { ...common, entryPoints: { preview: 'client/src/preview/webview/main.ts' }, platform: 'browser', format: 'iife', target: 'es2022', outdir: 'dist/preview' },
  { ...common, entryPoints: { preview: 'client/src/preview/webview/preview.css' }, outdir: 'dist/preview' },
  // The timeline's page (a webview): the SVG chart written by the project, no charting library.
  { ...common, entryPoints: { timeline: 'client/src/archive/webview/main.ts' }, platform: 'browser', format: 'iife', target: 'es2022', outdir: 'dist/timeline' },
  { ...common, entryPoints: { timeline: 'client/src/archive/webview/timeline.css' }, outdir: 'dist/timeline' },
];

/** esbuild returns the metafile; keep it on disk for the bundle check and `npm run bench`. */
function writeMeta(target, result) {
  if (!target.metafileOut || !result.metafile) return;
  mkdirSync(dirname(target.metafileOut), { recursive: true });
  writeFileSync(target.metafileOut, JSON.stringify(result.metafile));
}

/** esbuild rejects unknown options, so our own fields are taken off before it sees the target. */
const esbuildOptions = ({ metafileOut: _m, ...t }) => t;

if (watch) {
  const contexts = await Promise.all(
    targets.map((t) =>
      esbuild.context({
        ...esbuildOptions(t),
        plugins: [{ name: 'meta', setup: (b) => b.onEnd((r) => writeMeta(t, r)) }],
      }),
    ),
  );
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(targets.map(async (t) => writeMeta(t, await esbuild.build(esbuildOptions(t)))));
}
