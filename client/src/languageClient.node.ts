/**
 * The Node language client, bundled apart from the extension's entry (dist/languageClient.js, loaded by
 * extension.ts with the first cable): starts the cable language server over Node IPC, restarts it after
 * crashes within a budget, and shows its state in the language status item (common.ts).
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { createClientOptions, createClientUi, wireClient } from './common.ts';
import type { CableClient } from './activate.ts';
import { registerPreview } from './preview/preview.ts';
import { sourceOf } from './archive/clientSource.ts';

export async function startLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): Promise<CableClient> {
  const ui = createClientUi(context, output);
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const client = new LanguageClient('cable', 'Cable Language Server', serverOptions, createClientOptions(ui));
  const restart = wireClient(context, ui, client);
  await client.start();
  registerPreview(context, client);
  return { restart, stop: () => client.stop(), archive: sourceOf(client) };
}
