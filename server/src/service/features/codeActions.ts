/**
 * Quick fixes for diagnostics that have one right fix (the rules compute them with the finding), the same
 * fix for every line of the file at once ("Fix all … in this file", and `source.fixAll.cable` for the
 * obvious fixes, which editors can run on save), and "disable this rule" for every cable diagnostic: a
 * command the client runs to write the `cable.diagnostics.rules` setting (the server cannot write
 * settings; the CLI reads `.cablerc.json`).
 *
 * In a file of several cables (sequence.ts) a quick fix is the cable's at the range, and "Fix all" spans
 * every cable of the file: one edit whose parts never overlap.
 */
import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver-types';
import type { CableDocument } from '../model.ts';
import type { CableSettings } from '../settings.ts';
import type { Fix, TagDictionary } from '../rules/common.ts';
import type { RuleFinding } from '../diagnostics.ts';
import type { CableFile } from '../sequence.ts';
import { fileFindings, partAtLine, partFindings } from './perCable.ts';

/** The command the client registers to switch a rule off: arguments `[code, uri]`. */
export const DISABLE_RULE_COMMAND = 'cable.disableRule';

/** Every obvious fix in the file at once (VS Code: `"editor.codeActionsOnSave": {"source.fixAll.cable": …}`). */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.cable`;

/** The code action kinds the server offers, for its capabilities. */
export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, FIX_ALL_KIND];

function sameRange(a: Range, b: Range): boolean {
  return (
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character
  );
}

function before(p: Range['start'], q: Range['start']): boolean {
  return p.line < q.line || (p.line === q.line && p.character < q.character);
}

function overlaps(a: Range, b: Range): boolean {
  return !before(a.end, b.start) && !before(b.end, a.start);
}

function diagnosticCode(d: Diagnostic): string | undefined {
  if (d.source !== undefined && d.source !== 'cable') return undefined;
  return typeof d.code === 'string' ? d.code : undefined;
}

/** Whether the client asked for `kind` (`only` lists kinds and their parents; none means every quick fix). */
function wanted(only: string[] | undefined, kind: string): boolean {
  if (!only) return kind === CodeActionKind.QuickFix;
  return only.some((k) => kind === k || kind.startsWith(`${k}.`));
}

/**
 * The edits of several fixes in one: each distinct fix once (the renumbering every paragraph-numbering
 * finding shares counts once), and a fix whose edits touch another's left out, so the edits never collide.
 * Returns the edits and how many fixes they hold.
 */
function mergeFixes(fixes: Fix[]): { edits: TextEdit[]; count: number } {
  const edits: TextEdit[] = [];
  const seen = new Set<Fix>();
  let count = 0;
  for (const fix of fixes) {
    if (seen.has(fix)) continue;
    seen.add(fix);
    if (fix.edits.some((e) => edits.some((x) => overlaps(x.range, e.range) && !(sameRange(x.range, e.range) && x.newText === e.newText)))) continue;
    for (const e of fix.edits) if (!edits.some((x) => sameRange(x.range, e.range) && x.newText === e.newText)) edits.push({ range: e.range, newText: e.newText });
    count++;
  }
  return { edits, count };
}

/** "Fix all" for each rule whose fix the file needs in more than one place, offered where one of them is. */
function fixAllPerRule(findings: RuleFinding[], ours: Diagnostic[], range: Range, uri: string): CodeAction[] {
  const byRule = new Map<string, RuleFinding[]>();
  for (const f of findings) {
    if (!f.fix) continue;
    const list = byRule.get(f.rule.code);
    if (list) list.push(f);
    else byRule.set(f.rule.code, [f]);
  }
  const out: CodeAction[] = [];
  for (const [code, list] of byRule) {
    if (!ours.some((d) => d.code === code && overlaps(d.range, range))) continue;
    const { edits, count } = mergeFixes(list.map((f) => f.fix!));
    if (count < 2) continue;
    out.push({
      title: `Fix all ${count} '${code}' problems in this file`,
      kind: CodeActionKind.QuickFix,
      diagnostics: ours.filter((d) => d.code === code),
      edit: { changes: { [uri]: edits } },
    });
  }
  return out;
}

/** The code actions of a document of one cable. */
export function codeActions(
  doc: CableDocument,
  uri: string,
  range: Range,
  contextDiagnostics: Diagnostic[],
  settings: CableSettings,
  dict: TagDictionary,
  only?: string[],
): CodeAction[] {
  return fileCodeActions({ parts: [{ model: doc, line: 0 }] }, uri, range, contextDiagnostics, settings, dict, only);
}

/**
 * The code actions at `range` of a file (positions of the file). The findings are recomputed rather
 * than read from the diagnostics' data, so the fixes match this version of the text: the cable's at the
 * range for its quick fixes, every cable's when a fix-all is wanted.
 */
export function fileCodeActions(
  file: CableFile,
  uri: string,
  range: Range,
  contextDiagnostics: Diagnostic[],
  settings: CableSettings,
  dict: TagDictionary,
  only?: string[],
): CodeAction[] {
  const actions: CodeAction[] = [];
  const quickFixes = wanted(only, CodeActionKind.QuickFix);
  const fixAll = only !== undefined && wanted(only, FIX_ALL_KIND);
  const ours = quickFixes ? contextDiagnostics.filter((d) => diagnosticCode(d) !== undefined) : [];
  let inFile: RuleFinding[] | undefined;
  const everyFinding = () => (inFile ??= fileFindings(file, settings, dict, uri));
  const part = partAtLine(file, range.start.line);
  const cable = ours.length === 0 ? [] : file.parts.length === 1 ? everyFinding() : partFindings(file, part, settings, dict, uri);

  if (fixAll) {
    const { edits, count } = mergeFixes(everyFinding().filter((f) => f.fix?.preferred).map((f) => f.fix!));
    if (count > 0) actions.push({ title: `Fix all ${count} obvious problems in this file`, kind: FIX_ALL_KIND, edit: { changes: { [uri]: edits } } });
  }
  if (!quickFixes) return actions;

  const matched = new Map<Diagnostic, RuleFinding>();
  for (const d of ours) {
    const code = diagnosticCode(d)!;
    const f = cable.find((x) => x.rule.code === code && sameRange(x.range, d.range)) ?? cable.find((x) => x.rule.code === code && overlaps(x.range, d.range));
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

  // The same fix on many lines (eight `(C NF)` markings, every unmarked paragraph): once for the file,
  // looked for in every cable when the cable at the range has a fix for a rule of the diagnostics here.
  if (cable.some((f) => f.fix && ours.some((d) => d.code === f.rule.code))) actions.push(...fixAllPerRule(everyFinding(), ours, range, uri));

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
