import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  compareLevels,
  levelName,
  levelRank,
  maxLevel,
  parseMetadataClassification,
  parsePortionMarking,
  readClassificationWords,
  securityLettersLevel,
} from '../../server/src/service/classification.ts';

const R = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

test('rank order U = SBU = LOU < C < S < TS', () => {
  assert.equal(levelRank('U'), levelRank('SBU'));
  assert.equal(levelRank('SBU'), levelRank('LOU'));
  assert.ok(compareLevels('U', 'C') < 0);
  assert.ok(compareLevels('C', 'S') < 0);
  assert.ok(compareLevels('S', 'TS') < 0);
  assert.equal(maxLevel('C', 'S'), 'S');
  assert.equal(levelName('TS'), 'TOP SECRET');
  assert.equal(levelName('LOU'), 'LIMITED OFFICIAL USE');
});

test('banner words: spaced, plain, mixed case, damaged', () => {
  const spaced = readClassificationWords('C O N F I D E N T I A L BRUSSELS 000995', 0)!;
  assert.equal(spaced.level, 'C');
  assert.ok(spaced.spaced);
  assert.equal(spaced.end, 23);
  const mixed = readClassificationWords('S e c r e t nairobi 001938', 0)!;
  assert.equal(mixed.level, 'S');
  assert.ok(mixed.spaced);
  assert.equal(readClassificationWords('UNCLAS KABUL 005855', 0)!.level, 'U');
  assert.equal(readClassificationWords('UNCLASSIFIED BUENOS AIRES 2481', 0)!.end, 12);
  assert.equal(readClassificationWords('T O P S E C R E T STATE 000001', 0)!.level, 'TS');
  assert.equal(readClassificationWords('LIMITED OFFICIAL USE ROME 01234', 0)!.level, 'LOU');
  const damaged = readClassificationWords('SS E C R E T TUNIS 000679', 0)!;
  assert.equal(damaged.level, 'S');
  assert.ok(damaged.damaged);
  assert.ok(readClassificationWords('UUNCLAS MANAGUA 001002', 0)!.damaged);
  assert.equal(readClassificationWords('SECRETARY RICE ARRIVES', 0), undefined);
  assert.equal(readClassificationWords('CONFIDENCE IS HIGH', 0), undefined);
});

test('banner caveats: EFTO, SENSITIVE (makes SBU), //NOFORN', () => {
  const efto = readClassificationWords('UNCLAS EFTO MOSCOW 001234', 0)!;
  assert.deepEqual(efto.caveats, ['EFTO']);
  assert.equal(readClassificationWords('UNCLAS SENSITIVE MOSCOW 001234', 0)!.level, 'SBU');
  assert.deepEqual(readClassificationWords('SECRET//NOFORN STATE 001234', 0)!.caveats, ['NOFORN']);
});

test('security letters', () => {
  assert.equal(securityLettersLevel('CCCCC'), 'C');
  assert.equal(securityLettersLevel('UUUUU'), 'U');
  assert.equal(securityLettersLevel('SSSSS'), 'S');
  assert.equal(securityLettersLevel('TTTTT'), 'TS');
  assert.equal(securityLettersLevel('RRRRR'), 'R');
  assert.equal(securityLettersLevel('CCCC'), undefined);
  assert.equal(securityLettersLevel('CCSCC'), undefined);
});

test('portion markings: levels, caveats, malformed content', () => {
  const pm = (inner: string) => parsePortionMarking(inner, `(${inner})`, R);
  assert.equal(pm('C').level, 'C');
  assert.deepEqual(pm('S//NF').caveats, ['NOFORN']);
  assert.deepEqual(pm('S/NF').caveats, ['NOFORN']);
  assert.deepEqual(pm('C/NOFORN').caveats, ['NOFORN']);
  assert.equal(pm('SBU').level, 'SBU');
  assert.deepEqual(pm('SBU/N').caveats, ['NOFORN']);
  const fouo = pm('U//FOUO');
  assert.equal(fouo.level, 'U');
  assert.deepEqual(fouo.caveats, ['FOUO']);
  assert.deepEqual(pm('S//FGI//NF').caveats, ['FGI', 'NOFORN']);
  assert.equal(pm('secret//rel germany').level, 'S');
  assert.deepEqual(pm('secret//rel germany').caveats, ['REL GERMANY']);
  assert.deepEqual(pm('S/REL TO UK').caveats, ['REL TO UK']);
  const snf = pm('SNF');
  assert.equal(snf.level, 'S');
  assert.equal(snf.malformed, 'missing-separator');
  assert.equal(pm('CC').malformed, 'doubled');
  assert.equal(pm('N/SF').malformed, 'unknown');
  const entire = pm('C - ENTIRE TEXT');
  assert.ok(entire.entireText);
  assert.equal(entire.level, 'C');
});

test('WikiLeaks metadata classification', () => {
  assert.deepEqual(parseMetadataClassification('SECRET//NOFORN'), { level: 'S', caveats: ['NOFORN'] });
  assert.deepEqual(parseMetadataClassification('CONFIDENTIAL'), { level: 'C', caveats: [] });
  assert.deepEqual(parseMetadataClassification('UNCLASSIFIED//FOR OFFICIAL USE ONLY'), { level: 'SBU', caveats: [] });
  assert.equal(parseMetadataClassification('BANANA'), undefined);
});
