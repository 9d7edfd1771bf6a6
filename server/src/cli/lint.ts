/**
 * `cable lint [--format text|json|sarif] [--config FILE] PATH...`: the editor's rules over files and
 * folders. Folders are walked for `*.cable`; files named on the command line are linted whatever their
 * extension. Settings come from `--config FILE`, else the nearest `.cablerc.json` above each file (the
 * same shape as the editor's `cable.*` settings). Exit 0 when no error-level diagnostic, 1 when any,
 * 2 for usage errors and unreadable files (the other files are still linted).
 *
 * Many files are spread over worker threads: the whole corpus should lint in well under a second.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { Range } from 'vscode-languageserver-types';
import type { CliIO } from './io.ts';
import { parseCable } from '../service/parse.ts';
import { computeFindings, exceedsMaxFileSize } from '../service/diagnostics.ts';
import type { CableDocument } from '../service/model.ts';
import { Dictionary } from '../service/dictionary.ts';
import { resolveSettings, type CableSettings } from '../service/settings.ts';
import { RULES } from '../service/rules/index.ts';
import type { Severity } from '../service/rules/common.ts';
import { VERSION } from '../version.ts';

export const LINT_USAGE = `Usage: cable lint [--format text|json|sarif] [--config FILE] PATH...

Checks cables against the diagnostics rules. Folders are walked for *.cable files;
files named on the command line are linted whatever their extension.

Options:
  --format text|json|sarif   output format (default: text)
  --config FILE              settings file (default: the nearest .cablerc.json above each file)
  --help, -h                 show this help

Exit status: 0 no error-level diagnostic, 1 some, 2 usage error or unreadable file.
`;

type Format = 'text' | 'json' | 'sarif';

export interface LintDiagnostic {
  code: string;
  severity: Severity;
  message: string;
  range: Range;
}

export interface FileResult {
  file: string;
  diagnostics: LintDiagnostic[];
  /** Rules not run because the file is over `maxFileSize` (said on stderr too, never silently). */
  skippedRules?: string[];
}

interface Job {
  file: string;
  /** Index into the settings table sent to workers. */
  settings: number;
}

const CONFIG_NAME = '.cablerc.json';
const PROGRESS_OVER = 300;
const WORKERS_OVER = 200;

// ---------------------------------------------------------------------------------------------
// Linting one file (shared by the main thread and the workers)

const dictionaries = new Map<string, Dictionary>();

function dictionaryFor(settings: CableSettings): Dictionary {
  const key = JSON.stringify(settings.tags.extra);
  let d = dictionaries.get(key);
  if (!d) {
    d = Object.keys(settings.tags.extra).length ? Dictionary.default().withExtra(settings.tags.extra) : Dictionary.default();
    dictionaries.set(key, d);
  }
  return d;
}

const decoder = new TextDecoder('utf-8');

export function lintText(text: string, settings: CableSettings, file?: string): LintDiagnostic[] {
  return lintDocument(parseCable(text, { fileName: file }), settings, file);
}

const COSTLY_RULES = RULES.filter((r) => r.costly).map((r) => r.code);

/** Messages name a setting by its key in the settings file (`tags.extra of .cablerc.json`), not the editor's. */
function configKey(key: string): string {
  return `${key} of ${CONFIG_NAME}`;
}

function lintDocument(doc: CableDocument, settings: CableSettings, file?: string): LintDiagnostic[] {
  return computeFindings(doc, settings, dictionaryFor(settings), { uri: file, setting: configKey }).map((f) => ({
    code: f.rule.code,
    severity: f.effectiveSeverity,
    message: f.message,
    range: f.range,
  }));
}

type Outcome = { ok: true; result: FileResult } | { ok: false; file: string; error: string };

function lintFile(file: string, settings: CableSettings, readFile: (p: string) => Uint8Array): Outcome {
  let bytes: Uint8Array;
  try {
    bytes = readFile(file);
  } catch (err) {
    return { ok: false, file, error: errorText(err) };
  }
  try {
    const doc = parseCable(decoder.decode(bytes), { fileName: file });
    const result: FileResult = { file, diagnostics: lintDocument(doc, settings, file) };
    if (exceedsMaxFileSize(doc, settings)) result.skippedRules = COSTLY_RULES;
    return { ok: true, result };
  } catch (err) {
    return { ok: false, file, error: `internal error: ${errorText(err)}` };
  }
}

function errorText(err: unknown): string {
  if (err && typeof err === 'object' && 'code' in err && typeof err.code === 'string') {
    const msg = 'message' in err && typeof err.message === 'string' ? err.message : '';
    if (err.code === 'ENOENT') return 'no such file or directory';
    if (err.code === 'EACCES') return 'permission denied';
    if (err.code === 'EISDIR') return 'is a directory';
    return msg || err.code;
  }
  return err instanceof Error ? err.message : String(err);
}

