/**
 * The client's crash handling and status item (client/src/common.ts) without VS Code: the `vscode`
 * module is replaced by a recording fake, so the real error handler and the real `cable/status`
 * wiring run. The restart policy against a real crashing server is test/lsp/restart.test.ts.
 */
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import Module from 'node:module';

// ---- a recording stand-in for the `vscode` module, installed before common.ts loads it

interface Status {
  text: string;
  detail?: string;
  severity?: number;
  name?: string;
  command?: unknown;
}
const Severity = { Information: 0, Warning: 1, Error: 2 };
const record = {
  errors: [] as string[],
  warnings: [] as string[],
  shownErrors: [] as string[],
  commands: new Map<string, (...a: unknown[]) => unknown>(),
  status: { text: '' } as Status,
  activeUri: undefined as string | undefined,
  activeListeners: [] as (() => void)[],
};
const disposable = { dispose() {} };
const fakeVscode = {
  LanguageStatusSeverity: Severity,
  window: {
    createOutputChannel: () => ({
      error: (m: string) => record.errors.push(m),
      warn: (m: string) => record.warnings.push(m),
      info: () => undefined,
      show: () => undefined,
      dispose() {},
    }),
    showErrorMessage: (m: string) => {
      record.shownErrors.push(m);
      return Promise.resolve(undefined);
    },
    get activeTextEditor() {
      return record.activeUri ? { document: { uri: { toString: () => record.activeUri } } } : undefined;
    },
    onDidChangeActiveTextEditor: (f: () => void) => {
      record.activeListeners.push(f);
      return disposable;
    },
  },
  languages: { createLanguageStatusItem: () => record.status },
  commands: {
    registerCommand: (name: string, f: (...a: unknown[]) => unknown) => {
      record.commands.set(name, f);
      return disposable;
    },
  },
};
// Anything else vscode-languageclient touches while loading: inert functions all the way down.
const inert: unknown = new Proxy(function () {}, { get: (_t, k) => (k === 'then' ? undefined : inert), apply: () => inert, construct: () => inert as object });
const vscodeStub = new Proxy(fakeVscode, { get: (t, k) => (k in t ? t[k as keyof typeof t] : inert) });

type Loader = { _load: (request: string, parent: unknown, isMain: boolean) => unknown };
let common: typeof import('../../client/src/common.ts');
let lc: typeof import('vscode-languageclient');

before(async () => {
  const M = Module as unknown as Loader;
  const original = M._load;
  M._load = (request, parent, isMain) => (request === 'vscode' ? vscodeStub : original(request, parent, isMain));
  common = await import('../../client/src/common.ts');
  lc = await import('vscode-languageclient');
});

/** The output channel activate.ts makes and hands to the client. */
function output() {
  return fakeVscode.window.createOutputChannel() as never;
}

function context() {
  return { subscriptions: [] as unknown[], extension: { packageJSON: {} } } as never;
}

test('the error handler restarts a crashed server 4 times in 3 minutes, then stops and says so once', () => {
  const ui = common.createClientUi(context(), output());
  const handler = common.createErrorHandler(ui);
  const actions: unknown[] = [];
  for (let i = 0; i < 4; i++) actions.push(handler.closed());
  assert.deepEqual(
    actions.map((a) => (a as { action: number }).action),
    [lc.CloseAction.Restart, lc.CloseAction.Restart, lc.CloseAction.Restart, lc.CloseAction.Restart],
  );
  assert.equal(record.shownErrors.length, 0);
  const fifth = handler.closed() as { action: number; handled: boolean };
  assert.equal(fifth.action, lc.CloseAction.DoNotRestart);
  assert.equal(record.status.text, '$(error) Cable: stopped');
  assert.equal(record.status.severity, Severity.Error);
  assert.equal(record.shownErrors.length, 1);
  assert.match(record.shownErrors[0]!, /crashed 5 times in 3 minutes.*Restart Language Server/);
  assert.match(record.errors.join('\n'), /will not be restarted/);
  assert.equal(record.warnings.filter((w) => /restarting it/.test(w)).length, 4);
});

