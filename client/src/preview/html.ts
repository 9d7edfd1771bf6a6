/**
 * The preview webview's page: a strict Content Security Policy (no source but the extension's own
 * stylesheet, one script allowed by a fresh nonce, nothing fetched from anywhere), the stylesheet and
 * the script built into dist/preview/, and an empty root the script fills.
 */
import * as vscode from 'vscode';
import { webviewNonce } from '../webviewNonce.ts';

export const PREVIEW_ASSETS = ['dist', 'preview'] as const;

export function previewHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const assets = vscode.Uri.joinPath(extensionUri, ...PREVIEW_ASSETS);
  const script = webview.asWebviewUri(vscode.Uri.joinPath(assets, 'preview.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(assets, 'preview.css'));
  const n = webviewNonce();
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource}`,
    `script-src 'nonce-${n}'`,
    `img-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style.toString()}">
<title>Cable preview</title>
</head>
<body>
<div id="cable-preview" role="document"></div>
<script nonce="${n}" src="${script.toString()}"></script>
</body>
</html>`;
}
