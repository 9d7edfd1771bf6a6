/**
 * The plot's scales, pure arithmetic: round ticks for the count axis, and which years the time axis
 * labels so that labels never overlap.
 */

/** Ticks 0, step, 2·step … reaching at least `peak`, with step 1, 2 or 5 × 10^k and about `count` ticks. */
export function niceTicks(peak: number, count = 5): number[] {
  if (!(peak > 0)) return [0, 1];
  const rough = peak / count;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude;
  const whole = Math.max(1, Math.round(step));
  const ticks: number[] = [];
  for (let v = 0; v < peak + whole; v += whole) ticks.push(v);
  return ticks;
}

/** Every how many years a label fits, given the pixels a year takes and a label's width. */
export function yearStride(pixelsPerYear: number, labelPixels = 36): number {
  for (const stride of [1, 2, 5, 10, 20, 50, 100]) if (stride * pixelsPerYear >= labelPixels) return stride;
  return 100;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `2009-07` → `July 2009`. */
export function monthName(month: string): string {
  const [y, m] = month.split('-');
  return `${MONTH_NAMES[Number(m) - 1] ?? m} ${y}`;
}
