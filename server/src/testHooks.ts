/**
 * Requests that only the robustness tests and `npm run bench` send, installed by main.node.ts when
 * CABLE_SERVER_TEST_HOOKS=1 (never in the extension, which does not set it):
 *   cable/test/heapStats   → process.memoryUsage() after a full GC when `--expose-gc` is on
 *   cable/test/crash       → the process exits with code 70, as a crash would end it
 *   cable/test/throw       → the handler throws: the connection must answer with an error and live on
 *   cable/test/throwLater  → a throw in a timer, outside any handler: logged by the process-level net
 *   cable/test/failParsesAtLine { line } → every parse fails at that line (null: none), as a parser bug would
 * and a parser that fails on demand: a text that starts with PARSER_CRASH_MARK is read as the parser reads it
 * after an internal error (what it had, plus its failure report), for the model cache's log line.
 */
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
