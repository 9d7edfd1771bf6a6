/**
 * Decides whether a crashed server is restarted: yes while fewer than `limit` crashes happened within
 * the sliding window, no after that, so a server that dies on start-up does not loop forever.
 */
export class RestartPolicy {
  private crashes: number[] = [];

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  shouldRestart(now: number): boolean {
    this.crashes.push(now);
    this.crashes = this.crashes.filter((t) => now - t < this.windowMs);
    return this.crashes.length < this.limit;
  }

  reset(): void {
    this.crashes = [];
  }
}
