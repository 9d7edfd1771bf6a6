/**
 * Sizes of the browser bundles (dist/web/*.js): what vscode.dev and github.dev download before the
 * extension can answer. Raw bytes, gzip (what a CDN sends), and the largest inputs from the esbuild
 * metafile, so a jump in size points at its cause.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSizeRow {
  bundle: string;
  bytes: number;
  gzipBytes: number;
  /** Number of source modules in the bundle. */
  inputs: number;
  /** The three largest contributors (package or source file) and their bytes in the output. */
  largest: string;
}

interface Metafile {
  outputs: Record<string, { bytes: number; inputs: Record<string, { bytesInOutput: number }> }>;
}

/** `node_modules/vscode-languageserver/lib/x.js` → `vscode-languageserver`; own sources stay as paths. */
function owner(input: string): string {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  return m ? m[1] : input;
}

export function browserBundleSizes(root: string = join(__dirname, '..')): BundleSizeRow[] {
  const rows: BundleSizeRow[] = [];
  for (const kind of ['client', 'server']) {
    const file = join(root, 'dist', 'web', `${kind}.js`);
    const metaFile = join(root, 'dist', 'web', `${kind}.meta.json`);
    if (!existsSync(file) || !existsSync(metaFile)) {
      throw new Error(`${file} or its metafile is missing: run npm run build`);
    }
    const code = readFileSync(file);
    const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as Metafile;
    const out = meta.outputs[`dist/web/${kind}.js`];
    const byOwner = new Map<string, number>();
    for (const [input, { bytesInOutput }] of Object.entries(out?.inputs ?? {})) {
      byOwner.set(owner(input), (byOwner.get(owner(input)) ?? 0) + bytesInOutput);
    }
    const largest = [...byOwner]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([name, bytes]) => `${name} ${(bytes / 1024).toFixed(0)} KiB`)
      .join(', ');
    rows.push({
      bundle: `dist/web/${kind}.js`,
      bytes: code.length,
      gzipBytes: gzipSync(code, { level: 9 }).length,
      inputs: Object.keys(out?.inputs ?? {}).length,
      largest,
    });
  }
  return rows;
}

/**
 * The same two bundles minified, built in memory with the options of scripts/build.mjs: what a
 * `--production` build would ship, since `npm run build` keeps them readable.
 */
export async function minifiedBrowserBundleSizes(root: string = join(__dirname, '..')): Promise<BundleSizeRow[]> {
  const esbuild = await import('esbuild');
  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  const rows: BundleSizeRow[] = [];
  const targets = [
    { kind: 'client', entry: 'client/src/browser.ts', format: 'cjs' },
    { kind: 'server', entry: 'server/src/main.browser.ts', format: 'iife' },
  ] as const;
  for (const t of targets) {
    const r = await esbuild.build({
      absWorkingDir: root,
      entryPoints: [t.entry],
      bundle: true,
      write: false,
      minify: true,
      metafile: true,
      platform: 'browser',
      format: t.format,
      target: 'es2022',
      external: ['vscode'],
      mainFields: ['browser', 'module', 'main'],
      conditions: ['browser'],
      define: { __CABLE_VERSION__: JSON.stringify(version) },
      logLevel: 'silent',
    });
    const code = r.outputFiles[0]!.contents;
    rows.push({
      bundle: `dist/web/${t.kind}.js (minified)`,
      bytes: code.length,
      gzipBytes: gzipSync(code, { level: 9 }).length,
      inputs: Object.keys(r.metafile.inputs).length,
      largest: '',
    });
  }
  return rows;
}

// `node --import tsx bench/browser.ts` prints the table on its own.
if (require.main === module) {
  void minifiedBrowserBundleSizes().then((min) => console.table([...browserBundleSizes(), ...min]));
}
