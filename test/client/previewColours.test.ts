/**
 * The preview's classification colours are readable in every kind of theme: for each level, the text
 * colour on its fill reaches the 4.5:1 contrast ratio of WCAG 2 for normal text, in the base colours
 * and in the dark and high-contrast overrides, computed from the stylesheet itself.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const css = readFileSync(join(__dirname, '..', '..', 'client', 'src', 'preview', 'webview', 'preview.css'), 'utf8');
const LEVELS = ['U', 'SBU', 'LOU', 'C', 'S', 'TS'];
const THEMES = ['vscode-light', 'vscode-dark', 'vscode-high-contrast', 'vscode-high-contrast-light'];

/** The custom properties a rule for `selector` sets (`body`, `body.vscode-dark`). */
function variables(selector: string): Map<string, string> {
  const out = new Map<string, string>();
  const escaped = selector.replace(/\./g, '\\.');
  for (const m of css.matchAll(new RegExp(`(?:^|\\n)${escaped}\\s*\\{([^}]*)\\}`, 'g'))) {
    for (const declaration of m[1]!.split(';')) {
      const colon = declaration.indexOf(':');
      const name = declaration.slice(0, colon).trim();
      if (colon > 0 && name.startsWith('--')) out.set(name, declaration.slice(colon + 1).trim());
    }
  }
  return out;
}

function luminance(hex: string): number {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  assert.ok(m, `not a #rrggbb colour: ${hex}`);
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => {
    const c = parseInt(h!, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

test('every level colour pair reads at 4.5:1 or better in light, dark and high-contrast themes', () => {
  const base = variables('body');
  assert.ok(base.size >= LEVELS.length * 2, 'the stylesheet defines the level colours on body');
  const ratios: string[] = [];
  for (const theme of THEMES) {
    const vars = new Map([...base, ...variables(`body.${theme}`)]);
    for (const level of LEVELS) {
      const bg = vars.get(`--cable-level-${level}-bg`);
      const fg = vars.get(`--cable-level-${level}-fg`);
      assert.ok(bg && fg, `${theme}: no colours for ${level}`);
      const r = contrast(fg, bg);
      ratios.push(`${theme} ${level} ${r.toFixed(1)}`);
      assert.ok(r >= 4.5, `${theme}: ${level} text ${fg} on ${bg} has contrast ${r.toFixed(2)}:1`);
    }
  }
  // The levels stay told apart: no two levels of different rank share a fill in a theme.
  for (const theme of THEMES) {
    const vars = new Map([...base, ...variables(`body.${theme}`)]);
    const fills = ['U', 'SBU', 'C', 'S', 'TS'].map((l) => vars.get(`--cable-level-${l}-bg`));
    assert.equal(new Set(fills).size, fills.length, `${theme}: two levels share a colour (${fills.join(', ')})`);
  }
});
