/**
 * The extension in a real VS Code: activation on a `.cable` file, then every language feature through the
 * `vscode` API, so what is checked is what an editor receives from the packaged client and server.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, codeOf, diagnosticsWhen, fixtureUri, flatten, hoverText, labelOf, lineStarting } from './helpers.ts';

const SEED = ['seed', '09BRUSSELS995.cable'];
const BAD_DTG = ['e2e', 'dtg-malformed.cable'];
const WRAPPED = ['e2e', 'wrapped.cable'];

const hasCode = (code: string) => (ds: readonly vscode.Diagnostic[]) => ds.some((d) => codeOf(d) === code);

/** A small, correct, unclassified cable; `dtg` and `tags` vary per test. */
function syntheticCable(dtg: string, tags: string): string {
  return [
    'VZCZCXYZ0321',
    'RR RUEHC',
    'DE RUEHOT #0321 2011547',
    'ZNR UUUUU ZZH',
    `R ${dtg}`,
    'FM AMEMBASSY OTTAWA',
    'TO RUEHC/SECSTATE WASHDC 4321',
    'BT',
    'UNCLAS OTTAWA 000321',
    '',
    'E.O. 12958: N/A',
    `TAGS: ${tags}`,
    'SUBJECT: A SYNTHETIC CABLE WRITTEN BY THE TEST SUITE',
    '',
    '1. A paragraph that says nothing in particular.',
    '',
    'JONES',
    'BT',
    '',
  ].join('\n');
}

