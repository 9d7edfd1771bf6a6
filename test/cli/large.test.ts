/**
 * Large inputs within the memory bound: a file of many cables one after another is checked cable by
 * cable with positions in the file; a single cable larger than the whole-file limit has its head checked
 * and the rest named on stderr; standard input is read the same way; and the whole process stays under
 * 300 MB resident on a 100 MB file (run as a process, bundled, peak RSS read at exit).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { main } from '../../server/src/cli.ts';
import { memoryIO } from './memoryIO.ts';
import { WHOLE_FILE_BYTES } from '../../server/src/cli/read.ts';
import { splitLines } from '../../server/src/service/text.ts';
import { CLEAN, CLEAN_UNCLAS, edit } from '../service/rulesHelpers.ts';

const root = path.join(__dirname, '..', '..');
const cli = path.join(root, 'dist', 'cli.js');
const MEMORY_BOUND_MB = 300;
/** A cable with an error (a SECRET paragraph under a CONFIDENTIAL banner) on its line 24 (0-based). */
const BROKEN = edit(CLEAN, '2. (C) The second paragraph gives the detail of the meeting.', '2. (S) The second paragraph gives the detail of the meeting.');
const linesOf = (text: string) => splitLines(text).length - 1;

let dir: string;
before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cable-large-'));
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

interface Archive {
  text: string;
  count: number;
  /** The line each cable starts on. */
  starts: number[];
}

/** Cables one after another up to `minBytes`: every `brokenEvery`-th one BROKEN, the rest alternately CLEAN and CLEAN_UNCLAS. */
function archive(minBytes: number, brokenEvery: number): Archive {
  const parts: string[] = [];
  const starts: number[] = [];
  for (let i = 0, size = 0, line = 0; size < minBytes; i++) {
    const cable = i % brokenEvery === brokenEvery - 1 ? BROKEN : i % 2 ? CLEAN_UNCLAS : CLEAN;
    parts.push(cable);
    starts.push(line);
    size += cable.length;
    line += linesOf(cable);
  }
  return { text: parts.join(''), count: parts.length, starts };
}

function writeArchive(name: string, minBytes: number, brokenEvery: number): Archive & { file: string } {
  const a = archive(minBytes, brokenEvery);
  const file = path.join(dir, name);
  fs.writeFileSync(file, a.text);
  return { ...a, file };
}

async function run(args: string[]) {
  const io = memoryIO(dir);
  const code = await main(args, io);
  return { code, stdout: io.out, stderr: io.err };
}

/**
 * The bundled CLI as a process, with its peak resident memory (all threads) printed at exit. Standard
 * output goes to `outFile` when given (large outputs), else is returned.
 */
function runProcess(args: string[], input?: Buffer | string, outFile?: string) {
  const wrapper = `process.on('exit', () => process.stderr.write('\\nMAXRSS_KB ' + process.resourceUsage().maxRSS + '\\n')); process.argv = [process.argv[0], ${JSON.stringify(cli)}, ...${JSON.stringify(args)}]; require(${JSON.stringify(cli)}).run();`;
  const out = outFile === undefined ? 'pipe' : fs.openSync(outFile, 'w');
  try {
    const r = spawnSync(process.execPath, ['-e', wrapper], { cwd: dir, input, stdio: [input === undefined ? 'ignore' : 'pipe', out, 'pipe'], maxBuffer: 1 << 28 });
    const stderr = r.stderr.toString();
    const rss = Number(/MAXRSS_KB (\d+)/.exec(stderr)?.[1] ?? NaN) / 1024;
    return { code: r.status, stdout: r.stdout?.toString() ?? '', stderr, rssMB: rss };
  } finally {
    if (typeof out === 'number') fs.closeSync(out);
  }
}

/** Lines of a file, counted a megabyte at a time. */
function countLines(file: string): number {
  const fd = fs.openSync(file, 'r');
  const buf = Buffer.alloc(1 << 20);
  let lines = 0;
  for (let n = fs.readSync(fd, buf); n > 0; n = fs.readSync(fd, buf)) {
    for (let i = buf.indexOf(10); i >= 0 && i < n; i = buf.indexOf(10, i + 1)) lines++;
  }
  fs.closeSync(fd);
  return lines;
}

