/**
 * `npm run check:model`: the parser's output, pinned. Every cable of ../shared/corpus and every fixture
 * cable is parsed in four variants (as is; CRLF line ends; lower-cased; tabs and no-break spaces for
 * blanks) and the complete model (plainModel, the lazy fields included) is compared with
 *   - test/fixtures/models/digests.json: one SHA-256 per file and variant (the corpus stays outside the
 *     repository, only its digests are kept), and
 *   - test/fixtures/models/<fixture>.model.txt: a readable snapshot of each fixture cable's model as is.
 *
 *   npm run check:model                    compare; exit 1 on any difference
 *   npm run check:model -- --update        write the digests and snapshots after an intended change
 *   npm run check:model -- --save DIR      also write every model (JSON) to DIR, outside the repository
 *   npm run check:model -- --compare DIR   show where each changed model differs from the one saved in DIR
 *
 * Keys are compared in sorted order, so a refactor that builds an object's fields in another order is
 * not a change; every value, range and array order is.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { parseCable } from '../server/src/service/parse.ts';
import { plainModel } from '../server/src/service/model.ts';

const root = join(dirname(new URL(import.meta.url).pathname), '..');
const corpusDir = join(root, '..', 'shared', 'corpus');
const fixturesDir = join(root, 'test', 'fixtures');
const modelsDir = join(fixturesDir, 'models');
const digestFile = join(modelsDir, 'digests.json');

/** The four forms of one text that every refactor must read alike. */
const VARIANTS: Record<string, (text: string) => string> = {
  asIs: (t) => t,
  crlf: (t) => t.replace(/\r?\n/g, '\r\n'),
  lower: (t) => t.toLowerCase(),
  // Every other blank becomes a tab, every third a no-break space: both are blanks to the parser.
  blanks: (t) => {
    let k = 0;
    return t.replace(/ /g, () => (++k % 3 === 0 ? '\u00a0' : k % 2 === 0 ? '\t' : ' '));
  },
};

interface Source {
  /** Key in the digest file: `corpus/<name>` or `fixtures/<path>`. */
  key: string;
  path: string;
  fixture: boolean;
}

function cableFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (name !== 'models') out.push(...cableFiles(p));
    } else if (name.endsWith('.cable')) out.push(p);
  }
  return out;
}

function sources(): { list: Source[]; corpus: boolean } {
  const list: Source[] = cableFiles(fixturesDir).map((p) => ({ key: `fixtures/${relative(fixturesDir, p)}`, path: p, fixture: true }));
  const corpus = existsSync(corpusDir);
  if (corpus) for (const p of cableFiles(corpusDir)) list.push({ key: `corpus/${relative(corpusDir, p)}`, path: p, fixture: false });
  return { list, corpus };
}

/** JSON with keys sorted at every level: the same model gives the same text whatever order it was built in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const sorted: Record<string, unknown> = {};
      for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k];
      return sorted;
    }
    return v;
  });
}

function isRange(v: unknown): v is { start: { line: number; character: number }; end: { line: number; character: number } } {
  if (!v || typeof v !== 'object') return false;
  const r = v as Record<string, { line?: unknown; character?: unknown } | undefined>;
  return Object.keys(r).length === 2 && typeof r.start?.line === 'number' && typeof r.end?.character === 'number';
}

/**
 * The readable snapshot: the model without its `lines` (the fixture itself), ranges written
 * `line:char-line:char`, keys sorted, two-space indentation.
 */
function snapshot(model: object): string {
  const { lines: _lines, ...rest } = model as { lines: unknown };
  const text = JSON.stringify(
    rest,
    (_k, v: unknown) => {
      if (isRange(v)) return `${v.start.line}:${v.start.character}-${v.end.line}:${v.end.character}`;
      if (v && typeof v === 'object' && !Array.isArray(v)) {
        const sorted: Record<string, unknown> = {};
        for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k];
        return sorted;
      }
      return v;
    },
    2,
  );
  return `${text}\n`;
}

