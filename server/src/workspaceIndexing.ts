/**
 * The workspace cable index (workspace/cableIndex.ts) kept in step with the editor: open cables are
 * indexed from their parsed model (again when typing pauses), closed ones go back to the disk, watched
 * files and workspace folders are followed. Go to definition, document links and workspace symbols
 * consult it (their handlers are in server.ts's table).
 */
import {
  DidChangeWatchedFilesNotification,
  FileChangeType,
  type Connection,
  type InitializeParams,
  type TextDocuments,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CableIndex } from './workspace/cableIndex.ts';
import type { CableFileSystem } from './workspace/fileSystem.ts';
import type { ModelCache } from './modelCache.ts';
import { errorText, type Guard } from './guard.ts';

/** Edits pause the re-indexing of an open cable until typing stops for this long. */
const REINDEX_DELAY_MS = 300;

export class WorkspaceIndexing {
  readonly index: CableIndex;
  private folders: string[] = [];
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();

  /** `fileSystem`: file access for the index; without it only open documents are indexed. */
  constructor(
    private readonly guard: Guard,
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly models: ModelCache,
    fileSystem: CableFileSystem | undefined,
  ) {
    this.index = new CableIndex(fileSystem, { log: (m) => connection.console.info(m) });
    documents.onDidOpen((e) => this.reindexOpen(e.document));
    documents.onDidChangeContent((e) => this.reindexLater(e.document.uri));
    documents.onDidClose((e) => {
      clearTimeout(this.pending.get(e.document.uri));
      this.pending.delete(e.document.uri);
      this.index.closeDocument(e.document.uri).catch(() => undefined);
    });
    guard.announce({ workspace: { workspaceFolders: { supported: true, changeNotifications: true } } });
    guard.notification(DidChangeWatchedFilesNotification.type, (p) => {
      for (const change of p.changes) {
        if (change.type === FileChangeType.Deleted) this.index.fileDeleted(change.uri);
        else this.index.fileChanged(change.uri).catch(() => undefined);
      }
    });
  }

  initialize(params: InitializeParams): void {
    this.folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  }

  /** Starts the background walk of the workspace folders and the file watching. */
  initialized(): void {
    for (const f of this.folders) void this.index.addFolder(f);
    const client = this.guard.client;
    if (client.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      // Registered by the server rather than the VS Code client, so every editor with dynamic
      // registration (Neovim, Helix…) reports created, changed and deleted cables.
      this.connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.cable' }] })
        .catch(() => undefined);
    }
    if (client.workspace?.workspaceFolders) {
      this.connection.workspace.onDidChangeWorkspaceFolders((e) => {
        for (const f of e.removed) this.index.removeFolder(f.uri);
        for (const f of e.added) void this.index.addFolder(f.uri);
      });
    }
  }

  private reindexOpen(doc: TextDocument): void {
    try {
      // Every cable of the file, each with the line it starts on.
      this.index.updateFromModels(doc.uri, this.models.get(doc).parts);
    } catch (err) {
      this.connection.console.error(`indexing an open cable failed: ${errorText(err)}`);
    }
  }

  private reindexLater(uri: string): void {
    clearTimeout(this.pending.get(uri));
    this.pending.set(
      uri,
      setTimeout(() => {
        this.pending.delete(uri);
        const doc = this.documents.get(uri);
        if (doc) this.reindexOpen(doc);
      }, REINDEX_DELAY_MS),
    );
  }
}
