/**
 * The engine the throughput rows time. By default it is the language service bundled by esbuild with
 * the options dist/server.js and dist/cli.js are built with, so the figures are those of the code that
 * ships. Running the TypeScript sources through tsx instead costs about 10% here: tsx's transform wraps
 * every function in a naming helper and loads modules through its hooks, neither of which ships.
 * `--engine=source` times the sources (handy when bisecting a change without a build).
 */
import { buildSync } from 'esbuild';
import { join } from 'node:path';
import type * as EngineModule from './engine-entry.ts';

export type Engine = typeof EngineModule;

export function loadEngine(root: string, from: 'bundle' | 'source' = 'bundle'): { engine: Engine; how: string } {
  if (from === 'bundle') {
    try {
      const outfile = join(root, 'out', 'bench', 'engine.cjs');
      buildSync({
        entryPoints: [join(root, 'bench', 'engine-entry.ts')],
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        outfile,
        logLevel: 'silent',
      });
      return { engine: require(outfile) as Engine, how: 'the service bundled by esbuild as dist/ is (node20, cjs)' };
    } catch (e) {
      const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
      return { engine: require('./engine-entry.ts') as Engine, how: `the TypeScript sources through tsx (bundling failed: ${why})` };
    }
  }
  return { engine: require('./engine-entry.ts') as Engine, how: 'the TypeScript sources through tsx' };
}
