/**
 * The rule codes and their descriptions, as the extension's own manifest lists them in the settings schema
 * of `cable.diagnostics.rules` (generated from the server's rule catalogue and compared with it by the
 * tests), so that the client needs no copy of the catalogue.
 */
import type * as vscode from 'vscode';

export interface RuleEntry {
  code: string;
  description: string;
}

interface Manifest {
  contributes?: { configuration?: { properties?: Record<string, { properties?: Record<string, { description?: string }> }> } };
}

export function ruleCatalogue(context: vscode.ExtensionContext): RuleEntry[] {
  const props = (context.extension.packageJSON as Manifest).contributes?.configuration?.properties?.['cable.diagnostics.rules']?.properties ?? {};
  return Object.entries(props).map(([code, p]) => ({ code, description: p.description ?? '' }));
}
