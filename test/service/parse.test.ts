/**
 * The parser on whole cables: the seed, one synthetic cable per era and format variant
 * (test/fixtures/cables), and the text-level hazards (CRLF, lone CR, BOM, tabs, NUL, huge lines).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCable } from '../../server/src/service/parse.ts';
import { plainModel } from '../../server/src/service/model.ts';
import type { CableDocument, Range } from '../../server/src/service/model.ts';
import { computeFindings } from '../../server/src/service/diagnostics.ts';
import { Dictionary } from '../../server/src/service/dictionary.ts';
import { resolveSettings } from '../../server/src/service/settings.ts';

/** The rules' findings: how a defect the parser read (a field of the model) reaches the reader. */
const findings = (doc: CableDocument) => computeFindings(doc, resolveSettings(undefined), Dictionary.default());

const root = join(__dirname, '..', '..');
const fixture = (name: string) => readFileSync(join(root, 'test', 'fixtures', 'cables', name), 'utf8');
const seedText = readFileSync(join(root, 'test', 'fixtures', 'seed', '09BRUSSELS995.cable'), 'utf8');

/** The text a range covers (single-line ranges). */
function at(doc: CableDocument, r: Range): string {
  assert.equal(r.start.line, r.end.line, 'single-line range expected');
  return doc.lines[r.start.line].slice(r.start.character, r.end.character);
}

test('seed cable 09BRUSSELS995: every element the brief names', () => {
  const doc = parseCable(seedText);
  assert.equal(doc.banner?.level, 'C');
  assert.ok(doc.banner?.spaced);
  assert.equal(doc.banner?.post?.text, 'BRUSSELS');
  assert.equal(doc.banner?.serial?.value, 995);
  assert.equal(at(doc, doc.banner!.range), 'C O N F I D E N T I A L BRUSSELS 000995');
  assert.equal(doc.dtg?.text, '201547Z JUL 09');
  assert.equal(doc.dtg?.iso, '2009-07-20T15:47:00Z');
  assert.equal(at(doc, doc.dtg!.range), '201547Z JUL 09');
  const ft = doc.header.de?.filingTime;
  assert.equal(ft?.julianDay, 201);
  assert.equal(ft?.hour, 15);
  assert.equal(ft?.minute, 47);
  assert.equal(doc.header.de?.station.text, 'RUEHBS');
  assert.equal(doc.header.de?.serial?.value, 995);
  assert.equal(doc.header.transmissionId?.text, 'VZCZCXYZ0015');
  assert.deepEqual(doc.header.routing?.indicators.map((t) => t.text), ['RUEHWEB']);
  assert.equal(doc.header.security?.level, 'C');
  assert.equal(doc.header.from?.name.text, 'AMEMBASSY BRUSSELS');
  assert.equal(doc.header.to[0].routingIndicator?.text, 'RUEHC');
  assert.equal(doc.header.to[0].name.text, 'SECSTATE WASHDC');
  assert.equal(doc.header.to[0].number?.value, 9227);
  assert.equal(doc.header.info[0].name.text, 'EUROPEAN POLITICAL COLLECTIVE');
  assert.deepEqual(doc.captions.map((c) => c.name), ['SIPDIS']);
  assert.equal(doc.distribution[0].to?.text, 'STATE');
  assert.equal(doc.eo?.order?.value, 12958);
  assert.equal(doc.eo?.kind, 'date');
  assert.deepEqual([doc.eo?.declassifyOn?.year, doc.eo?.declassifyOn?.month, doc.eo?.declassifyOn?.day], [2019, 7, 16]);
  assert.deepEqual(doc.tags?.tags.map((t) => t.code), ['PREL', 'PARM', 'PGOV', 'RS', 'BE']);
  assert.deepEqual(doc.tags?.tags.map((t) => t.kind), ['subject', 'subject', 'subject', 'geographic', 'geographic']);
  // The `[PREL](#)` form: the range covers the code only.
  assert.equal(at(doc, doc.tags!.tags[0].range), 'PREL');
  assert.equal(doc.subject?.text, 'BELGIAN REACTION TO RESULTS OF U.S.-RUSSIA PRESIDENTIAL SUMMIT');
  assert.equal(doc.subject?.textRange.end.line, doc.subject!.textRange.start.line + 1);
  assert.equal(doc.references.length, 1);
  assert.equal(doc.references[0].items[0].cableId, '09STATE71326');
  assert.equal(doc.classifiedBy?.reason?.section, '1.4');
  assert.deepEqual(doc.classifiedBy?.reason?.letters, ['b', 'd']);
  assert.equal(doc.classifiedBy?.authority?.text, 'Acting Political Economic Counselor Robert Kiene');
  assert.deepEqual(doc.paragraphs.map((p) => p.number.value), [1, 2, 3]);
  assert.deepEqual(doc.paragraphs.map((p) => p.marking?.text), ['(C)', '(C)', '(C)']);
  assert.deepEqual(doc.signature?.names, ['BUSH']);
  assert.equal(doc.identity.id, '09BRUSSELS995');
  assert.deepEqual(doc.classification, { level: 'C', caveats: [] });
  assert.deepEqual(doc.problems, []);
});

