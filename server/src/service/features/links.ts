/**
 * Cross-cable navigation: REF items and cable ids named in the text (`STATE 71326`, `09BRUSSELS995`)
 * become document links and go-to-definition targets, pointing at the `.cable` file of that id when
 * the workspace has one. Which file that is, is the caller's business (the workspace index): this
 * module only asks a resolver, so it stays free of I/O.
 */
import type { DocumentLink, LocationLink } from 'vscode-languageserver-types';
import type { CableDocument, Position, Range } from '../model.ts';
import { containsPosition } from './rangeMath.ts';

/** Where a cable is: the file that holds it, and the line it starts on (a file may hold several). */
export interface CableTarget {
  uri: string;
  line: number;
}

/** Maps a canonical cable id (`09STATE71326`) to the file holding that cable and where in it. */
export type CableResolver = (cableId: string) => CableTarget | undefined;

/**
 * A link's target: the file, with the line as a fragment (`#L31`, 1-based, which VS Code's link opener
 * reads) when the cable is not the file's first.
 */
export function targetUri(target: CableTarget): string {
  return target.line > 0 ? `${target.uri}#L${target.line + 1}` : target.uri;
}

export interface CableIdOccurrence {
  range: Range;
  cableId: string;
  /** Where it was written: a REF item or a mention in the text. */
  source: 'reference' | 'mention';
}

/** Every cable id the cable names, in document order. */
export function cableIdOccurrences(doc: CableDocument): CableIdOccurrence[] {
  const out: CableIdOccurrence[] = [];
  for (const block of doc.references) {
    for (const item of block.items) {
      if (item.cableId) out.push({ range: item.range, cableId: item.cableId, source: 'reference' });
    }
  }
  for (const m of doc.mentions) out.push({ range: m.range, cableId: m.cableId, source: 'mention' });
  out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return out;
}

export function documentLinks(doc: CableDocument, resolve: CableResolver): DocumentLink[] {
  const links: DocumentLink[] = [];
  for (const occ of cableIdOccurrences(doc)) {
    const target = resolve(occ.cableId);
    if (target) links.push({ range: occ.range, target: targetUri(target), tooltip: `Open ${occ.cableId}` });
  }
  return links;
}

/** The cable id under the caret, if any. */
export function cableIdAt(doc: CableDocument, position: Position): CableIdOccurrence | undefined {
  return cableIdOccurrences(doc).find((o) => containsPosition(o.range, position));
}

/** Go to definition on a cable id: the top of that cable, in the file that holds it. */
export function definitionLinks(doc: CableDocument, position: Position, resolve: CableResolver): LocationLink[] {
  const occ = cableIdAt(doc, position);
  if (!occ) return [];
  const target = resolve(occ.cableId);
  if (!target) return [];
  const top: Range = { start: { line: target.line, character: 0 }, end: { line: target.line, character: 0 } };
  return [{ originSelectionRange: occ.range, targetUri: target.uri, targetRange: top, targetSelectionRange: top }];
}
