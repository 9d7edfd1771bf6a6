/**
 * The preview's classification colours are readable in every kind of theme: for each level, the text
 * colour on its fill reaches the 4.5:1 contrast ratio of WCAG 2 for normal text, in the base colours, the
 * dark overrides and the high-contrast ones, computed from the stylesheet itself. In high-contrast themes
 * the fills are the colours the extension contributes (cableLevel.*), read at their defaults for the
 * theme's kind, and the text is the editor's background, read at the fallback the stylesheet gives.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const css = readFileSync(join(root, 'client', 'src', 'preview', 'webview', 'preview.css'), 'utf8');
const LEVELS = ['U', 'SBU', 'LOU', 'C', 'S', 'TS'];
/** Each theme kind: the body classes VS Code gives a webview, and the kind's key in contributed colours. */
const THEMES = [
  { name: 'light', classes: ['vscode-light'], kind: 'light' },
  { name: 'dark', classes: ['vscode-dark'], kind: 'dark' },
  { name: 'high contrast', classes: ['vscode-high-contrast'], kind: 'highContrast' },
  { name: 'high contrast light', classes: ['vscode-high-contrast', 'vscode-high-contrast-light'], kind: 'highContrastLight' },
] as const;

interface ContributedColour {
  id: string;
  defaults: Record<string, string>;
}
const contributed = new Map(
  (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { contributes: { colors: ContributedColour[] } }).contributes.colors.map((c) => [
    // VS Code names a colour's variable after its id with the dot made a dash.
    `--vscode-${c.id.replace('.', '-')}`,
    c.defaults,
  ]),
);

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

/** The variables a theme's body sees: the base rule, then each of its classes' rules in turn. */
function themeVariables(theme: (typeof THEMES)[number]): Map<string, string> {
  const vars = variables('body');
  for (const c of theme.classes) for (const [k, v] of variables(`body.${c}`)) vars.set(k, v);
  return vars;
}

/**
 * A colour as a theme of `kind` resolves it: `#rrggbb` as written; a contributed colour at its default for
 * the kind (which the stylesheet's fallback must repeat); another theme variable at its fallback.
 */
function resolve(value: string, kind: string): string {
  const m = /^var\((--vscode-[\w-]+)(?:,\s*(#[0-9a-f]{6}))?\)$/i.exec(value);
  if (!m) return value;
  const [, name, fallback] = m;
  const defaults = contributed.get(name!);
  if (defaults) {
    assert.ok(defaults[kind], `${name} has a default for ${kind} themes`);
    if (fallback) assert.equal(fallback.toLowerCase(), defaults[kind]!.toLowerCase(), `the fallback of ${name} is its ${kind} default`);
    return defaults[kind]!;
  }
  assert.ok(fallback, `${value} has a fallback colour`);
  return fallback;
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
  assert.ok(variables('body').size >= LEVELS.length * 2, 'the stylesheet defines the level colours on body');
  const ratios: string[] = [];
  for (const theme of THEMES) {
    const vars = themeVariables(theme);
    for (const level of LEVELS) {
      const bg = vars.get(`--cable-level-${level}-bg`);
      const fg = vars.get(`--cable-level-${level}-fg`);
      assert.ok(bg && fg, `${theme.name}: no colours for ${level}`);
      const [b, f] = [resolve(bg, theme.kind), resolve(fg, theme.kind)];
      const r = contrast(f, b);
      ratios.push(`${theme.name} ${level} ${r.toFixed(1)}`);
      assert.ok(r >= 4.5, `${theme.name}: ${level} text ${f} on ${b} has contrast ${r.toFixed(2)}:1`);
    }
  }
  // The levels stay told apart: no two levels of different rank share a fill in a theme.
  for (const theme of THEMES) {
    const vars = themeVariables(theme);
    const fills = ['U', 'SBU', 'C', 'S', 'TS'].map((l) => resolve(vars.get(`--cable-level-${l}-bg`)!, theme.kind));
    assert.equal(new Set(fills).size, fills.length, `${theme.name}: two levels share a colour (${fills.join(', ')})`);
  }
});

test('high-contrast themes take the level colours from the theme, not from the stylesheet', () => {
  for (const theme of THEMES.filter((t) => t.kind.startsWith('highContrast'))) {
    const vars = themeVariables(theme);
    for (const level of LEVELS) {
      assert.match(vars.get(`--cable-level-${level}-bg`)!, /^var\(--vscode-cableLevel-/, `${theme.name}: ${level} fill`);
      assert.match(vars.get(`--cable-level-${level}-fg`)!, /^var\(--vscode-editor-background/, `${theme.name}: ${level} text`);
    }
  }
});
