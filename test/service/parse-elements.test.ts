/**
 * Each element of the model and its written variants, on small synthetic cables: a fixed routing
 * header, then the banner and the lines under test.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCable } from '../../server/src/service/parse.ts';
import type { CableDocument, Range } from '../../server/src/service/model.ts';
import { computeFindings } from '../../server/src/service/diagnostics.ts';
import { Dictionary } from '../../server/src/service/dictionary.ts';
import { resolveSettings } from '../../server/src/service/settings.ts';

const HEAD = [
  'VZCZCXYZ0001',
  'RR RUEHWEB',
  '',
  'DE RUEHMD #0123 1501200',
  'ZNY CCCCC ZZH',
  'R 301200Z MAY 09',
  'FM AMEMBASSY MADRID',
  'TO RUEHC/SECSTATE WASHDC 1111',
  '',
].join('\n');

function cable(body: string, banner = 'C O N F I D E N T I A L MADRID 000123'): CableDocument {
  return parseCable(`${HEAD}\n${banner}\n\n${body}\n`);
}

function at(doc: CableDocument, r: Range): string {
  return doc.lines[r.start.line].slice(r.start.character, r.end.character);
}

/** What the parser could not read. */
const codes = (doc: CableDocument) => doc.problems.map((p) => p.code);
/** The rules' findings: how a defect the parser read (a field of the model) reaches the reader. */
const findings = (doc: CableDocument) => computeFindings(doc, resolveSettings(undefined), Dictionary.default());
const ruleCodes = (doc: CableDocument) => findings(doc).map((f) => f.rule.code);

// --------------------------------------------------------------------------------------------
// Header

test('header: bad filing time, security letters and DTGs are read as such and reported', () => {
  const text = [
    'VZCZCXYZ0001',
    'RR RUEHWEB',
    'DE RUEHMD #0123 0001200',
    'ZNY CCCC ZZH',
    'R 311200Z APR 09',
    'FM AMEMBASSY MADRID',
    'TO RUEHC/SECSTATE WASHDC 1111',
    '',
    'C O N F I D E N T I A L MADRID 000123',
    '',
  ].join('\n');
  const doc = parseCable(text);
  assert.ok(codes(doc).includes('security-line-unrecognised'));
  assert.match(doc.header.dtgLine?.dtg?.invalid ?? '', /April has 30 days/);
  assert.ok(ruleCodes(doc).includes('dtg-invalid-date'));
  assert.equal(doc.dtg?.iso, undefined);
  assert.match(doc.header.de?.filingTime?.invalid ?? '', /000/);
  assert.ok(ruleCodes(doc).includes('dtg-filing-time-invalid'));
  const malformed = parseCable(text.replace('R 311200Z APR 09', 'R 201200 APR 09'));
  assert.ok(malformed.dtg?.malformed);
  assert.ok(ruleCodes(malformed).includes('dtg-malformed'));
  assert.equal(malformed.dtg?.month?.value, 4);
});

test('header: precedence words, NIACT IMMEDIATE, collectives, XMT, BT and NNNN', () => {
  const doc = parseCable(
    [
      'VZCZCXYZ0001',
      'ZZ RUEHWEB',
      'DE RUEHMD #0123/01 1501200',
      'ZNY SSSSS ZZH',
      'Z 301200Z MAY 09',
      'FM AMEMBASSY MADRID',
      'TO RUEHC/SECSTATE WASHDC NIACT IMMEDIATE 1111',
      'INFO ALL DIPLOMATIC POSTS COLLECTIVE PRIORITY',
      'XMT/AMEMBASSY SOFIA',
      'BT',
      'S E C R E T MADRID 000123',
      'NNNN',
    ].join('\n'),
  );
  assert.equal(doc.header.routing?.precedence.value, 'Z');
  assert.equal(doc.header.to[0].precedence?.text, 'NIACT IMMEDIATE');
  assert.equal(doc.header.to[0].name.text, 'SECSTATE WASHDC');
  assert.equal(doc.header.info[0].name.text, 'ALL DIPLOMATIC POSTS COLLECTIVE');
  assert.equal(doc.header.info[0].precedence?.text, 'PRIORITY');
  assert.equal(doc.header.xmt[0].name.text, 'AMEMBASSY SOFIA');
  // The header's BT, and the NNNN that ends the message below the text.
  assert.deepEqual(doc.header.prosigns.map((t) => t.text), ['BT', 'NNNN']);
  assert.equal(doc.header.de?.section?.value, 1);
});

