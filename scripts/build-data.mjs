#!/usr/bin/env node
/**
 * Rebuilds server/data/*.json from the team's reference tables in ../shared/data (TSV) and from the
 * project's own supplement tables in server/data/supplement (titles found later, each with its source).
 *
 *   node scripts/build-data.mjs            write the files
 *   node scripts/build-data.mjs --check    exit 1 when a committed file differs from what would be written
 *
 * The service imports the JSON (esbuild bundles it), so the TSV never has to be parsed at run time and the
 * browser worker gets the same data. Output is one entry per line: small diffs when a source changes.
 */
import { readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const defaultSourceDir = resolve(repoRoot, '..', 'shared', 'data');
export const outDir = join(repoRoot, 'server', 'data');
const supplementDir = join(outDir, 'supplement');

/** Reads a TSV with a header row; checks the header so a changed column order fails loudly. */
function readTsv(file, expectedHeader) {
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const lines = text.split(/\r?\n/).filter((l) => l.length > 0);
  const header = lines[0].split('\t');
  if (header.join('\t') !== expectedHeader.join('\t')) {
    throw new Error(`${file}: expected columns ${expectedHeader.join(', ')}, found ${header.join(', ')}`);
  }
  return lines.slice(1).map((line, i) => {
    const cells = line.split('\t');
    if (cells.length !== header.length) {
      throw new Error(`${file}:${i + 2}: expected ${header.length} cells, found ${cells.length}`);
    }
    return Object.fromEntries(header.map((h, j) => [h, cells[j].trim()]));
  });
}

// ---------------------------------------------------------------------------------------------
// Words a reader sees. A row's `source` and `note` reach hovers and completion, so they cite what a reader
// of cables would cite (5 FAH-3 H-011.1, the 1974 TAGS handbook, FIPS 10-4) and say nothing of how the
// rows reached us (a package, another parser's code list, our test cables): SOURCES.md keeps that.

/** The source of a code no published list titles: the cables whose TAGS lines carry it. */
const UNTITLED_SOURCE = 'TAGS lines of the Cablegate cables; no published list titles it';

/** [where the rows came from, the source a reader can cite], in the order they are applied. */
const READER_SOURCES = [
  [/^FIPS 10-4 via npm country-code-lookup \(MIT\)$/, 'FIPS 10-4'],
  [/^FIPS 10-4 \(current code; country-code-lookup lists \w+\)$/, 'FIPS 10-4 (current code)'],
  [/^(?:cablemap code list \(no title\)|observed code \(no title found\)|corpus observation|cablemap organization-tags\.txt)$/, UNTITLED_SOURCE],
  [/^cablemap organization-tags\.txt; name: /, ''],
  [/ \(not in cablemap list\)$/, ''],
  [/^WikiLeaks PlusD label \([^)]*\)$/, 'WikiLeaks PlusD label'],
  [/^project reference cable-format\.md section [\d.]+ \((?:"[^"]*", )?citing ([^)]*)\)$/, '$1'],
  [/ s\.(\d+)\/s\.(\d+)/, ' §$1/§$2'],
  [/ s\.(\d+)/, ' §$1'],
];

/** Clauses of a note that tell how the row was compiled, not what the code means. */
const COMPILING_CLAUSE = /cable corpus|cablemap|country-code-lookup|format reference|^2022 presence not verified|^not in cablemap list$/;

/** Anything that must never reach a reader; buildData fails when a source or note still holds one. */
const NOT_FOR_READERS = /corpus|cablemap|heuer|country-code-lookup|\bnpm\b|\.(?:md|tsv|txt|csv|json)\b|observ(?:ed|ation)\b|format reference|project reference|github/i;

export function readerSource(source) {
  let out = source;
  for (const [from, to] of READER_SOURCES) out = out.replace(from, to);
  return out;
}

export function readerNote(note) {
  if (!note) return note;
  return note
    .split('; ')
    .map((c) => c.replace(/ \(e\.g\. cablemap fix [^)]*\)/, ''))
    .filter((c) => !COMPILING_CLAUSE.test(c))
    .join('; ');
}

/** A geographic row's source and note: FIPS rows keep the ISO code a reader may confuse with it. */
function geographicWords(r) {
  const iso = /; ISO (\w+)$/.exec(r.source);
  const source = readerSource(iso ? r.source.slice(0, iso.index) : r.source);
  const note = [readerNote(r.note), iso ? `ISO 3166 code ${iso[1]}` : ''].filter(Boolean).join('; ');
  return { source, note };
}

function checkReaderWords(file, rows) {
  for (const r of rows) {
    for (const field of ['source', 'note']) {
      const v = r[field];
      if (typeof v === 'string' && NOT_FOR_READERS.test(v)) throw new Error(`${file}: ${r.code ?? r.misspelled}: ${field} '${v}' names how the data were compiled; say it in SOURCES.md instead`);
    }
  }
  return rows;
}

/** Drops empty fields so the JSON says nothing where no source says anything. */
function compact(obj) {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== '' && v !== undefined));
}

