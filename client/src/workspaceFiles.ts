/**
 * Answers the server's `cable/findFiles` and `cable/readFile` requests through the editor's own file
 * system API, which works wherever the workspace lives (github.dev's virtual repository, a local folder
 * opened in vscode.dev, a remote). When the host cannot list files, the server hears `listed: false`
 * and the user is told once, in the output channel and the status item.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import {
  FIND_FILES,
  READ_FILE,
  type FindFilesParams,
  type FindFilesResult,
  type ReadFileParams,
  type ReadFileResult,
} from '../../server/src/fileRequests.ts';
import type { ClientUi } from './common.ts';

/** Files larger than this are not cables; sending them whole would only stall the worker. */
const MAX_FILE_BYTES = 4 * 1024 * 1024;

/** Whether one of `signs` occurs twice in `text` (the server's sign that a file may hold several cables). */
function twice(text: string, signs: readonly string[]): boolean {
  return signs.some((sign) => {
    const first = text.indexOf(sign);
    return first >= 0 && text.indexOf(sign, first + sign.length) >= 0;
  });
}

export function registerWorkspaceFiles(context: vscode.ExtensionContext, client: BaseLanguageClient, ui: ClientUi): void {
  let warned = false;
  const degrade = (reason: string): FindFilesResult => {
    if (!warned) {
      warned = true;
      ui.output.warn(`Workspace-wide features (links to other cables, workspace symbols) are off: ${reason}`);
      ui.limits = 'open cables only: this host cannot list the workspace';
      ui.status.detail = `${ui.status.detail ?? 'language server running'}; ${ui.limits}`;
    }
    return { listed: false, uris: [], reason };
  };

  context.subscriptions.push(
    client.onRequest(FIND_FILES, async (params: FindFilesParams): Promise<FindFilesResult> => {
      if (!vscode.workspace.workspaceFolders?.length) return degrade('no folder is open.');
      try {
        const found = await vscode.workspace.findFiles(params.include, params.exclude ?? null, params.maxResults);
        return { listed: true, uris: found.map((u) => u.toString()) };
      } catch (e) {
        return degrade(`this host cannot search files (${e instanceof Error ? e.message : String(e)}).`);
      }
    }),
    client.onRequest(READ_FILE, async (params: ReadFileParams): Promise<ReadFileResult> => {
      try {
        const uri = vscode.Uri.parse(params.uri, true);
        const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === params.uri);
        const head = (text: string) => {
          const max = params.wholeIf && twice(text, params.wholeIf.signs) ? params.wholeIf.maxChars : params.maxChars;
          return max !== undefined && text.length > max ? text.slice(0, max) : text;
        };
        if (open) return { text: head(open.getText()) };
        const stat = await vscode.workspace.fs.stat(uri);
        // A head of a large file is still worth one read; the whole of it is not.
        if (stat.size > MAX_FILE_BYTES && params.maxChars === undefined) return { error: `larger than ${MAX_FILE_BYTES} bytes` };
        const bytes = await vscode.workspace.fs.readFile(uri);
        return { text: head(new TextDecoder('utf-8').decode(bytes)) };
      } catch (e) {
        return { error: e instanceof Error ? e.message : String(e) };
      }
    }),
  );
}
