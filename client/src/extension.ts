/**
 * VS Code client: starts the cable language server over Node IPC, restarts it after crashes within a
 * budget, and shows the server's state in a language status item.
 */
import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  State,
  CloseAction,
  ErrorAction,
  type LanguageClientOptions,
  type ServerOptions,
  type ErrorHandler,
  type Message,
  type ErrorHandlerResult,
  type CloseHandlerResult,
} from 'vscode-languageclient/node';
import { RestartPolicy } from './restartPolicy.ts';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Diplomatic Cables', { log: true });
  context.subscriptions.push(output);

  const status = vscode.languages.createLanguageStatusItem('cable.server', { language: 'cable' });
  status.name = 'Cable Language Server';
  status.text = '$(sync~spin) Cable: starting';
  status.command = { title: 'Show Output', command: 'cable.showOutput' };
  context.subscriptions.push(status);

  context.subscriptions.push(vscode.commands.registerCommand('cable.showOutput', () => output.show(true)));

  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };

  // The default handler gives up after 4 crashes in 3 minutes with a modal; ours says what happened in
  // the status item and the output channel, and lets the user restart by command.
  const policy = new RestartPolicy(5, 3 * 60 * 1000);
  const errorHandler: ErrorHandler = {
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

  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'cable' }],
    outputChannel: output,
    errorHandler,
    synchronize: { configurationSection: 'cable' },
  };

  client = new LanguageClient('cable', 'Cable Language Server', serverOptions, clientOptions);
  context.subscriptions.push(
    client.onDidChangeState((e) => {
      if (e.newState === State.Running) {
        status.severity = vscode.LanguageStatusSeverity.Information;
        status.text = '$(check) Cable';
        status.detail = 'language server running';
      } else if (e.newState === State.Starting) {
        status.text = '$(sync~spin) Cable: starting';
        status.detail = undefined;
      }
    }),
  );

  context.subscriptions.push(
    vscode.commands.registerCommand('cable.restartServer', async () => {
      policy.reset();
      await client?.restart();
    }),
  );

  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