test('header: a bare precedence + DTG start and a printout header before it', () => {
  const doc = parseCable(
    [
      'INFO  LOG-00   EEB-00   AF-00    ',
      '      SAS-00   /000W',
      '                  ------------------EE9C66  240653Z /38    ',
      'P 240645Z OCT 08',
      'FM AMEMBASSY LONDON',
      'TO SECSTATE WASHDC PRIORITY 0179',
      '',
      'C O N F I D E N T I A L LONDON 002673',
      '',
    ].join('\n'),
  );
  assert.ok(doc.header.receivingCopy);
  assert.equal(doc.header.receivingCopy?.lines.length, 3);
  assert.equal(doc.dtg?.iso, '2008-10-24T06:45:00Z');
  assert.equal(doc.identity.id, '08LONDON2673');
});

test('header: a second copy of the heading (dump layout) does not duplicate addressees', () => {
  const head = HEAD.trimEnd();
  const doc = parseCable(`${head}\n\n<<123456>>\n5/30/2009 12:00\n09MADRID123\n${head}\nTAGS: PREL\n\nC O N F I D E N T I A L MADRID 000123\n\nTAGS: PGOV\n`);
  assert.equal(doc.header.to.length, 1);
  assert.deepEqual(doc.tags?.tags.map((t) => t.code), ['PGOV']);
  assert.equal(doc.identity.id, '09MADRID123');
});

test('a cable without a banner takes its level from the security line and says the banner is missing', () => {
  const doc = parseCable(`${HEAD}SIPDIS\nE.O. 12958: DECL: 05/30/2019\nTAGS: PREL\nSUBJECT: NO BANNER\n\n1. (C) Text.\n`);
  assert.ok(codes(doc).includes('banner-missing'));
  assert.equal(doc.classification?.level, 'C');
  assert.equal(doc.subject?.text, 'NO BANNER');
  assert.equal(doc.header.to.length, 1);
  assert.equal(doc.identity.id, '09MADRID123');
});

// --------------------------------------------------------------------------------------------
// Banner and captions

test('banner variants', () => {
  const cases: [string, string, boolean, boolean, number | undefined, string][] = [
    ['C O N F I D E N T I A L MADRID 000123', 'C', true, false, undefined, 'MADRID'],
    ['S E C R E T SECTION 01 OF 03 MADRID 000123', 'S', true, false, 1, 'MADRID'],
    ['UNCLAS SECTION 02 OF 02 MADRID 000123', 'U', false, false, 2, 'MADRID'],
    ['UNCLASSIFIED BUENOS AIRES 2481', 'U', false, false, undefined, 'BUENOSAIRES'],
    ['S e c r e t state 068250', 'S', true, false, undefined, 'STATE'],
    ['SS E C R E T TUNIS 000679', 'S', true, true, undefined, 'TUNIS'],
    ['UUNCLAS MANAGUA 001002', 'U', false, true, undefined, 'MANAGUA'],
    ['T O P S E C R E T STATE 000001', 'TS', true, false, undefined, 'STATE'],
    ['LIMITED OFFICIAL USE ROME 01234', 'LOU', false, false, undefined, 'ROME'],
    ['CONFIDENTIAL SECSTATE 012345', 'C', false, false, undefined, 'STATE'],
  ];
  for (const [line, level, spaced, damaged, section, origin] of cases) {
    const doc = cable('E.O. 12958: N/A', line);
    assert.equal(doc.banner?.level, level, line);
    assert.equal(doc.banner?.spaced, spaced, line);
    assert.equal(doc.banner?.damaged, damaged, line);
    assert.equal(doc.banner?.section?.number, section, line);
    assert.equal(doc.identity.origin, origin, line);
    assert.equal(ruleCodes(doc).includes('classification-banner-damaged'), damaged, line);
  }
});

