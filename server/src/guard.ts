/**
 * The one way a request or notification reaches the language service, and where the protocol's rules
 * are kept. vscode-languageserver 11 (read in its source, common/server.js and vscode-jsonrpc's
 * connection.js) leaves these to the server: it runs any handler it has whatever the session's phase,
 * and answers a cancelled request with whatever the handler returned. So here:
 * - before `initialize`, a request is answered -32002 (ServerNotInitialized) and a notification is
 *   dropped (`exit` aside, which the library handles); a second `initialize` is refused;
 * - after `shutdown`, every request is answered -32600 (InvalidRequest);
 * - a request cancelled before or while it runs is answered -32800 (RequestCancelled). Handlers run on
 *   one thread, so a cancellation can only land between awaits: the guard checks before the handler runs
 *   (a request cancelled while it queued behind a long parse costs nothing) and after it settles, and a
 *   handler that waits calls `throwIfCancelled` before its costly step;
 * - a handler that fails is logged with its stack and answered with the feature's empty result, so one
 *   bug costs one answer, never the session;
 * - each registration names the capability it serves, so `initialize` announces exactly what is served.
 * A message reader error (a frame with a wrong Content-Length) is handled where the transport is made:
 * see `watchReader` below and main.node.ts.
 */
import {
  ErrorCodes,
  LSPErrorCodes,
  ResponseError,
  type CancellationToken,
  type ClientCapabilities,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type MessageReader,
  type NotificationHandler,
  type NotificationType,
  type RequestHandler,
  type RequestType,
  type ServerCapabilities,
  type TextDocuments,
  type TextDocumentIdentifier,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CableFile } from './service/sequence.ts';

/** The document-sync notifications that `TextDocuments.listen` registers. */
type TextDocumentConnection = Parameters<TextDocuments<TextDocument>['listen']>[0];

export type Handler<P, R> = (params: P, token: CancellationToken) => R | Promise<R>;

/** How a document request is served: its empty answer, its capability, and what it waits for first. */
export interface DocumentRequest<R, X> {
  fallback: R;
  capability?: ServerCapabilities;
  /** Awaited before the model is read (settings, the dictionary); the guard checks cancellation after it. */
  wait?: (uri: string) => Promise<X>;
}

type Phase = 'new' | 'running' | 'shut down';

/**
 * The open documents as the guard sees them: whether one is open, whether its text is parsed, its cables
 * (one model per cable of the file; service/sequence.ts).
 */
export interface OpenModels {
  isOpen(uri: string): boolean;
  isParsed(uri: string): boolean;
  fileOf(uri: string): CableFile | undefined;
}

/** One turn of the event loop (setTimeout: the browser worker has no setImmediate). */
const nextTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** An error's stack (or message) for the log. */
export function errorText(err: unknown): string {
  return err instanceof Error ? (err.stack ?? err.message) : String(err);
}

/** Ends a request that nobody wants any more with -32800, as the protocol asks. */
export function throwIfCancelled(token: CancellationToken): void {
  if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
}

export class Guard {
  private phase: Phase = 'new';
  private clientCapabilities: ClientCapabilities = {};
  private readonly served: ServerCapabilities = {};

  constructor(
    private readonly connection: Connection,
    private readonly models: OpenModels,
  ) {
    // Any request nobody registered: refused by phase first, as the protocol orders.
    connection.onRequest((method: string) => this.refusal(method) ?? new ResponseError(ErrorCodes.MethodNotFound, `Unhandled method ${method}`));
    connection.onShutdown(() => {
      const refused = this.refusal('shutdown');
      if (refused) throw refused;
      this.phase = 'shut down';
    });
  }

  /** What the client said it can do at `initialize` (empty before). */
  get client(): ClientCapabilities {
    return this.clientCapabilities;
  }

  get hasShutDown(): boolean {
    return this.phase === 'shut down';
  }

  /**
   * Capabilities that belong to no one request (document sync, workspace folders). Merged one level
   * deep, so two features may each add their part of `workspace`.
   */
  announce(capability: ServerCapabilities): void {
    const served = this.served as Record<string, unknown>;
    for (const [key, value] of Object.entries(capability)) {
      const had = served[key];
      const both = typeof had === 'object' && had !== null && typeof value === 'object' && value !== null;
      served[key] = both && !Array.isArray(value) ? { ...had, ...value } : value;
    }
  }

  /** The `initialize` request: `setUp` reads the client's parameters; the answer lists what is registered. */
  onInitialize(setUp: (params: InitializeParams) => Omit<InitializeResult, 'capabilities'>): void {
    this.connection.onInitialize((params) => {
      if (this.phase !== 'new') return new ResponseError(ErrorCodes.InvalidRequest, 'initialize may be sent only once.');
      this.clientCapabilities = params.capabilities;
      const rest = setUp(params);
      this.phase = 'running';
      return { ...rest, capabilities: { ...this.served } };
    });
  }

  /** A request through the guard. `fallback` is the answer when the handler fails. */
  request<P, R>(type: RequestType<P, R, unknown>, fallback: R, capability: ServerCapabilities | undefined, handler: Handler<P, R>): void {
    if (capability) this.announce(capability);
    const guarded = (params: P, token: CancellationToken) => this.answer(type.method, fallback, token, () => handler(params, token));
    // The library's handler type is conditional on R, which TypeScript cannot check for a generic R.
    this.connection.onRequest(type, guarded as RequestHandler<P, R, unknown>);
  }

