/**
 * Node entry point of the language server: picks the transport from the command line and starts
 * server.ts on it. `cable-language-server --stdio` is how Neovim, Emacs, Helix and Sublime start it;
 * the VS Code client starts it with `--node-ipc`.
 *
 * The transport is made here rather than by vscode-languageserver from process.argv, so that its message
 * reader is in our hands: a reader error (a frame with a wrong Content-Length) ends the process, which
 * the client's restart policy then sees (guard.ts, watchReader). What the library did for --stdio is
 * kept: the process ends when standard input closes, and console.log goes to the editor's log, not
 * into the protocol stream.
 */
import { format } from 'node:util';
import {
  createConnection,
  createServerPipeTransport,
  createServerSocketTransport,
  IPCMessageReader,
  IPCMessageWriter,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
  type Connection,
  type MessageReader,
  type MessageWriter,
} from 'vscode-languageserver/node';
import { startServer } from './server.ts';
import { watchReader } from './guard.ts';
import { nodeFileSystem } from './workspace/nodeFileSystem.ts';
import { VERSION } from './version.ts';
import { installTestHooks } from './testHooks.ts';

const USAGE = `Usage: cable-language-server (--stdio | --node-ipc | --socket=PORT) [--clientProcessId=PID]

Language server for US diplomatic cables (.cable files), speaking the Language Server Protocol.

  --stdio              talk LSP over standard input/output (editors other than VS Code)
  --node-ipc           talk LSP over Node IPC (the VS Code extension uses this)
  --socket=PORT        talk LSP over a TCP socket on 127.0.0.1:PORT
  --clientProcessId=N  exit when the editor process N exits
  --version            print the version and exit
  --help               print this help and exit
`;

/** sysexits.h EX_PROTOCOL ("remote error in protocol"): the editor sent bytes that cannot be framed. */
const EXIT_PROTOCOL_ERROR = 76;

/** The one transport option of the command line (exits with the usage on anything else). */
function transportArg(argv: string[]): string {
  const transports: string[] = [];
  for (const arg of argv) {
    if (arg === '--help' || arg === '-h') {
      process.stdout.write(USAGE);
      process.exit(0);
    }
    if (arg === '--version' || arg === '-v') {
      process.stdout.write(`${VERSION}\n`);
      process.exit(0);
    }
    if (arg === '--stdio' || arg === '--node-ipc' || /^--socket=\d{1,5}$/.test(arg) || /^--pipe=.+$/.test(arg)) transports.push(arg);
    else if (!/^--clientProcessId=\d+$/.test(arg)) {
      process.stderr.write(`cable-language-server: unknown option '${arg}'\n\n${USAGE}`);
      process.exit(2);
    }
  }
  if (transports.length !== 1) {
    process.stderr.write(`cable-language-server: ${transports.length === 0 ? 'no transport given' : 'give only one transport'}\n\n${USAGE}`);
    process.exit(2);
  }
  return transports[0]!;
}

function openTransport(arg: string): [MessageReader, MessageWriter] {
  if (arg === '--stdio') return [new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout)];
  if (arg === '--node-ipc') return [new IPCMessageReader(process), new IPCMessageWriter(process)];
  if (arg.startsWith('--socket=')) return createServerSocketTransport(Number(arg.slice('--socket='.length)));
  return createServerPipeTransport(arg.slice('--pipe='.length));
}

/** Over stdio, standard output is the protocol stream: console output goes to the editor's log instead. */
function routeConsoleToEditor(connection: Connection): void {
  console.log = console.info = console.debug = (...args: unknown[]) => connection.console.log(format(...args));
}

function main(argv: string[]): void {
  const arg = transportArg(argv);
  // Hidden hooks for the robustness tests and the benchmark (crash on demand, heap figures); inert
  // unless CABLE_SERVER_TEST_HOOKS=1 is in the environment.
  const hooks = process.env.CABLE_SERVER_TEST_HOOKS === '1';
  if (hooks && process.env.CABLE_TEST_CRASH_ON_START === '1') process.exit(70);
  const [reader, writer] = openTransport(arg);
  const connection = createConnection(ProposedFeatures.all, reader, writer);
  if (arg === '--stdio') routeConsoleToEditor(connection);
  // Every handler catches its own errors; this is the net under a bug that escapes one (a throw in a
  // timer, a rejected promise nobody awaited): logged, and the editor keeps its server.
  process.on('uncaughtException', (err) => connection.console.error(`uncaught exception: ${err.stack ?? err.message}`));
  process.on('unhandledRejection', (err) => connection.console.error(`unhandled rejection: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`));
  const extra = hooks ? installTestHooks(connection) : {};
  const server = startServer(connection, { fileSystem: nodeFileSystem, ...extra });
  watchReader(reader, {
    log: (message) => {
      process.stderr.write(`cable-language-server: ${message}\n`);
      connection.console.error(message);
    },
    // A moment for the log line to reach the editor before the process goes.
    fatal: () => setTimeout(() => process.exit(EXIT_PROTOCOL_ERROR), 100),
    closed: () => process.exit(server.hasShutDown ? 0 : 1),
  });
}

main(process.argv.slice(2));
