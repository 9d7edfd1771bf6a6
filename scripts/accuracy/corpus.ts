/** The developers' corpus (../shared/corpus): its index rows and the text of each cable, read at run time. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface IndexRow {
  id: string;
  file: string;
  /** `YYYY-MM-DD HH:MM` as published. */
  created: string;
  classification: string;
}

export function corpusPresent(dir: string): boolean {
  return existsSync(join(dir, 'index.tsv'));
}

export function readIndex(dir: string): IndexRow[] {
  const lines = readFileSync(join(dir, 'index.tsv'), 'utf8').trim().split('\n');
  const head = lines[0].split('\t');
  const col = (name: string) => {
    const k = head.indexOf(name);
    if (k < 0) throw new Error(`index.tsv has no column "${name}"`);
    return k;
  };
  const [id, file, created, classification] = ['id', 'file', 'created', 'classification'].map(col);
  return lines.slice(1).map((l) => {
    const c = l.split('\t');
    return { id: c[id], file: c[file], created: c[created], classification: c[classification] };
  });
}

export function readCable(dir: string, file: string): string | undefined {
  const p = join(dir, file);
  return existsSync(p) ? readFileSync(p, 'utf8') : undefined;
}
