/**
 * Test helper: spawns the bundled server (dist/server.js) and speaks LSP to it, over stdio or Node IPC.
 * Used by every LSP-level test so they exercise the same file the extension ships.
 */
import { spawn, fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  IPCMessageReader,
  IPCMessageWriter,
  InitializeRequest,
  InitializedNotification,
  DidOpenTextDocumentNotification,
  ShutdownRequest,
  ExitNotification,
  type ProtocolConnection,
  type InitializeResult,
} from 'vscode-languageserver-protocol/node';

export const SERVER = join(__dirname, '..', '..', 'dist', 'server.js');

export interface TestServer {
  connection: ProtocolConnection;
  process: ChildProcess;
  initializeResult: InitializeResult;
  stderr: () => string;
  open(uri: string, text: string, version?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startServer(
  transport: 'stdio' | 'ipc' = 'stdio',
  options: {
    initializationOptions?: unknown;
    configuration?: unknown;
    capabilities?: object;
    /** Workspace folders announced at initialize (the server indexes their cables). */
    workspaceFolders?: { uri: string; name: string }[];
    /** Extra environment for the server process (CABLE_SERVER_TEST_HOOKS=1 adds the cable/test/* requests). */
    env?: Record<string, string>;
  } = {},
): Promise<TestServer> {
  let child: ChildProcess;
  let connection: ProtocolConnection;
  let err = '';
  if (transport === 'stdio') {
    child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...options.env } });
    connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  } else {
    child = fork(SERVER, ['--node-ipc'], { stdio: ['pipe', 'pipe', 'pipe', 'ipc'], env: { ...process.env, ...options.env } });
    connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
  }
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  // Answer workspace/configuration with the given settings (or none), as an editor would.
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) =>
    params.items.map(() => options.configuration ?? null),
  );
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.listen();
  const initializeResult = await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: options.workspaceFolders?.[0]?.uri ?? null,
    capabilities: options.capabilities ?? {
      workspace: { configuration: true },
      textDocument: {
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        publishDiagnostics: { relatedInformation: true },
      },
    },
    initializationOptions: options.initializationOptions,
    workspaceFolders: options.workspaceFolders ?? null,
  });
  await connection.sendNotification(InitializedNotification.type, {});
  return {
    connection,
    process: child,
    initializeResult,
    stderr: () => err,
    async open(uri, text, version = 1) {
      await connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri, languageId: 'cable', version, text },
      });
    },
    async close() {
      try {
        await connection.sendRequest(ShutdownRequest.type);
        await connection.sendNotification(ExitNotification.type);
      } catch {
        // already gone
      }
      connection.dispose();
      await new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const t = setTimeout(() => {
          child.kill('SIGKILL');
          resolve();
        }, 2000);
        child.once('exit', () => {
          clearTimeout(t);
          resolve();
        });
      });
    },
  };
}
