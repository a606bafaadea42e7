import type { EventRow } from './events.js';
import { wallToInstant, type WallTime } from './paris-time.js';

// RFC 5545 text written by hand: the feed of a teacher reading ten calendars is built on every poll of their
// phone, and plain string building is the cheapest way; ical.js reads it back in the tests.

/** Europe/Paris as calendar clients expect it: times carry TZID=Europe/Paris, so 08:30 stays 08:30 across DST. */
const VTIMEZONE = [
  'BEGIN:VTIMEZONE', 'TZID:Europe/Paris', 'X-LIC-LOCATION:Europe/Paris',
  'BEGIN:DAYLIGHT', 'TZOFFSETFROM:+0100', 'TZOFFSETTO:+0200', 'TZNAME:CEST', 'DTSTART:19700329T020000', 'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU', 'END:DAYLIGHT',
  'BEGIN:STANDARD', 'TZOFFSETFROM:+0200', 'TZOFFSETTO:+0100', 'TZNAME:CET', 'DTSTART:19701025T030000', 'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU', 'END:STANDARD',
  'END:VTIMEZONE',
];

/** Escapes a TEXT value (RFC 5545 §3.3.11). */
export function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Folds a content line at 75 octets, never inside a UTF-8 character. */
export function fold(line: string): string {
  if (Buffer.byteLength(line) <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let size = 0;
  for (const char of line) {
    const bytes = Buffer.byteLength(char);
    if (size + bytes > (parts.length ? 74 : 75)) {
      parts.push(current);
      current = '';
      size = 0;
    }
    current += char;
    size += bytes;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const utc = (date: Date) => date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
const local = (wall: WallTime) => `${wall.replace(/[-:]/g, '')}00`;
const day = (wall: WallTime) => wall.slice(0, 10).replace(/-/g, '');

/** A DTSTART-like property of a wall time: a DATE for an all-day event, else a Paris local time. */
function timeProperty(name: string, wall: WallTime, allDay: boolean): string {
  return allDay ? `${name};VALUE=DATE:${day(wall)}` : `${name};TZID=Europe/Paris:${local(wall)}`;
}

/**
 * The stored rule as clients read it: the stored UNTIL is in floating time (the wall clock), RFC 5545 wants
 * it in UTC beside a TZID start, or a DATE beside a DATE start.
 */
function exportedRule(rule: string, allDay: boolean): string {
  return rule.replace(/UNTIL=(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})\d{2}Z/i, (_, y: string, mo: string, d: string, h: string, mi: string) =>
    allDay ? `UNTIL=${y}${mo}${d}` : `UNTIL=${utc(wallToInstant(`${y}-${mo}-${d}T${h}:${mi}`))}`);
}

/** What the writer needs besides the rows. */
export interface IcsCalendarInfo {
  name: string;
}

/**
 * A VCALENDAR of these events: series with their RRULE and EXDATE, occurrences changed alone as overrides
 * (same UID, RECURRENCE-ID) of their series, which then does not list them among its deleted ones.
 */
export function writeIcs(rows: readonly EventRow[], info: IcsCalendarInfo): string {
  const overridden = new Map<number, Set<WallTime>>();
  for (const row of rows) {
    if (row.series_id !== null && row.occurrence_wall) {
      if (!overridden.has(row.series_id)) overridden.set(row.series_id, new Set());
      overridden.get(row.series_id)!.add(row.occurrence_wall);
    }
  }
  const seriesIds = new Set(rows.filter((r) => r.rule).map((r) => r.id));
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Préau//Agenda//FR', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(info.name)}`, 'X-WR-TIMEZONE:Europe/Paris', ...VTIMEZONE];
  for (const row of rows) {
    lines.push('BEGIN:VEVENT', `UID:${escapeText(row.uid)}`, `DTSTAMP:${utc(row.updated_at)}`, `SEQUENCE:${row.sequence}`,
      timeProperty('DTSTART', row.start_wall, row.all_day), timeProperty('DTEND', row.end_wall, row.all_day),
      `SUMMARY:${escapeText(row.title)}`);
    if (row.place) lines.push(`LOCATION:${escapeText(row.place)}`);
    if (row.description_text) lines.push(`DESCRIPTION:${escapeText(row.description_text)}`);
    if (row.rule) {
      lines.push(`RRULE:${exportedRule(row.rule, row.all_day)}`);
      const kept = overridden.get(row.id) ?? new Set();
      for (const wall of row.exdates.filter((w) => !kept.has(w))) lines.push(timeProperty('EXDATE', wall, row.all_day));
    }
    // An override whose series is not in this file would stand alone wrongly: it is then a plain event.
    if (row.series_id !== null && row.occurrence_wall && seriesIds.has(row.series_id)) {
      lines.push(timeProperty('RECURRENCE-ID', row.occurrence_wall, row.all_day));
    }
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
