/**
 * Problems for the whole folder: the diagnostics of every cable in the workspace folders, not only the
 * open ones, for editors that pull them (LSP `workspace/diagnostic`, VS Code). The cables come from the
 * workspace index; each is read whole, checked with the same rules, and reported with a result id
 * built from the index entry's stamp, so a cable the editor already holds the current report for is not
 * read again, and a cable changed on disk is read again as soon as the index hears of it.
 *
 * One `PullSession` serves one `workspace/diagnostic` request. It reports what the editor does not hold
 * yet, then waits, and reports each change as it comes (a held request with partial results: VS Code's
 * client would otherwise ask again every 2 seconds with the result ids of every cable). Open cables are
 * left out (their diagnostics are pushed as they are typed), and so is everything when the folder's
 * `cable.diagnostics.scope` is `openFiles`, or when the folders hold more cables than the automatic
 * limit and nobody asked for a check of all of them.
 *
 * No LSP connection here: the wiring (server/src/workspaceDiagnosticsHandlers.ts) turns reports into
 * protocol messages, progress into work-done progress, and asks the settings.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import type { CableIndex } from './cableIndex.ts';
import { uriKey, type CableEntry } from '../service/cableFacts.ts';
import type { CableFileSystem } from './fileSystem.ts';
import type { Slicer } from './scheduler.ts';

/** Folders with more cables than this are checked only on demand ("Cable: Check All Cables in Folder"). */
export const AUTOMATIC_CHECK_LIMIT = 20_000;
/** Files larger than this are checked when opened, not in the background (a long check would stall requests). */
export const BACKGROUND_READ_LIMIT = 2 * 1024 * 1024;
/** Reports sent to the editor per message, at most. */
const REPORTS_PER_MESSAGE = 200;
/** A batch of reports waits at most this long before it is sent. */
const FLUSH_MS = 300;
/** Cables read and checked at the same time. */
const LANES = 4;
/** Progress is shown when at least this many cables are to be checked at once. */
const PROGRESS_FROM = 50;

export interface FileReport {
  uri: string;
  /** Undefined for a report that clears a cable no longer checked (deleted, opened, out of scope). */
  resultId?: string;
  items: Diagnostic[];
}

export interface ProgressHandle {
  report(done: number, total: number): void;
  done(message?: string): void;
  /** True once the user cancelled the progress. */
  readonly cancelled: boolean;
}

export interface CheckerHost {
  index: CableIndex;
  fs: CableFileSystem | undefined;
  slicer: Slicer;
  /** The diagnostics of a cable's text under the settings of the folder it is in. */
  lint(uri: string, text: string, folderUri: string): Promise<Diagnostic[]>;
  /** The folder's `cable.diagnostics.scope`. */
  scopeOf(folderUri: string): Promise<'openFiles' | 'workspace'>;
  /** Starts a progress report; undefined where the editor shows none. */
  progress?(title: string): Promise<ProgressHandle | undefined>;
  /** Called once when the folders hold more cables than the automatic limit. */
  tooMany?(count: number, limit: number): void;
  log(message: string): void;
}

export interface CheckerOptions {
  automaticLimit?: number;
  readLimit?: number;
}

/** What one cancellation token offers: whether cancelled, and a callback when it happens. */
export interface Cancellation {
  readonly isCancellationRequested: boolean;
  onCancellationRequested(listener: () => void): unknown;
}

export class WorkspaceChecker {
  /** Different for every server run, so result ids of an earlier run never match. */
  private readonly epoch = Date.now().toString(36);
  private generation = 0;
  private onDemand = false;
  private paused = false;
  private toldTooMany = false;
  private readonly sessions = new Set<PullSession>();
  private scopes = new Map<string, Promise<'openFiles' | 'workspace'>>();
  readonly automaticLimit: number;
  readonly readLimit: number;

