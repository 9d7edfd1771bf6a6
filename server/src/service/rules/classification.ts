/**
 * Classification rules (cable-format.md section 3): the banner, the FL4 security line, portion
 * markings against the banner, the Classified By line and its reason, and conflicting captions.
 */
import type { Banner, Caption, ClassifiedBy, Level, Paragraph, PortionMarking, Range, SubParagraph, Token } from '../model.ts';
import {
  EO12958_EFFECTIVE,
  EO13292_SIGNED,
  EO13526_EFFECTIVE,
  GRACE_MS,
  anchorRange,
  hasText,
  isClassified,
  knownOnOrAfter,
  levelName,
  levelRank,
  onOrAfter,
  portionMarkFor,
  type Finding,
  type Rule,
  type RuleContext,
} from './common.ts';
import { upperCased } from '../text.ts';
import { ownParagraphs } from './structure.ts';
import { bannerDamage, bannerDamageText } from '../classification.ts';
import { Char, asciiLower, isNonAscii, isUpper } from '../parse/chars.ts';
import { EXECUTIVE_ORDERS, eoLineExample } from './declassification.ts';

/** The FL4 letters and signal a banner level calls for (ACP 127 §124.b, §203.a). */
function securityLineFor(level: Level): { signal: 'ZNR' | 'ZNY'; letter: string } {
  switch (level) {
    case 'C':
      return { signal: 'ZNY', letter: 'C' };
    case 'S':
      return { signal: 'ZNY', letter: 'S' };
    case 'TS':
      return { signal: 'ZNY', letter: 'T' };
    default:
      return { signal: 'ZNR', letter: 'U' };
  }
}

/** Where a marking stands, in words: built only for the few markings reported, not for every one checked. */
function whereOf(paragraph: Paragraph | undefined, sub: SubParagraph | undefined): string {
  if (!paragraph) return 'the subject';
  return sub ? `sub-paragraph ${paragraph.number.value}.${sub.label}` : `paragraph ${paragraph.number.value}`;
}

/** Whether the cable follows the "C - ENTIRE TEXT" convention, which replaces per-paragraph marks. */
function entireText(ctx: RuleContext): boolean {
  for (const p of ctx.doc.paragraphs) if (p.marking?.entireText) return true;
  return !!ctx.doc.subject?.marking?.entireText;
}

/** Where a portion marking goes after a paragraph number (`1. ` → after the space). */
function markingInsertion(ctx: RuleContext, numberRange: Range, mark: string): { range: Range; newText: string } {
  const line = numberRange.end.line;
  const text = ctx.doc.lines[line] ?? '';
  let i = numberRange.end.character;
  if (text[i] === '.' || text[i] === ')') i++;
  const afterPunct = i;
  while (text[i] === ' ' || text[i] === '\t') i++;
  const pos = { line, character: i };
  // `1.Text` gets a space on both sides; `1. Text` keeps its own space before the mark.
  const newText = i === afterPunct ? ` (${mark}) ` : `(${mark}) `;
  return { range: { start: pos, end: pos }, newText };
}

const MALFORMED_REASONS: Record<string, string> = {
  'missing-open-paren': 'it lacks its opening parenthesis',
  'missing-close-paren': 'it lacks its closing parenthesis',
  doubled: 'its level letter is doubled',
  unknown: 'it is not a known level or control',
  'missing-separator': 'its level and control run together',
};

type Report = (f: Finding) => void;

const SPACED: Partial<Record<Level, string>> = { C: 'C O N F I D E N T I A L', S: 'S E C R E T', TS: 'T O P S E C R E T' };

/** A banner for this cable, for messages: its level (when the security line gives it), post and serial. */
function bannerExample(ctx: RuleContext, level: Level | undefined): string {
  const { origin, serial } = ctx.doc.identity;
  const post = origin ?? 'POST';
  const number = String(serial ?? 1).padStart(6, '0');
  if (level === undefined) return `UNCLAS ${post} ${number} or C O N F I D E N T I A L ${post} ${number}`;
  return `${SPACED[level] ?? 'UNCLAS'} ${post} ${number}`;
}

function reportAboveBanner(marking: PortionMarking, rank: number, banner: Banner, paragraph: Paragraph | undefined, sub: SubParagraph | undefined, report: Report): void {
  if (marking.level === undefined || levelRank(marking.level) <= rank) return;
  report({
    range: marking.range,
    message: `Portion marking '${marking.text}' on ${whereOf(paragraph, sub)} is ${levelName(marking.level)}, above the ${levelName(banner.level)} banner; expected a marking at or below the banner, or a ${levelName(marking.level)} banner`,
    related: [{ range: banner.classification.range, message: `the banner: ${levelName(banner.level)}` }],
  });
}

