/**
 * What a plain-text file costs the editor when the extension is installed: the decision whether it is a
 * cable (client/src/plainTextDecision.ts), which reads the first 4 KB with a few anchored expressions.
 * Timed on ordinary prose and on a cable's head, median of many runs.
 */
import { decidePlainText, HEAD_CHARS } from '../client/src/plainTextDecision.ts';
import { syntheticCable } from './diagnostics.ts';

const PROSE = 'Minutes of the meeting of 4 March. The committee discussed the budget, the move to the new building and the summer schedule; members asked for the papers a week ahead.\n';

function medianMicros(head: string, runs: number): number {
  const times: number[] = [];
  const candidate = { languageId: 'plaintext', scheme: 'file', setting: 'auto', neverForThisFile: false, decidedBefore: false, head: () => head };
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    decidePlainText(candidate);
    times.push((performance.now() - t0) * 1000);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export function benchPlainText(runs = 2000): { proseMicros: number; cableMicros: number } {
  const prose = PROSE.repeat(Math.ceil(HEAD_CHARS / PROSE.length)).slice(0, HEAD_CHARS);
  const cable = syntheticCable(9_000).slice(0, HEAD_CHARS);
  return { proseMicros: medianMicros(prose, runs), cableMicros: medianMicros(cable, runs) };
}
