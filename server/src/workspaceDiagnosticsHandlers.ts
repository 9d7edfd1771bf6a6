/**
 * LSP wiring of Problems for the whole folder (workspace/workspaceDiagnostics.ts): pull diagnostics
 * (`textDocument/diagnostic`, `workspace/diagnostic`) for editors that support them, the command
 * "Cable: Check All Cables in Folder" (`cable.checkFolder`), work-done progress with cancellation.
 *
 * Open cables keep their pushed diagnostics (`textDocument/publishDiagnostics`, as typed): every editor
 * takes those. An editor that also pulls keeps pulled and pushed diagnostics apart (VS Code's client holds
 * them in two collections, and prefers a document's own pull over the workspace report), so the document
 * pull answers an empty report for an open cable and the workspace report leaves open cables out: no
 * problem is listed twice. When a cable is closed, the editor drops both and the workspace report sends
 * it again. An editor that does not pull (Neovim 0.7) gets, on the command, every cable's diagnostics
 * pushed once.
 */
import {
  DocumentDiagnosticReportKind,
  type Connection,
  type InitializeParams,
  type ServerCapabilities,
  type TextDocuments,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { CableIndex } from './workspace/cableIndex.ts';
import type { CableFileSystem } from './workspace/fileSystem.ts';
import { WorkspaceChecker, type FileReport, type ProgressHandle } from './workspace/workspaceDiagnostics.ts';

export const CHECK_FOLDER_COMMAND = 'cable.checkFolder';

/** The result id of every document pull: open cables' diagnostics are pushed, never pulled. */
const PUSHED = 'pushed';

export interface WorkspaceDiagnosticsDeps {
  index: CableIndex;
  fileSystem: CableFileSystem | undefined;
  /** The diagnostics of a cable's text under the settings of `settingsUri` (its folder). */
  lint(uri: string, text: string, settingsUri: string): Promise<Diagnostic[]>;
  scopeOf(folderUri: string): Promise<'openFiles' | 'workspace'>;
}

function toProtocol(r: FileReport): WorkspaceDocumentDiagnosticReport {
  const report: WorkspaceDocumentDiagnosticReport = { kind: DocumentDiagnosticReportKind.Full, uri: r.uri, version: null, items: r.items };
  if (r.resultId !== undefined) report.resultId = r.resultId;
  return report;
}

/** A cancellable work-done progress in the editor's status bar. */
async function startProgress(connection: Connection, title: string): Promise<ProgressHandle> {
  const reporter = await connection.window.createWorkDoneProgress();
  reporter.begin(title, 0, undefined, true);
  return {
    report: (done, total) => reporter.report(Math.min(99, Math.floor((100 * done) / Math.max(total, 1))), `${done} of ${total}`),
    done: () => reporter.done(),
    get cancelled() {
      return reporter.token.isCancellationRequested;
    },
  };
}

/** For an editor that does not pull: every closed cable's diagnostics pushed once. */
async function pushAll(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  deps: WorkspaceDiagnosticsDeps,
  checker: WorkspaceChecker,
  progress: (title: string) => Promise<ProgressHandle | undefined>,
  log: (m: string) => void,
): Promise<void> {
  await deps.index.whenIdle();
  // One entry per file: its first cable's (the file is read and checked whole).
  const entries = [...deps.index.all()].filter((e) => e.start === 0 && !e.open && deps.index.folderOf(e.uri));
  const p = await progress('Checking cables');
  let done = 0;
  for (const e of entries) {
    if (p?.cancelled) break;
    const diagnostics = await checker.check(e);
    if (!documents.get(e.uri)) await connection.sendDiagnostics({ uri: e.uri, diagnostics });
    if (++done % 100 === 0) p?.report(done, entries.length);
    await deps.index.slicer.checkpoint();
  }
  p?.done();
  log(`workspace diagnostics: ${done} cables checked and their problems sent`);
}

export function registerWorkspaceDiagnostics(connection: Connection, documents: TextDocuments<TextDocument>, deps: WorkspaceDiagnosticsDeps) {
  let pullSupport = false;
  let progressSupport = false;
  const log = (m: string) => connection.console.info(m);

  const progress = (title: string) => (progressSupport ? startProgress(connection, title) : Promise.resolve(undefined));

  const checker = new WorkspaceChecker({
    index: deps.index,
    fs: deps.fileSystem,
    slicer: deps.index.slicer,
    lint: deps.lint,
    scopeOf: deps.scopeOf,
    progress,
    log,
    tooMany(count, limit) {
      const message = `The workspace holds ${count} cables, more than the ${limit} whose problems are listed automatically. "Cable: Check All Cables in Folder" checks them all.`;
      log(message);
      connection.window
        .showInformationMessage(message, { title: 'Check All Cables' })
        .then((choice) => {
          if (choice) checkFolder();
        })
        .catch(() => undefined);
    },
  });

  function checkFolder(): void {
    if (checker.pulling) checker.checkAll();
    else pushAll(connection, documents, deps, checker, progress, log).catch((e: unknown) => log(`workspace diagnostics failed: ${e instanceof Error ? e.message : String(e)}`));
  }

  connection.onExecuteCommand((p) => {
    if (p.command === CHECK_FOLDER_COMMAND) checkFolder();
    return null;
  });

  connection.languages.diagnostics.on((p) =>
    p.previousResultId === PUSHED
      ? { kind: DocumentDiagnosticReportKind.Unchanged, resultId: PUSHED }
      : { kind: DocumentDiagnosticReportKind.Full, resultId: PUSHED, items: [] },
  );

  connection.languages.diagnostics.onWorkspace(async (params, token, _workDone, resultProgress) => {
    const answered: WorkspaceDocumentDiagnosticReport[] = [];
    const send = (reports: FileReport[]) => {
      const items = reports.map(toProtocol);
      if (resultProgress) resultProgress.report({ items });
      else answered.push(...items);
    };
    try {
      await checker.serve(params.previousResultIds, send, token, !resultProgress);
    } catch (e) {
      log(`workspace diagnostics failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
    return { items: answered };
  });

  documents.onDidClose((e) => checker.documentClosed(e.document.uri));

  return {
    checker,
    capabilities(params: InitializeParams): ServerCapabilities {
      pullSupport = !!params.capabilities.textDocument?.diagnostic;
      progressSupport = !!params.capabilities.window?.workDoneProgress;
      const caps: ServerCapabilities = { executeCommandProvider: { commands: [CHECK_FOLDER_COMMAND] } };
      if (pullSupport) caps.diagnosticProvider = { identifier: 'cable', interFileDependencies: false, workspaceDiagnostics: true };
      return caps;
    },
    settingsChanged(): void {
      checker.settingsChanged();
    },
  };
}