// ---------------------------------------------------------------------------------------------
// Worker threads

interface WorkerInput {
  cableLintWorker: true;
  settings: CableSettings[];
}

// A worker lints the batches of files it is sent, one reply per batch, until it is terminated.
if (!isMainThread && parentPort && (workerData as WorkerInput | undefined)?.cableLintWorker) {
  const input = workerData as WorkerInput;
  const port = parentPort;
  port.on('message', (jobs: Job[]) => {
    port.postMessage(jobs.map((j): Outcome => lintFile(j.file, input.settings[j.settings]!, (p) => fs.readFileSync(p))));
  });
}

function workerCount(jobs: number): number {
  // CABLE_LINT_WORKERS=n fixes the number (0: none), for measurements and constrained machines.
  const forced = Number.parseInt(process.env.CABLE_LINT_WORKERS ?? '', 10);
  if (Number.isFinite(forced) && forced >= 0) return Math.min(forced, Math.max(0, jobs - 1));
  if (jobs <= WORKERS_OVER) return 0;
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(0, Math.min(cores - 1, 7, Math.floor(jobs / 100)));
}

/** The script to start workers from: this bundle (dist/cli.js) or, under tsx, this source file. */
function workerScript(): string {
  return __filename;
}

/** A lint worker: `run` sends it one batch and resolves with its outcomes; rejects if the worker dies. */
function startWorker(settings: CableSettings[]): { run(jobs: Job[]): Promise<Outcome[]>; stop(): void } {
  const w = new Worker(workerScript(), { workerData: { cableLintWorker: true, settings } satisfies WorkerInput });
  let waiting: { resolve: (o: Outcome[]) => void; reject: (e: unknown) => void } | undefined;
  let failed: unknown;
  const fail = (e: unknown) => {
    failed ??= e;
    waiting?.reject(e);
    waiting = undefined;
  };
  w.on('message', (m: Outcome[]) => {
    waiting?.resolve(m);
    waiting = undefined;
  });
  w.on('error', fail);
  w.on('exit', (code) => fail(new Error(`lint worker stopped (exit ${code})`)));
  return {
    run(jobs) {
      if (failed !== undefined) return Promise.reject(failed);
      return new Promise((resolve, reject) => {
        waiting = { resolve, reject };
        w.postMessage(jobs);
      });
    },
    stop() {
      w.removeAllListeners('exit');
      void w.terminate();
    },
  };
}

/** Files per batch handed out: small enough to share the tail evenly, large enough to amortise a message. */
const BATCH = 16;

// ---------------------------------------------------------------------------------------------
// Arguments, files and settings

interface Args {
  format: Format;
  config?: string;
  paths: string[];
  help: boolean;
}

function parseArgs(argv: string[]): Args | string {
  const a: Args = { format: 'text', paths: [], help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      a.paths.push(...argv.slice(i + 1));
      break;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
    const value = (): string | undefined => (inline !== undefined ? inline : argv[++i]);
    if (name === '--help' || name === '-h') a.help = true;
    else if (name === '--format' || name === '-f') {
      const v = value();
      if (v !== 'text' && v !== 'json' && v !== 'sarif') return `--format must be text, json or sarif${v === undefined ? '' : ` (got '${v}')`}`;
      a.format = v;
    } else if (name === '--config' || name === '-c') {
      const v = value();
      if (!v) return '--config needs a file';
      a.config = v;
    } else if (arg.startsWith('-') && arg !== '-') return `unknown option '${arg}'`;
    else a.paths.push(arg);
  }
  return a;
}

/** Files under a folder ending in `.cable`, sorted, skipping dot-folders and node_modules. */
function walk(dir: string, out: string[], errors: { file: string; error: string }[]): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    errors.push({ file: dir, error: errorText(err) });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      walk(p, out, errors);
    } else if ((e.isFile() || e.isSymbolicLink()) && e.name.endsWith('.cable')) out.push(p);
  }
}

class SettingsResolver {
  private readonly byDir = new Map<string, number>();
  readonly table: CableSettings[] = [];
  private readonly byConfig = new Map<string, number>();

  constructor(
    private readonly io: CliIO,
    private readonly problems: string[],
  ) {}

