/**
 * Test helper: starts the browser bundle of the language server (dist/web/server.js) in a real Web
 * Worker inside headless Debian Chromium, and gives the test an LSP connection to it. Node relays each
 * JSON-RPC message to the page, which hands it to the worker with postMessage, and back: the same path
 * the web client uses on vscode.dev, minus VS Code.
 */
import { createServer, type Server } from 'node:http';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import {
  AbstractMessageReader,
  AbstractMessageWriter,
  createProtocolConnection,
  type DataCallback,
  type Disposable,
  type Message,
  type MessageReader,
  type MessageWriter,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';

export const WEB_SERVER = join(__dirname, '..', '..', 'dist', 'web', 'server.js');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags that keep Debian's Chromium quiet and offline: no sandbox (containers), no phoning home. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const PAGE = `<!doctype html><meta charset="utf-8"><title>cable worker</title>
<script>
  // The worker's errors would otherwise vanish; the test reads them from here.
  window.workerErrors = [];
  window.worker = new Worker('/server.js');
  window.worker.onmessage = (e) => window.fromWorker(e.data);
  window.worker.onerror = (e) => window.workerErrors.push(String(e.message));
</script>`;

export function skipReason(): string | undefined {
  if (!existsSync(CHROMIUM)) return `no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`;
  if (!existsSync(WEB_SERVER)) return `${WEB_SERVER} is missing: run npm run build`;
  return undefined;
}

class PageReader extends AbstractMessageReader implements MessageReader {
  private callback: DataCallback | undefined;
  private readonly queue: Message[] = [];

  push(raw: Message): void {
    // postMessage clones structurally and keeps `key: undefined`; LSP is JSON, where such keys do not
    // exist (and the Node server's stdio drops them), so each message is read as its JSON text.
    const msg = JSON.parse(JSON.stringify(raw)) as Message;
    if (this.callback) this.callback(msg);
    else this.queue.push(msg);
  }

  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    for (const m of this.queue.splice(0)) callback(m);
    return { dispose: () => (this.callback = undefined) };
  }
}

class PageWriter extends AbstractMessageWriter implements MessageWriter {
  constructor(private readonly page: Page) {
    super();
  }

  async write(msg: Message): Promise<void> {
    try {
      await this.page.evaluate((m) => (globalThis as unknown as { worker: Worker }).worker.postMessage(m), msg as object);
    } catch (e) {
      this.fireError(e as Error, msg, 1);
      throw e;
    }
  }

  end(): void {}
}

export interface WorkerServer {
  connection: ProtocolConnection;
  page: Page;
  /** Errors the worker raised (uncaught exceptions, failed script load). */
  workerErrors(): Promise<string[]>;
  /** Everything the page and worker logged to the console, for failure messages. */
  consoleLog: string[];
  close(): Promise<void>;
}

/** Serves only the page and the bundle, on 127.0.0.1 and a free port. */
function serve(): Promise<Server> {
  const bundle = readFileSync(WEB_SERVER);
  const server = createServer((req, res) => {
    if (req.url === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
    } else if (req.url === '/server.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(bundle);
    } else {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

let browser: Browser | undefined;

/** One Chromium for the whole test file; each server gets its own page and worker. */
async function getBrowser(): Promise<Browser> {
  browser ??= await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  return browser;
}

export async function closeBrowser(): Promise<void> {
  await browser?.close();
  browser = undefined;
}

export async function startWorkerServer(): Promise<WorkerServer> {
  const http = await serve();
  const port = (http.address() as AddressInfo).port;
  const context = await (await getBrowser()).newContext();
  const page = await context.newPage();
  const consoleLog: string[] = [];
  page.on('console', (m) => consoleLog.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => consoleLog.push(`pageerror: ${e.message}`));
  const reader = new PageReader();
  await page.exposeFunction('fromWorker', (msg: Message) => reader.push(msg));
  await page.goto(`http://127.0.0.1:${port}/`);
  const connection = createProtocolConnection(reader, new PageWriter(page));
  return {
    connection,
    page,
    consoleLog,
    workerErrors: () => page.evaluate(() => (globalThis as unknown as { workerErrors: string[] }).workerErrors),
    async close() {
      connection.dispose();
      await context.close();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
