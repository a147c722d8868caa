/** The chain checker's clock: a UTC time the learner can move, as a datetime-local box shows it. */

const DAY = 86_400_000;

/** `2030-01-31T12:00:00`: the form a datetime-local input takes, read here as UTC. */
export function toClockValue(date: Date): string {
  return date.toISOString().slice(0, 19);
}

/** The time in the box as UTC, or null when it is not a full date and time. */
export function fromClockValue(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return null;
  const date = new Date(`${value.length === 16 ? `${value}:00` : value}Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Whole days from `now` to `date`, rounded toward zero, for the slider. */
export function daysFrom(now: Date, date: Date): number {
  // `|| 0` turns the -0 of "a few hours ago" into 0.
  return Math.trunc((date.getTime() - now.getTime()) / DAY) || 0;
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY);
}

/** "in 400 days", "3 days ago", "now". */
export function relativeWords(days: number): string {
  if (days === 0) return 'today';
  const n = Math.abs(days);
  const unit = n === 1 ? 'day' : 'days';
  return days > 0 ? `in ${n} ${unit}` : `${n} ${unit} ago`;
}
