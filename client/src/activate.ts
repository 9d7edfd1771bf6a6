/**
 * Activation, shared by the Node client (extension.ts) and the web client (browser.ts): what works
 * without the language server, and the server started with the first cable.
 *
 * The extension activates for every plain-text file (`onLanguage:plaintext`), to find cables saved as
 * `.txt`. A plain-text file that is no cable must cost nothing noticeable, so activation loads no language
 * client: it registers the commands, the rule pages and the plain-text switch, and the language client
 * (vscode-languageclient and our wiring, most of the extension's code) is loaded and started only when a
 * cable is open. The output channel, too, is made on first use.
 */
import * as vscode from 'vscode';
import { registerDisableRuleCommand } from './disableRule.ts';
import { registerPlainTextDetection } from './detectPlainText.ts';
import { registerRuleDocs } from './ruleDocs.ts';
import { registerArchiveView } from './archive/archiveView.ts';
import { registerTimeline } from './archive/timeline.ts';
import type { ArchiveSource } from './archive/source.ts';

/** What activation needs of a started language client. */
export interface CableClient {
  restart(): Promise<void>;
  stop(): Promise<void>;
  /** The archive view's requests to the server. */
  archive: ArchiveSource;
}

export type StartLanguageClient = (output: vscode.LogOutputChannel) => Promise<CableClient>;

/** The output channel, made when something is first written or shown. */
export function lazyOutput(context: vscode.ExtensionContext): () => vscode.LogOutputChannel {
  let channel: vscode.LogOutputChannel | undefined;
  return () => {
    if (!channel) {
      channel = vscode.window.createOutputChannel('Diplomatic Cables', { log: true });
      context.subscriptions.push(channel);
    }
    return channel;
  };
}

/** Registers what needs no server and starts the server with the first cable; returns the stopper. */
export async function activateCable(context: vscode.ExtensionContext, startLanguageClient: StartLanguageClient): Promise<() => Promise<void>> {
  const output = lazyOutput(context);
  let client: Promise<CableClient> | undefined;
  const start = (): Promise<CableClient> =>
    (client ??= startLanguageClient(output()).then((c) => {
      archive.connect(c.archive);
      return c;
    }));
  // The Cables view and the timeline are there from activation; they wait for the server (and ask for it).
  const startFromView = (): void => {
    start().catch((e: unknown) => output().error(`The cable language server did not start: ${e instanceof Error ? e.message : String(e)}`));
  };
  const archive = registerArchiveView(context, startFromView);
  registerTimeline(context, archive, startFromView);

  context.subscriptions.push(
    vscode.commands.registerCommand('cable.showOutput', () => output().show(true)),
    vscode.commands.registerCommand('cable.restartServer', async () => {
      if (client) return (await client).restart();
      await start();
    }),
  );
  registerDisableRuleCommand(context);
  registerRuleDocs(context, output);
  registerPlainTextDetection(context, output);

  const stop = async (): Promise<void> => {
    if (client) await (await client).stop();
  };
  const isCable = (d: vscode.TextDocument): boolean => d.languageId === 'cable';
  if (vscode.workspace.textDocuments.some(isCable)) {
    await start();
    return stop;
  }
  const startSoon = (): void => {
    waiting.dispose();
    start().catch((e: unknown) => output().error(`The cable language server did not start: ${e instanceof Error ? e.message : String(e)}`));
  };
  const waiting = vscode.workspace.onDidOpenTextDocument((d) => {
    if (isCable(d)) startSoon();
  });
  context.subscriptions.push(waiting);
  // A folder of cables wants its problems listed and its cables indexed before any is opened; a folder
  // that only holds plain text (the extension also wakes for .txt files) does not start the server.
  void vscode.workspace.findFiles('**/*.cable', undefined, 1).then(
    (found) => {
      if (found.length > 0 && !client) startSoon();
    },
    () => undefined,
  );
  return stop;
}
