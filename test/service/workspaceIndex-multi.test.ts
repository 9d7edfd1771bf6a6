/**
 * The workspace index over files of several cables (test/fixtures/multi/archive-day.cables: three
 * invented cables of one day, the second citing the first): an entry per cable with the line it starts
 * on, found by its own id, citing and cited from the right lines, listed by the Cables view at its own
 * subject, and kept in step when the file is opened, edited, changed on disk or deleted. Also the
 * file system's part: a file is read whole only when the signs of a second cable occur twice in it.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CableIndex } from '../../server/src/workspace/cableIndex.ts';
import { nodeFileSystem } from '../../server/src/workspace/nodeFileSystem.ts';
import { clientFileSystem } from '../../server/src/workspace/clientFileSystem.ts';
import { parseCable } from '../../server/src/service/parse.ts';
import { parseCableFile, SEVERAL_SIGNS } from '../../server/src/service/sequence.ts';
import { ArchiveView } from '../../server/src/workspace/archiveView.ts';
import { timelineOf } from '../../server/src/workspace/archiveTimeline.ts';
import { references } from '../../server/src/service/features/references.ts';
import { incomingCalls, outgoingCalls, prepareCallHierarchy } from '../../server/src/service/features/callHierarchy.ts';
import type { ReadFileParams } from '../../server/src/fileRequests.ts';
import { STATE } from '../fixtures/multi/state5000.ts';

const root = join(__dirname, '..', '..');
const day = readFileSync(join(root, 'test', 'fixtures', 'multi', 'archive-day.cables'), 'utf8');
const dayLines = day.split('\n');
const lineOf = (text: string) => dayLines.indexOf(text);
const MADRID = 0;
const BERLIN = lineOf('VZCZCXRO2002');
const VIENNA = lineOf('VZCZCXRO2003');

const tmp = mkdtempSync(join(tmpdir(), 'cable-index-multi-'));
after(() => rmSync(tmp, { recursive: true, force: true }));
const url = (p: string) => pathToFileURL(p).href;


/** A folder with the day's file (named after no cable), and the cable it cites. */
function workspace(name: string): { dir: string; dayUri: string; stateUri: string } {
  const dir = join(tmp, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'traffic-2009-08-12.cable'), day);
  writeFileSync(join(dir, '09STATE5000.cable'), STATE);
  return { dir, dayUri: url(join(dir, 'traffic-2009-08-12.cable')), stateUri: url(join(dir, '09STATE5000.cable')) };
}

test('every cable of a file has its own entry: found by its id at the line it starts on', async () => {
  const { dir, dayUri, stateUri } = workspace('entries');
  const index = new CableIndex(nodeFileSystem);
  await index.addFolder(url(dir));
  assert.equal(index.size, 4, 'three cables in one file, one in another');
  assert.deepEqual(
    index.cablesOf(dayUri).map((e) => [e.id, e.start]),
    [
      ['09MADRID700', MADRID],
      ['09BERLIN800', BERLIN],
      ['09VIENNA900', VIENNA],
    ],
  );
  assert.deepEqual(index.locate('09VIENNA900'), { uri: dayUri, line: VIENNA });
  assert.equal(index.resolve('09BERLIN800'), dayUri);
  assert.deepEqual(index.locate('09STATE5000'), { uri: stateUri, line: 0 });
  assert.equal(index.get(dayUri)?.id, '09MADRID700', "a file's first cable");
  assert.equal(index.get(dayUri, BERLIN)?.id, '09BERLIN800');
  assert.equal(index.get(dayUri, BERLIN + 1), undefined, 'no cable starts there');

  const vienna = index.get(dayUri, VIENNA)!;
  assert.equal(vienna.anchor[0], lineOf('SUBJECT: AUSTRIAN BANKS ASK ABOUT THE DESIGNATIONS'), 'its subject, as a line of the file');
  assert.equal(vienna.subject, 'AUSTRIAN BANKS ASK ABOUT THE DESIGNATIONS');
  assert.deepEqual(vienna.tags, ['PTER', 'ECON', 'AU']);
  assert.equal(vienna.level, 'U');
  // The file's name speaks for its first cable only.
  assert.equal(index.get(dayUri)!.otherName, 'traffic-2009-08-12');
  assert.equal(vienna.otherName, 'traffic-2009-08-12, cable 3');
  assert.deepEqual(index.resolveAll('traffic-2009-08-12'), []);
});

