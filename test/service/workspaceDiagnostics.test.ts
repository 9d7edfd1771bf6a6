/**
 * The workspace checker (server/src/workspace/workspaceDiagnostics.ts) without a connection: the automatic
 * limit and the on-demand check, progress and its cancellation, result ids that spare unchanged cables.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CableIndex } from '../../server/src/workspace/cableIndex.ts';
import { nodeFileSystem } from '../../server/src/workspace/nodeFileSystem.ts';
import { WorkspaceChecker, type CheckerHost, type FileReport, type ProgressHandle } from '../../server/src/workspace/workspaceDiagnostics.ts';
import { parseCable } from '../../server/src/service/parse.ts';
import { computeDiagnostics } from '../../server/src/service/diagnostics.ts';
import { resolveSettings } from '../../server/src/service/settings.ts';
import { Dictionary } from '../../server/src/service/dictionary.ts';
import { writeArchive } from '../lsp/archiveFixture.ts';

const dir = mkdtempSync(join(tmpdir(), 'cable-checker-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const paths = writeArchive(dir);
const CABLES = Object.keys(paths).length;
const folder = pathToFileURL(dir).href;

/** A cancellation token the test controls. */
function token() {
  const listeners: (() => void)[] = [];
  const t = {
    isCancellationRequested: false,
    onCancellationRequested: (l: () => void) => listeners.push(l),
    cancel() {
      t.isCancellationRequested = true;
      for (const l of listeners) l();
    },
  };
  return t;
}

async function setUp(options: { automaticLimit?: number; cancelProgressAfter?: number } = {}) {
  const index = new CableIndex(nodeFileSystem);
  await index.addFolder(folder);
  const events: string[] = [];
  let reads = 0;
  let passes = 0;
  const host: CheckerHost = {
    index,
    fs: nodeFileSystem,
    slicer: index.slicer,
    lint: async (uri, text) => {
      reads++;
      return computeDiagnostics(parseCable(text), resolveSettings(undefined), Dictionary.default(), uri);
    },
    scopeOf: async () => 'workspace',
    log: (m) => events.push(`log ${m}`),
    tooMany: (count, limit) => events.push(`too many ${count} > ${limit}`),
    progress: async (title) => {
      events.push(`begin ${title}`);
      const first = ++passes === 1;
      let reported = 0;
      const handle: ProgressHandle = {
        report: (done, total) => {
          reported++;
          events.push(`report ${done}/${total}`);
        },
        done: (message) => events.push(`done ${message}`),
        get cancelled() {
          // The user cancels the first pass only.
          return first && options.cancelProgressAfter !== undefined && reported >= options.cancelProgressAfter;
        },
      };
      return handle;
    },
  };
  const checker = new WorkspaceChecker(host, { automaticLimit: options.automaticLimit });
  const reports: FileReport[] = [];
  return { index, checker, reports, events, reads: () => reads, send: (r: FileReport[]) => reports.push(...r) };
}

async function until(what: string, ok: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

test('within the limit every closed cable is reported; with the result ids held, none is read again', async () => {
  const { checker, reports, reads, send } = await setUp();
  const t = token();
  const served = checker.serve([], send, t);
  await until('every cable', () => reports.length === CABLES);
  t.cancel();
  await served;
  assert.equal(reads(), CABLES);
  const held = reports.map((r) => ({ uri: r.uri, value: r.resultId! }));

  const again: FileReport[] = [];
  const t2 = token();
  const served2 = checker.serve(held, (r) => again.push(...r), t2);
  await new Promise((r) => setTimeout(r, 300));
  t2.cancel();
  await served2;
  assert.deepEqual(again, []);
  assert.equal(reads(), CABLES, 'nothing read again');
});

test('beyond the automatic limit nothing is checked until asked; then every cable is', async () => {
  const { checker, reports, events, send } = await setUp({ automaticLimit: 3 });
  const t = token();
  const served = checker.serve([], send, t);
  await until('the notice', () => events.some((e) => e.startsWith('too many')));
  await new Promise((r) => setTimeout(r, 200));
  assert.deepEqual(reports, []);
  assert.deepEqual(events.filter((e) => e.startsWith('too many')), [`too many ${CABLES} > 3`], 'said once');
  checker.checkAll();
  await until('every cable on demand', () => reports.length === CABLES);
  t.cancel();
  await served;
});

test('a large pass shows progress, and cancelling it stops the pass until asked again', async () => {
  // 120 cables: the six of the archive, twenty times over in sub-folders.
  const big = join(dir, 'big');
  for (let i = 0; i < 19; i++) writeArchive(join(big, `copy${i}`));
  try {
    const { checker, reports, events, send, index } = await setUp({ cancelProgressAfter: 1 });
    assert.equal(index.size, CABLES * 20);
    const t = token();
    const served = checker.serve([], send, t);
    await until('the progress to end', () => events.some((e) => e.startsWith('done')));
    const [begin, report, done] = events.filter((e) => !e.startsWith('log'));
    assert.deepEqual([begin, report], ['begin Checking cables', `report 100/${CABLES * 20}`]);
    // The cables being read when the user cancelled are finished (four lanes).
    const stoppedAt = Number(/^done (\d+) cables checked$/.exec(done ?? '')?.[1]);
    assert.ok(stoppedAt >= 100 && stoppedAt <= 104, String(done));
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(reports.length, stoppedAt, 'stopped where it was cancelled');
    checker.checkAll();
    await until('the rest', () => new Set(reports.map((r) => r.uri)).size === CABLES * 20);
    t.cancel();
    await served;
  } finally {
    rmSync(big, { recursive: true, force: true });
  }
});
