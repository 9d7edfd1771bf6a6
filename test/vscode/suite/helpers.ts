/** Helpers for the extension-host suite: fixtures from the opened workspace, diagnostics as events. */
import * as vscode from 'vscode';

export const EXTENSION_ID = 'cable-tools.cable-language';

/** A fixture below the workspace folder the runner opened (test/fixtures), local or remote alike. */
export function fixtureUri(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the runner must open test/fixtures as the workspace folder');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

/**
 * Resolves with the document's diagnostics once `accept` holds. Driven by onDidChangeDiagnostics, never by
 * polling or sleeping; the timeout is only a deadline that turns a missing update into a failure.
 */
export function diagnosticsWhen(
  uri: vscode.Uri,
  accept: (diagnostics: readonly vscode.Diagnostic[]) => boolean,
  what: string,
  timeoutMs = 20_000,
): Promise<readonly vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const key = uri.toString();
    let settled = false;
    const finish = (): boolean => {
      const current = vscode.languages.getDiagnostics(uri);
      if (!accept(current)) return false;
      settled = true;
      subscription.dispose();
      clearTimeout(timer);
      resolve(current);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!settled && e.uris.some((u) => u.toString() === key)) finish();
    });
    const timer = setTimeout(() => {
      if (settled) return;
      subscription.dispose();
      const seen = vscode.languages.getDiagnostics(uri).map((d) => `${codeOf(d)}: ${d.message}`);
      reject(new Error(`no diagnostics update where ${what} within ${timeoutMs} ms; last seen: ${JSON.stringify(seen)}`));
    }, timeoutMs);
    finish();
  });
}

export function codeOf(d: vscode.Diagnostic): string {
  if (d.code === undefined) return '';
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

/** The plain text of a hover's contents, whatever form the provider used. */
export function hoverText(hovers: readonly vscode.Hover[]): string {
  const parts: string[] = [];
  for (const h of hovers) {
    for (const c of h.contents) {
      if (typeof c === 'string') parts.push(c);
      else parts.push(c.value);
    }
  }
  return parts.join('\n');
}

export function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

/** Every symbol of a hierarchical outline, depth first. */
export function flatten(symbols: readonly vscode.DocumentSymbol[]): vscode.DocumentSymbol[] {
  const out: vscode.DocumentSymbol[] = [];
  const walk = (list: readonly vscode.DocumentSymbol[]): void => {
    for (const s of list) {
      out.push(s);
      walk(s.children ?? []);
    }
  };
  walk(symbols);
  return out;
}

/** 0-based line of the first line that starts with `prefix`. */
export function lineStarting(doc: vscode.TextDocument, prefix: string): number {
  for (let i = 0; i < doc.lineCount; i++) if (doc.lineAt(i).text.startsWith(prefix)) return i;
  throw new Error(`no line starts with ${JSON.stringify(prefix)} in ${doc.uri.toString()}`);
}
