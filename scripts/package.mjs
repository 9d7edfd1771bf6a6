// `npm run package`: writes dist/cable-language.vsix with vsce, from a copy of README.md whose pictures are
// inlined as data: URIs (dist/README.md, packaged as the extension's readme).
//
// Why: VS Code shows an installed extension's README in a webview whose Content Security Policy allows
// images from https: and data: only, and it does not resolve relative links against the extension's
// folder. vsce would rewrite `images/…` into https links to the repository, but this project has no
// public repository to point at, and a machine without internet could not fetch them anyway. Inlined,
// the screenshots show on the extension's details page everywhere, offline included. README.md itself
// keeps its relative links, for GitHub and for readers of the source.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const MIME = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif' };

/** README text with every relative Markdown image replaced by a data: URI of its file. */
export function inlineImages(markdown, readFile) {
  return markdown.replace(/!\[([^\]]*)\]\(([^()\s]+)\)/g, (whole, alt, target) => {
    if (/^[a-z][a-z\d+.-]*:/i.test(target)) return whole;
    const mime = MIME[extname(target).toLowerCase()];
    if (!mime) throw new Error(`README.md: cannot inline ${target} (not a PNG, JPEG or GIF)`);
    return `![${alt}](data:${mime};base64,${readFile(target).toString('base64')})`;
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const readme = inlineImages(readFileSync(join(root, 'README.md'), 'utf8'), (p) => readFileSync(join(root, p)));
  mkdirSync(join(root, 'dist'), { recursive: true });
  writeFileSync(join(root, 'dist', 'README.md'), readme);
  execFileSync(
    'npx',
    [
      '--yes',
      '@vscode/vsce@3.9.2',
      'package',
      '--no-dependencies',
      '--allow-missing-repository',
      '--no-rewrite-relative-links',
      '--readme-path',
      'dist/README.md',
      '-o',
      'dist/cable-language.vsix',
    ],
    { cwd: root, stdio: 'inherit' },
  );
}
