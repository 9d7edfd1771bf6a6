/**
 * The rule pages (docs/rules/<code>.md): one per code of the catalogue and none other, each current with
 * the catalogue, each with its hand-written sections filled in, a source cited as a reader would, and
 * examples that do what they say: the wrong one raises the rule, the right one does not. The pages ship in
 * the .vsix (through the .vscodeignore allowlist) and in the npm package.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../../server/src/service/rules/index.ts';
import { failParsesAtLine, parseCable } from '../../server/src/service/parse.ts';
import { computeFindings } from '../../server/src/service/diagnostics.ts';
import { Dictionary } from '../../server/src/service/dictionary.ts';
import { resolveSettings } from '../../server/src/service/settings.ts';
import { DOCS_DIR, INDEX_PAGE, SECTIONS, pageName, pageParts, renderIndex, renderPage } from '../../scripts/rule-docs.ts';

const root = join(__dirname, '..', '..');
const dir = join(root, DOCS_DIR);
const read = (name: string): string => readFileSync(join(dir, name), 'utf8');
const dict = Dictionary.default();

function codesRaised(text: string): string[] {
  return computeFindings(parseCable(text), resolveSettings(undefined), dict).map((f) => f.rule.code);
}

/** The codes a page's wrong example raises: parser-error's only when the parser fails on its first paragraph, as a bug would. */
function wrongCodes(code: string, text: string): string[] {
  if (code !== 'parser-error') return codesRaised(text);
  failParsesAtLine(text.split('\n').findIndex((l) => /^1\. /.test(l)));
  try {
    return codesRaised(text);
  } finally {
    failParsesAtLine(undefined);
  }
}

test('every rule code has a page, and every page a rule code', () => {
  const pages = readdirSync(dir).filter((f) => f.endsWith('.md') && f !== INDEX_PAGE).sort();
  assert.deepEqual(pages, RULES.map((r) => pageName(r.code)).sort());
});

test('the generated parts of every page and the index are current (npm run docs)', () => {
  for (const rule of RULES) assert.equal(read(pageName(rule.code)), renderPage(rule, read(pageName(rule.code))), `${pageName(rule.code)} is out of date`);
  assert.equal(read(INDEX_PAGE), renderIndex(RULES), `${INDEX_PAGE} is out of date`);
});

test('every page says what the rule checks, why, on what authority, and shows a wrong and a right example', () => {
  for (const rule of RULES) {
    const parts = pageParts(read(pageName(rule.code)));
    for (const s of SECTIONS) assert.ok((parts.sections.get(s) ?? '').length > 40, `${rule.code}: section "${s}" is empty or too short`);
    // Sources are cited as a reader would, never by the project's files or test data.
    const source = parts.sections.get('Source') ?? '';
    assert.match(source, /FAH|ACP|E\.O\.|CFR|TAGS|FIPS|STATE|calendar|Cablegate/, `${rule.code}: the source names no authority`);
    assert.doesNotMatch(read(pageName(rule.code)), /\.ts\b|shared\/|corpus|fixture|cable-format/i, `${rule.code}: the page names the project's own files`);
    assert.ok(parts.wrong?.trim(), `${rule.code}: no wrong example`);
    assert.ok(parts.right?.trim(), `${rule.code}: no right example`);
  }
});

test("each page's examples isolate its rule: the wrong one raises it and nothing the right one does not; the right one raises nothing", () => {
  for (const rule of RULES) {
    const parts = pageParts(read(pageName(rule.code)));
    const wrong = wrongCodes(rule.code, parts.wrong ?? '');
    const right = codesRaised(parts.right ?? '');
    // An excerpt of the heading alone has no banner, which is the one thing it may be faulted for.
    const allowed = parseCable(parts.right ?? '').banner ? [] : ['classification-missing'];
    assert.deepEqual(right.filter((c) => !allowed.includes(c)), [], `${rule.code}: the right example raises ${right.join(', ')}`);
    assert.deepEqual([...new Set(wrong.filter((c) => !right.includes(c)))], [rule.code], `${rule.code}: the wrong example raises ${wrong.join(', ') || 'nothing'}`);
  }
});

test('the pages are shipped: allowed into the .vsix and not kept out of the npm package', () => {
  const vscodeignore = readFileSync(join(root, '.vscodeignore'), 'utf8').split('\n').map((l) => l.trim());
  assert.ok(vscodeignore.includes(`!${DOCS_DIR}/*.md`), `.vscodeignore does not allow ${DOCS_DIR}/*.md`);
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { files?: string[] };
  const covering = ['docs', 'docs/', 'docs/**', DOCS_DIR, `${DOCS_DIR}/`, `${DOCS_DIR}/**`, `${DOCS_DIR}/*.md`];
  if (pkg.files) assert.ok(pkg.files.some((f) => covering.includes(f)), 'package.json "files" leaves out the rule pages');
  for (const ignore of ['.npmignore', '.gitignore']) {
    if (!existsSync(join(root, ignore))) continue;
    const lines = readFileSync(join(root, ignore), 'utf8').split('\n').map((l) => l.trim());
    assert.ok(!lines.some((l) => l === 'docs' || l === 'docs/' || l.startsWith(DOCS_DIR)), `${ignore} keeps the rule pages out of the npm package`);
  }
});
