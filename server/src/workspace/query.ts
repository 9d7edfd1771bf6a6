/**
 * The query language for finding cables by what they are about. Go to Symbol in Workspace uses it, and
 * so will the archive view's filter: a query is parsed once (`parseQuery`) and matched against the facts
 * of each cable (`matchCable`), with no LSP types and no I/O.
 *
 *   #PTER              TAGS: the cable's TAGS line lists PTER
 *   @PARIS             post: the cable comes from Paris (the post in its id: @STATE, @BUENOSAIRES)
 *   !S  !SECRET        level: U, SBU, LOU, C, S, TS, or UNCLASSIFIED, CONFIDENTIAL, SECRET, TOPSECRET
 *   !NOFORN  !NODIS    caveat or caption: NOFORN (also !NF), SIPDIS, NODIS, EXDIS, LIMDIS …
 *   2009  2009-07  2009-07-20           year, month or day of the cable's date-time group
 *   2008..2009  2009-01..2009-06        a span of dates, both ends included
 *   words              words of the id, the subject or the file name (`09PARIS1234`, `paris 1234`, `fisheries`)
 *   -TERM              leaves out cables that TERM matches (`-#PREL`, `-!NOFORN`, `-2010`, `-visa`)
 *
 * Terms are separated by blanks or `+`; case never matters. Every term must hold, except that several
 * posts, levels or dates are alternatives: `@PARIS @LONDON !S !C 2008 2009` finds SECRET or CONFIDENTIAL
 * cables from either post in either year. TAGS, caveats and words all have to match.
 */
import type { Level } from '../service/model.ts';
import { labelOf, type CableFacts } from '../service/cableFacts.ts';

export type QueryTerm =
  | { kind: 'tag'; value: string; negated: boolean }
  | { kind: 'post'; value: string; negated: boolean }
  | { kind: 'level'; value: Level; negated: boolean }
  | { kind: 'marking'; value: string; negated: boolean }
  | { kind: 'date'; from: number; to: number; text: string; negated: boolean }
  | { kind: 'word'; value: string; negated: boolean };

export interface CableQuery {
  /** The query as written. */
  readonly text: string;
  readonly terms: readonly QueryTerm[];
  /** True when some term other than a plain word is present. */
  readonly hasFacets: boolean;
  /** The words that must occur, upper case, and the same written together (`brussels 995` → `BRUSSELS995`). */
  readonly words: readonly string[];
  readonly compact: string;
  /** The other terms sorted by kind, for matching many cables fast. */
  readonly filter: QueryFilter;
}

/** The terms of a query by kind: what `matchCable` checks, cheapest first. */
export interface QueryFilter {
  posts: string[];
  levels: Level[];
  dates: { from: number; to: number }[];
  tags: string[];
  markings: string[];
  /** Negated terms: a cable any of them holds for is left out. */
  excluded: QueryTerm[];
}

function filterOf(terms: readonly QueryTerm[]): QueryFilter {
  const f: QueryFilter = { posts: [], levels: [], dates: [], tags: [], markings: [], excluded: [] };
  for (const t of terms) {
    if (t.negated) f.excluded.push(t);
    else if (t.kind === 'post') f.posts.push(t.value);
    else if (t.kind === 'level') f.levels.push(t.value);
    else if (t.kind === 'date') f.dates.push({ from: t.from, to: t.to });
    else if (t.kind === 'tag') f.tags.push(t.value);
    else if (t.kind === 'marking') f.markings.push(t.value);
  }
  return f;
}

/** A cable that matched, with its rank: lower is better (0 = the id itself). */
export interface QueryMatch<C extends CableFacts = CableFacts> {
  cable: C;
  rank: number;
}

const LEVEL_WORDS: Readonly<Record<string, Level>> = {
  U: 'U',
  UNCLAS: 'U',
  UNCLASSIFIED: 'U',
  SBU: 'SBU',
  LOU: 'LOU',
  C: 'C',
  CONFIDENTIAL: 'C',
  S: 'S',
  SECRET: 'S',
  TS: 'TS',
  TOPSECRET: 'TS',
};

/** Short forms of caveats as portion markings write them (`(S//NF)`). */
const MARKING_ALIASES: Readonly<Record<string, string>> = { NF: 'NOFORN' };

/** The Department's own name for itself, as some cables' FM lines have it. */
const POST_ALIASES: Readonly<Record<string, string>> = { SECSTATE: 'STATE' };

