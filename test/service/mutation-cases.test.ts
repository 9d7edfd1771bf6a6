/**
 * Mutation check of the rule cases real cables raised (issue 15): on real cables (../shared/corpus, read at
 * run time; skipped when absent), inject the case and require the rule to answer as a reader would: the
 * finding on the right line with the right advice, or no finding where the cable is right. mutation.test.ts
 * does the same for one defect of each rule's kind.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseCable } from '../../server/src/service/parse.ts';
import { computeDiagnostics, computeFindings, type RuleFinding } from '../../server/src/service/diagnostics.ts';
import { codeActions, FIX_ALL_KIND } from '../../server/src/service/features/codeActions.ts';
import { Dictionary } from '../../server/src/service/dictionary.ts';
import { resolveSettings } from '../../server/src/service/settings.ts';
import type { CableDocument, Range } from '../../server/src/service/model.ts';

const CORPUS = join(__dirname, '..', '..', '..', 'shared', 'corpus');
const PER_CASE = 4;
const dict = Dictionary.default();
const settings = resolveSettings(undefined);

interface Mutant {
  text: string;
  /** The file the mutant is linted as (a cable id gives an undated cable its year). */
  uri?: string;
  /** 0-based line the answer is about. */
  line: number;
}

interface Case {
  name: string;
  inject(doc: CableDocument, lines: string[], file: string): Mutant | undefined;
  /** Undefined when the rules answered right; else what is wrong. */
  judge(findings: RuleFinding[], m: Mutant, doc: CableDocument): string | undefined;
}

function replace(lines: string[], r: Range, text: string): Mutant | undefined {
  if (r.start.line !== r.end.line) return undefined;
  const out = [...lines];
  const l = out[r.start.line]!;
  out[r.start.line] = l.slice(0, r.start.character) + text + l.slice(r.end.character);
  return { text: out.join('\n'), line: r.start.line };
}

const classified = (d: CableDocument) => d.banner !== undefined && ['C', 'S', 'TS'].includes(d.banner.level);
const datedFrom = (d: CableDocument, year: number) => d.dtg?.epochMs !== undefined && d.dtg.epochMs >= Date.UTC(year, 0, 1);
const of = (fs: RuleFinding[], code: string) => fs.filter((f) => f.rule.code === code);
const show = (fs: RuleFinding[]) => JSON.stringify(fs.map((f) => [f.rule.code, f.range.start.line + 1, f.message]));

/** The finding of `code` on line `line`, or what went wrong. */
function onLine(fs: RuleFinding[], code: string, line: number, message?: RegExp): string | undefined {
  const hit = of(fs, code).find((f) => f.range.start.line === line);
  if (!hit) return `expected ${code} on line ${line + 1}, got ${show(of(fs, code))}`;
  if (message && !message.test(hit.message)) return `${code} says ${JSON.stringify(hit.message)}, expected ${message}`;
  return undefined;
}

/** Paragraphs numbered 1..n on their own lines, none quoted: a cable whose numbering a case can change. */
function plainNumbering(d: CableDocument, atLeast: number): boolean {
  const ps = d.paragraphs;
  if (ps.length < atLeast || d.blocks.some((b) => b.kind === 'text' || b.kind === 'quote') || d.header.partialExtract) return false;
  return ps.every((p, i) => p.number.value === i + 1 && p.number.range.start.line === p.range.start.line);
}

/** The cable without its heading lines: the text from the banner on, so no DTG or date line dates it. */
function undated(d: CableDocument, lines: string[]): string[] | undefined {
  const b = d.banner?.range.start.line;
  if (b === undefined || b === 0) return undefined;
  return lines.slice(b);
}