test('captions run into the banner line and repeated banners', () => {
  const doc = cable('1. (S) Text.\n\nS E C R E T MADRID 000123\n', 'S E C R E T MADRID 000123 SIPDIS NOFORN');
  assert.equal(doc.banner?.serial?.value, 123);
  assert.deepEqual(doc.captions.map((c) => c.name), ['SIPDIS', 'NOFORN']);
  assert.equal(doc.repeatedBanners.length, 1);
  assert.deepEqual(doc.classification, { level: 'S', caveats: ['NOFORN'] });
});

test('a bare classification line under the subject is a page break, not subject text', () => {
  const doc = cable('SUBJECT: A SUBJECT THAT\n CONFIDENTIAL\nPAGE 02 MADRID 00123 01 OF 02 301200Z\nREF: STATE 1234\n\n1. (C) Text.');
  assert.equal(doc.subject?.text, 'A SUBJECT THAT');
  assert.equal(doc.repeatedBanners.length, 1);
  assert.equal(doc.references[0].items[0].cableId, '09STATE1234');
});

test('caption vocabulary', () => {
  const doc = cable(
    ['NODIS', 'EXDIS', 'STADIS', 'DISSENT CHANNEL', 'SENSITIVE BUT UNCLASSIFIED -- PLEASE PROTECT ACCORDINGLY', 'NOFORN, NOT FOR INTERNET DISTRIBUTION', 'DEA SENSITIVE', 'SIPDIS NOFORN', 'E.O. 12958: N/A'].join('\n'),
    'UNCLAS MADRID 000123',
  );
  assert.deepEqual(doc.captions.map((c) => c.name), ['NODIS', 'EXDIS', 'STADIS', 'DISSENT CHANNEL', 'SENSITIVE', 'NOFORN', 'SENSITIVE', 'SIPDIS', 'NOFORN']);
  assert.equal(doc.classification?.level, 'SBU');
});

test('SIPDIS inside running text is an inline caption', () => {
  const doc = cable('E.O. 12958: N/A\nSUBJECT: X\n\n1. (C) He offered four\nSIPDIS scenarios for the talks.');
  const inline = doc.captions.filter((c) => c.inline);
  assert.equal(inline.length, 1);
  assert.equal(at(doc, inline[0].range), 'SIPDIS');
});

test('distribution and attention lines', () => {
  const doc = cable(['STATE FOR EUR/WE, EUR/RPM', 'AMEMBASSY OTTAWA PASS TO AMCONSUL QUEBEC', 'DEPT FOR NEA/ARP', 'FOR THE SECRETARY FROM THE AMBASSADOR', 'E.O. 12958: N/A'].join('\n'));
  assert.deepEqual(doc.distribution.map((d) => [d.to?.text, d.who?.text]), [
    ['STATE', 'EUR/WE, EUR/RPM'],
    ['AMEMBASSY OTTAWA', 'AMCONSUL QUEBEC'],
    ['DEPT', 'NEA/ARP'],
    [undefined, 'THE SECRETARY FROM THE AMBASSADOR'],
  ]);
});

// --------------------------------------------------------------------------------------------
// E.O., TAGS, SUBJECT, REF, Classified By

