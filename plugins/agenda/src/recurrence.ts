import rrule from 'rrule';
import { floatingToWall, wallToFloating, type WallTime } from './paris-time.js';

// rrule is CommonJS: its named exports are read from the default one.
const { RRule } = rrule;

/** Weekdays as RFC 5545 names them. */
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export type Frequency = 'daily' | 'weekly' | 'monthly' | 'yearly';

/** How an event repeats, as the event form asks it. */
export interface Recurrence {
  frequency: Frequency;
  interval: number;
  weekdays?: Weekday[];
  /** The last day it may happen on (Paris), inclusive. */
  until?: string;
  /** How many times in all. */
  count?: number;
}

/** At most this many occurrences of one series in one answer: a rule without end is cut to the window. */
export const MAX_OCCURRENCES_PER_SERIES = 1000;

const FREQ: Record<Frequency, number> = { daily: RRule.DAILY, weekly: RRule.WEEKLY, monthly: RRule.MONTHLY, yearly: RRule.YEARLY };
const FREQ_NAME = new Map(Object.entries(FREQ).map(([name, value]) => [value, name as Frequency]));

/** The RRULE value (without DTSTART) of a recurrence, in floating time. */
export function toRule(recurrence: Recurrence): string {
  const parts = [`FREQ=${recurrence.frequency.toUpperCase()}`];
  if (recurrence.interval > 1) parts.push(`INTERVAL=${recurrence.interval}`);
  if (recurrence.weekdays?.length) parts.push(`BYDAY=${recurrence.weekdays.join(',')}`);
  if (recurrence.until) parts.push(`UNTIL=${recurrence.until.replaceAll('-', '')}T235959Z`);
  else if (recurrence.count) parts.push(`COUNT=${recurrence.count}`);
  return parts.join(';');
}

/** The recurrence a stored rule describes, for the form; null when it says more than the form can show. */
export function fromRule(rule: string): Recurrence | null {
  const options = RRule.parseString(rule);
  const frequency = options.freq === undefined ? undefined : FREQ_NAME.get(options.freq);
  if (!frequency) return null;
  const byday = [options.byweekday ?? []].flat().map((day) => (typeof day === 'number' ? WEEKDAYS[day] : typeof day === 'string' ? day : WEEKDAYS[day.weekday]));
  return {
    frequency,
    interval: options.interval ?? 1,
    ...(byday.length ? { weekdays: byday.filter((d): d is Weekday => d !== undefined) } : {}),
    ...(options.until ? { until: options.until.toISOString().slice(0, 10) } : {}),
    ...(options.count ? { count: options.count } : {}),
  };
}

/**
 * Checks a rule from outside (an imported file): it must parse, repeat at most daily, and name no DTSTART of
 * its own. Returns the rule as stored, or null when it is refused.
 */
export function normalizeRule(rule: string): string | null {
  try {
    const text = rule.replace(/^RRULE:/i, '').trim();
    if (/DTSTART/i.test(text) || text.length > 500) return null;
    const options = RRule.parseString(text);
    // HOURLY, MINUTELY and SECONDLY are larger numbers than DAILY in rrule: school events repeat at most daily.
    if (options.freq === undefined || options.freq > RRule.DAILY) return null;
    // A COUNT rule is walked from its start: at most ten years of school days.
    if (options.count && options.count > 5000) return null;
    new RRule({ ...options, dtstart: new Date(Date.UTC(2026, 0, 1)) }).all((_, i) => i < 2);
    return text;
  } catch {
    return null;
  }
}

// Parsed rules, by start and rule: a pure cache (nothing in it differs between processes), bounded, which spares
// parsing on every month view and lets rrule reuse what it computed for the same window.
const RULES = new Map<string, InstanceType<typeof RRule>>();
const MAX_CACHED_RULES = 5000;

function ruleFor(startWall: WallTime, text: string): InstanceType<typeof RRule> {
  const key = `${startWall}|${text}`;
  let rule = RULES.get(key);
  if (!rule) {
    rule = new RRule({ ...RRule.parseString(text), dtstart: wallToFloating(startWall) });
    if (RULES.size >= MAX_CACHED_RULES) RULES.delete(RULES.keys().next().value!);
    RULES.set(key, rule);
  }
  return rule;
}

