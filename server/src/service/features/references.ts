/**
 * Find All References (Shift+F12) on a cable: every REF item in the workspace that names it. The caret
 * may stand on a REF item or a cable id in the text (that cable), or on the cable's own heading, its
 * routing lines, banner or subject (this cable). Which cables cite which is the workspace index's
 * business; this module asks it through `CitationGraph`, so it stays free of I/O.
 */
import type { Location } from 'vscode-languageserver-types';
import type { CableDocument, Position, Range } from '../model.ts';
import { idsOf, type CableEntry } from '../cableFacts.ts';
import { cableIdAt } from './links.ts';
import { containsPosition } from './rangeMath.ts';

/** What the features over the reference graph ask of the workspace index. */
export interface CitationGraph {
  /**
   * The entry of the cable that starts at `line` (0 by default: the first) of a file; for an open
   * document, of its current text. A file of several cables has an entry per cable.
   */
  get(uri: string, line?: number): CableEntry | undefined;
  /** The files holding a cable, best first. */
  resolveEntries(cableId: string): CableEntry[];
  /** The cables whose REF items name the id. */
  citing(cableId: string): readonly CableEntry[];
}

export interface CableAtCaret {
  /** The ids of the cable meant (a cable may answer to its text's id and to its file name). */
  ids: string[];
  /** True when the caret is on the document's own heading rather than on an id it names. */
  own: boolean;
  /** The text that names it. */
  range: Range;
}

/** A cable of a file: the file, and the line the cable starts on (a file may hold several). */
export interface CableRef {
  uri: string;
  line: number;
}

/**
 * The cable the caret names: an id written there, else this cable (`doc`, the cable at `self`) when the
 * caret is on its heading.
 */
export function cableAt(doc: CableDocument, self: CableRef, position: Position, graph: CitationGraph): CableAtCaret | undefined {
  const named = cableIdAt(doc, position);
  if (named) {
    const ids = new Set([named.cableId.toUpperCase()]);
    // A cited cable whose file answers to a second id (its file name) is cited under either.
    for (const e of graph.resolveEntries(named.cableId)) for (const id of idsOf(e)) ids.add(id);
    return { ids: [...ids], own: false, range: named.range };
  }
  const heading = [doc.header.range, doc.banner?.range, doc.subject?.range].find((r) => r && containsPosition(r, position));
  if (!heading) return undefined;
  const entry = graph.get(self.uri, self.line);
  const ids = entry ? idsOf(entry) : [];
  if (ids.length === 0 && doc.identity.id) ids.push(doc.identity.id.toUpperCase());
  return ids.length ? { ids, own: true, range: heading } : undefined;
}

/** The REF items of one cable that name any of the ids, as ranges. */
export function refRangesNaming(e: CableEntry, ids: readonly string[]): Range[] {
  const out: Range[] = [];
  for (let i = 0; i < e.refs.length; i++) {
    if (!ids.includes(e.refs[i]!)) continue;
    const r = e.refRanges;
    out.push({ start: { line: r[4 * i]!, character: r[4 * i + 1]! }, end: { line: r[4 * i + 2]!, character: r[4 * i + 3]! } });
  }
  return out;
}

/** The cables citing any of the ids, each once, in a stable order. */
export function citingEntries(graph: CitationGraph, ids: readonly string[]): CableEntry[] {
  const seen = new Set<CableEntry>();
  for (const id of ids) for (const e of graph.citing(id)) seen.add(e);
  return [...seen].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
}

export function anchorRange(e: CableEntry): Range {
  const [sl, sc, el, ec] = e.anchor;
  return { start: { line: sl, character: sc }, end: { line: el, character: ec } };
}

export function references(
  doc: CableDocument,
  self: CableRef,
  position: Position,
  includeDeclaration: boolean,
  graph: CitationGraph,
): Location[] {
  const target = cableAt(doc, self, position, graph);
  if (!target) return [];
  const out: Location[] = [];
  if (includeDeclaration) {
    for (const id of target.ids) for (const e of graph.resolveEntries(id)) out.push({ uri: e.uri, range: anchorRange(e) });
  }
  for (const e of citingEntries(graph, target.ids)) {
    for (const range of refRangesNaming(e, target.ids)) out.push({ uri: e.uri, range });
  }
  // A cable found under two ids is listed once.
  const seen = new Set<string>();
  const unique: Location[] = [];
  for (const l of out) {
    const k = `${l.uri}#${l.range.start.line}:${l.range.start.character}`;
    if (seen.has(k)) continue;
    seen.add(k);
    unique.push(l);
  }
  return unique;
}
