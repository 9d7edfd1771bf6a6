/**
 * The subject, TAGS, DTG and TO/INFO forms real cables and printouts carry, each reproduced on a small
 * synthetic cable written for these tests (no corpus text).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCable } from '../../server/src/service/parse.ts';
import type { CableDocument } from '../../server/src/service/model.ts';
import { computeFindings } from '../../server/src/service/diagnostics.ts';
import { Dictionary } from '../../server/src/service/dictionary.ts';
import { resolveSettings } from '../../server/src/service/settings.ts';

const HEAD = ['R 291300Z JUL 08', 'FM AMEMBASSY LIMA', 'TO RUEHC/SECSTATE WASHDC 2222', ''].join('\n');

function cable(heading: string, text = '1. (C) The first paragraph.'): CableDocument {
  return parseCable(`${HEAD}\nC O N F I D E N T I A L LIMA 000456\n\nSIPDIS\n\nE.O. 12958: DECL: 07/29/2018\n${heading}\n\n${text}\n`);
}

const subjectOf = (heading: string, text?: string) => cable(heading, text).subject?.text;
const tagsOf = (line: string) => cable(`${line}\nSUBJECT: A PLAIN SUBJECT`).tags?.tags.map((t) => (t.kind === 'person' ? `(${t.code})` : t.code));

test('subject: a page break inside it is skipped, and words run onto the page header are kept', () => {
  const doc = cable('TAGS: PREL, PGOV\nSUBJECT: THE MINISTER MEETS WITH THE\n CONFIDENTIAL\nPAGE 02 LIMA 00456 01 OF 03 291300Z OPPOSITION LEADER\nREF: LIMA 123');
  assert.equal(doc.subject?.text, 'THE MINISTER MEETS WITH THE OPPOSITION LEADER');
  assert.equal(doc.references[0]?.items[0]?.cableId, '08LIMA123');
});

test('subject: a page header with nothing run onto it adds nothing', () => {
  assert.equal(subjectOf('TAGS: PREL\nSUBJECT: THE MINISTER MEETS\n CONFIDENTIAL\nPAGE 02 LIMA 00456 01 OF 03 291300Z\nWITH THE OPPOSITION'), 'THE MINISTER MEETS WITH THE OPPOSITION');
});

test('subject: a dash rule ends it', () => {
  assert.equal(subjectOf('TAGS: PREL\nSUBJECT: NOTES FROM THE CAPITAL 11-09-2009\n-----------', '1. SUMMARY\n-----------\nText.'), 'NOTES FROM THE CAPITAL 11-09-2009');
  assert.equal(subjectOf('TAGS: PREL\nSUBJECT: NOTES FROM THE CAPITAL\n- - - - - -'), 'NOTES FROM THE CAPITAL');
});

test("subject: the viewer's date line ends it, with the banner and captions it repeats", () => {
  const doc = cable('TAGS: PREL\nSUBJECT: THE MINISTER ASKS FOR\nHELP WITH THE HARBOUR\nFriday, 4 December 2009, 10:15\nC O N F I D E N T I A L LIMA 000456\nNOFORN\nSIPDIS');
  assert.equal(doc.subject?.text, 'THE MINISTER ASKS FOR HELP WITH THE HARBOUR');
});

test('subject: a sentence in lower case under a subject in capitals is text, not subject', () => {
  const doc = cable('TAGS: PREL\nSUBJECT: THE MINISTER URGES VISITS DURING\nTHE PRESIDENCY\nThis is an action request. Please see para 2.');
  assert.equal(doc.subject?.text, 'THE MINISTER URGES VISITS DURING THE PRESIDENCY');
  // A redaction in lower case (`xxxxxxxx`) is still the subject.
  assert.equal(subjectOf('TAGS: PREL\nSUBJECT: THE MINISTER MEETS\nxxxxxxxxxxxx'), 'THE MINISTER MEETS xxxxxxxxxxxx');
});

test('subject: a final full stop and a trailing portion marking are dropped; abbreviations keep theirs', () => {
  assert.equal(subjectOf('TAGS: PREL\nSUBJECT: VISIT OF THE MINISTER FROM MARCH 1 TO 4, 2006.'), 'VISIT OF THE MINISTER FROM MARCH 1 TO 4, 2006');
  assert.equal(subjectOf('TAGS: PREL\nSubject: equipment sold by a subsidiary (s)'), 'equipment sold by a subsidiary');
  assert.equal(subjectOf('TAGS: PREL\nSUBJECT: (C) TALKS ON THE HARBOUR (C)'), 'TALKS ON THE HARBOUR');
  assert.equal(subjectOf('TAGS: PREL\nSUBJECT: EXPERTS MEET IN WASHINGTON, D.C.'), 'EXPERTS MEET IN WASHINGTON, D.C.');
  assert.equal(subjectOf('TAGS: PREL\nSUBJECT: TALKS CONTINUE...'), 'TALKS CONTINUE...');
  // A parenthesis that is no marking stays.
  assert.equal(subjectOf('TAGS: PREL\nSUBJECT: CODEL VISIT (MAY 3-7)'), 'CODEL VISIT (MAY 3-7)');
});

test('subject: an empty SUBJECT: takes the next line; UBJECT: is the keyword with its S lost', () => {
  assert.equal(subjectOf('TAGS: PREL\nSUBJECT:\nTHE SUBJECT ON ITS OWN LINE'), 'THE SUBJECT ON ITS OWN LINE');
  assert.equal(subjectOf('TAGS: PREL\nUBJECT: THE S WAS LOST'), 'THE S WAS LOST');
});

test('subject: a line-end hyphen joins without a blank; a dash between words keeps one', () => {
  assert.equal(subjectOf('TAGS: PREL\nSUBJECT: US-\nLATIN AMERICA TALKS'), 'US-LATIN AMERICA TALKS');
  assert.equal(subjectOf('TAGS: PREL\nSUBJECT: STRATEGIC PLAN --\nCOUNTERING RUMOURS'), 'STRATEGIC PLAN -- COUNTERING RUMOURS');
  assert.equal(subjectOf('TAGS: PREL\nSUBJECT: RESPONSE TO THE DEMARCHE -\nNEED TO CONSULT'), 'RESPONSE TO THE DEMARCHE - NEED TO CONSULT');
});

test('subject: a piece wrapped away after a blank line joins it when REF follows', () => {
  assert.equal(subjectOf('TAGS: PREL\nSUBJECT: THE PARTY CAUGHT OUT BY\n\nQUICK MOVES ON THE CRISIS\nREF: LIMA 123'), 'THE PARTY CAUGHT OUT BY QUICK MOVES ON THE CRISIS');
});

test('TAGS: a comma item of several words is one name written in words', () => {
  assert.deepEqual(tagsOf('TAGS: PREL, USEU BRUSSELS, Organized Crime, PE'), ['PREL', 'USEU BRUSSELS', 'ORGANIZED CRIME', 'PE']);
  const doc = cable('TAGS: PREL, GOI EXTERNAL\nSUBJECT: A PLAIN SUBJECT');
  assert.equal(doc.tags?.tags[1]?.kind, 'freestyle');
  // Codes that lost the comma between them stay codes.
  assert.deepEqual(tagsOf('TAGS: PREL PGOV, KDEM, PE'), ['PREL', 'PGOV', 'KDEM', 'PE']);
  assert.deepEqual(tagsOf('TAGS: AMEDCASC TBIO KSAF KPAO PREL, AMGT, BR'), ['AMEDCASC', 'TBIO', 'KSAF', 'KPAO', 'PREL', 'AMGT', 'BR']);
});

test('TAGS: in a list without commas, a run of long words is one name', () => {
  assert.deepEqual(tagsOf('TAGS: ECON PGOV PINR PE POLITICAL PARTIES'), ['ECON', 'PGOV', 'PINR', 'PE', 'POLITICAL PARTIES']);
  assert.deepEqual(tagsOf('TAGS: ECON PE ECONOMY AND FINANCE PREL'), ['ECON', 'PE', 'ECONOMY AND FINANCE', 'PREL']);
  // One long word alone is one entry, as are codes.
  assert.deepEqual(tagsOf('TAGS: PREL ASEAN UNSC PE'), ['PREL', 'ASEAN', 'UNSC', 'PE']);
});

test('TAGS: a person without parentheses after OVIP is one person', () => {
  assert.deepEqual(tagsOf('TAGS: OVIP SMITH JOHN PREL PE'), ['OVIP', '(SMITH JOHN)', 'PREL', 'PE']);
  assert.deepEqual(tagsOf('TAGS: OVIP, CLINTON, HILLARY, PREL'), ['OVIP', '(CLINTON, HILLARY)', 'PREL']);
  assert.deepEqual(tagsOf('TAGS: OVIP (SMITH, JOHN), PREL'), ['OVIP', '(SMITH, JOHN)', 'PREL']);
  // Codes after OVIP stay codes.
  assert.deepEqual(tagsOf('TAGS: OVIP PREL PGOV PE'), ['OVIP', 'PREL', 'PGOV', 'PE']);
});

test('TAGS: keyword variants are read as the keyword', () => {
  for (const kw of ['TAGS,', 'TAGS;', 'TAGES:', 'AGS:']) assert.deepEqual(tagsOf(`${kw} PREL, PGOV, PE`), ['PREL', 'PGOV', 'PE'], kw);
  assert.equal(cable('TAGES: PREL\nSUBJECT: A PLAIN SUBJECT').tags?.keywordMisspelled, true);
});

test('TAGS run onto the E.O. line are read', () => {
  const doc = parseCable(`${HEAD}\nC O N F I D E N T I A L LIMA 000456\n\nE.O. 12958: DECL: 08/22/2017 AGS: PGOV, PREL, AR\nSUBJECT: A PLAIN SUBJECT\n\n1. Text.\n`);
  assert.deepEqual(doc.tags?.tags.map((t) => t.code), ['PGOV', 'PREL', 'AR']);
  assert.equal(doc.eo?.declassifyOn?.text, '08/22/2017');
});

test('TAGS: page-header text, SIPDIS and a second keyword are no entries', () => {
  assert.deepEqual(tagsOf('TAGS: PREL PGOV UNCLASSIFIED PAGE 02 LIMA 00456 291300Z'), ['PREL', 'PGOV']);
  assert.deepEqual(tagsOf('TAGS: ECON ETRD PGOV PE SIPDIS'), ['ECON', 'ETRD', 'PGOV', 'PE']);
  assert.deepEqual(tagsOf('TAGS: TAGS: PREL, PGOV'), ['PREL', 'PGOV']);
});

test('TAGS: a continuation line that runs into SUBJECT: ends the list there and opens the subject', () => {
  const doc = cable("TAGS: PREL PGOV KPAL\nECON, PHUM, RS, UK SUBJECT: THE MINISTER'S TRIP");
  assert.deepEqual(doc.tags?.tags.map((t) => t.code), ['PREL', 'PGOV', 'KPAL', 'ECON', 'PHUM', 'RS', 'UK']);
  assert.equal(doc.subject?.text, "THE MINISTER'S TRIP");
});

test('TAGS: a list in lower case goes on after a comma, not into a word on the next line', () => {
  assert.deepEqual(cable('TAGS: prel, pgov,\nkdem\nSUBJECT: A PLAIN SUBJECT').tags?.tags.map((t) => t.code), ['PREL', 'PGOV', 'KDEM']);
  assert.deepEqual(cable('TAGS: something\nhere\nSUBJECT: A PLAIN SUBJECT').tags?.tags.map((t) => t.code), ['SOMETHING']);
});

test('tags-unknown: a name written in words is information, with no code offered for it', () => {
  const doc = cable('TAGS: PREL PE COUNTER TERRORISM\nSUBJECT: A PLAIN SUBJECT');
  const fs = computeFindings(doc, resolveSettings(undefined), Dictionary.default()).filter((f) => f.rule.code === 'tags-unknown');
  assert.equal(fs.length, 1);
  assert.equal(fs[0]!.effectiveSeverity, 'information');
  assert.match(fs[0]!.message, /'COUNTER TERRORISM' is a name written in words/);
  assert.equal(fs[0]!.fix, undefined);
  // A person after OVIP is not checked as codes.
  const person = cable('TAGS: OVIP SMITH JOHN PREL PE\nSUBJECT: A PLAIN SUBJECT');
  assert.equal(computeFindings(person, resolveSettings(undefined), Dictionary.default()).filter((f) => f.rule.code === 'tags-unknown').length, 0);
});

test("DTG: an archive viewer's line straight above the precedence/DTG line is no banner", () => {
  const doc = parseCable('UNCLASSIFIED   STATE   00012345\nR 121530Z MAR 09\nFM SECSTATE WASHDC\nTO AMEMBASSY PARIS 0000\n\nUNCLAS STATE 012345\n\nE.O. 12958: N/A\nTAGS: PREL, FR\nSUBJECT: A PLAIN SUBJECT\n\n1. Text.\n');
  assert.equal(doc.header.dtgLine?.dtg?.text, '121530Z MAR 09');
  assert.equal(doc.banner?.range.start.line, 5);
  assert.equal(doc.header.from?.name.text, 'SECSTATE WASHDC');
  // Alone (no banner below), the viewer's line is still the banner.
  const alone = parseCable('UNCLASSIFIED   STATE   00012345\nR 121530Z MAR 09\n\n1. Text.\n');
  assert.equal(alone.banner?.range.start.line, 0);
});

test('TO/INFO: a page header inside the list is no addressee; INFO XMT lists only exclusions', () => {
  const doc = parseCable('P 182318Z FEB 09\nFM SECSTATE WASHDC\nTO PAGE 02        STATE   015113  182333Z\nALL DIPLOMATIC POSTS COLLECTIVE PRIORITY\nINFO PAGE 03        STATE   015113  182333Z\nAMEMBASSY LIMA PRIORITY\n\nUNCLAS STATE 015113\n\n1. Text.\n');
  assert.deepEqual(doc.header.to.map((a) => a.name.text), ['ALL DIPLOMATIC POSTS COLLECTIVE']);
  assert.deepEqual(doc.header.info.map((a) => a.name.text), ['AMEMBASSY LIMA']);
  const xmt = parseCable('P 182318Z FEB 09\nFM SECSTATE WASHDC\nTO ALL DIPLOMATIC POSTS COLLECTIVE\nINFO XMT AMEMBASSY LIMA\n\nUNCLAS STATE 015113\n\n1. Text.\n');
  assert.deepEqual(xmt.header.info, []);
  assert.deepEqual(xmt.header.xmt.map((a) => a.name.text), ['AMEMBASSY LIMA']);
});
