/**
 * What the client does without asking the server: cables saved as `.txt` become Diplomatic Cables (and
 * other text does not), the reading defaults for `[cable]`, and the links from rule codes to the rule
 * pages shipped with the extension.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, diagnosticsWhen, fixtureUri } from './helpers.ts';

const CABLE_TXT = ['e2e', 'plain-text-cable.txt'];
const NOTES_TXT = ['e2e', 'notes.txt'];

/** Resolves with the open document of `uri` once its language is `languageId` (setTextDocumentLanguage reopens it). */
function languageWhen(uri: vscode.Uri, languageId: string, timeoutMs = 15_000): Promise<vscode.TextDocument> {
  const key = uri.toString();
  const current = (): vscode.TextDocument | undefined => vscode.workspace.textDocuments.find((d) => d.uri.toString() === key && d.languageId === languageId);
  return new Promise((resolve, reject) => {
    const now = current();
    if (now) return resolve(now);
    const sub = vscode.workspace.onDidOpenTextDocument((d) => {
      if (d.uri.toString() !== key || d.languageId !== languageId) return;
      sub.dispose();
      clearTimeout(timer);
      resolve(d);
    });
    const timer = setTimeout(() => {
      sub.dispose();
      const seen = vscode.workspace.textDocuments.filter((d) => d.uri.toString() === key).map((d) => d.languageId);
      reject(new Error(`${uri.path} did not become '${languageId}' within ${timeoutMs} ms (open as: ${seen.join(', ') || 'closed'})`));
    }, timeoutMs);
  });
}

const open = (uri: vscode.Uri): vscode.TextDocument | undefined => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());

async function show(uri: vscode.Uri): Promise<void> {
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
}

/** Sets `cable.detect.plainText` in the user settings and waits until the extension host sees it. */
async function setDetect(value: string | undefined): Promise<void> {
  const seen = new Promise<void>((resolve) => {
    const sub = vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('cable.detect.plainText')) return;
      sub.dispose();
      resolve();
    });
  });
  await vscode.workspace.getConfiguration('cable.detect').update('plainText', value, vscode.ConfigurationTarget.Global);
  await seen;
}

async function withDetectSetting(value: string, body: () => Promise<void>): Promise<void> {
  await setDetect(value);
  try {
    await body();
  } finally {
    await setDetect(undefined);
  }
}

/** Resolves with the first tab that `accept` holds for, now or when the tabs change. */
function tabWhen(accept: (t: vscode.Tab) => boolean, what: string, timeoutMs = 15_000): Promise<vscode.Tab> {
  const find = (): vscode.Tab | undefined => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find(accept);
  return new Promise((resolve, reject) => {
    const now = find();
    if (now) return resolve(now);
    const sub = vscode.window.tabGroups.onDidChangeTabs(() => {
      const t = find();
      if (!t) return;
      sub.dispose();
      clearTimeout(timer);
      resolve(t);
    });
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`no tab where ${what} within ${timeoutMs} ms: ${vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => t.label).join(' | ')}`));
    }, timeoutMs);
  });
}

