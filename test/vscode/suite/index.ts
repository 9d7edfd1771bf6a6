/**
 * Entry point of the extension-host suite: the `run()` that VS Code calls with `--extensionTestsPath`,
 * whichever runner started it (@vscode/test-electron, or code-server through the workbench `payload`).
 * The suite is bundled into one file (scripts/build-tests.mjs), so mocha cannot load test files by path:
 * the test modules are required after `pre-require` has put describe/it on the global object.
 */
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  mocha.suite.emit('pre-require', globalThis, 'cable-extension-suite', mocha);
  require('./extension.test.ts');
  require('./editorFeatures.test.ts');
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      if (failures > 0) reject(new Error(`${failures} extension-host test(s) failed`));
      else resolve();
    });
    // One machine-readable line per test, so a runner that only sees the log (code-server) can report each
    // test by name instead of parsing the spec reporter's layout.
    runner.on('pass', (t) => console.log(`[cable-suite] pass ${t.fullTitle()}`));
    runner.on('fail', (t, err: Error) =>
      console.log(`[cable-suite] fail ${t.fullTitle()} :: ${String(err?.message ?? err).replace(/\s+/g, ' ')}`),
    );
  });
}
