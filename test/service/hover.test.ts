import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Hover, MarkupContent, Position } from 'vscode-languageserver-types';
import { parseCable } from '../../server/src/service/parse.ts';
import { hover } from '../../server/src/service/features/hover.ts';
import { Dictionary } from '../../server/src/service/dictionary.ts';

const dict = Dictionary.default();
const seed = readFileSync(join(__dirname, '..', 'fixtures', 'seed', '09BRUSSELS995.cable'), 'utf8');

/** Position of the `nth` occurrence of `needle` on the first line containing `lineStart`, `offset` characters in. */
function at(text: string, lineStart: string, needle: string, offset = 1, nth = 0): Position {
  const lines = text.split(/\r\n|\r|\n/);
  const line = lines.findIndex((l) => l.includes(lineStart));
  assert.ok(line >= 0, `no line containing ${lineStart}`);
  let ch = -1;
  for (let i = 0; i <= nth; i++) ch = lines[line].indexOf(needle, ch + 1);
  assert.ok(ch >= 0, `no ${needle} on line ${line}`);
  return { line, character: ch + offset };
}

function hoverAt(text: string, lineStart: string, needle: string, offset = 1, nth = 0): { md: string; h: Hover; covered: string } {
  const doc = parseCable(text);
  const h = hover(doc, at(text, lineStart, needle, offset, nth), dict);
  assert.ok(h, `no hover on ${needle}`);
  const md = (h.contents as MarkupContent).value;
  assert.equal((h.contents as MarkupContent).kind, 'markdown');
  assert.ok(h.range, 'hover carries the range of the element');
  const r = h.range;
  const covered = doc.lines[r.start.line].slice(r.start.character, r.start.line === r.end.line ? r.end.character : undefined);
  return { md, h, covered };
}

