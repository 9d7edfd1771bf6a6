/**
 * LSP wiring only: the table of features, document sync and settings, over the language service. No
 * cable logic lives here; every feature is a module under service/features/. The same function serves
 * the Node transports (main.node.ts) and the browser worker (main.browser.ts).
 *
 * How to add a feature (say, references):
 * 1. Write it under service/features/ as a pure function of the model (and settings or the workspace
 *    index if it needs them), with its own tests in test/service/.
 * 2. Add one entry to `registerFeatures` below: `guard.document(ReferencesRequest.type, { fallback: [],
 *    capability: { referencesProvider: true } }, (model, params) => references(model, params.position))`.
 *    The guard (guard.ts) announces the capability at initialize, refuses the request before initialize
 *    and after shutdown, answers -32800 when it is cancelled, gives the handler the document's cached
 *    model (one parse per version), and logs a failure and answers `fallback` instead.
 *    A feature that needs the settings or the dictionary first names them in `wait`; one that is not
 *    about a document (workspace symbols) uses `guard.request`. Client capabilities are `guard.client`.
 * 3. An LSP test in test/lsp/ over the bundled server, and a line in README and CHANGELOG.
 */
import {
  CodeActionRequest,
  CompletionRequest,
  DefinitionRequest,
  DidChangeConfigurationNotification,
  DocumentHighlightRequest,
  DocumentLinkRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  InitializedNotification,
  CallHierarchyIncomingCallsRequest,
  CallHierarchyOutgoingCallsRequest,
  CallHierarchyPrepareRequest,
  ReferencesRequest,
  SelectionRangeRequest,
  TextDocuments,
  TextDocumentSyncKind,
  WorkspaceSymbolRequest,
  type Connection,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Location } from 'vscode-languageserver-types';
import { parseCable } from './service/parse.ts';
import { VERSION } from './version.ts';
import { Guard, errorText } from './guard.ts';
import { ModelCache, type Parse } from './modelCache.ts';
import { ClientSettings } from './clientSettings.ts';
import { DiagnosticsPusher } from './pushDiagnostics.ts';
import { WorkspaceIndexing } from './workspaceIndexing.ts';
import type { CableIndex } from './workspace/cableIndex.ts';
import type { CableFileSystem } from './workspace/fileSystem.ts';
import { hover } from './service/features/hover.ts';
import { citationHover } from './service/features/citationHover.ts';
import { parseQuery } from './workspace/query.ts';
import { WORKSPACE_SYMBOL_LIMIT, workspaceSymbols } from './service/features/workspaceSymbols.ts';
import { references } from './service/features/references.ts';
import { incomingCalls, outgoingCalls, prepareCallHierarchy } from './service/features/callHierarchy.ts';
import { registerWorkspaceDiagnostics } from './workspaceDiagnosticsHandlers.ts';
import { completion } from './service/features/completion.ts';
import { CODE_ACTION_KINDS, fileCodeActions } from './service/features/codeActions.ts';
import { flattenSymbols } from './service/features/symbols.ts';
import { atPosition, everyCable, fileDiagnostics, fileFoldingRanges, fileSymbols, localPosition, partAtLine, shiftRanges } from './service/features/perCable.ts';
import { parseCableFile } from './service/sequence.ts';
import { selectionRanges } from './service/features/selectionRanges.ts';
import { documentHighlights } from './service/features/highlights.ts';
import { definitionLinks, documentLinks } from './service/features/links.ts';
import { previewDocument } from './service/features/preview.ts';
import { PreviewRequest } from './previewRequest.ts';
import { ArchiveView, pageBounds, scopeOf } from './workspace/archiveView.ts';
import { groupTitles } from './workspace/archiveTitles.ts';
import { Dictionary } from './service/dictionary.ts';
import { timelineOf } from './workspace/archiveTimeline.ts';
import {
  ArchiveChangedNotification,
  ArchiveGroupsRequest,
  ArchiveItemsRequest,
  ArchiveTimelineRequest,
  EMPTY_GROUPS,
  EMPTY_PAGE,
  EMPTY_TIMELINE,
  debounceChanges,
} from './archiveRequests.ts';

/** What the host (Node process or browser worker) gives the server beyond the connection. */
export interface ServerHost {
  /** File access for the workspace index; without it only open documents are indexed. */
  fileSystem?: CableFileSystem;
  /** The parser; the robustness tests substitute one that fails on demand (testHooks.ts). */
  parse?: Parse;
}

/** What the feature table's handlers may use. */
interface Features {
  guard: Guard;
  settings: ClientSettings;
  index: CableIndex;
  /** The version of an open document, for answers that carry it. */
  versionOf: (uri: string) => number | undefined;
}

