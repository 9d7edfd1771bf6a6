/**
 * The words for a cable's codes, shared by hovers (markdown beside the text) and the preview (a decoded
 * page): dates in UTC, the delay between the DTG and the filing time, how long after the cable a DECL
 * date falls, the precedence a prosign stands for, the kind of a TAGS code and the years an executive
 * order was in force. Plain text only; each caller escapes or lays it out as it needs.
 */
import type { CableDocument, Caveat, Dtg, EoLine, FilingTime, Level, PortionMarking } from '../model.ts';
import type { Dictionary, GlossaryEntry, TagInfo } from '../dictionary.ts';
import { monthName } from '../dtg.ts';
import { levelName } from '../classification.ts';

export const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

const MS_PER_MINUTE = 60_000;
const MS_PER_YEAR = 365.2425 * 86_400_000;

/** `20 July 2009` for an instant, read in UTC. */
export function formatUtcDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCDate()} ${monthName(d.getUTCMonth() + 1)} ${d.getUTCFullYear()}`;
}

/** `20 July 2009, 15:47` for an instant, read in UTC (the caller says "UTC" where it needs to). */
export function formatUtc(ms: number): string {
  const d = new Date(ms);
  return `${formatUtcDate(ms)}, ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}`;
}

/** `12 min`, `3 h 5 min`, `4 days`: a length of time, whatever its sign. */
export function formatDuration(minutes: number): string {
  const m = Math.abs(Math.round(minutes));
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  if (h < 48) return m % 60 ? `${h} h ${m % 60} min` : `${h} h`;
  const days = Math.round(m / 1440);
  return `${days} days`;
}

/** Minutes from the DTG to the DE line's filing time (negative when filed before), when both are read. */
export function filingDelayMinutes(ft: FilingTime, dtg: Dtg | undefined): number | undefined {
  if (ft.epochMs === undefined || dtg?.epochMs === undefined) return undefined;
  return (ft.epochMs - dtg.epochMs) / MS_PER_MINUTE;
}

/** `Same minute as the DTG`, `4 min after the DTG`, `2 h before the DTG`. */
export function filingDelayWords(minutes: number): string {
  if (minutes === 0) return 'Same minute as the DTG';
  return `${formatDuration(minutes)} ${minutes > 0 ? 'after' : 'before'} the DTG`;
}

export type DeclassifyOn = NonNullable<EoLine['declassifyOn']>;

/** The instant a DECL date names (midnight UTC), when it names a real day. */
export function declassifyMs(decl: DeclassifyOn): number | undefined {
  if (decl.invalid || decl.year === undefined || decl.month === undefined || decl.day === undefined) return undefined;
  return Date.UTC(decl.year, decl.month - 1, decl.day);
}

/** `16 July 2019` for a DECL date that names a real day. */
export function declassifyDateWords(decl: DeclassifyOn): string | undefined {
  if (declassifyMs(decl) === undefined) return undefined;
  return `${decl.day} ${monthName(decl.month!)} ${decl.year}`;
}

/** Years from the cable's date to the DECL date (negative when before the cable), unrounded. */
export function declassifyYears(decl: DeclassifyOn, doc: CableDocument): number | undefined {
  const declMs = declassifyMs(decl);
  const cableMs = doc.dtg?.epochMs;
  if (declMs === undefined || cableMs === undefined) return undefined;
  return (declMs - cableMs) / MS_PER_YEAR;
}

/** The glossary key of a precedence as written: `RR` and `R` are ROUTINE; a word is its own key. */
export function precedenceKey(text: string): string {
  const t = text.trim().toUpperCase().replace(/\s+/g, ' ');
  return /^([ZOPRY])\1$/.test(t) ? t[0]! : t;
}

/** The glossary entry for a precedence as written (`RR`, `O`, `NIACT IMMEDIATE`). */
export function precedenceEntry(text: string, dict: Dictionary): GlossaryEntry | undefined {
  return dict.precedence(precedenceKey(text));
}

/** `Subject TAGS (Political Affairs)`, `Geographic TAGS: country (FIPS 10-4)`, … */
export function tagKindWords(info: TagInfo): string {
  switch (info.kind) {
    case 'subject':
      return `Subject TAGS${info.category ? ` (${info.category})` : ''}${info.status === 'historical' ? ', historical code' : ''}`;
    case 'program':
      return 'Program TAGS (K TAGS)';
    case 'organization':
      return 'Organization TAGS';
    case 'geographic':
      switch (info.geoKind) {
        case 'country':
          return 'Geographic TAGS: country (FIPS 10-4)';
        case 'historical':
          return 'Geographic TAGS: historical code';
        case 'region':
          return 'Geographic TAGS: world region';
        default:
          return 'Geographic TAGS: meaning not found in the sources';
      }
  }
}

/** Drops the data-maintenance clauses of a note (which 2022 list was checked) that tell a reader nothing. */
export function usefulNote(note: string | undefined): string | undefined {
  if (!note) return undefined;
  const kept = note
    .split('; ')
    .filter((c) => !c.startsWith('2022 presence not verified') && c !== 'not in cablemap list');
  return kept.length ? kept.join('; ') : undefined;
}

/** The years an executive order on classification was in force: `from` its effective year, `to` its successor's. */
export function orderYears(order: number, dict: Dictionary): { from: string; to: string } | undefined {
  const e = dict.executiveOrder(order);
  if (!e) return undefined;
  const year = (iso?: string): string => (iso ? iso.slice(0, 4) : '');
  const next = e.replacedBy ? dict.executiveOrder(e.replacedBy) : undefined;
  return { from: year(e.effective ?? e.signed), to: next ? year(next.effective ?? next.signed) : '' };
}

/** Which section of which order a classification reason cites (`1.4`, `1.5`), or that it cites none. */
export function reasonSectionWords(section: string): string {
  if (section === '1.4') return 'Section 1.4 of E.O. 12958 as amended by E.O. 13292 (2003), and of E.O. 13526';
  if (section === '1.5') return 'Section 1.5 of the original E.O. 12958 (1995–2003)';
  return `Section ${section}: not a classification-category section of E.O. 12958 or 13526`;
}

/** Glossary text without its markdown: code spans become plain words. */
export function plainWords(text: string): string {
  return text.replace(/`/g, '');
}

