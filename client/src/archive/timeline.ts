/**
 * "Cable: Show Timeline": a webview plotting the cables per month over the archive view's filtered set,
 * stacked by classification. The server bins (`cable/archive/timeline`); the page only draws (SVG written
 * by the project, no library). A click on a month filters the archive view to it; the plot follows the
 * view's filter and the server's index.
 */
import * as vscode from 'vscode';
import { webviewNonce } from '../webviewNonce.ts';
import type { ArchiveTree } from './archiveView.ts';
import type { FromTimeline, ToTimeline } from './messages.ts';
import { chosenMonths, withMonth, withoutDates } from './queryText.ts';

export const TIMELINE_VIEW_TYPE = 'cable.timeline';
export const TIMELINE_ASSETS = ['dist', 'timeline'] as const;

/** The page: a strict Content Security Policy (the extension's stylesheet, one script by nonce, nothing fetched). */
export function timelineHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const assets = vscode.Uri.joinPath(extensionUri, ...TIMELINE_ASSETS);
  const script = webview.asWebviewUri(vscode.Uri.joinPath(assets, 'timeline.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(assets, 'timeline.css'));
  const n = webviewNonce();
  const csp = ["default-src 'none'", `style-src ${webview.cspSource}`, `script-src 'nonce-${n}'`, `font-src ${webview.cspSource}`].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style.toString()}">
<title>Cable timeline</title>
</head>
<body>
<div id="cable-timeline" role="figure" aria-label="Cables per month, stacked by classification"></div>
<script nonce="${n}" src="${script.toString()}"></script>
</body>
</html>`;
}

export function registerTimeline(context: vscode.ExtensionContext, tree: ArchiveTree, startServer: () => void): void {
  let panel: TimelinePanel | undefined;
  const open = (webview: vscode.WebviewPanel) => {
    webview.webview.options = { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, ...TIMELINE_ASSETS)] };
    webview.webview.html = timelineHtml(webview.webview, context.extensionUri);
    const p = new TimelinePanel(webview, tree);
    panel = p;
    webview.onDidDispose(() => {
      p.dispose();
      if (panel === p) panel = undefined;
    });
  };
  context.subscriptions.push(
    vscode.commands.registerCommand('cable.showTimeline', () => {
      if (!tree.connected) startServer();
      if (panel) {
        panel.panel.reveal();
        return;
      }
      open(vscode.window.createWebviewPanel(TIMELINE_VIEW_TYPE, 'Cable Timeline', vscode.ViewColumn.Active, { enableScripts: true }));
    }),
    vscode.window.registerWebviewPanelSerializer(TIMELINE_VIEW_TYPE, {
      deserializeWebviewPanel: async (webview) => {
        if (panel) webview.dispose();
        else open(webview);
      },
    }),
  );
}

class TimelinePanel {
  private ready = false;
  private request = 0;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly tree: ArchiveTree,
  ) {
    this.subscriptions.push(
      panel.webview.onDidReceiveMessage((m: FromTimeline) => this.onMessage(m)),
      panel.onDidChangeViewState(() => {
        if (!panel.visible) this.ready = false;
      }),
      tree.onDidChangeFilter(() => void this.update()),
      tree.onDidChangeIndex(() => void this.update()),
    );
  }

  private post(m: ToTimeline): void {
    if (this.ready) void this.panel.webview.postMessage(m);
  }

  private async update(): Promise<void> {
    if (!this.ready) return;
    const source = this.tree.connected;
    if (!source) {
      this.post({ type: 'message', text: 'Waiting for the language server to start…' });
      return;
    }
    const mine = ++this.request;
    // The filter's dates pick months on the plot; the plot shows every month of what its other terms keep.
    const query = withoutDates(this.tree.query);
    try {
      const timeline = await source.timeline(query);
      if (mine === this.request) this.post({ type: 'update', timeline, query, chosen: chosenMonths(this.tree.query) });
    } catch (e) {
      if (mine === this.request) this.post({ type: 'message', text: `The language server could not count the cables: ${e instanceof Error ? e.message : String(e)}` });
    }
  }

  private onMessage(m: FromTimeline): void {
    if (m.type === 'ready') {
      this.ready = true;
      void this.update();
    } else if (m.type === 'month' && /^\d{4}-\d\d$/.test(m.month)) {
      void this.tree.setFilter(withMonth(this.tree.query, m.month));
      void vscode.commands.executeCommand('cable.archive.focus');
    }
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
  }
}
