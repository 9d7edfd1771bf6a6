/**
 * The workspace at Cablegate's scale (251 287 cables): a generated archive of 250 000 cables, copies of
 * the corpus with distinct ids, written into a temporary folder outside the repository and removed
 * afterwards. The bundled server (dist/server.js over stdio, as Neovim runs it) indexes it in the
 * background while this process measures:
 *  - background indexing: from `initialized` to the server's "indexed" log line;
 *  - the longest wait of a request during indexing: a hover on a REF item (which consults the index) sent
 *    every 25 ms, round trip;
 *  - the server's heap after indexing, after a full GC (`--expose-gc`, the `cable/test/heapStats` hook);
 *  - references on the banner of the most cited cable, and workspace symbol queries (`#PTER` …), round
 *    trips, median and longest of five;
 *  - workspace diagnostics over the first ~20 000 cables (a second server): the time until every cable is
 *    reported, and the size of what is sent, which is what the automatic limit is chosen by.
 *
 * Copy 0 keeps the corpus ids, so the REF items of every copy lead to a cable of the archive, and the
 * cables the corpus cites most are cited by hundreds of copies. Copy k > 0 gets banner serial
 * 1 000 000 + 1 000 k + i (the DE line's serial follows), hence id `09BRUSSELS1290123`.
 *
 *   node --import tsx bench/archive.ts [CORPUS_DIR] [--count=250000] [--keep]
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  WorkspaceDiagnosticRequest,
  CancellationTokenSource,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { parseCable } from '../server/src/service/parse.ts';
import { archiveViewLines, benchArchiveView, type ArchiveViewTiming } from './archiveView.ts';

const PER_COPY_LIMIT = 1000;

interface Template {
  file: string;
  text: string;
  /** Where the banner serial and the DE line serial are, to be replaced in copies. */
  cuts: { line: number; start: number; end: number; width: number; last4: boolean }[];
  yy: string;
  origin: string;
  id?: string;
  cites: string[];
}

function templates(corpus: string): Template[] {
  const files = readdirSync(corpus).filter((f) => f.endsWith('.cable')).sort().slice(0, PER_COPY_LIMIT);
  return files.map((file) => {
    const text = readFileSync(join(corpus, file), 'utf8');
    const m = parseCable(text);
    const cuts: Template['cuts'] = [];
    const s = m.banner?.serial;
    if (s && s.range.start.line === s.range.end.line) cuts.push({ line: s.range.start.line, start: s.range.start.character, end: s.range.end.character, width: 7, last4: false });
    const d = m.header.de?.serial;
    if (d && cuts.length && d.range.start.line === d.range.end.line) {
      cuts.push({ line: d.range.start.line, start: d.range.start.character, end: d.range.end.character, width: 4, last4: true });
    }
    const cites = m.references.flatMap((b) => b.items.flatMap((i) => (i.cableId ? [i.cableId.toUpperCase()] : [])));
    return { file, text, cuts, yy: String(m.identity.year ?? 0).slice(-2), origin: m.identity.origin ?? 'X', id: m.identity.id?.toUpperCase(), cites };
  });
}

function copyText(t: Template, serial: number): string {
  if (!t.cuts.length) return t.text;
  const lines = t.text.split('\n');
  for (const c of [...t.cuts].sort((a, b) => b.line - a.line || b.start - a.start)) {
    const digits = String(serial).padStart(7, '0');
    const value = c.last4 ? digits.slice(-4) : digits;
    const line = lines[c.line]!;
    lines[c.line] = line.slice(0, c.start) + value + line.slice(c.end);
  }
  return lines.join('\n');
}

/** Writes `count` cables under `dir/copy-NNN/`; returns the copy folders and the most cited corpus cable. */
export function generateArchive(corpus: string, dir: string, count: number): { folders: string[]; bytes: number; mostCited?: { id: string; file: string; citations: number } } {
  const ts = templates(corpus);
  const folders: string[] = [];
  let bytes = 0;
  let written = 0;
  for (let copy = 0; written < count; copy++) {
    const folder = join(dir, `copy-${String(copy).padStart(3, '0')}`);
    mkdirSync(folder, { recursive: true });
    folders.push(folder);
    for (let i = 0; i < ts.length && written < count; i++) {
      const t = ts[i]!;
      const serial = 1_000_000 + copy * 1000 + i;
      const text = copy === 0 ? t.text : copyText(t, serial);
      const name = copy === 0 ? t.file : t.cuts.length ? `${t.yy}${t.origin}${serial}.cable` : `${t.file.slice(0, -6)}-${copy}.cable`;
      writeFileSync(join(folder, name), text);
      bytes += Buffer.byteLength(text);
      written++;
    }
  }
  // The corpus cable cited by the most REF items of the corpus (each copy cites it again).
  const copies = Math.ceil(count / ts.length);
  const counts = new Map<string, number>();
  for (const t of ts) for (const id of new Set(t.cites)) counts.set(id, (counts.get(id) ?? 0) + 1);
  let mostCited: { id: string; file: string; citations: number } | undefined;
  for (const t of ts) {
    const n = t.id ? counts.get(t.id) : undefined;
    if (n && (!mostCited || n > mostCited.citations / copies)) mostCited = { id: t.id!, file: join(folders[0]!, t.file), citations: n * copies };
  }
  return { folders, bytes, mostCited };
}