/** The feature table: every request the server answers, each through the guard. */
function registerFeatures({ guard, settings, index, versionOf }: Features): void {
  const dictionary = (uri: string) => settings.dictionaryFor(uri);
  const textDocument = () => guard.client.textDocument;
  const resolve = (id: string) => index.locate(id);

  // A cited cable's hover (its subject, date and where it is) comes before the codes' hover.
  guard.document(HoverRequest.type, { fallback: null, capability: { hoverProvider: true }, wait: dictionary }, (file, p, dict) =>
    atPosition(file, p.position, (model, at) => citationHover(model, at, index, index.status) ?? hover(model, at, dict)),
  );
  guard.document(CompletionRequest.type, { fallback: [], capability: { completionProvider: { triggerCharacters: [' ', '(', ','] } }, wait: dictionary }, (file, p, dict) =>
    atPosition(file, p.position, (model, at) => completion(model, at, dict)),
  );
  const settingsAndDictionary = async (uri: string) => ({ settings: await settings.get(uri), dict: await settings.dictionaryFor(uri) });
  guard.document(CodeActionRequest.type, { fallback: [], capability: { codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS } }, wait: settingsAndDictionary }, (file, p, w) =>
    fileCodeActions(file, p.textDocument.uri, p.range, p.context.diagnostics, w.settings, w.dict, p.context.only),
  );
  guard.document(DocumentSymbolRequest.type, { fallback: [], capability: { documentSymbolProvider: { label: 'Cable' } } }, (file, p) => {
    const symbols = fileSymbols(file);
    return textDocument()?.documentSymbol?.hierarchicalDocumentSymbolSupport ? symbols : flattenSymbols(symbols, p.textDocument.uri);
  });
  guard.document(FoldingRangeRequest.type, { fallback: [], capability: { foldingRangeProvider: true } }, (file) =>
    fileFoldingRanges(file, textDocument()?.foldingRange?.rangeLimit),
  );
  guard.document(SelectionRangeRequest.type, { fallback: [], capability: { selectionRangeProvider: true } }, (file, p) =>
    p.positions.map((position) => atPosition(file, position, (model, at) => selectionRanges(model, [at])[0]!)),
  );
  guard.document(DocumentHighlightRequest.type, { fallback: [], capability: { documentHighlightProvider: true } }, (file, p) =>
    atPosition(file, p.position, (model, at) => documentHighlights(model, at)),
  );
  guard.document(DocumentLinkRequest.type, { fallback: [], capability: { documentLinkProvider: { resolveProvider: false } } }, (file) =>
    everyCable(file, (model) => documentLinks(model, resolve)),
  );
  guard.document(DefinitionRequest.type, { fallback: [], capability: { definitionProvider: true } }, (file, p) => {
    const part = partAtLine(file, p.position.line);
    // The targets are other files' (from the index): only the origin, in this file, moves.
    const links = definitionLinks(part.model, localPosition(part, p.position), resolve).map((l) =>
      l.originSelectionRange ? { ...l, originSelectionRange: shiftRanges(l.originSelectionRange, part.line) } : l,
    );
    return textDocument()?.definition?.linkSupport ? links : links.map((l): Location => ({ uri: l.targetUri, range: l.targetRange }));
  });
  // The preview shows every cable of the file, in order.
  guard.document(PreviewRequest, { fallback: null, wait: dictionary }, (file, p, dict) => {
    const uri = p.textDocument.uri;
    return previewDocument(file, dict, { uri, version: versionOf(uri) ?? 0, resolve });
  });
  registerWorkspaceFeatures(guard, index);
}

