/**
 * Settings shared by the editor and the CLI. The editor reads them from `cable.*` configuration; the CLI
 * from a `.cablerc.json` of the same shape (see cli.ts), so the two never disagree.
 */

export type RuleSeverity = 'error' | 'warning' | 'information' | 'hint' | 'off';

export interface CableSettings {
  diagnostics: {
    enable: boolean;
    /** Lint on every change, or only when the document is saved. */
    run: 'onType' | 'onSave';
    /** Per-rule severity overrides, by rule code. */
    rules: Record<string, RuleSeverity>;
    /**
     * The editor's Problems panel: the open cables only, or every cable of the workspace folders (for
     * editors that pull workspace diagnostics; up to a size, beyond which on demand). Not read by the CLI.
     */
    scope: 'openFiles' | 'workspace';
  };
  tags: {
    /** Codes and titles a team adds to the dictionary (`{"KXYZ": "Our program"}`). */
    extra: Record<string, string>;
  };
  /** Documents larger than this (bytes) keep highlighting and outline but skip the costly rules. */
  maxFileSize: number;
}

export const defaultSettings: CableSettings = {
  diagnostics: { enable: true, run: 'onType', rules: {}, scope: 'workspace' },
  tags: { extra: {} },
  maxFileSize: 5 * 1024 * 1024,
};

const SEVERITIES: ReadonlySet<string> = new Set(['error', 'warning', 'information', 'hint', 'off']);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Merges user-supplied settings (possibly partial, possibly wrong) over the defaults. Wrong values are
 * dropped and reported, never thrown: a typo in a settings file must not stop the linter.
 */
export function resolveSettings(input: unknown, problems: string[] = []): CableSettings {
  const out: CableSettings = structuredClone(defaultSettings);
  if (input === undefined || input === null) return out;
  if (!isRecord(input)) {
    problems.push('settings must be an object');
    return out;
  }
  const d = input.diagnostics;
  if (d !== undefined) {
    if (!isRecord(d)) problems.push('diagnostics must be an object');
    else {
      if (typeof d.enable === 'boolean') out.diagnostics.enable = d.enable;
      else if (d.enable !== undefined) problems.push('diagnostics.enable must be true or false');
      if (d.run === 'onType' || d.run === 'onSave') out.diagnostics.run = d.run;
      else if (d.run !== undefined) problems.push('diagnostics.run must be "onType" or "onSave"');
      if (d.scope === 'openFiles' || d.scope === 'workspace') out.diagnostics.scope = d.scope;
      else if (d.scope !== undefined) problems.push('diagnostics.scope must be "openFiles" or "workspace"');
      if (isRecord(d.rules)) {
        for (const [code, sev] of Object.entries(d.rules)) {
          if (typeof sev === 'string' && SEVERITIES.has(sev)) out.diagnostics.rules[code] = sev as RuleSeverity;
          else problems.push(`diagnostics.rules.${code} must be one of error, warning, information, hint, off`);
        }
      } else if (d.rules !== undefined) problems.push('diagnostics.rules must be an object');
    }
  }
  const t = input.tags;
  if (t !== undefined) {
    if (isRecord(t) && isRecord(t.extra)) {
      for (const [code, title] of Object.entries(t.extra)) {
        if (typeof title === 'string') out.tags.extra[code.toUpperCase()] = title;
        else problems.push(`tags.extra.${code} must be a string`);
      }
    } else if (!(isRecord(t) && t.extra === undefined)) problems.push('tags.extra must be an object of code → title');
  }
  if (typeof input.maxFileSize === 'number' && Number.isFinite(input.maxFileSize) && input.maxFileSize > 0) {
    out.maxFileSize = input.maxFileSize;
  } else if (input.maxFileSize !== undefined) problems.push('maxFileSize must be a positive number of bytes');
  return out;
}
