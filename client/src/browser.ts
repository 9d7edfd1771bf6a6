/**
 * Web client (vscode.dev, github.dev): starts the same language server as the Node client, bundled for
 * a Web Worker (dist/web/server.js), and answers the server's requests for workspace files, since the
 * worker has no file system of its own.
 */
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { createClientOptions, createClientUi, wireClient } from './common.ts';
import { registerWorkspaceFiles } from './workspaceFiles.ts';

let client: LanguageClient | undefined;
let worker: Worker | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const ui = createClientUi(context);
  const serverMain = vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js');

  // A function, not a Worker, so that every (re)start gets a fresh worker; the old one is ended
  // because a stopped browser server cannot end itself the way a Node process exits.
  const startWorker = async (): Promise<Worker> => {
    worker?.terminate();
    worker = new Worker(serverMain.toString(true));
    return worker;
  };

  client = new LanguageClient('cable', 'Cable Language Server', startWorker, createClientOptions(ui));
  wireClient(context, ui, client, 'in the browser');
  registerWorkspaceFiles(context, client, ui);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
  worker?.terminate();
  worker = undefined;
}
