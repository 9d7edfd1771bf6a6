/**
 * LSP wiring of the structure and navigation features: outline, folding, selection ranges, highlights,
 * document links, go to definition, workspace symbols, references and the call hierarchy, plus the
 * workspace cable index that the last five consult. Kept beside server.ts so that file stays a short list of feature registrations.
 */
import {
  DidChangeWatchedFilesNotification,
  FileChangeType,
  type Connection,
  type InitializeParams,
  type ServerCapabilities,
  type TextDocuments,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Location, LocationLink } from 'vscode-languageserver-types';
import type { CableDocument } from './service/model.ts';
import { documentSymbols, flattenSymbols } from './service/features/symbols.ts';
import { foldingRanges } from './service/features/folding.ts';
import { selectionRanges } from './service/features/selectionRanges.ts';
import { documentHighlights } from './service/features/highlights.ts';
import { definitionLinks, documentLinks } from './service/features/links.ts';
import { CableIndex } from './workspace/cableIndex.ts';
import { parseQuery } from './workspace/query.ts';
import { WORKSPACE_SYMBOL_LIMIT, workspaceSymbols } from './service/features/workspaceSymbols.ts';
import { references } from './service/features/references.ts';
import { incomingCalls, outgoingCalls, prepareCallHierarchy } from './service/features/callHierarchy.ts';
import type { CableFileSystem } from './workspace/fileSystem.ts';

/** What the host (Node process or browser worker) gives the server beyond the connection. */
export interface ServerHost {
  /** File access for the workspace index; without it only open documents are indexed. */
  fileSystem?: CableFileSystem;
}

interface Models {
  get(doc: TextDocument): CableDocument;
}

/** Edits pause the re-indexing of an open cable until typing stops for this long. */
const REINDEX_DELAY_MS = 300;

export function registerStructureFeatures(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  models: Models,
  host: ServerHost,
) {
  const index = new CableIndex(host.fileSystem, { log: (m) => connection.console.info(m) });
  let folders: string[] = [];
  let hierarchicalSymbols = false;
  let definitionLinkSupport = false;
  let foldingLimit: number | undefined;
  let watchDynamically = false;
  let folderEvents = false;
  const pending = new Map<string, ReturnType<typeof setTimeout>>();

  /** A failing feature answers "nothing here" and says why in the log, instead of failing the request. */
  function safely<T>(what: string, fallback: T, f: () => T): T {
    try {
      return f();
    } catch (e) {
      connection.console.error(`${what} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      return fallback;
    }
  }

  const withModel = <T>(uri: string, what: string, fallback: T, f: (model: CableDocument) => T): T => {
    const doc = documents.get(uri);
    if (!doc) return fallback;
    return safely(what, fallback, () => f(models.get(doc)));
  };

  const reindexOpen = (doc: TextDocument) => {
    safely('indexing an open cable', undefined, () => index.updateFromModel(doc.uri, models.get(doc)));
  };

  documents.onDidOpen((e) => reindexOpen(e.document));
  documents.onDidChangeContent((e) => {
    const uri = e.document.uri;
    clearTimeout(pending.get(uri));
    pending.set(
      uri,
      setTimeout(() => {
        pending.delete(uri);
        const doc = documents.get(uri);
        if (doc) reindexOpen(doc);
      }, REINDEX_DELAY_MS),
    );
  });
  documents.onDidClose((e) => {
    clearTimeout(pending.get(e.document.uri));
    pending.delete(e.document.uri);
    index.closeDocument(e.document.uri).catch(() => undefined);
  });

  connection.onDocumentSymbol((p) =>
    withModel(p.textDocument.uri, 'documentSymbol', [], (m) => {
      const symbols = documentSymbols(m);
      return hierarchicalSymbols ? symbols : flattenSymbols(symbols, p.textDocument.uri);
    }),
  );
  connection.onFoldingRanges((p) => withModel(p.textDocument.uri, 'foldingRange', [], (m) => foldingRanges(m, foldingLimit)));
  connection.onSelectionRanges((p) => withModel(p.textDocument.uri, 'selectionRange', [], (m) => selectionRanges(m, p.positions)));
  connection.onDocumentHighlight((p) => withModel(p.textDocument.uri, 'documentHighlight', [], (m) => documentHighlights(m, p.position)));
  connection.onDocumentLinks((p) =>
    withModel(p.textDocument.uri, 'documentLink', [], (m) => documentLinks(m, (id) => index.resolve(id))),
  );
  connection.onDefinition((p) =>
    withModel<LocationLink[] | Location[]>(p.textDocument.uri, 'definition', [], (m) => {
      const links = definitionLinks(m, p.position, (id) => index.resolve(id));
      return definitionLinkSupport ? links : links.map((l) => ({ uri: l.targetUri, range: l.targetRange }));
    }),
  );
  connection.onWorkspaceSymbol((p) =>
    safely('workspaceSymbol', [], () => {
      const q = parseQuery(p.query);
      const found = index.query(q, WORKSPACE_SYMBOL_LIMIT).map((m) => m.cable);
      return workspaceSymbols(found, q.hasFacets ? q.text.trim() : undefined);
    }),
  );
  connection.onReferences((p) =>
    withModel(p.textDocument.uri, 'references', [], (m) => references(m, p.textDocument.uri, p.position, !!p.context?.includeDeclaration, index)),
  );
  connection.languages.callHierarchy.onPrepare((p) =>
    withModel(p.textDocument.uri, 'prepareCallHierarchy', [], (m) => prepareCallHierarchy(m, p.textDocument.uri, p.position, index)),
  );
  connection.languages.callHierarchy.onIncomingCalls((p) => safely('incomingCalls', [], () => incomingCalls(p.item, index)));
  connection.languages.callHierarchy.onOutgoingCalls((p) => safely('outgoingCalls', [], () => outgoingCalls(p.item, index)));

  connection.onDidChangeWatchedFiles((p) => {
    for (const change of p.changes) {
      if (change.type === FileChangeType.Deleted) index.fileDeleted(change.uri);
      else index.fileChanged(change.uri).catch(() => undefined);
    }
  });

  const capabilities: ServerCapabilities = {
    documentSymbolProvider: { label: 'Cable' },
    foldingRangeProvider: true,
    selectionRangeProvider: true,
    documentHighlightProvider: true,
    documentLinkProvider: { resolveProvider: false },
    definitionProvider: true,
    workspaceSymbolProvider: true,
    referencesProvider: true,
    callHierarchyProvider: true,
    workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
  };

  return {
    index,
    capabilities,
    initialize(params: InitializeParams): void {
      const c = params.capabilities;
      hierarchicalSymbols = !!c.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport;
      definitionLinkSupport = !!c.textDocument?.definition?.linkSupport;
      foldingLimit = c.textDocument?.foldingRange?.rangeLimit;
      watchDynamically = !!c.workspace?.didChangeWatchedFiles?.dynamicRegistration;
      folderEvents = !!c.workspace?.workspaceFolders;
      folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    },
    /** Starts the background walk of the workspace folders and the file watching. */
    initialized(): void {
      for (const f of folders) void index.addFolder(f);
      if (watchDynamically) {
        // Registered by the server rather than the VS Code client, so every editor with dynamic
        // registration (Neovim, Helix…) reports created, changed and deleted cables.
        connection.client
          .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.cable' }] })
          .catch(() => undefined);
      }
      if (folderEvents) {
        connection.workspace.onDidChangeWorkspaceFolders((e) => {
          for (const f of e.removed) index.removeFolder(f.uri);
          for (const f of e.added) void index.addFolder(f.uri);
        });
      }
    },
  };
}