test('citations name the citing cable and the REF item as lines of the file; the graph walks between cables of one file', async () => {
  const { dir, dayUri, stateUri } = workspace('citations');
  const index = new CableIndex(nodeFileSystem);
  await index.addFolder(url(dir));
  const refLine = (text: string, from: number) => dayLines.indexOf(text, from);

  assert.deepEqual(
    index.citing('09STATE5000').map((e) => [e.id, e.refRanges[0]]),
    [['09MADRID700', refLine('REF: A. STATE 5000', MADRID)]],
  );
  assert.deepEqual(
    index.citing('09MADRID700').map((e) => [e.id, e.refRanges[0]]),
    [['09BERLIN800', refLine('REF: A. MADRID 700', BERLIN)]],
  );

  // Find All References on the Madrid cable's banner, and with its declaration.
  const file = parseCableFile(day, parseCable);
  const madrid = file.parts[0]!;
  const banner = madrid.model.banner!.range.start;
  const refs = references(madrid.model, { uri: dayUri, line: 0 }, banner, true, index);
  assert.deepEqual(
    refs.map((l) => [l.uri, l.range.start.line]),
    [
      [dayUri, lineOf('SUBJECT: SPAIN ON THE NEW DESIGNATIONS')],
      [dayUri, refLine('REF: A. MADRID 700', BERLIN)],
    ],
  );
  // The same from the Berlin cable's own heading (its model counts from its first line).
  const berlin = file.parts[1]!;
  const own = references(berlin.model, { uri: dayUri, line: berlin.line }, berlin.model.subject!.range.start, true, index);
  assert.deepEqual(own.map((l) => l.range.start.line), [lineOf('SUBJECT: GERMANY HEARS OF THE SPANISH REQUEST')], 'Berlin is cited by nobody: its declaration only');

  // The call hierarchy from Berlin's heading: it cites Madrid, which cites the State cable.
  const [item] = prepareCallHierarchy(berlin.model, { uri: dayUri, line: berlin.line }, berlin.model.subject!.range.start, index);
  assert.equal(item?.name, '09BERLIN800');
  assert.equal(item!.range.start.line, lineOf('SUBJECT: GERMANY HEARS OF THE SPANISH REQUEST'));
  const [toMadrid] = outgoingCalls(item!, index);
  assert.equal(toMadrid?.to.name, '09MADRID700');
  assert.equal(toMadrid!.to.uri, dayUri);
  assert.deepEqual(toMadrid!.fromRanges.map((r) => r.start.line), [refLine('REF: A. MADRID 700', BERLIN)]);
  assert.deepEqual(outgoingCalls(toMadrid!.to, index).map((c) => [c.to.name, c.to.uri]), [['09STATE5000', stateUri]]);
  assert.deepEqual(incomingCalls(toMadrid!.to, index).map((c) => c.from.name), ['09BERLIN800']);
});

test('the Cables view and the timeline count every cable, and a click opens each at its own subject', async () => {
  const { dir, dayUri } = workspace('view');
  const index = new CableIndex(nodeFileSystem);
  await index.addFolder(url(dir));
  const view = new ArchiveView(() => ({ size: index.size, values: () => index.all() }));
  const posts = view.groups({ grouping: 'post', query: '', path: [] });
  assert.deepEqual(posts.groups.map((g) => [g.key, g.count]), [['BERLIN', 1], ['MADRID', 1], ['STATE', 1], ['VIENNA', 1]]);
  assert.equal(posts.total, 4);
  const pter = view.groups({ grouping: 'tag', query: '#PTER', path: [] });
  assert.equal(pter.matched, 4, 'every cable tagged PTER, three of them in one file');
  const page = view.items({ grouping: 'post', query: '', path: ['VIENNA'] }, 0, 10);
  assert.deepEqual(page.items.map((i) => [i.uri, i.line, i.label]), [[dayUri, lineOf('SUBJECT: AUSTRIAN BANKS ASK ABOUT THE DESIGNATIONS'), '09VIENNA900']]);
  const filtered = view.groups({ grouping: 'classification', query: '@BERLIN', path: [] });
  assert.deepEqual(filtered.groups.map((g) => [g.key, g.count]), [['C', 1]]);
  const timeline = timelineOf(view.matching(''));
  assert.equal(timeline.binned, 4);
  assert.deepEqual(timeline.months, ['2009-08']);
});

test('an open file, its edits and its closing; a change on disk; a deletion: all its cables follow', async () => {
  const { dir, dayUri } = workspace('updates');
  const index = new CableIndex(nodeFileSystem);
  await index.addFolder(url(dir));
  const changes: string[] = [];
  index.onChange((c) => changes.push(`${c.kind} ${c.uri === dayUri ? 'day' : c.uri}`));

  // Opened, and the Berlin cable cut out: the index holds what the editor holds.
  const edited = [...dayLines.slice(0, BERLIN), ...dayLines.slice(VIENNA)].join('\n');
  index.updateFromModels(dayUri, parseCableFile(edited, parseCable).parts);
  assert.deepEqual(index.cablesOf(dayUri).map((e) => [e.id, e.start]), [['09MADRID700', 0], ['09VIENNA900', BERLIN]]);
  assert.equal(index.resolve('09BERLIN800'), undefined);
  assert.deepEqual(index.citing('09MADRID700'), []);
  assert.equal(index.size, 3);
  assert.deepEqual(changes, ['stored day'], 'one change for the file');

  await index.closeDocument(dayUri);
  assert.deepEqual(index.cablesOf(dayUri).map((e) => e.id), ['09MADRID700', '09BERLIN800', '09VIENNA900'], 'back to the disk');

  // The file on disk loses its first cable: what was the second is now the first.
  const path = join(dir, 'traffic-2009-08-12.cable');
  writeFileSync(path, dayLines.slice(BERLIN).join('\n'));
  await index.fileChanged(dayUri);
  assert.deepEqual(index.cablesOf(dayUri).map((e) => [e.id, e.start]), [['09BERLIN800', 0], ['09VIENNA900', VIENNA - BERLIN]]);
  assert.equal(index.resolve('09MADRID700'), undefined);
  assert.equal(index.size, 3);

  unlinkSync(path);
  index.fileDeleted(dayUri);
  assert.deepEqual(index.cablesOf(dayUri), []);
  assert.equal(index.resolve('09VIENNA900'), undefined);
  assert.equal(index.size, 1);
  assert.deepEqual([...index.all()].map((e) => e.id), ['09STATE5000']);
  index.removeFolder(url(dir));
  assert.equal(index.size, 0);
});

