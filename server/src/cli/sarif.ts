/**
 * The SARIF 2.1.0 log of `cable lint --format sarif`, written as a stream: the run's header with the
 * rule catalogue first, the results one per line as the cables are checked (lintRecords.ts), and the
 * invocation, which lists the files that could not be read, last.
 *
 * Each rule points at its documentation page as installed with the package (`docs/rules/<code>.md`),
 * as a file: URL, and carries its description as help text, so a code-scanning viewer can explain it
 * offline.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULES } from '../service/rules/index.ts';
import { VERSION } from '../version.ts';
import { SARIF_LEVEL, sarifLocation } from './lintRecords.ts';
import type { Framing } from './output.ts';

const PACKAGE_NAME = 'cable-language';

/** The installed package's root: the folder above this code holding its package.json. */
export function packageRoot(from = __dirname): string {
  let dir = from;
  for (let i = 0; i < 5; i++) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string };
      if (pkg.name === PACKAGE_NAME) return dir;
    } catch {
      // not here: look higher
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return path.dirname(from);
}

/** The file: URL of a rule's documentation page in the installed package. */
export function ruleHelpUri(code: string, root = packageRoot()): string {
  return pathToFileURL(path.join(root, 'docs', 'rules', `${code}.md`)).href;
}

function pascalCase(code: string): string {
  return code.replace(/(^|-)([a-z])/g, (_m, _d: string, c: string) => c.toUpperCase());
}

function driver(): object {
  const root = packageRoot();
  return {
    name: 'cable',
    version: VERSION,
    semanticVersion: VERSION,
    rules: RULES.map((r) => {
      const text = r.description.replace(/`/g, '');
      return {
        id: r.code,
        name: pascalCase(r.code),
        shortDescription: { text },
        fullDescription: { text, markdown: r.description },
        helpUri: ruleHelpUri(r.code, root),
        help: { text, markdown: r.description },
        defaultConfiguration: { level: SARIF_LEVEL[r.severity] },
        properties: { family: r.family, tags: ['cable', r.family] },
      };
    }),
  };
}

const RESULTS = '"@results@"';
const INVOCATIONS = '"@invocations@"';

export function sarifFraming(cwd: string): Framing & { closeWith(records: number, failures: { file: string; error: string }[]): string } {
  const srcRoot = pathToFileURL(path.resolve(cwd)).href.replace(/\/?$/, '/');
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: driver() },
        originalUriBaseIds: { SRCROOT: { uri: srcRoot } },
        columnKind: 'utf16CodeUnits',
        results: '@results@',
        invocations: '@invocations@',
      },
    ],
  };
  const text = JSON.stringify(log, null, 2);
  const r = text.indexOf(RESULTS);
  const i = text.indexOf(INVOCATIONS);
  const open = text.slice(0, r) + '[\n';
  const closeWith = (records: number, failures: { file: string; error: string }[]): string => {
    const invocations = [
      {
        executionSuccessful: failures.length === 0,
        toolExecutionNotifications: failures.map((u) => ({
          level: 'error',
          message: { text: `not checked: ${u.error}` },
          locations: [{ physicalLocation: { artifactLocation: sarifLocation(u.file, cwd) } }],
        })),
      },
    ];
    return (records ? '\n' : '') + ']' + text.slice(r + RESULTS.length, i) + JSON.stringify(invocations) + text.slice(i + INVOCATIONS.length) + '\n';
  };
  return { open, separator: ',\n', close: (n) => closeWith(n, []), closeWith };
}