test('E.O. line variants', () => {
  const eo = (line: string) => cable(line).eo!;
  assert.equal(eo('E.O. 12958: N/A').kind, 'na');
  assert.equal(eo('EO 12958 N/A').kind, 'na');
  const oadr = eo('E.O. 12356: DECL: OADR');
  assert.equal(oadr.kind, 'oadr');
  assert.equal(oadr.order?.value, 12356);
  assert.equal(eo('E.O.12356: DECL:OADR').kind, 'oadr');
  const x1 = eo('E.O. 12958: DECL: X1');
  assert.equal(x1.kind, 'exemption');
  assert.equal(x1.exemption?.text, 'X1');
  assert.equal(eo('E.O. 13526: DECL: 25X1-HUM').exemption?.text, '25X1-HUM');
  assert.equal(eo('E.O. 12958: DECL: TEN YEARS AFTER KOREAN UNIFICATION').kind, 'event');
  const dng = eo('E.O. 12958: DNG: CO 12/31/2009');
  assert.equal(dng.downgrade?.to.text, 'CO');
  assert.equal(dng.downgrade?.date?.text, '12/31/2009');
  const sched = eo('E.O. 12065: GDS 8/12/85 (DOE, JOHN) OR-P');
  assert.equal(sched.kind, 'schedule');
  assert.equal(sched.exemption?.text, 'GDS');
  assert.equal(sched.declassifyOn?.year, 1985);
  assert.equal(eo('E.O. 11652: XGDS-2').exemption?.text, 'XGDS-2');
  assert.equal(eo('E.O. 12958: DECL: DECLASSIFIED BY NARA 09/02/2009').kind, 'nara');
  assert.equal(eo('E.O. 12958: AS AMENDED; DECLASSIFIED JUNE 21, 2006').kind, 'nara');
  const iso = eo('E.O. 12958: DECL: 2019/12/16');
  assert.deepEqual([iso.declassifyOn?.year, iso.declassifyOn?.month, iso.declassifyOn?.day], [2019, 12, 16]);
  assert.equal(eo('EO 12958 DECL: 11/29/10').declassifyOn?.year, 2010);
  assert.equal(eo('E.O. 12958: Declassify on 9/15/2019').declassifyOn?.month, 9);
  assert.equal(eo('E.O. 12958: DECLl: 01/02/2019').kind, 'date');
  const bad = cable('E.O. 12958: DECL: 02/30/2019');
  assert.match(bad.eo?.declassifyOn?.invalid ?? '', /not a real day/);
  assert.ok(ruleCodes(bad).includes('declassification-date-invalid'));
  const unknown = cable('E.O. 12958: ?? 77');
  assert.equal(unknown.eo?.kind, 'unknown');
  assert.ok(codes(unknown).includes('eo-unrecognised'));
  assert.equal(cable('E.O. 12958:').eo?.kind, 'none');
});

test('E.O., TAGS and SUBJECT run together on one line', () => {
  const doc = cable('E.o. 12958: decl: 01/07/2014 Tags: prel, pgov, tu Subject: turkish p.m. goes to washington');
  assert.equal(doc.eo?.declassifyOn?.year, 2014);
  assert.equal(at(doc, doc.eo!.range), 'E.o. 12958: decl: 01/07/2014');
  assert.deepEqual(doc.tags?.tags.map((t) => t.code), ['PREL', 'PGOV', 'TU']);
  assert.equal(doc.subject?.text, 'turkish p.m. goes to washington');
});

test('TAGS variants', () => {
  const tags = (lines: string) => cable(`E.O. 12958: N/A\n${lines}\nSUBJECT: X`).tags!;
  assert.deepEqual(tags('TAGS: PREL, PGOV, RS').tags.map((t) => t.code), ['PREL', 'PGOV', 'RS']);
  assert.deepEqual(tags('TAGS PREL PGOV RS').tags.map((t) => t.code), ['PREL', 'PGOV', 'RS']);
  // A visitor named after OVIP without parentheses is one person.
  const visit = tags('TAGS: OVIP CLINTON HILLARY PREL KPAL FR\nNATO, UK, CN').tags;
  assert.deepEqual(visit.map((t) => t.code), ['OVIP', 'CLINTON HILLARY', 'PREL', 'KPAL', 'FR', 'NATO', 'UK', 'CN']);
  assert.equal(visit[1].kind, 'person');
  const person = tags('TAGS: OVIP (STEINBERG, JAMES B.) PREL').tags;
  assert.deepEqual(person.map((t) => [t.code, t.kind]), [['OVIP', 'subject'], ['STEINBERG, JAMES B.', 'person'], ['PREL', 'subject']]);
  const link = cable('TAGS: [PREL](#) [KPAO](#) [SP](#)\nSUBJECT: X');
  assert.deepEqual(link.tags?.tags.map((t) => [t.code, t.kind, at(link, t.range)]), [['PREL', 'subject', 'PREL'], ['KPAO', 'program', 'KPAO'], ['SP', 'geographic', 'SP']]);
  const misspelled = cable('TAG: PREL, SP\nSUBJECT: X');
  assert.equal(misspelled.tags?.keywordMisspelled, true);
  assert.ok(ruleCodes(misspelled).includes('tags-keyword'));
  assert.equal(cable('TGS PREL SP\nSUBJECT: X').tags?.keyword.text, 'TGS');
  const empty = cable('TAGS:\n\nSUBJECT: X');
  assert.deepEqual(empty.tags?.tags, []);
  assert.ok(findings(empty).some((f) => f.rule.code === 'tags-missing' && f.range.start.line === empty.tags!.range.start.line));
  assert.equal(tags('TAGS: UNGA, IAEA, EUN').tags[1].kind, 'subject', 'shape alone: four letters');
  assert.equal(tags('TAGS: UNMIK').tags[0].kind, 'organization');
});

