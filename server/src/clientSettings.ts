/**
 * The `cable` settings of each document, asked of the editor (workspace/configuration) once per URI and
 * kept until the editor says they changed, and one TAGS dictionary per distinct `cable.tags.extra`, so
 * team codes cost nothing per request.
 */
import type { Connection } from 'vscode-languageserver';
import { resolveSettings, type CableSettings } from './service/settings.ts';
import { Dictionary } from './service/dictionary.ts';

/**
 * A client that never answers workspace/configuration must not stall hovers and diagnostics: after this
 * long the defaults stand in, and a late answer replaces them (and the document is checked again).
 */
export const CONFIGURATION_TIMEOUT_MS = 2000;

export class ClientSettings {
  private askClient = false;
  private toldSlow = false;
  private readonly cache = new Map<string, Promise<CableSettings>>();
  private readonly dictionaries = new Map<string, Dictionary>();

  /** `onLateAnswer` is told when a late answer replaced the defaults for `uri`. */
  constructor(
    private readonly connection: Connection,
    private readonly onLateAnswer: (uri: string) => void,
  ) {}

  /** Whether the client answers workspace/configuration at all (from its capabilities). */
  useClientConfiguration(yes: boolean): void {
    this.askClient = yes;
  }

  get(uri: string): Promise<CableSettings> {
    if (!this.askClient) return Promise.resolve(resolveSettings(undefined));
    let entry = this.cache.get(uri);
    if (!entry) {
      entry = this.ask(uri);
      this.cache.set(uri, entry);
    }
    return entry;
  }

  async dictionaryFor(uri: string): Promise<Dictionary> {
    const extra = (await this.get(uri)).tags.extra;
    const key = JSON.stringify(extra);
    let d = this.dictionaries.get(key);
    if (!d) {
      d = Dictionary.default().withExtra(extra);
      this.dictionaries.set(key, d);
    }
    return d;
  }

  /** The editor's settings changed: every document asks again. */
  clear(): void {
    this.cache.clear();
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  private ask(uri: string): Promise<CableSettings> {
    const asked = this.connection.workspace
      .getConfiguration({ scopeUri: uri, section: 'cable' })
      .then((raw: unknown) => resolveSettings(raw))
      .catch(() => resolveSettings(undefined));
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<CableSettings>((resolve) => {
      timer = setTimeout(() => {
        if (!this.toldSlow) {
          this.toldSlow = true;
          this.connection.console.warn(`The editor did not answer workspace/configuration within ${CONFIGURATION_TIMEOUT_MS} ms; using the default settings until it does.`);
        }
        void asked.then((real) => {
          // Replaced only if nothing newer (a configuration change) took its place meanwhile.
          if (this.cache.get(uri) !== entry) return;
          this.cache.set(uri, Promise.resolve(real));
          this.onLateAnswer(uri);
        });
        resolve(resolveSettings(undefined));
      }, CONFIGURATION_TIMEOUT_MS);
    });
    const entry: Promise<CableSettings> = Promise.race([asked.finally(() => clearTimeout(timer)), late]);
    return entry;
  }
}
