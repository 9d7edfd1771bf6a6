/**
 * The language client's side that the Node client (languageClient.node.ts) and the web client
 * (browser.ts) share: the language status item, the crash policy, the client options (with the links
 * from rule codes to their pages) and the status wiring. Imports only the host-neutral part of
 * vscode-languageclient, so it bundles into both. Loaded with the first cable (see activate.ts).
 */
import * as vscode from 'vscode';
import {
  State,
  CloseAction,
  ErrorAction,
  type BaseLanguageClient,
  type LanguageClientOptions,
  type ErrorHandler,
  type Message,
  type ErrorHandlerResult,
  type CloseHandlerResult,
} from 'vscode-languageclient';
import { RestartPolicy } from './restartPolicy.ts';
import { ruleCatalogue } from './ruleCatalogue.ts';
import { ruleDocsMiddleware } from './ruleDocs.ts';
import { CABLE_STATUS, type CableStatusParams } from '../../server/src/statusNotification.ts';

export interface ClientUi {
  output: vscode.LogOutputChannel;
  status: vscode.LanguageStatusItem;
  policy: RestartPolicy;
  /** What this host cannot do (list workspace files, on some web hosts); shown with the running state. */
  limits?: string;
  /** The rule codes that have a documentation page (every code of the catalogue). */
  ruleCodes: ReadonlySet<string>;
}

export function createClientUi(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): ClientUi {
  const status = vscode.languages.createLanguageStatusItem('cable.server', { language: 'cable' });
  status.name = 'Cable Language Server';
  status.text = '$(sync~spin) Cable: starting';
  status.command = { title: 'Show Output', command: 'cable.showOutput' };
  context.subscriptions.push(status);

  const ruleCodes = new Set(ruleCatalogue(context).map((r) => r.code));
  return { output, status, policy: new RestartPolicy(5, 3 * 60 * 1000), ruleCodes };
}

/**
 * The default handler gives up after 4 crashes in 3 minutes with a modal; ours says what happened in
 * the status item and the output channel, and lets the user restart by command.
 */
export function createErrorHandler(ui: ClientUi): ErrorHandler {
  const { output, status, policy } = ui;
  return {
    error(_error: Error, _message: Message | undefined, count: number | undefined): ErrorHandlerResult {
      return { action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown, handled: true };
    },
    closed(): CloseHandlerResult {
      if (policy.shouldRestart(Date.now())) {
        output.warn('The cable language server stopped unexpectedly; restarting it.');
        return { action: CloseAction.Restart, handled: true };
      }
      const msg = `The cable language server crashed ${policy.limit} times in ${policy.windowMs / 60000} minutes and will not be restarted. Run "Cable: Restart Language Server" to try again.`;
      output.error(msg);
      status.severity = vscode.LanguageStatusSeverity.Error;
      status.text = '$(error) Cable: stopped';
      status.detail = 'crashed repeatedly';
      void vscode.window.showErrorMessage(msg, 'Show Output').then((choice) => {
        if (choice) output.show(true);
      });
      return { action: CloseAction.DoNotRestart, handled: true };
    },
  };
}

export function createClientOptions(ui: ClientUi): LanguageClientOptions {
  return {
    documentSelector: [{ language: 'cable' }],
    outputChannel: ui.output,
    errorHandler: createErrorHandler(ui),
    synchronize: { configurationSection: 'cable' },
    middleware: ruleDocsMiddleware(ui.ruleCodes),
  };
}

/**
 * Mirrors the client's state in the status item, and returns what the restart command does (activate.ts
 * registers it): the crash budget given back, then a restart. The browser client has no `restart()`;
 * stopping and starting it again gives it a fresh worker (see browser.ts).
 */
export function wireClient(context: vscode.ExtensionContext, ui: ClientUi, client: BaseLanguageClient & { restart?(): Promise<void> }, hostNote?: string): () => Promise<void> {
  const { status, policy, output } = ui;
  // Documents the server reported over cable.maxFileSize, with what degrades for them.
  const large = new Map<string, string>();
  // Documents that hold several cables one after another, with how many.
  const cables = new Map<string, number>();
  const showRunning = () => {
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    const limited = uri ? large.get(uri) : undefined;
    const count = uri ? cables.get(uri) : undefined;
    const several = count ? `${count} cables` : undefined;
    if (limited) {
      status.severity = vscode.LanguageStatusSeverity.Warning;
      status.text = `$(warning) Cable: large file${several ? `, ${several}` : ''}`;
      status.detail = limited;
    } else {
      status.severity = vscode.LanguageStatusSeverity.Information;
      status.text = several ? `$(check) Cable: ${several}` : '$(check) Cable';
      status.detail = hostNote ? `language server running (${hostNote})` : 'language server running';
      if (several) status.detail = `this file holds ${several}, each checked and outlined on its own; ${status.detail}`;
      if (ui.limits) status.detail += `; ${ui.limits}`;
    }
  };
  context.subscriptions.push(
    client.onNotification(CABLE_STATUS, (p: CableStatusParams) => {
      if (p.large) {
        const message = p.message ?? 'Larger than cable.maxFileSize: some rules are skipped.';
        large.set(p.uri, message);
        output.warn(`${p.uri}: ${message}`);
      } else large.delete(p.uri);
      if (p.cables !== undefined && p.cables > 1) cables.set(p.uri, p.cables);
      else cables.delete(p.uri);
      if (client.isRunning()) showRunning();
    }),
    vscode.window.onDidChangeActiveTextEditor(() => {
      if (client.isRunning()) showRunning();
    }),
  );
  context.subscriptions.push(
    client.onDidChangeState((e) => {
      if (e.newState === State.Running) {
        showRunning();
      } else if (e.newState === State.Starting) {
        // A new server process reports afresh as it lints the open documents.
        large.clear();
        cables.clear();
        status.text = '$(sync~spin) Cable: starting';
        status.detail = undefined;
      }
    }),
  );
  return async () => {
    policy.reset();
    if (client.restart) return client.restart();
    if (client.isRunning()) await client.stop();
    await client.start();
  };
}