const plain = (md: string): string => md.replace(/[*_`\\]/g, '').replace(/,/g, '');

test('seed: TAGS hovers name the code (PREL, RS, BE)', () => {
  const prel = hoverAt(seed, 'TAGS:', 'PREL');
  assert.match(prel.md, /External Political Relations/);
  assert.match(prel.md, /Subject TAGS \(Political Affairs\)/);
  assert.match(prel.md, /Source:/);
  assert.equal(prel.covered, 'PREL');
  const rs = hoverAt(seed, 'TAGS:', 'RS');
  assert.match(rs.md, /Russia/);
  assert.match(rs.md, /country/);
  assert.equal(rs.covered, 'RS');
  assert.match(hoverAt(seed, 'TAGS:', 'BE').md, /Belgium/);
  assert.match(hoverAt(seed, 'TAGS:', 'PGOV').md, /Internal Governmental Affairs/);
});

test('seed: the DTG decodes to day, month, year and UTC time', () => {
  const { md, covered } = hoverAt(seed, 'R 201547Z', '201547Z', 3);
  // The issue writes "20 July 2009, 15:47 UTC"; accept it with or without the comma.
  assert.ok(plain(md).includes('20 July 2009 15:47 UTC'), md);
  assert.match(md, /Zone `Z` \(Zulu\): UTC/);
  assert.match(covered, /^201547Z JUL 09/);
});

test('seed: precedence on FL2 and FL5', () => {
  assert.match(hoverAt(seed, 'RR RUEHWEB', 'RR').md, /ROUTINE/);
  assert.match(hoverAt(seed, 'R 201547Z', 'R ', 0).md, /ROUTINE/);
});

test('seed: DE line station and filing time', () => {
  assert.match(hoverAt(seed, 'DE RUEHBS', 'RUEHBS').md, /AMEMBASSY BRUSSELS/);
  const ft = hoverAt(seed, 'DE RUEHBS', '2011547');
  assert.match(ft.md, /Julian day 201/);
  assert.match(ft.md, /20 July 2009/);
  assert.match(ft.md, /Same minute as the DTG/);
});

test('seed: routing indicators on addressee lines, known and unknown', () => {
  assert.match(hoverAt(seed, 'TO RUEHC/', 'RUEHC').md, /DEPT OF STATE WASHINGTON DC/);
  assert.match(hoverAt(seed, 'INFO RUEHZL', 'RUEHZL').md, /Not in the 2010 Allied Routing Indicator Book/);
});

test('seed: security line', () => {
  assert.match(hoverAt(seed, 'ZNY CCCCC', 'ZNY').md, /classified/);
  assert.match(hoverAt(seed, 'ZNY CCCCC', 'CCCCC').md, /CONFIDENTIAL/);
  assert.match(hoverAt(seed, 'ZNY CCCCC', 'ZZH').md, /not documented/);
});

test('seed: banner, caption, E.O., DECL, reason and portion marking', () => {
  assert.match(hoverAt(seed, 'C O N F I D E N T I A L', 'C O N').md, /CONFIDENTIAL/);
  assert.match(hoverAt(seed, 'SIPDIS', 'SIPDIS').md, /SIPRNet/);
  const eo = hoverAt(seed, 'E.O. 12958', '12958').md;
  assert.match(eo, /E\.O\. 12958/);
  assert.match(eo, /In force 1995–2010/);
  assert.doesNotMatch(eo, /outside those years/);
  const decl = hoverAt(seed, 'E.O. 12958', '07/16/2019').md;
  assert.match(decl, /16 July 2019/);
  assert.match(decl, /10 years after the cable/);
  const reason = hoverAt(seed, '1.4(b) and (d)', '1.4').md;
  assert.match(reason, /\(b\) Foreign government information/);
  assert.match(reason, /\(d\) Foreign relations/);
  assert.match(hoverAt(seed, '1. (C) Poloff', '(C)').md, /CONFIDENTIAL/);
});

test('free text and blank lines have no hover', () => {
  const doc = parseCable(seed);
  assert.equal(hover(doc, at(seed, 'Poloff delivered', 'delivered'), dict), null);
  assert.equal(hover(doc, { line: 2, character: 0 }, dict), null);
  assert.equal(hover(doc, { line: 9999, character: 0 }, dict), null);
});

const SECRET = [
  'VZCZCXRO1234',
  'OO RUEHWEB',
  'DE RUEHMO #0042/01 0010005',
  'ZNY SSSSS ZZH',
  'O 312355Z DEC 08',
  'FM AMEMBASSY MOSCOW',
  'TO RUEHC/SECSTATE WASHDC IMMEDIATE 1234',
  'INFO RUEHBS/AMEMBASSY BRUSSELS NIACT IMMEDIATE 0001',
  'BT',
  'S E C R E T SECTION 01 OF 02 MOSCOW 000042',
  '',
  'NOFORN',
  'SIPDIS',
  '',
  'E.O. 12958: DECL: 12/31/2033',
  'TAGS: PREL POGOV QZQZ RS KXYZ UR (SMITH, JOHN)',
  'SUBJECT: (S//NF) A SYNTHETIC SUBJECT',
  '',
  'Classified By: Ambassador Somebody, reasons 1.4 (b), (d) and (h).',
  '',
  '1. (S//NF) Synthetic text.',
  '',
  '2. (C//NF) More synthetic text.',
  '',
  'SOMEBODY',
].join('\n');

test('synthetic SECRET cable: caveats, NIACT, year rollover in the filing time', () => {
  assert.match(hoverAt(SECRET, 'SUBJECT:', '(S//NF)').md, /NOFORN/);
  assert.match(hoverAt(SECRET, '2. (C//NF)', '(C//NF)').md, /CONFIDENTIAL/);
  assert.match(hoverAt(SECRET, 'INFO RUEHBS', 'NIACT').md, /night action/);
  assert.match(hoverAt(SECRET, 'TO RUEHC', 'IMMEDIATE').md, /IMMEDIATE/);
  const ft = hoverAt(SECRET, 'DE RUEHMO', '0010005').md;
  assert.match(ft, /1 January 2009/);
  assert.match(ft, /10 min after the DTG/);
  assert.match(hoverAt(SECRET, 'ZNY SSSSS', 'SSSSS').md, /SECRET/);
  assert.match(hoverAt(SECRET, 'Classified By', '1.4').md, /\(h\) Development, production, or use of weapons of mass destruction/);
  assert.match(hoverAt(SECRET, 'E.O. 12958', '12/31/2033').md, /25 years after the cable/);
});

test('synthetic TAGS: typo, unknown, team code, historical and person', () => {
  const typo = hoverAt(SECRET, 'TAGS:', 'POGOV').md;
  assert.match(typo, /unknown TAGS code/);
  assert.match(typo, /stands for \*\*PGOV\*\* \(Internal Governmental Affairs\)/);
  const unknown = hoverAt(SECRET, 'TAGS:', 'QZQZ').md;
  assert.match(unknown, /unknown TAGS code/);
  assert.doesNotMatch(unknown, /Subject TAGS/);
  assert.match(hoverAt(SECRET, 'TAGS:', 'UR').md, /Soviet Union/);
  assert.match(hoverAt(SECRET, 'TAGS:', 'SMITH').md, /personal-name TAGS/);
  const doc = parseCable(SECRET);
  const team = hover(doc, at(SECRET, 'TAGS:', 'KXYZ'), dict.withExtra({ KXYZ: 'Our program' }));
  assert.match((team?.contents as MarkupContent).value, /Our program/);
  assert.match((team?.contents as MarkupContent).value, /cable\.tags\.extra/);
});

test('an untitled code says so rather than inventing a title', () => {
  const text = seed.replace('[PREL](#) [PARM](#)', '[PREL](#) [EPET](#)');
  const md = hoverAt(text, 'TAGS:', 'EPET').md;
  assert.match(md, /no title in the sources used/);
});

test('a zone other than Z is applied and named', () => {
  const text = seed.replace('R 201547Z JUL 09', 'R 201547A JUL 09');
  const { md } = hoverAt(text, 'R 201547A', '201547A', 2);
  assert.ok(plain(md).includes('20 July 2009 14:47 UTC'), md);
  assert.match(md, /Alpha/);
});

test('an E.O. out of its years says so', () => {
  const text = seed.replace('E.O. 12958: DECL: 07/16/2019', 'E.O. 11652: GDS');
  assert.match(hoverAt(text, 'E.O. 11652', '11652').md, /outside those years/);
});

test('E.O. instructions other than a date: OADR, N/A, exemption codes', () => {
  const oadr = seed.replace('E.O. 12958: DECL: 07/16/2019', 'E.O. 12356: DECL: OADR');
  assert.match(hoverAt(oadr, 'E.O. 12356', 'OADR').md, /Originating Agency's Determination Required/);
  const na = seed.replace('E.O. 12958: DECL: 07/16/2019', 'E.O. 12958: N/A');
  assert.match(hoverAt(na, 'E.O. 12958', 'N/A').md, /Not applicable/);
  const x = seed.replace('E.O. 12958: DECL: 07/16/2019', 'E.O. 12958: DECL: X1');
  assert.match(hoverAt(x, 'E.O. 12958', 'X1').md, /Exemption category/);
});

test('a damaged banner says which damage: doubled, stray or lost first letter', () => {
  const banner = seed.split('\n').find((l) => /^C O N F I D E N T I A L/.test(l));
  assert.ok(banner, 'the seed has a spaced CONFIDENTIAL banner');
  for (const [damaged, says] of [
    ['CC O N F I D E N T I A L', /doubled first letter is conversion damage/],
    ['SC O N F I D E N T I A L', /stray letter before the word is conversion damage/],
    ['O N F I D E N T I A L', /lost first letter is conversion damage/],
  ] as const) {
    const text = seed.replace(banner, banner.replace('C O N F I D E N T I A L', damaged));
    assert.match(hoverAt(text, damaged, damaged.slice(0, 3)).md, says, damaged);
  }
});