/** The first few paths where two JSON values differ, for a reader who must find the change. */
function differences(a: unknown, b: unknown, path = '', out: string[] = []): string[] {
  if (out.length >= 8) return out;
  if (a === b) return out;
  if (a && b && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`, out);
    return out;
  }
  out.push(`${path || '(root)'}: ${JSON.stringify(a)?.slice(0, 160)} → ${JSON.stringify(b)?.slice(0, 160)}`);
  return out;
}

function main(): void {
  const args = process.argv.slice(2);
  const update = args.includes('--update');
  const saveDir = args.includes('--save') ? args[args.indexOf('--save') + 1] : undefined;
  const compareDir = args.includes('--compare') ? args[args.indexOf('--compare') + 1] : undefined;
  const { list, corpus } = sources();
  const old: Record<string, Record<string, string>> = existsSync(digestFile) ? JSON.parse(readFileSync(digestFile, 'utf8')) : {};
  const digests: Record<string, Record<string, string>> = {};
  const changed: string[] = [];
  const started = performance.now();
  let models = 0;
  if (update) mkdirSync(modelsDir, { recursive: true });

  for (const src of list) {
    const text = readFileSync(src.path, 'utf8');
    digests[src.key] = {};
    for (const [variant, make] of Object.entries(VARIANTS)) {
      const model = plainModel(parseCable(make(text)));
      models++;
      const json = canonical(model);
      const digest = createHash('sha256').update(json).digest('hex');
      digests[src.key][variant] = digest;
      const was = old[src.key]?.[variant];
      const name = `${src.key} (${variant})`;
      if (was !== digest) changed.push(was ? name : `${name}: new`);
      const file = `${src.key.replace(/\//g, '__')}.${variant}.json`;
      if (saveDir) {
        mkdirSync(saveDir, { recursive: true });
        writeFileSync(join(saveDir, file), json);
      }
      if (compareDir && was && was !== digest && existsSync(join(compareDir, file))) {
        const before = JSON.parse(readFileSync(join(compareDir, file), 'utf8'));
        for (const d of differences(before, JSON.parse(json))) changed.push(`    ${d}`);
      }
    }
    if (src.fixture) {
      const snapFile = join(modelsDir, `${basename(src.path, '.cable')}.model.txt`);
      const snap = snapshot(plainModel(parseCable(text)));
      const before = existsSync(snapFile) ? readFileSync(snapFile, 'utf8') : undefined;
      if (update) writeFileSync(snapFile, snap);
      else if (before !== snap) changed.push(`${relative(root, snapFile)}: snapshot differs (git diff after --update shows how)`);
    }
  }
  // A missing corpus (a clone without ../shared) keeps the corpus digests already recorded.
  if (!corpus) for (const [k, v] of Object.entries(old)) if (k.startsWith('corpus/')) digests[k] = v;
  const gone = Object.keys(old).filter((k) => !(k in digests));
  for (const k of gone) changed.push(`${k}: no longer found`);

  const ms = Math.round(performance.now() - started);
  const scope = `${list.length} cables (${list.filter((s) => s.fixture).length} fixtures${corpus ? '' : '; ../shared/corpus not found, corpus digests kept as recorded'}) × ${Object.keys(VARIANTS).length} variants = ${models} models in ${ms} ms`;
  if (update) {
    writeFileSync(digestFile, `${JSON.stringify(digests, null, 1)}\n`);
    console.log(`check:model: updated digests and snapshots; ${scope}; ${changed.filter((c) => !c.startsWith(' ')).length} changed`);
    return;
  }
  if (changed.length) {
    const shown = changed.slice(0, 60);
    const more = changed.length > shown.length ? `\n  … and ${changed.length - shown.length} more` : '';
    console.log(`check:model: DIFFERENT\n${shown.map((c) => `  ${c}`).join('\n')}${more}`);
    console.log(`${scope}.\nIf the change is intended, run \`npm run check:model -- --update\` and commit the result.`);
    process.exit(1);
  }
  console.log(`check:model: SAME; ${scope}`);
}

main();
