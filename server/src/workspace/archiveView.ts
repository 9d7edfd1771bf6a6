/**
 * The archive view's model: the workspace's cables grouped by year and month, by post, by classification
 * or by TAG, one level at a time, with counts, and the cables of a group a page at a time. The client's
 * tree asks for the children of the node being opened only, so a folder of 250 000 cables opens at once:
 * a level costs one pass over the (filtered) cables, counting; cables are sorted only for the group whose
 * cables are listed, and that order is kept until the index changes.
 *
 * No LSP types and no I/O: the server's feature table wires it to the index (server.ts), the unit tests
 * feed it facts directly.
 */
import type { Level } from '../service/model.ts';
import { labelOf, type CableFacts } from '../service/cableFacts.ts';
import { matchCable, parseQuery } from './query.ts';

export type ArchiveGrouping = 'date' | 'post' | 'classification' | 'tag';
export const ARCHIVE_GROUPINGS: readonly ArchiveGrouping[] = ['date', 'post', 'classification', 'tag'];

/** A level key for the view: a classification level, or `none` when the cable states none. */
export type LevelKey = Level | 'none';
/** Highest first: the order of the classification groups and of the timeline's stack (top to bottom). */
export const LEVEL_KEYS: readonly LevelKey[] = ['TS', 'S', 'C', 'LOU', 'SBU', 'U', 'none'];
export const LEVEL_NAMES: Readonly<Record<LevelKey, string>> = {
  TS: 'TOP SECRET',
  S: 'SECRET',
  C: 'CONFIDENTIAL',
  LOU: 'LIMITED OFFICIAL USE',
  SBU: 'SENSITIVE BUT UNCLASSIFIED',
  U: 'UNCLASSIFIED',
  none: 'No classification',
};

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Keys of the groups that hold no value: no date, no month, no post, no TAGS. */
export const UNDATED = 'undated';
const NONE = '';

export interface ArchiveGroup {
  /** What the client sends back in `path` to open it. */
  key: string;
  label: string;
  /** What a coded group's label stands for, from the data hovers use (`PREL` → External Political Relations). */
  title?: string;
  count: number;
  /** True when the group holds groups (a year holds months); false when it holds cables. */
  hasGroups: boolean;
  /** The classification groups: their level, for the icon's colour. */
  level?: LevelKey;
}

export interface ArchiveItem {
  uri: string;
  /** The line of its file a click opens the cable at (a file may hold several cables). */
  line: number;
  label: string;
  subject?: string;
  /** yyyymmdd; unknown parts 0. */
  date: number;
  level: LevelKey;
  caveats: readonly string[];
  tags: readonly string[];
  origin?: string;
}

export interface ArchiveScope {
  grouping: ArchiveGrouping;
  /** The filter, in the query language of workspace symbols (`#PTER @PARIS !S 2009`). */
  query: string;
  /** The keys of the groups from the top down to the one opened; [] for the first level. */
  path: readonly string[];
}

export interface ArchiveGroups {
  groups: ArchiveGroup[];
  /** Cables matching the filter in the whole archive. */
  matched: number;
  /** Cables in the archive. */
  total: number;
}

export interface ArchivePage {
  items: ArchiveItem[];
  /** Cables in the group. */
  count: number;
  offset: number;
}

/** Most cables a page may hold. */
export const MAX_PAGE = 1000;
/** Pages ending before 1/SELECT_RATIO of a group are picked out of it; later ones sort it (once). */
const SELECT_RATIO = 16;

const yearOf = (c: CableFacts): number => Math.floor(c.date / 10000);
const monthKey = (date: number): string => {
  const y = Math.floor(date / 10000);
  const m = Math.floor(date / 100) % 100;
  return `${y}-${String(m).padStart(2, '0')}`;
};

/** The keys of the groups a cable belongs to at one depth of a grouping (a cable is under each of its TAGS). */
function keysAt(grouping: ArchiveGrouping, depth: number, c: CableFacts): readonly string[] {
  switch (grouping) {
    case 'date':
      if (c.date === 0) return [UNDATED];
      return depth === 0 ? [String(yearOf(c))] : [monthKey(c.date)];
    case 'post':
      return [c.origin ?? NONE];
    case 'classification':
      return [c.level ?? 'none'];
    case 'tag':
      return c.tags.length ? c.tags : [NONE];
  }
}

