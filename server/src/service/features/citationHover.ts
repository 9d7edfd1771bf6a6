/**
 * Hover on a cited cable (a REF item, or a cable id in the text): which cable it is, when the workspace
 * holds it (subject, date, classification, post, TAGS), and how many cables here cite it; when no file
 * of the workspace holds it, the hover says so, rather than leaving a reader to click a reference that
 * leads nowhere.
 */
import type { Hover, Position } from 'vscode-languageserver-types';
import type { CableDocument } from '../model.ts';
import { cableIdAt } from './links.ts';
import { classificationText, dateProse } from './cableSummary.ts';
import { citingEntries, type CitationGraph } from './references.ts';
import { idsOf } from '../cableFacts.ts';

/** How far the workspace index has got, so "not found" can say whether it may still turn up. */
export interface IndexProgress {
  walking: boolean;
  size: number;
}

/** Markdown-safe text taken from a cable (subjects hold `*`, `_`, brackets). */
function esc(text: string): string {
  return text.replace(/[\\`*_[\]<>#|]/g, (c) => `\\${c}`);
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function citationHover(doc: CableDocument, position: Position, graph: CitationGraph, progress: IndexProgress): Hover | null {
  const at = cableIdAt(doc, position);
  if (!at) return null;
  const id = at.cableId.toUpperCase();
  const target = graph.resolveEntries(id)[0];
  const ids = target ? [...new Set([id, ...idsOf(target)])] : [id];
  const citedBy = citingEntries(graph, ids).length;
  const lines: string[] = [];
  if (target) {
    lines.push(target.subject ? `**${id}** — ${esc(target.subject)}` : `**${id}**`);
    const facts = [dateProse(target.date), classificationText(target), target.origin ? `from ${target.origin}` : '', target.tags.length ? `TAGS ${target.tags.join(' ')}` : ''];
    const line = facts.filter(Boolean).join(' · ');
    if (line) lines.push(esc(line));
  } else {
    lines.push(`**${id}** is not in this workspace: no file in the open folders holds this cable, so the reference cannot be followed.`);
    if (progress.walking) lines.push(`The folders are still being read (${progress.size} cables so far); it may yet turn up.`);
  }
  lines.push(`Cited by ${plural(citedBy, 'cable', 'cables')} in this workspace (Find All References lists them).`);
  return { contents: { kind: 'markdown', value: lines.join('\n\n') }, range: at.range };
}
