import { createHash } from 'node:crypto';
import ICAL from 'ical.js';
import { BadIcsFile, TooManyEvents } from './errors.js';
import { addWallMinutes, isWallTime, toWall, wallToFloating, type WallTime } from './paris-time.js';
import { normalizeRule } from './recurrence.js';

/** At most this many events in one file. */
export const MAX_IMPORTED_EVENTS = 2000;

/** One event of an .ics file, in the agenda's terms (times in Paris wall time). */
export interface ImportedEvent {
  uid: string;
  title: string;
  /** Plain text. */
  description: string;
  place: string;
  allDay: boolean;
  startWall: WallTime;
  endWall: WallTime;
  rule: string | null;
  exdates: WallTime[];
  /** For an override of one occurrence: the start it replaces. */
  recurrenceWall: WallTime | null;
}

const pad = (n: number, size = 2) => String(n).padStart(size, '0');

/** The instant of a wall time in any IANA zone Intl knows, or null when it does not know it. */
function zonedInstant(fields: { year: number; month: number; day: number; hour: number; minute: number }, timeZone: string): Date | null {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
  } catch {
    return null;
  }
  const floating = Date.UTC(fields.year, fields.month - 1, fields.day, fields.hour, fields.minute);
  let guess = floating;
  for (let i = 0; i < 3; i += 1) {
    const p = Object.fromEntries(format.formatToParts(new Date(guess)).map((part) => [part.type, Number(part.value)]));
    const seen = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!);
    if (seen === floating) break;
    guess += floating - seen;
  }
  return new Date(guess);
}

/**
 * The Paris wall time of a DATE-TIME of the file: UTC (`Z`), a TZID that Intl knows or that the file defines in
 * a VTIMEZONE, or floating (read as Paris time). Null for a date (all-day).
 */
function wallOf(time: ICAL.Time, tzid: string | null, zones: Map<string, ICAL.Timezone>, what: string): WallTime {
  const fields = { year: time.year, month: time.month, day: time.day, hour: time.hour, minute: time.minute };
  const floating = `${pad(fields.year, 4)}-${pad(fields.month)}-${pad(fields.day)}T${pad(fields.hour)}:${pad(fields.minute)}`;
  if (!isWallTime(floating)) throw BadIcsFile(`la date ${what} n'existe pas`);
  if (time.isDate) return `${floating.slice(0, 10)}T00:00`;
  if (time.zone?.tzid === 'UTC') return toWall(new Date(Date.UTC(fields.year, fields.month - 1, fields.day, fields.hour, fields.minute)));
  if (!tzid || tzid === 'Europe/Paris') return floating;
  const defined = zones.get(tzid);
  if (defined) {
    const offset = defined.utcOffset(time);
    return toWall(new Date(wallToFloating(floating).getTime() - offset * 1000));
  }
  const instant = zonedInstant(fields, tzid.replace(/^\/+/, ''));
  if (!instant) throw BadIcsFile(`le fuseau horaire « ${tzid.slice(0, 60)} » ${what} est inconnu`);
  return toWall(instant);
}

/**
 * ical.js rolls impossible dates over (13th month, 45th day): the raw values of the dated properties are
 * checked first, so a bad date is told and never imported as another one.
 */
function checkRawDates(event: ICAL.Component, what: string): void {
  for (const name of ['dtstart', 'dtend', 'exdate', 'recurrence-id']) {
    for (const property of event.getAllProperties(name)) {
      for (const raw of property.jCal.slice(3)) {
        const m = typeof raw === 'string' ? /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})Z?)?$/.exec(raw) : null;
        const ok = m && isWallTime(`${m[1]}-${m[2]}-${m[3]}T${m[4] ?? '00'}:${m[5] ?? '00'}`) && Number(m[6] ?? 0) < 61;
        if (!ok) throw BadIcsFile(`une date ${what} n'existe pas`);
      }
    }
  }
}

const stringValue = (event: ICAL.Component, name: string): string => {
  const value = event.getFirstPropertyValue(name);
  return typeof value === 'string' ? value : value == null ? '' : String(value);
};

/**
 * Reads an .ics file: every VEVENT, in the agenda's terms. Throws a coded 400 (in French) for a file that is
 * not iCalendar, holds too many events, a date that does not exist, or a rule the agenda cannot repeat.
 */
