/**
 * The query language (server/src/workspace/query.ts): parsing each kind of term, matching the facts of a
 * cable, ranking, and the bounded selection of the best matches.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseQuery, matchCable, runQuery, type QueryTerm } from '../../server/src/workspace/query.ts';
import type { CableFacts } from '../../server/src/service/cableFacts.ts';

function cable(partial: Partial<CableFacts> & { id: string }): CableFacts {
  const c = {
    uri: `file:///archive/${partial.id}.cable`,
    fileId: undefined,
    otherName: undefined,
    subject: undefined,
    date: 0,
    level: undefined,
    caveats: [],
    captions: [],
    origin: undefined,
    tags: [],
    refs: [],
    ...partial,
  };
  return { ...c, searchText: [c.id, c.fileId, c.subject, c.otherName].filter(Boolean).join(' ').toUpperCase() };
}

const paris = cable({
  id: '09PARIS100',
  subject: 'France on terrorist finance designations',
  date: 20090720,
  level: 'S',
  caveats: ['NOFORN'],
  captions: ['SIPDIS', 'NOFORN'],
  origin: 'PARIS',
  tags: ['PTER', 'PREL', 'FR'],
});
const london = cable({ id: '09LONDON200', subject: 'UK RESPONSE ON DESIGNATIONS', date: 20090803, level: 'C', origin: 'LONDON', tags: ['PTER', 'UK'], captions: ['SIPDIS'] });
const state = cable({ id: '09STATE5000', subject: 'TERRORIST FINANCE DESIGNATIONS', date: 20090702, level: 'U', origin: 'STATE', tags: ['PTER', 'KTFN'] });
const undated = cable({ id: '08PARIS50', subject: 'FRENCH BUDGET OUTLOOK', date: 20080000, level: 'U', origin: 'PARIS', tags: ['ECON', 'FR'] });
const buenos = cable({ id: '09BUENOSAIRES853', subject: 'ARGENTINA: NUCLEAR COOPERATION', date: 20090715, level: 'C', origin: 'BUENOSAIRES', tags: ['KNNP', 'AR'], caveats: ['NOFORN'] });
const named = cable({ id: '09ROME300', fileId: '09ROME301', otherName: undefined, subject: 'ITALY', date: 20090810, level: 'C', origin: 'ROME' });
const ALL = [paris, london, state, undated, buenos, named];

const ids = (q: string) => runQuery(parseQuery(q), ALL, 100).map((m) => m.cable.id);
const kinds = (q: string) => parseQuery(q).terms.map((t) => t.kind);

test('terms: # TAGS, @ post, ! level or caveat, dates and spans, words, - to leave out', () => {
  assert.deepEqual(kinds('#PTER @PARIS !S !NOFORN 2009-07 brussels'), ['tag', 'post', 'level', 'marking', 'date', 'word']);
  assert.deepEqual(kinds('#pter+@paris+2009'), ['tag', 'post', 'date'], '+ separates as a blank does');
  const t = parseQuery('-#PREL !secret !nf @Buenos-Aires @SecState 2009-07-20 2008..2009-03').terms;
  assert.deepEqual(t, [
    { kind: 'tag', value: 'PREL', negated: true },
    { kind: 'level', value: 'S', negated: false },
    { kind: 'marking', value: 'NOFORN', negated: false },
    { kind: 'post', value: 'BUENOSAIRES', negated: false },
    { kind: 'post', value: 'STATE', negated: false },
    { kind: 'date', from: 20090720, to: 20090720, text: '2009-07-20', negated: false },
    { kind: 'date', from: 20080000, to: 20090399, text: '2008..2009-03', negated: false },
  ] satisfies QueryTerm[]);
  assert.deepEqual(kinds('# @ ! - 1234 2009-13 1899'), ['word', 'word', 'word', 'word'], 'empty sigils dropped; no date, a word');
  assert.equal(parseQuery('#PTER').hasFacets, true);
  assert.equal(parseQuery('paris 100').hasFacets, false);
  assert.equal(parseQuery('paris 100').compact, 'PARIS100');
});

test('each kind of term finds its cables; posts, levels and dates are alternatives, the rest must all hold', () => {
  assert.deepEqual(ids('#PTER'), ['09LONDON200', '09PARIS100', '09STATE5000'], 'newest first');
  assert.deepEqual(ids('#pter #prel'), ['09PARIS100'], 'both TAGS');
  assert.deepEqual(ids('@paris'), ['09PARIS100', '08PARIS50']);
  assert.deepEqual(ids('@buenos_aires'), ['09BUENOSAIRES853'], 'blanks and punctuation ignored');
  assert.deepEqual(ids('@PARIS @LONDON'), ['09LONDON200', '09PARIS100', '08PARIS50'], 'either post');
  assert.deepEqual(ids('!S'), ['09PARIS100']);
  assert.deepEqual(ids('!SECRET !C'), ['09ROME300', '09LONDON200', '09PARIS100', '09BUENOSAIRES853'], 'either level');
  assert.deepEqual(ids('!NOFORN'), ['09PARIS100', '09BUENOSAIRES853'], 'caveat');
  assert.deepEqual(ids('!SIPDIS'), ['09LONDON200', '09PARIS100'], 'caption');
  assert.deepEqual(ids('!NOFORN !SIPDIS'), ['09PARIS100'], 'caveats must all hold');
  assert.deepEqual(ids('2009-07'), ['09PARIS100', '09BUENOSAIRES853', '09STATE5000']);
  assert.deepEqual(ids('2009-07-20'), ['09PARIS100']);
  assert.deepEqual(ids('2008'), ['08PARIS50'], 'a cable known only by its year');
  assert.deepEqual(ids('2008-01'), [], 'is in no month');
  assert.deepEqual(ids('2008..2009-07-10'), ['09STATE5000', '08PARIS50']);
  assert.deepEqual(ids('2009-07..2008'), ['09PARIS100', '09BUENOSAIRES853', '09STATE5000', '08PARIS50'], 'ends in either order');
  assert.deepEqual(ids('#PTER @PARIS 2009'), ['09PARIS100']);
  assert.deepEqual(ids('#PTER -@PARIS'), ['09LONDON200', '09STATE5000']);
  assert.deepEqual(ids('@PARIS -2008'), ['09PARIS100']);
  assert.deepEqual(ids('#PTER -designations'), [], 'a word left out');
  assert.deepEqual(ids('#PTER -!S -!C'), ['09STATE5000']);
});

test('words: the id first, then ids that start with or hold them, then whole words, then parts of words', () => {
  assert.deepEqual(ids('09PARIS100'), ['09PARIS100']);
  assert.deepEqual(ids('paris 100'), ['09PARIS100'], 'blanks ignored within an id');
  assert.deepEqual(ids('designations'), ['09LONDON200', '09PARIS100', '09STATE5000']);
  assert.deepEqual(ids('09ROME301'), ['09ROME300'], 'the id of its file name too');
  const ranks = runQuery(parseQuery('paris'), ALL, 10).map((m) => [m.cable.id, m.rank]);
  assert.deepEqual(ranks, [
    ['09PARIS100', 2],
    ['08PARIS50', 2],
  ]);
  const design = runQuery(parseQuery('design'), ALL, 10).map((m) => m.rank);
  assert.deepEqual(design, [4, 4, 4], 'part of a word ranks below a whole word');
  assert.equal(matchCable(parseQuery('nuclear argentina'), buenos), 3);
  assert.equal(matchCable(parseQuery('nuclear -argentina'), buenos), -1);
  assert.equal(matchCable(parseQuery(''), buenos), 3, 'the empty query matches everything');
});

test('runQuery keeps the best `limit` matches, in order, without sorting them all', () => {
  const many = Array.from({ length: 5000 }, (_, i) =>
    cable({ id: `09STATE${i}`, subject: `REPORT ${i}`, date: 20090101 + (i % 28), origin: 'STATE', tags: i % 3 ? ['PREL'] : ['PTER'] }),
  );
  const top = runQuery(parseQuery('#PTER'), many, 7);
  const all = runQuery(parseQuery('#PTER'), many, 100_000);
  assert.equal(all.length, 1667);
  assert.deepEqual(
    top.map((m) => m.cable.id),
    all.slice(0, 7).map((m) => m.cable.id),
  );
  assert.deepEqual(runQuery(parseQuery('#PTER'), many, 0), []);
});
