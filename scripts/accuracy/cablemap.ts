/**
 * `npm run accuracy -- --cablemap`: agreement of `cable parse` with cablemap's judged test cases. Each
 * case's fragment is set into a synthetic cable (cablemap-wrap.ts) and the field it tests is compared
 * under normalise.ts, plus two representation steps that are not conventions of either side: a person
 * TAG is compared by its words (cablemap rebuilds `CLINTON HILLARY` as `CLINTON, HILLARY`, the project
 * writes `(CLINTON HILLARY)`), and the Classified By authority, which the project reads with the title,
 * agrees when it ends with (or starts with, before a comma) the name cablemap extracts. Cases whose
 * expected value embodies one of cablemap's own conventions are set aside, each with the convention
 * named in the data file; ids whose post cablemap silently rewrites inside otherwise judged REF lists are
 * mapped back to the id as written (`idAliases`) and counted under that convention.
 */
import { parseRecord, type Addressee, type ParsedRecord } from './record.ts';
import { syntheticCable } from './cablemap-wrap.ts';
import type { CablemapAddressee, CablemapCase, CablemapData, CablemapField } from './cablemap-cases.ts';
import { authority, cableId, collapse, sameList, tag, text } from './normalise.ts';

export interface CaseResult {
  id: string;
  field: CablemapField;
  status: 'agree' | 'miss' | 'set-aside';
  expected: unknown;
  got: unknown;
  convention?: string;
  /** The first line of the fragment that holds what the case tests. */
  line: string;
}

/** Reason words that must not follow the classifier's name in the authority. */
const REASON_WORDS = /REAS|\bE\.?O\b|1\.[45]/;
/** What may stand before the name in the authority: nothing, or the title and a separator. */
const NAME_BOUNDARY = new Set([' ', ':', '/', '-']);

