// Fails when a bundle in dist/ reads a `const enum` (server/src, client/src) at run time instead of holding
// its members' numbers in place. The parser names its character codes with one (parse/chars.ts: Char, Case);
// esbuild writes the number wherever a member is read, across files too when it bundles, which is what
// keeps a named character as cheap as a bare one. A build that kept the enum (another bundler, an option
// that turns inlining off, an enum read dynamically) would put a property read in every character test of
// the parser: this check says so instead of a slower bench.
//
//   node scripts/check-const-enums.mjs        (after npm run build; a tier of npm test)
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The names of every `const enum` declared in the .ts files below `dirs`. */
export function constEnumNames(root, dirs = ['server/src', 'client/src']) {
  const names = new Set();
  const walk = (d) => {
    if (!existsSync(d)) return;
    for (const e of readdirSync(d)) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith('.ts')) for (const m of readFileSync(p, 'utf8').matchAll(/\bconst\s+enum\s+([A-Za-z_$][\w$]*)/g)) names.add(m[1]);
    }
  };
  for (const d of dirs) walk(join(root, d));
  return [...names].sort();
}

/**
 * Where `text` (a bundle) reads one of the enums `names` at run time: the enum object esbuild emits when it
 * does not inline (`var Char = …((Char2) => …)`), or a member read (`Char.Space`, `import_chars.Char.Space`, `Char2["Space"]`; esbuild
 * may add a digit to a name it renames). Comments are skipped: esbuild writes `32 /* Space *\/` where it
 * inlined. Returns one line per finding.
 */
export function constEnumReads(text, names) {
  const found = [];
  if (!names.length) return found;
  const code = text.replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' '));
  const alt = names.map((n) => n.replace(/\$/g, '\\$')).join('|');
  const re = new RegExp(`(?<![\\w$])(?:${alt})\\d*(?:\\s*\\.\\s*[A-Za-z_$][\\w$]*|\\s*\\[)|\\bvar\\s+(?:${alt})\\d*\\s*=`, 'g');
  const lines = code.split('\n');
  lines.forEach((line, i) => {
    for (const m of line.matchAll(re)) found.push(`${i + 1}: ${line.trim().slice(0, 120)} (${m[0].trim()})`);
  });
  return found;
}

/** Every JavaScript bundle under dist/ (not source maps), with its findings. */
export function checkConstEnums(root) {
  const names = constEnumNames(root);
  const dist = join(root, 'dist');
  const bundles = [];
  const walk = (d) => {
    if (!existsSync(d)) return;
    for (const e of readdirSync(d)) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith('.js')) bundles.push(p);
    }
  };
  walk(dist);
  const problems = [];
  let inlined = 0;
  for (const b of bundles) {
    const text = readFileSync(b, 'utf8');
    for (const f of constEnumReads(text, names)) problems.push(`${relative(root, b)}:${f}`);
    inlined += (text.match(/\d \/\* [A-Za-z]\w* \*\//g) ?? []).length;
  }
  return { names, bundles: bundles.map((b) => relative(root, b)), problems, inlined };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
  const { names, bundles, problems, inlined } = checkConstEnums(root);
  if (!bundles.length) {
    process.stderr.write('check-const-enums: no bundles in dist/ (run npm run build)\n');
    process.exit(1);
  }
  if (problems.length) {
    process.stderr.write(`check-const-enums: a const enum (${names.join(', ')}) is read at run time:\n${problems.map((p) => `  ${p}`).join('\n')}\n`);
    process.exit(1);
  }
  process.stdout.write(`check-const-enums: ${bundles.length} bundles, no run-time read of ${names.join(', ')}; ${inlined} members inlined\n`);
}