/** `Secret`, `Limited official use`: a title written in capitals, in sentence case (other text as it is). */
export function sentenceCase(text: string): string {
  if (text !== text.toUpperCase()) return text;
  return text.charAt(0) + text.slice(1).toLowerCase();
}

/** `Secret`, `Sensitive but unclassified`. */
export function levelWords(level: Level): string {
  return sentenceCase(levelName(level));
}

/** What a caveat means (`NOFORN` → `Not releasable to foreign nationals`), when the glossary says. */
export function caveatWords(caveat: Caveat, dict: Dictionary): string | undefined {
  const e = dict.marking(caveat === 'NOFORN' ? 'NF' : caveat.split(' ')[0]!);
  if (!e) return undefined;
  const rel = /^REL(?: TO)?\s+(\S.*)$/i.exec(caveat);
  if (rel) return `${sentenceCase(e.title)} ${rel[1]}`;
  // An entry titled by the caveat itself (NOFORN) explains it in its text; others (ORCON) in their title.
  if (e.title.toUpperCase() !== caveat.toUpperCase() || !e.text) return sentenceCase(e.title);
  const text = plainWords(e.text);
  const stop = text.indexOf('. ');
  return (stop > 0 ? text.slice(0, stop) : text).replace(/\.$/, '');
}

/** `Secret, not releasable to foreign nationals` for `(S//NF)`; what is wrong with a malformed one. */
export function markingWords(pm: PortionMarking, dict: Dictionary): string {
  const parts: string[] = [pm.level ? levelWords(pm.level) : 'Level not understood'];
  for (const c of pm.caveats) {
    const w = caveatWords(c, dict);
    parts.push(w ? w.charAt(0).toLowerCase() + w.slice(1) : c);
  }
  if (pm.entireText) parts.push('the whole text');
  let words = parts.join(', ');
  if (pm.malformed) words += ` (malformed: ${pm.malformed.replace(/-/g, ' ')})`;
  return words;
}
