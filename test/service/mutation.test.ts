/**
 * Mutation check on real cables (../shared/corpus, read at run time): take cables on which a rule is
 * silent, inject one defect of that rule's kind through the document model's ranges, and require the
 * rule to report it, with its code, on the line of the defect. Every rule in the catalogue has a
 * mutation here.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { failParsesAtLine, parseCable } from '../../server/src/service/parse.ts';
import { computeFindings } from '../../server/src/service/diagnostics.ts';
import { Dictionary } from '../../server/src/service/dictionary.ts';
import { resolveSettings } from '../../server/src/service/settings.ts';
import { RULES } from '../../server/src/service/rules/index.ts';
import type { CableDocument, Range } from '../../server/src/service/model.ts';

const CORPUS = join(__dirname, '..', '..', '..', 'shared', 'corpus');
const PER_RULE = 4;
const dict = Dictionary.default();
const settings = resolveSettings(undefined);

interface Mutation {
  /** The mutated text and the 0-based line the finding must start on (undefined: where the model says). */
  text: string;
  line?: number;
  /** For deletions: the line is found in the mutated model. */
  lineIn?: (doc: CableDocument) => number | undefined;
  /** The parse of the text fails at this line, as a parser bug would (the failParsesAtLine test hook). */
  failAtLine?: number;
}

type Injector = (doc: CableDocument, lines: string[]) => Mutation | undefined;

function replace(lines: string[], r: Range, text: string): Mutation | undefined {
  if (r.start.line !== r.end.line) return undefined;
  const out = [...lines];
  const l = out[r.start.line]!;
  out[r.start.line] = l.slice(0, r.start.character) + text + l.slice(r.end.character);
  return { text: out.join('\n'), line: r.start.line };
}

function deleteLines(lines: string[], from: number, to: number, lineIn: Mutation['lineIn']): Mutation {
  const out = [...lines];
  out.splice(from, to - from + 1);
  return { text: out.join('\n'), lineIn };
}

function insertLine(lines: string[], at: number, text: string): Mutation {
  const out = [...lines];
  out.splice(at, 0, text);
  return { text: out.join('\n'), line: at };
}

const bannerLine = (d: CableDocument) => d.banner?.range.start.line;
const isClassified = (d: CableDocument) => d.banner !== undefined && ['C', 'S', 'TS'].includes(d.banner.level);
const dated = (d: CableDocument, from: number) => d.dtg?.epochMs !== undefined && d.dtg.epochMs >= Date.UTC(from, 0, 1);
/** Lines of an element that shares no line with another heading element. */
function ownLines(d: CableDocument, r: Range, others: (Range | undefined)[]): boolean {
  return !others.some((o) => o && o !== r && o.start.line <= r.end.line && o.end.line >= r.start.line);
}

