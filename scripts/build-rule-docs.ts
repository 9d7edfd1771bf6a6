// `npm run docs`: writes the generated parts of docs/rules/<code>.md from the rule catalogue, a skeleton
// page for a new rule, and the index docs/rules/README.md (scripts/rule-docs.ts says what is generated).
// `--check` writes nothing and fails when a page is missing, out of date, or names no rule.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../server/src/service/rules/index.ts';
import { DOCS_DIR, INDEX_PAGE, pageName, renderIndex, renderPage } from './rule-docs.ts';

const root = join(__dirname, '..');
const dir = join(root, DOCS_DIR);
const check = process.argv.includes('--check');

const problems: string[] = [];
const written: string[] = [];

function put(name: string, want: string): void {
  const path = join(dir, name);
  const have = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  if (have === want) return;
  if (check) {
    problems.push(have === undefined ? `${DOCS_DIR}/${name} is missing` : `${DOCS_DIR}/${name} is out of date`);
    return;
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(path, want);
  written.push(name);
}

for (const rule of RULES) {
  const path = join(dir, pageName(rule.code));
  put(pageName(rule.code), renderPage(rule, existsSync(path) ? readFileSync(path, 'utf8') : undefined));
}
put(INDEX_PAGE, renderIndex(RULES));

const codes = new Set(RULES.map((r) => pageName(r.code)));
for (const f of existsSync(dir) ? readdirSync(dir) : []) {
  if (f.endsWith('.md') && f !== INDEX_PAGE && !codes.has(f)) problems.push(`${DOCS_DIR}/${f} names no rule of the catalogue`);
}

for (const name of written) console.log(`wrote ${DOCS_DIR}/${name}`);
if (problems.length) {
  console.error(problems.join('\n'));
  if (check) console.error('run `npm run docs` and fill in any new page');
  process.exit(1);
}
