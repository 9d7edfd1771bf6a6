/** Figures per field and the lists of misses, as a table for people and as JSON for machines. */

export interface Miss {
  id: string;
  expected: unknown;
  got: unknown;
  /** The line of the text the field was read from (or should have been). */
  line: string;
  note?: string;
}

export interface FieldScore {
  field: string;
  right: number;
  total: number;
  /** Misses explained by a known disagreement between the reference and the text. */
  known: number;
  /** Cases left out of the comparison (a partial extract without a date; a cablemap convention). */
  apart: number;
  /** Why those cases are left out, for the table. */
  apartWhy?: string;
  /** The issue's target, as a fraction. */
  target: number;
  misses: Miss[];
  /** For list fields: items expected, found by the parser, and agreed on in order. */
  items?: { expected: number; found: number; common: number };
}

export function comparable(s: FieldScore): number {
  return s.total - s.known - s.apart;
}

export function rate(s: FieldScore): number {
  const n = comparable(s);
  return n === 0 ? 1 : s.right / n;
}

function pct(x: number): string {
  return `${(x * 100).toFixed(2)}%`;
}

function pad(s: string, n: number, right = false): string {
  return right ? s.padStart(n) : s.padEnd(n);
}

/** One table: right/total, %, what was left out of the comparison and why, the target and whether it is met. */
export function table(title: string, scores: FieldScore[]): string {
  const out = [title, `${pad('field', 16)} ${pad('right', 7, true)} ${pad('of', 6, true)} ${pad('%', 8, true)}  ${pad('target', 7, true)}  met   notes`];
  for (const s of scores) {
    const notes: string[] = [];
    if (s.known) notes.push(`${s.known} known index/text disagreements left out`);
    if (s.apart) notes.push(`${s.apart} left out: ${s.apartWhy ?? 'nothing to compare'}`);
    if (s.items) notes.push(`items: ${s.items.common} of ${s.items.expected} expected agreed in order (${s.items.found} found)`);
    const met = rate(s) >= s.target ? 'yes' : 'NO ';
    out.push(`${pad(s.field, 16)} ${pad(String(s.right), 7, true)} ${pad(String(comparable(s)), 6, true)} ${pad(pct(rate(s)), 8, true)}  ${pad(pct(s.target), 7, true)}  ${met}   ${notes.join('; ')}`);
  }
  return out.join('\n');
}

function show(v: unknown): string {
  return typeof v === 'string' ? JSON.stringify(v) : JSON.stringify(v ?? null);
}

export function missList(s: FieldScore): string {
  const out = [`${s.field}: ${s.misses.length} not right`];
  for (const m of s.misses) {
    out.push(`  ${m.id}${m.note ? `  (${m.note})` : ''}`);
    out.push(`    expected ${show(m.expected)}`);
    out.push(`    got      ${show(m.got)}`);
    out.push(`    text     ${m.line}`);
  }
  return out.join('\n');
}

export function summary(s: FieldScore): object {
  return {
    field: s.field,
    right: s.right,
    total: s.total,
    comparable: comparable(s),
    known: s.known,
    apart: s.apart,
    rate: rate(s),
    target: s.target,
    met: rate(s) >= s.target,
    items: s.items ?? null,
    misses: s.misses,
  };
}
