/**
 * One LSP conversation about a set of cables, run the same way against any server connection, so the
 * browser worker's answers can be compared with the Node server's. Asks for everything the server
 * announces that is read-only; a feature that lands later is compared without touching this file.
 */
import type { ProtocolConnection, InitializeResult, ServerCapabilities } from 'vscode-languageserver-protocol/node';

/** What the test client tells both servers it can do (the same as test/lsp/lspClient.ts). */
export const CLIENT_CAPABILITIES = {
  workspace: { configuration: true },
  textDocument: {
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    publishDiagnostics: { relatedInformation: true },
  },
};

export interface Doc {
  uri: string;
  text: string;
  /** Positions to hover at. */
  positions: { line: number; character: number }[];
  /**
   * Positions to ask for completions at. Lists of TAGS run to thousands of items, which the relay
   * through Chromium's DevTools protocol takes seconds to carry, so tests ask at a few places only.
   */
  completeAt: { line: number; character: number }[];
}

export interface Answers {
  uri: string;
  symbols: unknown;
  hovers: unknown[];
  diagnostics: unknown;
  /** Further read-only features the server announced, keyed by method. */
  more: Record<string, unknown>;
}

/** Answers the requests a server may send a client, as the test client in test/lsp does. */
export function answerClientRequests(connection: ProtocolConnection): void {
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  // The browser server asks its client for workspace files; a client without a folder cannot list any.
  connection.onRequest('cable/findFiles', () => ({ listed: false, uris: [], reason: 'no folder is open.' }));
  connection.onRequest('cable/readFile', () => ({ error: 'no folder is open.' }));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Waits for the diagnostics of every URI: pulled when the server announces a diagnostic provider,
 * else the last push once pushes have been quiet for `quietMs`.
 */
async function collectDiagnostics(
  connection: ProtocolConnection,
  caps: ServerCapabilities,
  pushed: Map<string, unknown>,
  uris: string[],
  timeoutMs: number,
): Promise<Map<string, unknown>> {
  const out = new Map<string, unknown>();
  if (caps.diagnosticProvider) {
    for (const uri of uris) {
      const report = (await connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as {
        items?: unknown[];
      };
      out.set(uri, report.items ?? report);
    }
    return out;
  }
  const quietMs = 300;
  const start = Date.now();
  let lastCount = -1;
  let quietSince = Date.now();
  while (Date.now() - start < timeoutMs) {
    if (pushed.size !== lastCount) {
      lastCount = pushed.size;
      quietSince = Date.now();
    }
    if (uris.every((u) => pushed.has(u)) && Date.now() - quietSince >= quietMs) break;
    await sleep(50);
  }
  for (const uri of uris) out.set(uri, pushed.has(uri) ? pushed.get(uri) : 'no diagnostics published');
  return out;
}

/** Opens every document, then asks the same questions of each; the connection is already initialized. */
export async function converse(
  connection: ProtocolConnection,
  init: InitializeResult,
  docs: Doc[],
  options: { diagnosticsTimeoutMs?: number } = {},
): Promise<Answers[]> {
  const caps = init.capabilities;
  const pushed = new Map<string, unknown>();
  connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: unknown[] }) => {
    pushed.set(p.uri, p.diagnostics);
  });
  for (const d of docs) {
    await connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: d.uri, languageId: 'cable', version: 1, text: d.text },
    });
  }
  const diagnostics = await collectDiagnostics(
    connection,
    caps,
    pushed,
    docs.map((d) => d.uri),
    options.diagnosticsTimeoutMs ?? 10_000,
  );
  const answers: Answers[] = [];
  for (const d of docs) {
    const textDocument = { uri: d.uri };
    const symbols = caps.documentSymbolProvider
      ? await connection.sendRequest('textDocument/documentSymbol', { textDocument })
      : 'not announced';
    const hovers: unknown[] = [];
    for (const position of d.positions) {
      hovers.push(caps.hoverProvider ? await connection.sendRequest('textDocument/hover', { textDocument, position }) : 'not announced');
    }
    const more: Record<string, unknown> = {};
    if (caps.foldingRangeProvider) more.foldingRange = await connection.sendRequest('textDocument/foldingRange', { textDocument });
    if (caps.documentLinkProvider) more.documentLink = await connection.sendRequest('textDocument/documentLink', { textDocument });
    if (caps.semanticTokensProvider && 'full' in caps.semanticTokensProvider && caps.semanticTokensProvider.full) {
      more.semanticTokens = await connection.sendRequest('textDocument/semanticTokens/full', { textDocument });
    }
    if (caps.completionProvider) {
      more.completion = [];
      for (const position of d.completeAt) {
        (more.completion as unknown[]).push(await connection.sendRequest('textDocument/completion', { textDocument, position }));
      }
    }
    if (caps.codeActionProvider) {
      const range = { start: { line: 0, character: 0 }, end: { line: d.text.split('\n').length, character: 0 } };
      more.codeAction = await connection.sendRequest('textDocument/codeAction', {
        textDocument,
        range,
        context: { diagnostics: Array.isArray(diagnostics.get(d.uri)) ? diagnostics.get(d.uri) : [] },
      });
    }
    answers.push({ uri: d.uri, symbols, hovers, diagnostics: diagnostics.get(d.uri), more });
  }
  return answers;
}
