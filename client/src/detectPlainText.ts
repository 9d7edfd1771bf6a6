/**
 * Cables saved as `.txt`: VS Code gives a `.txt` file the Plain Text language before it looks at the first
 * line, so the `firstLine` pattern in package.json never gets a say. The extension therefore activates for
 * plain text (`onLanguage:plaintext`) and, when a plain-text document is shown in an editor, tests its
 * head (plainTextDecision.ts) and switches it to Diplomatic Cable, asks first, or leaves it alone, as
 * `cable.detect.plainText` says. Nothing here starts the language server: it starts with the first cable
 * (activate.ts).
 *
 * Documents are judged when they become visible rather than when they open, because other extensions open
 * documents to read them, and changing the language of a document under them would close it.
 */
import * as vscode from 'vscode';
import { decidePlainText, describeSign, HEAD_CHARS } from './plainTextDecision.ts';

/** Workspace state key: URIs the user answered "Never for this file" for. */
const NEVER_KEY = 'cable.detect.plainText.never';

const OPEN = 'Open as Diplomatic Cable';
const ALWAYS = 'Always';
const NEVER = 'Never for this file';

export function registerPlainTextDetection(context: vscode.ExtensionContext, output: () => vscode.LogOutputChannel): void {
  // Documents already judged, by object: a document keeps its object until it closes, and changing its
  // language closes it, so a user who sets a switched file back to Plain Text is not overruled.
  const judged = new WeakSet<vscode.TextDocument>();
  // Judged URIs of this session, for the same file reopened as Plain Text after a switch.
  const decided = new Set<string>();

  const never = (): string[] => context.workspaceState.get<string[]>(NEVER_KEY, []);

  const consider = (doc: vscode.TextDocument): void => {
    if (judged.has(doc)) return;
    judged.add(doc);
    const key = doc.uri.toString();
    const decision = decidePlainText({
      languageId: doc.languageId,
      scheme: doc.uri.scheme,
      setting: vscode.workspace.getConfiguration('cable.detect', doc.uri).get('plainText'),
      neverForThisFile: never().includes(key),
      decidedBefore: decided.has(key),
      head: () => doc.getText(new vscode.Range(new vscode.Position(0, 0), doc.positionAt(HEAD_CHARS))),
    });
    if (decision.action === 'leave') return;
    decided.add(key);
    const why = describeSign(decision.sign);
    if (decision.action === 'switch') {
      void switchToCable(doc, output, why);
      return;
    }
    void ask(context, doc, output, why);
  };

  const considerVisible = (editors: readonly vscode.TextEditor[]): void => {
    for (const e of editors) if (e.document.languageId === 'plaintext') consider(e.document);
  };
  considerVisible(vscode.window.visibleTextEditors);
  context.subscriptions.push(vscode.window.onDidChangeVisibleTextEditors(considerVisible));
}

async function switchToCable(doc: vscode.TextDocument, output: () => vscode.LogOutputChannel, why: string): Promise<void> {
  try {
    await vscode.languages.setTextDocumentLanguage(doc, 'cable');
    output().info(`${doc.uri.toString(true)}: opened as a Diplomatic Cable, because ${why} (setting cable.detect.plainText).`);
  } catch (e) {
    // The document closed meanwhile, or another extension changed its language first.
    output().warn(`${doc.uri.toString(true)}: could not open it as a Diplomatic Cable: ${e instanceof Error ? e.message : String(e)}`);
  }
}

async function ask(context: vscode.ExtensionContext, doc: vscode.TextDocument, output: () => vscode.LogOutputChannel, why: string): Promise<void> {
  const name = doc.uri.path.slice(doc.uri.path.lastIndexOf('/') + 1) || doc.uri.toString(true);
  const choice = await vscode.window.showInformationMessage(`${name} looks like a diplomatic cable: ${why}.`, OPEN, ALWAYS, NEVER);
  if (doc.isClosed) return;
  if (choice === OPEN) {
    await switchToCable(doc, output, why);
  } else if (choice === ALWAYS) {
    await setAuto(doc.uri);
    await switchToCable(doc, output, why);
  } else if (choice === NEVER) {
    const list = context.workspaceState.get<string[]>(NEVER_KEY, []);
    await context.workspaceState.update(NEVER_KEY, [...list, doc.uri.toString()]);
  }
}

/** "Always": `auto` where `ask` was set (folder, workspace or user settings), so that it takes effect. */
async function setAuto(uri: vscode.Uri): Promise<void> {
  const config = vscode.workspace.getConfiguration('cable.detect', uri);
  const where = config.inspect('plainText');
  const target =
    where?.workspaceFolderValue !== undefined
      ? vscode.ConfigurationTarget.WorkspaceFolder
      : where?.workspaceValue !== undefined
        ? vscode.ConfigurationTarget.Workspace
        : vscode.ConfigurationTarget.Global;
  await config.update('plainText', 'auto', target);
}
