// Draws the extension's icons from their SVG sources in images/src/ with headless Chromium:
// images/icon.png (256×256, the extension's icon; vsce takes no SVG there) and the `.cable` file icons
// images/cable-file-{light,dark}.png (64×64, shown at 16 px on any screen density).
// `node scripts/draw-icons.mjs` after editing a source; the PNGs are committed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const root = new URL('..', import.meta.url).pathname;
const icons = [
  { src: 'icon.svg', out: 'icon.png', size: 256 },
  { src: 'cable-file-light.svg', out: 'cable-file-light.png', size: 64 },
  { src: 'cable-file-dark.svg', out: 'cable-file-dark.png', size: 64 },
];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  for (const icon of icons) {
    const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size } });
    const svg = readFileSync(join(root, 'images', 'src', icon.src), 'utf8');
    const url = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    await page.setContent(`<html><body style="margin:0;background:transparent"><img src="${url}" width="${icon.size}" height="${icon.size}" style="display:block"></body></html>`);
    await page.locator('img').screenshot({ path: join(root, 'images', icon.out), omitBackground: true });
    await page.close();
    console.log(`images/${icon.out}`);
  }
} finally {
  await browser.close();
}
