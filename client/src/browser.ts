/**
 * Web client (vscode.dev, github.dev): starts the same language server as the Node client, bundled for
 * a Web Worker (dist/web/server.js), and answers the server's requests for workspace files, since the
 * worker has no file system of its own.
 */
import * as vscode from 'vscode';
import { LanguageClient, BrowserMessageReader, BrowserMessageWriter, type MessageTransports } from 'vscode-languageclient/browser';
import { createClientOptions, createClientUi, wireClient } from './common.ts';
import { registerPreview } from './preview/preview.ts';
import { sourceOf } from './archive/clientSource.ts';
import { registerWorkspaceFiles } from './workspaceFiles.ts';
import { activateCable, type CableClient } from './activate.ts';

let stop: (() => Promise<void>) | undefined;
let worker: Worker | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  stop = await activateCable(context, (output) => startLanguageClient(context, output));
}

/** Started with the first cable (activate.ts); in the browser it is one bundle with the rest. */
async function startLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): Promise<CableClient> {
  const ui = createClientUi(context, output);
  const serverMain = vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js');

  // A function, not a Worker, so that every (re)start gets a fresh worker; the old one is ended
  // because a stopped browser server cannot end itself the way a Node process exits. It returns the
  // transports rather than the worker: VS Code's extension host replaces the global `Worker`, so the
  // client's `instanceof Worker` test fails for the workers it makes.
  const startWorker = async (): Promise<MessageTransports> => {
    worker?.terminate();
    worker = await createWorker(serverMain);
    return { reader: new BrowserMessageReader(worker), writer: new BrowserMessageWriter(worker) };
  };

  const client = new LanguageClient('cable', 'Cable Language Server', startWorker, createClientOptions(ui));
  const restart = wireClient(context, ui, client, 'in the browser');
  registerWorkspaceFiles(context, client, ui);
  registerPreview(context, client);
  await client.start();
  return { restart, stop: () => client.stop(), archive: sourceOf(client) };
}

/**
 * vscode.dev and github.dev serve extensions over https, and a worker starts from the script's URL.
 * Hosts that serve them from the remote side (code-server, VS Code Server in a browser) give a
 * `vscode-remote:` URI, from which VS Code refuses to start workers; there the script is read through
 * the workspace file system and started from a blob URL instead.
 */
async function createWorker(serverMain: vscode.Uri): Promise<Worker> {
  if (serverMain.scheme === 'https' || serverMain.scheme === 'http') return new Worker(serverMain.toString(true));
  try {
    return new Worker(serverMain.toString(true));
  } catch {
    const bytes = await vscode.workspace.fs.readFile(serverMain);
    return new Worker(URL.createObjectURL(new Blob([new Uint8Array(bytes)], { type: 'text/javascript' })));
  }
}

export async function deactivate(): Promise<void> {
  await stop?.();
  stop = undefined;
  worker?.terminate();
  worker = undefined;
}
