/**
 * The language server bundled for the browser (dist/web/server.js), run in a real Web Worker in
 * headless Chromium, must give the same answers as the Node server (dist/server.js over stdio): the
 * seed cable's outline, hovers and diagnostics, and, when the corpus is present, those of a spread of
 * real cables. Run by the `browser` tier of `npm test` (node scripts/test.mjs browser).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { InitializeResult } from 'vscode-languageserver-protocol/node';
import { startServer } from '../lsp/lspClient.ts';
import { startWorkerServer, closeBrowser, skipReason, type WorkerServer } from './workerServer.ts';
import { CLIENT_CAPABILITIES, answerClientRequests, converse, type Answers, type Doc } from './scenario.ts';

const root = join(__dirname, '..', '..');
const SEED = join(root, 'test', 'fixtures', 'seed', '09BRUSSELS995.cable');
const CORPUS = join(root, '..', 'shared', 'corpus');
/** How many real cables to compare; spread evenly over the sorted corpus. */
const CORPUS_SAMPLE = 24;

const skip = skipReason();

/** Position of the first match of `re` in `text`, `offset` characters into it ('end': just after it). */
function positionOf(text: string, re: RegExp, offset: number | 'end' = 1): { line: number; character: number } | undefined {
  const lines = text.split(/\r\n|\r|\n/);
  for (let line = 0; line < lines.length; line++) {
    const m = re.exec(lines[line]);
    if (m) return { line, character: m.index + (offset === 'end' ? m[0].length : offset) };
  }
  return undefined;
}

/** Where a reader would hover: the first TAGS code, the date-time group, the banner, a portion marking. */
function hoverPositions(text: string) {
  return [
    positionOf(text, /\bPREL\b/),
    positionOf(text, /^TAGS:? */, 'end'),
    positionOf(text, /\b\d{6}Z\s[A-Z]{3}\s\d{2}\b/),
    positionOf(text, /^\s*(?:UNCLAS|C O N F|S E C R E T|CONFIDENTIAL|SECRET)\b/, 2),
    positionOf(text, /^\d{1,2}\.\s\(/, 4),
  ].filter((p): p is { line: number; character: number } => p !== undefined);
}

function doc(name: string, text: string, completeEverywhere = false): Doc {
  const positions = hoverPositions(text);
  return { uri: `file:///cables/${name}`, text, positions, completeAt: completeEverywhere ? positions : positions.slice(0, 1) };
}

function corpusDocs(): Doc[] {
  if (!existsSync(CORPUS)) return [];
  const files = readdirSync(CORPUS).filter((f) => f.endsWith('.cable')).sort();
  const step = Math.max(1, Math.floor(files.length / CORPUS_SAMPLE));
  return files
    .filter((_, i) => i % step === 0)
    .slice(0, CORPUS_SAMPLE)
    .map((f) => doc(f, readFileSync(join(CORPUS, f), 'utf8')));
}

interface Run {
  init: InitializeResult;
  answers: Answers[];
}

async function runNode(docs: Doc[]): Promise<Run> {
  const server = await startServer('stdio', { capabilities: CLIENT_CAPABILITIES });
  try {
    answerClientRequests(server.connection);
    return { init: server.initializeResult, answers: await converse(server.connection, server.initializeResult, docs) };
  } finally {
    await server.close();
  }
}

async function runBrowser(docs: Doc[]): Promise<Run & { errors: string[]; log: string[] }> {
  const server: WorkerServer = await startWorkerServer();
  try {
    const { connection } = server;
    answerClientRequests(connection);
    connection.listen();
    const init = (await connection.sendRequest('initialize', {
      processId: null,
      rootUri: null,
      capabilities: CLIENT_CAPABILITIES,
      workspaceFolders: null,
    })) as InitializeResult;
    await connection.sendNotification('initialized', {});
    const answers = await converse(connection, init, docs);
    await connection.sendRequest('shutdown');
    return { init, answers, errors: await server.workerErrors(), log: server.consoleLog };
  } finally {
    await server.close();
  }
}

let seed: Doc;
let node: Run;
let web: Awaited<ReturnType<typeof runBrowser>>;

before(async () => {
  if (skip) return;
  seed = doc('09BRUSSELS995.cable', readFileSync(SEED, 'utf8'), true);
  const docs = [seed, ...corpusDocs()];
  // One after the other: the machine has two cores, and timing must not decide the diagnostics.
  node = await runNode(docs);
  web = await runBrowser(docs);
});

after(async () => {
  await closeBrowser();
});

test('the worker starts without errors and announces the Node server\'s capabilities', { skip }, () => {
  assert.deepEqual(web.errors, [], `worker errors; console:\n${web.log.join('\n')}`);
  assert.deepEqual(web.init.capabilities, node.init.capabilities);
  assert.equal(web.init.serverInfo?.name, node.init.serverInfo?.name);
});

test('the seed cable: outline, hover on PREL and diagnostics in the worker', { skip }, () => {
  const w = web.answers[0];
  assert.equal(w.uri, seed.uri);
  assert.ok(Array.isArray(w.symbols) && w.symbols.length > 0, `an outline, got ${JSON.stringify(w.symbols)}`);
  const prel = w.hovers[0] as { contents?: unknown } | null;
  assert.ok(prel && prel.contents, `a hover on PREL, got ${JSON.stringify(prel)}`);
  assert.match(JSON.stringify(prel.contents), /PREL|[Pp]olitical|[Rr]elations/);
  assert.ok(Array.isArray(w.diagnostics), `diagnostics for the seed, got ${JSON.stringify(w.diagnostics)}`);
});

test('the seed cable: the worker answers exactly as the Node server', { skip }, () => {
  assert.deepEqual(web.answers[0], node.answers[0]);
});

test('real cables: the worker answers exactly as the Node server', { skip: skip ?? (existsSync(CORPUS) ? false : `no corpus at ${CORPUS}`) }, () => {
  assert.equal(web.answers.length, node.answers.length);
  assert.ok(web.answers.length > 1, 'corpus cables were compared');
  for (let i = 1; i < node.answers.length; i++) {
    assert.deepEqual(web.answers[i], node.answers[i], `answers differ for ${node.answers[i].uri}`);
  }
});
