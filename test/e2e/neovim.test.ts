/**
 * Tier "Neovim": the language server used by another editor. Headless Neovim (Debian's 0.7) starts
 * `dist/server.js --stdio` as a plain LSP client (test/e2e/nvim/check.lua), opens the seed cable and a faulty
 * one, and records symbols, a hover and the diagnostics it received, then references and incoming calls in a
 * small archive of cables that cite one another (its workspace root); the assertions live here.
 */
import { describe, it, before } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeArchive } from '../lsp/archiveFixture.ts';
import { pathToFileURL } from 'node:url';

const REPO = join(__dirname, '..', '..');
const SERVER = join(REPO, 'dist', 'server.js');
const SEED = join(REPO, 'test', 'fixtures', 'seed', '09BRUSSELS995.cable');
const BAD = join(REPO, 'test', 'fixtures', 'e2e', 'dtg-malformed.cable');
const OUT = join(REPO, 'test-results', 'nvim-check.json');
const NVIM = process.env.NVIM_PATH ?? 'nvim';
// A small archive of cables that cite one another: the workspace root Neovim announces.
const ARCHIVE = mkdtempSync(join(tmpdir(), 'cable-nvim-archive-'));
const ARCHIVE_PATHS = writeArchive(ARCHIVE);
process.on('exit', () => rmSync(ARCHIVE, { recursive: true, force: true }));

interface LspRange { start: { line: number; character: number }; end: { line: number; character: number } }
interface LspSymbol { name: string; range: LspRange; children?: LspSymbol[] }
interface LspDiagnostic { code?: string | number; message: string; severity?: number; range: LspRange }
interface Shown { lnum: number; col: number; severity: number; message: string; code: string | number | null }
interface CheckResult {
  errors: string[];
  started?: boolean;
  serverInfo?: { name: string; version?: string };
  symbols?: LspSymbol[] | null;
  hover?: { contents: string | { value: string } | Array<string | { value: string }> } | null;
  published: Record<string, LspDiagnostic[]>;
  seedPublished?: boolean;
  badPublished?: boolean;
  shown?: Shown[];
  indexed?: boolean;
  references?: { uri: string; range: LspRange }[] | null;
  incoming?: { from: { name: string; uri: string } }[] | null;
  stopped?: boolean;
}

function nvimVersion(): string | undefined {
  const r = spawnSync(NVIM, ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.split('\n')[0] : undefined;
}
const version = nvimVersion();
const missing = !version ? `no ${NVIM} on PATH (apt-get install neovim)` : !existsSync(SERVER) ? 'dist/server.js is not built' : undefined;

/** Runs check.lua in its own process group and ends the group afterwards (the server is its child). */
function runCheck(): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(NVIM, ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${join(__dirname, 'nvim', 'check.lua')}`], {
      cwd: REPO,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        CABLE_SERVER: SERVER,
        CABLE_SEED: SEED,
        CABLE_BAD: BAD,
        CABLE_OUT: OUT,
        CABLE_NODE: process.execPath,
        CABLE_ARCHIVE: ARCHIVE,
        CABLE_CITED: ARCHIVE_PATHS['09STATE5000']!,
      },
    });
    let output = '';
    child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    const kill = (signal: NodeJS.Signals): void => {
      try {
        process.kill(-child.pid!, signal);
      } catch {
        // the group is gone
      }
    };
    const timer = setTimeout(() => kill('SIGKILL'), 90_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      kill('SIGKILL');
      resolve({ code, output });
    });
  });
}

function flatten(symbols: LspSymbol[]): LspSymbol[] {
  return symbols.flatMap((s) => [s, ...flatten(s.children ?? [])]);
}

function hoverText(h: CheckResult['hover']): string {
  if (!h) return '';
  const parts = Array.isArray(h.contents) ? h.contents : [h.contents];
  return parts.map((p) => (typeof p === 'string' ? p : p.value)).join('\n');
}

describe(`Neovim (${version ?? 'absent'}) as an LSP client`, { skip: process.env.CI ? false : missing, timeout: 120_000 }, () => {
  let r: CheckResult;
  const seedUri = pathToFileURL(SEED).href;
  const badUri = pathToFileURL(BAD).href;

  before(async () => {
    assert.equal(missing, undefined, missing);
    mkdirSync(join(REPO, 'test-results'), { recursive: true });
    rmSync(OUT, { force: true });
    const run = await runCheck();
    assert.ok(existsSync(OUT), `check.lua wrote no results (exit ${run.code}):\n${run.output}`);
    r = JSON.parse(readFileSync(OUT, 'utf8')) as CheckResult;
    assert.deepEqual(r.errors, [], `check.lua failed:\n${r.errors.join('\n')}\n${run.output}`);
  });

  it('starts the server over stdio and initializes', () => {
    assert.equal(r.started, true);
    assert.equal(r.serverInfo?.name, 'cable-language-server');
  });

  it('lists the seed cable\'s three numbered paragraphs as document symbols', () => {
    assert.ok(Array.isArray(r.symbols), `no symbols: ${JSON.stringify(r.symbols)}`);
    const names = flatten(r.symbols).map((s) => s.name);
    const paragraphs = names.map((n) => /^(\d+)\.\s*\(C\)/.exec(n)?.[1]).filter((n) => n !== undefined);
    assert.deepEqual(paragraphs, ['1', '2', '3'], names.join(' | '));
  });

  it('hovers PREL with its title', () => {
    assert.match(hoverText(r.hover), /External Political Relations/i);
  });

  it('receives dtg-malformed for the faulty cable and shows it on the DTG line', () => {
    assert.equal(r.badPublished, true, 'no publishDiagnostics for the faulty cable');
    const sent = r.published[badUri] ?? [];
    assert.ok(sent.some((d) => d.code === 'dtg-malformed'), `sent: ${JSON.stringify(sent)}`);
    const shown = (r.shown ?? []).find((d) => d.code === 'dtg-malformed');
    assert.ok(shown, `Neovim shows: ${JSON.stringify(r.shown)}`);
    assert.equal(shown.lnum, 5, 'on the DTG line (0-based 5)');
    assert.equal(shown.severity, 1, 'as an error');
  });

  it('reports no errors on the seed cable', () => {
    assert.equal(r.seedPublished, true, 'no publishDiagnostics for the seed cable');
    const errors = (r.published[seedUri] ?? []).filter((d) => d.severity === 1);
    assert.deepEqual(errors, []);
  });

  it('finds the cables citing a cable (references on its banner) in the workspace folder', () => {
    assert.equal(r.indexed, true, 'the server indexed the folder');
    assert.ok(Array.isArray(r.references), `no references: ${JSON.stringify(r.references)}`);
    const citing = r.references.map((l) => l.uri).sort();
    assert.deepEqual(citing, [pathToFileURL(ARCHIVE_PATHS['09LONDON200']!).href, pathToFileURL(ARCHIVE_PATHS['09PARIS100']!).href].sort());
  });

  it('walks the call hierarchy: incoming calls are the citing cables', () => {
    assert.ok(Array.isArray(r.incoming), `no incoming calls: ${JSON.stringify(r.incoming)}`);
    assert.deepEqual(r.incoming.map((c) => c.from.name).sort(), ['09LONDON200', '09PARIS100']);
  });

  it('shuts the server down cleanly', () => {
    assert.equal(r.stopped, true);
  });
});
