// Tokenization throughput of the TextMate grammar over a directory of cables, with the engine VS Code
// uses (vscode-textmate + Oniguruma WebAssembly). One warm-up pass first, so the numbers are those of
// an editor that has been open for a while, not of WebAssembly compilation.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCableGrammar, tokenizeText } from '../test/grammar/engine.ts';

export interface GrammarBench {
  files: number;
  bytes: number;
  lines: number;
  ms: number;
  mbPerSec: number;
  slowestLineMs: number;
  slowestLineFile: string;
}

export async function benchGrammar(corpusDir: string): Promise<GrammarBench> {
  const grammar = await loadCableGrammar();
  const files = readdirSync(corpusDir)
    .filter((f) => f.endsWith('.cable'))
    .sort()
    .map((f) => ({ name: f, text: readFileSync(join(corpusDir, f), 'utf8') }));
  if (files.length === 0) throw new Error(`no .cable files in ${corpusDir}`);
  for (const f of files.slice(0, 50)) tokenizeText(grammar, f.text);

  let bytes = 0;
  let lines = 0;
  let slowestLineMs = 0;
  let slowestLineFile = '';
  const t0 = performance.now();
  for (const f of files) {
    bytes += Buffer.byteLength(f.text);
    const result = tokenizeText(grammar, f.text);
    lines += result.length;
    result.forEach((l, i) => {
      if (l.ms > slowestLineMs) {
        slowestLineMs = l.ms;
        slowestLineFile = `${f.name}:${i + 1}`;
      }
    });
  }
  const ms = performance.now() - t0;
  return { files: files.length, bytes, lines, ms, mbPerSec: bytes / 1e6 / (ms / 1000), slowestLineMs, slowestLineFile };
}

async function main(): Promise<void> {
  const dir = process.argv[2] ?? join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', 'shared', 'corpus');
  const r = await benchGrammar(dir);
  console.log(
    `grammar: ${r.files} files, ${(r.bytes / 1e6).toFixed(2)} MB in ${r.ms.toFixed(0)} ms = ${r.mbPerSec.toFixed(2)} MB/s; ` +
      `slowest line ${r.slowestLineMs.toFixed(2)} ms (${r.slowestLineFile})`,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) void main();