/** cablemap's person TAGS are `SURNAME, NAME`; compared by words only. */
function tagWords(s: string): string {
  return tag(s).replace(/[(),.]/g, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * cablemap extracts the classifier's name; the project's authority is the title and name as written. They
 * agree when the name stands in the authority after its title (or first), followed by nothing, by a
 * comma and further title words, or by a parenthesised remark, with no reason words anywhere after it.
 */
function nameInAuthority(a: string, name: string, from: number): number {
  for (let k = a.indexOf(name, from); k >= 0; k = a.indexOf(name, k + 1)) {
    if (k === 0 || NAME_BOUNDARY.has(a[k - 1])) return k;
  }
  return -1;
}

export function authorityAgrees(got: string | null, names: string[]): boolean {
  const a = authority(got);
  if (names.length === 0) return a === '';
  let at = 0;
  for (const name of names) {
    // `JR.` may be the authority's last word, whose full stop the authority drops.
    let n = text(name);
    let k = nameInAuthority(a, n, at);
    if (k < 0) {
      n = authority(name);
      k = nameInAuthority(a, n, at);
    }
    if (k < 0) return false;
    at = k + n.length;
  }
  const tail = a.slice(at);
  return (tail === '' || tail.startsWith(',') || tail.startsWith(' (')) && !REASON_WORDS.test(tail);
}

function addresseeKey(a: { routingIndicator: string | null; name: string; precedence: string | null; number: string | null }): string {
  const number = a.number == null ? '' : String(a.number).replace(/^0+(?=\d)/, '');
  return [a.routingIndicator ?? '', text(a.name), text(a.precedence), number].join('|');
}

function expectedIds(c: CablemapCase): string[] {
  const aliases = c.idAliases ?? {};
  return (c.expected as string[]).map((id) => cableId(aliases[id] ?? id));
}

/** A person TAG cablemap wrote as `SURNAME, NAME` where the text has no comma. */
function rebuiltPerson(c: CablemapCase): boolean {
  const input = text(c.input);
  return c.field === 'tags' && (c.expected as string[]).some((t) => t.includes(',') && !input.includes(text(t)));
}

type Compared = { ok: boolean; expected: unknown; got: unknown };

function compareField(c: CablemapCase, r: ParsedRecord): Compared {
  switch (c.field) {
    case 'references': {
      const got = r.references.map((x) => x.cableId).filter((x): x is string => !!x).map(cableId);
      const expected = expectedIds(c);
      return { ok: sameList(got, expected), expected, got };
    }
    case 'referenceId': {
      const got = r.references.map((x) => x.cableId).filter((x): x is string => !!x).map(cableId);
      const expected = [cableId(c.expected as string)];
      return { ok: sameList(got, expected), expected: expected[0], got: got.join(' ') || null };
    }
    case 'subject': {
      const marking = c.options.clean === false && r.subjectMarking ? `${r.subjectMarking.text} ` : '';
      const got = r.subject == null ? null : collapse(marking + r.subject);
      return { ok: text(got) === text(c.expected as string), expected: c.expected, got };
    }
    case 'tags': {
      const got = r.tags.map((t) => t.code);
      return { ok: sameList(got.map(tagWords), (c.expected as string[]).map(tagWords)), expected: c.expected, got };
    }
    case 'classifiedBy': {
      const got = r.classifiedBy?.authority ?? null;
      return { ok: authorityAgrees(got, c.expected as string[]), expected: c.expected, got };
    }
    case 'signer': {
      const got = (r.signature ?? []).join(' ');
      return { ok: text(got) === text((c.expected as string[]).join(' ')), expected: (c.expected as string[]).join(' '), got };
    }
    case 'declassification': {
      const got = r.declassification?.date ?? null;
      return { ok: got === c.expected, expected: c.expected, got };
    }
    case 'to':
    case 'info':
      return compareAddressees(c, r);
  }
}

function compareAddressees(c: CablemapCase, r: ParsedRecord): Compared {
  const expected = c.expected as CablemapAddressee[];
  const list: Addressee[] = c.field === 'to' ? r.header.to : r.header.info;
  const got = list.map(addresseeKey);
  const want = expected.map(addresseeKey);
  const excluded = expected.flatMap((a) => a.excluded).map(text);
  const xmt = ((r.header as unknown as { xmt?: Addressee[] }).xmt ?? []).map((a) => text(a.name));
  const ok = sameList(got, want) && (excluded.length === 0 || sameList(xmt, excluded));
  return { ok, expected: want, got };
}

const FIELD_LINE: Record<CablemapField, RegExp> = {
  references: /\bREF/i,
  referenceId: /./,
  subject: /SUBJ/i,
  tags: /\bA?GS\b/i,
  classifiedBy: /CLASSIFI?E?D/i,
  signer: /./,
  declassification: /DECL|N\/A/i,
  to: /^\s*TO\b/i,
  info: /^\s*INFO\b/i,
};

function caseLine(c: CablemapCase): string {
  const lines = c.input.split('\n').filter((l) => l.trim());
  if (c.field === 'signer') return collapse(lines.slice(-3).join(' / '));
  return collapse(lines.find((l) => FIELD_LINE[c.field].test(l)) ?? lines[0] ?? '');
}

export function scoreCablemapCase(c: CablemapCase): CaseResult {
  const line = caseLine(c);
  if (c.setAside) return { id: c.id, field: c.field, status: 'set-aside', expected: c.expected, got: null, convention: c.setAside.convention, line };
  const record = parseRecord(`${c.id}.cable`, syntheticCable(c));
  const { ok, expected, got } = compareField(c, record);
  const convention = c.idAliases ? 'corrected-post-name' : rebuiltPerson(c) ? 'person-tag-rebuilt' : undefined;
  return { id: c.id, field: c.field, status: ok ? 'agree' : 'miss', expected, got, convention, line };
}

export function scoreCablemap(data: CablemapData): CaseResult[] {
  return data.cases.map(scoreCablemapCase);
}
