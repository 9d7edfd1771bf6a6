/**
 * When a plain-text document becomes a Diplomatic Cable (client/src/plainTextDecision.ts): the setting,
 * the user's "Never for this file", a document already decided, and the head test. The head is read only
 * when the answer depends on it, so an ordinary text file with the setting off costs nothing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decidePlainText, describeSign, plainTextSetting, type PlainTextCandidate } from '../../client/src/plainTextDecision.ts';

const root = join(__dirname, '..', '..');

const CABLE = ['VZCZCXYZ0321', 'RR RUEHC', 'DE RUEHOT #0321 2011547', 'ZNR UUUUU ZZH', 'R 201547Z JUL 09', 'FM AMEMBASSY OTTAWA', 'TO RUEHC/SECSTATE WASHDC 4321', 'BT', 'UNCLAS OTTAWA 000321', ''].join('\n');
const PROSE = 'Minutes of the archive meeting\n\nWe discussed the cables of 1973 and their TAGS.\n';

/** A candidate that counts how often its head is read. */
function candidate(over: Partial<Omit<PlainTextCandidate, 'head'>> & { text?: string } = {}): PlainTextCandidate & { reads: number } {
  const c = {
    languageId: 'plaintext',
    scheme: 'file',
    setting: 'auto' as unknown,
    neverForThisFile: false,
    decidedBefore: false,
    reads: 0,
    ...over,
    head() {
      c.reads++;
      return over.text ?? CABLE;
    },
  };
  return c;
}

test('a plain-text cable is switched with the default setting, and the sign is named', () => {
  const c = candidate();
  assert.deepEqual(decidePlainText(c), { action: 'switch', sign: 'routing-line' });
  assert.equal(c.reads, 1);
  assert.match(describeSign('routing-line'), /VZCZC/);
});

test('"ask" asks instead of switching', () => {
  assert.deepEqual(decidePlainText(candidate({ setting: 'ask' })), { action: 'ask', sign: 'routing-line' });
});

test('a cable saved without a routing header is found by its heading lines', () => {
  const text = 'C O N F I D E N T I A L PARIS 000123\n\nSIPDIS\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL FR\nSUBJECT: FRENCH VIEWS\n';
  assert.deepEqual(decidePlainText(candidate({ text })), { action: 'switch', sign: 'heading' });
});

test('ordinary text stays plain text', () => {
  assert.deepEqual(decidePlainText(candidate({ text: PROSE })), { action: 'leave', reason: 'not-a-cable' });
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  assert.equal(decidePlainText(candidate({ text: readme })).action, 'leave');
});

test('"off", "Never for this file" and a document decided before are left alone without reading them', () => {
  for (const [over, reason] of [
    [{ setting: 'off' }, 'off'],
    [{ neverForThisFile: true }, 'never-for-this-file'],
    [{ decidedBefore: true }, 'decided-before'],
    [{ languageId: 'markdown' }, 'not-plain-text'],
    [{ languageId: 'cable' }, 'not-plain-text'],
    [{ scheme: 'output' }, 'scheme'],
  ] as const) {
    const c = candidate(over);
    assert.deepEqual(decidePlainText(c), { action: 'leave', reason }, JSON.stringify(over));
    assert.equal(c.reads, 0, `${JSON.stringify(over)}: the head was read`);
  }
});

test('a missing or unknown setting counts as "auto"', () => {
  assert.equal(plainTextSetting(undefined), 'auto');
  assert.equal(plainTextSetting('sometimes'), 'auto');
  assert.equal(plainTextSetting('off'), 'off');
  assert.deepEqual(decidePlainText(candidate({ setting: 42 })), { action: 'switch', sign: 'routing-line' });
});

test('files from other schemes (a remote, a virtual repository, an untitled buffer) are judged like local ones', () => {
  for (const scheme of ['vscode-remote', 'vscode-vfs', 'untitled', 'git']) {
    assert.equal(decidePlainText(candidate({ scheme })).action, 'switch', scheme);
  }
});
