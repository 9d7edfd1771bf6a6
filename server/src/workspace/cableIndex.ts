/**
 * The workspace's cables: what go-to-definition, links, references, the call hierarchy, workspace symbols
 * and workspace diagnostics consult to find `09STATE71326`, or every cable that cites it, among the
 * 251 287 files of Cablegate.
 *
 * Built in the background: each workspace folder is walked through a `CableFileSystem`, reading only the
 * head of each regular file, 4 KB (the subject, TAGS and REF lines end within the first 1.7 KB of every
 * corpus cable; a head that ends before them is read again, 64 KB) and parsing it with the editor's own
 * parser. A file in which the signs of several cables occur twice (service/sequence.ts) is read whole,
 * up to 8 MB, cut into its cables, and each cable's head is parsed: the index has an entry per cable,
 * each with the line its cable starts on. Reads run a few at a time, each with a time limit, so one file
 * that never answers holds up nothing; parsing runs in slices that hand the event loop back to the
 * editor's requests (scheduler.ts). Open documents override what is on disk; watched-file events and
 * folder changes keep it current. Entries are compact (service/cableFacts.ts): about 1.2 KB a cable with
 * the maps that find them.
 *
 * Host-neutral: no Node modules here (the browser worker uses it with its own file system provider).
 */
import { parseCable } from '../service/parse.ts';
import type { CableDocument } from '../service/model.ts';
import { eachCable, mayHoldSeveral, SEVERAL_SIGNS, type CablePart } from '../service/sequence.ts';
import type { CableFileSystem, WholeIf } from './fileSystem.ts';
import { entryFromModel, Interner, uriKey, type CableEntry } from '../service/cableFacts.ts';
import { forEachConcurrently, Slicer, TIMED_OUT, withTimeout } from './scheduler.ts';
import { parseQuery, runQuery, type CableQuery, type QueryMatch } from './query.ts';

export { uriKey } from '../service/cableFacts.ts';
export type { CableEntry } from '../service/cableFacts.ts';

export const CABLE_EXTENSIONS = ['.cable'] as const;

/**
 * The key of a file's later cables: the file's key, a character no URI holds, and the cable's place.
 * A file's first cable is stored under the file's own key, so a file of one cable costs nothing more.
 */
const LATER = '\u0000';
const laterKey = (fileKey: string, index: number) => `${fileKey}${LATER}${index}`;
const isFileKey = (key: string) => !key.includes(LATER);

export interface CableIndexOptions {
  /** Bytes read from the start of each file. */
  headBytes?: number;
  /** Read when a head of `headBytes` ends before the subject: a cable with a very long address list. */
  longHeadBytes?: number;
  /** Longest stretch of synchronous work before yielding to the event loop, in ms. */
  sliceMs?: number;
  /** The slicer to share with other background work (workspace diagnostics); else one of its own. */
  slicer?: Slicer;
  /** Files read at the same time while walking a folder. */
  concurrency?: number;
  /** A file whose head takes longer than this to read is skipped (a stalled network share), in ms. */
  readTimeoutMs?: number;
  /** Files larger than this are not read at all: no cable is anywhere near it. */
  maxFileBytes?: number;
  /** A file that may hold several cables is read this far (its cables that start later are not indexed). */
  maxSeveralBytes?: number;
  /** Cables indexed per folder at most: a root such as a home directory must not walk forever. */
  maxFiles?: number;
  log?: (message: string) => void;
}

/** What changed: a file's cables stored (new or again) or removed; `key` is the file's. */
export type IndexChange = { kind: 'stored' | 'removed'; uri: string; key: string };

interface FolderState {
  uri: string;
  key: string;
  cancelled: boolean;
}

/** Where the walk of the folders stands, for progress reports and the bench. */
export interface IndexStatus {
  walking: boolean;
  /** Files listed so far by the walk in progress (0 when idle). */
  listed: number;
  size: number;
}