test('SUBJECT variants', () => {
  const wrapped = cable('SUBJECT: A SUBJECT THAT WRAPS\nONTO A SECOND LINE\n\n1. (C) Text.');
  assert.equal(wrapped.subject?.text, 'A SUBJECT THAT WRAPS ONTO A SECOND LINE');
  const marked = cable('SUBJECT: (C) MARKED SUBJECT');
  assert.equal(marked.subject?.marking?.level, 'C');
  assert.equal(marked.subject?.text, 'MARKED SUBJECT');
  assert.equal(at(marked, marked.subject!.textRange), 'MARKED SUBJECT');
  assert.equal(cable('SUBJ: SHORT FORM').subject?.text, 'SHORT FORM');
  assert.equal(cable('Subject: mixed case').subject?.keyword.text, 'Subject:');
});

test('REF variants', () => {
  const refs = (text: string) => cable(`SUBJECT: X\n\n${text}\n\n1. (C) Text.`).references;
  const lettered = refs('REF: A. STATE 71326 B. 08 MOSCOW 1234');
  assert.deepEqual(lettered[0].items.map((r) => [r.label, r.cableId]), [['A', '09STATE71326'], ['B', '08MOSCOW1234']]);
  const lines = refs('REF: A. MANAGUA 520\n     B. MANAGUA 500\n     C. 2007 MANAGUA 2135');
  assert.deepEqual(lines[0].items.map((r) => r.cableId), ['09MANAGUA520', '09MANAGUA500', '07MANAGUA2135']);
  const parens = refs('REF: A) TALLINN 366 B) LEE-GOLDSTEIN EMAIL 05/11/07');
  assert.deepEqual(parens[0].items.map((r) => [r.label, r.cableId]), [['A', '09TALLINN366'], ['B', undefined]]);
  const bracketed = refs('REFS: (A) STATE 071143, (B) STATE 073601');
  assert.deepEqual(bracketed[0].items.map((r) => r.cableId), ['09STATE71143', '09STATE73601']);
  const afterBlank = refs('REF: A. BAKU 1761\n\n     ¶B. BAKU 1819');
  assert.deepEqual(afterBlank[0].items.map((r) => r.cableId), ['09BAKU1761', '09BAKU1819']);
  const two = cable('SUBJECT: X\n\nREF: STATE 1234\n\nREFTEL: SECSTATE 5678\n\n1. (C) Text.');
  assert.deepEqual(two.references.map((b) => b.items.map((r) => r.cableId)), [['09STATE1234'], ['09STATE5678']]);
  const nonCable = refs('REF: SECDEF MSG DTG 301601z SEP 08');
  assert.equal(nonCable[0].items[0].cableId, undefined);
});

