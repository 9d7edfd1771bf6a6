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
import { registerStructureFeatures, type ServerHost } from './structureHandlers.ts';
import { Dictionary } from './service/dictionary.ts';
import { hover } from './service/features/hover.ts';
import { citationHover } from './service/features/citationHover.ts';
import { completion } from './service/features/completion.ts';
import { computeDiagnostics, exceedsMaxFileSize } from './service/diagnostics.ts';
import { RULES } from './service/rules/index.ts';
import { CABLE_STATUS, type CableStatusParams } from './statusNotification.ts';
import { codeActions } from './service/features/codeActions.ts';
import { registerWorkspaceDiagnostics } from './workspaceDiagnosticsHandlers.ts';

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

export function startServer(connection: Connection, host: ServerHost = {}): void {
  const documents = new TextDocuments(TextDocument);
  const models = new ModelCache();
  const structure = registerStructureFeatures(connection, documents, models, host);
  // Problems for the whole folder, read from disk with each folder's settings (defined below).
  const workspaceDiagnostics = registerWorkspaceDiagnostics(connection, documents, {
    index: structure.index,
    fileSystem: host.fileSystem,
    lint: async (uri, text, settingsUri) => {
      const settings = await getSettings(settingsUri);
      const dict = await dictionaryFor(settingsUri);
      return computeDiagnostics(parseCable(text), settings, dict, uri, {
        onRuleError: (code, err) => connection.console.error(`rule ${code} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`),
      });
    },
    scopeOf: async (folderUri) => (await getSettings(folderUri)).diagnostics.scope,
  });
  let hasConfigurationCapability = false;
  const settingsCache = new Map<string, Promise<CableSettings>>();

  // A client that never answers workspace/configuration must not stall hovers and diagnostics: after
  // this long the defaults stand in, and a late answer replaces them (and the document is checked again).
  const CONFIGURATION_TIMEOUT_MS = 2000;
  let toldSlowConfiguration = false;

  function getSettings(uri: string): Promise<CableSettings> {
    if (!hasConfigurationCapability) return Promise.resolve(resolveSettings(undefined));
    let s = settingsCache.get(uri);
    if (!s) {
      const asked = connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'cable' })
        .then((raw: unknown) => resolveSettings(raw))
        .catch(() => resolveSettings(undefined));
      let timer: ReturnType<typeof setTimeout> | undefined;
      const late = new Promise<CableSettings>((resolve) => {
        timer = setTimeout(() => {
          if (!toldSlowConfiguration) {
            toldSlowConfiguration = true;
            connection.console.warn(`The editor did not answer workspace/configuration within ${CONFIGURATION_TIMEOUT_MS} ms; using the default settings until it does.`);
          }
          void asked.then((real) => {
            if (settingsCache.get(uri) !== entry) return;
            settingsCache.set(uri, Promise.resolve(real));
            if (documents.get(uri)) scheduleLint(uri, 0);
          });
          resolve(resolveSettings(undefined));
        }, CONFIGURATION_TIMEOUT_MS);
      });
      const entry: Promise<CableSettings> = Promise.race([asked.finally(() => clearTimeout(timer)), late]);
      s = entry;
      settingsCache.set(uri, s);
    }
    return s;
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    hasConfigurationCapability = !!params.capabilities.workspace?.configuration;
    structure.initialize(params);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        // outline, folding, selection, highlights, links, definition, workspace symbols (+ workspace folders)
        ...structure.capabilities,
        ...workspaceDiagnostics.capabilities(params),
        hoverProvider: true,
        completionProvider: { triggerCharacters: [' ', '(', ','] },
        codeActionProvider: { codeActionKinds: ['quickfix'] },
      },
      serverInfo: { name: 'cable-language-server', version: VERSION },
    };
  });

  // The one `initialized` handler: add other post-initialize work here rather than registering another.
  connection.onInitialized(() => {
    structure.initialized();
  });

  connection.onDidChangeConfiguration(() => {
    settingsCache.clear();
    workspaceDiagnostics.settingsChanged();
    // Rule severities may have changed: every open cable is linted again.
    for (const doc of documents.all()) scheduleLint(doc.uri, 0);
  });

  documents.onDidClose((e) => {
    models.delete(e.document.uri);
    if (overLimit.delete(e.document.uri)) {
      void connection.sendNotification(CABLE_STATUS, { uri: e.document.uri, large: false } satisfies CableStatusParams);
    }
    settingsCache.delete(e.document.uri);
    const t = pendingLint.get(e.document.uri);
    if (t) clearTimeout(t);
    pendingLint.delete(e.document.uri);
    linted.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  // Diagnostics are pushed: after each change, a little debounced (`cable.diagnostics.run` = onType), or
  // on open and save (onSave). Results are published only for the version they were computed for.
  const LINT_DELAY_MS = 120;
  const pendingLint = new Map<string, ReturnType<typeof setTimeout>>();
  const linted = new Set<string>();

  function scheduleLint(uri: string, delay: number): void {
    const t = pendingLint.get(uri);
    if (t) clearTimeout(t);
    pendingLint.set(
      uri,
      setTimeout(() => {
        pendingLint.delete(uri);
        void lintNow(uri);
      }, delay),
    );
  }

  async function lintNow(uri: string): Promise<void> {
    try {
      const doc = documents.get(uri);
      if (!doc) return;
      const version = doc.version;
      const settings = await getSettings(uri);
      const dict = await dictionaryFor(uri);
      const current = documents.get(uri);
      if (!current || current.version !== version) return; // a newer version is on its way
      const model = models.get(current);
      reportSize(uri, exceedsMaxFileSize(model, settings), settings.maxFileSize);
      const diagnostics = computeDiagnostics(model, settings, dict, uri, {
        onRuleError: (code, err) => connection.console.error(`rule ${code} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`),
      });
      linted.add(uri);
      await connection.sendDiagnostics({ uri, version, diagnostics });
    } catch (err) {
      connection.console.error(`diagnostics failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    }
  }

  // Documents over `cable.maxFileSize` keep highlighting, outline and the cheap rules; the client hears
  // once per crossing of the limit (the language status item says so), never silently.
  const overLimit = new Set<string>();
  const costlyRules = RULES.filter((r) => r.costly).map((r) => r.code);
  function reportSize(uri: string, large: boolean, limit: number): void {
    if (large === overLimit.has(uri)) return;
    let message: string | undefined;
    if (large) {
      overLimit.add(uri);
      message = `Larger than cable.maxFileSize (${limit} bytes): highlighting, outline and the header checks still work; the rules that walk every paragraph (${costlyRules.join(', ')}) are skipped.`;
      connection.console.info(`${uri}: ${message}`);
    } else overLimit.delete(uri);
    void connection.sendNotification(CABLE_STATUS, { uri, large, message } satisfies CableStatusParams);
  }

  documents.onDidChangeContent(async (e) => {
    const uri = e.document.uri;
    // A client that sends two different texts under one version number must not be served the
    // first text's model: the cache entry goes with every change, whatever the version says.
    models.delete(uri);
    // The first version (open) is linted at once whatever the mode.
    if (!linted.has(uri) && !pendingLint.has(uri)) return scheduleLint(uri, 0);
    const settings = await getSettings(uri);
    if (settings.diagnostics.run === 'onType') scheduleLint(uri, LINT_DELAY_MS);
  });

  documents.onDidSave(async (e) => {
    const settings = await getSettings(e.document.uri);
    if (settings.diagnostics.run === 'onSave') scheduleLint(e.document.uri, 0);
  });

  connection.onCodeAction(async (params, token) => {
    try {
      const doc = documents.get(params.textDocument.uri);
      if (!doc) return [];
      const uri = doc.uri;
      const settings = await getSettings(uri);
      const dict = await dictionaryFor(uri);
      // Cancelled while waiting for the settings (the user moved on): skip the rules.
      if (token.isCancellationRequested) return [];
      const current = documents.get(uri);
      if (!current) return [];
      return codeActions(models.get(current), uri, params.range, params.context.diagnostics, settings, dict);
    } catch (err) {
      connection.console.error(`code actions failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      return [];
    }
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

  connection.onHover(async (params, token) => {
    try {
      if (!documents.get(params.textDocument.uri)) return null;
      const dict = await dictionaryFor(params.textDocument.uri);
      // Re-read after the wait: the answer is for the text as it is now, unless nobody wants it.
      const doc = documents.get(params.textDocument.uri);
      if (!doc || token.isCancellationRequested) return null;
      const model = models.get(doc);
      return citationHover(model, params.position, structure.index, structure.index.status) ?? hover(model, params.position, dict);
    } catch (err) {
      connection.console.error(`hover failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      return null;
    }
  });

  connection.onCompletion(async (params, token) => {
    try {
      if (!documents.get(params.textDocument.uri)) return [];
      const dict = await dictionaryFor(params.textDocument.uri);
      // Re-read after the wait: the answer is for the text as it is now, unless nobody wants it.
      const doc = documents.get(params.textDocument.uri);
      if (!doc || token.isCancellationRequested) return [];
      return completion(models.get(doc), params.position, dict);
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
