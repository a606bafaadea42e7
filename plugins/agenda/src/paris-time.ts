// Events are kept in Paris wall-clock time ("Thursday 08:30"), since that is what stays the same across the
// DST changes; instants are derived from it. A wall time is written 'YYYY-MM-DDTHH:mm' (no zone).

const PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris', hourCycle: 'h23',
  year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
});

/** A Paris wall time, minute precision: 'YYYY-MM-DDTHH:mm'. */
export type WallTime = string;

const WALL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** The Paris wall time of an instant. */
export function toWall(instant: Date): WallTime {
  const p = Object.fromEntries(PARTS.formatToParts(instant).map((part) => [part.type, part.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** True for a well-formed wall time of a real calendar day. */
export function isWallTime(value: string): boolean {
  const m = WALL.exec(value);
  if (!m) return false;
  const date = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!));
  return !Number.isNaN(date.getTime()) && floatingToWall(date) === value;
}

/**
 * The wall time as a Date whose UTC fields are the wall clock's: recurrence rules are expanded in this
 * "floating" time, where no day has 23 or 25 hours, and each occurrence is turned into an instant after.
 */
export function wallToFloating(wall: WallTime): Date {
  const m = WALL.exec(wall);
  if (!m) throw new RangeError(`not a wall time: ${wall}`);
  return new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!));
}

/** The inverse of `wallToFloating`. */
export function floatingToWall(date: Date): WallTime {
  return date.toISOString().slice(0, 16);
}

/**
 * The instant of a Paris wall time. In the hour that does not exist (last Sunday of March, 02:00–03:00) it
 * is the instant one hour later on the clock; in the hour that happens twice (October) the first one.
 */
export function wallToInstant(wall: WallTime): Date {
  const floating = wallToFloating(wall).getTime();
  // Paris is UTC+1 or UTC+2: try both offsets, keep one that reads back as the same wall time.
  for (const offsetHours of [2, 1]) {
    const candidate = new Date(floating - offsetHours * 3_600_000);
    if (toWall(candidate) === wall) return candidate;
  }
  return new Date(floating - 3_600_000);
}

/** Adds minutes to a wall time, on the wall clock (a 1 h event starting at 08:30 ends at 09:30 any day). */
export function addWallMinutes(wall: WallTime, minutes: number): WallTime {
  return floatingToWall(new Date(wallToFloating(wall).getTime() + minutes * 60_000));
}

/** Minutes between two wall times, on the wall clock. */
export function wallMinutesBetween(from: WallTime, to: WallTime): number {
  return Math.round((wallToFloating(to).getTime() - wallToFloating(from).getTime()) / 60_000);
}