test('Classified By variants', () => {
  const cb = (text: string) => cable(`SUBJECT: X\n\n${text}\n\n1. (C) Text.`).classifiedBy!;
  const seedForm = cb('Classified By: Ambassador John Doe, reason 1.4(b) and (d).');
  assert.equal(seedForm.authority?.text, 'Ambassador John Doe');
  assert.deepEqual([seedForm.reason?.section, seedForm.reason?.letters], ['1.4', ['b', 'd']]);
  assert.deepEqual(cb('CLASSIFIED BY: Jane Roe, Assistant Secretary; REASON: 1.4(B), (D)').reason?.letters, ['b', 'd']);
  assert.deepEqual(cb('Classified By: DCM Tom Smith for reasons 1.5 (B,D)').reason?.section, '1.5');
  assert.deepEqual(cb('Classified By: DCM Tom Smith for reasons 1.4 b and d').reason?.letters, ['b', 'd']);
  const wrapped = cb('Classified By: Political Counselor Ann Lee for Reasons 1.\n4 (b) and (d)');
  assert.deepEqual([wrapped.reason?.section, wrapped.reason?.letters], ['1.4', ['b', 'd']]);
  assert.equal(wrapped.reason?.range.start.line, wrapped.keyword.range.start.line);
  assert.equal(wrapped.reason?.range.end.line, wrapped.keyword.range.start.line + 1);
  assert.deepEqual(cb('(U) Classified by Ambassador Eric Roe; reasons: E.O.\n12958 1.4 (a,b,c,d).').reason?.letters, ['a', 'b', 'c', 'd']);
  assert.deepEqual(cb('Classified By: DCM Tom Kelly for reasons b, d.').reason?.letters, ['b', 'd']);
  const numbered = cable('SUBJECT: X\n\n1.  (U)  CLASSIFIED BY ROBERT P. ROE, DEPUTY CHIEF OF MISSION.  REASON: 1.5 (D)\n\n2. (C) Text.');
  assert.deepEqual(numbered.classifiedBy?.reason?.letters, ['d']);
  assert.equal(numbered.paragraphs.length, 2);
  const none = cable('SUBJECT: X\n\nClassified By: Derived from Multiple Sources\n\n1. (C) Text.');
  assert.ok(codes(none).includes('classified-by-no-reason'));
});

// --------------------------------------------------------------------------------------------
// Body

test('paragraph numbers and portion markings', () => {
  const doc = cable(
    [
      'SUBJECT: X',
      '',
      '1. (C) Plain.',
      '¶2. (S//NF) Pilcrow.',
      '3.(SBU) No space.',
      '4. C) Lost bracket.',
      '5. (U//FOUO) Caveat.',
      '6. (CC) Doubled.',
      '7. (C - ENTIRE TEXT) Convention.',
      '8. SECRET - ENTIRE TEXT. Old convention.',
      '9. Unmarked.',
      '2009. is not a paragraph number.',
      '15. nor is this one.',
    ].join('\n'),
  );
  assert.deepEqual(doc.paragraphs.map((p) => p.number.value), [1, 2, 3, 4, 5, 6, 7, 8, 9]);
  const m = doc.paragraphs.map((p) => p.marking);
  assert.equal(m[0]?.level, 'C');
  assert.ok(doc.paragraphs[1].pilcrow);
  assert.deepEqual(m[1]?.caveats, ['NOFORN']);
  assert.equal(m[2]?.level, 'SBU');
  assert.equal(m[3]?.malformed, 'missing-open-paren');
  assert.deepEqual(m[4]?.caveats, ['FOUO']);
  assert.equal(m[5]?.malformed, 'doubled');
  assert.ok(m[6]?.entireText);
  assert.ok(m[7]?.entireText);
  assert.equal(m[7]?.level, 'S');
  assert.equal(m[8], undefined);
  assert.equal(ruleCodes(doc).filter((c) => c === 'portion-marking-malformed').length, 2);
  // The last paragraph runs to its last line of text.
  assert.equal(doc.paragraphs[8].range.end.line, doc.paragraphs[8].range.start.line + 2);
  assert.equal(doc.paragraphs[0].lead, 'Plain.');
});

test('sub-paragraphs and bullets', () => {
  const doc = cable('SUBJECT: X\n\n1. (C) Points:\n\nA. (C) First.\nB) Second.\n(c) Third.\n-- (U) A bullet.\n- another bullet\n2a. Numbered sub.\n\n2. (C) Next.');
  const marked = cable('SUBJECT: X\n\n1. (C) Points:\n(U) An unnumbered marked paragraph.\n(A) one\n(B) two\n(C) three');
  assert.deepEqual(marked.paragraphs[0].subParagraphs.map((s) => s.label), ['A', 'B', 'C']);
  assert.deepEqual(doc.paragraphs[0].subParagraphs.map((s) => [s.label, s.marking?.level]), [
    ['A', 'C'],
    ['B', undefined],
    ['c', undefined],
    ['--', 'U'],
    ['--', undefined],
    ['2a', undefined],
  ]);
});