const DAY_MS = 86_400_000;

/**
 * rrule walks from the series' start: a daily rule begun ten years ago costs a few thousand steps on every
 * view. A daily or weekly rule without COUNT repeats whole periods (interval × a day or a week), so it is
 * expanded from its start moved forward by whole periods to just before the window: the same occurrences.
 */
function startNear(startWall: WallTime, text: string, fromWall: WallTime): WallTime {
  const options = RRule.parseString(text);
  if (options.count || (options.freq !== RRule.DAILY && options.freq !== RRule.WEEKLY)) return startWall;
  const period = (options.interval ?? 1) * (options.freq === RRule.DAILY ? DAY_MS : 7 * DAY_MS);
  const start = wallToFloating(startWall).getTime();
  const periods = Math.floor((wallToFloating(fromWall).getTime() - start) / period) - 1;
  return periods > 0 ? floatingToWall(new Date(start + periods * period)) : startWall;
}

/** A repeating series as it is expanded. */
export interface Series {
  startWall: WallTime;
  durationMinutes: number;
  rule: string;
  exdates: readonly WallTime[];
}

/**
 * The starts (Paris wall time) of the occurrences of a series that overlap [fromWall, toWall), at most
 * `limit`: only the window is expanded, so a rule without end costs what the window holds.
 */
export function occurrencesBetween(series: Series, fromWall: WallTime, toWall: WallTime, limit = MAX_OCCURRENCES_PER_SERIES): WallTime[] {
  const rule = ruleFor(startNear(series.startWall, series.rule, fromWall), series.rule);
  const from = new Date(wallToFloating(fromWall).getTime() - Math.max(series.durationMinutes, 1) * 60_000 + 1);
  const to = new Date(wallToFloating(toWall).getTime() - 1);
  if (to < from) return [];
  const excluded = new Set(series.exdates);
  const starts: WallTime[] = [];
  rule.between(from, to, true, (date) => {
    const wall = floatingToWall(date);
    if (!excluded.has(wall)) starts.push(wall);
    return starts.length < limit;
  });
  return starts;
}

/** True when the series has an occurrence starting at `wall`. */
export function hasOccurrenceAt(series: Series, wall: WallTime): boolean {
  return occurrencesBetween({ ...series, durationMinutes: 1, exdates: [] }, wall, floatingToWall(new Date(wallToFloating(wall).getTime() + 60_000)), 1)[0] === wall;
}

/** The last occurrence's start (floating), or null when the rule never ends. */
export function lastOccurrence(startWall: WallTime, rule: string): WallTime | null {
  const options = RRule.parseString(rule);
  if (!options.until && !options.count) return null;
  const all = new RRule({ ...options, dtstart: wallToFloating(startWall) }).all((_, i) => i < 100_000);
  const last = all.at(-1);
  return last ? floatingToWall(last) : startWall;
}

/** How many occurrences start before `wall` (for a COUNT rule cut in two). */
export function countBefore(startWall: WallTime, rule: string, wall: WallTime): number {
  const options = RRule.parseString(rule);
  return new RRule({ ...options, dtstart: wallToFloating(startWall) }).between(wallToFloating(startWall), new Date(wallToFloating(wall).getTime() - 1), true).length;
}

/** The rule stopped just before `wall` (this series ends where "this and the following" starts). */
export function ruleEndingBefore(startWall: WallTime, rule: string, wall: WallTime): string {
  const kept = countBefore(startWall, rule, wall);
  const parts = rule.split(';').filter((part) => !/^(UNTIL|COUNT)=/i.test(part));
  if (/COUNT=/i.test(rule)) return [...parts, `COUNT=${Math.max(kept, 1)}`].join(';');
  const until = new Date(wallToFloating(wall).getTime() - 60_000);
  return [...parts, `UNTIL=${until.toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`].join(';');
}

/** The rule of the series that continues from `wall` (a COUNT rule keeps the occurrences that were left). */
export function ruleContinuingFrom(startWall: WallTime, rule: string, wall: WallTime): string {
  const count = /COUNT=(\d+)/i.exec(rule);
  if (!count) return rule;
  const left = Number(count[1]) - countBefore(startWall, rule, wall);
  return rule.replace(/COUNT=\d+/i, `COUNT=${Math.max(left, 1)}`);
}