function jsonLines(entries) {
  return `[\n${entries.map((e) => JSON.stringify(e)).join(',\n')}\n]\n`;
}

function jsonObjectLines(map) {
  const keys = Object.keys(map);
  return `{\n${keys.map((k) => `${JSON.stringify(k)}: ${JSON.stringify(map[k])}`).join(',\n')}\n}\n`;
}

/**
 * Supplement rows give a title (with its source) to a code the shared tables list without one, or add a
 * code they lack. A supplement never overrides a title the shared tables already have.
 */
function readSupplement() {
  const file = join(supplementDir, 'tags-titles.tsv');
  if (!existsSync(file)) return [];
  return readTsv(file, ['code', 'kind', 'title', 'source', 'note']);
}

function applySupplement(rows, supplement, kind, make) {
  const byCode = new Map(rows.map((r) => [r.code, r]));
  for (const s of supplement.filter((x) => x.kind === kind)) {
    const row = byCode.get(s.code);
    if (row && row.title) continue;
    if (row) {
      row.title = s.title;
      row.source = s.source;
      row.note = [row.note, s.note].filter(Boolean).join('; ');
    } else {
      const added = make(s);
      rows.push(added);
      byCode.set(s.code, added);
    }
  }
  return rows;
}

/** Returns { fileName: content } for every generated file. Pure apart from reading the sources. */
export function buildData(sourceDir = defaultSourceDir) {
  if (!existsSync(join(sourceDir, 'README.md'))) {
    throw new Error(`build-data: reference data not found at ${sourceDir} (expected ../shared/data beside the repository)`);
  }
  const src = (name) => join(sourceDir, name);
  const supplement = readSupplement();

  const subject = applySupplement(
    readTsv(src('tags-subject.tsv'), ['code', 'title', 'category', 'source', 'status', 'note']),
    supplement,
    'subject',
    (s) => ({ code: s.code, title: s.title, category: s.code[0], source: s.source, status: 'current', note: s.note }),
  ).map((r) => compact({ code: r.code, title: r.title, category: r.category, status: r.status, source: readerSource(r.source), note: readerNote(r.note) }));

  const categories = readTsv(src('tags-categories.tsv'), ['category', 'name', 'source', 'note']).map((r) =>
    compact({ category: r.category, name: r.name, source: r.source, note: r.note }),
  );

  const program = applySupplement(
    readTsv(src('tags-program.tsv'), ['code', 'title', 'source', 'note']),
    supplement,
    'program',
    (s) => ({ code: s.code, title: s.title, source: s.source, note: s.note }),
  ).map((r) => compact({ code: r.code, title: r.title, source: readerSource(r.source), note: readerNote(r.note) }));

  const organization = applySupplement(
    readTsv(src('tags-organization.tsv'), ['code', 'name', 'source', 'note']).map((r) => ({
      code: r.code,
      title: r.name,
      source: r.source,
      note: r.note,
    })),
    supplement,
    'organization',
    (s) => ({ code: s.code, title: s.title, source: s.source, note: s.note }),
  ).map((r) => compact({ code: r.code, title: r.title, source: readerSource(r.source), note: readerNote(r.note) }));

  const geographic = readTsv(src('tags-geographic.tsv'), ['code', 'name', 'kind', 'source', 'note']).map((r) =>
    compact({ code: r.code, title: r.name, geoKind: r.kind, ...geographicWords(r) }),
  );
  applySupplement(geographic, supplement, 'geographic', (s) =>
    compact({ code: s.code, title: s.title, geoKind: 'region', source: readerSource(s.source), note: readerNote(s.note) }),
  );

  const typos = readTsv(src('tags-typos.tsv'), ['misspelled', 'correct', 'kind', 'note']).map((r) =>
    compact({
      misspelled: r.misspelled,
      // Only splits list several codes; a person's name keeps its inner spaces and comma.
      correct: r.kind === 'split' ? r.correct.split(/\s+/) : [r.correct],
      kind: r.kind,
      note: readerNote(r.note),
    }),
  );

  const routing = {};
  for (const r of readTsv(src('routing-indicators.tsv'), ['routing_indicator', 'station_name'])) {
    const names = (routing[r.routing_indicator] ??= []);
    if (!names.includes(r.station_name)) names.push(r.station_name);
  }
  const routingOut = Object.fromEntries(
    Object.keys(routing)
      .sort()
      .map((k) => [k, routing[k].length === 1 ? routing[k][0] : routing[k]]),
  );

  const posts = postNames(readTsv(src('routing-indicators.tsv'), ['routing_indicator', 'station_name']), readPostSupplement());

  const license = readFileSync(src('LICENSE-cablemap.txt'), 'utf8');
  const readme = readFileSync(src('README.md'), 'utf8');

  const files = {
    'tags-subject.json': jsonLines(checkReaderWords('tags-subject', subject)),
    'tags-categories.json': jsonLines(checkReaderWords('tags-categories', categories)),
    'tags-program.json': jsonLines(checkReaderWords('tags-program', program)),
    'tags-organization.json': jsonLines(checkReaderWords('tags-organization', organization)),
    'tags-geographic.json': jsonLines(checkReaderWords('tags-geographic', geographic)),
    'tags-typos.json': jsonLines(checkReaderWords('tags-typos', typos)),
    'routing-indicators.json': jsonObjectLines(routingOut),
    'posts.json': jsonObjectLines(posts),
    'LICENSE-cablemap.txt': license,
  };
  const glossaryFile = join(outDir, 'glossary.json');
  const glossary = existsSync(glossaryFile) ? JSON.parse(readFileSync(glossaryFile, 'utf8')) : undefined;
  files['SOURCES.md'] = sourcesMd({ subject, program, organization, geographic, typos, routingOut, posts, postSupplement: readPostSupplement(), supplement, readme, glossary });
  return files;
}

