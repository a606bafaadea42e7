import type { Knex } from 'knex';
import type { FastifyBaseLogger } from 'fastify';
import type { Profile } from './profiles.js';
import type { Language } from './localized-text.js';

/** Where the platform reads the time; tests replace it to move through a school year. */
export interface Clock {
  /** The current instant. */
  now(): Date;
}

/** A function a user holds: director of a school, local administrator of a school, or academy administrator of all. */
export interface UserFunction {
  function: 'director' | 'local-admin' | 'academy-admin';
  /** The school concerned; absent for an academy administrator. */
  schoolId?: number;
}

/** The signed-in user of a request. */
export interface CurrentUser {
  id: number;
  login: string;
  displayName: string;
  profile: Profile;
  language: Language;
  /** Every school the user belongs to. */
  schools: SchoolRef[];
  functions: UserFunction[];
}

/** A school, as plugins see it. */
export interface SchoolRef {
  id: number;
  uai: string;
  name: string;
}

/** Per-school activation of apps; answers from a short cache kept in step on every server process. */
export interface AppEnablementService {
  /** True when `app` is enabled for `schoolId` today (Europe/Paris), date range included. */
  isEnabled(schoolId: number, app: string): boolean;
  /** The schools among `schoolIds` where `app` is enabled today. */
  enabledSchools(schoolIds: readonly number[], app: string): number[];
}

/** Workflow rights ("may publish the menu"): declared by plugins with default profiles. */
export interface RightsService {
  /** True when `user` holds `right` of `app` in at least one of `schoolIds` (all of the user's schools by default). */
  can(user: CurrentUser, app: string, right: string, schoolIds?: readonly number[]): boolean;
}

/** Messages between server processes (PostgreSQL LISTEN/NOTIFY): every process, this one included, receives them. */
export interface EventBus {
  /** Sends `payload` to every subscriber of `channel` on every process. */
  publish(channel: string, payload: unknown): Promise<void>;
  /** Calls `handler` for each message on `channel`; returns the function that stops listening. */
  subscribe(channel: string, handler: (payload: unknown) => void): Promise<() => Promise<void>>;
}

/** The core services a plugin receives in `routes(app, services)`. */
export interface PluginServices {
  /** knex bound to the plugin's own schema (search path: the plugin's schema, then `core` for its read-only views). */
  db: Knex;
  clock: Clock;
  log: FastifyBaseLogger;
  apps: AppEnablementService;
  rights: RightsService;
  events: EventBus;
  /** This plugin's settings, validated against its `settings` schema. */
  settings: Record<string, unknown>;
  /** The plugin's own name and Postgres schema. */
  plugin: { name: string; schema: string };
}
