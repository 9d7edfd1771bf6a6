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
// Workspace files are read through the editor (cable/findFiles, cable/readFile), as there is no disk here.
startServer(connection, { fileSystem: clientFileSystem(connection) });
