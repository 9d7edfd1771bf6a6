import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CableIndex, uriKey } from '../../server/src/workspace/cableIndex.ts';
import { nodeFileSystem } from '../../server/src/workspace/nodeFileSystem.ts';
import { clientFileSystem } from '../../server/src/workspace/clientFileSystem.ts';
import type { CableFileSystem } from '../../server/src/workspace/fileSystem.ts';
import { parseCable } from '../../server/src/service/parse.ts';
import { featureFixtures, seedPath } from './structureHelpers.ts';
import { parseQuery } from '../../server/src/workspace/query.ts';
import { workspaceSymbols } from '../../server/src/service/features/workspaceSymbols.ts';

/** Workspace symbols for a query, as the server answers them. */
function search(index: CableIndex, query: string, limit = 1000) {
  const q = parseQuery(query);
  return workspaceSymbols(index.query(q, limit).map((m) => m.cable), q.hasFacets ? q.text.trim() : undefined);
}

const tmp = mkdtempSync(join(tmpdir(), 'cable-index-'));
after(() => rmSync(tmp, { recursive: true, force: true }));
const url = (p: string) => pathToFileURL(p).href;

/** A small, valid cable of its own; the serial makes its id `08OSLO<n>`. */
function generated(n: number): string {
  const day = String((n % 28) + 1).padStart(2, '0');
  return [
    `R ${day}1200Z JAN 08`,
    'FM AMEMBASSY OSLO',
    'TO SECSTATE WASHDC',
    '',
    `UNCLAS OSLO ${String(n).padStart(6, '0')}`,
    '',
    'E.O. 12958: N/A',
    'TAGS: ECON, NO',
    `SUBJECT: GENERATED REPORT NUMBER ${n} ON ${n % 2 ? 'FISHERIES' : 'SHIPPING'}`,
    '',
    `1. Text of report ${n}.`,
    '',
    'EXAMPLE',
    '',
  ].join('\n');
}

function makeWorkspace(name: string): string {
  const root = join(tmp, name);
  mkdirSync(join(root, 'nested', 'deeper'), { recursive: true });
  mkdirSync(join(root, 'node_modules', 'pkg'), { recursive: true });
  mkdirSync(join(root, '.git'), { recursive: true });
  mkdirSync(join(root, '.cache'), { recursive: true });
  copyFileSync(join(featureFixtures, '08OSLO123.cable'), join(root, '08OSLO123.cable'));
  copyFileSync(join(featureFixtures, '08OSLO97.cable'), join(root, 'nested', 'deeper', '08OSLO97.cable'));
  copyFileSync(seedPath, join(root, 'nested', 'Seed.CABLE'));
  // Named after the cable it should be found as, though its own text gives no full id.
  copyFileSync(join(featureFixtures, 'body-only.cable'), join(root, '09LISBON300.cable'));
  copyFileSync(join(featureFixtures, '08OSLO97.cable'), join(root, 'node_modules', 'pkg', '08OSLO97.cable'));
  copyFileSync(join(featureFixtures, '08OSLO97.cable'), join(root, '.git', '08OSLO97.cable'));
  copyFileSync(join(featureFixtures, '08OSLO97.cable'), join(root, '.cache', '08OSLO97.cable'));
  writeFileSync(join(root, 'notes.txt'), 'REF: OSLO 97\n');
  return root;
}

test('the Node file system lists cables below a folder, skipping node_modules and hidden folders', async () => {
  const root = makeWorkspace('listing');
  const found: string[] = [];
  for await (const uri of nodeFileSystem.listFiles(url(root), ['.cable'])) found.push(uri.slice(url(root).length));
  assert.deepEqual(found.sort(), ['/08OSLO123.cable', '/09LISBON300.cable', '/nested/Seed.CABLE', '/nested/deeper/08OSLO97.cable']);
  const head = await nodeFileSystem.readHead(url(join(root, '08OSLO123.cable')), 100);
  assert.equal(head, readFileSync(join(root, '08OSLO123.cable'), 'utf8').slice(0, 100));
  assert.equal(await nodeFileSystem.readHead(url(join(root, 'missing.cable')), 100), undefined);
  assert.equal(await nodeFileSystem.readHead('untitled:Untitled-1', 100), undefined);
  const none: string[] = [];
  for await (const uri of nodeFileSystem.listFiles(url(join(root, 'absent')), ['.cable'])) none.push(uri);
  assert.deepEqual(none, []);
});

