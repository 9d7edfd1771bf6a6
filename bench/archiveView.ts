/**
 * The Cables view and the timeline over the generated archive (bench/archive.ts calls this once the
 * index is built): the server's own time (CPU of its main thread, the `cable/test/threadCpu` hook) for
 * the requests the view sends when it opens (the first level, by each grouping), when a filter is typed
 * (the first level of the filtered cables), when a group is opened (its first page of cables), and for the
 * timeline's bins. The server keeps the last filter's cables until the index changes, so before each
 * timed request another filter is asked for (untimed): every figure is the cost of a filter not yet seen.
 * Targets: the first level ≤ 200 ms, a filter ≤ 300 ms.
 */
import type { ProtocolConnection } from 'vscode-languageserver-protocol/node';

export interface ArchiveViewTiming {
  label: string;
  /** Target in ms of server CPU, when there is one. */
  targetMs?: number;
  cpuMedianMs: number;
  cpuMaxMs: number;
  medianMs: number;
  maxMs: number;
  /** Groups, cables or months answered. */
  size: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface Case {
  label: string;
  targetMs?: number;
  method: string;
  params: object;
  size: (r: never) => number;
}

const FIRST_LEVEL_MS = 200;
const FILTER_MS = 300;
const groups = (r: { groups: unknown[] }) => r.groups.length;

const CASES: Case[] = [
  { label: 'first level by year', targetMs: FIRST_LEVEL_MS, method: 'cable/archive/groups', params: { grouping: 'date', query: '', path: [] }, size: groups },
  { label: 'first level by post', targetMs: FIRST_LEVEL_MS, method: 'cable/archive/groups', params: { grouping: 'post', query: '', path: [] }, size: groups },
  { label: 'first level by classification', targetMs: FIRST_LEVEL_MS, method: 'cable/archive/groups', params: { grouping: 'classification', query: '', path: [] }, size: groups },
  { label: 'first level by TAG', targetMs: FIRST_LEVEL_MS, method: 'cable/archive/groups', params: { grouping: 'tag', query: '', path: [] }, size: groups },
  ...['#PTER', '@PARIS 2009', '!S !NOFORN', 'nuclear', '-#PREL 2005..2009'].map(
    (query): Case => ({ label: `filter '${query}', by year`, targetMs: FILTER_MS, method: 'cable/archive/groups', params: { grouping: 'date', query, path: [] }, size: groups }),
  ),
  { label: "filter 'nuclear', by TAG", targetMs: FILTER_MS, method: 'cable/archive/groups', params: { grouping: 'tag', query: 'nuclear', path: [] }, size: groups },
  {
    label: 'first page (200) of TAG PREL',
    method: 'cable/archive/items',
    params: { grouping: 'tag', query: '', path: ['PREL'], offset: 0, limit: 200 },
    size: (r: { count: number }) => r.count,
  },
  { label: 'timeline, all cables', method: 'cable/archive/timeline', params: { query: '' }, size: (r: { months: unknown[] }) => r.months.length },
  { label: "timeline, '#PTER'", method: 'cable/archive/timeline', params: { query: '#PTER' }, size: (r: { months: unknown[] }) => r.months.length },
];

export async function benchArchiveView(conn: ProtocolConnection, runs = 5): Promise<ArchiveViewTiming[]> {
  const out: ArchiveViewTiming[] = [];
  let other = 0;
  for (const c of CASES) {
    const cpus: number[] = [];
    const walls: number[] = [];
    let size = 0;
    for (let i = 0; i < runs; i++) {
      // Another filter first, so the server's kept cables are not those of this one.
      await conn.sendRequest('cable/archive/groups', { grouping: 'classification', query: `#BENCHNOSUCHTAG${other++}`, path: [] });
      const c0 = (await conn.sendRequest('cable/test/threadCpu')) as number;
      const t0 = performance.now();
      const r = await conn.sendRequest(c.method, c.params);
      walls.push(performance.now() - t0);
      cpus.push(((await conn.sendRequest('cable/test/threadCpu')) as number) - c0);
      size = c.size(r as never);
    }
    out.push({ label: c.label, targetMs: c.targetMs, cpuMedianMs: median(cpus), cpuMaxMs: Math.max(...cpus), medianMs: median(walls), maxMs: Math.max(...walls), size });
  }
  return out;
}

/** The figures as lines, each with its target. */
export function archiveViewLines(timings: readonly ArchiveViewTiming[]): string[] {
  const f = (n: number) => n.toFixed(1);
  return timings.map(
    (t) =>
      `archive view: ${t.label} (${t.size}): server CPU median ${f(t.cpuMedianMs)} ms, longest ${f(t.cpuMaxMs)} ms` +
      `${t.targetMs ? ` (target ≤ ${t.targetMs} ms: ${t.cpuMaxMs <= t.targetMs ? 'met' : 'NOT met'})` : ''}; round trip median ${f(t.medianMs)} ms`,
  );
}
