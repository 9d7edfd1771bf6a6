/**
 * Go to Symbol in Workspace (Ctrl+T): the cables that a query of the query language finds (the index runs
 * workspace/query.ts: ids, words of the subject, `#TAG`, `@POST`, `!LEVEL`, `!CAVEAT`, dates), each shown
 * as its id and subject, with its date, classification, post and TAGS beside it.
 *
 * VS Code keeps only the results whose name matches what was typed, letter by letter: a name holds no
 * `#` or `@`, so for a query with such terms each name starts with the query itself, which every result
 * matches by construction. VS Code also sends only the first blank-separated word of what was typed and
 * matches the other words against the line beside each name (README: "Search by what a cable is about").
 */
import { SymbolKind, type WorkspaceSymbol } from 'vscode-languageserver-types';
import { labelOf, type CableEntry } from '../cableFacts.ts';
import { summaryLine } from './cableSummary.ts';

/** Results per query: enough for VS Code's own filtering by the later words to have material. */
export const WORKSPACE_SYMBOL_LIMIT = 1000;

/**
 * A cable as a workspace symbol. `echo`: the query, for a query with `#`, `@`, `!` or date terms, which
 * then starts the name (see above).
 */
export function workspaceSymbol(e: CableEntry, echo?: string): WorkspaceSymbol {
  const label = e.subject ? `${labelOf(e)}: ${e.subject}` : labelOf(e);
  const prefix = echo ? `${echo} · ` : '';
  const [sl, sc, el, ec] = e.anchor;
  const sym: WorkspaceSymbol = {
    name: prefix + label,
    kind: SymbolKind.File,
    location: { uri: e.uri, range: { start: { line: sl, character: sc }, end: { line: el, character: ec } } },
  };
  const also = e.id && e.fileId ? `file ${e.fileId}` : '';
  const container = [summaryLine(e), also].filter(Boolean).join(' · ');
  if (container) sym.containerName = container;
  return sym;
}

export function workspaceSymbols(cables: readonly CableEntry[], echo?: string): WorkspaceSymbol[] {
  return cables.map((c) => workspaceSymbol(c, echo));
}
