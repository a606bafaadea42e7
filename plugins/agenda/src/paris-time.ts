// Events are kept in Paris wall-clock time ("Thursday 08:30"), since that is what stays the same across the
// DST changes; instants are derived from it. A wall time is written 'YYYY-MM-DDTHH:mm' (no zone).

const HOUR = 3_600_000;

// Paris is UTC+1, and UTC+2 from the last Sunday of March to the last Sunday of October, both changes at 01:00
// UTC (the EU rule since 1996). Computed rather than asked of Intl: a month view turns hundreds of wall times
// into instants, and Intl's formatToParts costs about 100 µs a call where this costs well under one.
const summers = new Map<number, [number, number]>();
function summerOf(year: number): [number, number] {
  let summer = summers.get(year);
  if (!summer) {
    const lastSunday = (month: number) => {
      const last = new Date(Date.UTC(year, month + 1, 0));
      return Date.UTC(year, month, last.getUTCDate() - last.getUTCDay(), 1);
    };
    summer = [lastSunday(2), lastSunday(9)];
    summers.set(year, summer);
  }
  return summer;
}

const INTL = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' });

/** Paris' offset from UTC at an instant, in milliseconds. */
function offsetAt(ms: number): number {
  const year = new Date(ms).getUTCFullYear();
  if (year < 1996) {
    // Before the EU rule (an imported file's old dates): ask Intl.
    const p = Object.fromEntries(INTL.formatToParts(new Date(ms)).map((part) => [part.type, Number(part.value)]));
    return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!) - Math.floor(ms / 60_000) * 60_000;
  }
  const [start, end] = summerOf(year);
  return ms >= start && ms < end ? 2 * HOUR : HOUR;
}

/** A Paris wall time, minute precision: 'YYYY-MM-DDTHH:mm'. */
export type WallTime = string;

const WALL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** The Paris wall time of an instant. */
export function toWall(instant: Date): WallTime {
  const ms = instant.getTime();
  return new Date(ms + offsetAt(ms)).toISOString().slice(0, 16);
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
  // Summer time first: in October's doubled hour the first of the two instants is kept.
  if (offsetAt(floating - 2 * HOUR) === 2 * HOUR) return new Date(floating - 2 * HOUR);
  return new Date(floating - HOUR);
}

/** Adds minutes to a wall time, on the wall clock (a 1 h event starting at 08:30 ends at 09:30 any day). */
export function addWallMinutes(wall: WallTime, minutes: number): WallTime {
  return floatingToWall(new Date(wallToFloating(wall).getTime() + minutes * 60_000));
}

/** Minutes between two wall times, on the wall clock. */
export function wallMinutesBetween(from: WallTime, to: WallTime): number {
  return Math.round((wallToFloating(to).getTime() - wallToFloating(from).getTime()) / 60_000);
}
