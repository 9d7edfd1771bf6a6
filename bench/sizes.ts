/**
 * What the extension ships: the Node bundles (client, server, CLI), the browser bundles, and the
 * packaged .vsix when `npm run package` has made one. Raw bytes and gzip (what a download costs).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface SizeRow {
  file: string;
  bytes: number;
  gzipBytes?: number;
}

export function bundleSizes(root: string): SizeRow[] {
  const rows: SizeRow[] = [];
  for (const f of ['dist/client.js', 'dist/languageClient.js', 'dist/server.js', 'dist/cli.js', 'dist/web/client.js', 'dist/web/server.js']) {
    const p = join(root, f);
    if (!existsSync(p)) continue;
    const buf = readFileSync(p);
    rows.push({ file: f, bytes: buf.length, gzipBytes: gzipSync(buf, { level: 9 }).length });
  }
  const vsix = join(root, 'dist', 'cable-language.vsix');
  if (existsSync(vsix)) rows.push({ file: 'dist/cable-language.vsix', bytes: statSync(vsix).size });
  return rows;
}
