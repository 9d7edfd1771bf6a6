/**
 * `cable lint`'s work on one cable, on whichever thread checks it: the rules, then the cable's output
 * records already formatted (text lines, a JSON object, SARIF results), and its counts.
 */
import * as path from 'node:path';
import type { Range } from 'vscode-languageserver-types';
import { parseCable } from '../service/parse.ts';
import { computeFindings, exceedsMaxFileSize } from '../service/diagnostics.ts';
import { Dictionary } from '../service/dictionary.ts';
import type { CableSettings } from '../service/settings.ts';
import { RULES } from '../service/rules/index.ts';
import type { Severity } from '../service/rules/common.ts';
import type { Accumulator, CableInput, Processor } from './work.ts';
import { CONFIG_NAME } from './settingsResolver.ts';

export type LintFormat = 'text' | 'json' | 'sarif';

export interface LintDiagnostic {
  code: string;
  severity: Severity;
  message: string;
  range: Range;
}

/** One cable's entry in `--format json`. */
export interface FileResult {
  file: string;
  diagnostics: LintDiagnostic[];
  /** Rules not run because the cable is over `maxFileSize` (said on stderr too, never silently). */
  skippedRules?: string[];
}

export const SARIF_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };
const COSTLY_RULES = RULES.filter((r) => r.costly).map((r) => r.code);
const RULE_INDEX = new Map(RULES.map((r, i) => [r.code, i]));

const dictionaries = new Map<string, Dictionary>();

function dictionaryFor(settings: CableSettings): Dictionary {
  const key = JSON.stringify(settings.tags.extra);
  let d = dictionaries.get(key);
  if (!d) {
    d = Object.keys(settings.tags.extra).length ? Dictionary.default().withExtra(settings.tags.extra) : Dictionary.default();
    dictionaries.set(key, d);
  }
  return d;
}

/** A file's location for SARIF: relative to the working directory (SRCROOT) when inside it. */
export function sarifLocation(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  const abs = path.resolve(cwd, file);
  const rel = path.relative(cwd, abs);
  const enc = (p: string) => p.split(path.sep).map(encodeURIComponent).join('/');
  if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) return { uri: enc(rel), uriBaseId: 'SRCROOT' };
  return { uri: 'file://' + enc(abs).replace(/^(?!\/)/, '/') };
}

/** Messages name a setting by its key in the settings file (`tags.extra of .cablerc.json`), not the editor's. */
function configKey(key: string): string {
  return `${key} of ${CONFIG_NAME}`;
}

/** The diagnostics `cable lint` gives a cable's text (ranges from its first line). */
export function lintText(text: string, settings: CableSettings, file?: string): LintDiagnostic[] {
  return computeFindings(parseCable(text, { fileName: file }), settings, dictionaryFor(settings), { uri: file, setting: configKey }).map((f) => ({
    code: f.rule.code,
    severity: f.effectiveSeverity,
    message: f.message,
    range: f.range,
  }));
}

function shifted(r: Range, lines: number): Range {
  if (lines === 0) return r;
  return { start: { line: r.start.line + lines, character: r.start.character }, end: { line: r.end.line + lines, character: r.end.character } };
}

export class LintProcessor implements Processor {
  readonly separator: string;
  private settings: CableSettings[] = [];

  constructor(
    private readonly format: LintFormat,
    private readonly cwd: string,
  ) {
    this.separator = format === 'text' ? '' : ',\n';
  }

  /** The settings table grows as the walk finds more `.cablerc.json` files. */
  setSettings(table: CableSettings[]): void {
    this.settings = table;
  }

  cable(input: CableInput, acc: Accumulator): void {
    const settings = this.settings[input.settings]!;
    const doc = parseCable(input.text, { fileName: input.line ? undefined : input.name });
    const crash = doc.problems.find((p) => p.code === 'parser-error');
    if (crash) {
      acc.counts.failed++;
      acc.message(`cable lint: ${input.name}${input.line ? ` (the cable from line ${input.line + 1})` : ''}: ${crash.message}; only what was read before it is checked\n`);
    }
    const diagnostics: LintDiagnostic[] = computeFindings(doc, settings, dictionaryFor(settings), { uri: input.name, setting: configKey }).map((f) => ({
      code: f.rule.code,
      severity: f.effectiveSeverity,
      message: f.message,
      range: shifted(f.range, input.line),
    }));
    const skipped = exceedsMaxFileSize(doc, settings) ? COSTLY_RULES : undefined;
    if (skipped) {
      const where = input.line ? ` (the cable from line ${input.line + 1})` : '';
      acc.message(`cable lint: ${input.name}${where} is larger than maxFileSize: skipped ${skipped.join(', ')}\n`);
    }
    acc.counts.cables++;
    for (const d of diagnostics) {
      if (d.severity === 'error') acc.counts.errors++;
      else if (d.severity === 'warning') acc.counts.warnings++;
      else acc.counts.notes++;
    }
    this.records(input.name, diagnostics, skipped, acc);
  }

  private records(file: string, diagnostics: LintDiagnostic[], skipped: string[] | undefined, acc: Accumulator): void {
    if (this.format === 'json') {
      const result: FileResult = { file, diagnostics };
      if (skipped) result.skippedRules = skipped;
      acc.record(JSON.stringify(result));
    } else if (this.format === 'sarif') {
      const location = sarifLocation(file, this.cwd);
      for (const d of diagnostics) acc.record(JSON.stringify(sarifResult(d, location)));
    } else if (diagnostics.length) {
      let text = '';
      for (const d of diagnostics) text += `${file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity} ${d.code} ${d.message}\n`;
      acc.record(text);
    }
  }

  failure(name: string, line: number, error: string, acc: Accumulator): void {
    acc.counts.failed++;
    acc.failures.push({ file: name, error });
    acc.message(`cable lint: ${name}${line ? ` (from line ${line + 1})` : ''}: not checked: ${error}\n`);
  }
}

function sarifResult(d: LintDiagnostic, location: { uri: string; uriBaseId?: string }): object {
  return {
    ruleId: d.code,
    ruleIndex: RULE_INDEX.get(d.code) ?? -1,
    level: SARIF_LEVEL[d.severity],
    message: { text: d.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: location,
          region: {
            startLine: d.range.start.line + 1,
            startColumn: d.range.start.character + 1,
            endLine: d.range.end.line + 1,
            endColumn: d.range.end.character + 1,
          },
        },
      },
    ],
  };
}
