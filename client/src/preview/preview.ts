/**
 * "Cable: Open Preview" and "Open Preview to the Side": one webview that shows the active cable decoded
 * (the language server builds the view, `cable/preview`), follows the active cable, updates as the text
 * changes, keeps its scroll in step with the editor both ways, shows a line in the editor when an
 * element is clicked, and opens cited cables. Host-neutral: the Node and the web client both register it.
 */
import * as vscode from 'vscode';
import { State, type BaseLanguageClient } from 'vscode-languageclient';
import { CABLE_PREVIEW, type PreviewParams, type PreviewResult } from '../../../server/src/previewRequest.ts';
import type { FromWebview, PreviewState, ToWebview } from './messages.ts';
import { PREVIEW_ASSETS, previewHtml } from './html.ts';

export const PREVIEW_VIEW_TYPE = 'cable.preview';

/** Typing pauses this long before the preview asks for a new view (longer when views come slowly). */
const UPDATE_DELAY_MS = 120;
/** The editor's scroll after a click in the preview is not echoed back for this long. */
const ECHO_MS = 300;
/** The server may not hold a document the editor has just opened: ask again this often, this many times. */
const RETRY_MS = 300;
const RETRIES = 10;

const isCable = (doc: vscode.TextDocument | undefined): doc is vscode.TextDocument => doc?.languageId === 'cable';

function topLine(editor: vscode.TextEditor | undefined): number | undefined {
  return editor?.visibleRanges[0]?.start.line;
}

function baseName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

export function registerPreview(context: vscode.ExtensionContext, client: BaseLanguageClient): void {
  const previews = new PreviewManager(context, client);
  context.subscriptions.push(
    previews,
    vscode.commands.registerCommand('cable.showPreview', (uri?: vscode.Uri) => previews.open(uri, false)),
    vscode.commands.registerCommand('cable.showPreviewToSide', (uri?: vscode.Uri) => previews.open(uri, true)),
    vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
      deserializeWebviewPanel: (panel, state: PreviewState | undefined) => previews.restore(panel, state),
    }),
  );
}

