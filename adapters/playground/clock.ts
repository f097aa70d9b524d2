// The playground's clock: real time plus an offset the page can move forward, so the reminders and
// chases the scheduler works out from the data arrive when they would, without waiting days. The
// core, the scheduler and the dispatcher all read it; it exists only when the playground is on.

export class PlaygroundClock {
  private offsetMs = 0;

  /** The time the service believes it is. */
  readonly now = (): Date => new Date(Date.now() + this.offsetMs);

  /** How far ahead of real time the clock is. */
  get offset(): number {
    return this.offsetMs;
  }

  /** Moves the clock forward; it never goes back (what has been sent stays sent). */
  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms <= 0) throw new RangeError('the clock only moves forward');
    this.offsetMs += ms;
  }
}
