/**
 * Diagnostics are pushed: after each change, a little debounced (`cable.diagnostics.run` = onType), or
 * on open and save (onSave). They are computed only for the version that is current and published with
 * that version, so an editor never shows a stale result. Documents over `cable.maxFileSize` keep the
 * cheap rules; the client hears once per crossing of the limit (`cable/status`), never per keystroke,
 * and likewise when the number of cables in the file changes. A file of several cables is checked
 * cable by cable (features/perCable.ts).
 */
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { fileDiagnostics, fileSize } from './service/features/perCable.ts';
import { RULES } from './service/rules/index.ts';
import { CABLE_STATUS, type CableStatusParams } from './statusNotification.ts';
import type { ClientSettings } from './clientSettings.ts';
import type { ModelCache } from './modelCache.ts';
import { errorText } from './guard.ts';

/** Typing pauses this long before the document is checked again. */
const LINT_DELAY_MS = 120;

const COSTLY_RULES = RULES.filter((r) => r.costly).map((r) => r.code);

export class DiagnosticsPusher {
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  /** Documents checked at least once: the first version (the open) is checked at once whatever the mode. */
  private readonly linted = new Set<string>();
  private readonly overLimit = new Set<string>();
  /** Documents that hold more than one cable, with the number last told to the client. */
  private readonly cableCounts = new Map<string, number>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly models: ModelCache,
    private readonly settings: ClientSettings,
  ) {}

  async changed(uri: string): Promise<void> {
    if (!this.linted.has(uri) && !this.pending.has(uri)) return this.schedule(uri, 0);
    const settings = await this.settings.get(uri);
    if (settings.diagnostics.run === 'onType') this.schedule(uri, LINT_DELAY_MS);
  }

  async saved(uri: string): Promise<void> {
    const settings = await this.settings.get(uri);
    if (settings.diagnostics.run === 'onSave') this.schedule(uri, 0);
  }

  /** Settings changed (rule severities, say): the open document is checked again now. */
  recheck(uri: string): void {
    if (this.documents.get(uri)) this.schedule(uri, 0);
  }

  closed(uri: string): void {
    clearTimeout(this.pending.get(uri));
    this.pending.delete(uri);
    this.linted.delete(uri);
    const wasLarge = this.overLimit.delete(uri);
    const hadSeveral = this.cableCounts.delete(uri);
    if (wasLarge || hadSeveral) {
      void this.connection.sendNotification(CABLE_STATUS, { uri, large: false, cables: 1 } satisfies CableStatusParams);
    }
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private schedule(uri: string, delay: number): void {
    clearTimeout(this.pending.get(uri));
    this.pending.set(
      uri,
      setTimeout(() => {
        this.pending.delete(uri);
        void this.lintNow(uri);
      }, delay),
    );
  }

  private async lintNow(uri: string): Promise<void> {
    try {
      const doc = this.documents.get(uri);
      if (!doc) return;
      const version = doc.version;
      const settings = await this.settings.get(uri);
      const dict = await this.settings.dictionaryFor(uri);
      const current = this.documents.get(uri);
      if (!current || current.version !== version) return; // a newer version is on its way
      const file = this.models.get(current);
      this.report(uri, fileSize(file) > settings.maxFileSize, settings.maxFileSize, file.parts.length);
      const diagnostics = fileDiagnostics(file, settings, dict, uri, {
        onRuleError: (code, err) => this.connection.console.error(`rule ${code} failed: ${errorText(err)}`),
      });
      this.linted.add(uri);
      await this.connection.sendDiagnostics({ uri, version, diagnostics });
    } catch (err) {
      this.connection.console.error(`diagnostics failed: ${errorText(err)}`);
    }
  }

  /** Tells the client when the document crosses the size limit or its number of cables changes. */
  private report(uri: string, large: boolean, limit: number, cables: number): void {
    const counted = this.cableCounts.get(uri) ?? 1;
    if (large === this.overLimit.has(uri) && cables === counted) return;
    if (cables > 1) this.cableCounts.set(uri, cables);
    else this.cableCounts.delete(uri);
    let message: string | undefined;
    if (large) {
      message = `Larger than cable.maxFileSize (${limit} bytes): highlighting, outline and the header checks still work; the rules that walk every paragraph (${COSTLY_RULES.join(', ')}) are skipped.`;
      if (!this.overLimit.has(uri)) this.connection.console.info(`${uri}: ${message}`);
      this.overLimit.add(uri);
    } else this.overLimit.delete(uri);
    void this.connection.sendNotification(CABLE_STATUS, { uri, large, message, cables } satisfies CableStatusParams);
  }
}