describe('cable extension in VS Code', () => {
  let seed: vscode.TextDocument;

  before(async () => {
    const t0 = Date.now();
    seed = await vscode.workspace.openTextDocument(fixtureUri(...SEED));
    await vscode.window.showTextDocument(seed);
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
    // Opening a cable is what activates it (onLanguage:cable); activate() then waits for the server.
    await ext.activate();
    assert.ok(ext.isActive, 'extension did not activate');
    // For BENCHMARKS.md: opening the first cable to an active extension with its server initialized.
    console.log(`activation: ${Date.now() - t0} ms from opening the first cable to the server initialized`);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('gives .cable files the language id "cable"', () => {
    assert.equal(seed.languageId, 'cable');
  });

  it('reports dtg-malformed for a DTG with a misspelled month', async () => {
    const uri = fixtureUri(...BAD_DTG);
    const doc = await vscode.workspace.openTextDocument(uri);
    assert.equal(doc.languageId, 'cable');
    const diagnostics = await diagnosticsWhen(uri, hasCode('dtg-malformed'), 'dtg-malformed is reported');
    const d = diagnostics.find((x) => codeOf(x) === 'dtg-malformed')!;
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    const dtgLine = lineStarting(doc, 'R 201547Z JLY 09');
    assert.equal(d.range.start.line, dtgLine, 'the diagnostic sits on the DTG line');
    assert.match(doc.getText(d.range), /JLY|201547Z/, 'the range covers the DTG');
  });

  it('outlines the seed cable with its three numbered paragraphs', async () => {
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>(
      'vscode.executeDocumentSymbolProvider',
      seed.uri,
    );
    assert.ok(symbols && symbols.length > 0, 'no document symbols');
    const all = flatten(symbols);
    const paragraphs = all
      .map((s) => ({ s, m: /^(\d+)\.\s*\(C\)/.exec(s.name) }))
      .filter((x) => x.m !== null)
      .map((x) => ({ n: Number(x.m![1]), s: x.s }));
    assert.deepEqual(paragraphs.map((p) => p.n), [1, 2, 3], `paragraph symbols: ${all.map((s) => s.name).join(' | ')}`);
    for (const p of paragraphs) {
      assert.equal(p.s.range.start.line, lineStarting(seed, `${p.n}. (C)`), `paragraph ${p.n} starts on its line`);
      assert.ok(p.s.range.contains(p.s.selectionRange), `paragraph ${p.n}: selection range inside range`);
    }
    assert.ok(
      all.some((s) => s.name.includes('BELGIAN REACTION TO RESULTS')),
      `no symbol named after the subject: ${all.map((s) => s.name).join(' | ')}`,
    );
  });

  it('hovers PREL with its title', async () => {
    const tagsLine = lineStarting(seed, 'TAGS:');
    const col = seed.lineAt(tagsLine).text.indexOf('PREL');
    assert.ok(col >= 0);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      seed.uri,
      new vscode.Position(tagsLine, col + 2),
    );
    assert.match(hoverText(hovers ?? []), /External Political Relations/i);
  });

  it('completes TAGS codes on the TAGS line', async () => {
    const text = syntheticCable('201547Z JUL 09', 'PREL, PG');
    const doc = await vscode.workspace.openTextDocument({ language: 'cable', content: text });
    const tagsLine = lineStarting(doc, 'TAGS:');
    const position = new vscode.Position(tagsLine, doc.lineAt(tagsLine).text.length);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      doc.uri,
      position,
    );
    const items = list?.items ?? [];
    // VS Code adds word-based suggestions (PGOV occurs in the seed cable), so a bare label proves nothing:
    // the server's item is the one that carries the code's title.
    const described = (i: vscode.CompletionItem): string =>
      [
        typeof i.label === 'string' ? '' : (i.label.description ?? ''),
        i.detail ?? '',
        typeof i.documentation === 'string' ? i.documentation : (i.documentation?.value ?? ''),
      ].join(' ');
    const pgov = items.filter((i) => labelOf(i) === 'PGOV');
    assert.ok(
      pgov.some((i) => /Government|Political/i.test(described(i))),
      `PGOV is not offered with its title after "PG"; got ${items.slice(0, 20).map((i) => `${labelOf(i)} ${described(i)}`).join(' | ')}`,
    );
  });

  it('folds the header block of the seed and a wrapped paragraph', async () => {
    const seedRanges = await vscode.commands.executeCommand<vscode.FoldingRange[]>(
      'vscode.executeFoldingRangeProvider',
      seed.uri,
    );
    const first = lineStarting(seed, 'VZCZC');
    const info = lineStarting(seed, 'INFO ');
    const banner = lineStarting(seed, 'C O N F I D E N T I A L');
    assert.ok(
      (seedRanges ?? []).some((r) => r.start <= first + 1 && r.end >= info && r.end < banner),
      `no header fold in ${JSON.stringify(seedRanges)}`,
    );

    const wrapped = await vscode.workspace.openTextDocument(fixtureUri(...WRAPPED));
    const ranges = await vscode.commands.executeCommand<vscode.FoldingRange[]>(
      'vscode.executeFoldingRangeProvider',
      wrapped.uri,
    );
    const p1 = lineStarting(wrapped, '1. (C)');
    const p2 = lineStarting(wrapped, '2. (U)');
    assert.ok(
      (ranges ?? []).some((r) => r.start === p1 && r.end >= p1 + 3 && r.end < p2),
      `no fold for paragraph 1 (lines ${p1}-${p1 + 3}) in ${JSON.stringify(ranges)}`,
    );
  });

  it('offers a quick fix for the misspelled month that clears the diagnostic', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'cable', content: syntheticCable('201547Z JLY 09', 'PREL') });
    const diagnostics = await diagnosticsWhen(doc.uri, hasCode('dtg-malformed'), 'the misspelled month is reported');
    const d = diagnostics.find((x) => codeOf(x) === 'dtg-malformed')!;
    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      d.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = (actions ?? []).find(
      (a): a is vscode.CodeAction => 'edit' in a && a.edit !== undefined && /JUL/.test(a.title),
    );
    assert.ok(fix, `no quick fix to JUL among: ${(actions ?? []).map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    assert.match(doc.lineAt(d.range.start.line).text, /^R 201547Z JUL 09$/);
    await diagnosticsWhen(doc.uri, (ds) => !hasCode('dtg-malformed')(ds), 'the fixed DTG is no longer flagged');
  });

  it('finds the seed cable by its id among workspace symbols', async () => {
    const found = await vscode.commands.executeCommand<vscode.SymbolInformation[]>(
      'vscode.executeWorkspaceSymbolProvider',
      '09BRUSSELS995',
    );
    const hit = (found ?? []).find((s) => s.location.uri.path.endsWith('/seed/09BRUSSELS995.cable'));
    assert.ok(hit, `workspace symbols for 09BRUSSELS995: ${(found ?? []).map((s) => `${s.name} ${s.location.uri.path}`).join(' | ')}`);
  });

  it('updates diagnostics when a DTG is edited', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'cable', content: syntheticCable('201547Z JLY 09', 'PREL') });
    await diagnosticsWhen(doc.uri, hasCode('dtg-malformed'), 'the misspelled month is reported');

    const line = lineStarting(doc, 'R 201547Z');
    const month = new vscode.Range(line, 10, line, 13);
    assert.equal(doc.getText(month), 'JLY');
    const fix = new vscode.WorkspaceEdit();
    fix.replace(doc.uri, month, 'JUL');
    assert.ok(await vscode.workspace.applyEdit(fix));
    await diagnosticsWhen(doc.uri, (ds) => !hasCode('dtg-malformed')(ds), 'the corrected DTG is no longer flagged');

    const day = new vscode.Range(line, 2, line, 4);
    assert.equal(doc.getText(day), '20');
    const breakIt = new vscode.WorkspaceEdit();
    breakIt.replace(doc.uri, day, '32');
    assert.ok(await vscode.workspace.applyEdit(breakIt));
    const after = await diagnosticsWhen(doc.uri, hasCode('dtg-invalid-date'), 'day 32 of July is flagged');
    assert.ok(!hasCode('dtg-malformed')(after), 'the well-formed DTG is not reported as malformed');
  });

  it('inserts each cable snippet as a cable dated now that passes every check', async () => {
    const now = new Date();
    const pad = (n: number) => String(n).padStart(2, '0');
    const day = now.getDate() === 29 ? 28 : now.getDate();
    const decl = `${pad(now.getMonth() + 1)}/${pad(day)}/${now.getFullYear() + 10}`;
    for (const name of ['Unclassified cable', 'Classified cable (CONFIDENTIAL)', 'Classified cable (SECRET)']) {
      // Starts with something to report, so the wait below ends on the linted snippet, not the start.
      const doc = await vscode.workspace.openTextDocument({ language: 'cable', content: 'UNCLAS OTTAWA 000001\n' });
      const editor = await vscode.window.showTextDocument(doc);
      await diagnosticsWhen(doc.uri, (ds) => ds.some((d) => d.severity <= vscode.DiagnosticSeverity.Warning), 'the placeholder text is reported');
      editor.selection = new vscode.Selection(0, 0, doc.lineCount, 0);
      await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'cable', name });
      const text = doc.getText();
      assert.match(text, /^E\.O\. 13526: /m, `${name}: ${text}`);
      assert.doesNotMatch(text, /\$\{|\$\d/, `${name}: every variable expanded`);
      if (name !== 'Unclassified cable') assert.match(text, new RegExp(`^E\\.O\\. 13526: DECL: ${decl.replace(/\//g, '\\/')}$`, 'm'), `${name}: ${text}`);
      const after = await diagnosticsWhen(
        doc.uri,
        (ds) => !ds.some((d) => d.severity <= vscode.DiagnosticSeverity.Warning),
        `the inserted ${name} passes every check (its heading: ${JSON.stringify(text.split('\n').slice(0, 8))})`,
      );
      assert.deepEqual(after.filter((d) => d.severity <= vscode.DiagnosticSeverity.Warning), []);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });
});