  /** Index of the settings read from `file` (cached), or undefined when it cannot be used at all. */
  load(file: string, required: boolean): number | undefined {
    const hit = this.byConfig.get(file);
    if (hit !== undefined) return hit;
    let raw: unknown;
    try {
      raw = JSON.parse(decoder.decode(this.io.readFile(file)));
    } catch (err) {
      const why = err instanceof SyntaxError ? `invalid JSON: ${err.message}` : errorText(err);
      this.problems.push(`${file}: ${why}${required ? '' : ' (using the default settings)'}`);
      if (required) return undefined;
      raw = undefined;
    }
    const problems: string[] = [];
    const settings = resolveSettings(raw, problems);
    for (const p of problems) this.problems.push(`${file}: ${p}`);
    const known = new Set(RULES.map((r) => r.code));
    for (const code of Object.keys(settings.diagnostics.rules)) {
      if (!known.has(code)) this.problems.push(`${file}: diagnostics.rules.${code}: no such rule`);
    }
    this.table.push(settings);
    this.byConfig.set(file, this.table.length - 1);
    return this.table.length - 1;
  }

  defaults(): number {
    if (this.byConfig.has('')) return this.byConfig.get('')!;
    this.table.push(resolveSettings(undefined));
    this.byConfig.set('', this.table.length - 1);
    return this.table.length - 1;
  }

  /** Settings of the nearest `.cablerc.json` in the file's folder or above. */
  forFile(file: string): number {
    const dir = path.dirname(path.resolve(this.io.cwd, file));
    return this.forDir(dir);
  }

  private forDir(dir: string): number {
    const hit = this.byDir.get(dir);
    if (hit !== undefined) return hit;
    const candidate = path.join(dir, CONFIG_NAME);
    let idx: number;
    if (fs.existsSync(candidate)) idx = this.load(candidate, false) ?? this.defaults();
    else {
      const parent = path.dirname(dir);
      idx = parent === dir ? this.defaults() : this.forDir(parent);
    }
    this.byDir.set(dir, idx);
    return idx;
  }
}

// ---------------------------------------------------------------------------------------------
// Output

const LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

function formatText(results: FileResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    for (const d of r.diagnostics) {
      lines.push(`${r.file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity} ${d.code} ${d.message}`);
    }
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}

function toUriPath(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  const abs = path.resolve(cwd, file);
  const rel = path.relative(cwd, abs);
  const enc = (p: string) => p.split(path.sep).map(encodeURIComponent).join('/');
  if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) return { uri: enc(rel), uriBaseId: 'SRCROOT' };
  return { uri: 'file://' + enc(abs).replace(/^(?!\/)/, '/') };
}

