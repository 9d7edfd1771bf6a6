/**
 * The workspace's cables by id and subject: what go-to-definition, document links and workspace symbols
 * consult to find `09STATE71326` among thousands of files.
 *
 * Built incrementally: each workspace folder is walked through a `CableFileSystem`, reading only the
 * head of each file (the id and subject sit in the first 2 KB of every corpus cable) and parsing that
 * with the same parser the editor uses, in slices that give the event loop back every few
 * milliseconds, so a folder of 10 000 cables never stalls requests. Open documents override what is on
 * disk; watched-file events and folder changes keep it current.
 *
 * Host-neutral: no Node modules here (the browser worker uses it with its own file system provider).
 */
import { SymbolKind, type WorkspaceSymbol } from 'vscode-languageserver-types';
import { parseCable } from '../service/parse.ts';
import type { CableDocument, Range } from '../service/model.ts';
import type { CableFileSystem } from './fileSystem.ts';
import { orEnd, isAlnum } from '../service/parse/chars.ts';

export const CABLE_EXTENSIONS = ['.cable'] as const;

/** A file-name stem that is a cable id: `09BRUSSELS995` (WikiLeaks) or `1973STATE089296` (NARA). */
const FILE_ID = /^(?:\d{2}|\d{4})[A-Z][A-Z-]{1,30}\d{1,7}$/i;

export interface IndexedCable {
  uri: string;
  /** Ids this file answers to: the one read from its text, and its file name when that is an id. */
  ids: string[];
  /** Id read from the text (banner post and serial, DTG year), when the parser could tell. */
  contentId?: string;
  subject?: string;
  /** Where the subject (or else the banner) is, for workspace symbols. */
  range?: Range;
  /** Base name without extension. */
  name: string;
  /** Taken from an open document rather than from disk. */
  open: boolean;
}

export interface CableIndexOptions {
  /** Bytes read from the start of each file. */
  headBytes?: number;
  /** Longest stretch of synchronous work before yielding to the event loop, in ms. */
  sliceMs?: number;
  /** Files read concurrently while walking a folder. */
  batchSize?: number;
  /** Cables indexed per folder at most; a root such as a home directory must not walk forever. */
  maxFiles?: number;
  log?: (message: string) => void;
}

interface FolderState {
  uri: string;
  key: string;
  cancelled: boolean;
}

const now = (): number => performance.now();

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof setImmediate === 'function') setImmediate(resolve);
    else setTimeout(resolve, 0);
  });
}

/**
 * The key under which a URI is stored: percent-decoded, drive letter in lower case, no trailing slash,
 * so the client's spelling of a URI and the file system's meet.
 */
export function uriKey(uri: string): string {
  let k = uri;
  try {
    k = decodeURIComponent(uri);
  } catch {
    // a malformed escape: keep the URI as given
  }
  k = k.replace(/^file:\/\/\/([A-Za-z]):/, (_m, d: string) => `file:///${d.toLowerCase()}:`);
  return k.endsWith('/') ? k.slice(0, -1) : k;
}

function baseName(uri: string): string {
  const key = uriKey(uri);
  const slash = key.lastIndexOf('/');
  const file = key.slice(slash + 1);
  const dot = file.lastIndexOf('.');
  return dot > 0 ? file.slice(0, dot) : file;
}

/** The index's view of a parsed cable (from a file head or an open document). */
export function cableFacts(uri: string, model: CableDocument, open: boolean): IndexedCable {
  const name = baseName(uri);
  const ids: string[] = [];
  const contentId = model.identity.id?.toUpperCase();
  if (contentId) ids.push(contentId);
  if (FILE_ID.test(name) && !ids.includes(name.toUpperCase())) ids.push(name.toUpperCase());
  const subject = model.subject?.text.replace(/\s+/g, ' ').trim() || undefined;
  const range = model.subject?.range ?? model.banner?.range;
  const facts: IndexedCable = { uri, ids, name, open };
  if (contentId) facts.contentId = contentId;
  if (subject) facts.subject = subject;
  if (range) facts.range = range;
  return facts;
}

export class CableIndex {
  private readonly entries = new Map<string, IndexedCable & { haystack: string; compactIds: string[] }>();
  private readonly byId = new Map<string, Set<string>>();
  private readonly openKeys = new Set<string>();
  private readonly folders = new Map<string, FolderState>();
  /** Folders are indexed one after another: on two cores, parallel walks only contend. */
  private chain: Promise<void> = Promise.resolve();
  private sliceStart = now();
  private readonly headBytes: number;
  private readonly sliceMs: number;
  private readonly batchSize: number;
  private readonly maxFiles: number;