const INJECT: Record<string, Injector> = {
  'dtg-malformed': (d, l) => {
    const z = d.header.dtgLine?.dtg?.zone;
    return z && replace(l, z.range, '');
  },
  'dtg-invalid-date': (d, l) => {
    const day = d.header.dtgLine?.dtg?.day;
    return day && d.header.dtgLine?.dtg?.epochMs !== undefined ? replace(l, day.range, '32') : undefined;
  },
  'dtg-zone': (d, l) => {
    const z = d.header.dtgLine?.dtg?.zone;
    return z?.value === 'Z' ? replace(l, z.range, 'A') : undefined;
  },
  'dtg-filing-time-mismatch': (d, l) => {
    const ft = d.header.de?.filingTime;
    if (!ft?.julianDay || ft.julianDay < 5 || !/^\d{7}$/.test(ft.text) || d.header.dtgLine?.dtg?.epochMs === undefined) return undefined;
    return replace(l, ft.range, String(ft.julianDay - 3).padStart(3, '0') + ft.text.slice(3));
  },
  'dtg-filing-time-invalid': (d, l) => {
    const ft = d.header.de?.filingTime;
    return ft && /^\d{7}$/.test(ft.text) ? replace(l, ft.range, '000' + ft.text.slice(3)) : undefined;
  },
  'dtg-missing': (d, l) => {
    const line = d.header.dtgLine;
    if (!line || !d.header.de) return undefined;
    return deleteLines(l, line.range.start.line, line.range.start.line, (m) => m.header.de?.range.start.line);
  },
  'precedence-mismatch': (d, l) => {
    const p = d.header.routing?.precedence;
    if (!p || !d.header.dtgLine) return undefined;
    return replace(l, p.range, p.value === 'R' ? 'OO' : 'RR');
  },
  'serial-mismatch': (d, l) => {
    const s = d.header.de?.serial;
    if (!s || !d.banner?.serial || !/^#?\d{4}$/.test(s.text)) return undefined;
    const digits = s.text.replace('#', '');
    const other = String((Number(digits) + 5) % 10000).padStart(4, '0');
    return replace(l, s.range, s.text.startsWith('#') ? `#${other}` : other);
  },
  'classification-missing': (d, l) => {
    const b = d.banner;
    // A cable that repeats its banner further down still has one after the first is cut.
    if (!b || d.repeatedBanners.length) return undefined;
    return deleteLines(l, b.range.start.line, b.range.end.line, (m) => (m.bodyStartLine < m.lineCount ? m.bodyStartLine : 0));
  },
  'classification-security-line-mismatch': (d, l) => {
    const s = d.header.security;
    if (!s || !d.banner) return undefined;
    return replace(l, s.letters.range, s.letters.text.startsWith('S') ? 'CCCCC' : 'SSSSS');
  },
  'classification-banner-damaged': (d, l) => {
    const b = d.banner;
    if (!b || b.damaged) return undefined;
    const c = b.classification;
    return replace(l, { start: c.range.start, end: c.range.start }, c.text[0]!);
  },
  'classification-banner-inconsistent': (d, l) => {
    if (!d.banner || d.banner.level !== 'C') return undefined;
    return insertLine(l, d.lineCount - 1, 'S E C R E T');
  },
  'portion-marking-missing': (d, l) => {
    if (!isClassified(d) || !dated(d, 2000) || d.paragraphs.length < 3 || d.paragraphs.some((p) => !p.marking || p.marking.entireText)) return undefined;
    const m = d.paragraphs[1]!.marking!;
    const line = l[m.range.start.line]!;
    const end = line[m.range.end.character] === ' ' ? m.range.end.character + 1 : m.range.end.character;
    return replace(l, { start: m.range.start, end: { line: m.range.end.line, character: end } }, '');
  },
  'portion-marking-exceeds-banner': (d, l) => {
    if (d.banner?.level !== 'C') return undefined;
    const p = d.paragraphs.find((x) => x.marking?.level === 'C' && x.marking.text === '(C)');
    return p && replace(l, p.marking!.range, '(S)');
  },
  'portion-marking-malformed': (d, l) => {
    const p = d.paragraphs.find((x) => x.marking && /^\([A-Z]+\)$/.test(x.marking.text) && !x.marking.malformed);
    if (!p) return undefined;
    const r = p.marking!.range;
    return replace(l, { start: r.start, end: { line: r.start.line, character: r.start.character + 1 } }, '');
  },
  'classified-by-missing': (d, l) => {
    const cb = d.classifiedBy;
    if (!cb || !isClassified(d) || !dated(d, 1996)) return undefined;
    if (!ownLines(d, cb.range, [d.subject?.range, d.eo?.range, d.tags?.range, ...d.paragraphs.map((p) => p.range), ...d.references.map((r) => r.range)])) return undefined;
    return deleteLines(l, cb.range.start.line, cb.range.end.line, bannerLine);
  },
  'classified-by-reason-invalid': (d, l) => {
    const r = d.classifiedBy?.reason;
    if (!r || r.section !== '1.4' || !dated(d, 2005) || r.range.start.line !== r.range.end.line) return undefined;
    const at = l[r.range.start.line]!.indexOf('1.4', r.range.start.character);
    if (at < 0) return undefined;
    // The old section number, which E.O. 13292 replaced in 2003.
    return replace(l, { start: { line: r.range.start.line, character: at }, end: { line: r.range.start.line, character: at + 3 } }, '1.5');
  },
  'caption-conflict': (d, l) => {
    const s = d.captions.find((c) => c.name === 'SIPDIS' && !c.inline);
    return s ? insertLine(l, s.range.start.line + 1, 'NODIS') : undefined;
  },
  'declassification-missing': (d, l) => {
    const eo = d.eo;
    if (!eo || !isClassified(d) || !dated(d, 1996) || !ownLines(d, eo.range, [d.tags?.range, d.subject?.range, ...d.distribution.map((x) => x.range)])) return undefined;
    return deleteLines(l, eo.range.start.line, eo.range.end.line, bannerLine);
  },
  'declassification-date-invalid': (d, l) => {
    const dd = d.eo?.declassifyOn;
    return dd && dd.year !== undefined && d.dtg?.epochMs !== undefined ? replace(l, dd.range, '01/01/1990') : undefined;
  },
  'declassification-date-too-far': (d, l) => {
    const dd = d.eo?.declassifyOn;
    return dd && dd.year !== undefined && d.dtg?.epochMs !== undefined ? replace(l, dd.range, '12/31/2099') : undefined;
  },
  'declassification-on-unclassified': (d, l) => {
    const eo = d.eo;
    if (!d.banner || isClassified(d) || eo?.kind !== 'na' || !eo.instruction) return undefined;
    return replace(l, eo.instruction.range, 'DECL: 12/31/2030');
  },
  'executive-order-era': (d, l) => {
    const o = d.eo?.order;
    return o && o.value === 12958 && dated(d, 2000) && d.eo?.kind !== 'nara' ? replace(l, o.range, '12356') : undefined;
  },
  'tags-missing': (d, l) => {
    const t = d.tags;
    if (!t || !ownLines(d, t.range, [d.eo?.range, d.subject?.range])) return undefined;
    return deleteLines(l, t.range.start.line, t.range.end.line, (m) => m.eo?.range.start.line ?? bannerLine(m));
  },
  'tags-keyword': (d, l) => {
    const t = d.tags;
    return t && !t.keywordMisspelled && t.keyword.text.toUpperCase().startsWith('TAGS') ? replace(l, t.keyword.range, t.keyword.text.replace(/TAGS/i, 'TGS')) : undefined;
  },
  'tags-unknown': (d, l) => {
    const tag = d.tags?.tags.find((x) => x.kind === 'subject' && x.text === x.code && /^[A-Z]{4}$/.test(x.code));
    return tag && replace(l, tag.range, 'QZQZ');
  },
  'subject-missing': (d, l) => {
    const s = d.subject;
    if (!s || !d.banner || !ownLines(d, s.range, [d.tags?.range, ...d.references.map((r) => r.range)])) return undefined;
    return deleteLines(l, s.range.start.line, s.range.end.line, bannerLine);
  },
  'paragraph-numbering': (d, l) => {
    if (d.paragraphs.length < 4 || d.header.partialExtract) return undefined;
    const p = d.paragraphs[2]!;
    return replace(l, p.number.range, String(p.number.value + 7));
  },
  // The text as it is, with a parser bug striking the first numbered paragraph.
  'parser-error': (d, l) => {
    const p = d.paragraphs[0];
    return p ? { text: l.join('\n'), line: p.number.range.start.line, failAtLine: p.number.range.start.line } : undefined;
  },
};

test('mutation: every rule has an injector', () => {
  assert.deepEqual(RULES.map((r) => r.code).filter((c) => !INJECT[c]), []);
});

test('mutation: each injected defect is reported with its code on its line', (t) => {
  if (!existsSync(CORPUS)) {
    t.skip(`corpus not found at ${CORPUS}`);
    return;
  }
  const files = readdirSync(CORPUS).filter((f) => f.endsWith('.cable')).sort();
  // Spread the picks over the corpus (sorted by year and post) rather than taking the first files.
  const order = files.map((_, i) => files[(i * 37) % files.length]!);
  const parsed = new Map<string, { text: string; doc: CableDocument; codes: Set<string> }>();
  const load = (f: string) => {
    let p = parsed.get(f);
    if (!p) {
      const text = readFileSync(join(CORPUS, f), 'utf8');
      const doc = parseCable(text);
      p = { text, doc, codes: new Set(computeFindings(doc, settings, dict).map((x) => x.rule.code)) };
      parsed.set(f, p);
    }
    return p;
  };

  const failures: string[] = [];
  for (const rule of RULES) {
    let tried = 0;
    for (const f of order) {
      if (tried >= PER_RULE) break;
      const { text, doc, codes } = load(f);
      if (codes.has(rule.code)) continue; // only cables where the rule is silent
      const m = INJECT[rule.code]!(doc, text.split('\n'));
      if (!m) continue;
      tried++;
      failParsesAtLine(m.failAtLine);
      let mutated: CableDocument;
      try {
        mutated = parseCable(m.text);
      } finally {
        failParsesAtLine(undefined);
      }
      const want = m.line ?? m.lineIn?.(mutated);
      const got = computeFindings(mutated, settings, dict).filter((x) => x.rule.code === rule.code);
      if (!got.some((x) => want === undefined || x.range.start.line === want)) {
        failures.push(`${rule.code} in ${f}: expected on line ${want === undefined ? '?' : want + 1}, got ${JSON.stringify(got.map((x) => [x.range.start.line + 1, x.message]))}`);
      }
    }
    if (tried === 0) failures.push(`${rule.code}: no corpus cable to inject into`);
    else t.diagnostic(`${rule.code}: ${tried} mutant(s)`);
  }
  assert.deepEqual(failures, []);
});
