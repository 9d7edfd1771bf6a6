/**
 * What the workspace index keeps of each cable: the facts that search, references, the call hierarchy,
 * workspace diagnostics and the archive view read, and nothing else. Cablegate holds 251 287 cables, so an
 * entry is a handful of small fields rather than a document model: numbers for dates and positions,
 * shared strings for the few distinct TAGS, posts, levels and caveats, and private copies of the rest so
 * that no entry keeps the text it was read from alive.
 *
 * No LSP types and no I/O here: the workspace index (workspace/cableIndex.ts) builds entries, and the
 * query language (workspace/query.ts), the features over the reference graph and the archive view read
 * them.
 */
import type { CableDocument, Level } from './model.ts';

/** The facts about one cable that a query can ask about. */
export interface CableFacts {
  readonly uri: string;
  /** Canonical id read from the text (`09BRUSSELS995`), upper case. */
  readonly id: string | undefined;
  /** The file name when it is a cable id other than `id` (`09LISBON300.cable` whose text gives none). */
  readonly fileId: string | undefined;
  /** The file name without its extension, when it is no cable id (`Seed` of `Seed.CABLE`). */
  readonly otherName: string | undefined;
  /** The subject with wrapped lines joined, as written. */
  readonly subject: string | undefined;
  /** The cable's date as yyyymmdd; unknown parts are 0 (`20090700` = some day in July 2009, 0 = undated). */
  readonly date: number;
  readonly level: Level | undefined;
  /** Caveats of the classification (`NOFORN`). */
  readonly caveats: readonly string[];
  /** Captions under the banner (`SIPDIS`, `NODIS`, `SENSITIVE`). */
  readonly captions: readonly string[];
  /** Origin post as in the id (`BRUSSELS`, `STATE`, `BUENOSAIRES`). */
  readonly origin: string | undefined;
  /** TAGS codes, upper case (personal-name TAGS left out). */
  readonly tags: readonly string[];
  /** Ids of the cables its REF items name, in order (a cable cited twice appears twice). */
  readonly refs: readonly string[];
  /** The ids, subject and file name in upper case, one blank apart: what words of a query are looked for in. */
  readonly searchText: string;
}

/**
 * An index entry: the facts plus where things are in the file, for locations. A file of several cables
 * (service/sequence.ts) has an entry per cable; every line here is a line of the file.
 */
export interface CableEntry extends CableFacts {
  /** The file line the cable starts on (0 for a file's first cable); it runs to the next cable's start. */
  readonly start: number;
  /** Per REF item of `refs`: start line, start character, end line, end character. */
  readonly refRanges: readonly number[];
  /**
   * Where the subject (else the banner, else the cable's first line) is: start line, start character,
   * end line, end character.
   */
  readonly anchor: readonly [number, number, number, number];
  /** Read from an open document rather than from disk. */
  readonly open: boolean;
  /** Changes whenever the entry is stored again (a diagnostics result id is built from it). */
  readonly stamp: number;
}

const NO_STRINGS: readonly string[] = Object.freeze([]);
const NO_NUMBERS: readonly number[] = Object.freeze([]);
const TOP: readonly [number, number, number, number] = Object.freeze([0, 0, 0, 0] as const);

/** Where a cable stands in its file: its first line, and its place among the file's cables (0 = first). */
export interface CablePlace {
  start: number;
  index: number;
}

const FIRST: CablePlace = { start: 0, index: 0 };

/** A file-name stem that is a cable id: `09BRUSSELS995` (WikiLeaks) or `1973STATE089296` (NARA). */
const FILE_ID = /^(?:\d{2}|\d{4})[A-Z][A-Z-]{1,30}\d{1,7}$/i;

/**
 * A private copy of a string, in one piece. Strings cut from a longer one (a subject taken from a 4 KB
 * file head) may share that longer string's memory, and so may a copy made by cutting again; a string
 * that JSON.parse builds is new and whole, so the head can be collected once the entry is built, and a
 * search reads the characters without a detour (250 000 subjects are scanned for a word).
 */
export function ownCopy(s: string): string {
  return JSON.parse(JSON.stringify(s)) as string;
}

/**
 * One copy of each short string that many cables share (TAGS codes, posts, caveats), and one array for
 * each list of them that recurs (the same captions, the same caveats).
 */
export class Interner {
  private readonly strings = new Map<string, string>();
  private readonly lists = new Map<string, readonly string[]>();

  string(s: string): string {
    let hit = this.strings.get(s);
    if (hit === undefined) {
      hit = ownCopy(s);
      this.strings.set(hit, hit);
    }
    return hit;
  }

  /** A shared frozen array for lists that recur; pass `share: false` for lists that rarely do (TAGS). */
  list(items: readonly string[], share = true): readonly string[] {
    if (items.length === 0) return NO_STRINGS;
    const interned = items.map((s) => this.string(s));
    if (!share) return interned;
    const key = interned.join('\u0000');
    let hit = this.lists.get(key);
    if (!hit) {
      hit = Object.freeze(interned);
      this.lists.set(key, hit);
    }
    return hit;
  }
}

