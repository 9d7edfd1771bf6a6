/**
 * The rule pages, `docs/rules/<code>.md`: one per code of the rule catalogue. What the catalogue knows
 * (the code, what it flags, the default severity, the family, how to configure it) is written into each
 * page between `<!-- generated:… -->` markers; what only a person can write (what it checks in detail,
 * why, the source, a wrong and a right example) lies outside them and is kept as it is. The index page
 * `docs/rules/README.md` is generated whole. `npm run docs` writes them; the test tier compares.
 *
 * The extension links every diagnostic's code to its page, and `cable lint --format sarif` gives each
 * rule the same path as its help, so the file name is part of the contract: `docs/rules/<code>.md`.
 */
import type { Rule, Family } from '../server/src/service/rules/index.ts';

export const DOCS_DIR = 'docs/rules';
export const INDEX_PAGE = 'README.md';

/** The hand-written sections every page must have, in this order. */
export const SECTIONS = ['What it checks', 'Why', 'Source', 'Examples'] as const;

const FAMILY_NAMES: Record<Family, string> = {
  dtg: 'Date-time group',
  header: 'Routing header',
  classification: 'Classification',
  declassification: 'Declassification',
  tags: 'TAGS',
  structure: 'Structure of the text',
};

export function pageName(code: string): string {
  return `${code}.md`;
}

function region(name: string, body: string): string {
  return `<!-- generated:${name} (from the rule catalogue: edit the rule, then run npm run docs) -->\n${body.trim()}\n<!-- /generated:${name} -->`;
}

function headBody(rule: Rule): string {
  return [
    `# \`${rule.code}\``,
    '',
    rule.description,
    '',
    '| Default severity | Family |',
    '|---|---|',
    `| ${rule.severity} | ${FAMILY_NAMES[rule.family]} |`,
  ].join('\n');
}

function configureBody(rule: Rule): string {
  const other = rule.severity === 'error' ? 'warning' : 'error';
  return [
    '## Configure',
    '',
    `In VS Code, give the rule another severity or turn it off in the settings, \`cable.diagnostics.rules\` (user, workspace or folder):`,
    '',
    '```json',
    `"cable.diagnostics.rules": { "${rule.code}": "off" }`,
    '```',
    '',
    `The values are \`error\`, \`warning\`, \`information\`, \`hint\` and \`off\`; without a setting the rule reports at its default, **${rule.severity}**. The quick fix **Disable rule '${rule.code}'** and the command **Cable: Disable a Diagnostics Rule…** write the \`off\` for you.`,
    '',
    'For `cable lint`, the same setting goes in a `.cablerc.json` beside the cables or in a folder above them (or a file named with `--config`):',
    '',
    '```json',
    `{ "diagnostics": { "rules": { "${rule.code}": "${other}" } } }`,
    '```',
  ].join('\n');
}

/** A new page: the generated parts around empty hand-written sections, which the test then asks for. */
function skeleton(rule: Rule): string {
  const sections = SECTIONS.map((s) => (s === 'Examples' ? '## Examples\n\n### Wrong\n\n```cable\n```\n\n### Right\n\n```cable\n```\n' : `## ${s}\n`));
  return `${region('head', headBody(rule))}\n\n${sections.join('\n')}\n${region('configure', configureBody(rule))}\n`;
}

const REGION = /<!-- generated:([a-z]+)\b[^>]*-->\n[\s\S]*?<!-- \/generated:\1 -->/g;

/** The page as it should be: `existing` with its generated regions rewritten, or a new skeleton. */
export function renderPage(rule: Rule, existing: string | undefined): string {
  if (existing === undefined) return skeleton(rule);
  const bodies: Record<string, string> = { head: headBody(rule), configure: configureBody(rule) };
  return existing.replace(REGION, (whole, name: string) => (bodies[name] === undefined ? whole : region(name, bodies[name])));
}

/** The index of every rule, by family, generated whole. */
export function renderIndex(rules: readonly Rule[]): string {
  const lines = [
    '<!-- generated (from the rule catalogue: edit the rules, then run npm run docs) -->',
    '# Rules',
    '',
    'Every diagnostic of the Diplomatic Cables extension and of `cable lint` has a rule code, a default severity and a page that says what it checks, why, on what authority, with a wrong and a right example, and how to turn it down or off.',
    '',
  ];
  const families = [...new Set(rules.map((r) => r.family))];
  for (const family of families) {
    lines.push(`## ${FAMILY_NAMES[family]}`, '', '| code | default | flags |', '|---|---|---|');
    for (const r of rules.filter((x) => x.family === family)) lines.push(`| [\`${r.code}\`](${pageName(r.code)}) | ${r.severity} | ${r.description} |`);
    lines.push('');
  }
  return lines.join('\n');
}

export interface PageParts {
  /** Hand-written section bodies by heading, trimmed. */
  sections: Map<string, string>;
  /** The `cable` code blocks under "### Wrong" and "### Right". */
  wrong?: string;
  right?: string;
}

/** The hand-written parts of a page, for the completeness test. */
export function pageParts(page: string): PageParts {
  const text = page.replace(REGION, '');
  const sections = new Map<string, string>();
  const headings = [...text.matchAll(/^## (.+)$/gm)];
  headings.forEach((h, i) => {
    const end = headings[i + 1]?.index ?? text.length;
    sections.set(h[1]!.trim(), text.slice(h.index! + h[0].length, end).trim());
  });
  const example = (label: string): string | undefined => {
    const m = new RegExp(`^### ${label}\\n[\\s\\S]*?^\`\`\`cable\\n([\\s\\S]*?)^\`\`\`$`, 'm').exec(text);
    return m?.[1];
  };
  return { sections, wrong: example('Wrong'), right: example('Right') };
}