interface Server {
  conn: ProtocolConnection;
  logs: string[];
  onLog(f: (m: string) => void): void;
  stop(): Promise<void>;
}

async function startServer(root: string, folders: string[], capabilities: object): Promise<Server> {
  const child = spawn(process.execPath, ['--expose-gc', join(root, 'dist', 'server.js'), '--stdio'], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, CABLE_SERVER_TEST_HOOKS: '1' },
  });
  const conn = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const logs: string[] = [];
  const listeners: ((m: string) => void)[] = [];
  conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.onRequest('window/showMessageRequest', () => null);
  conn.onNotification('window/logMessage', (p: { message: string }) => {
    logs.push(p.message);
    for (const l of listeners) l(p.message);
  });
  conn.listen();
  let stopped: Promise<void> | undefined;
  const workspaceFolders = folders.map((f, i) => ({ uri: pathToFileURL(f).href, name: `f${i}` }));
  await conn.sendRequest('initialize', { processId: process.pid, rootUri: workspaceFolders[0]?.uri ?? null, capabilities, workspaceFolders });
  await conn.sendNotification('initialized', {});
  return {
    conn,
    logs,
    onLog: (f) => listeners.push(f),
    stop() {
      stopped ??= stopNow();
      return stopped;
    },
  };
  async function stopNow(): Promise<void> {
    {
      try {
        await conn.sendRequest('shutdown');
        await conn.sendNotification('exit');
      } catch {
        // gone
      }
      await new Promise<void>((r) => {
        const t = setTimeout(() => {
          child.kill('SIGKILL');
          r();
        }, 5000);
        child.once('exit', () => {
          clearTimeout(t);
          r();
        });
      });
      conn.dispose();
    }
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface Timing<T> {
  /** Round trip, wall clock: what the editor waits, other processes of the machine included. */
  medianMs: number;
  maxMs: number;
  /** CPU time of the server's main thread for the request: its own work, whatever else the machine does. */
  cpuMedianMs: number;
  cpuMaxMs: number;
  result: T;
}

async function timed<T>(conn: ProtocolConnection, f: () => Promise<T>, runs = 5): Promise<Timing<T>> {
  const times: number[] = [];
  const cpus: number[] = [];
  let result!: T;
  for (let i = 0; i < runs; i++) {
    const c0 = (await conn.sendRequest('cable/test/threadCpu')) as number;
    const t0 = performance.now();
    result = await f();
    times.push(performance.now() - t0);
    cpus.push(((await conn.sendRequest('cable/test/threadCpu')) as number) - c0);
  }
  return { medianMs: median(times), maxMs: Math.max(...times), cpuMedianMs: median(cpus), cpuMaxMs: Math.max(...cpus), result };
}

export interface ArchiveResult {
  cables: number;
  gigabytes: number;
  generateMs: number;
  indexMs: number;
  indexed: number;
  probes: number;
  longestWaitMs: number;
  /** The longest turn of the server's event loop charged with its main thread's CPU time, and the longest in wall-clock time. */
  longestStallMs: number;
  longestGapMs: number;
  p99WaitMs: number;
  heapMB: number;
  rssMB: number;
  referencesMs: { medianMs: number; maxMs: number; cpuMedianMs: number; cpuMaxMs: number; count: number; id: string };
  queries: { query: string; medianMs: number; maxMs: number; cpuMedianMs: number; cpuMaxMs: number; results: number }[];
  roundTripMs: number;
  /** The Cables view's and the timeline's requests (bench/archiveView.ts). */
  archiveView: ArchiveViewTiming[];
  diagnostics?: { cables: number; ms: number; problems: number; megabytes: number; heapMB: number };
}

/** A small cable whose REF item names the most cited cable: the hover probe's target. */
function probeCable(citedId: string): { text: string; line: number; character: number } {
  const m = /^(\d\d)([A-Z]+)(\d+)$/.exec(citedId);
  const ref = m ? `${m[2]} ${m[3]}` : 'STATE 1';
  const text = ['UNCLAS PROBE 000001', '', 'E.O. 12958: N/A', 'TAGS: PREL', 'SUBJECT: PROBE', '', `REF: A. ${m?.[1] ?? '09'} ${ref}`, '', '1. Probe.', ''].join('\n');
  return { text, line: 6, character: 12 };
}

export async function benchArchive(root: string, corpus: string, count: number, say: (s: string) => void, keep = false): Promise<ArchiveResult> {
  const dir = mkdtempSync(join(tmpdir(), 'cable-bench-archive-'));
  try {
    say(`generating ${count} cables in ${dir}…`);
    const g0 = performance.now();
    const gen = generateArchive(corpus, dir, count);
    const generateMs = performance.now() - g0;
    const cited = gen.mostCited ?? { id: '09STATE71326', file: '', citations: 0 };

    say('indexing…');
    const capabilities = {
      workspace: { configuration: true, workspaceFolders: true, symbol: {} },
      textDocument: { hover: { contentFormat: ['markdown'] }, references: {}, publishDiagnostics: {} },
      window: { workDoneProgress: true },
    };
    const s = await startServer(root, [dir], capabilities);
    try {
      const t0 = performance.now();
      const indexed = new Promise<number>((resolveIndexed) =>
        s.onLog((m) => {
          const hit = /cable index: (\d+) cables in .* indexed in/.exec(m);
          if (hit) resolveIndexed(Number(hit[1]));
        }),
      );
      await s.conn.sendRequest('cable/test/stallWatch', { start: true });
      const probe = probeCable(cited.id);
      const probeUri = 'untitled:probe.cable';
      await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: probeUri, languageId: 'cable', version: 1, text: probe.text } });
      const waits: number[] = [];
      let indexing = true;
      void indexed.then(() => (indexing = false));
      while (indexing) {
        const p0 = performance.now();
        await s.conn.sendRequest('textDocument/hover', { textDocument: { uri: probeUri }, position: { line: probe.line, character: probe.character } });
        waits.push(performance.now() - p0);
        await new Promise((r) => setTimeout(r, 25));
      }
      const indexMs = performance.now() - t0;
      const count2 = await indexed;
      const stall = (await s.conn.sendRequest('cable/test/stallWatch', {})) as { maxStallMs: number; maxGapMs: number; turns: number };
      waits.sort((a, b) => a - b);

      const heap = (await s.conn.sendRequest('cable/test/heapStats')) as { heapUsed: number; rss: number };

      const roundTrip = await timed(s.conn, () => s.conn.sendRequest('textDocument/hover', { textDocument: { uri: probeUri }, position: { line: 0, character: 0 } }), 9);
      const queries: ArchiveResult['queries'] = [];
      for (const query of ['#PTER', '#PREL', '@PARIS 2009', '!S !NOFORN', '#KNNP @STATE 2009-07', 'nuclear']) {
        const r = await timed(s.conn, () => s.conn.sendRequest('workspace/symbol', { query }) as Promise<unknown[]>);
        queries.push({ query, medianMs: r.medianMs, maxMs: r.maxMs, cpuMedianMs: r.cpuMedianMs, cpuMaxMs: r.cpuMaxMs, results: r.result.length });
      }
      say('archive view requests…');
      const archiveView = await benchArchiveView(s.conn);
      let referencesMs: ArchiveResult['referencesMs'] = { medianMs: NaN, maxMs: NaN, cpuMedianMs: NaN, cpuMaxMs: NaN, count: 0, id: cited.id };
      if (cited.file && existsSync(cited.file)) {
        const uri = pathToFileURL(cited.file).href;
        const text = readFileSync(cited.file, 'utf8');
        await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'cable', version: 1, text } });
        const banner = parseCable(text).banner?.range.start ?? { line: 0, character: 0 };
        const r = await timed(s.conn, () => s.conn.sendRequest('textDocument/references', { textDocument: { uri }, position: banner, context: { includeDeclaration: false } }) as Promise<unknown[]>);
        referencesMs = { medianMs: r.medianMs, maxMs: r.maxMs, cpuMedianMs: r.cpuMedianMs, cpuMaxMs: r.cpuMaxMs, count: r.result.length, id: cited.id };
      }
      const result: ArchiveResult = {
        cables: count,
        gigabytes: gen.bytes / 1e9,
        generateMs,
        indexMs,
        indexed: count2,
        probes: waits.length,
        longestWaitMs: waits.at(-1) ?? NaN,
        longestStallMs: stall.maxStallMs,
        longestGapMs: stall.maxGapMs,
        p99WaitMs: waits[Math.floor(waits.length * 0.99)] ?? NaN,
        heapMB: heap.heapUsed / 1e6,
        rssMB: heap.rss / 1e6,
        referencesMs,
        queries,
        roundTripMs: roundTrip.medianMs,
        archiveView,
      };
      await s.stop();
      result.diagnostics = await benchWorkspaceDiagnostics(root, gen.folders, say);
      return result;
    } finally {
      await s.stop();
    }
  } finally {
    if (!keep) {
      say(`removing ${dir}…`);
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

/** Workspace diagnostics over the first copies, up to the automatic limit: how long, how much. */
async function benchWorkspaceDiagnostics(root: string, folders: string[], say: (s: string) => void): Promise<ArchiveResult['diagnostics']> {
  const { AUTOMATIC_CHECK_LIMIT } = await import('../server/src/workspace/workspaceDiagnostics.ts');
  const perFolder = readdirSync(folders[0]!).length;
  const chosen = folders.slice(0, Math.max(1, Math.floor(AUTOMATIC_CHECK_LIMIT / perFolder)));
  const cables = chosen.reduce((n, f) => n + readdirSync(f).length, 0);
  say(`workspace diagnostics over ${cables} cables…`);
  const s = await startServer(root, chosen, {
    workspace: { configuration: true, workspaceFolders: true },
    textDocument: { diagnostic: {}, publishDiagnostics: {} },
    window: { workDoneProgress: true },
  });
  try {
    const t0 = performance.now();
    const token = 'bench';
    const seen = new Set<string>();
    let problems = 0;
    let bytes = 0;
    let wake: (() => void) | undefined;
    s.conn.onProgress(WorkspaceDiagnosticRequest.partialResult, token, (r) => {
      bytes += JSON.stringify(r).length;
      for (const item of r.items) {
        seen.add(item.uri);
        if (item.kind === 'full') problems += item.items.length;
      }
      if (seen.size >= cables) wake?.();
    });
    const cancel = new CancellationTokenSource();
    const done = s.conn.sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds: [], partialResultToken: token }, cancel.token);
    await new Promise<void>((r) => (wake = r));
    const ms = performance.now() - t0;
    cancel.cancel();
    await done.catch(() => undefined);
    const heap = (await s.conn.sendRequest('cable/test/heapStats')) as { heapUsed: number };
    return { cables, ms, problems, megabytes: bytes / 1e6, heapMB: heap.heapUsed / 1e6 };
  } finally {
    await s.stop();
  }
}

