// Loads syntaxes/cable.tmLanguage.json into the engine VS Code uses (vscode-textmate + the Oniguruma
// WebAssembly build), for the timing test, the benchmark and ad-hoc inspection.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import * as vsctm from 'vscode-textmate';
import * as oniguruma from 'vscode-oniguruma';

const require = createRequire(import.meta.url);
export const grammarFile = fileURLToPath(new URL('../../syntaxes/cable.tmLanguage.json', import.meta.url));

let loaded: Promise<vsctm.IGrammar> | undefined;

/** The cable grammar, loaded once per process. */
export function loadCableGrammar(): Promise<vsctm.IGrammar> {
  loaded ??= (async () => {
    const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
    const registry = new vsctm.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
        createOnigString: (s: string) => new oniguruma.OnigString(s),
      }),
      loadGrammar: async (scopeName: string) =>
        scopeName === 'source.cable' ? vsctm.parseRawGrammar(readFileSync(grammarFile, 'utf8'), grammarFile) : null,
    });
    const grammar = await registry.loadGrammar('source.cable');
    if (!grammar) throw new Error('source.cable did not load');
    return grammar;
  })();
  return loaded;
}

export interface LineTokens {
  line: string;
  tokens: { text: string; scopes: string[] }[];
  ms: number;
}

/** Tokenizes `text` line by line, carrying the rule stack as VS Code does, timing each line. */
export function tokenizeText(grammar: vsctm.IGrammar, text: string): LineTokens[] {
  let stack = vsctm.INITIAL;
  const out: LineTokens[] = [];
  for (const line of text.split(/\r?\n/)) {
    const t0 = performance.now();
    const r = grammar.tokenizeLine(line, stack, 0);
    const ms = performance.now() - t0;
    stack = r.ruleStack;
    out.push({
      line,
      ms,
      tokens: r.tokens.map((tok) => ({ text: line.slice(tok.startIndex, tok.endIndex), scopes: tok.scopes })),
    });
  }
  return out;
}
