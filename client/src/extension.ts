/**
 * VS Code client (Node extension host). Activation stays small (activate.ts): the rule pages, the
 * plain-text switch and the commands. The language client, most of the extension's code, is a bundle of
 * its own (dist/languageClient.js, from languageClient.node.ts) that is loaded only when a cable is open,
 * so that the plain-text files for which the extension also activates cost no more than a glance at
 * their first lines. The web client (browser.ts) shares all of this but the transport.
 */
import type * as vscode from 'vscode';
import { activateCable } from './activate.ts';

type LanguageClientModule = typeof import('./languageClient.node.ts');

let stop: (() => Promise<void>) | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  stop = await activateCable(context, (output) => {
    // A path esbuild leaves alone (external in scripts/build.mjs): resolved beside dist/client.js.
    const lsp = require('./languageClient.js') as LanguageClientModule;
    return lsp.startLanguageClient(context, output);
  });
}

export async function deactivate(): Promise<void> {
  await stop?.();
  stop = undefined;
}