export class CableIndex {
  /** Every cable: a file's first under the file's key, its later ones under `laterKey`. */
  private readonly entries = new Map<string, CableEntry>();
  /** File key → how many cables the file holds, for files of more than one. */
  private readonly several = new Map<string, number>();
  /** Id → the entry, or entries, answering to it. */
  private readonly byId = new Map<string, CableEntry | CableEntry[]>();
  /** Id → the entries whose REF items name it. */
  private readonly citedBy = new Map<string, CableEntry[]>();
  /**
   * TAG → the cables carrying it, and post → the cables from it: a query for `#PTER` looks at the cables
   * tagged PTER only. Scanning every entry costs a few cache misses each (entry, TAGS array, its
   * elements), some 40 ms per 100 000 cables on a busy machine.
   */
  private readonly byTag = new Map<string, Set<CableEntry>>();
  private readonly byOrigin = new Map<string, Set<CableEntry>>();
  private readonly openKeys = new Set<string>();
  private readonly folders = new Map<string, FolderState>();
  private readonly listeners: ((change: IndexChange) => void)[] = [];
  private readonly pool = new Interner();
  /** Folders are indexed one after another: on two cores, parallel walks only contend. */
  private chain: Promise<void> = Promise.resolve();
  private stamps = 0;
  private walking = 0;
  private listed = 0;
  /** Shared with the other background work (workspace diagnostics), which keeps to the same budget. */
  readonly slicer: Slicer;
  private readonly headBytes: number;
  private readonly longHeadBytes: number;
  private readonly concurrency: number;
  private readonly readTimeoutMs: number;
  private readonly maxFiles: number;
  private readonly maxFileBytes: number;
  private readonly whole: WholeIf;

  constructor(
    private readonly fs: CableFileSystem | undefined,
    private readonly options: CableIndexOptions = {},
  ) {
    this.headBytes = options.headBytes ?? 4 * 1024;
    this.longHeadBytes = options.longHeadBytes ?? 64 * 1024;
    this.slicer = options.slicer ?? new Slicer(options.sliceMs ?? 10);
    this.concurrency = options.concurrency ?? 16;
    this.readTimeoutMs = options.readTimeoutMs ?? 10_000;
    this.maxFiles = options.maxFiles ?? 1_000_000;
    this.maxFileBytes = options.maxFileBytes ?? 64 * 1024 * 1024;
    this.whole = { signs: SEVERAL_SIGNS, maxBytes: options.maxSeveralBytes ?? 8 * 1024 * 1024 };
  }

  /** How many cables are indexed (a file of several counts each). */
  get size(): number {
    return this.entries.size;
  }

  get status(): IndexStatus {
    return { walking: this.walking > 0, listed: this.listed, size: this.entries.size };
  }

  /** Resolves when every folder walk queued so far has finished. */
  whenIdle(): Promise<void> {
    return this.chain;
  }

  /** Called for every entry stored or removed. */
  onChange(listener: (change: IndexChange) => void): void {
    this.listeners.push(listener);
  }

  /** The entry of the cable that starts at `line` of a file (0: its first cable). */
  get(uri: string, line = 0): CableEntry | undefined {
    const key = uriKey(uri);
    const first = this.entries.get(key);
    if (line === 0 || !first) return first?.start === line ? first : undefined;
    return this.cablesOfKey(key).find((e) => e.start === line);
  }

  /** The entries of a file's cables, in the order they stand in it. */
  cablesOf(uri: string): CableEntry[] {
    return this.cablesOfKey(uriKey(uri));
  }

  /** Every cable of every file. */
  all(): IterableIterator<CableEntry> {
    return this.entries.values();
  }

  private cablesOfKey(key: string): CableEntry[] {
    const first = this.entries.get(key);
    if (!first) return [];
    const out = [first];
    const count = this.several.get(key) ?? 1;
    for (let k = 1; k < count; k++) {
      const e = this.entries.get(laterKey(key, k));
      if (e) out.push(e);
    }
    return out;
  }

  /** Whether a URI lies inside one of the indexed folders. */
  inFolders(uri: string): boolean {
    return this.inAnyFolder(uriKey(uri));
  }

  folderUris(): string[] {
    return [...this.folders.values()].map((f) => f.uri);
  }

  /** The workspace folder a URI lies in (the innermost, when folders nest). */
  folderOf(uri: string): string | undefined {
    const key = uriKey(uri);
    let best: FolderState | undefined;
    for (const f of this.folders.values()) {
      if (key.startsWith(`${f.key}/`) && (!best || f.key.length > best.key.length)) best = f;
    }
    return best?.uri;
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
    for (const k of this.fileKeys()) {
      if (k.startsWith(`${key}/`) && !this.openKeys.has(k) && !this.inAnyFolder(k)) this.removeKey(k);
    }
  }

