/**
 * Every rule has a page, `docs/rules/<code>.md`, shipped in the package. A cable diagnostic's code is a
 * link to it: the client rewrites each diagnostic's code into `{ value, target }` with a `command:` URI,
 * which VS Code opens from the Problems panel and the hover alike, on the desktop, in code-server and in
 * the browser. The command shows the page in VS Code's Markdown preview, read through the read-only
 * `cable-rule:` scheme, which serves the extension's own files wherever they live (a folder on disk, a
 * remote, an https address on vscode.dev). The server knows neither the extension's path nor the command:
 * its diagnostics carry the plain code, and other editors get them unchanged.
 */
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient';
import { ruleCatalogue } from './ruleCatalogue.ts';

export const SHOW_RULE_DOCUMENTATION = 'cable.showRuleDocumentation';
export const RULE_DOC_SCHEME = 'cable-rule';

/** A page name: a rule code or the index, and nothing that could leave docs/rules. */
const PAGE = /^\/([a-z\d]+(?:-[a-z\d]+)*|README)\.md$/;

/** The link a diagnostic's code carries: the command with the code as its one argument. */
export function ruleDocTarget(code: string): vscode.Uri {
  return vscode.Uri.parse(`command:${SHOW_RULE_DOCUMENTATION}?${encodeURIComponent(JSON.stringify([code]))}`);
}

/** Gives every cable diagnostic whose code has a page a link to it; others are left as they are. */
export function linkRuleCodes(diagnostics: vscode.Diagnostic[], codes: ReadonlySet<string>): vscode.Diagnostic[] {
  for (const d of diagnostics) {
    if (d.source !== 'cable' || typeof d.code !== 'string' || !codes.has(d.code)) continue;
    d.code = { value: d.code, target: ruleDocTarget(d.code) };
  }
  return diagnostics;
}

type DocumentReport = Awaited<ReturnType<NonNullable<NonNullable<Middleware['provideDiagnostics']>>>>;
type WorkspaceItems = { items: { kind: string; items?: vscode.Diagnostic[] }[] };

function linkDocumentReport<T extends DocumentReport>(report: T, codes: ReadonlySet<string>): T {
  if (report && report.kind === 'full') linkRuleCodes(report.items, codes);
  for (const related of Object.values(report?.relatedDocuments ?? {})) if (related.kind === 'full') linkRuleCodes(related.items, codes);
  return report;
}

function linkWorkspaceItems<T extends WorkspaceItems | null | undefined>(chunk: T, codes: ReadonlySet<string>): T {
  for (const item of chunk?.items ?? []) if (item.kind === 'full' && item.items) linkRuleCodes(item.items, codes);
  return chunk;
}

/** Client middleware: the links on pushed diagnostics and on pulled ones (document and workspace). */
export function ruleDocsMiddleware(codes: ReadonlySet<string>): Middleware {
  return {
    handleDiagnostics(uri, diagnostics, next) {
      next(uri, linkRuleCodes(diagnostics, codes));
    },
    async provideDiagnostics(document, previousResultId, token, next) {
      return linkDocumentReport(await next(document, previousResultId, token), codes);
    },
    async provideWorkspaceDiagnostics(resultIds, token, resultReporter, next) {
      const report = await next(resultIds, token, (chunk) => resultReporter(linkWorkspaceItems(chunk, codes)));
      return linkWorkspaceItems(report, codes);
    },
  };
}

async function readExtensionFile(uri: vscode.Uri): Promise<string> {
  // vscode.dev serves extensions over https, which the workspace file system does not read.
  if (uri.scheme === 'https' || uri.scheme === 'http') {
    const res = await fetch(uri.toString(true));
    if (!res.ok) throw new Error(`${res.status} ${res.statusText}`);
    return res.text();
  }
  return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
}

async function showPage(code: string): Promise<void> {
  const uri = vscode.Uri.from({ scheme: RULE_DOC_SCHEME, path: `/${code}.md` });
  try {
    await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
  } catch {
    // Markdown support disabled: the page as text is still the page.
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { viewColumn: vscode.ViewColumn.Beside, preview: true });
  }
}

export function registerRuleDocs(context: vscode.ExtensionContext, output: () => vscode.LogOutputChannel): void {
  const docs = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules');
  const catalogue = ruleCatalogue(context);
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(RULE_DOC_SCHEME, {
      async provideTextDocumentContent(uri) {
        const m = PAGE.exec(uri.path);
        if (!m) return `# Not a rule page\n\n\`${uri.path}\` names no rule.\n`;
        try {
          return await readExtensionFile(vscode.Uri.joinPath(docs, `${m[1]}.md`));
        } catch (e) {
          output().error(`Could not read the page of rule ${m[1]}: ${e instanceof Error ? e.message : String(e)}`);
          return `# ${m[1]}\n\nThe page of this rule could not be read from the extension's files.\n`;
        }
      },
    }),
    vscode.commands.registerCommand(SHOW_RULE_DOCUMENTATION, async (code?: unknown) => {
      let rule = typeof code === 'string' && PAGE.test(`/${code}.md`) ? code : undefined;
      if (!rule) {
        const picked = await vscode.window.showQuickPick(
          catalogue.map((r) => ({ label: r.code, detail: r.description })),
          { placeHolder: 'Rule whose documentation to show', matchOnDetail: true },
        );
        if (!picked) return;
        rule = picked.label;
      }
      await showPage(rule);
    }),
  );
}
