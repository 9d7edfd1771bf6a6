/**
 * `npm run test:vscode`: the extension-host suite in desktop VS Code, downloaded by @vscode/test-electron
 * (needs internet; on headless Linux run it under `xvfb-run -a`). Machines without internet run the same
 * suite in code-server instead: `npm run test:e2e`.
 */
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';

const root = join(__dirname, '..', '..');

async function main(): Promise<void> {
  try {
    await runTests({
      // VS Code 1.100 is what engines.vscode and code-server 4.100.3 pin; test the same API surface.
      version: process.env.VSCODE_TEST_VERSION ?? '1.100.3',
      extensionDevelopmentPath: root,
      extensionTestsPath: join(root, 'out', 'test', 'suite', 'index'),
      launchArgs: [join(root, 'test', 'fixtures'), '--disable-extensions', '--disable-workspace-trust', '--skip-welcome'],
    });
  } catch (err) {
    console.error(`extension-host suite failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}

void main();
