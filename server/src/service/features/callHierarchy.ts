/**
 * The call hierarchy over the reference graph: "Show Call Hierarchy" on a cable lists the cables that
 * cite it (incoming calls) and the cables it cites (outgoing calls), and each of those can be opened in
 * turn, so a reader walks a thread of cables both ways. A cited cable that is not in the workspace is
 * still shown, marked so, with the cables that cite it; it has no references of its own to show.
 */
import {
  SymbolKind,
  type CallHierarchyIncomingCall,
  type CallHierarchyItem,
  type CallHierarchyOutgoingCall,
} from 'vscode-languageserver-types';
import type { CableDocument, Position, Range } from '../model.ts';
import { idsOf, labelOf, type CableEntry } from '../cableFacts.ts';
import { summaryLine } from './cableSummary.ts';
import { anchorRange, cableAt, citingEntries, refRangesNaming, type CableRef, type CitationGraph } from './references.ts';

/** What an item carries between requests: the cable's ids, and its file and the line it starts on there when it has one. */
interface ItemData {
  ids: string[];
  uri?: string;
  line?: number;
}

function shorten(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

function itemFor(e: CableEntry): CallHierarchyItem {
  const range = anchorRange(e);
  const detail = [e.subject ? shorten(e.subject, 80) : '', summaryLine(e)].filter(Boolean).join(' — ');
  const data: ItemData = { ids: idsOf(e), uri: e.uri, line: e.start };
  return { name: labelOf(e), kind: SymbolKind.File, detail, uri: e.uri, range, selectionRange: range, data };
}

/** A cable named by a REF item but held by no file of the workspace: shown where it is cited. */
function absentItem(id: string, citedAt: { uri: string; range: Range }): CallHierarchyItem {
  const data: ItemData = { ids: [id] };
  return {
    name: id,
    kind: SymbolKind.File,
    detail: 'not in this workspace',
    uri: citedAt.uri,
    range: citedAt.range,
    selectionRange: citedAt.range,
    data,
  };
}

function dataOf(item: CallHierarchyItem): ItemData {
  const d = item.data as Partial<ItemData> | undefined;
  const ids = Array.isArray(d?.ids) ? d.ids.filter((x): x is string => typeof x === 'string') : [item.name.toUpperCase()];
  return { ids, uri: typeof d?.uri === 'string' ? d.uri : undefined, line: typeof d?.line === 'number' ? d.line : undefined };
}

/**
 * The cable the caret names (an id, a REF item) or, on the heading or elsewhere, the document's own
 * (`doc`, the cable at `self`).
 */
export function prepareCallHierarchy(doc: CableDocument, self: CableRef, position: Position, graph: CitationGraph): CallHierarchyItem[] {
  const at = cableAt(doc, self, position, graph);
  if (at && !at.own) {
    const target = graph.resolveEntries(at.ids[0]!)[0];
    // An absent cable is shown where it is cited: a range of `doc`, moved into its file.
    const range = { start: { ...at.range.start, line: at.range.start.line + self.line }, end: { ...at.range.end, line: at.range.end.line + self.line } };
    return [target ? itemFor(target) : absentItem(at.ids[0]!, { uri: self.uri, range })];
  }
  const own = graph.get(self.uri, self.line);
  return own ? [itemFor(own)] : [];
}

/** Cited by: every cable whose REF items name this one, with those items. */
export function incomingCalls(item: CallHierarchyItem, graph: CitationGraph): CallHierarchyIncomingCall[] {
  const { ids } = dataOf(item);
  return citingEntries(graph, ids).map((e) => ({ from: itemFor(e), fromRanges: refRangesNaming(e, ids) }));
}

/** Its references: the cables its REF items name, each once, with the items that name it. */
export function outgoingCalls(item: CallHierarchyItem, graph: CitationGraph): CallHierarchyOutgoingCall[] {
  const { uri, line } = dataOf(item);
  const e = uri ? graph.get(uri, line ?? 0) : undefined;
  if (!e) return [];
  const out: CallHierarchyOutgoingCall[] = [];
  for (const id of new Set(e.refs)) {
    const fromRanges = refRangesNaming(e, [id]);
    const target = graph.resolveEntries(id)[0];
    out.push({ to: target ? itemFor(target) : absentItem(id, { uri: e.uri, range: fromRanges[0]! }), fromRanges });
  }
  return out;
}
