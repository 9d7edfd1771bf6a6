/**
 * The timeline's bins: cables per month, stacked by classification, over the cables a filter keeps. The
 * server bins and the webview only draws, so the plot costs the same at 250 000 cables as at 50.
 *
 * No LSP types and no I/O.
 */
import type { CableFacts } from '../service/cableFacts.ts';
import { LEVEL_KEYS, type LevelKey } from './archiveView.ts';

export interface ArchiveTimeline {
  /** Every month from the first to the last with a cable (`2009-07`), empty months included. */
  months: string[];
  /** The stack's levels, highest first, only those present. */
  levels: LevelKey[];
  /** counts[m][l]: cables of month m at level levels[l]. */
  counts: number[][];
  /** Cables binned. */
  binned: number;
  /** Cables kept by the filter whose month is not known (undated, or a year alone). */
  undated: number;
  /** The highest month's total, for the axis. */
  peak: number;
}

/** A span of more months than this (dates that are wrong by centuries) lists the months with cables only. */
const MAX_FILLED_MONTHS = 1200;

/** yyyymm as a count of months, so that consecutive months are consecutive numbers. */
const monthIndex = (yyyymm: number): number => Math.floor(yyyymm / 100) * 12 + ((yyyymm % 100) - 1);
const monthText = (index: number): string => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;

export function timelineOf(cables: Iterable<CableFacts>): ArchiveTimeline {
  const levelSlot = new Map<LevelKey, number>(LEVEL_KEYS.map((l, i) => [l, i]));
  const bins = new Map<number, number[]>();
  let undated = 0;
  let binned = 0;
  for (const c of cables) {
    const yyyymm = Math.floor(c.date / 100);
    if (yyyymm % 100 === 0) {
      undated++;
      continue;
    }
    const m = monthIndex(yyyymm);
    let bin = bins.get(m);
    if (!bin) bins.set(m, (bin = new Array<number>(LEVEL_KEYS.length).fill(0)));
    bin[levelSlot.get(c.level ?? 'none')!]!++;
    binned++;
  }
  const present = LEVEL_KEYS.map((_, i) => [...bins.values()].some((b) => b[i]! > 0));
  const levels = LEVEL_KEYS.filter((_, i) => present[i]);
  const keys = [...bins.keys()].sort((a, b) => a - b);
  const first = keys[0];
  const last = keys.at(-1);
  const order = first !== undefined && last !== undefined && last - first < MAX_FILLED_MONTHS ? range(first, last) : keys;
  let peak = 0;
  const counts = order.map((m) => {
    const bin = bins.get(m);
    const row = LEVEL_KEYS.flatMap((_, i) => (present[i] ? [bin?.[i] ?? 0] : []));
    peak = Math.max(peak, row.reduce((a, b) => a + b, 0));
    return row;
  });
  return { months: order.map(monthText), levels, counts, binned, undated, peak };
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i <= to; i++) out.push(i);
  return out;
}