test('a folder is indexed by id (from the text, else the file name) and by subject', async () => {
  const root = makeWorkspace('basic');
  const index = new CableIndex(nodeFileSystem);
  await index.addFolder(url(root));
  assert.equal(index.size, 4);
  assert.equal(index.resolve('08OSLO97'), url(join(root, 'nested', 'deeper', '08OSLO97.cable')));
  assert.equal(index.resolve('08oslo123'), url(join(root, '08OSLO123.cable')), 'ids compare without case');
  assert.equal(index.resolve('09BRUSSELS995'), url(join(root, 'nested', 'Seed.CABLE')), 'id read from the text');
  assert.equal(index.resolve('09LISBON300'), url(join(root, '09LISBON300.cable')), 'id from the file name');
  assert.equal(index.resolve('08STATE15522'), undefined);

  const names = (q: string) => search(index, q).map((s) => s.name);
  assert.deepEqual(names('08OSLO97'), ['08OSLO97: NORWEGIAN GAS OUTPUT FORECAST FOR 2008']);
  assert.deepEqual(names('oslo 97'), ['08OSLO97: NORWEGIAN GAS OUTPUT FORECAST FOR 2008'], 'blanks ignored within an id');
  assert.deepEqual(names('fisheries patrol'), ['08OSLO123: NORWAY WEIGHS NORTHERN FISHERIES PATROL OPTIONS']);
  assert.deepEqual(names('oslo').slice(0, 2), ['08OSLO123: NORWAY WEIGHS NORTHERN FISHERIES PATROL OPTIONS', '08OSLO97: NORWEGIAN GAS OUTPUT FORECAST FOR 2008']);
  assert.equal(search(index, '').length, 4);
  assert.deepEqual(names('no such words'), []);
  const seedSym = search(index, 'belgian')[0]!;
  assert.equal(seedSym.containerName, '2009-07-20 · CONFIDENTIAL · @BRUSSELS · #PREL #PARM #PGOV #RS #BE', 'date, level, post and TAGS beside the name');
  assert.ok('range' in seedSym.location && seedSym.location.range.start.line > 0, 'points at the subject');
  assert.equal(search(index, 'oslo', 1).length, 1, 'limit');
});

test('open documents override the disk; closing goes back to it; watched changes and deletions apply', async () => {
  const root = makeWorkspace('updates');
  const index = new CableIndex(nodeFileSystem);
  await index.addFolder(url(root));
  const file = join(root, 'nested', 'deeper', '08OSLO97.cable');
  const uri = url(file);

  const edited = readFileSync(file, 'utf8').replace('NORWEGIAN GAS OUTPUT FORECAST FOR 2008', 'EDITED SUBJECT LINE');
  index.updateFromModel(uri, parseCable(edited));
  assert.deepEqual(search(index, 'edited').map((s) => s.name), ['08OSLO97: EDITED SUBJECT LINE']);
  assert.deepEqual(search(index, 'gas output'), []);
  await index.fileChanged(uri); // the disk copy must not win while the document is open
  assert.deepEqual(search(index, 'gas output'), []);
  await index.closeDocument(uri);
  assert.deepEqual(search(index, 'gas output').map((s) => s.name), ['08OSLO97: NORWEGIAN GAS OUTPUT FORECAST FOR 2008']);

  writeFileSync(file, edited.replace('UNCLAS OSLO 000097', 'UNCLAS OSLO 000098'));
  await index.fileChanged(uri);
  assert.equal(index.resolve('08OSLO98'), uri, 'the new id from the text');
  assert.equal(index.resolve('08OSLO97'), uri, 'still its file name');
  assert.deepEqual(search(index, 'edited').map((s) => s.name), ['08OSLO98: EDITED SUBJECT LINE']);

  unlinkSync(file);
  index.fileDeleted(uri);
  assert.equal(index.resolve('08OSLO97'), undefined);
  assert.equal(index.size, 3);

  // An untitled document is indexed while open and forgotten when closed.
  index.updateFromModel('untitled:Untitled-1', parseCable(readFileSync(join(featureFixtures, '08OSLO97.cable'), 'utf8')));
  assert.equal(index.resolve('08OSLO97'), 'untitled:Untitled-1');
  await index.closeDocument('untitled:Untitled-1');
  assert.equal(index.resolve('08OSLO97'), undefined);

  index.fileDeleted(url(join(root, 'nested')));
  assert.equal(index.resolve('09BRUSSELS995'), undefined, 'a deleted folder takes its cables along');

  index.removeFolder(url(root));
  assert.equal(index.size, 0);
});

