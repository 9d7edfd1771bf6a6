// Fails when the packaged .vsix holds sources, tests or node_modules, or lacks what the extension needs.
import { execFileSync } from 'node:child_process';

const vsix = process.argv[2] ?? 'dist/cable-language.vsix';
const list = execFileSync('unzip', ['-Z1', vsix], { encoding: 'utf8' }).split('\n').filter(Boolean);
const files = list.filter((f) => f.startsWith('extension/')).map((f) => f.slice('extension/'.length));
const forbidden = files.filter((f) => /(^|\/)node_modules\/|\.ts$|^test\/|^client\/src|^server\/src|\.map$/.test(f));
const required = ['package.json', 'dist/client.js', 'dist/server.js', 'dist/cli.js', 'dist/web/client.js', 'dist/web/server.js', 'dist/preview/preview.js', 'dist/preview/preview.css', 'language-configuration.json', 'README.md', 'CHANGELOG.md', 'LICENSE'];
const lower = new Set(files.map((f) => f.toLowerCase()));
const missing = required.filter((r) => !lower.has(r.toLowerCase()) && !lower.has(`${r.toLowerCase()}.txt`) && !lower.has(`${r.toLowerCase()}.md`));
console.log(`${vsix}: ${files.length} files`);
for (const f of files) console.log(`  ${f}`);
if (forbidden.length || missing.length) {
  if (forbidden.length) console.error(`forbidden in the package: ${forbidden.join(', ')}`);
  if (missing.length) console.error(`missing from the package: ${missing.join(', ')}`);
  process.exit(1);
}