test('summary, comment and quoted blocks', () => {
  const doc = cable(
    [
      'SUBJECT: X',
      '',
      '1. (C) Summary: The gist. End Summary.',
      '',
      '2. (C) Text (Comment: an aside. End comment.) goes on.',
      '',
      '3. (C) BEGIN TEXT: a letter',
      '',
      '4. (C) COMMENT: final thoughts run to the end.',
      '',
      '5. (C) Still the comment.',
    ].join('\n'),
  );
  const kinds = doc.blocks.map((b) => [b.kind, b.end?.text ?? null]);
  assert.deepEqual(kinds, [
    ['summary', 'End Summary'],
    ['comment', 'End comment'],
    ['text', null],
    ['comment', null],
  ]);
  assert.ok(codes(doc).includes('block-unterminated'), 'BEGIN TEXT without END TEXT');
  // An unterminated COMMENT runs to the end of the last paragraph, with no problem.
  const last = doc.blocks[3];
  assert.equal(last.range.end.line, doc.paragraphs[4].range.end.line);
  assert.equal(doc.problems.filter((p) => p.code === 'block-unterminated').length, 1);
  const noStart = cable('SUBJECT: X\n\n1. (C) The gist.\n\n2. (C) More gist. End Summary.\n\n3. (C) Detail.');
  assert.equal(noStart.blocks[0].kind, 'summary');
  assert.equal(noStart.blocks[0].range.start.line, noStart.paragraphs[0].range.start.line);
});

test('section markers, headings, redactions, mentions', () => {
  const doc = cable(
    [
      'SUBJECT: X',
      '',
      '1. (C) Text about 09BRUSSELS995 and XXXXXXXXXXXX and xxxxxxxxx.',
      'MADRID 00000123  002 OF 003',
      '',
      'BACKGROUND',
      '----------',
      '',
      '2. (C) More text that runs on MADRID 00000123 003.2 OF 003 and continues.',
    ].join('\n'),
  );
  assert.deepEqual(doc.sectionMarkers.map((m) => [m.text, m.section, m.of]), [
    ['MADRID 00000123  002 OF 003', 2, 3],
    ['MADRID 00000123 003.2 OF 003', 3, 3],
  ]);
  assert.deepEqual(doc.headings.map((h) => h.title), ['BACKGROUND']);
  assert.deepEqual(doc.redactions.map((r) => at(doc, r)), ['XXXXXXXXXXXX', 'xxxxxxxxx']);
  assert.deepEqual(doc.mentions.map((m) => m.cableId), ['09BRUSSELS995']);
});

test('signatures: one name, a name of two words, mixed case, glued to the last sentence, absent', () => {
  assert.deepEqual(cable('SUBJECT: X\n\n1. (C) Text.\n\nKEEGAN PAAL').signature?.names, ['KEEGAN PAAL']);
  assert.deepEqual(cable('SUBJECT: X\n\n1. (C) Text.\nClinton').signature?.names, ['Clinton']);
  const glued = cable(`SUBJECT: X\n\n1. (C) ${'A long closing sentence about the talks. '.repeat(3)}End Comment. DRUCKER`);
  assert.deepEqual(glued.signature?.names, ['DRUCKER']);
  assert.ok(glued.paragraphs[0].range.end.character <= glued.signature!.range.start.character);
  assert.equal(cable('SUBJECT: X\n\n1. (C) Text that ends the cable.').signature, undefined);
  const trailer = cable('SUBJECT: X\n\n1. (C) Text.\n\nBUSH\n\nNNNN');
  assert.deepEqual(trailer.signature?.names, ['BUSH']);
});

test('identity: serial from DE when the banner has none, STATE for SECSTATE', () => {
  const doc = parseCable(`${HEAD}\nCONFIDENTIAL\n\nSUBJECT: X\n`);
  assert.equal(doc.identity.serial, 123);
  const state = cable('SUBJECT: X', 'S E C R E T SECSTATE 000042');
  assert.equal(state.identity.id, '09STATE42');
});