test('a file whose text names a cable wins over one merely named after it', async () => {
  const root = join(tmp, 'dupes');
  mkdirSync(root, { recursive: true });
  copyFileSync(join(featureFixtures, '08OSLO97.cable'), join(root, 'b.cable'));
  writeFileSync(join(root, '08OSLO97.cable'), 'not a cable at all\n');
  const index = new CableIndex(nodeFileSystem);
  await index.addFolder(url(root));
  assert.equal(index.resolve('08OSLO97'), url(join(root, 'b.cable')));
  assert.deepEqual(index.resolveAll('08OSLO97'), [url(join(root, 'b.cable')), url(join(root, '08OSLO97.cable'))]);
});

test('a folder with more cables than the limit is indexed up to the limit', async () => {
  const root = makeWorkspace('limit');
  const logs: string[] = [];
  const index = new CableIndex(nodeFileSystem, { maxFiles: 2, log: (m) => logs.push(m) });
  await index.addFolder(url(root));
  assert.equal(index.size, 2);
  assert.match(logs.join('\n'), /stopped at 2 cables/);
});

test('in the browser the index reads through the client: one folder\'s cables, heads only', async () => {
  const text = readFileSync(join(featureFixtures, '08OSLO97.cable'), 'utf8');
  const requests: string[] = [];
  const fake = {
    sendRequest: async (method: string, params: { uri?: string; include?: string }) => {
      requests.push(`${method} ${params.uri ?? params.include}`);
      if (method === 'cable/findFiles') {
        return { listed: true, uris: ['vscode-vfs://github/o/r/a/08OSLO97.cable', 'vscode-vfs://github/o/r2/x.cable', 'vscode-vfs://github/o/r/b/gone.cable'] };
      }
      if (params.uri?.endsWith('gone.cable')) return { error: 'not found' };
      return { text };
    },
  } as unknown as Parameters<typeof clientFileSystem>[0];
  const index = new CableIndex(clientFileSystem(fake));
  await index.addFolder('vscode-vfs://github/o/r');
  assert.equal(index.size, 1, 'only the folder asked for, and only files that could be read');
  assert.equal(index.resolve('08OSLO97'), 'vscode-vfs://github/o/r/a/08OSLO97.cable');
  assert.equal(requests[0], 'cable/findFiles **/*.cable');
  assert.equal(await clientFileSystem(fake).readHead('vscode-vfs://github/o/r/a/08OSLO97.cable', 10), text.slice(0, 10));

  const unlisted = { sendRequest: async () => ({ listed: false, uris: [], reason: 'no folder' }) } as unknown as Parameters<typeof clientFileSystem>[0];
  const empty = new CableIndex(clientFileSystem(unlisted));
  await empty.addFolder('vscode-vfs://github/o/r');
  assert.equal(empty.size, 0);
  const failing = { sendRequest: async () => Promise.reject(new Error('unhandled method')) } as unknown as Parameters<typeof clientFileSystem>[0];
  const none = new CableIndex(clientFileSystem(failing));
  await none.addFolder('vscode-vfs://github/o/r');
  assert.equal(none.size, 0);
});

test('URIs spelled differently by client and file system meet', () => {
  assert.equal(uriKey('file:///C%3A/Cables/a%20b.cable'), uriKey('file:///c:/Cables/a b.cable'));
  assert.equal(uriKey('file:///ws/'), 'file:///ws');
});