describe('plain-text cables, reading defaults and rule pages', () => {
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens a cable saved as .txt as a Diplomatic Cable, and leaves ordinary text as Plain Text', async () => {
    const notes = fixtureUri(...NOTES_TXT);
    await show(notes);
    const cable = fixtureUri(...CABLE_TXT);
    await show(cable);
    const doc = await languageWhen(cable, 'cable');
    // The notes were shown, and so judged, before the cable: by now they have been left alone for good.
    assert.equal(open(notes)?.languageId, 'plaintext', 'the notes were switched');
    // A switched document gets the server's features like any cable.
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
    assert.ok((symbols ?? []).length > 0, 'no outline for the switched .txt cable');
  });

  it('does not overrule a user who sets a switched file back to Plain Text', async () => {
    const cable = fixtureUri(...CABLE_TXT);
    const doc = await languageWhen(cable, 'cable');
    await vscode.languages.setTextDocumentLanguage(doc, 'plaintext');
    const plain = await languageWhen(cable, 'plaintext');
    await vscode.window.showTextDocument(plain);
    // Show another editor and come back: each change of the visible editors is a chance to switch it again.
    await show(fixtureUri(...NOTES_TXT));
    await vscode.window.showTextDocument(plain);
    assert.equal(open(cable)?.languageId, 'plaintext');
  });

  it('follows cable.detect.plainText: "off" leaves a cable as Plain Text, the default switches it', async () => {
    // From the banner on: VS Code's own `firstLine` test (a VZCZC line) must not be what switches it.
    const full = (await vscode.workspace.openTextDocument(fixtureUri(...CABLE_TXT))).getText();
    const text = full.slice(full.indexOf('UNCLAS OTTAWA'));
    await withDetectSetting('off', async () => {
      const untitled = await vscode.workspace.openTextDocument({ language: 'plaintext', content: text });
      await vscode.window.showTextDocument(untitled);
      await show(fixtureUri(...NOTES_TXT));
      await vscode.window.showTextDocument(untitled);
      assert.equal(open(untitled.uri)?.languageId, 'plaintext', 'switched although the setting is off');
    });
    const untitled = await vscode.workspace.openTextDocument({ language: 'plaintext', content: text });
    await vscode.window.showTextDocument(untitled);
    await languageWhen(untitled.uri, 'cable');
  });

  it('contributes reading defaults for cables only', () => {
    const cable = vscode.workspace.getConfiguration('editor', { languageId: 'cable' });
    assert.equal(cable.get('wordWrap'), 'on');
    assert.equal(cable.get('wordBasedSuggestions'), 'off');
    assert.deepEqual(cable.get('quickSuggestions'), { other: 'off', comments: 'off', strings: 'off' });
    assert.equal(cable.get('unicodeHighlight.ambiguousCharacters'), false);
    assert.equal(cable.get('bracketPairColorization.enabled'), false);
    assert.equal(cable.get('guides.bracketPairs'), false);
    const plain = vscode.workspace.getConfiguration('editor', { languageId: 'plaintext' });
    assert.notEqual(plain.get('wordBasedSuggestions'), 'off', 'the defaults leaked into plain text');
  });

  it('links every cable diagnostic code to its rule page', async () => {
    const uri = fixtureUri('e2e', 'dtg-malformed.cable');
    await vscode.workspace.openTextDocument(uri);
    const diagnostics = await diagnosticsWhen(uri, (ds) => ds.some((d) => codeOf(d) === 'dtg-malformed'), 'dtg-malformed is reported');
    for (const d of diagnostics.filter((x) => x.source === 'cable')) {
      assert.equal(typeof d.code, 'object', `${codeOf(d)} carries no link`);
      const target = (d.code as { target: vscode.Uri }).target;
      assert.equal(target.scheme, 'command');
      assert.equal(target.path, 'cable.showRuleDocumentation');
      assert.deepEqual(JSON.parse(target.query), [codeOf(d)]);
    }
  });

  it('serves each rule page read-only from the extension, and opens it in the Markdown preview', async () => {
    const page = await vscode.workspace.openTextDocument(vscode.Uri.parse('cable-rule:/dtg-zone.md'));
    assert.match(page.getText(), /^# `dtg-zone`$/m);
    assert.match(page.getText(), /^## Why$/m);
    const nothing = await vscode.workspace.openTextDocument(vscode.Uri.parse('cable-rule:/../package.json'));
    assert.doesNotMatch(nothing.getText(), /"name"/, 'a path outside the rule pages was served');

    await vscode.commands.executeCommand('cable.showRuleDocumentation', 'dtg-zone');
    await tabWhen(
      (t) => t.input instanceof vscode.TabInputWebview && /markdown/i.test(t.input.viewType) && t.label.includes('dtg-zone'),
      'the Markdown preview shows dtg-zone',
    );
  });
});
