/**
 * `cable lint`'s settings: `--config FILE`, else the nearest `.cablerc.json` in a file's folder or above
 * it, read once each. The table of distinct settings is what worker threads receive; each job carries an
 * index into it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { resolveSettings, type CableSettings } from '../service/settings.ts';
import { RULES } from '../service/rules/index.ts';
import { errorText } from './read.ts';

export const CONFIG_NAME = '.cablerc.json';

export class SettingsResolver {
  private readonly byDir = new Map<string, number>();
  private readonly byConfig = new Map<string, number>();
  readonly table: CableSettings[] = [];

  /** `problems` receives what is wrong with a settings file, for stderr. */
  constructor(private readonly problems: (text: string) => void) {}

  /** Index of the settings read from `file` (cached), or undefined when it cannot be used at all. */
  load(file: string, required: boolean): number | undefined {
    const hit = this.byConfig.get(file);
    if (hit !== undefined) return hit;
    let raw: unknown;
    try {
      raw = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (err) {
      const why = err instanceof SyntaxError ? `invalid JSON: ${err.message}` : errorText(err);
      this.problems(`${file}: ${why}${required ? '' : ' (using the default settings)'}`);
      if (required) return undefined;
      raw = undefined;
    }
    const problems: string[] = [];
    const settings = resolveSettings(raw, problems);
    for (const p of problems) this.problems(`${file}: ${p}`);
    const known = new Set(RULES.map((r) => r.code));
    for (const code of Object.keys(settings.diagnostics.rules)) {
      if (!known.has(code)) this.problems(`${file}: diagnostics.rules.${code}: no such rule`);
    }
    return this.add(file, settings);
  }

  private add(key: string, settings: CableSettings): number {
    this.table.push(settings);
    this.byConfig.set(key, this.table.length - 1);
    return this.table.length - 1;
  }

  private defaults(): number {
    return this.byConfig.get('') ?? this.add('', resolveSettings(undefined));
  }

  /** Settings of the nearest `.cablerc.json` in the folder or above. */
  forDir(dir: string): number {
    const hit = this.byDir.get(dir);
    if (hit !== undefined) return hit;
    const candidate = path.join(dir, CONFIG_NAME);
    let idx: number;
    if (fs.existsSync(candidate)) idx = this.load(candidate, false) ?? this.defaults();
    else {
      const parent = path.dirname(dir);
      idx = parent === dir ? this.defaults() : this.forDir(parent);
    }
    this.byDir.set(dir, idx);
    return idx;
  }
}