test('a failing file system leaves an empty index, not a crash', async () => {
  const broken: CableFileSystem = {
    async *listFiles() {
      throw new Error('disk on fire');
    },
    readHead: () => Promise.reject(new Error('disk on fire')),
    readFile: () => Promise.reject(new Error('disk on fire')),
  };
  const logs: string[] = [];
  const index = new CableIndex(broken, { log: (m) => logs.push(m) });
  await index.addFolder('file:///nowhere');
  assert.equal(index.size, 0);
  assert.match(logs.join('\n'), /disk on fire/);
});

test('10 000 cables: indexed incrementally, the event loop never blocked for more than 50 ms', async (t) => {
  const root = join(tmp, 'big');
  const N = 10_000;
  for (let d = 0; d < 10; d++) mkdirSync(join(root, `d${d}`), { recursive: true });
  for (let n = 1; n <= N; n++) writeFileSync(join(root, `d${n % 10}`, `c${n}.cable`), generated(n));

  const index = new CableIndex(nodeFileSystem);
  // A 1 ms timer measures how long the loop went without turning. On a loaded machine a long gap may
  // just be the OS running other processes, so each gap is also charged only with the CPU time this
  // process used during it: a stall is min(wall time, CPU time), which only our own work can make long.
  let maxStall = 0;
  let maxWallGap = 0;
  let ticks = 0;
  const partialSizes: number[] = [];
  let last = performance.now();
  let lastCpu = process.cpuUsage();
  let running = true;
  const tick = () => {
    const t1 = performance.now();
    const cpu = process.cpuUsage(lastCpu);
    lastCpu = process.cpuUsage();
    const wall = t1 - last;
    maxWallGap = Math.max(maxWallGap, wall);
    maxStall = Math.max(maxStall, Math.min(wall, (cpu.user + cpu.system) / 1000));
    last = t1;
    ticks++;
    if (ticks % 20 === 0) partialSizes.push(index.size);
    if (running) setTimeout(tick, 1);
  };
  setTimeout(tick, 1);
  const t0 = performance.now();
  await index.addFolder(url(root));
  const elapsed = performance.now() - t0;
  running = false;

  t.diagnostic(
    `indexed ${index.size} cables in ${Math.round(elapsed)} ms; longest stall ${maxStall.toFixed(1)} ms ` +
      `(longest wall-clock gap ${maxWallGap.toFixed(1)} ms) over ${ticks} ticks`,
  );
  assert.equal(index.size, N);
  assert.ok(maxStall < 50, `longest stall ${maxStall.toFixed(1)} ms`);
  assert.ok(partialSizes.some((s) => s > 0 && s < N), 'queries during the walk see a growing index');
  assert.equal(index.resolve('08OSLO4321'), url(join(root, 'd1', 'c4321.cable')));
  // CPU time, not wall-clock time: other processes on a shared machine must not fail the test.
  const q0 = process.cpuUsage();
  const hits = search(index, 'report number 777');
  const qCpu = process.cpuUsage(q0);
  const queryMs = (qCpu.user + qCpu.system) / 1000;
  t.diagnostic(`search over ${N} cables: ${queryMs.toFixed(1)} ms of CPU`);
  assert.deepEqual(hits.map((h) => h.name).slice(0, 1), ['08OSLO777: GENERATED REPORT NUMBER 777 ON FISHERIES']);
  assert.ok(queryMs < 200);
});

test('the index knows which cables cite which, and keeps that current', async () => {
  const root = makeWorkspace('citations');
  const index = new CableIndex(nodeFileSystem);
  await index.addFolder(url(root));
  const citing = (id: string) => index.citing(id).map((e) => e.uri.slice(url(root).length));
  assert.deepEqual(citing('08OSLO97'), ['/08OSLO123.cable'], 'REF B. OSLO 97');
  assert.deepEqual(citing('08state15522'), ['/08OSLO123.cable'], 'a cable not in the folder is cited all the same');
  assert.deepEqual(citing('09STATE71326'), ['/nested/Seed.CABLE']);
  const e = index.get(url(join(root, '08OSLO123.cable')))!;
  assert.deepEqual([e.id, e.origin, e.level, e.caveats, e.date, e.tags, e.refs], ['08OSLO123', 'OSLO', 'S', ['NOFORN'], 20080214, ['PREL', 'ENRG', 'MARR', 'NO', 'NATO'], ['08STATE15522', '08OSLO97']]);
  assert.equal(e.refRanges.length, 8, 'four numbers per REF item');

  // The citing cable loses its REF block while open: the citations go with it, and come back on close.
  const file = join(root, '08OSLO123.cable');
  index.updateFromModel(url(file), parseCable(readFileSync(file, 'utf8').replace(/REF: A\. STATE 15522\n\s+B\. OSLO 97\n/, '')));
  assert.deepEqual(citing('08OSLO97'), []);
  await index.closeDocument(url(file));
  assert.deepEqual(citing('08OSLO97'), ['/08OSLO123.cable']);
  index.fileDeleted(url(file));
  assert.deepEqual(citing('08OSLO97'), []);
});