test('connection errors: carry on for the first three, then shut down', () => {
  const handler = common.createErrorHandler(common.createClientUi(context(), output()));
  const err = new Error('write EPIPE');
  assert.equal((handler.error(err, undefined, 1) as { action: number }).action, lc.ErrorAction.Continue);
  assert.equal((handler.error(err, undefined, 3) as { action: number }).action, lc.ErrorAction.Continue);
  assert.equal((handler.error(err, undefined, 4) as { action: number }).action, lc.ErrorAction.Shutdown);
});

/** Enough of a BaseLanguageClient for wireClient: notifications, state changes, start/stop. */
function fakeClient() {
  const notifications = new Map<string, (p: unknown) => void>();
  const stateListeners: ((e: { oldState: number; newState: number }) => void)[] = [];
  let running = false;
  const calls: string[] = [];
  return {
    calls,
    notify: (method: string, p: unknown) => notifications.get(method)!(p),
    setState(newState: number) {
      running = newState === lc.State.Running;
      for (const l of stateListeners) l({ oldState: 0, newState });
    },
    client: {
      onNotification: (method: string, f: (p: unknown) => void) => {
        notifications.set(method, f);
        return disposable;
      },
      onDidChangeState: (f: (e: { oldState: number; newState: number }) => void) => {
        stateListeners.push(f);
        return disposable;
      },
      isRunning: () => running,
      start: async () => void calls.push('start'),
      stop: async () => void calls.push('stop'),
    },
  };
}

test('cable/status: the status item says "large file" while such a cable is active, once in the output, and clears', () => {
  const ui = common.createClientUi(context(), output());
  const fc = fakeClient();
  common.wireClient(context(), ui, fc.client as never);
  fc.setState(lc.State.Running);
  assert.equal(record.status.text, '$(check) Cable');
  const warningsBefore = record.warnings.length;

  record.activeUri = 'file:///big.cable';
  fc.notify('cable/status', { uri: 'file:///big.cable', large: true, message: 'Larger than cable.maxFileSize (5242880 bytes): … skipped.' });
  assert.equal(record.status.text, '$(warning) Cable: large file');
  assert.equal(record.status.severity, Severity.Warning);
  assert.match(record.status.detail ?? '', /cable\.maxFileSize/);
  assert.equal(record.warnings.length, warningsBefore + 1, 'logged once');

  // Another editor becomes active: the item goes back to normal; back to the big one: large again.
  record.activeUri = 'file:///small.cable';
  record.activeListeners.forEach((f) => f());
  assert.equal(record.status.text, '$(check) Cable');
  record.activeUri = 'file:///big.cable';
  record.activeListeners.forEach((f) => f());
  assert.equal(record.status.text, '$(warning) Cable: large file');

  // Under the limit again.
  fc.notify('cable/status', { uri: 'file:///big.cable', large: false });
  assert.equal(record.status.text, '$(check) Cable');

  // A restarted server reports afresh: what the old one said is forgotten.
  fc.notify('cable/status', { uri: 'file:///big.cable', large: true, message: 'x' });
  fc.setState(lc.State.Starting);
  fc.setState(lc.State.Running);
  assert.equal(record.status.text, '$(check) Cable');
});

test('restarting gives the crash budget back and starts the server again', async () => {
  const ui = common.createClientUi(context(), output());
  const handler = common.createErrorHandler(ui);
  for (let i = 0; i < 5; i++) handler.closed();
  assert.equal(ui.policy.shouldRestart(Date.now()), false, 'budget used up');
  const fc = fakeClient();
  const restart = common.wireClient(context(), ui, fc.client as never);
  await restart();
  assert.deepEqual(fc.calls, ['start']);
  assert.equal(ui.policy.shouldRestart(Date.now()), true, 'budget restored');
});