/** The features over the workspace index: cables found by query, citations in and out. */
function registerWorkspaceFeatures(guard: Guard, index: CableIndex): void {
  guard.request(WorkspaceSymbolRequest.type, [], { workspaceSymbolProvider: true }, (p) => {
    const q = parseQuery(p.query);
    const found = index.query(q, WORKSPACE_SYMBOL_LIMIT).map((m) => m.cable);
    return workspaceSymbols(found, q.hasFacets ? q.text.trim() : undefined);
  });
  // The locations come from the index (lines of their files), so they are not moved.
  guard.document(ReferencesRequest.type, { fallback: [], capability: { referencesProvider: true } }, (file, p) => {
    const part = partAtLine(file, p.position.line);
    const self = { uri: p.textDocument.uri, line: part.line };
    return references(part.model, self, localPosition(part, p.position), !!p.context?.includeDeclaration, index);
  });
  guard.document(CallHierarchyPrepareRequest.type, { fallback: [], capability: { callHierarchyProvider: true } }, (file, p) => {
    const part = partAtLine(file, p.position.line);
    const self = { uri: p.textDocument.uri, line: part.line };
    return prepareCallHierarchy(part.model, self, localPosition(part, p.position), index);
  });
  guard.request(CallHierarchyIncomingCallsRequest.type, [], undefined, (p) => incomingCalls(p.item, index));
  guard.request(CallHierarchyOutgoingCallsRequest.type, [], undefined, (p) => outgoingCalls(p.item, index));
  // The archive view and the timeline (archiveRequests.ts): one level of groups, a page of a group's cables, the bins.
  // Titles from the published sources: a group spans folders, whose team codes (cable.tags.extra) may differ.
  const archive = new ArchiveView(() => ({ size: index.size, values: () => index.all() }), groupTitles(Dictionary.default()));
  index.onChange(() => archive.invalidate());
  guard.request(ArchiveGroupsRequest, EMPTY_GROUPS, undefined, (p) => archive.groups(scopeOf(p)));
  guard.request(ArchiveItemsRequest, EMPTY_PAGE, undefined, (p) => {
    const { offset, limit } = pageBounds(p?.offset, p?.limit);
    return archive.items(scopeOf(p), offset, limit);
  });
  guard.request(ArchiveTimelineRequest, EMPTY_TIMELINE, undefined, (p) => timelineOf(archive.matching(scopeOf(p).query)));
}

/** Starts the server on `connection`; the answer tells the transport whether `shutdown` was received. */
export function startServer(connection: Connection, host: ServerHost = {}): { readonly hasShutDown: boolean } {
  const documents = new TextDocuments(TextDocument);
  const models = new ModelCache(host.parse ?? parseCable, (m) => connection.console.error(m));
  const guard = new Guard(connection, {
    isOpen: (uri) => documents.get(uri) !== undefined,
    isParsed: (uri) => {
      const doc = documents.get(uri);
      return !!doc && models.has(doc);
    },
    fileOf: (uri) => {
      const doc = documents.get(uri);
      return doc && models.get(doc);
    },
  });
  // A late answer to workspace/configuration replaces the defaults: the document is checked again.
  const settings = new ClientSettings(connection, (uri) => diagnostics.recheck(uri));
  const diagnostics = new DiagnosticsPusher(connection, documents, models, settings);
  const workspace = new WorkspaceIndexing(guard, connection, documents, models, host.fileSystem);
  const parse = host.parse ?? parseCable;
  // Problems for the whole folder, read from disk with each folder's settings.
  const folderProblems = registerWorkspaceDiagnostics(connection, documents, {
    index: workspace.index,
    fileSystem: host.fileSystem,
    lint: async (uri, text, settingsUri) => {
      const [folderSettings, dict] = [await settings.get(settingsUri), await settings.dictionaryFor(settingsUri)];
      return fileDiagnostics(parseCableFile(text, parse, { fileName: uri }), folderSettings, dict, uri, {
        onRuleError: (code, err) => connection.console.error(`rule ${code} failed: ${errorText(err)}`),
      });
    },
    scopeOf: async (folderUri) => (await settings.get(folderUri)).diagnostics.scope,
  });

  // The archive view hears when the index changes, a burst at a time.
  workspace.index.onChange(
    debounceChanges(() => {
      if (!guard.hasShutDown) connection.sendNotification(ArchiveChangedNotification, { size: workspace.index.size }).catch(() => undefined);
    }),
  );
  guard.announce({ textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } } });
  registerFeatures({ guard, settings, index: workspace.index, versionOf: (uri) => documents.get(uri)?.version });
  guard.onInitialize((params) => {
    settings.useClientConfiguration(!!params.capabilities.workspace?.configuration);
    workspace.initialize(params);
    guard.announce(folderProblems.capabilities(params));
    return { serverInfo: { name: 'cable-language-server', version: VERSION } };
  });
  // The one `initialized` handler: add other post-initialize work here rather than registering another.
  guard.notification(InitializedNotification.type, () => workspace.initialized());
  guard.notification(DidChangeConfigurationNotification.type, () => {
    settings.clear();
    folderProblems.settingsChanged();
    // Rule severities may have changed: every open cable is checked again.
    for (const doc of documents.all()) diagnostics.recheck(doc.uri);
  });

  documents.onDidChangeContent((e) => void diagnostics.changed(e.document.uri));
  documents.onDidSave((e) => void diagnostics.saved(e.document.uri));
  documents.onDidClose((e) => {
    models.delete(e.document.uri);
    settings.forget(e.document.uri);
    diagnostics.closed(e.document.uri);
  });
  documents.listen(guard.documentSync());
  connection.listen();
  return guard;
}