test('1970s NARA-style cable: dual precedence, no routing header, E.O. 11652: GDS, unmarked paragraphs', () => {
  const doc = parseCable(fixture('nara-1973.cable'));
  assert.equal(doc.header.transmissionId, undefined);
  assert.deepEqual(doc.header.dtgLine?.precedence.map((p) => p.value), ['P', 'R']);
  assert.equal(doc.dtg?.iso, '1973-06-25T13:46:00Z');
  assert.equal(doc.header.to[0].precedence?.text, 'PRIORITY');
  assert.equal(doc.header.to[0].number?.value, 4521);
  assert.deepEqual(doc.header.info.map((a) => a.name.text), ['AMEMBASSY ANKARA', 'AMEMBASSY KABUL', 'USMISSION USUN NEW YORK']);
  assert.equal(doc.eo?.order?.value, 11652);
  assert.equal(doc.eo?.kind, 'schedule');
  assert.equal(doc.eo?.exemption?.text, 'GDS');
  assert.deepEqual(doc.captions.map((c) => c.name), ['LIMDIS']);
  assert.deepEqual(doc.references[0].items.map((r) => r.cableId), ['73STATE118240', '73KABUL3977']);
  assert.deepEqual(doc.paragraphs.map((p) => [p.number.value, p.marking]), [[1, undefined], [2, undefined], [3, undefined]]);
  assert.equal(doc.blocks[0]?.kind, 'comment');
  assert.ok(doc.blocks[0].end);
  assert.deepEqual(doc.signature?.names, ['FARLAND']);
  assert.equal(doc.identity.id, '73TEHRAN4388');
  assert.equal(doc.classifiedBy, undefined);
});

test('2008 cable with a full routing header, section 2 of 3, NOFORN, sub-paragraphs and a section marker', () => {
  const doc = parseCable(fixture('routing-2008.cable'));
  const h = doc.header;
  assert.equal(h.transmissionId?.channel, 'XRO');
  assert.equal(h.transmissionId?.serial, '4410');
  assert.equal(h.routing?.precedence.value, 'O');
  assert.deepEqual(h.routing?.indicators.map((t) => t.text), ['RUEHDE', 'RUEHIK', 'RUEHKUK', 'RUEHYG']);
  assert.equal(h.de?.section?.value, 2);
  assert.equal(h.de?.serial?.value, 1234);
  assert.equal(h.security?.level, 'S');
  assert.equal(h.to[0].precedence?.text, 'IMMEDIATE');
  assert.equal(h.info[1].routingIndicator?.text, 'RHEHNSC');
  assert.equal(h.info[1].number?.value, 42);
  assert.equal(h.xmt[0].name.text, 'AMCONSUL BELFAST');
  assert.deepEqual(doc.banner?.section && [doc.banner.section.number, doc.banner.section.of], [2, 3]);
  assert.deepEqual(doc.classification, { level: 'S', caveats: ['NOFORN'] });
  assert.deepEqual(doc.captions.map((c) => c.name), ['NOFORN', 'SIPDIS']);
  assert.equal(doc.distribution[0].who?.text, 'EUR/WE AND INR/EUC');
  // TAGS wrapped onto a second line, with a person in parentheses.
  assert.deepEqual(doc.tags?.tags.map((t) => t.code), ['PREL', 'PGOV', 'MARR', 'OVIP', 'SMITH, JOHN Q.', 'KPAO', 'UK', 'AF']);
  assert.equal(doc.tags?.tags.find((t) => t.code === 'KPAO')?.kind, 'program');
  assert.equal(doc.tags?.tags.find((t) => t.code.startsWith('SMITH'))?.kind, 'person');
  assert.equal(doc.tags?.range.end.line, doc.tags!.range.start.line + 1);
  assert.equal(doc.subject?.marking?.level, 'S');
  assert.deepEqual(doc.subject?.marking?.caveats, ['NOFORN']);
  assert.equal(doc.subject?.text, 'UK DEFENCE REVIEW: WHAT MINISTERS ARE SAYING IN PRIVATE');
  const refs = doc.references[0].items;
  assert.deepEqual(refs.map((r) => r.label), ['A', 'B', 'C']);
  assert.deepEqual(refs.map((r) => r.cableId), ['08LONDON1001', '07STATE98765', undefined]);
  assert.equal(doc.paragraphs[0].marking?.text, '(S//NF)');
  assert.ok(doc.paragraphs[0].pilcrow);
  assert.deepEqual(doc.paragraphs[1].subParagraphs.map((s) => [s.label, s.marking?.level]), [['--', 'C'], ['--', 'U'], ['A', 'SBU']]);
  assert.equal(doc.paragraphs[2].marking?.malformed, 'missing-open-paren');
  assert.ok(findings(doc).some((f) => f.rule.code === 'portion-marking-malformed' && f.range.start.line === doc.paragraphs[2].number.range.start.line));
  assert.deepEqual(doc.blocks.map((b) => [b.kind, !!b.end]), [['summary', true], ['comment', true]]);
  assert.deepEqual(doc.sectionMarkers.map((m) => [m.section, m.of]), [[2, 3]]);
  assert.equal(doc.redactions.length, 1);
  assert.equal(at(doc, doc.redactions[0]), 'XXXXXXXXXXXX');
  assert.deepEqual(doc.signature?.names, ['TUTTLE']);
  assert.equal(doc.identity.id, '08LONDON1234');
});

