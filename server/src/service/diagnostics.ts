/**
 * Runs the rule catalogue over a document model and turns findings into LSP diagnostics, with each
 * rule's severity taken from the settings over its default. Shared by the server, the CLI and the
 * code actions (which need the findings' fixes).
 */
import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver-types';
import type { CableDocument } from './model.ts';
import type { CableSettings } from './settings.ts';
import { RULES } from './rules/index.ts';
import { editorSetting, utcYear, type Finding, type Rule, type RuleContext, type Severity, type TagDictionary } from './rules/common.ts';
import { cableIdOfFileName } from './fileName.ts';

const NO_OPTIONS: DiagnosticsOptions = {};

export interface RuleFinding extends Finding {
  rule: Rule;
  /** Severity after the settings and the finding's own default. */
  effectiveSeverity: Severity;
}

export interface DiagnosticsOptions {
  /** Called when a rule throws (a bug): the other rules still run. */
  onRuleError?: (code: string, err: unknown) => void;
  /** The document's URI or path: a file named after a cable id dates a cable whose text gives no date. */
  uri?: string;
  /** How messages name a setting (default: the editor's `cable.…`; the command line names `.cablerc.json` keys). */
  setting?: (key: string) => string;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function severityToLsp(s: Severity): DiagnosticSeverity {
  return SEVERITY[s];
}

export function severityFromLsp(s: DiagnosticSeverity | undefined): Severity {
  switch (s) {
    case DiagnosticSeverity.Error:
      return 'error';
    case DiagnosticSeverity.Information:
      return 'information';
    case DiagnosticSeverity.Hint:
      return 'hint';
    default:
      return 'warning';
  }
}

/** Size of the document in characters, each line end counted as one. */
function documentSize(doc: CableDocument): number {
  return doc.size;
}

/**
 * True when the document is over `cable.maxFileSize`: the costly rules are then skipped. Exported so
 * the server can tell the user, by the same measure the rules use.
 */
export function exceedsMaxFileSize(doc: CableDocument, settings: CableSettings): boolean {
  return documentSize(doc) > settings.maxFileSize;
}

export function ruleContext(doc: CableDocument, dict: TagDictionary, options: DiagnosticsOptions = NO_OPTIONS): RuleContext {
  const dtg = doc.dtg;
  return {
    doc,
    dict,
    dateMs: dtg?.epochMs,
    year: dtg?.epochMs !== undefined ? utcYear(dtg.epochMs) : (dtg?.year?.value ?? doc.identity.year),
    fileId: cableIdOfFileName(options.uri),
    setting: options.setting ?? editorSetting,
    ownParagraphs: undefined,
  };
}

function byStart(a: RuleFinding, b: RuleFinding): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

/** Every finding of every rule that is switched on, in document order. */
export function computeFindings(doc: CableDocument, settings: CableSettings, dict: TagDictionary, options: DiagnosticsOptions = NO_OPTIONS): RuleFinding[] {
  if (!settings.diagnostics.enable) return [];
  const ctx = ruleContext(doc, dict, options);
  const large = exceedsMaxFileSize(doc, settings);
  const out: RuleFinding[] = [];
  const overrides = settings.diagnostics.rules;
  // With no per-rule settings (the default) every rule runs at its own severity: no look-up per rule.
  let anyOverride = false;
  for (const _ in overrides) {
    anyOverride = true;
    break;
  }
  // One reporter for every rule, reading the rule in hand, rather than a closure per rule and document.
  let rule: Rule;
  let configured: Severity | undefined;
  // A rule reports a finding it has just built and keeps no hold of, so it becomes the RuleFinding in
  // place: the same keys in the same order as a copy, without copying every finding.
  const report = (f: Finding): void => {
    const rf = f as RuleFinding;
    rf.rule = rule;
    rf.effectiveSeverity = configured ?? f.severity ?? rule.severity;
    out.push(rf);
  };
  for (const r of RULES) {
    const setting = anyOverride ? overrides[r.code] : undefined;
    if (setting === 'off') continue;
    if (large && r.costly) continue;
    rule = r;
    configured = setting;
    try {
      r.check(ctx, report);
    } catch (err) {
      options.onRuleError?.(r.code, err);
    }
  }
  if (out.length > 1) out.sort(byStart);
  return out;
}

export function findingToDiagnostic(f: RuleFinding, uri?: string): Diagnostic {
  const d: Diagnostic = {
    range: f.range,
    severity: SEVERITY[f.effectiveSeverity],
    code: f.rule.code,
    source: 'cable',
    message: f.message,
  };
  if (uri && f.related?.length) {
    d.relatedInformation = f.related.map(
      (r): DiagnosticRelatedInformation => ({ location: { uri, range: r.range }, message: r.message }),
    );
  }
  return d;
}

/**
 * The diagnostics of one document. `uri` is needed for `relatedInformation` (the banner a marking
 * exceeds, the DTG a filing time disagrees with); without it those links are left out.
 */
export function computeDiagnostics(
  doc: CableDocument,
  settings: CableSettings,
  dict: TagDictionary,
  uri?: string,
  options: DiagnosticsOptions = NO_OPTIONS,
): Diagnostic[] {
  const findings = computeFindings(doc, settings, dict, uri !== undefined && options.uri === undefined ? { ...options, uri } : options);
  const out: Diagnostic[] = [];
  for (let i = 0; i < findings.length; i++) out.push(findingToDiagnostic(findings[i]!, uri));
  return out;
}