export function readIcs(text: string): ImportedEvent[] {
  let root: ICAL.Component;
  try {
    root = new ICAL.Component(ICAL.parse(text) as unknown[]);
  } catch {
    throw BadIcsFile("ce n'est pas un fichier iCalendar valide");
  }
  if (root.name !== 'vcalendar') throw BadIcsFile("ce n'est pas un fichier iCalendar valide");
  const events = root.getAllSubcomponents('vevent');
  if (events.length > MAX_IMPORTED_EVENTS) throw TooManyEvents(MAX_IMPORTED_EVENTS);
  const zones = new Map<string, ICAL.Timezone>();
  for (const zone of root.getAllSubcomponents('vtimezone')) {
    const tzid = stringValue(zone, 'tzid');
    if (tzid) zones.set(tzid, new ICAL.Timezone(zone));
  }
  return events.flatMap((event): ImportedEvent[] => {
    if (stringValue(event, 'status').toUpperCase() === 'CANCELLED') return [];
    const title = stringValue(event, 'summary').trim().slice(0, 200) || '(sans titre)';
    const what = `de « ${title.slice(0, 60)} »`;
    checkRawDates(event, what);
    const startProperty = event.getFirstProperty('dtstart');
    const start = startProperty?.getFirstValue();
    if (!startProperty || !(start instanceof ICAL.Time)) throw BadIcsFile(`l'événement ${what} n'a pas de date de début`);
    const tzidOf = (property: ICAL.Property | null) => (property?.getParameter('tzid') as string | undefined) ?? null;
    const allDay = start.isDate;
    const startWall = wallOf(start, tzidOf(startProperty), zones, `de début ${what}`);
    let endWall: WallTime;
    const endProperty = event.getFirstProperty('dtend');
    const end = endProperty?.getFirstValue();
    const duration = event.getFirstPropertyValue('duration');
    if (end instanceof ICAL.Time) endWall = wallOf(end, tzidOf(endProperty), zones, `de fin ${what}`);
    else if (duration instanceof ICAL.Duration) endWall = addWallMinutes(startWall, Math.round(duration.toSeconds() / 60));
    else endWall = addWallMinutes(startWall, allDay ? 24 * 60 : 60);
    if (endWall <= startWall) endWall = addWallMinutes(startWall, allDay ? 24 * 60 : 60);

    const recur = event.getFirstPropertyValue('rrule');
    let rule: string | null = null;
    if (recur instanceof ICAL.Recur) {
      // UNTIL in the file is UTC (or a date); the agenda keeps it on the wall clock, like its starts.
      const untilTime = recur.until;
      const text = recur.toString().replace(/;?UNTIL=[^;]*/i, '');
      const until = untilTime ? (untilTime.isDate ? `${untilTime.toString().slice(0, 10)}T23:59` : wallOf(untilTime, null, zones, `de fin de répétition ${what}`)) : null;
      rule = normalizeRule(until ? `${text};UNTIL=${wallToFloating(until).toISOString().replace(/[-:]/g, '').slice(0, 15)}Z` : text);
      if (!rule) throw BadIcsFile(`la répétition ${what} n'est pas prise en charge`);
    }
    const exdates = event.getAllProperties('exdate').flatMap((property) => property.getValues()
      .filter((value): value is ICAL.Time => value instanceof ICAL.Time)
      .map((value) => wallOf(value, tzidOf(property), zones, `d'exception ${what}`)));
    const recurrenceProperty = event.getFirstProperty('recurrence-id');
    const recurrenceValue = recurrenceProperty?.getFirstValue();
    const uid = stringValue(event, 'uid').trim().slice(0, 255)
      // Without a UID, the same event imported twice must still be found again: its content names it.
      || `${createHash('sha256').update(`${title}|${startWall}`).digest('hex').slice(0, 32)}@import`;
    return [{
      uid, title,
      description: stringValue(event, 'description').slice(0, 20_000),
      place: stringValue(event, 'location').trim().slice(0, 200),
      allDay, startWall, endWall, rule, exdates: [...new Set(exdates)].sort(),
      recurrenceWall: recurrenceValue instanceof ICAL.Time ? wallOf(recurrenceValue, tzidOf(recurrenceProperty), zones, `d'occurrence ${what}`) : null,
    }];
  });
}

/** Plain text as the editor's rich text: a paragraph per paragraph, escaped. */
export function textToHtml(text: string): string {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return text.split(/\r?\n\s*\r?\n/).map((paragraph) => paragraph.trim()).filter(Boolean)
    .map((paragraph) => `<p>${paragraph.split(/\r?\n/).map(escape).join('<br>')}</p>`).join('');
}

