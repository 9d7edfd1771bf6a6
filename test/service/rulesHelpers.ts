/**
 * Helpers for the rule tests: a clean synthetic cable (written for these tests; no real cable text)
 * that each test alters one line of, and assertions on where a rule's finding sits.
 */
import assert from 'node:assert/strict';
import { parseCable } from '../../server/src/service/parse.ts';
import { computeFindings, type RuleFinding } from '../../server/src/service/diagnostics.ts';
import { Dictionary } from '../../server/src/service/dictionary.ts';
import { resolveSettings } from '../../server/src/service/settings.ts';

/** A CONFIDENTIAL 2009 cable that follows every rule. Day 195 of 2009 is 14 July. */
export const CLEAN = `VZCZCXYZ0042
PP RUEHWEB

DE RUEHFR #0123/01 1951030
ZNY CCCCC ZZH
P 141030Z JUL 09
FM AMEMBASSY PARIS
TO RUEHC/SECSTATE WASHDC PRIORITY 4321
INFO RUEHBS/AMEMBASSY BRUSSELS 0555

C O N F I D E N T I A L SECTION 01 OF 02 PARIS 000123

SIPDIS

E.O. 12958: DECL: 07/14/2019
TAGS: PREL, PGOV, FR
SUBJECT: FRENCH VIEWS ON A SAMPLE TOPIC

REF: STATE 12345

Classified By: Political Counselor John Sample, reasons 1.4 (b) and (d).

1. (C) Summary: The first paragraph says what the cable is about. End summary.

2. (C) The second paragraph gives the detail of the meeting.

3. (U) The third paragraph is unclassified background.

SAMPLE
`;

/** An UNCLAS cable of the same shape. */
export const CLEAN_UNCLAS = `VZCZCXYZ0043
RR RUEHWEB

DE RUEHMD #0456 1951030
ZNR UUUUU ZZH
R 141030Z JUL 09
FM AMEMBASSY MADRID
TO RUEHC/SECSTATE WASHDC 4322

UNCLAS MADRID 000456

SIPDIS

E.O. 12958: N/A
TAGS: ECON, ETRD, SP
SUBJECT: SPANISH TRADE FIGURES FOR THE FIRST HALF

1. The first paragraph gives the figures.

2. The second paragraph compares them with last year.

SAMPLE
`;

/** Replaces the first line that equals (or starts with) `from` by `to` (which may hold several lines or none). */
export function edit(text: string, from: string, to: string): string {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l === from);
  const j = i >= 0 ? i : lines.findIndex((l) => l.startsWith(from));
  assert.ok(j >= 0, `no line ${JSON.stringify(from)} in the cable`);
  if (to === '') lines.splice(j, 1);
  else lines.splice(j, 1, ...to.split('\n'));
  return lines.join('\n');
}

export function lint(text: string, settings: unknown = undefined, dict: Dictionary = Dictionary.default()): RuleFinding[] {
  return computeFindings(parseCable(text), resolveSettings(settings), dict);
}

export function codes(text: string): string[] {
  return lint(text).map((f) => f.rule.code);
}

/** Line index (0-based) of the first line containing `needle`, and the column of `needle` in it. */
export function locate(text: string, needle: string, occurrence = 0): { line: number; character: number } {
  const lines = text.split('\n');
  let seen = 0;
  for (let i = 0; i < lines.length; i++) {
    let from = 0;
    for (;;) {
      const c = lines[i]!.indexOf(needle, from);
      if (c < 0) break;
      if (seen++ === occurrence) return { line: i, character: c };
      from = c + 1;
    }
  }
  assert.fail(`${JSON.stringify(needle)} not in the cable`);
}

/**
 * Asserts exactly one finding of `code` and that it starts on the line of `needle` (and, when
 * `exact`, covers exactly `needle`). Returns it for further checks.
 */
export function expectOne(text: string, code: string, needle: string, opts: { exact?: boolean; occurrence?: number; settings?: unknown; dict?: Dictionary } = {}): RuleFinding {
  const all = lint(text, opts.settings, opts.dict);
  const found = all.filter((f) => f.rule.code === code);
  assert.equal(found.length, 1, `expected one ${code}, got ${found.length}: ${JSON.stringify(all.map((f) => [f.rule.code, f.message]))}`);
  const f = found[0]!;
  const at = locate(text, needle, opts.occurrence);
  assert.equal(f.range.start.line, at.line, `${code} on line ${f.range.start.line}, expected ${at.line} (${needle})`);
  if (opts.exact) {
    assert.deepEqual(f.range, { start: at, end: { line: at.line, character: at.character + needle.length } }, `${code} range`);
  }
  return f;
}

export function expectNone(text: string, code: string, settings?: unknown, dict?: Dictionary): void {
  const found = lint(text, settings, dict).filter((f) => f.rule.code === code);
  assert.deepEqual(found.map((f) => f.message), [], `expected no ${code}`);
}

/** Applies a finding's fix to the text (edits in reverse order). */
export function applyFix(text: string, f: RuleFinding): string {
  assert.ok(f.fix, `${f.rule.code} has no fix`);
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  const edits = [...f.fix.edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of edits) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}