test('partial extract: short DTG, receiving copy, long date line, 1990s-style Classified By', () => {
  const doc = parseCable(fixture('partial-extract.cable'));
  assert.ok(doc.header.partialExtract);
  assert.equal(doc.header.partialExtract?.dtg?.text, '140915Z Mar 01');
  assert.equal(doc.dtg?.iso, '2001-03-14T09:15:00Z');
  assert.equal(doc.header.dateLine?.iso, '2001-03-14T09:15:00Z');
  assert.ok(doc.header.receivingCopy);
  assert.ok(doc.header.receivingCopy!.lines.some((l) => l.text.startsWith('PAGE 01')));
  assert.ok(doc.header.receivingCopy!.lines.some((l) => l.text.startsWith('INFO  LOG-00')));
  assert.equal(doc.header.from?.name.text, 'AMEMBASSY LUSAKA');
  assert.equal(doc.eo?.declassifyOn?.year, 2011);
  assert.deepEqual(doc.tags?.tags.map((t) => t.code), ['PGOV', 'PREL', 'ZA']);
  assert.equal(doc.tags?.keywordMisspelled, false);
  assert.equal(doc.classifiedBy?.reason?.section, '1.5');
  assert.deepEqual(doc.classifiedBy?.reason?.letters, ['b', 'd']);
  assert.equal(doc.paragraphs.length, 2);
  assert.equal(doc.identity.id, '01LUSAKA1234');
});

test('unclassified and SBU cables', () => {
  const u = parseCable(fixture('unclassified.cable'));
  assert.deepEqual(u.classification, { level: 'U', caveats: [] });
  assert.equal(u.header.security?.level, 'U');
  assert.equal(u.eo?.kind, 'na');
  assert.equal(u.classifiedBy, undefined);
  assert.equal(u.identity.id, '09OTTAWA456');
  const sbu = parseCable(fixture('sbu.cable'));
  assert.equal(sbu.banner?.level, 'U');
  assert.deepEqual(sbu.classification, { level: 'SBU', caveats: [] });
  assert.deepEqual(sbu.paragraphs.map((p) => p.marking?.level), ['SBU', 'SBU']);
});

test('mixed case: banner, captions, E.O., TAGS, references and reason in lower or mixed case', () => {
  const doc = parseCable(fixture('mixed-case.cable'));
  assert.equal(doc.banner?.level, 'S');
  assert.equal(doc.banner?.post?.text, 'nairobi');
  assert.equal(doc.identity.origin, 'NAIROBI');
  assert.equal(doc.identity.id, '09NAIROBI1938');
  assert.deepEqual(doc.captions.map((c) => c.name), ['NOFORN', 'SIPDIS']);
  assert.deepEqual(doc.classification, { level: 'S', caveats: ['NOFORN'] });
  assert.deepEqual([doc.eo?.declassifyOn?.year, doc.eo?.declassifyOn?.month, doc.eo?.declassifyOn?.day], [2019, 8, 13]);
  assert.deepEqual(doc.tags?.tags.map((t) => t.code), ['PREL', 'PGOV', 'KE']);
  assert.equal(doc.subject?.text, 'Kenya: cabinet reshuffle talk');
  assert.deepEqual(doc.references[0].items.map((r) => r.cableId), ['09STATE81234', '09NAIROBI1901']);
  assert.deepEqual(doc.classifiedBy?.reason?.letters, ['b', 'd']);
});