function printResult(r: ArchiveResult): void {
  const f = (n: number) => n.toFixed(1);
  const lines = [
    `archive: ${r.cables} cables, ${f(r.gigabytes)} GB, generated in ${f(r.generateMs / 1000)} s`,
    `background indexing: ${r.indexed} cables in ${f(r.indexMs / 1000)} s (target ≤ 180 s)`,
    `longest stall of the server's event loop by its own work during indexing: ${f(r.longestStallMs)} ms (target ≤ 50 ms); longest wall-clock gap ${f(r.longestGapMs)} ms`,
    `hover round trips during indexing: longest ${f(r.longestWaitMs)} ms, 99th percentile ${f(r.p99WaitMs)} ms over ${r.probes} probes (wall clock: includes other processes)`,
    `server heap after indexing: ${r.heapMB.toFixed(0)} MB (rss ${r.rssMB.toFixed(0)} MB) (target ≤ 500 MB)`,
    `round trip of a trivial request: ${f(r.roundTripMs)} ms`,
    `references on the banner of ${r.referencesMs.id}: ${r.referencesMs.count} locations; server CPU median ${f(r.referencesMs.cpuMedianMs)} ms, longest ${f(r.referencesMs.cpuMaxMs)} ms (target ≤ 100 ms); round trip median ${f(r.referencesMs.medianMs)} ms, longest ${f(r.referencesMs.maxMs)} ms`,
    ...r.queries.map(
      (q) => `workspace symbols '${q.query}': ${q.results} results; server CPU median ${f(q.cpuMedianMs)} ms, longest ${f(q.cpuMaxMs)} ms; round trip median ${f(q.medianMs)} ms, longest ${f(q.maxMs)} ms`,
    ),
  ];
  lines.push(...archiveViewLines(r.archiveView));
  if (r.diagnostics) {
    const d = r.diagnostics;
    lines.push(`workspace diagnostics: ${d.cables} cables reported in ${f(d.ms / 1000)} s, ${d.problems} problems, ${f(d.megabytes)} MB sent, heap ${d.heapMB.toFixed(0)} MB`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const root = join(__dirname, '..');
  const corpus = resolve(args.find((a) => !a.startsWith('--')) ?? join(root, '..', 'shared', 'corpus'));
  const count = Number(/^--count=(\d+)$/.exec(args.find((a) => a.startsWith('--count=')) ?? '')?.[1] ?? 250_000);
  benchArchive(root, corpus, count, (s) => process.stderr.write(`bench: ${s}\n`), args.includes('--keep'))
    .then(printResult)
    .catch((e: unknown) => {
      process.stderr.write(`bench: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 1;
    });
}