const CASES: Case[] = [
  {
    name: 'declassification-date-invalid: an undated cable\'s DECL date before its order took effect',
    inject(d, lines) {
      const decl = d.eo?.declassifyOn;
      if (d.eo?.order?.value !== 12958 || !decl || decl.year === undefined) return undefined;
      const rest = undated(d, lines);
      if (!rest) return undefined;
      const shift = d.banner!.range.start.line;
      const r = { start: { ...decl.range.start, line: decl.range.start.line - shift }, end: { ...decl.range.end, line: decl.range.end.line - shift } };
      return replace(rest, r, '06/30/1994');
    },
    judge: (fs, m) => onLine(fs, 'declassification-date-invalid', m.line, /before E\.O\. 12958 took effect/),
  },
  {
    name: 'declassification-date-invalid: the file name gives an undated cable its year',
    inject(d, lines, file) {
      const decl = d.eo?.declassifyOn;
      const year = d.dtg?.epochMs !== undefined ? new Date(d.dtg.epochMs).getUTCFullYear() : undefined;
      if (!decl || decl.year === undefined || year === undefined || year < 2000 || !/^\d{2}[A-Z]+\d+\.cable$/.test(file)) return undefined;
      const rest = undated(d, lines);
      if (!rest) return undefined;
      const shift = d.banner!.range.start.line;
      const r = { start: { ...decl.range.start, line: decl.range.start.line - shift }, end: { ...decl.range.end, line: decl.range.end.line - shift } };
      // The year before the cable's, after E.O. 12958 took effect: only the file name can tell it is wrong.
      const m = replace(rest, r, `01/01/${year - 1}`);
      return m && { ...m, uri: `file:///archive/${file}` };
    },
    judge(fs, m) {
      const miss = onLine(fs, 'declassification-date-invalid', m.line, /the year of \d{2}[A-Z]+\d+/);
      if (miss) return miss;
      const without = computeFindings(parseCable(m.text), settings, dict);
      return of(without, 'declassification-date-invalid').length ? 'reported without the file name too' : undefined;
    },
  },
  {
    name: 'declassification-date-too-far: one day past the 25th anniversary is as written, two days is too far',
    inject(d, lines) {
      const decl = d.eo?.declassifyOn;
      if (!decl || decl.year === undefined || d.dtg?.epochMs === undefined) return undefined;
      const c = new Date(d.dtg.epochMs);
      if (c.getUTCMonth() === 1 && c.getUTCDate() >= 27) return undefined;
      const day = new Date(Date.UTC(c.getUTCFullYear() + 25, c.getUTCMonth(), c.getUTCDate() + 1));
      const pad = (n: number) => String(n).padStart(2, '0');
      return replace(lines, decl.range, `${pad(day.getUTCMonth() + 1)}/${pad(day.getUTCDate())}/${day.getUTCFullYear()}`);
    },
    judge(fs, m) {
      if (of(fs, 'declassification-date-too-far').length) return `flagged one day past: ${show(of(fs, 'declassification-date-too-far'))}`;
      const later = m.text.split('\n');
      later[m.line] = later[m.line]!.replace(/(\d{2})\/(\d{2})\/(\d{4})/, (_x, mo: string, da: string, y: string) => {
        const t = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(da) + 1));
        return `${String(t.getUTCMonth() + 1).padStart(2, '0')}/${String(t.getUTCDate()).padStart(2, '0')}/${t.getUTCFullYear()}`;
      });
      return onLine(computeFindings(parseCable(later.join('\n')), settings, dict), 'declassification-date-too-far', m.line);
    },
  },
  {
    name: 'paragraph-numbering: one mistyped number (1, 2, 5, 4, 5) is reported on itself, expecting 3',
    inject(d, lines) {
      if (!plainNumbering(d, 5)) return undefined;
      return replace(lines, d.paragraphs[2]!.number.range, '5');
    },
    judge(fs, m) {
      const hits = of(fs, 'paragraph-numbering');
      if (hits.length !== 1) return `expected one paragraph-numbering finding, got ${show(hits)}`;
      return onLine(fs, 'paragraph-numbering', m.line, /expected 3$/);
    },
  },
  {
    name: 'paragraph-numbering: a repeated number is reported even when the numbering carries on',
    inject(d, lines) {
      if (!plainNumbering(d, 4)) return undefined;
      const at = d.paragraphs[3]!.range.start.line;
      const out = [...lines];
      out.splice(at, 0, '3. (U) A paragraph numbered again.', '');
      return { text: out.join('\n'), line: at };
    },
    judge: (fs, m) => onLine(fs, 'paragraph-numbering', m.line, /repeats paragraph 3; expected 4/),
  },
  {
    name: 'paragraph-numbering: an unnumbered lead paragraph before 2 is not a missing 1',
    inject(d, lines) {
      if (!plainNumbering(d, 3)) return undefined;
      const p = d.paragraphs[0]!;
      const line = lines[p.number.range.start.line]!;
      // `1. (C) Summary: …` → `(C) Summary: …`, with the pilcrow, the number and its stop.
      const from = p.pilcrow?.start.character ?? p.number.range.start.character;
      const after = /^[.)]?\s*/.exec(line.slice(p.number.range.end.character))![0].length;
      if (line.slice(p.number.range.end.character + after).trim() === '') return undefined;
      return replace(lines, { start: { line: p.number.range.start.line, character: from }, end: { line: p.number.range.start.line, character: p.number.range.end.character + after } }, '');
    },
    judge: (fs) => (of(fs, 'paragraph-numbering').length ? `reported: ${show(of(fs, 'paragraph-numbering'))}` : undefined),
  },
  {
    name: 'classified-by-reason-invalid: `Reasons 1:4 b,d` is a malformed reason, not no reason',
    inject(d, lines) {
      const r = d.classifiedBy?.reason;
      if (!r || r.section !== '1.4' || !datedFrom(d, 2005) || !/\breasons?\b/i.test(lines[r.range.start.line]!)) return undefined;
      return replace(lines, r.range, '1:4 b,d');
    },
    judge(fs, m) {
      if (of(fs, 'classified-by-missing').length) return `classified-by-missing: ${show(of(fs, 'classified-by-missing'))}`;
      return onLine(fs, 'classified-by-reason-invalid', m.line, /cannot be read/);
    },
  },
  {
    name: 'classified-by-reason-invalid: `for reasons b, d` names the section it lacks',
    inject(d, lines) {
      const r = d.classifiedBy?.reason;
      if (!r || r.section !== '1.4' || !datedFrom(d, 2005) || !/\breasons?:?\s*$/i.test(lines[r.range.start.line]!.slice(0, r.range.start.character))) return undefined;
      return replace(lines, r.range, 'b, d');
    },
    judge(fs, m) {
      const hit = of(fs, 'classified-by-reason-invalid').find((f) => f.range.start.line === m.line);
      if (!hit) return `expected classified-by-reason-invalid on line ${m.line + 1}, got ${show(fs)}`;
      return /section\s+is/.test(hit.message) || !/expected 1\.4 \(b\) and \(d\)/.test(hit.message) ? `message: ${hit.message}` : undefined;
    },
  },
  {
    name: 'classified-by-missing: an E.O. 12065 cable is told its own era\'s form',
    inject(d, lines) {
      const cb = d.classifiedBy;
      const dtg = d.header.dtgLine?.dtg;
      if (!cb || !classified(d) || !d.eo || !dtg?.year || d.eo.range.start.line !== d.eo.range.end.line) return undefined;
      if (cb.range.start.line <= d.eo.range.end.line || [d.tags?.range, d.subject?.range, ...d.paragraphs.map((p) => p.range)].some((r) => r && r.start.line <= cb.range.end.line && r.end.line >= cb.range.start.line)) return undefined;
      const out = [...lines];
      out.splice(cb.range.start.line, cb.range.end.line - cb.range.start.line + 1);
      out[d.eo.range.start.line] = 'E.O. 12065: GDS 12/31/86';
      const y = out[dtg.year.range.start.line]!;
      out[dtg.year.range.start.line] = y.slice(0, dtg.year.range.start.character) + '80' + y.slice(dtg.year.range.end.character);
      return { text: out.join('\n'), line: d.eo.range.start.line };
    },
    judge(fs, m) {
      const miss = onLine(fs, 'classified-by-missing', m.line, /under E\.O\. 12065 .*\(SURNAME, GIVEN NAME\)/);
      if (miss) return miss;
      return of(fs, 'classified-by-missing').some((f) => /1\.[45]|Classified By:/.test(f.message)) ? 'given the 1995 form' : undefined;
    },
  },
  {
    name: 'subject-missing: the example is neutral, not a seed cable\'s subject',
    inject(d, lines) {
      const s = d.subject;
      if (!s || !d.banner || s.range.start.line !== s.range.end.line) return undefined;
      const out = [...lines];
      out.splice(s.range.start.line, 1);
      return { text: out.join('\n'), line: d.banner.classification.range.start.line };
    },
    judge(fs, m) {
      const miss = onLine(fs, 'subject-missing', m.line);
      if (miss) return miss;
      return of(fs, 'subject-missing').some((f) => /BELGIAN|SUMMIT/.test(f.message)) ? 'names the seed cable\'s subject' : undefined;
    },
  },
  {
    name: 'tags-unknown: a mission written freestyle (USEU) is not "corrected"',
    inject(d, lines) {
      const tag = d.tags?.tags.find((x) => x.kind === 'subject' && x.text === x.code && /^[A-Z]{4}$/.test(x.code));
      return tag && replace(lines, tag.range, 'USEU');
    },
    judge(fs, m) {
      const miss = onLine(fs, 'tags-unknown', m.line, /post or mission/);
      if (miss) return miss;
      return of(fs, 'tags-unknown').some((f) => /USEU.*did you mean/.test(f.message) || f.fix?.edits.some((e) => e.newText === 'USEM')) ? 'corrected to a code' : undefined;
    },
  },
  {
    name: 'code actions: the same quick fix on many lines is offered once for the file, and as source.fixAll.cable',
    inject(d, lines) {
      const ps = d.paragraphs.filter((p) => p.marking?.text === '(C)' && p.marking.range.start.line === p.marking.range.end.line);
      if (ps.length < 3) return undefined;
      const out = [...lines];
      // Right to left on each line, so earlier ranges stay right.
      for (const p of [...ps].reverse()) {
        const r = p.marking!.range;
        const l = out[r.start.line]!;
        out[r.start.line] = l.slice(0, r.start.character) + '(C NF)' + l.slice(r.end.character);
      }
      return { text: out.join('\n'), line: ps[0]!.marking!.range.start.line };
    },
    judge(fs, m, doc) {
      const malformed = of(fs, 'portion-marking-malformed').filter((f) => f.fix);
      if (malformed.length < 3) return `expected the markings reported with fixes, got ${show(malformed)}`;
      const uri = 'file:///archive/mutant.cable';
      const diagnostics = computeDiagnostics(doc, settings, dict, uri);
      const here = diagnostics.find((x) => x.code === 'portion-marking-malformed' && x.range.start.line === m.line)!;
      const actions = codeActions(doc, uri, here.range, [here], settings, dict);
      const all = actions.find((a) => /^Fix all \d+ 'portion-marking-malformed' problems in this file$/.test(a.title));
      if (!all) return `no "Fix all" quick fix: ${JSON.stringify(actions.map((a) => a.title))}`;
      if (all.edit!.changes![uri]!.length !== malformed.length) return `"Fix all" holds ${all.edit!.changes![uri]!.length} edits for ${malformed.length} markings`;
      const source = codeActions(doc, uri, here.range, [], settings, dict, [FIX_ALL_KIND]);
      const edits = source.find((a) => a.kind === FIX_ALL_KIND)?.edit?.changes?.[uri] ?? [];
      const fixes = new Set(malformed.map((f) => f.fix!.edits[0]!.newText));
      return edits.length === malformed.length && edits.every((e) => fixes.has(e.newText)) ? undefined : `source.fixAll.cable holds ${edits.length} edits (${[...new Set(edits.map((e) => e.newText))].join(', ')}) for ${malformed.length} markings (${[...fixes].join(', ')})`;
    },
  },
];