test('a long file of several cables is read whole (its later cables found); a long file of one, its head only', async () => {
  const dir = join(tmp, 'long');
  mkdirSync(dir, { recursive: true });
  // The day's three cables, then a fourth whose text is long: the file is far longer than a head.
  const long = `${day}\n${dayLines.slice(VIENNA).join('\n').replace('VIENNA 000900', 'VIENNA 000901').replace('\n1. ', `\n1. ${'The banks wrote at length. '.repeat(400)}\n2. `)}`;
  writeFileSync(join(dir, 'long-day.cable'), long);
  // One cable padded past the head, with no second sign of a cable anywhere.
  const single = STATE.replace('RICE', `${'2. More points follow for posts to deliver.\n'.repeat(300)}RICE`);
  writeFileSync(join(dir, 'long-single.cable'), single);
  const index = new CableIndex(nodeFileSystem);
  await index.addFolder(url(dir));
  assert.deepEqual(index.cablesOf(url(join(dir, 'long-day.cable'))).map((e) => e.id), ['09MADRID700', '09BERLIN800', '09VIENNA900', '09VIENNA901']);
  assert.deepEqual(index.cablesOf(url(join(dir, 'long-single.cable'))).map((e) => e.id), ['09STATE5000']);

  // Read no further than maxSeveralBytes: here, the day's three cables and not the fourth.
  const capped = new CableIndex(nodeFileSystem, { headBytes: 1024, maxSeveralBytes: Buffer.byteLength(day) });
  await capped.addFolder(url(dir));
  assert.deepEqual(capped.cablesOf(url(join(dir, 'long-day.cable'))).map((e) => e.id), ['09MADRID700', '09BERLIN800', '09VIENNA900']);
});

test('the file system reads past the head only when a sign of a cable occurs twice, even across the chunks it reads', async () => {
  const dir = join(tmp, 'signs');
  mkdirSync(dir, { recursive: true });
  const whole = { signs: SEVERAL_SIGNS, maxBytes: 1 << 20 };
  const write = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return url(join(dir, name));
  };
  const filler = (n: number) => 'x'.repeat(n);
  const twoText = `TAGS: A\n${filler(5000)}\nTAGS: B\n`;
  const two = write('two.cable', twoText);
  assert.equal(await nodeFileSystem.readHead(two, 100, undefined, whole), twoText, 'two TAGS lines: the whole file');
  const one = write('one.cable', `TAGS: A\n${filler(5000)}\nZCZC\n`);
  assert.equal(await nodeFileSystem.readHead(one, 100, undefined, whole), `TAGS: A\n${filler(92)}`, 'each sign once: the head');
  assert.equal((await nodeFileSystem.readHead(two, 100))?.length, 100, 'without `whole`: the head');
  // The file is read in chunks of 256 KB: a sign cut by a chunk's end counts once, in the next chunk.
  const chunk = 256 * 1024;
  const straddling = write('straddling.cable', `${filler(chunk - 2)}ZCZC${filler(100)}ZCZC\n`);
  assert.equal((await nodeFileSystem.readHead(straddling, 100, undefined, whole))?.length, chunk + 107);
  const onceStraddling = write('once.cable', `${filler(chunk - 2)}ZCZC${filler(100)}\n`);
  assert.equal((await nodeFileSystem.readHead(onceStraddling, 100, undefined, whole))?.length, 100, 'one sign, cut by the end of a chunk, counted once');
  const onceInOverlap = write('overlap.cable', `${filler(chunk - 10)}ZCZC${filler(100)}\n`);
  assert.equal((await nodeFileSystem.readHead(onceInOverlap, 100, undefined, whole))?.length, 100, 'one sign, whole in both chunks, counted once');

  // In the browser the client is asked for the whole file when a sign occurs twice (it applies the test).
  const asked: ReadFileParams[] = [];
  const fake = {
    sendRequest: async (_method: string, params: ReadFileParams) => {
      asked.push(params);
      return { text: day };
    },
  } as unknown as Parameters<typeof clientFileSystem>[0];
  assert.equal(await clientFileSystem(fake).readHead('vscode-vfs://github/o/r/day.cable', 100, undefined, whole), day);
  assert.deepEqual(asked[0], { uri: 'vscode-vfs://github/o/r/day.cable', maxChars: 100, wholeIf: { signs: [...SEVERAL_SIGNS], maxChars: 1 << 20 } });
});