  /**
   * A request about one document: answered `fallback` when the document is not open, else `f` with its
   * cables, read after `wait` (if any) so the answer describes the text as it is now. A feature over one
   * model reaches it through features/perCable.ts (the cable at a position, or every cable in turn).
   */
  document<P extends { textDocument: TextDocumentIdentifier }, R, X = undefined>(
    type: RequestType<P, R, unknown>,
    how: DocumentRequest<R, X>,
    f: (file: CableFile, params: P, extra: X) => R,
  ): void {
    this.request(type, how.fallback, how.capability, async (params, token) => {
      const uri = params.textDocument.uri;
      if (!this.models.isOpen(uri)) return how.fallback;
      let extra = undefined as X;
      if (how.wait) {
        extra = await how.wait(uri);
        throwIfCancelled(token);
      }
      if (!this.models.isParsed(uri)) {
        // The parse is the long step (the walks over a parsed model take a millisecond or two), and the
        // handlers are synchronous: one turn of the event loop first lets a cancellation sent right
        // behind the request arrive, and the parse of a text nobody wants any more is skipped.
        await nextTurn();
        throwIfCancelled(token);
      }
      // Read after the wait: the answer describes the text as it is now (or nothing, if it was closed).
      const file = this.models.fileOf(uri);
      return file ? f(file, params, extra) : how.fallback;
    });
  }

  /** A notification through the guard: dropped outside the running phase, and its failure logged. */
  notification<P>(type: NotificationType<P>, handler: (params: P) => void | Promise<void>): void {
    this.connection.onNotification(type, this.gate(type.method, handler));
  }

  /** The document-sync notifications through the same gate, for `TextDocuments.listen`. */
  documentSync(): TextDocumentConnection {
    const c = this.connection;
    return {
      onDidOpenTextDocument: (h) => c.onDidOpenTextDocument(this.gate('textDocument/didOpen', h)),
      onDidChangeTextDocument: (h) => c.onDidChangeTextDocument(this.gate('textDocument/didChange', h)),
      onDidCloseTextDocument: (h) => c.onDidCloseTextDocument(this.gate('textDocument/didClose', h)),
      onWillSaveTextDocument: (h) => c.onWillSaveTextDocument(this.gate('textDocument/willSave', h)),
      onWillSaveTextDocumentWaitUntil: (h) =>
        c.onWillSaveTextDocumentWaitUntil((p, token) => this.answer('textDocument/willSaveWaitUntil', [], token, async () => (await h(p, token)) ?? [])),
      onDidSaveTextDocument: (h) => c.onDidSaveTextDocument(this.gate('textDocument/didSave', h)),
    };
  }

  private refusal(method: string): ResponseError<void> | undefined {
    if (this.phase === 'new') return new ResponseError(ErrorCodes.ServerNotInitialized, `${method}: the server has not been initialized (send initialize first).`);
    if (this.phase === 'shut down') return new ResponseError(ErrorCodes.InvalidRequest, `${method}: the server has been shut down.`);
    return undefined;
  }

  private async answer<R>(method: string, fallback: R, token: CancellationToken, run: () => R | Promise<R>): Promise<R> {
    const refused = this.refusal(method);
    if (refused) throw refused;
    throwIfCancelled(token);
    let result: R;
    try {
      result = await run();
    } catch (err) {
      if (err instanceof ResponseError) throw err;
      this.connection.console.error(`${method} failed: ${errorText(err)}`);
      result = fallback;
    }
    throwIfCancelled(token);
    return result;
  }

  private gate<P>(method: string, handler: NotificationHandler<P> | ((params: P) => void | Promise<void>)): (params: P) => void {
    return (params: P) => {
      if (this.phase !== 'running') return;
      const fail = (err: unknown) => this.connection.console.error(`${method} failed: ${errorText(err)}`);
      try {
        const done = handler(params) as unknown;
        if (done instanceof Promise) done.catch(fail);
      } catch (err) {
        fail(err);
      }
    };
  }
}

/** What a transport does when its reader fails or closes. */
export interface ReaderPolicy {
  log: (message: string) => void;
  /** The byte stream can no longer be trusted: end the process so the client starts a fresh one. */
  fatal: () => void;
  /** The client closed the stream. */
  closed: () => void;
}

/**
 * A stream reader that has lost the frame boundaries (a wrong or missing Content-Length) reads every
 * later message from the wrong offset: the server would live on and never answer again, and the
 * client's restart policy, which only sees a process that ends, would never fire. So a reader error is
 * logged and ends the process. (Not for the browser worker: its postMessage carries whole messages,
 * and its reader's "errors" are the worker's own uncaught exceptions, which main.browser.ts logs.)
 */
export function watchReader(reader: MessageReader, policy: ReaderPolicy): void {
  let ending = false;
  reader.onError((err) => {
    if (ending) return;
    ending = true;
    policy.log(`The editor sent a message the server cannot read (${err.message.split('\n')[0]}); the messages after it cannot be framed, so the server exits and the editor starts a fresh one.`);
    policy.fatal();
  });
  reader.onClose(() => policy.closed());
  reader.onPartialMessage((info) =>
    policy.log(`A message announced by its Content-Length has not arrived in full after ${info.waitingTime} ms; waiting for the rest.`),
  );
}
