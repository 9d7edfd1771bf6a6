/**
 * `cable.disableRule`: the "Disable rule" quick fix of a cable diagnostic runs it with `[code, uri]`
 * (the server cannot write settings). From the command palette it asks which rule. It sets the rule to
 * `off` in `cable.diagnostics.rules`, in the workspace when one is open, else in the user settings,
 * keeping the other rules' entries.
 */
import * as vscode from 'vscode';
import { ruleCatalogue } from './ruleCatalogue.ts';

function ruleCodes(context: vscode.ExtensionContext): string[] {
  return ruleCatalogue(context).map((r) => r.code);
}

export function registerDisableRuleCommand(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('cable.disableRule', async (code?: unknown, uri?: unknown) => {
      let rule = typeof code === 'string' ? code : undefined;
      if (!rule) {
        rule = await vscode.window.showQuickPick(ruleCodes(context), { placeHolder: 'Rule to turn off' });
        if (!rule) return;
      }
      const scope = typeof uri === 'string' ? vscode.Uri.parse(uri) : vscode.window.activeTextEditor?.document.uri;
      const config = vscode.workspace.getConfiguration('cable', scope);
      const inspected = config.inspect<Record<string, string>>('diagnostics.rules');
      const inWorkspace = !!vscode.workspace.workspaceFolders?.length;
      const target = inWorkspace ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
      const current = (inWorkspace ? inspected?.workspaceValue : inspected?.globalValue) ?? {};
      await config.update('diagnostics.rules', { ...current, [rule]: 'off' }, target);
      void vscode.window.showInformationMessage(`Cable rule '${rule}' is now off in the ${inWorkspace ? 'workspace' : 'user'} settings.`);
    }),
  );
}
