/** The clock a demo ticket's story advances: forward only, never past the injected "now". */
import type { DemoRandom } from './random';

const MINUTE = 60_000;
/** The support desk's day, in UTC (08:00–19:00 in Rome in winter). */
const OPENS_UTC = 7;
const CLOSES_UTC = 18;

export class StoryTime {
  private ms: number;

  /**
   * `pace` shrinks every step for tickets younger than their story usually takes, so a two-day-old
   * escalation still fits its whole history between its creation and now.
   */
  constructor(
    start: Date,
    private readonly now: Date,
    private readonly random: DemoRandom,
    private readonly pace: number,
  ) {
    this.ms = start.getTime();
  }

  /**
   * Moves on by minMinutes..maxMinutes (scaled by the pace), into European office hours when that
   * still lies before now, and returns the new instant.
   */
  later(minMinutes: number, maxMinutes: number): string {
    const step = this.random.int(minMinutes, maxMinutes) * this.pace * MINUTE;
    const next = new Date(this.ms + step);
    if (next.getUTCHours() < OPENS_UTC || next.getUTCHours() >= CLOSES_UTC) {
      const morning = new Date(next);
      if (next.getUTCHours() >= CLOSES_UTC) morning.setUTCDate(morning.getUTCDate() + 1);
      morning.setUTCHours(OPENS_UTC, this.random.int(0, 90), 0, 0);
      if (morning.getTime() < this.latest()) next.setTime(morning.getTime());
    }
    this.moveTo(next.getTime());
    return this.iso();
  }

  /** Jumps to a given instant when it lies ahead (e.g. the end of a remote session). */
  moveTo(ms: number): void {
    this.ms = Math.max(this.ms, Math.min(ms, this.latest()));
  }

  /** A couple of minutes short of now: nothing in the demo happens in the future by accident. */
  private latest(): number {
    return this.now.getTime() - 2 * MINUTE;
  }

  get current(): number {
    return this.ms;
  }

  /** Minutes left before now. */
  get remainingMinutes(): number {
    return (this.now.getTime() - this.ms) / MINUTE;
  }

  iso(): string {
    return new Date(this.ms).toISOString();
  }
}
