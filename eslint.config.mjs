// ESLint: typescript-eslint for the code, eslint-plugin-regexp (with its super-linear backtracking
// rules) for every regular expression, since cables are user input and an editor must never hang.
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';
import regexp from 'eslint-plugin-regexp';

// The language service is text in, model out: the CLI, the LSP server and the browser worker all call
// it, so it may not reach for any of them, nor for Node (it runs in a Web Worker too).
const notInTheService = [
  {
    group: ['vscode-languageserver', 'vscode-languageserver/*', 'vscode-languageserver-protocol', 'vscode-languageserver-protocol/*', 'vscode-jsonrpc', 'vscode-jsonrpc/*'],
    message: 'The service has no LSP connection: server/src/server.ts wires it (types come from vscode-languageserver-types).',
  },
  { group: ['node:*', ...builtinModules, ...builtinModules.map((m) => `${m}/*`)], message: 'The service runs in the browser worker too: no Node built-ins (file access goes through the CLI or workspace/).' },
  { group: ['**/cli', '**/cli.ts', '**/cli/**'], message: 'The CLI calls the service, not the other way round.' },
  { group: ['vscode', '**/client/**'], message: 'The client is a separate program; the service may not import it.' },
  {
    group: ['**/server.ts', '**/main.*', '**/guard.ts', '**/testHooks.ts', '**/workspace/**'],
    message: 'The server wiring and the workspace index sit above the service; the service may not import them.',
  },
];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.tools/**', 'test/fixtures/**', '**/*.js', '**/*.mjs'] },
  ...tseslint.configs.recommended,
  regexp.configs['flat/recommended'],
  {
    rules: {
      'regexp/no-super-linear-backtracking': 'error',
      'regexp/no-super-linear-move': 'error',
      'regexp/no-misleading-capturing-group': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    files: ['server/src/service/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: notInTheService }] },
  },
  {
    // A function should fit on a screen (the project's ~80 lines); a warning, so a table of data can say why it is longer.
    files: ['server/src/**/*.ts', 'client/src/**/*.ts'],
    rules: { 'max-lines-per-function': ['warn', { max: 80, skipBlankLines: true, skipComments: true }] },
  },
);