/** Station names that are a diplomatic post: the post's name follows (`AMEMBASSY BUENOS AIRES`). */
const POST_STATION = /^(?:AMEMBASSY|AMCONSUL|AMCONGEN|USMISSION|US MISSION|USMISSIN|USOFFICE|USINT|USLO|AIT|USDEL) (.+)$/;

function readPostSupplement() {
  const file = join(supplementDir, 'posts.tsv');
  return existsSync(file) ? readTsv(file, ['name', 'station', 'source']) : [];
}

/**
 * Post and mission names (`BRUSSELS`, `BUENOS AIRES`, `USNATO`) → the station they name, from the
 * routing-indicator table's station names and the supplement (names the table lacks, each with its
 * source). A mission's own word (`USNATO` of `US MISSION USNATO BRUSSELS BE`) is a name by itself: cables
 * write it alone, on TAGS lines among others.
 */
function postNames(rows, supplement) {
  const out = {};
  for (const r of rows) {
    const m = POST_STATION.exec(r.station_name);
    if (!m) continue;
    out[m[1]] ??= r.station_name;
    const first = m[1].split(' ')[0];
    if (/^U[SN][A-Z]/.test(first)) out[first] ??= r.station_name;
  }
  for (const s of supplement) out[s.name] = s.station;
  return Object.fromEntries(Object.keys(out).sort().map((k) => [k, out[k]]));
}