class PreviewManager implements vscode.Disposable {
  private preview: CablePreview | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly client: BaseLanguageClient,
  ) {
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor && isCable(editor.document)) this.preview?.follow(editor.document.uri, topLine(editor));
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length) this.preview?.documentChanged(e.document.uri);
      }),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => this.preview?.editorScrolled(e.textEditor)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('cable')) this.preview?.scheduleUpdate();
      }),
      client.onDidChangeState((e) => {
        if (e.newState === State.Running) this.preview?.scheduleUpdate();
      }),
    );
  }

  async open(resource: vscode.Uri | undefined, toSide: boolean): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    const doc = resource ? await vscode.workspace.openTextDocument(resource) : editor?.document;
    if (!isCable(doc)) {
      void vscode.window.showInformationMessage('Open a cable (a .cable file) to preview it.');
      return;
    }
    const line = editor?.document === doc ? topLine(editor) : undefined;
    const column = toSide ? vscode.ViewColumn.Beside : (editor?.viewColumn ?? vscode.ViewColumn.Active);
    if (this.preview) {
      this.preview.panel.reveal(column, toSide);
      this.preview.follow(doc.uri, line);
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      PREVIEW_VIEW_TYPE,
      `Preview ${baseName(doc.uri)}`,
      { viewColumn: column, preserveFocus: toSide },
      this.webviewOptions(),
    );
    this.adopt(panel, doc.uri, line);
  }

  async restore(panel: vscode.WebviewPanel, state: PreviewState | undefined): Promise<void> {
    if (!state?.uri || this.preview) {
      panel.dispose();
      return;
    }
    panel.webview.options = this.webviewOptions();
    this.adopt(panel, vscode.Uri.parse(state.uri), state.line);
  }

  private webviewOptions(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return {
      enableScripts: true,
      enableFindWidget: true,
      localResourceRoots: [vscode.Uri.joinPath(this.context.extensionUri, ...PREVIEW_ASSETS)],
    };
  }

  private adopt(panel: vscode.WebviewPanel, uri: vscode.Uri, line: number | undefined): void {
    const preview = new CablePreview(panel, this.client, uri, line);
    panel.webview.html = previewHtml(panel.webview, this.context.extensionUri);
    this.preview = preview;
    panel.onDidDispose(() => {
      preview.dispose();
      if (this.preview === preview) this.preview = undefined;
    });
  }

  dispose(): void {
    this.preview?.panel.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

class CablePreview {
  private ready = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private request = 0;
  private retries = 0;
  private lastRoundTripMs = 0;
  private pendingLine: number | undefined;
  private editorEchoUntil = 0;
  /** The line the preview last scrolled the editor to: the editor's scroll to it is no news to the preview. */
  private echoLine: number | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly client: BaseLanguageClient,
    private uri: vscode.Uri,
    line: number | undefined,
  ) {
    this.pendingLine = line;
    this.subscriptions.push(
      panel.webview.onDidReceiveMessage((m: FromWebview) => this.onMessage(m)),
      // A hidden webview is torn down; when it shows again it says `ready` and is filled afresh.
      panel.onDidChangeViewState(() => {
        if (!panel.visible) this.ready = false;
      }),
    );
  }

  /** Shows another cable (or the same one from another editor), starting where its editor is. */
  follow(uri: vscode.Uri, line: number | undefined): void {
    if (uri.toString() === this.uri.toString()) return;
    this.uri = uri;
    this.pendingLine = line;
    this.retries = 0;
    this.panel.title = `Preview ${baseName(uri)}`;
    this.scheduleUpdate(0);
  }

  documentChanged(uri: vscode.Uri): void {
    if (uri.toString() === this.uri.toString()) this.scheduleUpdate();
  }

  scheduleUpdate(delay = Math.max(UPDATE_DELAY_MS, 2 * this.lastRoundTripMs)): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), delay);
  }

  /** The editor scrolled: the preview follows, unless the preview's own scroll moved the editor. */
  editorScrolled(editor: vscode.TextEditor): void {
    if (editor.document.uri.toString() !== this.uri.toString() || Date.now() < this.editorEchoUntil) return;
    const line = topLine(editor);
    if (line === undefined) return;
    // Matched by line, not by time: on a busy machine the editor's event can come late.
    if (this.echoLine !== undefined && Math.abs(line - this.echoLine) <= 1) return;
    this.echoLine = undefined;
    this.post({ type: 'scroll', line });
  }

  private post(m: ToWebview): void {
    if (this.ready) void this.panel.webview.postMessage(m);
  }

  private async update(): Promise<void> {
    if (!this.ready) return;
    const uri = this.uri.toString();
    const mine = ++this.request;
    const t0 = Date.now();
    let doc: PreviewResult;
    try {
      doc = await this.client.sendRequest<PreviewResult>(CABLE_PREVIEW, { textDocument: { uri } } satisfies PreviewParams);
    } catch (e) {
      if (mine === this.request) this.post({ type: 'message', text: `The cable language server could not build the preview: ${e instanceof Error ? e.message : String(e)}` });
      return;
    }
    if (mine !== this.request || uri !== this.uri.toString()) return;
    this.lastRoundTripMs = Date.now() - t0;
    if (!doc) {
      // Just opened: the server hears of the document a moment after the editor.
      if (this.retries++ < RETRIES) this.scheduleUpdate(RETRY_MS);
      else this.post({ type: 'message', text: 'The cable language server does not have this document open.' });
      return;
    }
    this.retries = 0;
    const cables = doc.cables;
    if (cables.length > 1) this.panel.title = `Preview ${baseName(this.uri)} (${cables.length} cables)`;
    else if (cables[0]?.id) this.panel.title = `Preview ${cables[0].id}`;
    this.post({ type: 'update', doc, line: this.pendingLine });
    this.pendingLine = undefined;
  }

  private onMessage(m: FromWebview): void {
    switch (m.type) {
      case 'ready':
        this.ready = true;
        if (this.pendingLine === undefined) this.pendingLine = topLine(this.editor());
        void this.update();
        break;
      case 'scrolled': {
        const editor = this.editor();
        if (!editor) return;
        const line = Math.max(0, Math.floor(m.line));
        this.echoLine = line;
        editor.revealRange(new vscode.Range(line, 0, line, 0), vscode.TextEditorRevealType.AtTop);
        break;
      }
      case 'reveal':
        void this.reveal(m.line);
        break;
      case 'open': {
        // A cited cable that is not its file's first opens at its own first line.
        const at = new vscode.Position(Math.max(0, m.line ?? 0), 0);
        const selection = m.line ? new vscode.Range(at, at) : undefined;
        void vscode.window.showTextDocument(vscode.Uri.parse(m.target), { viewColumn: this.editor()?.viewColumn ?? vscode.ViewColumn.One, selection });
        break;
      }
    }
  }

  /** The visible editor of the previewed cable, if any. */
  private editor(): vscode.TextEditor | undefined {
    const uri = this.uri.toString();
    return vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri);
  }

  private async reveal(line: number): Promise<void> {
    const editor = this.editor() ?? (await vscode.window.showTextDocument(this.uri, { viewColumn: vscode.ViewColumn.One }));
    const at = new vscode.Position(Math.max(0, Math.min(line, editor.document.lineCount - 1)), 0);
    // The preview stays where the reader clicked: the editor's scroll is not echoed back.
    this.editorEchoUntil = Date.now() + ECHO_MS;
    editor.selection = new vscode.Selection(at, at);
    editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preserveFocus: false });
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const d of this.subscriptions) d.dispose();
  }
}