const DATE = /^((?:19|20)\d\d)(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/;

/** Letters and digits only, upper case: `buenos-aires` → `BUENOSAIRES`. */
function squeeze(s: string): string {
  return s.toUpperCase().replace(/[^A-Z0-9]+/g, '');
}

/** yyyymmdd bounds of a date as written (`2009` → the whole year, undated days included). */
function dateBounds(text: string): { from: number; to: number } | undefined {
  const m = DATE.exec(text);
  if (!m) return undefined;
  const y = Number(m[1]) * 10000;
  if (m[3]) {
    const day = y + Number(m[2]) * 100 + Number(m[3]);
    return { from: day, to: day };
  }
  if (m[2]) {
    const month = y + Number(m[2]) * 100;
    return { from: month, to: month + 99 };
  }
  return { from: y, to: y + 1299 };
}

function dateTerm(text: string, negated: boolean): QueryTerm | undefined {
  const dots = text.indexOf('..');
  if (dots < 0) {
    const b = dateBounds(text);
    return b && { kind: 'date', ...b, text, negated };
  }
  const a = dateBounds(text.slice(0, dots));
  const b = dateBounds(text.slice(dots + 2));
  if (!a || !b) return undefined;
  return { kind: 'date', from: Math.min(a.from, b.from), to: Math.max(a.to, b.to), text, negated };
}

function termOf(raw: string): QueryTerm | undefined {
  const negated = raw.length > 1 && raw.startsWith('-');
  const t = negated ? raw.slice(1) : raw;
  const body = t.slice(1);
  switch (t.charAt(0)) {
    case '#': {
      const value = body.toUpperCase();
      return value ? { kind: 'tag', value, negated } : undefined;
    }
    case '@': {
      const squeezed = squeeze(body);
      const value = POST_ALIASES[squeezed] ?? squeezed;
      return value ? { kind: 'post', value, negated } : undefined;
    }
    case '!': {
      const word = squeeze(body);
      if (!word) return undefined;
      const level = LEVEL_WORDS[word];
      if (level) return { kind: 'level', value: level, negated };
      return { kind: 'marking', value: MARKING_ALIASES[word] ?? word, negated };
    }
    default: {
      const date = dateTerm(t, negated);
      if (date) return date;
      const value = t.toUpperCase();
      return value ? { kind: 'word', value, negated } : undefined;
    }
  }
}

export function parseQuery(text: string): CableQuery {
  const terms: QueryTerm[] = [];
  for (const raw of text.split(/[\s+]+/)) {
    const term = raw && termOf(raw);
    if (term) terms.push(term);
  }
  const words = terms.flatMap((t) => (t.kind === 'word' && !t.negated ? [t.value] : []));
  return { text, terms, hasFacets: terms.some((t) => t.kind !== 'word'), words, compact: words.join(''), filter: filterOf(terms) };
}

function hasWord(text: string, word: string): boolean {
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
    if (!isAlnum(text.charCodeAt(i - 1)) && !isAlnum(text.charCodeAt(i + word.length))) return true;
  }
  return false;
}

const DIGIT_0 = 48;
const DIGIT_9 = 57;
const UPPER_A = 65;
const UPPER_Z = 90;
const LOWER_A = 97;
const LOWER_Z = 122;

function isAlnum(c: number): boolean {
  return (c >= DIGIT_0 && c <= DIGIT_9) || (c >= UPPER_A && c <= UPPER_Z) || (c >= LOWER_A && c <= LOWER_Z);
}

/** Does one term hold for the cable? (For a word: does it occur anywhere.) */
function holds(term: QueryTerm, c: CableFacts): boolean {
  switch (term.kind) {
    case 'tag':
      return c.tags.includes(term.value);
    case 'post':
      return c.origin === term.value;
    case 'level':
      return c.level === term.value;
    case 'marking':
      return c.caveats.includes(term.value) || c.captions.includes(term.value);
    case 'date':
      return c.date >= term.from && c.date <= term.to;
    case 'word':
      return c.searchText.includes(term.value);
  }
}

/** Whether the text written together is, starts or holds `compact`: 0, 1, 2; else -1. */
function idRank(id: string | undefined, compact: string): number {
  if (id === undefined) return -1;
  if (id === compact) return 0;
  if (id.startsWith(compact)) return 1;
  return id.includes(compact) ? 2 : -1;
}

function better(a: number, b: number): number {
  return a < 0 ? b : b < 0 ? a : Math.min(a, b);
}

