import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Dictionary, kindFromShape } from '../../server/src/service/dictionary.ts';

const dict = Dictionary.default();

test('subject TAGS carry their title, category and source', () => {
  const prel = dict.lookupTag('PREL');
  assert.ok(prel);
  assert.equal(prel.kind, 'subject');
  assert.match(prel.title ?? '', /External Political Relations/);
  assert.equal(prel.category, 'Political Affairs');
  assert.equal(prel.status, 'current');
  assert.ok(prel.source.length > 0);
  assert.equal(dict.lookupTag('pgov')?.title, 'Internal Governmental Affairs');
});

test('geographic TAGS: FIPS countries, historical codes and regions', () => {
  assert.equal(dict.lookupTag('RS')?.title, 'Russia');
  assert.equal(dict.lookupTag('RS')?.kind, 'geographic');
  assert.equal(dict.lookupTag('BE')?.title, 'Belgium');
  assert.equal(dict.lookupTag('BE')?.geoKind, 'country');
  assert.equal(dict.lookupTag('UR')?.geoKind, 'historical');
  assert.equal(dict.lookupTag('XF')?.geoKind, 'region');
});

test('a code with two rows returns the best first and all on request (VN)', () => {
  const all = dict.lookupTagAll('VN');
  assert.equal(all.length, 2);
  assert.equal(dict.lookupTag('VN')?.geoKind, 'country');
  assert.ok(all.some((r) => r.geoKind === 'historical'));
});

test('a titled row wins over an untitled one of another kind (UN, AL)', () => {
  assert.equal(dict.lookupTag('UN')?.kind, 'organization');
  assert.equal(dict.lookupTag('UN')?.title, 'United Nations');
  assert.equal(dict.lookupTag('AL')?.title, 'Albania');
});

test('untitled codes stay untitled; unknown codes are undefined', () => {
  const epet = dict.lookupTag('EPET');
  assert.ok(epet);
  assert.equal(epet.kind, 'subject');
  // No title is ever made up: if a source fills EPET in, this row must name it.
  if (epet.title) assert.notEqual(epet.source, 'cablemap code list (no title)');
  assert.equal(dict.lookupTag('QQQQ'), undefined);
  assert.equal(dict.lookupTag(''), undefined);
});

test('program and organization TAGS', () => {
  assert.equal(dict.lookupTag('KPAO')?.kind, 'program');
  assert.equal(dict.lookupTag('IAEA')?.kind, 'organization');
  assert.equal(dict.lookupTag('IAEA')?.title, 'International Atomic Energy Agency');
});

test('typo table and suggestions', () => {
  assert.deepEqual(dict.typo('POGOV')?.correct, ['PGOV']);
  assert.deepEqual(dict.typo('PHUMPGOV')?.correct, ['PHUM', 'PGOV']);
  assert.deepEqual(dict.typo('CLINTON HILLARY')?.correct, ['CLINTON, HILLARY']);
  assert.equal(dict.suggest('RU')[0], 'RS');
  assert.ok(dict.suggest('PREK').includes('PREL'));
  assert.ok(!dict.suggest('PREL').includes('PREL'));
  assert.deepEqual(dict.suggest('ZZZZZZZZZZZZ'), []);
});

test('routing indicators', () => {
  assert.equal(dict.routingIndicator('RUEHBS'), 'AMEMBASSY BRUSSELS');
  assert.equal(dict.routingIndicator('ruehc'), 'DEPT OF STATE WASHINGTON DC');
  assert.equal(dict.routingIndicator('RUEHWEB'), undefined);
  assert.match(dict.routingIndicator('RCCEOTT') ?? '', / \/ /);
});

test('team codes from cable.tags.extra layer over the built-in data', () => {
  const team = dict.withExtra({ kxyz: 'Our program', PREL: 'Team wording' });
  assert.equal(team.lookupTag('KXYZ')?.title, 'Our program');
  assert.equal(team.lookupTag('KXYZ')?.kind, 'program');
  assert.equal(team.lookupTag('PREL')?.title, 'Team wording');
  assert.equal(team.lookupTagAll('PREL').length, 2);
  assert.equal(dict.lookupTag('KXYZ'), undefined, 'the default dictionary is unchanged');
  assert.ok(team.allTags().some((t) => t.code === 'KXYZ'));
  assert.equal(team.allTags().length, dict.allTags().length + 1);
  assert.equal(dict.withExtra({}), dict);
  assert.equal(Dictionary.default(), dict);
});

test('kind from the shape of a code', () => {
  assert.equal(kindFromShape('RS'), 'geographic');
  assert.equal(kindFromShape('KDEM'), 'program');
  assert.equal(kindFromShape('PREL'), 'subject');
  assert.equal(kindFromShape('NATO'), 'subject');
  assert.equal(kindFromShape('UNESCO'), 'organization');
});

test('glossary', () => {
  assert.equal(dict.precedence('R')?.title, 'ROUTINE');
  assert.equal(dict.precedence('Z')?.title, 'FLASH');
  assert.equal(dict.precedence('NIACT  IMMEDIATE')?.title, 'NIACT IMMEDIATE');
  assert.equal(dict.precedence('PRIORITY')?.title, 'PRIORITY');
  assert.equal(dict.security('ZNY')?.title, 'Security warning: classified');
  assert.equal(dict.security('CCCCC')?.title, 'CONFIDENTIAL');
  assert.equal(dict.marking('NF')?.title, 'NOFORN');
  assert.equal(dict.marking('REL TO')?.title, 'RELEASABLE TO');
  assert.equal(dict.caption('SIPDIS')?.title, 'SIPRNet distribution');
  assert.equal(dict.caption('DISSENT CHANNEL')?.title, 'Channel caption');
  assert.equal(dict.caption('SPECAT EXCLUSIVE')?.title, 'SPECAT');
  assert.equal(dict.executiveOrder(12958)?.effective, '1995-10-14');
  assert.equal(dict.executiveOrder('12958')?.replacedBy, '13526');
  assert.match(dict.reason('D')?.title ?? '', /Foreign relations/);
  assert.equal(dict.declassification('OADR')?.title, "Originating Agency's Determination Required");
  assert.equal(dict.declassification('n / a')?.title, 'Not applicable');
  assert.equal(dict.declassification('X5')?.title, 'Exemption category');
  assert.equal(dict.declassification('25X1-HUM')?.title, 'Exemption category (25 years)');
  assert.equal(dict.declassification('X9'), undefined);
  assert.equal(dict.zone('Z')?.offset, 0);
  assert.equal(dict.zone('A')?.offset, 1);
  assert.equal(dict.zone('Y')?.offset, -12);
  assert.equal(dict.zone('J')?.offset, undefined);
  for (const g of ['precedence', 'security', 'marking', 'caption'] as const) {
    assert.equal(dict[g]('NOPE'), undefined);
  }
});
