/**
 * VS Code client: starts the cable language server over Node IPC, restarts it after crashes within a
 * budget, and shows the server's state in a language status item. The status item, output channel,
 * crash policy and commands are shared with the web client (browser.ts) through common.ts.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { createClientOptions, createClientUi, wireClient } from './common.ts';
import { registerPreview } from './preview/preview.ts';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const ui = createClientUi(context);

  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };

  client = new LanguageClient('cable', 'Cable Language Server', serverOptions, createClientOptions(ui));
  wireClient(context, ui, client);
  registerPreview(context, client);

  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