function formatSarif(results: FileResult[], cwd: string, unreadable: { file: string; error: string }[]): string {
  const index = new Map(RULES.map((r, i) => [r.code, i]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'cable',
            version: VERSION,
            semanticVersion: VERSION,
            rules: RULES.map((r) => ({
              id: r.code,
              name: r.code.replace(/(^|-)([a-z])/g, (_m, _d: string, c: string) => c.toUpperCase()),
              shortDescription: { text: r.description.replace(/`/g, '') },
              fullDescription: { text: r.description.replace(/`/g, ''), markdown: r.description },
              defaultConfiguration: { level: LEVEL[r.severity] },
              properties: { family: r.family, tags: ['cable', r.family] },
            })),
          },
        },
        originalUriBaseIds: { SRCROOT: { uri: 'file://' + path.resolve(cwd).split(path.sep).map(encodeURIComponent).join('/').replace(/^(?!\/)/, '/') + '/' } },
        columnKind: 'utf16CodeUnits',
        invocations: [
          {
            executionSuccessful: unreadable.length === 0,
            toolExecutionNotifications: unreadable.map((u) => ({
              level: 'error',
              message: { text: `cannot read: ${u.error}` },
              locations: [{ physicalLocation: { artifactLocation: toUriPath(u.file, cwd) } }],
            })),
          },
        ],
        results: results.flatMap((r) =>
          r.diagnostics.map((d) => ({
            ruleId: d.code,
            ruleIndex: index.get(d.code) ?? -1,
            level: LEVEL[d.severity],
            message: { text: d.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: toUriPath(r.file, cwd),
                  region: {
                    startLine: d.range.start.line + 1,
                    startColumn: d.range.start.character + 1,
                    endLine: d.range.end.line + 1,
                    endColumn: d.range.end.character + 1,
                  },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}

// ---------------------------------------------------------------------------------------------
// The command

export async function runLint(argv: string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    io.stderr(`cable lint: ${args}\n\n${LINT_USAGE}`);
    return 2;
  }
  if (args.help) {
    io.stdout(LINT_USAGE);
    return 0;
  }
  if (args.paths.length === 0) {
    io.stderr(`cable lint: no PATH given\n\n${LINT_USAGE}`);
    return 2;
  }

  const problems: string[] = [];
  const resolver = new SettingsResolver(io, problems);
  let fixed: number | undefined;
  if (args.config !== undefined) {
    fixed = resolver.load(path.resolve(io.cwd, args.config), true);
    if (fixed === undefined) {
      for (const p of problems) io.stderr(`cable lint: ${p}\n`);
      return 2;
    }
  }

  const unreadable: { file: string; error: string }[] = [];
  const files: string[] = [];
  for (const p of args.paths) {
    const abs = path.resolve(io.cwd, p);
    let st: fs.Stats;
    try {
      st = fs.statSync(abs);
    } catch (err) {
      unreadable.push({ file: p, error: errorText(err) });
      continue;
    }
    if (st.isDirectory()) {
      const found: string[] = [];
      walk(abs, found, unreadable);
      for (const f of found) files.push(path.join(p, path.relative(abs, f)));
    } else files.push(p);
  }

  const jobs: Job[] = files.map((file) => ({ file, settings: fixed ?? resolver.forFile(file) }));
  for (const p of problems) io.stderr(`cable lint: ${p}\n`);

  const outcomes = await lintJobs(jobs, resolver.table, io);
  const results: FileResult[] = [];
  for (const o of outcomes) {
    if (o.ok) results.push(o.result);
    else unreadable.push({ file: o.file, error: o.error });
  }
  for (const u of unreadable) io.stderr(`cable lint: cannot read ${u.file}: ${u.error}\n`);
  for (const r of results) {
    if (r.skippedRules?.length) io.stderr(`cable lint: ${r.file} is larger than maxFileSize: skipped ${r.skippedRules.join(', ')}\n`);
  }

  if (args.format === 'json') io.stdout(JSON.stringify(results, null, 2) + '\n');
  else if (args.format === 'sarif') io.stdout(formatSarif(results, io.cwd, unreadable));
  else {
    io.stdout(formatText(results));
    const count = (s: Severity) => results.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === s).length, 0);
    const e = count('error');
    const w = count('warning');
    const other = count('information') + count('hint');
    io.stderr(`${results.length} file${results.length === 1 ? '' : 's'} linted: ${e} error${e === 1 ? '' : 's'}, ${w} warning${w === 1 ? '' : 's'}, ${other} note${other === 1 ? '' : 's'}\n`);
  }

  if (unreadable.length) return 2;
  return results.some((r) => r.diagnostics.some((d) => d.severity === 'error')) ? 1 : 0;
}

async function lintJobs(jobs: Job[], settings: CableSettings[], io: CliIO): Promise<Outcome[]> {
  const progress = io.isTTY && jobs.length > PROGRESS_OVER;
  const show = (n: number) => io.stderr(`\rcable lint: ${n}/${jobs.length} files`);
  const nWorkers = workerCount(jobs.length);
  const out: Outcome[] = new Array(jobs.length);
  if (nWorkers === 0) {
    for (let i = 0; i < jobs.length; i++) {
      out[i] = lintFile(jobs[i]!.file, settings[jobs[i]!.settings]!, (p) => io.readFile(path.resolve(io.cwd, p)));
      if (progress && i % 50 === 0) show(i);
    }
  } else {
    // Batches are handed out as they are asked for: the main thread starts at once while the workers
    // boot, and whoever is free takes the next batch, so no thread idles while another has a queue.
    const abs = (j: Job): Job => ({ ...j, file: path.resolve(io.cwd, j.file) });
    let next = 0;
    let done = 0;
    const take = (): [number, number] | undefined => {
      if (next >= jobs.length) return undefined;
      const from = next;
      next = Math.min(jobs.length, next + BATCH);
      return [from, next];
    };
    const here = (from: number, to: number) => {
      for (let i = from; i < to; i++) out[i] = lintFile(jobs[i]!.file, settings[jobs[i]!.settings]!, (p) => io.readFile(path.resolve(io.cwd, p)));
      done += to - from;
      if (progress) show(done);
    };
    const workers = Array.from({ length: nWorkers }, () => startWorker(settings));
    const loops = workers.map(async (w) => {
      for (let r = take(); r; r = take()) {
        const [from, to] = r;
        try {
          const res = await w.run(jobs.slice(from, to).map(abs));
          res.forEach((o, k) => {
            const i = from + k;
            out[i] = o.ok ? { ok: true, result: { ...o.result, file: jobs[i]!.file } } : { ...o, file: jobs[i]!.file };
          });
          done += to - from;
          if (progress) show(done);
        } catch {
          // A worker that cannot start or dies (no threads in this runtime) leaves its batch to this thread.
          here(from, to);
          return;
        }
      }
    });
    for (let r = take(); r; r = take()) {
      here(r[0], r[1]);
      // Let the workers' replies in, so they get their next batch without waiting for this thread.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    await Promise.all(loops);
    for (const w of workers) w.stop();
  }
  if (progress) io.stderr('\r\x1b[K');
  return out;
}