  /**
   * An open document's current text wins over the file on disk until it is closed: `cables` are its
   * cables' models, each with the file line it starts on.
   */
  updateFromModels(uri: string, cables: readonly CablePart[]): void {
    const key = uriKey(uri);
    this.openKeys.add(key);
    this.store(key, uri, cables, true);
  }

  /** The same for a document of one cable. */
  updateFromModel(uri: string, model: CableDocument): void {
    this.updateFromModels(uri, [{ model, line: 0 }]);
  }

  isOpen(uri: string): boolean {
    return this.openKeys.has(uriKey(uri));
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
    for (const k of this.fileKeys()) {
      if ((k === key || k.startsWith(`${key}/`)) && !this.openKeys.has(k)) this.removeKey(k);
    }
  }

  /** The keys of the indexed files (a snapshot: the caller may remove as it goes). */
  private fileKeys(): string[] {
    return [...this.entries.keys()].filter(isFileKey);
  }

  /** The file holding a cable: preferably one whose text and file name both give that id. */
  resolve(cableId: string): string | undefined {
    return this.resolveEntries(cableId)[0]?.uri;
  }

  /** Where a cable is: the file `resolve` gives, and the line the cable starts on in it. */
  locate(cableId: string): { uri: string; line: number } | undefined {
    const e = this.resolveEntries(cableId)[0];
    return e && { uri: e.uri, line: e.start };
  }

  resolveAll(cableId: string): string[] {
    return this.resolveEntries(cableId).map((e) => e.uri);
  }