test('CRLF, lone CR and a BOM give the same model with ranges in the original coordinates', () => {
  const lf = parseCable(seedText);
  const crlf = parseCable(`\uFEFF${seedText.replace(/\n/g, '\r\n')}`);
  const cr = parseCable(seedText.replace(/\n/g, '\r'));
  for (const doc of [crlf, cr]) {
    assert.equal(doc.lineCount, lf.lineCount);
    assert.equal(doc.identity.id, '09BRUSSELS995');
    assert.equal(doc.dtg?.iso, lf.dtg?.iso);
    assert.deepEqual(doc.paragraphs.map((p) => p.range), lf.paragraphs.map((p) => p.range));
    assert.deepEqual(doc.tags?.tags.map((t) => t.range), lf.tags?.tags.map((t) => t.range));
  }
  assert.equal(crlf.lines[0], '\uFEFF');
  assert.ok(!crlf.lines.some((l) => l.includes('\r')));
});

test('a BOM before the first header line is character 0 and is skipped', () => {
  const doc = parseCable(`\uFEFF${seedText.trimStart()}`);
  assert.equal(doc.header.transmissionId?.range.start.character, 1);
  assert.equal(doc.identity.id, '09BRUSSELS995');
});

test('tabs and no-break spaces read as blanks without moving ranges', () => {
  const text = seedText.replace('E.O. 12958: DECL: 07/16/2019', 'E.O.\t12958:\u00a0DECL: 07/16/2019').replace('1. (C) Poloff', '1.\t(C) Poloff');
  const doc = parseCable(text);
  assert.equal(doc.eo?.order?.value, 12958);
  assert.equal(doc.eo?.declassifyOn?.year, 2019);
  assert.equal(doc.paragraphs[0].marking?.text, '(C)');
  assert.equal(at(doc, doc.paragraphs[0].marking!.range), '(C)');
});

test('hostile input: empty, NUL bytes, a 100 000-character line, binary-looking noise', () => {
  const empty = parseCable('');
  assert.equal(empty.lineCount, 1);
  assert.ok(empty.problems.some((p) => p.code === 'banner-missing'));
  const nul = parseCable(seedText.replace('SIPDIS', 'SIP\0DIS'));
  assert.equal(nul.identity.id, '09BRUSSELS995');
  const long = `${seedText}\n${'A'.repeat(50_000)} ${'(C) 1. XXXX '.repeat(4_000)}\n`;
  const t0 = performance.now();
  const doc = parseCable(long);
  assert.ok(performance.now() - t0 < 500, 'a huge line must not slow the parser down');
  assert.equal(doc.identity.id, '09BRUSSELS995');
  const spaces = parseCable(`${' '.repeat(100_000)}1`);
  assert.equal(spaces.lineCount, 1);
  let noise = '';
  for (let i = 0; i < 20_000; i++) noise += String.fromCharCode((i * 7919) % 0x3000);
  assert.doesNotThrow(() => parseCable(noise));
});

test('walls of lines that look like continuations stay linear', () => {
  const banner = 'C O N F I D E N T I A L MADRID 000123\n';
  const walls = {
    tags: `${banner}TAGS: PREL\n${'PGOV PREL\n'.repeat(50_000)}`,
    subject: `${banner}SUBJECT: X\n${'subject continues\n'.repeat(50_000)}`,
    refs: `${banner}SUBJECT: X\nREF: A. SOMETHING\n${'more text here\n'.repeat(50_000)}`,
    classifiedBy: `${banner}Classified By: someone\n${'text line\n'.repeat(50_000)}`,
    addressees: `TO ${'X '.repeat(100_000)}\n${'RUEHC/SECSTATE WASHDC\n'.repeat(50_000)}`,
    endsWithoutStart: `${banner}SUBJECT: X\n\n1. (C) x\n${'End comment.\nEnd summary.\n'.repeat(30_000)}`,
  };
  for (const [name, text] of Object.entries(walls)) {
    const t0 = performance.now();
    parseCable(text);
    // Generous for a busy machine: the quadratic versions took tens of seconds.
    assert.ok(performance.now() - t0 < 3000, `${name}: ${Math.round(performance.now() - t0)} ms`);
  }
});

test('parsing is deterministic', () => {
  assert.deepEqual(plainModel(parseCable(seedText)), plainModel(parseCable(seedText)));
});
