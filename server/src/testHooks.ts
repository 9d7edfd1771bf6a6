/**
 * Requests that only the robustness tests and `npm run bench` send, installed by main.node.ts when
 * CABLE_SERVER_TEST_HOOKS=1 (never in the extension, which does not set it):
 *   cable/test/heapStats   → process.memoryUsage() after a full GC when `--expose-gc` is on
 *   cable/test/crash       → the process exits with code 70, as a crash would end it
 *   cable/test/throw       → the handler throws: the connection must answer with an error and live on
 *   cable/test/throwLater  → a throw in a timer, outside any handler: logged by the process-level net
 *   cable/test/failParsesAtLine { line } → every parse fails at that line (null: none), as a parser bug would
 *   cable/test/threadCpu   → CPU time of the server's main thread so far, in ms (Linux: exact; else the process's)
 *   cable/test/stallWatch  → {start: true} starts watching the event loop; {} stops and returns the
 *                            longest stall by the server's own work (main-thread CPU) and the longest gap
 * and a parser that fails on demand: a text that starts with PARSER_CRASH_MARK is read as the parser reads it
 * after an internal error (what it had, plus its failure report), for the model cache's log line.
 */
import { readFileSync } from 'node:fs';
import type { Connection } from 'vscode-languageserver';
import { failParsesAtLine, parseCable, type ParseOptions } from './service/parse.ts';
import type { CableDocument } from './service/model.ts';
import { PARSER_FAILURE } from './modelCache.ts';
import type { ServerHost } from './server.ts';

export const PARSER_CRASH_MARK = 'CABLE-TEST-PARSER-CRASH';

function parseFailingOnDemand(text: string, options?: ParseOptions): CableDocument {
  const model = parseCable(text, options);
  // startsWith, not includes: the benchmark runs with the hooks on, and must not pay a scan per parse.
  if (text.startsWith(PARSER_CRASH_MARK)) {
    const at = { line: 0, character: 0 };
    model.problems.push({ range: { start: at, end: at }, code: PARSER_FAILURE, message: 'Internal parser error: cable/test: the parser failed on purpose' });
  }
  return model;
}

/** Installs the requests; returns what the hooks add to the server's host. */
export function installTestHooks(connection: Connection): Partial<ServerHost> {
  connection.onRequest('cable/test/heapStats', () => {
    const gc = (globalThis as { gc?: () => void }).gc;
    if (gc) {
      gc();
      gc();
    }
    return { ...process.memoryUsage(), gcExposed: !!gc };
  });
  connection.onNotification('cable/test/crash', () => process.exit(70));
  connection.onRequest('cable/test/throw', () => {
    throw new Error('cable/test/throw: a handler failed on purpose');
  });
  installStallWatch(connection);
  connection.onRequest('cable/test/threadCpu', () => threadCpuMs());
  connection.onRequest('cable/test/throwLater', () => {
    setTimeout(() => {
      throw new Error('cable/test/throwLater: a timer failed on purpose');
    }, 0);
    return null;
  });
  connection.onRequest('cable/test/failParsesAtLine', (params: { line: number | null }) => {
    failParsesAtLine(params.line ?? undefined);
    return null;
  });
  return { parse: parseFailingOnDemand };
}

/**
 * CPU time of the calling thread in ms: Linux's schedstat (nanoseconds on the CPU), else the process's
 * CPU time (all threads, so an upper bound). The main thread's own time tells a stall of the event loop
 * by our work apart from one by other processes of a shared machine.
 */
function threadCpuMs(): number {
  try {
    return Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;
  } catch {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  }
}

/**
 * Watches the event loop with a 2 ms timer: each gap between two turns is charged with the main thread's
 * CPU time during it, and the longest is the longest a request could have waited on the server's own work.
 */
function installStallWatch(connection: Connection): void {
  let running = false;
  let maxStallMs = 0;
  let maxGapMs = 0;
  let turns = 0;
  let lastWall = 0;
  let lastCpu = 0;
  const tick = () => {
    if (!running) return;
    const wall = performance.now();
    const cpu = threadCpuMs();
    maxGapMs = Math.max(maxGapMs, wall - lastWall);
    maxStallMs = Math.max(maxStallMs, Math.min(wall - lastWall, cpu - lastCpu));
    lastWall = wall;
    lastCpu = cpu;
    turns++;
    setTimeout(tick, 2);
  };
  connection.onRequest('cable/test/stallWatch', (p: { start?: boolean }) => {
    const result = { maxStallMs, maxGapMs, turns };
    if (p?.start) {
      running = true;
      maxStallMs = maxGapMs = turns = 0;
      lastWall = performance.now();
      lastCpu = threadCpuMs();
      setTimeout(tick, 2);
    } else running = false;
    return result;
  });
}
