/**
 * The archive view's model and the timeline's bins (server/src/workspace/archiveView.ts,
 * archiveTimeline.ts) over hand-made facts: groups and counts per grouping, the filter, paging, the
 * cache kept until the set changes, and the months binned by level.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CableFacts } from '../../server/src/service/cableFacts.ts';
import { ArchiveView, filterCables, firstCables, groupCables, cablesIn, pageBounds, scopeOf, MAX_PAGE } from '../../server/src/workspace/archiveView.ts';
import { timelineOf } from '../../server/src/workspace/archiveTimeline.ts';
import { groupTitles } from '../../server/src/workspace/archiveTitles.ts';
import { Dictionary } from '../../server/src/service/dictionary.ts';

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

const CABLES: CableFacts[] = [
  cable({ id: '09PARIS100', subject: 'FRANCE ON TERRORIST FINANCE', date: 20090720, level: 'S', caveats: ['NOFORN'], origin: 'PARIS', tags: ['PTER', 'PREL', 'FR'] }),
  cable({ id: '09PARIS99', subject: 'FRENCH VIEWS ON THE G8', date: 20090615, level: 'C', origin: 'PARIS', tags: ['PREL', 'FR'] }),
  cable({ id: '09LONDON200', subject: 'UK RESPONSE', date: 20090803, level: 'C', origin: 'LONDON', tags: ['PTER', 'UK'] }),
  cable({ id: '09STATE5000', subject: 'TERRORIST FINANCE DESIGNATIONS', date: 20090702, level: 'U', origin: 'STATE', tags: ['PTER', 'KTFN'] }),
  cable({ id: '08PARIS50', subject: 'FRENCH BUDGET', date: 20080000, level: 'U', origin: 'PARIS', tags: ['ECON', 'FR'] }),
  cable({ id: '07ROME1', subject: 'NOTHING KNOWN', date: 20071130, origin: 'ROME' }),
  cable({ id: 'DRAFT', date: 0 }),
];

const summary = (gs: { key: string; label: string; count: number; hasGroups: boolean }[]) => gs.map((g) => `${g.label}:${g.count}${g.hasGroups ? '+' : ''}`);

test('by date: years with their counts, oldest first, then the undated; a year opens into months', () => {
  assert.deepEqual(summary(groupCables(CABLES, 'date', [])), ['2007:1+', '2008:1+', '2009:4+', 'Undated:1']);
  assert.deepEqual(summary(groupCables(CABLES, 'date', ['2009'])), ['June 2009:1', 'July 2009:2', 'August 2009:1']);
  assert.deepEqual(summary(groupCables(CABLES, 'date', ['2008'])), ['2008, month unknown:1']);
  assert.deepEqual(groupCables(CABLES, 'date', ['2009']).map((g) => g.key), ['2009-06', '2009-07', '2009-08']);
});

test('by post, by classification (highest first) and by TAG (a cable under each of its TAGS)', () => {
  assert.deepEqual(summary(groupCables(CABLES, 'post', [])), ['LONDON:1', 'PARIS:3', 'ROME:1', 'STATE:1', 'No post:1']);
  assert.deepEqual(summary(groupCables(CABLES, 'classification', [])), ['SECRET:1', 'CONFIDENTIAL:2', 'UNCLASSIFIED:2', 'No classification:2']);
  assert.deepEqual(groupCables(CABLES, 'classification', []).map((g) => g.level), ['S', 'C', 'U', 'none']);
  assert.deepEqual(summary(groupCables(CABLES, 'tag', [])), ['ECON:1', 'FR:3', 'KTFN:1', 'PREL:2', 'PTER:3', 'UK:1', 'No TAGS:2']);
});

test('coded groups are titled from the TAGS and post data; a code no source titles, and the empty groups, are not', () => {
  const titles = groupTitles(Dictionary.default());
  const titled = (grouping: 'tag' | 'post' | 'date' | 'classification', cables = CABLES) =>
    groupCables(cables, grouping, [], titles).map((g) => `${g.label}=${g.title ?? '-'}`);
  assert.deepEqual(titled('tag'), [
    'ECON=Economic Conditions',
    'FR=France',
    'KTFN=-',
    'PREL=Political Affairs--External Political Relations',
    'PTER=Terrorists and Terrorism',
    'UK=United Kingdom',
    'No TAGS=-',
  ]);
  assert.deepEqual(titled('post'), ['LONDON=AMEMBASSY LONDON', 'PARIS=AMEMBASSY PARIS', 'ROME=AMEMBASSY ROME', 'STATE=-', 'No post=-']);
  // A post of two words is one word in a cable id.
  const buenosAires = cable({ id: '09BUENOSAIRES853', origin: 'BUENOSAIRES' });
  assert.deepEqual(titled('post', [buenosAires]), ['BUENOSAIRES=AMEMBASSY BUENOS AIRES']);
  assert.ok(titled('date').every((t) => t.endsWith('=-')));
  assert.ok(titled('classification').every((t) => t.endsWith('=-')), 'the levels are written out already');
  // The view passes its titles on.
  const view = new ArchiveView(() => new Map(CABLES.map((c) => [c.uri, c])), titles);
  assert.equal(view.groups(scopeOf({ grouping: 'tag', query: '#PTER', path: [] })).groups.find((g) => g.key === 'PTER')?.title, 'Terrorists and Terrorism');
});

test('the cables of a group, oldest first', () => {
  assert.deepEqual(cablesIn(CABLES, 'tag', ['PTER']).map((c) => c.id), ['09STATE5000', '09PARIS100', '09LONDON200']);
  assert.deepEqual(cablesIn(CABLES, 'date', ['2009', '2009-07']).map((c) => c.id), ['09STATE5000', '09PARIS100']);
  assert.deepEqual(cablesIn(CABLES, 'date', ['undated']).map((c) => c.id), ['DRAFT']);
  assert.deepEqual(cablesIn(CABLES, 'post', ['']).map((c) => c.id), ['DRAFT']);
});

test('the filter speaks the query language of workspace symbols', () => {
  const ids = (q: string) => filterCables(CABLES, q).map((c) => c.id);
  assert.deepEqual(ids('#PTER @PARIS'), ['09PARIS100']);
  assert.deepEqual(ids('!C 2009'), ['09PARIS99', '09LONDON200']);
  assert.deepEqual(ids('#FR -2009'), ['08PARIS50']);
  assert.deepEqual(ids('french'), ['09PARIS99', '08PARIS50']);
  assert.equal(ids('').length, CABLES.length);
  assert.equal(ids('   ').length, CABLES.length);
  assert.deepEqual(summary(groupCables(filterCables(CABLES, '#PTER'), 'date', [])), ['2009:3+']);
});

test('the view pages through a group, counts the filtered and the whole set, and forgets when told', () => {
  const set = new Map(CABLES.map((c) => [c.uri, c]));
  const view = new ArchiveView(() => set);
  const scope = scopeOf({ grouping: 'tag', query: '@PARIS', path: ['FR'] });
  const first = view.items(scope, 0, 2);
  assert.equal(first.count, 3);
  assert.deepEqual(first.items.map((i) => i.label), ['08PARIS50', '09PARIS99']);
  assert.deepEqual(view.items(scope, 2, 2).items.map((i) => i.label), ['09PARIS100']);
  assert.deepEqual(view.items(scope, 9, 2).items, []);
  const item = first.items[1]!;
  assert.equal(item.level, 'C');
  assert.equal(item.subject, 'FRENCH VIEWS ON THE G8');
  assert.equal(item.uri, 'file:///archive/09PARIS99.cable');
  const groups = view.groups(scopeOf({ grouping: 'date', query: '@PARIS', path: [] }));
  assert.equal(groups.matched, 3);
  assert.equal(groups.total, CABLES.length);

  // A new cable is seen only after invalidate (the index calls it on every change).
  const added = cable({ id: '09PARIS1', date: 20090101, level: 'U', origin: 'PARIS', tags: ['FR'] });
  set.set(added.uri, added);
  assert.equal(view.items(scope, 0, 10).count, 3);
  view.invalidate();
  assert.equal(view.items(scope, 0, 10).count, 4);
  assert.equal(view.groups(scopeOf({ grouping: 'post', query: '', path: [] })).total, CABLES.length + 1);
});

test('what the client sends is checked: unknown groupings, bad paths and page sizes', () => {
  assert.deepEqual(scopeOf({ grouping: 'colour' as never, query: 5 as never, path: ['2009', 7 as never] }), { grouping: 'date', query: '', path: ['2009'] });
  assert.deepEqual(scopeOf(undefined), { grouping: 'date', query: '', path: [] });
  assert.deepEqual(pageBounds(-5, 1e9), { offset: 0, limit: MAX_PAGE });
  assert.deepEqual(pageBounds(Number.NaN, 0), { offset: 0, limit: 1 });
  assert.deepEqual(pageBounds(10.7, undefined), { offset: 10, limit: 200 });
});

test('timeline: months from first to last, gaps filled, stacked by the levels present', () => {
  const t = timelineOf(CABLES);
  assert.equal(t.months[0], '2007-11');
  assert.equal(t.months.at(-1), '2009-08');
  assert.equal(t.months.length, 22);
  assert.deepEqual(t.levels, ['S', 'C', 'U', 'none']);
  const row = (m: string) => t.counts[t.months.indexOf(m)];
  assert.deepEqual(row('2009-07'), [1, 0, 1, 0]);
  assert.deepEqual(row('2009-08'), [0, 1, 0, 0]);
  assert.deepEqual(row('2007-11'), [0, 0, 0, 1]);
  assert.deepEqual(row('2008-06'), [0, 0, 0, 0]);
  assert.equal(t.binned, 5);
  assert.equal(t.undated, 2, 'the undated draft and the cable of 2008 with no month');
  assert.equal(t.peak, 2);
  assert.equal(t.counts.flat().reduce((a, b) => a + b, 0), t.binned);
});

test('timeline of nothing, and of dates centuries apart (only the months with cables)', () => {
  assert.deepEqual(timelineOf([]), { months: [], levels: [], counts: [], binned: 0, undated: 0, peak: 0 });
  const t = timelineOf([cable({ id: 'A', date: 19010105, level: 'U' }), cable({ id: 'B', date: 20090105, level: 'U' })]);
  assert.deepEqual(t.months, ['1901-01', '2009-01']);
});

test('pages of a large group: picked without sorting at first, the same cables as after sorting it', () => {
  const many: CableFacts[] = [];
  // Dates and ids in a scrambled order, with ties on the date.
  for (let i = 0; i < 3000; i++) {
    const k = (i * 7919) % 3000;
    many.push(cable({ id: `09PARIS${k}`, date: 20090100 + (k % 28) + 1, level: 'C', origin: 'PARIS', tags: ['PREL'] }));
  }
  const sorted = cablesIn(many, 'tag', ['PREL']).map((c) => c.id);
  assert.deepEqual(firstCables(many, 50).map((c) => c.id), sorted.slice(0, 50));
  assert.deepEqual(firstCables(many.slice(0, 10), 50).map((c) => c.id), cablesIn(many.slice(0, 10), 'tag', ['PREL']).map((c) => c.id));
  const view = new ArchiveView(() => new Map(many.map((c) => [c.uri, c])));
  const scope = scopeOf({ grouping: 'tag', query: '', path: ['PREL'] });
  const pages: string[] = [];
  // The first pages are picked out; the later ones sort the group once; together they are the sorted list.
  for (let offset = 0; offset < many.length; offset += 100) pages.push(...view.items(scope, offset, 100).items.map((i) => i.label));
  assert.deepEqual(pages, sorted);
});