  constructor(
    private readonly fs: CableFileSystem | undefined,
    private readonly options: CableIndexOptions = {},
  ) {
    this.headBytes = options.headBytes ?? 16 * 1024;
    this.sliceMs = options.sliceMs ?? 10;
    this.batchSize = options.batchSize ?? 32;
    this.maxFiles = options.maxFiles ?? 200_000;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Resolves when every folder walk queued so far has finished. */
  whenIdle(): Promise<void> {
    return this.chain;
  }

  get(uri: string): IndexedCable | undefined {
    return this.entries.get(uriKey(uri));
  }

  /** Walks a workspace folder in the background; the promise settles when it is indexed (or removed). */
  addFolder(folderUri: string): Promise<void> {
    const key = uriKey(folderUri);
    if (this.folders.has(key)) return this.chain;
    const state: FolderState = { uri: folderUri, key, cancelled: false };
    this.folders.set(key, state);
    this.chain = this.chain.then(() => this.indexFolder(state)).catch((e: unknown) => {
      this.options.log?.(`cable index: walking ${folderUri} failed: ${e instanceof Error ? e.message : String(e)}`);
    });
    return this.chain;
  }

  removeFolder(folderUri: string): void {
    const key = uriKey(folderUri);
    const state = this.folders.get(key);
    if (state) state.cancelled = true;
    this.folders.delete(key);
    for (const k of [...this.entries.keys()]) {
      if (k.startsWith(`${key}/`) && !this.openKeys.has(k) && !this.inAnyFolder(k)) this.removeKey(k);
    }
  }

  /** An open document's current text wins over the file on disk until it is closed. */
  updateFromModel(uri: string, model: CableDocument): void {
    const key = uriKey(uri);
    this.openKeys.add(key);
    this.store(key, cableFacts(uri, model, true));
  }

  /** After a document closes, the index goes back to what is on disk (or forgets a file outside the workspace). */
  async closeDocument(uri: string): Promise<void> {
    const key = uriKey(uri);
    this.openKeys.delete(key);
    if (this.inAnyFolder(key)) await this.refreshFromDisk(uri);
    else this.removeKey(key);
  }

  /** A watched file was created or changed on disk. */
  async fileChanged(uri: string): Promise<void> {
    const key = uriKey(uri);
    if (this.openKeys.has(key) || !isCableName(key)) return;
    await this.refreshFromDisk(uri);
  }

  /** A watched file (or a whole folder) was deleted. */
  fileDeleted(uri: string): void {
    const key = uriKey(uri);
    for (const k of [...this.entries.keys()]) {
      if ((k === key || k.startsWith(`${key}/`)) && !this.openKeys.has(k)) this.removeKey(k);
    }
  }

  /** The file holding a cable: preferably one whose text and file name both give that id. */
  resolve(cableId: string): string | undefined {
    return this.resolveAll(cableId)[0];
  }

  resolveAll(cableId: string): string[] {
    const id = cableId.toUpperCase();
    const keys = this.byId.get(id);
    if (!keys) return [];
    const found = [...keys].map((k) => this.entries.get(k)!).filter(Boolean);
    // A file whose text and name both say so beats one whose text says so (a banner copied from another
    // cable does happen), which beats one only named so.
    const weight = (e: IndexedCable) => (e.contentId === id ? 2 : 0) + (e.name.toUpperCase() === id ? 1 : 0);
    found.sort((a, b) => weight(b) - weight(a) || Number(b.open) - Number(a.open) || (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
    return found.map((e) => e.uri);
  }

  /**
   * Cables whose id or subject match the query: every word of the query must occur in the id, the
   * subject or the file name, or the query without blanks must occur in an id (`brussels 995`). Ids that
   * start with the query come first, then cables where the query's words are whole words.
   */
  search(query: string, limit = 500): WorkspaceSymbol[] {
    const words = query.toUpperCase().split(/\s+/).filter(Boolean);
    const compact = words.join('');
    const scored: { e: IndexedCable; score: number }[] = [];
    for (const e of this.entries.values()) {
      let score = -1;
      if (!compact) score = 3;
      else if (e.compactIds.some((id) => id === compact)) score = 0;
      else if (e.compactIds.some((id) => id.startsWith(compact))) score = 1;
      else if (e.compactIds.some((id) => id.includes(compact))) score = 2;
      else if (words.every((w) => hasWord(e.haystack, w))) score = 3;
      else if (words.every((w) => e.haystack.includes(w))) score = 4;
      if (score >= 0) scored.push({ e, score });
    }
    scored.sort((a, b) => a.score - b.score || label(a.e).localeCompare(label(b.e)));
    return scored.slice(0, limit).map(({ e }) => {
      const sym: WorkspaceSymbol = {
        name: e.subject ? `${label(e)}: ${e.subject}` : label(e),
        kind: SymbolKind.File,
        location: { uri: e.uri, range: e.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } },
      };
      if (e.ids.length > 1) sym.containerName = e.ids.slice(1).join(', ');
      else if (e.ids[0] !== e.name) sym.containerName = e.name;
      return sym;
    });
  }

  private async indexFolder(state: FolderState): Promise<void> {
    if (!this.fs || state.cancelled) return;
    const t0 = now();
    let count = 0;
    let listed = 0;
    let batch: string[] = [];
    const flush = async () => {
      const uris = batch;
      batch = [];
      // Reads run concurrently; parsing is sliced so no stretch of it holds the event loop long.
      const heads = await Promise.all(uris.map((u) => this.fs!.readHead(u, this.headBytes)));
      for (let i = 0; i < uris.length; i++) {
        if (state.cancelled) return;
        await this.checkpoint();
        const key = uriKey(uris[i]!);
        if (this.openKeys.has(key)) continue;
        const head = heads[i];
        if (head === undefined) continue;
        this.store(key, cableFacts(uris[i]!, parseHead(head), false));
        count++;
      }
    };
    for await (const uri of this.fs.listFiles(state.uri, CABLE_EXTENSIONS)) {
      if (state.cancelled) return;
      if (++listed > this.maxFiles) {
        this.options.log?.(`cable index: stopped at ${this.maxFiles} cables in ${state.uri}`);
        break;
      }
      batch.push(uri);
      if (batch.length >= this.batchSize) await flush();
      else await this.checkpoint();
    }
    if (batch.length) await flush();
    this.options.log?.(`cable index: ${count} cables in ${state.uri} indexed in ${Math.round(now() - t0)} ms`);
  }

  private async refreshFromDisk(uri: string): Promise<void> {
    const key = uriKey(uri);
    const head = this.fs ? await this.fs.readHead(uri, this.headBytes) : undefined;
    if (this.openKeys.has(key)) return; // opened while we were reading
    if (head === undefined) this.removeKey(key);
    else this.store(key, cableFacts(uri, parseHead(head), false));
  }

  private async checkpoint(): Promise<void> {
    if (now() - this.sliceStart < this.sliceMs) return;
    await yieldToEventLoop();
    this.sliceStart = now();
  }

  private inAnyFolder(key: string): boolean {
    for (const f of this.folders.keys()) if (key.startsWith(`${f}/`)) return true;
    return false;
  }

  private store(key: string, facts: IndexedCable): void {
    this.removeKey(key);
    const haystack = [...facts.ids, facts.subject ?? '', facts.name].join(' ').toUpperCase();
    const compactIds = [...facts.ids, facts.name.toUpperCase()].map((id) => id.replace(/\s+/g, ''));
    this.entries.set(key, { ...facts, haystack, compactIds });
    for (const id of facts.ids) {
      let set = this.byId.get(id);
      if (!set) this.byId.set(id, (set = new Set()));
      set.add(key);
    }
  }

  private removeKey(key: string): void {
    const old = this.entries.get(key);
    if (!old) return;
    this.entries.delete(key);
    for (const id of old.ids) {
      const set = this.byId.get(id);
      set?.delete(key);
      if (set && set.size === 0) this.byId.delete(id);
    }
  }
}

function hasWord(text: string, word: string): boolean {
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
    if (!isAlnum(orEnd(text.charCodeAt(i - 1))) && !isAlnum(orEnd(text.charCodeAt(i + word.length)))) return true;
  }
  return false;
}

function label(e: IndexedCable): string {
  return e.ids[0] ?? e.name;
}

function isCableName(key: string): boolean {
  const lower = key.toLowerCase();
  return CABLE_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/** Parses a file head, dropping a last line that the byte limit may have cut short. */
function parseHead(head: string): CableDocument {
  const nl = head.lastIndexOf('\n');
  return parseCable(nl > 0 && nl < head.length - 1 ? head.slice(0, nl + 1) : head);
}