test('named pipes, devices and links to them are skipped at once; the rest of the folder is indexed', { skip: process.platform === 'win32' ? 'no mkfifo' : false }, async () => {
  const root = join(tmp, 'special');
  mkdirSync(root, { recursive: true });
  copyFileSync(join(featureFixtures, '08OSLO97.cable'), join(root, '08OSLO97.cable'));
  execFileSync('mkfifo', [join(root, 'pipe.cable')]);
  execFileSync('mkfifo', [join(tmp, 'outside-pipe')]);
  symlinkSync(join(tmp, 'outside-pipe'), join(root, 'link-to-pipe.cable'));
  symlinkSync('/dev/zero', join(root, 'zero.cable'));
  const logs: string[] = [];
  const index = new CableIndex(nodeFileSystem, { log: (m) => logs.push(m), readTimeoutMs: 60_000 });
  const t0 = performance.now();
  await index.addFolder(url(root));
  assert.ok(performance.now() - t0 < 5_000, 'no read waited for a writer');
  assert.deepEqual([...index.all()].map((e) => e.id), ['08OSLO97']);
  assert.equal(await nodeFileSystem.readHead(url(join(root, 'link-to-pipe.cable')), 100), undefined);
  assert.equal(await nodeFileSystem.readHead(url(join(root, 'zero.cable')), 100), undefined);
  assert.deepEqual(await nodeFileSystem.readFile(url(join(root, 'pipe.cable')), 100), { error: 'not a regular file' });
  assert.deepEqual(await nodeFileSystem.readFile(url(join(root, '08OSLO97.cable')), 10), { error: 'larger than 10 bytes' });

  // A cable added afterwards is still indexed.
  copyFileSync(join(featureFixtures, '08OSLO123.cable'), join(root, 'later.cable'));
  await index.fileChanged(url(join(root, 'later.cable')));
  assert.equal(index.resolve('08OSLO123'), url(join(root, 'later.cable')));
});

test('a file that never answers is skipped after the time limit; the others are indexed meanwhile', async () => {
  const text = readFileSync(join(featureFixtures, '08OSLO97.cable'), 'utf8');
  const stuck: CableFileSystem = {
    async *listFiles() {
      yield 'mem:///a/stuck.cable';
      for (let n = 1; n <= 40; n++) yield `mem:///a/c${n}.cable`;
    },
    readHead: (uri) => (uri.endsWith('stuck.cable') ? new Promise<string | undefined>(() => undefined) : Promise.resolve(text.replace('000097', String(n(uri)).padStart(6, '0')))),
    readFile: () => Promise.resolve({ error: 'unused' }),
  };
  const n = (uri: string) => Number(/c(\d+)\.cable$/.exec(uri)![1]);
  const logs: string[] = [];
  const index = new CableIndex(stuck, { readTimeoutMs: 300, concurrency: 4, log: (m) => logs.push(m) });
  const sizes: number[] = [];
  const timer = setInterval(() => sizes.push(index.size), 20);
  await index.addFolder('mem:///a');
  clearInterval(timer);
  assert.equal(index.size, 40);
  assert.ok(sizes.some((s) => s === 40), 'all others were indexed while the stuck one was still being waited for');
  assert.match(logs.join('\n'), /skipped mem:\/\/\/a\/stuck\.cable: reading it took longer than 300 ms/);
});
