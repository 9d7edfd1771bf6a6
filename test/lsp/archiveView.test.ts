/**
 * The archive view's requests through the bundled server over stdio, on the synthetic archive of
 * archiveFixture.ts: one level of groups at a time with counts, a page of a group's cables, the filter,
 * the timeline's bins, the debounced change notification, and bad parameters answered, not thrown.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer, type TestServer } from './lspClient.ts';
import { writeArchive } from './archiveFixture.ts';
import type { ArchiveGroups, ArchivePage, ArchiveTimeline } from '../../server/src/archiveRequests.ts';

const dir = mkdtempSync(join(tmpdir(), 'cable-lsp-archive-view-'));
const paths = writeArchive(dir);
const CABLES = Object.keys(paths).length;

let s: TestServer;
const groups = (grouping: string, query: string, path: string[] = []) => s.connection.sendRequest('cable/archive/groups', { grouping, query, path }) as Promise<ArchiveGroups>;
const items = (grouping: string, query: string, path: string[], offset = 0, limit = 50) =>
  s.connection.sendRequest('cable/archive/items', { grouping, query, path, offset, limit }) as Promise<ArchivePage>;
const counted = (r: ArchiveGroups) => r.groups.map((g) => `${g.label}:${g.count}`);

before(async () => {
  s = await startServer('stdio', {
    workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'archive' }],
    capabilities: { workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } } },
  });
  const end = Date.now() + 15_000;
  while ((await groups('date', '')).total < CABLES) {
    if (Date.now() > end) throw new Error('the archive was not indexed in time');
    await new Promise((r) => setTimeout(r, 50));
  }
});
after(async () => {
  await s.close();
  assert.doesNotMatch(s.stderr(), /Error|at .*\.js:\d+/, 'nothing on stderr');
  rmSync(dir, { recursive: true, force: true });
});

test('the first level by year, and a year opened into its months', async () => {
  const top = await groups('date', '');
  assert.deepEqual(counted(top), ['2008:1', '2009:5']);
  assert.equal(top.total, CABLES);
  assert.equal(top.matched, CABLES);
  assert.ok(top.groups.every((g) => g.hasGroups));
  assert.deepEqual(counted(await groups('date', '', ['2009'])), ['June 2009:1', 'July 2009:2', 'August 2009:2']);
});

test('coded groups carry what their code stands for: a TAG\'s title, a post\'s station', async () => {
  const titled = (r: ArchiveGroups) => r.groups.map((g) => `${g.label}=${g.title ?? '-'}`);
  const tags = titled(await groups('tag', ''));
  assert.ok(tags.includes('PTER=Terrorists and Terrorism'), tags.join(' | '));
  assert.ok(tags.includes('FR=France'), tags.join(' | '));
  assert.deepEqual(titled(await groups('post', '#PTER')), ['LONDON=AMEMBASSY LONDON', 'PARIS=AMEMBASSY PARIS', 'STATE=-']);
  assert.ok((await groups('date', '')).groups.every((g) => g.title === undefined), 'years are no codes');
});

test('by TAG, by post and by classification, with the filter', async () => {
  const tags = await groups('tag', '');
  assert.ok(counted(tags).includes('PTER:3'), counted(tags).join(' '));
  assert.ok(counted(tags).includes('FR:4'));
  assert.deepEqual(counted(await groups('post', '#PTER')), ['LONDON:1', 'PARIS:1', 'STATE:1']);
  const levels = await groups('classification', '2009');
  assert.deepEqual(counted(levels), ['SECRET:1', 'CONFIDENTIAL:3', 'UNCLASSIFIED:1']);
  assert.deepEqual(levels.groups.map((g) => g.level), ['S', 'C', 'U']);
  const filtered = await groups('date', '@PARIS !S');
  assert.equal(filtered.matched, 1);
  assert.deepEqual(counted(filtered), ['2009:1']);
});

test('a page of a group: id, subject, level, where it is; paging by offset', async () => {
  const page = await items('tag', '', ['PTER'], 0, 2);
  assert.equal(page.count, 3);
  assert.deepEqual(page.items.map((i) => i.label), ['09STATE5000', '09PARIS100']);
  const paris = page.items[1]!;
  assert.equal(paris.subject, 'FRANCE ON TERRORIST FINANCE DESIGNATIONS');
  assert.equal(paris.level, 'S');
  assert.deepEqual(paris.caveats, ['NOFORN']);
  assert.equal(paris.uri, pathToFileURL(paths['09PARIS100']!).href);
  assert.match(readFileSync(paths['09PARIS100']!, 'utf8').split('\n')[paris.line]!, /SUBJECT/);
  const rest = await items('tag', '', ['PTER'], 2, 2);
  assert.deepEqual(rest.items.map((i) => i.label), ['09LONDON200']);
  assert.equal(rest.offset, 2);
});

test('the timeline bins the filtered cables by month and level', async () => {
  const t = (await s.connection.sendRequest('cable/archive/timeline', { query: '2009' })) as ArchiveTimeline;
  assert.deepEqual(t.months, ['2009-06', '2009-07', '2009-08']);
  assert.deepEqual(t.levels, ['S', 'C', 'U']);
  assert.deepEqual(t.counts, [[0, 1, 0], [1, 0, 1], [0, 2, 0]]);
  assert.equal(t.binned, 5);
  assert.equal(t.peak, 2);
});

test('bad parameters get an answer for the defaults, never an error', async () => {
  const r = (await s.connection.sendRequest('cable/archive/groups', { grouping: 'nonsense', query: 42, path: 'x' })) as ArchiveGroups;
  assert.deepEqual(counted(r), ['2008:1', '2009:5']);
  const p = (await s.connection.sendRequest('cable/archive/items', null)) as ArchivePage;
  assert.equal(p.count, CABLES, 'no path: every cable');
  assert.equal(p.items[0]!.label, '08PARIS50', 'oldest first');
  const t = (await s.connection.sendRequest('cable/archive/timeline', {})) as ArchiveTimeline;
  assert.equal(t.binned + t.undated, CABLES, 'no filter: every cable');
});

test('a new cable on disk: the view is told, once, and counts it', async () => {
  const changes: number[] = [];
  s.connection.onNotification('cable/archive/changed', (p: { size: number }) => {
    changes.push(p.size);
  });
  const file = join(dir, '09MADRID7.cable');
  writeFileSync(file, readFileSync(paths['09PARIS99']!, 'utf8').replaceAll('PARIS', 'MADRID').replace(/ 000099/, ' 000007').replace('#0099', '#0007'));
  await s.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(file).href, type: 1 }] });
  const end = Date.now() + 5000;
  while (changes.length === 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
  assert.deepEqual(changes, [CABLES + 1]);
  assert.deepEqual(counted(await groups('post', '@MADRID')), ['MADRID:1']);
});