function section(readme, title) {
  const start = readme.indexOf(`## ${title}`);
  if (start < 0) return '';
  const rest = readme.slice(start + 3 + title.length);
  const end = rest.search(/^## /m);
  return (end < 0 ? rest : rest.slice(0, end)).trim();
}

function countWith(rows, field) {
  return rows.filter((r) => r[field]).length;
}

function sourcesMd({ subject, program, organization, geographic, typos, routingOut, posts, postSupplement, supplement, readme, glossary }) {
  const supplementSources = [...new Set(supplement.map((s) => s.source))].sort();
  const glossarySources = glossary
    ? [...new Set(Object.values(glossary).flatMap((g) => Object.values(g).map((e) => (e.via ? `${e.source} (via ${e.via})` : e.source))))].sort()
    : [];
  return `<!-- Generated by scripts/build-data.mjs from ../shared/data/README.md and server/data/supplement; do not edit. -->
# Sources of the data files

Every title shown in a hover comes from one of these files, and every row names in its own \`source\` field
the source a reader can cite (5 FAH-3 H-011.1, the 1974 TAGS handbook, FIPS 10-4). How the rows reached
us is below, not in the rows: hovers never name a package, a parser's code list or the test cables. A code
without a title in any source hovers as "no title in the sources used": nothing here is guessed.
Rebuild with \`npm run data\` (needs \`../shared/data\`); \`test/data/build-data.test.ts\`
fails when the committed JSON drifts from what the script writes.

| file | rows | built from | licence of the rows |
|---|---:|---|---|
| \`tags-subject.json\` | ${subject.length} (${countWith(subject, 'title')} with a title) | \`tags-subject.tsv\` + supplement | public-domain US Government texts; code list of heuer/cablemap (BSD-3-Clause, see \`LICENSE-cablemap.txt\`) |
| \`tags-categories.json\` | — | \`tags-categories.tsv\` | public domain (5 FAH-3, 1974 handbook) |
| \`tags-program.json\` | ${program.length} (${countWith(program, 'title')} with a title) | \`tags-program.tsv\` + supplement | corpus observation; titles as cited per row |
| \`tags-organization.json\` | ${organization.length} (${countWith(organization, 'title')} with a title) | \`tags-organization.tsv\` + supplement | code list of heuer/cablemap (BSD-3-Clause); names from the 1974 handbook (public domain) |
| \`tags-geographic.json\` | ${geographic.length} (${countWith(geographic, 'title')} with a title) | \`tags-geographic.tsv\` | FIPS 10-4 names via npm country-code-lookup (MIT); 1974 handbook (public domain) |
| \`tags-typos.json\` | ${typos.length} | \`tags-typos.tsv\` | heuer/cablemap \`_TAG_FIXES\` (BSD-3-Clause) |
| \`routing-indicators.json\` | ${Object.keys(routingOut).length} indicators | \`routing-indicators.tsv\` | heuer/cablemap \`data/route2name.csv\` (BSD-3-Clause), from ACP 117 CAN-US SUPP-1 (2010) |
| \`posts.json\` | ${Object.keys(posts).length} names | station names of \`routing-indicators.tsv\` (\`AMEMBASSY …\`, \`AMCONSUL …\`, \`USMISSION …\`) + \`supplement/posts.tsv\` | as for the routing indicators; supplement rows cite their source |
| \`glossary.json\` | ${glossary ? Object.values(glossary).reduce((n, g) => n + Object.keys(g).length, 0) : 0} entries | written by hand from \`cable-format.md\` and the texts it cites | facts; each entry names its source |

The rows taken from heuer/cablemap are redistributed under its BSD-3-Clause licence; its notice is in
\`LICENSE-cablemap.txt\` beside this file.

## What the rows cite, and where they came from

\`scripts/build-data.mjs\` turns the shared tables' \`source\` column into the citation a reader sees:

| the rows cite | where the rows came from |
|---|---|
| \`FIPS 10-4\` | FIPS 10-4 names through npm \`country-code-lookup\` (MIT); the ISO 3166 code in a row's note is that package's |
| \`FIPS 10-4 (current code)\` | the current FIPS code where \`country-code-lookup\` lists another (the UAE: AE, not TC) |
| \`${UNTITLED_SOURCE}\` | codes in heuer/cablemap's \`subject-tags.txt\` and \`organization-tags.txt\`, and K and 2-letter codes counted on the TAGS lines of the cable corpus, that no source titles |
| \`TAGS handbook 1974 §15\` (organizations) | names from the 1974 handbook matched to cablemap's \`organization-tags.txt\` codes (or in the handbook only) |
| \`WikiLeaks PlusD label\` | PlusD labels quoted in the README of \`o9812/Wikileaks-Stock-Market\` |
| \`cabledrum.net/tags\`, \`cabledrum.net/tags and 5 FAH-3\` | as cited in the project reference \`cable-format.md\` §4.1 |

Notes leave out how a row was compiled: how many corpus cables carry the code, whether cablemap's typo
list or the format reference names it, "not in cablemap list", and "2022 presence not verified" (the 2022
5 FAH-3 excerpt ends at ENRG; see the gaps below). The shared tables keep all of it.

## Supplement titles (server/data/supplement/tags-titles.tsv)

Titles for codes the shared tables list without one, each from a public source named on its row.
${supplementSources.length ? supplementSources.map((s) => `- ${s}`).join('\n') : '- (none)'}

## Post names added by the supplement (server/data/supplement/posts.tsv)

Names of posts and missions the routing-indicator table lacks, which cables write on TAGS lines (the TAGS
rule does not offer a code for a post's name):
${postSupplement.length ? postSupplement.map((p) => `- ${p.name}: ${p.station} (${p.source})`).join('\n') : '- (none)'}

## Glossary sources (glossary.json)

Each entry's \`source\` is what hovers cite; \`via\` says where the project read it (not shown).

${glossarySources.length ? glossarySources.map((s) => `- ${s}`).join('\n') : '- (none)'}

## Sources of the shared tables (from ../shared/data/README.md)

${section(readme, 'Sources')}

## Known gaps and uncertainties (from ../shared/data/README.md)

${section(readme, 'Known gaps and uncertainties')}

Codes the shared tables leave without a title that the supplement titles since (each row names its source):
${supplement.length ? supplement.map((s) => `${s.code} (${s.kind})`).join(', ') : '(none)'}. The other codes named there still
have no title from any source consulted.
`;
}

function main() {
  const check = process.argv.includes('--check');
  const sourceArg = process.argv.find((a) => a.startsWith('--source='));
  let files;
  try {
    files = buildData(sourceArg ? resolve(sourceArg.slice('--source='.length)) : defaultSourceDir);
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(2);
  }
  mkdirSync(outDir, { recursive: true });
  let stale = 0;
  for (const [name, content] of Object.entries(files)) {
    const path = join(outDir, name);
    const current = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
    if (current === content) continue;
    if (check) {
      console.error(`stale: server/data/${name}`);
      stale++;
    } else {
      writeFileSync(path, content);
      console.log(`wrote server/data/${name}`);
    }
  }
  if (stale) process.exit(1);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