function reportMalformed(marking: PortionMarking, paragraph: Paragraph | undefined, sub: SubParagraph | undefined, report: Report): void {
  const malformed = marking.malformed!;
  const why = MALFORMED_REASONS[malformed] ?? malformed.replace(/-/g, ' ');
  const f: Finding = {
    range: marking.range,
    message: `Portion marking '${marking.text}' on ${whereOf(paragraph, sub)} is malformed: ${why}; expected (U), (SBU), (C), (S) or (TS), optionally with controls such as (S//NF)`,
  };
  if (marking.level !== undefined) {
    const right = `(${[portionMarkFor(marking.level), ...marking.caveats].join('//')})`;
    if (right !== marking.text) f.fix = { title: `Change to ${right}`, edits: [{ range: marking.range, newText: right }], preferred: true };
  }
  report(f);
}

function reportDamage(b: Banner, report: Report): void {
  const damage = bannerDamage(b.classification.text, b.level);
  report({
    range: b.classification.range,
    message: `Banner '${b.classification.text}' ${bannerDamageText(damage)} (conversion damage); expected ${levelName(b.level)}${damage === 'doubled' ? ' written once' : ''}`,
  });
}

export const classificationRules: Rule[] = [
  {
    code: 'classification-missing',
    severity: 'error',
    family: 'classification',
    description: 'No classification banner (`UNCLAS …`, `C O N F I D E N T I A L …`, `S E C R E T …`) at the start of the text (a warning when the FL4 security line still states the level).',
    check(ctx, report) {
      if (ctx.doc.banner || !hasText(ctx)) return;
      const sec = ctx.doc.header.security;
      const example = `e.g. ${bannerExample(ctx, sec?.level !== undefined && sec.level !== 'R' ? sec.level : undefined)}`;
      if (sec?.level !== undefined && sec.level !== 'R') {
        // The security line still states the classification (published copies whose banner was cut
        // with a redacted block): the text lacks its banner, but the cable is not unmarked.
        report({
          range: anchorRange(ctx),
          message: `The cable has no classification banner (its security line says ${levelName(sec.level)}); expected its first text line to be one, ${example}`,
          related: [{ range: sec.letters.range, message: `the security line: ${levelName(sec.level)}` }],
          severity: 'warning',
        });
        return;
      }
      report({ range: anchorRange(ctx), message: `The cable has no classification banner; expected its first text line to be one, ${example}` });
    },
  },
  {
    code: 'classification-security-line-mismatch',
    severity: 'error',
    family: 'classification',
    description: 'The FL4 security line (`ZNR UUUUU`, `ZNY CCCCC`, `ZNY SSSSS`, `ZNY TTTTT`) disagrees with the banner.',
    check(ctx, report) {
      const sec = ctx.doc.header.security;
      const banner = ctx.doc.banner;
      if (!sec || !banner) return;
      const want = securityLineFor(banner.level);
      const letters = upperCased(sec.letters.text);
      const okLetters = sec.level !== undefined ? levelRank(sec.level) === levelRank(banner.level) && sec.level !== 'R' : letters === want.letter.repeat(5);
      const okSignal = upperCased(sec.signal.text) === want.signal;
      if (okLetters && okSignal) return;
      const expected = `${want.signal} ${want.letter.repeat(5)}`;
      const range: Range = { start: sec.signal.range.start, end: sec.letters.range.end };
      report({
        range,
        message: `Security line '${sec.signal.text} ${sec.letters.text}' does not match the ${levelName(banner.level)} banner; expected ${expected}`,
        related: [{ range: banner.classification.range, message: `the banner: ${levelName(banner.level)}` }],
        fix: { title: `Set the security line to ${expected}`, edits: [{ range, newText: expected }], preferred: true },
      });
    },
  },
  {
    code: 'classification-banner-damaged',
    severity: 'information',
    family: 'classification',
    description: 'A banner damaged in conversion: its first letter doubled, lost, or after a stray letter (`SS E C R E T`, `O N F I D E N T I A L`).',
    check(ctx, report) {
      const first = ctx.doc.banner;
      if (!first) return;
      if (first.damaged) reportDamage(first, report);
      for (const b of ctx.doc.repeatedBanners) if (b.damaged) reportDamage(b, report);
    },
  },
  {
    code: 'classification-banner-inconsistent',
    severity: 'warning',
    family: 'classification',
    description: 'A banner repeated later in the text (section breaks, the closing banner) names another level than the first.',
    check(ctx, report) {
      const first = ctx.doc.banner;
      if (!first) return;
      for (const b of ctx.doc.repeatedBanners) {
        if (levelRank(b.level) === levelRank(first.level)) continue;
        report({
          range: b.classification.range,
          message: `Banner '${b.classification.text}' (${levelName(b.level)}) differs from the cable's first banner (${levelName(first.level)}); expected the same classification throughout`,
          related: [{ range: first.classification.range, message: 'the first banner' }],
        });
      }
    },
  },
  {
    code: 'portion-marking-missing',
    severity: 'warning',
    family: 'classification',
    costly: true,
    description: 'A numbered paragraph (or, from E.O. 13526, the subject) with no portion marking in a classified cable.',
    check(ctx, report) {
      const banner = ctx.doc.banner;
      if (!banner || !isClassified(banner.level) || entireText(ctx)) return;
      const paras = ownParagraphs(ctx);
      // Before E.O. 12958 State cables were often unmarked throughout; then only a cable that marks some
      // paragraphs is held to marking them all.
      const eraRequires = onOrAfter(ctx, EO12958_EFFECTIVE);
      const someMarked = paras.some((p) => p.marking);
      const mark = portionMarkFor(banner.level);
      if ((eraRequires || someMarked) && paras.length > 1) {
        for (const p of paras) {
          if (p.marking) continue;
          const edit = markingInsertion(ctx, p.number.range, mark);
          report({
            range: p.number.range,
            message: `Paragraph ${p.number.value} has no portion marking; in a ${levelName(banner.level)} cable every paragraph is marked, e.g. (${mark}) or (U)`,
            related: [{ range: banner.classification.range, message: `the banner: ${levelName(banner.level)}` }],
            fix: { title: `Mark paragraph ${p.number.value} (${mark})`, edits: [edit] },
          });
        }
      }
      const subj = ctx.doc.subject;
      // Only for cables known to be that recent: older ones (and undated extracts) left subjects unmarked.
      if (subj && !subj.marking && knownOnOrAfter(ctx, EO13526_EFFECTIVE) && subj.text.trim() !== '') {
        const pos = subj.textRange.start;
        report({
          range: subj.keyword.range,
          message: `The subject has no portion marking; from E.O. 13526 a classified cable marks its subject, e.g. SUBJECT: (${mark}) …`,
          related: [{ range: banner.classification.range, message: `the banner: ${levelName(banner.level)}` }],
          fix: { title: `Mark the subject (${mark})`, edits: [{ range: { start: pos, end: pos }, newText: `(${mark}) ` }] },
        });
      }
    },
  },
  {
    code: 'portion-marking-exceeds-banner',
    severity: 'error',
    family: 'classification',
    description: 'A portion marked above the banner (`(S)` in a CONFIDENTIAL cable).',
    check(ctx, report) {
      const banner = ctx.doc.banner;
      if (!banner) return;
      const rank = levelRank(banner.level);
      // Every portion marking, subject first, walked in place rather than gathered into a list.
      const { subject, paragraphs } = ctx.doc;
      if (subject?.marking) reportAboveBanner(subject.marking, rank, banner, undefined, undefined, report);
      for (const p of paragraphs) {
        if (p.marking) reportAboveBanner(p.marking, rank, banner, p, undefined, report);
        for (const sp of p.subParagraphs) if (sp.marking) reportAboveBanner(sp.marking, rank, banner, p, sp, report);
      }
    },
  },
  {
    code: 'portion-marking-malformed',
    severity: 'warning',
    family: 'classification',
    description: 'A portion marking that is not `(U)`, `(SBU)`, `(C)`, `(S)`, `(TS)` with optional `//NF`-style controls: `1. C)`, `(CC)`, unknown letters.',
    check(ctx, report) {
      const { subject, paragraphs } = ctx.doc;
      if (subject?.marking?.malformed !== undefined) reportMalformed(subject.marking, undefined, undefined, report);
      for (const p of paragraphs) {
        if (p.marking?.malformed !== undefined) reportMalformed(p.marking, p, undefined, report);
        for (const sp of p.subParagraphs) if (sp.marking?.malformed !== undefined) reportMalformed(sp.marking, p, sp, report);
      }
    },
  },
  {
    code: 'classified-by-missing',
    severity: 'error',
    family: 'classification',
    description: 'A classified cable with no `Classified By:` line naming the classifier and the reason, from E.O. 12958 (Oct 1995); under E.O. 12065 (1978–82) no classifier in parentheses on the E.O. line (a warning). Telegrams under E.O. 11652 and E.O. 12356 named no classifier.',
    check(ctx, report) {
      const banner = ctx.doc.banner;
      if (!banner || !isClassified(banner.level)) return;
      const order = eraOrder(ctx);
      const cb = ctx.doc.classifiedBy;
      if (!cb) {
        if (order >= 12958) {
          report({
            range: banner.classification.range,
            message: `The ${levelName(banner.level)} cable has no Classified By line; expected one before the first paragraph, e.g. Classified By: Ambassador Jane Doe, reasons ${reasonExample(ctx)}`,
          });
        } else if (order === 12065 && !ctx.doc.eo?.instruction?.text.includes('(')) {
          // Under E.O. 12065 the classifier stood in the E.O. line itself: `GDS 8/12/85 (TOMSETH, VICTOR L.)`.
          report({
            range: ctx.doc.eo?.range ?? banner.classification.range,
            message: `The ${levelName(banner.level)} cable names no classifier; under E.O. 12065 the classifier's name stood in parentheses on the E.O. line, e.g. ${eoLineExample(ctx)}`,
            severity: 'warning',
          });
        }
        // Telegrams under E.O. 11652 and E.O. 12356 named no classifier: the E.O. line's schedule or OADR
        // was all they carried (declassification-missing checks it).
        return;
      }
      // Derivative classification ("Derived from: Multiple Sources") carries its sources' reasons; a
      // reason written but not readable is classified-by-reason-invalid's; before E.O. 12958 no reason
      // was cited.
      if (cb.reason || order < 12958 || writtenReason(ctx, cb) || /\bderived\b/i.test(`${cb.keyword.text} ${cb.authority?.text ?? ''}`)) return;
      report({
        range: cb.keyword.range,
        message: `The Classified By line gives no reason; expected the section and categories of the order, e.g. reasons ${reasonExample(ctx)}`,
        // The line is there, so a reader knows who classified it: real cables often word the reason
        // loosely, and that is worth a warning, not an error.
        severity: 'warning',
      });
    },
  },
  {
    code: 'classified-by-reason-invalid',
    severity: 'warning',
    family: 'classification',
    description: 'A classification reason outside the section and letters of the order in force: 1.5 (a)–(g) under E.O. 12958 (1995–2003), 1.4 (a)–(h) after E.O. 13292 and under E.O. 13526; or one written but unreadable (`Reasons 1:4 b,d`), or with letters but no section (`for reasons b, d`).',
    check(ctx, report) {
      const cb = ctx.doc.classifiedBy;
      if (!cb || eraOrder(ctx) < 12958) return;
      const reason = cb.reason;
      if (!reason) {
        const written = writtenReason(ctx, cb);
        if (written) report({ range: written.range, message: `Reason '${written.text}' cannot be read; expected the section and categories of the order, e.g. ${reasonExample(ctx)}` });
        return;
      }
      const allowed = allowedReasons(ctx);
      if (reason.section === '') {
        report({
          range: reason.range,
          message: `Reason '${reason.text}' gives categories but no section of the order; expected ${reasonExample(ctx, reason.letters)}`,
        });
        return;
      }
      // The latest letter of the reason's section under the orders allowed, 0 when none has the section.
      let max = 0;
      for (const a of allowed) if (a.section === reason.section) max = Math.max(max, a.last.charCodeAt(0));
      if (max === 0) {
        const want = allowed.map((a) => a.section).join(' or ');
        report({
          range: reason.range,
          message: `Reason section ${reason.section} is not the order's; ${allowed.length > 1 ? 'expected' : 'expected section'} ${want} (${allowed.map(describe).join('; ')})`,
        });
        return;
      }
      if (reason.letters.length === 0) {
        report({ range: reason.range, message: `Reason ${reason.section} names no category; expected one or more letters, e.g. ${reason.section} (b) and (d)` });
        return;
      }
      if (!anyBadLetter(reason.letters, max)) return;
      const bad = reason.letters.filter((l) => badLetter(l, max));
      report({
        range: reason.range,
        message: `Reason ${reason.section} (${bad.join(', ')}): no such category; expected letters (a)–(${String.fromCharCode(max)})`,
      });
    },
  },
  {
    code: 'caption-conflict',
    severity: 'warning',
    family: 'classification',
    description: '`SIPDIS` together with `NODIS` or `EXDIS` (a SIPDIS cable may not carry other restrictive captions, 05 STATE 226504).',
    check(ctx, report) {
      const caps = ctx.doc.captions;
      let sipdis: Caption | undefined;
      for (const c of caps) {
        if (!c.inline && c.name === 'SIPDIS') {
          sipdis = c;
          break;
        }
      }
      if (!sipdis) return;
      for (const c of caps) {
        if (c.inline || (c.name !== 'NODIS' && c.name !== 'EXDIS')) continue;
        report({
          range: c.token.range,
          message: `Caption ${c.name} together with SIPDIS: a SIPDIS cable may not carry NODIS or EXDIS; expected one of them`,
          related: [{ range: sipdis.token.range, message: 'the SIPDIS caption' }],
        });
      }
    },
  },
];

