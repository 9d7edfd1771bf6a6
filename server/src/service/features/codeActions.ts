/**
 * Quick fixes for diagnostics that have one right fix (the rules compute them with the finding), and
 * "disable this rule" for every cable diagnostic: a command the client runs to write the
 * `cable.diagnostics.rules` setting (the server cannot write settings; the CLI reads `.cablerc.json`).
 */
import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver-types';
import type { CableDocument } from '../model.ts';
import type { CableSettings } from '../settings.ts';
import type { TagDictionary } from '../rules/common.ts';
import { computeFindings, type RuleFinding } from '../diagnostics.ts';

/** The command the client registers to switch a rule off: arguments `[code, uri]`. */
export const DISABLE_RULE_COMMAND = 'cable.disableRule';

function sameRange(a: Range, b: Range): boolean {
  return (
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character
  );
}

function overlaps(a: Range, b: Range): boolean {
  const before = (p: Range['start'], q: Range['start']) => p.line < q.line || (p.line === q.line && p.character <= q.character);
  return before(a.start, b.end) && before(b.start, a.end);
}

function diagnosticCode(d: Diagnostic): string | undefined {
  if (d.source !== undefined && d.source !== 'cable') return undefined;
  return typeof d.code === 'string' ? d.code : undefined;
}

export function codeActions(
  doc: CableDocument,
  uri: string,
  range: Range,
  contextDiagnostics: Diagnostic[],
  settings: CableSettings,
  dict: TagDictionary,
): CodeAction[] {
  const actions: CodeAction[] = [];
  const ours = contextDiagnostics.filter((d) => diagnosticCode(d) !== undefined);
  // Recomputed rather than read from the diagnostics' data: the fixes then match this version of the text.
  const findings = ours.length ? computeFindings(doc, settings, dict) : [];

  const matched = new Map<Diagnostic, RuleFinding>();
  for (const d of ours) {
    const code = diagnosticCode(d)!;
    const f = findings.find((x) => x.rule.code === code && sameRange(x.range, d.range)) ?? findings.find((x) => x.rule.code === code && overlaps(x.range, d.range));
    if (f) matched.set(d, f);
  }

  const seenFix = new Set<string>();
  for (const [d, f] of matched) {
    if (!f.fix) continue;
    const key = `${f.rule.code}\u0000${f.fix.title}`;
    if (seenFix.has(key)) continue;
    seenFix.add(key);
    const edits: TextEdit[] = f.fix.edits.map((e) => ({ range: e.range, newText: e.newText }));
    actions.push({
      title: f.fix.title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [d],
      isPreferred: f.fix.preferred,
      edit: { changes: { [uri]: edits } },
    });
  }

  // Unmarked paragraphs usually come several at once: one action marks them all.
  const unmarked = findings.filter((f) => f.rule.code === 'portion-marking-missing' && f.fix);
  if (unmarked.length > 1 && ours.some((d) => d.code === 'portion-marking-missing' && overlaps(d.range, range))) {
    actions.push({
      title: `Mark all ${unmarked.length} unmarked portions at the banner's level`,
      kind: CodeActionKind.QuickFix,
      diagnostics: ours.filter((d) => d.code === 'portion-marking-missing'),
      edit: { changes: { [uri]: unmarked.flatMap((f) => f.fix!.edits) } },
    });
  }

  const codes = [...new Set(ours.map((d) => diagnosticCode(d)!))];
  for (const code of codes) {
    actions.push({
      title: `Disable rule '${code}'`,
      kind: CodeActionKind.QuickFix,
      diagnostics: ours.filter((d) => d.code === code),
      command: { title: `Disable rule '${code}'`, command: DISABLE_RULE_COMMAND, arguments: [code, uri] },
    });
  }
  return actions;
}
