/**
 * Requests that only the robustness tests and `npm run bench` send, installed by main.node.ts when
 * CABLE_SERVER_TEST_HOOKS=1 (never in the extension, which does not set it):
 *   cable/test/heapStats   → process.memoryUsage() after a full GC when `--expose-gc` is on
 *   cable/test/crash       → the process exits with code 70, as a crash would end it
 *   cable/test/throw       → the handler throws: the connection must answer with an error and live on
 *   cable/test/throwLater  → a throw in a timer, outside any handler: logged by the process-level net
 *   cable/test/failParsesAtLine { line } → every parse fails at that line (null: none), as a parser bug would
 */
import type { Connection } from 'vscode-languageserver';
import { failParsesAtLine } from './service/parse.ts';

export function installTestHooks(connection: Connection): void {
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
}
