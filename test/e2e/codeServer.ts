/**
 * code-server (VS Code 1.100 served to a browser) and headless Debian Chromium, for the real-editor tiers.
 * Every server runs in its own process group (spawned detached = setsid) and is ended with
 * `kill -- -PGID`, because its extension host and language server outlive a plain kill of the parent.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { format } from 'node:util';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const REPO = join(__dirname, '..', '..');
export const FIXTURES = join(REPO, 'test', 'fixtures');
export const CODE_SERVER = join(REPO, 'tools', 'code-server', 'node_modules', '.bin', 'code-server');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const RESULTS = join(REPO, 'test-results');

/** Why the tier cannot run here, or undefined when it can. */
export function missingPrerequisite(): string | undefined {
  if (!existsSync(CODE_SERVER)) return `code-server is not installed (run scripts/install-code-server.sh)`;
  if (!existsSync(CHROMIUM)) return `no Chromium at ${CHROMIUM} (apt-get install chromium)`;
  if (!existsSync(join(REPO, 'dist', 'server.js'))) return 'dist/ is not built (npm run build)';
  return undefined;
}

const groups = new Set<number>();
function killGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // ESRCH: the group is already gone.
  }
}
// A test process that dies early must not leave a VS Code server and its extension host behind.
process.on('exit', () => {
  for (const g of groups) killGroup(g, 'SIGKILL');
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * `code-server --install-extension`: the same path a user takes with the packaged .vsix. Waits for the
 * process to exit, not for its output pipes to close (a helper it starts keeps them open), then ends its group.
 */
async function installExtension(vsix: string, common: string[], env: NodeJS.ProcessEnv, logFile: string): Promise<void> {
  const log = openSync(logFile, 'w');
  const child = spawn(CODE_SERVER, [...common, '--install-extension', vsix, '--force'], {
    env,
    detached: true,
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  const pgid = child.pid!;
  groups.add(pgid);
  const timer = setTimeout(() => killGroup(pgid, 'SIGKILL'), 60_000);
  const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
  clearTimeout(timer);
  killGroup(pgid, 'SIGKILL');
  groups.delete(pgid);
  const out = readFileSync(logFile, 'utf8');
  if (code !== 0 || !/successfully installed/.test(out)) {
    throw new Error(`code-server --install-extension ${vsix} failed (exit ${code}):\n${out}`);
  }
}

export interface CodeServer {
  port: number;
  origin: string;
  /** Where --install-extension put installed extensions. */
  extensionsDir: string;
  /** The server's own output, for failure messages. */
  log(): string;
  /** A `vscode-remote:` URI for an absolute path on this machine, as the workbench addresses files. */
  remote(path: string): string;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** User settings (written to the fresh user-data-dir). */
  settings?: Record<string, unknown>;
  /** A packaged extension installed with --install-extension before start. */
  vsix?: string;
}

export async function startCodeServer(options: StartOptions = {}): Promise<CodeServer> {
  const dir = mkdtempSync(join(tmpdir(), 'cable-code-server-'));
  const userData = join(dir, 'user-data');
  const extensions = join(dir, 'extensions');
  mkdirSync(join(userData, 'User'), { recursive: true });
  mkdirSync(extensions, { recursive: true });
  writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify(options.settings ?? {}, null, 2));
  const port = await freePort();
  const config = join(dir, 'config.yaml');
  writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  // Without these, code-server writes its config and state under the real ~/.config and ~/.local/share.
  const env = {
    ...process.env,
    XDG_CONFIG_HOME: join(dir, 'xdg-config'),
    XDG_DATA_HOME: join(dir, 'xdg-data'),
    XDG_CACHE_HOME: join(dir, 'xdg-cache'),
  };
  const common = ['--config', config, '--user-data-dir', userData, '--extensions-dir', extensions];

  if (options.vsix) await installExtension(options.vsix, common, env, join(dir, 'install.log'));

  const args = [
    ...common,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
  ];
  const child: ChildProcess = spawn(CODE_SERVER, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const pgid = child.pid!;
  groups.add(pgid);
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const origin = `http://127.0.0.1:${port}`;
  const stop = async (): Promise<void> => {
    killGroup(pgid, 'SIGTERM');
    const timer = setTimeout(() => killGroup(pgid, 'SIGKILL'), 5_000);
    await exited;
    // The group may still hold the extension host or the language server after the leader exits.
    killGroup(pgid, 'SIGKILL');
    clearTimeout(timer);
    groups.delete(pgid);
    rmSync(dir, { recursive: true, force: true });
  };

  // Readiness: /healthz answers once the HTTP server listens (under a second when warm).
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}:\n${out}`);
    try {
      const res = await fetch(`${origin}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer /healthz within 60 s:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }

  return {
    port,
    origin,
    extensionsDir: extensions,
    log: () => out,
    remote: (path) => `vscode-remote://127.0.0.1:${port}${path}`,
    stop,
  };
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** Headless Debian Chromium with a fresh profile. */
export async function launchBrowser(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'cable-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 860 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    close: async () => {
      await context.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface SuiteRun {
  exitCode: number;
  output: string;
}

/**
 * Runs the extension-host suite (mocha `run()` in out/test/suite/index.js) in code-server: the workbench
 * URL's `payload` carries extensionDevelopmentPath / extensionTestsPath, as @vscode/test-web does, and the
 * workbench reports the output and exit code through two functions the page exposes.
 */
export async function runExtensionTests(
  server: CodeServer,
  browser: Browser,
  opts: { extensionPath: string; testsPath: string; folder: string; timeoutMs: number },
): Promise<SuiteRun> {
  let output = '';
  let exit!: (code: number) => void;
  const exited = new Promise<number>((resolve) => (exit = resolve));
  // The workbench calls codeAutomationLog(level, args) with the extension host's console arguments.
  await browser.page.exposeFunction('codeAutomationLog', (level: unknown, args: unknown) => {
    const parts: unknown[] = Array.isArray(args) ? args : [args];
    // The first argument may be a printf-style format ('%s%s', '%d) %s'), as mocha's reporter writes them.
    const text = format(...parts);
    output += level === 'error' ? `[error] ${text}\n` : `${text}\n`;
  });
  await browser.page.exposeFunction('codeAutomationExit', (code: unknown) => exit(Number(code)));
  const payload = JSON.stringify([
    ['extensionDevelopmentPath', server.remote(opts.extensionPath)],
    ['extensionTestsPath', server.remote(opts.testsPath)],
  ]);
  const url = `${server.origin}/?folder=${encodeURIComponent(opts.folder)}&payload=${encodeURIComponent(payload)}`;
  await browser.page.goto(url);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<number>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`the suite did not finish within ${opts.timeoutMs} ms; output so far:\n${output}\nserver log:\n${server.log()}`)),
      opts.timeoutMs,
    );
  });
  try {
    const exitCode = await Promise.race([exited, timeout]);
    return { exitCode, output };
  } finally {
    clearTimeout(timer);
  }
}
