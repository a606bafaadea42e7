import { parseArgs } from 'node:util';

/** What `npm run load` is asked to do. */
export interface LoadOptions {
  schools: number;
  classes: number;
  pupilsPerClass: number;
  users: number;
  /** Seconds over which the users arrive. */
  ramp: number;
  /** Seconds from the first arrival to the end of the morning. */
  duration: number;
  generators: number;
  /** Server processes (`preau start --workers N`). */
  workers: number;
  /** Share of the users who come back with yesterday's session instead of signing in. */
  sessionReuse: number;
  /** Rebuild the dataset even when one with the same parameters exists. */
  fresh: boolean;
  /** Drop the dataset's database at the end (the test does; a developer keeps it for the next run). */
  drop: boolean;
  json: boolean;
}

const MAX_GENERATORS = 8;

function integer(raw: string | undefined, name: string, fallback: number, min: number, max: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`--${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  return value;
}

/** Reads the command line; throws a message naming the wrong option. */
export function parseLoadOptions(args: string[]): LoadOptions {
  const { values } = parseArgs({
    args,
    options: {
      schools: { type: 'string' }, classes: { type: 'string' }, pupils: { type: 'string' }, users: { type: 'string' },
      ramp: { type: 'string' }, duration: { type: 'string' }, generators: { type: 'string' }, workers: { type: 'string' },
      'session-reuse': { type: 'string' }, fresh: { type: 'boolean', default: false }, drop: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  const reuse = Number(values['session-reuse'] ?? '0.5');
  if (!(reuse >= 0 && reuse <= 1)) throw new Error(`--session-reuse must be a share from 0 to 1, got "${values['session-reuse']}"`);
  const duration = integer(values.duration, 'duration', 60, 5, 3600);
  return {
    schools: integer(values.schools, 'schools', 3, 1, 300),
    classes: integer(values.classes, 'classes', 10, 1, 30),
    pupilsPerClass: integer(values.pupils, 'pupils', 25, 1, 35),
    users: integer(values.users, 'users', 300, 1, 20_000),
    ramp: integer(values.ramp, 'ramp', Math.min(20, duration - 1), 0, duration - 1),
    duration,
    generators: integer(values.generators, 'generators', 2, 1, MAX_GENERATORS),
    workers: integer(values.workers, 'workers', 1, 1, 16),
    sessionReuse: reuse,
    fresh: values.fresh,
    drop: values.drop,
    json: values.json,
  };
}