test('mutation cases: each case is answered as a reader would', (t) => {
  if (!existsSync(CORPUS)) {
    t.skip(`corpus not found at ${CORPUS}`);
    return;
  }
  const files = readdirSync(CORPUS).filter((f) => f.endsWith('.cable')).sort();
  const order = files.map((_, i) => files[(i * 37) % files.length]!);
  const parsed = new Map<string, { lines: string[]; doc: CableDocument }>();
  const load = (f: string) => {
    let p = parsed.get(f);
    if (!p) {
      const text = readFileSync(join(CORPUS, f), 'utf8');
      p = { lines: text.split('\n'), doc: parseCable(text) };
      parsed.set(f, p);
    }
    return p;
  };
  const failures: string[] = [];
  for (const c of CASES) {
    let tried = 0;
    for (const f of order) {
      if (tried >= PER_CASE) break;
      const { lines, doc } = load(f);
      const m = c.inject(doc, lines, f);
      if (!m) continue;
      tried++;
      const mutated = parseCable(m.text);
      const why = c.judge(computeFindings(mutated, settings, dict, { uri: m.uri }), m, mutated);
      if (why) failures.push(`${c.name}, in ${f}: ${why}`);
    }
    if (tried === 0) failures.push(`${c.name}: no corpus cable to inject into`);
    else t.diagnostic(`${c.name}: ${tried} mutant(s)`);
  }
  assert.deepEqual(failures, []);
});