  /** The entries answering to an id, best first. */
  resolveEntries(cableId: string): CableEntry[] {
    const id = cableId.toUpperCase();
    const hit = this.byId.get(id);
    if (!hit) return [];
    const found = Array.isArray(hit) ? [...hit] : [hit];
    // A file whose text and name both say so beats one whose text says so (a banner copied from another
    // cable does happen), which beats one only named so.
    const named = (e: CableEntry) => e.fileId === id || (e.id === id && e.fileId === undefined && e.otherName === undefined);
    const weight = (e: CableEntry) => (e.id === id ? 2 : 0) + (named(e) ? 1 : 0);
    found.sort((a, b) => weight(b) - weight(a) || Number(b.open) - Number(a.open) || (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
    return found;
  }

  /** The cables whose REF items name this id. */
  citing(cableId: string): readonly CableEntry[] {
    return this.citedBy.get(cableId.toUpperCase()) ?? [];
  }

  /** The cables matching a query of the query language (query.ts), best first. */
  query(q: string | CableQuery, limit: number): QueryMatch<CableEntry>[] {
    const query = typeof q === 'string' ? parseQuery(q) : q;
    const { cables, query: rest } = this.candidates(query);
    return runQuery(rest, cables, limit);
  }

  /**
   * The fewest cables a query can match: those of its rarest TAG, or of its posts, else all; and the
   * query without the terms those cables hold already (checking them again would cost a look into
   * every cable's TAGS).
   */
  private candidates(q: CableQuery): { cables: Iterable<CableEntry>; query: CableQuery } {
    const f = q.filter;
    let bestSize = this.entries.size;
    let tag: string | undefined;
    for (const t of f.tags) {
      const size = this.byTag.get(t)?.size ?? 0;
      if (size < bestSize) [tag, bestSize] = [t, size];
    }
    const postSets = f.posts.map((p) => this.byOrigin.get(p) ?? new Set<CableEntry>());
    const postSize = postSets.reduce((n, set) => n + set.size, 0);
    if (f.posts.length && postSize < bestSize) {
      const cables = (function* () {
        for (const set of postSets) yield* set;
      })();
      return { cables, query: { ...q, filter: { ...f, posts: [] } } };
    }
    if (tag !== undefined) {
      const cables = this.byTag.get(tag) ?? [];
      return { cables, query: { ...q, filter: { ...f, tags: f.tags.filter((t) => t !== tag) } } };
    }
    return { cables: this.entries.values(), query: q };
  }

  private async indexFolder(state: FolderState): Promise<void> {
    const fs = this.fs;
    if (!fs || state.cancelled) return;
    const t0 = performance.now();
    let count = 0;
    let skipped = 0;
    let stopped = false;
    this.walking++;
    this.listed = 0;
    const files = this.limited(fs.listFiles(state.uri, CABLE_EXTENSIONS), state, () => (stopped = true));
    try {
      await forEachConcurrently(
        files,
        this.concurrency,
        async (uri) => {
          const cables = await this.readCables(uri);
          if (cables === TIMED_OUT) {
            skipped++;
            this.options.log?.(`cable index: skipped ${uri}: reading it took longer than ${this.readTimeoutMs} ms`);
            return;
          }
          const key = uriKey(uri);
          if (state.cancelled || this.openKeys.has(key) || !cables) return;
          this.store(key, uri, cables, false);
          count += cables.length;
        },
        () => state.cancelled,
      );
    } finally {
      this.walking--;
      this.listed = 0;
    }
    if (stopped) this.options.log?.(`cable index: stopped at ${this.maxFiles} cables in ${state.uri}`);
    const late = skipped ? `; ${skipped} files skipped as too slow to read` : '';
    this.options.log?.(`cable index: ${count} cables in ${state.uri} indexed in ${Math.round(performance.now() - t0)} ms${late}`);
  }

  /** The listing, cut at `maxFiles`, with a checkpoint between entries (a listing can be long too). */
  private async *limited(files: AsyncIterable<string>, state: FolderState, onStop: () => void): AsyncIterable<string> {
    for await (const uri of files) {
      if (state.cancelled) return;
      if (this.listed >= this.maxFiles) {
        onStop();
        return;
      }
      this.listed++;
      yield uri;
      await this.slicer.checkpoint();
    }
  }

  /**
   * The cables of a file, each parsed from its head. Most files show no sign of a second cable and are
   * read 4 KB deep; the others are read whole (up to `maxSeveralBytes`) and cut into cables, with a
   * turn of the event loop between two cables.
   */
  private async readCables(uri: string): Promise<CablePart[] | undefined | typeof TIMED_OUT> {
    const text = await withTimeout(this.fs!.readHead(uri, this.headBytes, this.maxFileBytes, this.whole), this.readTimeoutMs);
    if (text === TIMED_OUT || text === undefined) return text;
    // Many reads finish together: each parse waits for its turn in a slice.
    await this.slicer.checkpoint();
    // The head of a file of one cable (all but a few files); else a text that ends where the file does.
    if (text.length <= this.headBytes && !mayHoldSeveral(text)) {
      const model = parseHead(text, this.headBytes, uri, true);
      return [{ model: text.length > this.headBytes / 2 && endsTooSoon(model) ? await this.longerHead(uri, text, model) : model, line: 0 }];
    }
    const cables: CablePart[] = [];
    for (const cable of eachCable(text)) {
      if (cables.length) await this.slicer.checkpoint();
      // The file's name speaks for its first cable only, as in the editor (parseCableFile).
      const fileName = cables.length ? undefined : uri;
      let model = parseHead(cable.text, this.headBytes, fileName, false);
      if (cable.text.length > this.headBytes && endsTooSoon(model)) model = parseHead(cable.text, this.longHeadBytes, fileName, false);
      cables.push({ model, line: cable.line });
    }
    return cables;
  }

  /** A file's head read again, longer, when the first ends before the subject; else `model`, the first's. */
  private async longerHead(uri: string, head: string, model: CableDocument): Promise<CableDocument> {
    const longer = await withTimeout(this.fs!.readHead(uri, this.longHeadBytes, this.maxFileBytes), this.readTimeoutMs);
    return typeof longer === 'string' && longer.length > head.length ? parseHead(longer, this.longHeadBytes, uri, true) : model;
  }

  private async refreshFromDisk(uri: string): Promise<void> {
    const key = uriKey(uri);
    const cables = this.fs ? await this.readCables(uri) : undefined;
    if (this.openKeys.has(key)) return; // opened while we were reading
    if (cables === undefined || cables === TIMED_OUT) this.removeKey(key);
    else this.store(key, uri, cables, false);
  }

  private inAnyFolder(key: string): boolean {
    for (const f of this.folders.keys()) if (key.startsWith(`${f}/`)) return true;
    return false;
  }

  /** Stores a file's cables (one stamp for all: the file is read and checked as one). */
  private store(key: string, uri: string, cables: readonly CablePart[], open: boolean): void {
    this.unlink(key);
    const stamp = ++this.stamps;
    // The map key and the entry share one string when the URI needs no decoding.
    const shared = key === uri ? key : uri;
    cables.forEach((cable, index) => {
      const entry = entryFromModel(shared, cable.model, open, stamp, this.pool, { start: cable.line, index });
      this.entries.set(index === 0 ? key : laterKey(key, index), entry);
      this.link(entry);
    });
    if (cables.length > 1) this.several.set(key, cables.length);
    this.emit({ kind: 'stored', uri: shared, key });
  }

  /** Puts an entry into the maps that find it (by id, by the ids it cites, by TAG, by post). */
  private link(entry: CableEntry): void {
    if (entry.id) this.addId(entry.id, entry);
    if (entry.fileId) this.addId(entry.fileId, entry);
    for (const id of new Set(entry.refs)) {
      const list = this.citedBy.get(id);
      if (list) list.push(entry);
      else this.citedBy.set(id, [entry]);
    }
    for (const tag of entry.tags) addTo(this.byTag, tag, entry);
    if (entry.origin) addTo(this.byOrigin, entry.origin, entry);
  }

  private removeKey(key: string): void {
    const old = this.unlink(key);
    if (old) this.emit({ kind: 'removed', uri: old.uri, key });
  }

  /** Takes a file's cables out of every map; returns the first. */
  private unlink(key: string): CableEntry | undefined {
    const cables = this.cablesOfKey(key);
    if (!cables.length) return undefined;
    this.entries.delete(key);
    for (let k = 1; k < (this.several.get(key) ?? 1); k++) this.entries.delete(laterKey(key, k));
    this.several.delete(key);
    for (const old of cables) this.unlinkEntry(old);
    return cables[0];
  }

  private unlinkEntry(old: CableEntry): void {
    if (old.id) this.removeId(old.id, old);
    if (old.fileId) this.removeId(old.fileId, old);
    for (const id of new Set(old.refs)) {
      const list = this.citedBy.get(id);
      if (!list) continue;
      const i = list.indexOf(old);
      if (i >= 0) list.splice(i, 1);
      if (list.length === 0) this.citedBy.delete(id);
    }
    for (const tag of old.tags) removeFrom(this.byTag, tag, old);
    if (old.origin) removeFrom(this.byOrigin, old.origin, old);
  }

  private addId(id: string, entry: CableEntry): void {
    const hit = this.byId.get(id);
    if (!hit) this.byId.set(id, entry);
    else if (Array.isArray(hit)) hit.push(entry);
    else this.byId.set(id, [hit, entry]);
  }

  private removeId(id: string, entry: CableEntry): void {
    const hit = this.byId.get(id);
    if (hit === entry) this.byId.delete(id);
    else if (Array.isArray(hit)) {
      const rest = hit.filter((e) => e !== entry);
      if (rest.length === 0) this.byId.delete(id);
      else this.byId.set(id, rest.length === 1 ? rest[0]! : rest);
    }
  }

  private emit(change: IndexChange): void {
    for (const l of this.listeners) {
      try {
        l(change);
      } catch (e) {
        this.options.log?.(`cable index: a listener failed: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  }
}

function addTo<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}

function removeFrom<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(value);
  if (set.size === 0) map.delete(key);
}

function isCableName(key: string): boolean {
  const lower = key.toLowerCase();
  return CABLE_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/**
 * Whether a head that may have been cut holds less than the index needs: no subject yet (a cable with a
 * long address list), or a REF block running to its end (the list may go on).
 */
function endsTooSoon(model: CableDocument): boolean {
  if (!model.subject) return true;
  const lastRef = model.references.at(-1)?.range.end.line ?? -1;
  return lastRef >= model.lineCount - 3;
}

/**
 * Parses the first `chars` characters of a text (a file head, or a cable of a file read whole),
 * dropping a last line that the limit may have cut short (`mayBeCut`: the text itself is a file head).
 */
function parseHead(text: string, chars: number, fileName: string | undefined, mayBeCut: boolean): CableDocument {
  const cut = text.length > chars;
  const head = cut ? text.slice(0, chars) : text;
  const nl = head.lastIndexOf('\n');
  const whole = !(cut || mayBeCut) || nl <= 0 || nl === head.length - 1;
  return parseCable(whole ? head : head.slice(0, nl + 1), { fileName });
}