  constructor(
    readonly host: CheckerHost,
    options: CheckerOptions = {},
  ) {
    this.automaticLimit = options.automaticLimit ?? AUTOMATIC_CHECK_LIMIT;
    this.readLimit = options.readLimit ?? BACKGROUND_READ_LIMIT;
    host.index.onChange((c) => {
      if (!this.paused) for (const s of this.sessions) s.touch(c.key);
    });
  }

  /** Whether a pull session is running (the editor pulls workspace diagnostics). */
  get pulling(): boolean {
    return this.sessions.size > 0;
  }

  /** Settings changed: every report is stale. */
  settingsChanged(): void {
    this.generation++;
    this.scopes.clear();
    this.paused = false;
    for (const s of this.sessions) s.touchAll();
  }

  /** "Check All Cables in Folder": every cable, whatever the folder's size. */
  checkAll(): void {
    this.onDemand = true;
    this.paused = false;
    for (const s of this.sessions) s.touchAll();
  }

  /** The editor forgot its report of a cable when it was closed: report it again. */
  documentClosed(uri: string): void {
    for (const s of this.sessions) s.forget(uriKey(uri));
  }

  /** The user cancelled the progress: stop until asked again. */
  pause(): void {
    this.paused = true;
    this.onDemand = false;
    for (const s of this.sessions) s.clearPending();
  }

  /**
   * Serves one workspace/diagnostic request until it is cancelled or, with `once` (an editor that takes
   * no partial results), until it has something to answer and nothing more is pending.
   */
  async serve(
    previous: readonly { uri: string; value: string }[],
    send: (reports: FileReport[]) => void,
    token: Cancellation,
    once = false,
  ): Promise<void> {
    const session = new PullSession(this, previous, send, token, once);
    this.sessions.add(session);
    try {
      await session.run();
    } finally {
      this.sessions.delete(session);
    }
  }

  resultId(e: CableEntry): string {
    return `${this.epoch}.${this.generation}.${e.stamp}`;
  }

  /**
   * Whether a cable belongs in the workspace report: a closed cable of a workspace folder, when asked for
   * by command, or when the folder's scope is `workspace` and the folders are within the automatic limit.
   */
  async wanted(e: CableEntry): Promise<boolean> {
    const index = this.host.index;
    if (e.open || index.isOpen(e.uri)) return false;
    const folder = index.folderOf(e.uri);
    if (!folder) return false;
    if (this.onDemand) return true;
    if ((await this.scopeOf(folder)) !== 'workspace') return false;
    if (index.size <= this.automaticLimit) return true;
    if (!this.toldTooMany) {
      this.toldTooMany = true;
      this.host.tooMany?.(index.size, this.automaticLimit);
    }
    return false;
  }

  private scopeOf(folder: string): Promise<'openFiles' | 'workspace'> {
    let s = this.scopes.get(folder);
    if (!s) {
      s = this.host.scopeOf(folder).catch(() => 'workspace' as const);
      this.scopes.set(folder, s);
    }
    return s;
  }

  /** Reads and checks one cable. */
  async check(e: CableEntry): Promise<Diagnostic[]> {
    const fs = this.host.fs;
    if (!fs) return [];
    const read = await fs.readFile(e.uri, this.readLimit);
    if (read.text === undefined) {
      this.host.log(`workspace diagnostics: ${e.uri} not checked: ${read.error}`);
      return [];
    }
    const folder = this.host.index.folderOf(e.uri) ?? e.uri;
    await this.host.slicer.checkpoint();
    return this.host.lint(e.uri, read.text, folder);
  }

  get isPaused(): boolean {
    return this.paused;
  }
}

/** One held workspace/diagnostic request: what the editor holds, and what is left to look at. */
class PullSession {
  /** Key → the URI and result id the editor holds from us. */
  private readonly known = new Map<string, { uri: string; resultId: string }>();
  private readonly pending = new Set<string>();
  private wake: (() => void) | undefined;
  private outbox: FileReport[] = [];
  private lastFlush = performance.now();
  private sent = false;

