/**
 * A generated archive for the command-line rows of `npm run bench`: copies of the corpus cables, each copy
 * with its own id (the banner serial changed in place, same width, so the DE line's #NNNN still agrees),
 * in one folder per copy round, written to a temporary folder outside the repository and removed after.
 *
 * Also runnable on its own to keep an archive for manual runs:
 *   node --import tsx bench/cliArchive.ts OUT_DIR [MB]
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCable } from '../server/src/service/parse.ts';

export interface Archive {
  dir: string;
  files: number;
  bytes: number;
  remove(): void;
}

interface Source {
  name: string;
  text: string;
  /** Where the banner serial's digits are, when the cable has one. */
  serial?: { start: number; end: number };
}

function offsetOf(text: string, line: number, character: number): number {
  let at = 0;
  for (let l = 0; l < line; l++) {
    const nl = text.indexOf('\n', at);
    if (nl < 0) return text.length;
    at = nl + 1;
  }
  return at + character;
}

function sources(corpus: string): Source[] {
  return readdirSync(corpus)
    .filter((f) => f.endsWith('.cable'))
    .sort()
    .map((name) => {
      const text = readFileSync(join(corpus, name), 'utf8');
      const r = parseCable(text).banner?.serial?.range;
      const serial = r && r.start.line === r.end.line ? { start: offsetOf(text, r.start.line, r.start.character), end: offsetOf(text, r.end.line, r.end.character) } : undefined;
      return { name, text, serial: serial && /^\d+$/.test(text.slice(serial.start, serial.end)) ? serial : undefined };
    });
}

/** Copy `round` of a cable: its serial's leading digits replaced by the round, its last four kept. */
function copyOf(s: Source, round: number): string {
  if (!s.serial) return s.text;
  const digits = s.text.slice(s.serial.start, s.serial.end);
  if (digits.length < 5) return s.text;
  const lead = String(round).padStart(digits.length - 4, '0').slice(-(digits.length - 4));
  return s.text.slice(0, s.serial.start) + lead + digits.slice(-4) + s.text.slice(s.serial.end);
}

/** Writes copies of the corpus until `minBytes` are written, into `dir` (a new temporary folder if absent). */
export function makeArchive(corpus: string, minBytes: number, dir?: string): Archive {
  const out = dir ?? mkdtempSync(join(tmpdir(), 'cable-bench-archive-'));
  const src = sources(corpus);
  let bytes = 0;
  let files = 0;
  for (let round = 1; bytes < minBytes; round++) {
    const sub = join(out, `copy-${String(round).padStart(3, '0')}`);
    mkdirSync(sub, { recursive: true });
    for (const s of src) {
      const text = copyOf(s, round);
      writeFileSync(join(sub, s.name), text);
      bytes += Buffer.byteLength(text);
      files++;
    }
  }
  return { dir: out, files, bytes, remove: () => rmSync(out, { recursive: true, force: true }) };
}

if (require.main === module) {
  const [dir, mb] = process.argv.slice(2);
  if (!dir) {
    process.stderr.write('usage: node --import tsx bench/cliArchive.ts OUT_DIR [MB]\n');
    process.exit(2);
  }
  const a = makeArchive(join(__dirname, '..', '..', 'shared', 'corpus'), Number(mb ?? 150) * 1e6, dir);
  process.stdout.write(`${a.files} files, ${(a.bytes / 1e6).toFixed(1)} MB in ${a.dir}\n`);
}
