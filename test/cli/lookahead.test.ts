/**
 * The pool's look ahead in the walk: jobs come out in the walk's order whether or not it looked ahead,
 * and it weighs the input left by the files' sizes (sparse files stand for large ones).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Lookahead, WORKER_PAYS_OFF_BYTES } from '../../server/src/cli/lookahead.ts';
import type { Job } from '../../server/src/cli/read.ts';

let dir: string;

before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cable-lookahead-'));
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Jobs for files of the given sizes, made sparse so that no disk space is written. */
function filesOf(sizes: number[]): Job[] {
  return sizes.map((size, k) => {
    const p = path.join(dir, `${sizes.length}-${k}.cable`);
    fs.writeFileSync(p, '');
    fs.truncateSync(p, size);
    return { kind: 'file', name: p, path: p };
  });
}

function drain(it: Iterator<Job>): string[] {
  const names: string[] = [];
  for (let r = it.next(); !r.done; r = it.next()) names.push(r.value.name);
  return names;
}

test('a small input left is not worth a worker, and every job still comes out in order', () => {
  const jobs = filesOf([1000, 2000, 3000]);
  const la = new Lookahead(jobs[Symbol.iterator]());
  assert.equal(la.next().value.name, jobs[0]!.name);
  assert.equal(la.largeInputLeft(), false);
  assert.deepEqual(drain(la), [jobs[1]!.name, jobs[2]!.name]);
});

test('a few hundred megabytes left are worth a worker; the look ahead stops once it knows', () => {
  const half = WORKER_PAYS_OFF_BYTES / 2;
  const jobs = filesOf([half, half, half, 10]);
  let pulled = 0;
  const source = (function* () {
    for (const j of jobs) {
      pulled++;
      yield j;
    }
  })();
  const la = new Lookahead(source);
  assert.equal(la.largeInputLeft(), true);
  assert.equal(pulled, 2, 'read ahead only as far as needed');
  assert.deepEqual(drain(la), jobs.map((j) => j.name));
});

test('jobs handed out after the look ahead no longer count as left', () => {
  const jobs = filesOf([WORKER_PAYS_OFF_BYTES, 5]);
  const la = new Lookahead(jobs[Symbol.iterator]());
  assert.equal(la.largeInputLeft(), true);
  la.next();
  assert.equal(la.largeInputLeft(), false);
  assert.deepEqual(drain(la), [jobs[1]!.name]);
});

test('an unreadable path and a stream count as nothing left to weigh, and still come out', () => {
  const jobs: Job[] = [
    { kind: 'file', name: 'gone.cable', path: path.join(dir, 'gone.cable') },
    { kind: 'stream', name: '<stdin>', path: '-' },
    { kind: 'error', name: 'locked', error: 'permission denied' },
  ];
  const la = new Lookahead(jobs[Symbol.iterator]());
  assert.equal(la.largeInputLeft(), false);
  assert.deepEqual(drain(la), ['gone.cable', '<stdin>', 'locked']);
});