/**
 * How well the words match, lower being better: 0 the id itself, 1 an id that starts with the words
 * written together (`brussels 995`), 2 an id that holds them, 3 every word a whole word somewhere, 4 every
 * word somewhere; -1 no match.
 */
function wordRank(q: CableQuery, c: CableFacts): number {
  const words = q.words;
  if (words.length === 0) return 3;
  let best = better(idRank(c.id, q.compact), idRank(c.fileId, q.compact));
  if (c.otherName) best = better(best, idRank(c.otherName.toUpperCase().replace(/\s+/g, ''), q.compact));
  if (best >= 0) return best;
  const text = c.searchText;
  for (const w of words) if (!text.includes(w)) return -1;
  for (const w of words) if (!hasWord(text, w)) return 4;
  return 3;
}

/** The rank of the cable for the query (see wordRank), or -1 when it does not match. */
export function matchCable(q: CableQuery, c: CableFacts): number {
  const f = q.filter;
  // Posts, levels and dates are alternatives within their kind; TAGS and caveats must all hold.
  if (f.posts.length && (c.origin === undefined || !f.posts.includes(c.origin))) return -1;
  if (f.levels.length && (c.level === undefined || !f.levels.includes(c.level))) return -1;
  if (f.dates.length && !inAnySpan(f.dates, c.date)) return -1;
  for (const t of f.tags) if (!c.tags.includes(t)) return -1;
  for (const m of f.markings) if (!c.caveats.includes(m) && !c.captions.includes(m)) return -1;
  for (const t of f.excluded) if (holds(t, c)) return -1;
  return wordRank(q, c);
}

function inAnySpan(spans: readonly { from: number; to: number }[], date: number): boolean {
  for (const s of spans) if (date >= s.from && date <= s.to) return true;
  return false;
}

/** Better rank first, then newer, then by id. */
export function compareMatches(a: QueryMatch, b: QueryMatch): number {
  return compareRanked(a.rank, a.cable, b.rank, b.cable);
}

function compareRanked(rankA: number, a: CableFacts, rankB: number, b: CableFacts): number {
  return rankA - rankB || b.date - a.date || compareText(labelOf(a), labelOf(b));
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The best `limit` matches of the query among the cables, best first. Keeps a bounded heap rather than
 * sorting every match, so a query that matches most of a 250 000-cable archive stays cheap.
 */
export function runQuery<C extends CableFacts>(q: CableQuery, cables: Iterable<C>, limit: number): QueryMatch<C>[] {
  const best = new BoundedHeap<QueryMatch<C>>(limit, compareMatches);
  for (const cable of cables) {
    const rank = matchCable(q, cable);
    if (rank < 0) continue;
    // Most matches of a common TAG lose to the worst kept one: tell before making a match of them.
    const worst = best.full ? best.worst : undefined;
    if (worst && compareRanked(rank, cable, worst.rank, worst.cable) >= 0) continue;
    best.offer({ cable, rank });
  }
  return best.sorted();
}

/** Keeps the `limit` smallest items under `compare`; the worst kept item sits at the root. */
class BoundedHeap<T> {
  private readonly items: T[] = [];

  constructor(
    private readonly limit: number,
    private readonly compare: (a: T, b: T) => number,
  ) {}

  get full(): boolean {
    return this.items.length >= this.limit;
  }

  /** The worst item kept (undefined when empty). */
  get worst(): T | undefined {
    return this.items[0];
  }

  offer(item: T): void {
    if (this.limit <= 0) return;
    const h = this.items;
    if (h.length < this.limit) {
      h.push(item);
      this.up(h.length - 1);
    } else if (this.compare(item, h[0]!) < 0) {
      h[0] = item;
      this.down(0);
    }
  }

  sorted(): T[] {
    return [...this.items].sort(this.compare);
  }

  /** Worse items rise towards the root. */
  private worse(i: number, j: number): boolean {
    return this.compare(this.items[i]!, this.items[j]!) > 0;
  }

  private swap(i: number, j: number): void {
    const h = this.items;
    [h[i], h[j]] = [h[j]!, h[i]!];
  }

  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.worse(i, parent)) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private down(i: number): void {
    const n = this.items.length;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let top = i;
      if (l < n && this.worse(l, top)) top = l;
      if (r < n && this.worse(r, top)) top = r;
      if (top === i) return;
      this.swap(i, top);
      i = top;
    }
  }
}
