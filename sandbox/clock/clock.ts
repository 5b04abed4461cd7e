// The simulated clock: deterministic time the learner fast-forwards. Plain data (a number
// of milliseconds since the epoch) so it can live in machine context and share links.

/** 2023-06-01T09:00:00Z: the date of the IAM User Guide excerpt the course teaches from. */
export const DEFAULT_CLOCK_START = Date.UTC(2023, 5, 1, 9, 0, 0);

export interface SimClock {
  readonly now: number;
}

export function createClock(start: number = DEFAULT_CLOCK_START): SimClock {
  return { now: start };
}

/** Negative or non-finite amounts leave the clock unchanged: time never runs backwards. */
export function advanceMinutes(clock: SimClock, minutes: number): SimClock {
  if (!Number.isFinite(minutes) || minutes <= 0) return clock;
  return { now: clock.now + Math.round(minutes * 60_000) };
}

export function advanceSeconds(clock: SimClock, seconds: number): SimClock {
  return advanceMinutes(clock, seconds / 60);
}

/** ISO 8601 in UTC with seconds precision, the way the AWS CLI prints `Expiration`. */
export function isoSeconds(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

/** Accepts ISO 8601 or a relative `+15m` / `-5m` / `+2h` / `+30s` from `now`; `null` when unreadable. */
export function parseTime(text: string, now: number): number | null {
  const relative = /^([+-])(\d{1,6})([smh])$/.exec(text);
  if (relative !== null) {
    const [, sign, amount, unit] = relative;
    const factor = unit === 's' ? 1000 : unit === 'm' ? 60_000 : 3_600_000;
    return now + (sign === '-' ? -1 : 1) * Number(amount) * factor;
  }
  const parsed = Date.parse(text);
  return Number.isNaN(parsed) ? null : parsed;
}