test('a file over the whole-file limit is cut into its cables: one entry each, positions in the file', async () => {
  const { file, count, starts } = writeArchive('many.cables', WHOLE_FILE_BYTES + 500_000, 1000);
  const parsed = await run(['parse', '--format', 'jsonl', path.basename(file)]);
  assert.equal(parsed.code, 0, parsed.stderr);
  const records = parsed.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { line: number; id: string; paragraphs: { range: { start: { line: number } } }[] });
  assert.equal(records.length, count);
  records.forEach((r, i) => {
    assert.equal(r.line, starts[i]);
    assert.equal(r.id, i % 2 && i % 1000 !== 999 ? '09MADRID456' : '09PARIS123');
    assert.ok(r.paragraphs[0]!.range.start.line > r.line, 'paragraph ranges are positions in the file');
  });

  const linted = await run(['lint', path.basename(file)]);
  assert.equal(linted.code, 1);
  const errors = linted.stdout.split('\n').filter((l) => l.includes('portion-marking-exceeds-banner'));
  const expected = Array.from({ length: Math.floor(count / 1000) }, (_, k) => `many.cables:${starts[k * 1000 + 999]! + 25}:4: error portion-marking-exceeds-banner`);
  assert.deepEqual(
    errors.map((l) => l.split(' ').slice(0, 3).join(' ')),
    expected,
  );
  assert.match(linted.stderr, new RegExp(`^${count} cables linted: ${expected.length} errors, 0 warnings`, 'm'));
});

test('a single cable longer than the limit: its head is checked, the rest named on stderr', async () => {
  const body: string[] = [];
  for (let n = 4, size = 0; size < WHOLE_FILE_BYTES + 1_000_000; n++) {
    const p = `${n}. (C) Paragraph ${n} goes on about the meeting and what was agreed at it.\n\n`;
    body.push(p);
    size += p.length;
  }
  const file = path.join(dir, 'huge.cable');
  fs.writeFileSync(file, CLEAN.replace('SAMPLE\n', '') + body.join('') + 'SAMPLE\n');
  const r = await run(['lint', '--format', 'json', 'huge.cable']);
  assert.equal(r.code, 0, r.stderr);
  const [result] = JSON.parse(r.stdout) as { skippedRules?: string[] }[];
  assert.ok(result!.skippedRules?.includes('paragraph-numbering'), 'over maxFileSize: the costly rules are skipped and said');
  assert.match(r.stderr, /huge\.cable: the cable from line 1 is longer than 8 MB: checked lines 1–\d+, the rest of it up to the next cable is not checked/);
});

test('standard input: one cable, or many one after another', (t) => {
  if (!fs.existsSync(cli)) return t.skip('dist/cli.js not built (npm run build)');
  const one = runProcess(['lint', '-'], BROKEN);
  assert.equal(one.code, 1, one.stderr);
  assert.match(one.stdout, /^<stdin>:25:4: error portion-marking-exceeds-banner/m);
  const many = archive(WHOLE_FILE_BYTES + 100_000, 3000);
  const r = runProcess(['parse', '--format', 'csv', '-'], many.text);
  assert.equal(r.code, 0, r.stderr);
  const rows = r.stdout.trimEnd().split('\n');
  assert.equal(rows.length - 1, many.count);
  assert.match(rows[2]!, new RegExp(`^<stdin>,${many.starts[1]},09MADRID456,`));
});

test(`a 100 MB file of cables is linted and parsed within ${MEMORY_BOUND_MB} MB resident`, (t) => {
  if (!fs.existsSync(cli)) return t.skip('dist/cli.js not built (npm run build)');
  const { file, count } = writeArchive('archive.txt', 100e6, 5000);
  const lint = runProcess(['lint', file]);
  assert.equal(lint.code, 1, lint.stderr.slice(0, 500));
  assert.match(lint.stderr, new RegExp(`${count} cables linted`));
  assert.ok(lint.rssMB < MEMORY_BOUND_MB, `cable lint peak RSS ${lint.rssMB.toFixed(0)} MB`);
  const jsonl = path.join(dir, 'archive.jsonl');
  const parse = runProcess(['parse', '--format', 'jsonl', file], undefined, jsonl);
  assert.equal(parse.code, 0, parse.stderr.slice(0, 500));
  assert.ok(parse.rssMB < MEMORY_BOUND_MB, `cable parse peak RSS ${parse.rssMB.toFixed(0)} MB`);
  assert.equal(countLines(jsonl), count);
});