interface ReasonForm {
  section: string;
  last: string;
  order: string;
}

function describe(r: ReasonForm): string {
  return `${r.order}: ${r.section} (a)–(${r.last})`;
}

const OLD_REASONS: ReasonForm = { section: '1.5', last: 'g', order: 'E.O. 12958' };
const AMENDED_REASONS: ReasonForm = { section: '1.4', last: 'h', order: 'E.O. 12958 as amended by E.O. 13292, and E.O. 13526' };
const EITHER_REASONS: readonly ReasonForm[] = [AMENDED_REASONS, OLD_REASONS];
const ONLY_OLD_REASONS: readonly ReasonForm[] = [OLD_REASONS];
const ONLY_AMENDED_REASONS: readonly ReasonForm[] = [AMENDED_REASONS];

/** A reason of the cable's era for messages: `1.4 (b) and (d)`, or `1.5 …` before E.O. 13292. */
function reasonExample(ctx: RuleContext, letters: readonly string[] = ['b', 'd']): string {
  return `${allowedReasons(ctx)[0]!.section} ${letters.map((l) => `(${l.toLowerCase()})`).join(' and ')}`;
}

/**
 * The classification order the cable falls under: the one in force on its date, else the one its E.O.
 * line names, else today's (a cable being written).
 */
