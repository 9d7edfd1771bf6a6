// Fails when the packaged .vsix holds sources, tests or node_modules, or lacks what the extension needs:
// the bundles, the icons the manifest names, every rule page, and a readme whose pictures show on the
// extension's details page (inlined or https: the only sources that page's webview loads).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

const vsix = process.argv[2] ?? 'dist/cable-language.vsix';
const list = execFileSync('unzip', ['-Z1', vsix], { encoding: 'utf8' }).split('\n').filter(Boolean);
const files = list.filter((f) => f.startsWith('extension/')).map((f) => f.slice('extension/'.length));
const forbidden = files.filter((f) => /(^|\/)node_modules\/|\.ts$|^test\/|^client\/src|^server\/src|\.map$/.test(f));
const required = ['package.json', 'dist/client.js', 'dist/languageClient.js', 'dist/server.js', 'dist/cli.js', 'dist/web/client.js', 'dist/web/server.js', 'dist/preview/preview.js', 'dist/preview/preview.css', 'dist/timeline/timeline.js', 'dist/timeline/timeline.css', 'language-configuration.json', 'README.md', 'CHANGELOG.md', 'LICENSE'];
const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const iconPaths = [manifest.icon, ...manifest.contributes.languages.flatMap((l) => (l.icon ? [l.icon.light, l.icon.dark] : []))];
required.push(...iconPaths.filter(Boolean).map((p) => p.replace(/^\.\//, '')));
const rulePages = readdirSync(new URL('../docs/rules/', import.meta.url)).filter((f) => f.endsWith('.md'));
required.push(...rulePages.map((f) => `docs/rules/${f}`));
const lower = new Set(files.map((f) => f.toLowerCase()));
const missing = required.filter((r) => !lower.has(r.toLowerCase()) && !lower.has(`${r.toLowerCase()}.txt`) && !lower.has(`${r.toLowerCase()}.md`));
const readme = execFileSync('unzip', ['-p', vsix, 'extension/readme.md'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
const images = [...readme.matchAll(/!\[[^\]]*\]\(([^()\s]+)\)/g)].map((m) => m[1]);
const unseen = images.filter((src) => !/^(?:data:image\/(?:png|jpeg|gif);base64,|https:)/.test(src));
console.log(`${vsix}: ${files.length} files, ${images.length} pictures in the readme`);
for (const f of files) console.log(`  ${f}`);
if (forbidden.length || missing.length || unseen.length || images.length === 0) {
  if (forbidden.length) console.error(`forbidden in the package: ${forbidden.join(', ')}`);
  if (missing.length) console.error(`missing from the package: ${missing.join(', ')}`);
  if (unseen.length) console.error(`pictures the details page cannot show (not data: or https:): ${unseen.join(', ')}`);
  if (images.length === 0) console.error('the packaged readme shows no pictures');
  process.exit(1);
}
