/**
 * LSP wiring only: capabilities, document sync, settings, and handlers that call the language service.
 * No cable logic lives here; every feature is a module under service/. The same function serves the
 * Node transports (main.node.ts) and the browser worker.
 */
import {
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseCable } from './service/parse.ts';
import type { CableDocument } from './service/model.ts';
import { resolveSettings, type CableSettings } from './service/settings.ts';
import { VERSION } from './version.ts';
import { Dictionary } from './service/dictionary.ts';
import { hover } from './service/features/hover.ts';
import { completion } from './service/features/completion.ts';

/** Parsed models keyed by URI; an entry is reused only for the same document version. */
class ModelCache {
  private readonly entries = new Map<string, { version: number; model: CableDocument }>();

  get(doc: TextDocument): CableDocument {
    const hit = this.entries.get(doc.uri);
    if (hit && hit.version === doc.version) return hit.model;
    const model = parseCable(doc.getText());
    this.entries.set(doc.uri, { version: doc.version, model });
    return model;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }
}

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const models = new ModelCache();
  let hasConfigurationCapability = false;
  const settingsCache = new Map<string, Promise<CableSettings>>();

  function getSettings(uri: string): Promise<CableSettings> {
    if (!hasConfigurationCapability) return Promise.resolve(resolveSettings(undefined));
    let s = settingsCache.get(uri);
    if (!s) {
      s = connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'cable' })
        .then((raw: unknown) => resolveSettings(raw))
        .catch(() => resolveSettings(undefined));
      settingsCache.set(uri, s);
    }
    return s;
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    hasConfigurationCapability = !!params.capabilities.workspace?.configuration;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        completionProvider: { triggerCharacters: [' ', '(', ','] },
      },
      serverInfo: { name: 'cable-language-server', version: VERSION },
    };
  });

  connection.onDidChangeConfiguration(() => {
    settingsCache.clear();
  });

  documents.onDidClose((e) => {
    models.delete(e.document.uri);
    settingsCache.delete(e.document.uri);
  });

  // Features register their handlers below; each calls one service module with the cached model.

  // One dictionary per distinct `cable.tags.extra`, so team codes cost nothing per request.
  const dictionaries = new Map<string, Dictionary>();
  async function dictionaryFor(uri: string): Promise<Dictionary> {
    const extra = (await getSettings(uri)).tags.extra;
    const key = JSON.stringify(extra);
    let d = dictionaries.get(key);
    if (!d) {
      d = Dictionary.default().withExtra(extra);
      dictionaries.set(key, d);
    }
    return d;
  }

  connection.onHover(async (params) => {
    try {
      const doc = documents.get(params.textDocument.uri);
      if (!doc) return null;
      return hover(models.get(doc), params.position, await dictionaryFor(doc.uri));
    } catch (err) {
      connection.console.error(`hover failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      return null;
    }
  });

  connection.onCompletion(async (params) => {
    try {
      const doc = documents.get(params.textDocument.uri);
      if (!doc) return [];
      return completion(models.get(doc), params.position, await dictionaryFor(doc.uri));
    } catch (err) {
      connection.console.error(`completion failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      return [];
    }
  });
  void getSettings;
  void models;

  documents.listen(connection);
  connection.listen();
}
