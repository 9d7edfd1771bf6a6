/**
 * Browser entry point of the language server: runs inside a Web Worker started by the web client
 * (client/src/browser.ts) on vscode.dev / github.dev, and talks LSP over the worker's postMessage.
 * It starts the same server.ts as the Node entry; nothing here may reach for Node APIs, and
 * scripts/check-browser-bundles.mjs fails the build if any end up in dist/web/server.js.
 */
import { createConnection, BrowserMessageReader, BrowserMessageWriter } from 'vscode-languageserver/browser';
import { startServer } from './server.ts';
import { clientFileSystem } from './workspace/clientFileSystem.ts';

declare const self: DedicatedWorkerGlobalScope;

const connection = createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self));
// The net under a bug that escapes a handler (a throw in a timer, a promise nobody awaited), as in the
// Node entry: logged to the client's output channel, and the worker keeps serving. Unlike the Node
// entry, a reader error does not end the worker: postMessage carries whole messages, so nothing can
// lose the frame boundaries, and BrowserMessageReader's "errors" are these same uncaught exceptions.
// (A worker that closed itself would not be restarted: the web client sees no exit.)
self.addEventListener('error', (e: ErrorEvent) => {
  connection.console.error(`uncaught exception: ${e.error instanceof Error ? (e.error.stack ?? e.error.message) : e.message}`);
  e.preventDefault();
});
self.addEventListener('unhandledrejection', (e: PromiseRejectionEvent) => {
  const err: unknown = e.reason;
  connection.console.error(`unhandled rejection: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  e.preventDefault();
});
// Workspace files are read through the editor (cable/findFiles, cable/readFile), as there is no disk here.
startServer(connection, { fileSystem: clientFileSystem(connection) });
