/**
 * Node entry point of the language server: picks the transport from the command line and starts
 * server.ts on it. `cable-language-server --stdio` is how Neovim, Emacs, Helix and Sublime start it;
 * the VS Code client starts it with `--node-ipc`.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server.ts';
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

function main(argv: string[]): void {
  let transports = 0;
  for (const arg of argv) {
    if (arg === '--help' || arg === '-h') {
      process.stdout.write(USAGE);
      process.exit(0);
    }
    if (arg === '--version' || arg === '-v') {
      process.stdout.write(`${VERSION}\n`);
      process.exit(0);
    }
    if (arg === '--stdio' || arg === '--node-ipc') transports++;
    else if (/^--socket=\d{1,5}$/.test(arg) || /^--pipe=.+$/.test(arg)) transports++;
    else if (/^--clientProcessId=\d+$/.test(arg)) continue;
    else {
      process.stderr.write(`cable-language-server: unknown option '${arg}'\n\n${USAGE}`);
      process.exit(2);
    }
  }
  if (transports !== 1) {
    process.stderr.write(
      `cable-language-server: ${transports === 0 ? 'no transport given' : 'give only one transport'}\n\n${USAGE}`,
    );
    process.exit(2);
  }
  // Hidden hooks for the robustness tests and the benchmark (crash on demand, heap figures); inert
  // unless CABLE_SERVER_TEST_HOOKS=1 is in the environment.
  if (process.env.CABLE_SERVER_TEST_HOOKS === '1' && process.env.CABLE_TEST_CRASH_ON_START === '1') process.exit(70);
  const connection = createConnection(ProposedFeatures.all);
  // Every handler catches its own errors; this is the net under a bug that escapes one (a throw in a
  // timer, a rejected promise nobody awaited): logged, and the editor keeps its server.
  process.on('uncaughtException', (err) => connection.console.error(`uncaught exception: ${err.stack ?? err.message}`));
  process.on('unhandledRejection', (err) => connection.console.error(`unhandled rejection: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`));
  if (process.env.CABLE_SERVER_TEST_HOOKS === '1') installTestHooks(connection);
  startServer(connection, { fileSystem: nodeFileSystem });
}

main(process.argv.slice(2));
