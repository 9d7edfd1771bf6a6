/**
 * Typing in a 1 MB cable: the time from a one-character edit to fresh diagnostics. Target: under 20 ms
 * of server work. Two figures:
 *  - in process: what the server does per edit (apply the incremental change, parse, run every rule);
 *  - over LSP: dist/server.js over stdio, edit sent to publishDiagnostics received, minus the server's
 *    typing debounce (which is waiting, not work).
 * The document is synthetic (a generated CONFIDENTIAL cable), so the bench needs no corpus.
 */
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DidChangeTextDocumentNotification, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { parseCable } from '../server/src/service/parse.ts';
import { computeDiagnostics } from '../server/src/service/diagnostics.ts';
import { Dictionary } from '../server/src/service/dictionary.ts';
import { resolveSettings } from '../server/src/service/settings.ts';

export const TARGET_MS = 20;
/** The server's debounce between a change and linting (server.ts LINT_DELAY_MS). */
const DEBOUNCE_MS = 120;

const HEAD = `VZCZCXYZ0042
PP RUEHWEB

DE RUEHFR #0123/01 1951030
ZNY CCCCC ZZH
P 141030Z JUL 09
FM AMEMBASSY PARIS
TO RUEHC/SECSTATE WASHDC PRIORITY 4321

C O N F I D E N T I A L SECTION 01 OF 02 PARIS 000123

SIPDIS

E.O. 12958: DECL: 07/14/2019
TAGS: PREL, PGOV, FR
SUBJECT: A LONG SYNTHETIC CABLE FOR TIMING

Classified By: Political Counselor John Sample, reasons 1.4 (b) and (d).

`;

/** About `bytes` of cable: the heading above and numbered, marked paragraphs of wrapped lines. */
export function syntheticCable(bytes: number): string {
  const parts = [HEAD];
  let size = HEAD.length;
  for (let n = 1; size < bytes; n++) {
    const p = `${n}. (${n % 3 ? 'C' : 'U'}) The delegation reviewed item ${n} of the agenda with the ministry and\nagreed to report further when the working group meets again next month.\n\n`;
    parts.push(p);
    size += p.length;
  }
  parts.push('SAMPLE\n');
  return parts.join('');
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export function benchInProcess(text: string, edits = 30): { medianMs: number; maxMs: number; diagnostics: number } {
  const dict = Dictionary.default();
  const settings = resolveSettings(undefined);
  let doc = TextDocument.create('file:///bench.cable', 'cable', 1, text);
  const times: number[] = [];
  let count = 0;
  for (let i = 0; i < edits + 3; i++) {
    const ch = i % 2 ? 'A' : 'Z';
    const t0 = performance.now();
    doc = TextDocument.update(doc, [{ range: { start: { line: 5, character: 8 }, end: { line: 5, character: 9 } }, text: ch }], doc.version + 1);
    const diags = computeDiagnostics(parseCable(doc.getText()), settings, dict, doc.uri);
    const ms = performance.now() - t0;
    count = diags.length;
    if (i >= 3) times.push(ms); // the first passes warm the JIT
  }
  return { medianMs: median(times), maxMs: Math.max(...times), diagnostics: count };
}

export async function benchOverLsp(text: string, edits = 15): Promise<{ medianMs: number; maxMs: number } | undefined> {
  const server = join(__dirname, '..', 'dist', 'server.js');
  if (!existsSync(server)) return undefined;
  const { startServer } = await import('../test/lsp/lspClient.ts');
  const s = await startServer('stdio');
  try {
    const uri = 'file:///bench-lsp.cable';
    const waiting = new Map<number, (t: number) => void>();
    s.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      if (p.uri === uri && p.version !== undefined) waiting.get(p.version)?.(performance.now());
    });
    const published = (v: number) => new Promise<number>((resolve) => waiting.set(v, resolve));
    const first = published(1);
    await s.open(uri, text, 1);
    await first;
    const times: number[] = [];
    for (let v = 2; v < edits + 2; v++) {
      const done = published(v);
      const t0 = performance.now();
      await s.connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version: v },
        contentChanges: [{ range: { start: { line: 5, character: 8 }, end: { line: 5, character: 9 } }, text: v % 2 ? 'A' : 'Z' }],
      });
      times.push((await done) - t0 - DEBOUNCE_MS);
    }
    return { medianMs: median(times.slice(2)), maxMs: Math.max(...times.slice(2)) };
  } finally {
    await s.close();
  }
}

export async function runDiagnosticsBench(out: (s: string) => void): Promise<void> {
  const text = syntheticCable(1024 * 1024);
  const local = benchInProcess(text);
  out(`\ndiagnostics on a ${(text.length / 1e6).toFixed(2)} MB cable (${local.diagnostics} diagnostics), one-character edit to fresh diagnostics:\n`);
  out(`  in process (apply edit + parse + rules): median ${local.medianMs.toFixed(1)} ms, max ${local.maxMs.toFixed(1)} ms\n`);
  const lsp = await benchOverLsp(text);
  if (lsp) out(`  over LSP (dist/server.js, minus the ${DEBOUNCE_MS} ms debounce): median ${lsp.medianMs.toFixed(1)} ms, max ${lsp.maxMs.toFixed(1)} ms\n`);
  else out('  over LSP: dist/server.js not built (npm run build)\n');
  out(`target ${TARGET_MS} ms of server work: ${local.medianMs <= TARGET_MS ? 'met' : 'NOT met'} (${local.medianMs.toFixed(1)} ms in process)\n`);
}

if (require.main === module) {
  runDiagnosticsBench((s) => process.stdout.write(s)).catch((err: unknown) => {
    process.stderr.write(`bench: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  });
}
