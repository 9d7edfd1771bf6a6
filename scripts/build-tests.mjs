// Bundles the extension-host suite (test/vscode/suite) into out/test/suite/index.js, the file both runners
// hand to VS Code as extensionTestsPath. `vscode` comes from the extension host; mocha is loaded from
// node_modules at run time (its reporters are required dynamically, which a bundle would break).
import * as esbuild from 'esbuild';

await esbuild.build({
  entryPoints: { index: 'test/vscode/suite/index.ts' },
  outdir: 'out/test/suite',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'inline',
  external: ['vscode', 'mocha'],
  logLevel: 'warning',
});