function eraOrder(ctx: RuleContext): number {
  const at = ctx.dateMs ?? (ctx.year !== undefined ? Date.UTC(ctx.year, 6, 1) : undefined);
  const named = ctx.doc.eo?.order?.value;
  for (const e of EXECUTIVE_ORDERS) {
    if (e.order === 13292) continue;
    if (at !== undefined ? at >= e.from && at < e.to : e.order === named) return e.order;
  }
  // Older than every order listed: the earliest stands for all that came before.
  return at !== undefined && at < EXECUTIVE_ORDERS[0]!.from ? EXECUTIVE_ORDERS[0]!.order : 13526;
}

/**
 * A reason the Classified By line writes but the reader could not read (`Reasons 1:4 b,d`, `reasons 14
 * (b)`): from the word REASON to the end of its line within the block.
 */
function writtenReason(ctx: RuleContext, cb: ClassifiedBy): Token | undefined {
  const { start, end } = cb.range;
  for (let l = start.line; l <= end.line; l++) {
    const line = ctx.doc.lines[l] ?? '';
    const from = l === cb.keyword.range.end.line ? cb.keyword.range.end.character : l === start.line ? start.character : 0;
    const to = l === end.line ? end.character : line.length;
    const m = /\breasons?\b/i.exec(line.slice(from, to));
    if (!m) continue;
    const at = from + m.index;
    const text = line.slice(at, to).trimEnd();
    return { text, range: { start: { line: l, character: at }, end: { line: l, character: at + text.length } } };
  }
  return undefined;
}

/** The reason forms in force on the cable's date, both during the 2003 switch-over. */
function allowedReasons(ctx: RuleContext): readonly ReasonForm[] {
  // Undated (a partial extract without its DTG): either numbering may be right.
  if (ctx.dateMs === undefined && ctx.year === undefined) return EITHER_REASONS;
  if (!onOrAfter(ctx, EO13292_SIGNED)) return ONLY_OLD_REASONS;
  if (!onOrAfter(ctx, EO13292_SIGNED + 2 * GRACE_MS)) return EITHER_REASONS;
  return ONLY_AMENDED_REASONS;
}

/** A reason letter past the section's last (`max`, a char code) or before `a`. */
function badLetter(l: string, max: number): boolean {
  let c = l.charCodeAt(0);
  // Lower-cased by hand for ASCII, the usual case; other letters as toLowerCase has them.
  if (isUpper(c)) c = asciiLower(c);
  else if (isNonAscii(c)) c = l.toLowerCase().charCodeAt(0);
  return c > max || c < Char.a;
}

function anyBadLetter(letters: string[], max: number): boolean {
  for (const l of letters) if (badLetter(l, max)) return true;
  return false;
}