  constructor(
    private readonly checker: WorkspaceChecker,
    previous: readonly { uri: string; value: string }[],
    private readonly send: (reports: FileReport[]) => void,
    private readonly token: Cancellation,
    private readonly once: boolean,
  ) {
    for (const p of previous) this.known.set(uriKey(p.uri), { uri: p.uri, resultId: p.value });
    token.onCancellationRequested(() => this.wake?.());
  }

  touch(key: string): void {
    this.pending.add(key);
    this.wake?.();
  }

  touchAll(): void {
    for (const k of this.known.keys()) this.pending.add(k);
    for (const e of this.checker.host.index.all()) this.pending.add(uriKey(e.uri));
    this.wake?.();
  }

  forget(key: string): void {
    this.known.delete(key);
    this.touch(key);
  }

  clearPending(): void {
    this.pending.clear();
  }

  async run(): Promise<void> {
    await Promise.race([this.checker.host.index.whenIdle(), this.cancelled()]);
    this.touchAll();
    while (!this.token.isCancellationRequested) {
      if (this.pending.size === 0 || this.checker.isPaused) {
        this.flush();
        if (this.once && this.sent) return;
        await this.nextChange();
        continue;
      }
      await this.pass();
    }
  }

  /** Works through what is pending, with progress when there is much of it. */
  private async pass(): Promise<void> {
    const total = this.pending.size;
    const progress = total >= PROGRESS_FROM ? await this.checker.host.progress?.('Checking cables') : undefined;
    let done = 0;
    let checked = 0;
    const goOn = () => this.pending.size > 0 && !this.token.isCancellationRequested && !this.checker.isPaused;
    // A few lanes, so that reading one file overlaps checking another.
    const lane = async () => {
      while (goOn()) {
        if (progress?.cancelled) {
          this.checker.pause();
          return;
        }
        const key = this.pending.values().next().value as string;
        this.pending.delete(key);
        if (await this.look(key)) checked++;
        done++;
        if (done % 100 === 0) progress?.report(done, Math.max(total, done + this.pending.size));
        if (performance.now() - this.lastFlush > FLUSH_MS || this.outbox.length >= REPORTS_PER_MESSAGE) this.flush();
        await this.checker.host.slicer.checkpoint();
      }
    };
    try {
      await Promise.all(Array.from({ length: LANES }, lane));
    } finally {
      this.flush();
      progress?.done(`${checked} cables checked`);
    }
  }

  /** Reports one cable if the editor's copy is stale; true when it was read and checked. */
  private async look(key: string): Promise<boolean> {
    const entry = this.checker.host.index.get(key);
    const held = this.known.get(key);
    if (!entry || !(await this.checker.wanted(entry))) {
      if (held) {
        this.known.delete(key);
        this.outbox.push({ uri: held.uri, items: [] });
      }
      return false;
    }
    const resultId = this.checker.resultId(entry);
    if (held?.resultId === resultId) return false;
    const items = await this.checker.check(entry);
    // Changed again while it was read: the change is pending and will be reported instead.
    if (this.checker.host.index.get(key) !== entry) return true;
    this.known.set(key, { uri: entry.uri, resultId });
    this.outbox.push({ uri: entry.uri, resultId, items });
    return true;
  }

  private flush(): void {
    this.lastFlush = performance.now();
    if (this.outbox.length === 0 || this.token.isCancellationRequested) return;
    const reports = this.outbox;
    this.outbox = [];
    this.sent = true;
    this.send(reports);
  }

  private nextChange(): Promise<void> {
    if (this.token.isCancellationRequested) return Promise.resolve();
    return new Promise((resolve) => {
      this.wake = () => {
        this.wake = undefined;
        resolve();
      };
    });
  }

  private cancelled(): Promise<void> {
    return new Promise((resolve) => {
      if (this.token.isCancellationRequested) resolve();
      else this.token.onCancellationRequested(() => resolve());
    });
  }
}