/**
 * The key under which a URI is stored: percent-decoded, drive letter in lower case, no trailing slash,
 * so the client's spelling of a URI and the file system's meet.
 */
export function uriKey(uri: string): string {
  let k = uri;
  if (k.includes('%')) {
    try {
      k = decodeURIComponent(uri);
    } catch {
      // a malformed escape: keep the URI as given
    }
  }
  if (k.startsWith('file:///') && k.charAt(9) === ':') {
    k = k.replace(/^file:\/\/\/([A-Za-z]):/, (_m, d: string) => `file:///${d.toLowerCase()}:`);
  }
  return k.endsWith('/') ? k.slice(0, -1) : k;
}

/** The file name without directory and extension. */
export function baseName(uri: string): string {
  const key = uriKey(uri);
  const file = key.slice(key.lastIndexOf('/') + 1);
  const dot = file.lastIndexOf('.');
  return dot > 0 ? file.slice(0, dot) : file;
}

/** Every id a cable answers to: the one from its text first, then its file name's. */
export function idsOf(c: CableFacts): string[] {
  const ids: string[] = [];
  if (c.id) ids.push(c.id);
  if (c.fileId) ids.push(c.fileId);
  return ids;
}

/** The name a reader knows the cable by: its id, else its file name. */
export function labelOf(c: CableFacts): string {
  return c.id ?? c.fileId ?? c.otherName ?? baseName(c.uri);
}

/** yyyymmdd from the cable's DTG (or its year alone, when the DTG is damaged). */
function dateOf(model: CableDocument): number {
  const dtg = model.dtg;
  if (dtg?.epochMs !== undefined) {
    const d = new Date(dtg.epochMs);
    return d.getUTCFullYear() * 10000 + (d.getUTCMonth() + 1) * 100 + d.getUTCDate();
  }
  const year = dtg?.year?.value ?? model.identity.year;
  if (year === undefined) return 0;
  return year * 10000 + (dtg?.month?.value ?? 0) * 100;
}

/**
 * The index's entry for a parsed cable (a file head, or an open document); `place` says where it stands
 * in its file, whose lines the entry's positions are. The file's name speaks for its first cable only:
 * a later cable is never found by it, and is called by it only when it has no id of its own.
 */
export function entryFromModel(uri: string, model: CableDocument, open: boolean, stamp: number, pool: Interner, place: CablePlace = FIRST): CableEntry {
  const name = baseName(uri);
  const id = model.identity.id ? ownCopy(model.identity.id.toUpperCase()) : undefined;
  const first = place.index === 0;
  const nameIsId = first && FILE_ID.test(name);
  const fileId = nameIsId && name.toUpperCase() !== id ? ownCopy(name.toUpperCase()) : undefined;
  const at = place.start;
  const subjectText = model.subject?.text.replace(/\s+/g, ' ').trim();

  const refs: string[] = [];
  const refRanges: number[] = [];
  for (const block of model.references) {
    for (const item of block.items) {
      if (!item.cableId) continue;
      refs.push(ownCopy(item.cableId.toUpperCase()));
      const r = item.range;
      refRanges.push(r.start.line + at, r.start.character, r.end.line + at, r.end.character);
    }
  }
  const tags: string[] = [];
  for (const t of model.tags?.tags ?? []) if (t.kind !== 'person' && t.code) tags.push(t.code.toUpperCase());
  const captions: string[] = [];
  for (const c of model.captions) {
    const caption = c.name.toUpperCase();
    if (!c.inline && !captions.includes(caption)) captions.push(caption);
  }
  const anchor = model.subject?.range ?? model.banner?.range;
  const otherName = nameIsId ? undefined : first ? name : `${name}, cable ${place.index + 1}`;
  const searchText = [id, fileId, subjectText, otherName].filter(Boolean).join(' ').toUpperCase();

  return {
    uri,
    start: at,
    id,
    fileId,
    otherName: otherName === undefined ? undefined : ownCopy(otherName),
    subject: subjectText ? ownCopy(subjectText) : undefined,
    date: dateOf(model),
    level: model.classification?.level,
    caveats: pool.list(model.classification?.caveats ?? NO_STRINGS),
    captions: pool.list(captions),
    origin: model.identity.origin ? pool.string(model.identity.origin.toUpperCase()) : undefined,
    tags: pool.list(tags, false),
    refs: refs.length ? refs : NO_STRINGS,
    refRanges: refRanges.length ? refRanges : NO_NUMBERS,
    searchText: ownCopy(searchText),
    anchor: anchor ? [anchor.start.line + at, anchor.start.character, anchor.end.line + at, anchor.end.character] : at === 0 ? TOP : [at, 0, at, 0],
    open,
    stamp,
  };
}