function labelOfGroup(grouping: ArchiveGrouping, key: string): string {
  switch (grouping) {
    case 'date': {
      if (key === UNDATED) return 'Undated';
      const [y, m] = key.split('-');
      if (m === undefined) return y!;
      return m === '00' ? `${y}, month unknown` : `${MONTH_NAMES[Number(m) - 1]} ${y}`;
    }
    case 'post':
      return key || 'No post';
    case 'classification':
      return LEVEL_NAMES[key as LevelKey] ?? key;
    case 'tag':
      return key || 'No TAGS';
  }
}

function compareGroups(grouping: ArchiveGrouping, a: string, b: string): number {
  if (grouping === 'classification') return LEVEL_KEYS.indexOf(a as LevelKey) - LEVEL_KEYS.indexOf(b as LevelKey);
  // The groups without a value come last; the others in order (years and months as written sort by time).
  const emptyA = a === NONE || a === UNDATED;
  const emptyB = b === NONE || b === UNDATED;
  if (emptyA !== emptyB) return emptyA ? 1 : -1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whether a cable lies in the group the path names (all the path's keys hold for it). */
function inPath(grouping: ArchiveGrouping, path: readonly string[], c: CableFacts): boolean {
  for (let depth = 0; depth < path.length; depth++) {
    if (!keysAt(grouping, depth, c).includes(path[depth]!)) return false;
  }
  return true;
}

/** What a group's key stands for (a TAG's title, a post's station), when the data say. */
export type GroupTitles = (grouping: ArchiveGrouping, key: string) => string | undefined;

/** The groups one level below `path`, with their counts, in reading order. */
export function groupCables(cables: Iterable<CableFacts>, grouping: ArchiveGrouping, path: readonly string[], titles?: GroupTitles): ArchiveGroup[] {
  const depth = path.length;
  // One look-up per key and cable (a box to count in), not a get and a set: a million TAGS are counted.
  const counts = new Map<string, { n: number }>();
  for (const c of cables) {
    if (depth > 0 && !inPath(grouping, path, c)) continue;
    for (const key of keysAt(grouping, depth, c)) {
      const box = counts.get(key);
      if (box) box.n++;
      else counts.set(key, { n: 1 });
    }
  }
  return [...counts.keys()]
    .sort((a, b) => compareGroups(grouping, a, b))
    .map((key) => {
      const title = key ? titles?.(grouping, key) : undefined;
      return {
        key,
        label: labelOfGroup(grouping, key),
        ...(title ? { title } : {}),
        count: counts.get(key)!.n,
        // Only a year holds groups (its months); the undated cables are listed at once.
        hasGroups: grouping === 'date' && depth === 0 && key !== UNDATED,
        ...(grouping === 'classification' ? { level: key as LevelKey } : {}),
      };
    });
}

/** Oldest first, then by id. */
export function compareCables(a: CableFacts, b: CableFacts): number {
  if (a.date !== b.date) return a.date - b.date;
  const la = labelOf(a);
  const lb = labelOf(b);
  return la < lb ? -1 : la > lb ? 1 : a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0;
}

/** A cable as the view lists it; `line` is where a click opens it: its subject (else its first line), in its file. */
export function itemOf(c: CableFacts): ArchiveItem {
  const anchor = (c as { anchor?: readonly number[] }).anchor;
  const start = (c as { start?: number }).start;
  return {
    uri: c.uri,
    line: anchor?.[0] ?? start ?? 0,
    label: labelOf(c),
    ...(c.subject ? { subject: c.subject } : {}),
    date: c.date,
    level: c.level ?? 'none',
    caveats: c.caveats,
    tags: c.tags,
    ...(c.origin ? { origin: c.origin } : {}),
  };
}

/** Clamps a page request to what can be sent: 0 ≤ offset, 1 ≤ limit ≤ MAX_PAGE. */
export function pageBounds(offset: unknown, limit: unknown): { offset: number; limit: number } {
  const o = typeof offset === 'number' && Number.isFinite(offset) ? Math.max(0, Math.floor(offset)) : 0;
  const l = typeof limit === 'number' && Number.isFinite(limit) ? Math.min(MAX_PAGE, Math.max(1, Math.floor(limit))) : 200;
  return { offset: o, limit: l };
}

/** The cables of the group `path` names, in no order. */
export function membersOf<C extends CableFacts>(cables: Iterable<C>, grouping: ArchiveGrouping, path: readonly string[]): C[] {
  const found: C[] = [];
  for (const c of cables) if (inPath(grouping, path, c)) found.push(c);
  return found;
}

/** The cables of the group `path` names, sorted (compareCables). */
export function cablesIn<C extends CableFacts>(cables: Iterable<C>, grouping: ArchiveGrouping, path: readonly string[]): C[] {
  return membersOf(cables, grouping, path).sort(compareCables);
}

/**
 * The first `n` cables in order (compareCables), without sorting them all: a group of 200 000 cables
 * (PREL) shows its first page after one pass that keeps the best n, where sorting it costs half a second.
 */
export function firstCables<C extends CableFacts>(cables: readonly C[], n: number): C[] {
  if (n >= cables.length) return [...cables].sort(compareCables);
  const kept: C[] = [];
  let worst: C | undefined;
  for (const c of cables) {
    if (kept.length < n) {
      kept.push(c);
      if (kept.length === n) {
        kept.sort(compareCables);
        worst = kept[n - 1];
      }
      continue;
    }
    if (compareCables(c, worst!) >= 0) continue;
    // Insert in order and drop the last: n is a page or a few, and most cables are rejected above.
    let i = n - 1;
    while (i > 0 && compareCables(c, kept[i - 1]!) < 0) i--;
    kept.splice(i, 0, c);
    kept.pop();
    worst = kept[n - 1];
  }
  return kept;
}

/** The cables a query keeps; all of them for an empty query. */
export function filterCables<C extends CableFacts>(cables: Iterable<C>, query: string): C[] {
  const q = parseQuery(query);
  if (q.terms.length === 0) return [...cables];
  const kept: C[] = [];
  for (const c of cables) if (matchCable(q, c) >= 0) kept.push(c);
  return kept;
}

/** Checks what the client sent: a known grouping, a string query, a path of strings. */
export function scopeOf(p: Partial<ArchiveScope> | undefined): ArchiveScope {
  const grouping = ARCHIVE_GROUPINGS.includes(p?.grouping as ArchiveGrouping) ? (p!.grouping as ArchiveGrouping) : 'date';
  const query = typeof p?.query === 'string' ? p.query.slice(0, 1000) : '';
  const path = Array.isArray(p?.path) ? p.path.filter((k): k is string => typeof k === 'string').slice(0, 4) : [];
  return { grouping, query, path };
}

/**
 * The view over a changing set of cables: the cables a filter keeps, and the sorted cables of the last
 * groups listed, are kept until the set changes (`invalidate`, called on every change of the index), so
 * paging through a group of 50 000 cables sorts them once.
 */
export class ArchiveView<C extends CableFacts> {
  private filtered: { query: string; cables: C[] } | undefined;
  /** The cables of the groups last listed, sorted once a reader pages deep into one. */
  private readonly sorted = new Map<string, { members: C[]; sorted: boolean }>();
  private size = 0;

  constructor(
    private readonly all: () => { readonly size: number; values(): Iterable<C> },
    private readonly titles?: GroupTitles,
  ) {}

  invalidate(): void {
    this.filtered = undefined;
    this.sorted.clear();
  }

  /** The cables the filter keeps (kept for the next request with the same filter). */
  matching(query: string): readonly C[] {
    const q = query.trim();
    if (this.filtered?.query !== q) {
      const all = this.all();
      this.size = all.size;
      this.filtered = { query: q, cables: filterCables(all.values(), q) };
      this.sorted.clear();
    }
    return this.filtered.cables;
  }

  groups(scope: ArchiveScope): ArchiveGroups {
    const cables = this.matching(scope.query);
    return { groups: groupCables(cables, scope.grouping, scope.path, this.titles), matched: cables.length, total: this.size };
  }

  items(scope: ArchiveScope, offset: number, limit: number): ArchivePage {
    const cables = this.matching(scope.query);
    const key = `${scope.grouping}\u0000${scope.path.join('\u0000')}`;
    let group = this.sorted.get(key);
    if (!group) {
      group = { members: membersOf(cables, scope.grouping, scope.path), sorted: false };
      // A few groups open at a time; an old one is gathered again when it is opened again.
      if (this.sorted.size >= 16) this.sorted.delete(this.sorted.keys().next().value!);
      this.sorted.set(key, group);
    }
    const end = offset + limit;
    const members = group.members;
    if (!group.sorted && end * SELECT_RATIO < members.length) {
      // The first pages of a large group: the best few without sorting the group.
      return { items: firstCables(members, end).slice(offset).map(itemOf), count: members.length, offset };
    }
    if (!group.sorted) {
      members.sort(compareCables);
      group.sorted = true;
    }
    return { items: members.slice(offset, end).map(itemOf), count: members.length, offset };
  }
}
