import type { Knex } from 'knex';
import type { FastifyBaseLogger } from 'fastify';
import type { Profile } from './profiles.js';
import type { Language } from './localized-text.js';
import type { StructureService } from './structure.js';
import type { JobsService } from './jobs.js';
import type { StorageService } from './storage.js';
import type { SharingService } from './sharing.js';
import type { InsertedFilesService } from './inserted-files.js';
import type { AttachmentSetsService } from './attachments.js';
import type { FfmpegService } from './ffmpeg.js';
import type { PersonalFilesService } from './personal-files.js';

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

/** A person a user may write to, as a search box lists them. */
export interface RecipientUser {
  id: number;
  displayName: string;
  profile: Profile;
  schoolIds: number[];
}

/** A group a user may write to ("Parents — CM2 - Mme X"). */
export interface RecipientGroup {
  id: number;
  name: string;
  kind: 'school' | 'class' | 'manual';
  schoolId: number;
  members: number;
}

/**
 * The communication rules, for every app: who may write to whom. Apps never re-implement them: a message,
 * a word in the liaison notebook or a share goes only to recipients this service allows.
 */
export interface CommunicationService {
  /** Which of these users and groups `from` may write to; `all` when every one of them. */
  canCommunicate(from: number, to: { users?: readonly number[]; groups?: readonly number[] }): Promise<{ all: boolean; users: number[]; groups: number[] }>;
  /** People and groups `user` may write to, matching a search box's words, ranked (last name first, then first name). */
  visibleRecipients(
    user: number,
    options?: { query?: string; profile?: Profile; schoolId?: number; limit?: number },
  ): Promise<{ users: RecipientUser[]; groups: RecipientGroup[] }>;
}

/** Who a notification is for: users and groups (a group's members at the time of sending). */
export interface NotificationRecipients {
  users?: readonly number[];
  groups?: readonly number[];
}

/** What a notification is about: the app, the item's id in that app, and its address in the shell (`/apps/…`). */
export interface NotificationResource {
  app: string;
  id: string;
  url: string;
}

/** A notification to send with `notify.send`. */
export interface NotificationInput<Types extends string = string> {
  /**
   * A type declared in the manifest of `resource.app` (or `'<app>.<type>'`): in `routes`, one the manifest
   * declares, or it does not compile.
   */
  type: Types | `${string}.${string}`;
  recipients: NotificationRecipients;
  /** The user who did what is notified (never notified themselves); null for the platform. */
  actor: number | null;
  resource: NotificationResource;
  /** Values for the type's `message` placeholders; plain JSON, shown as text (never as HTML). */
  params?: Readonly<Record<string, string | number | boolean | null>>;
  /**
   * The essentials an email adds under the message, as plain text lines (never HTML, never in the timeline):
   * `lines` for everyone (the first lines of the text, the question and its deadline), `linesFor` per recipient
   * by user id (a parent's children and their classes), shown first.
   */
  email?: NotificationEmailDetails;
}

/** Plain-text lines a notification's email carries (see {@link NotificationInput.email}). */
export interface NotificationEmailDetails {
  lines?: readonly string[];
  linesFor?: Readonly<Record<number, readonly string[]>>;
}

/** The result of `notify.send`. */
export interface NotificationSent {
  /** The notification's id (the timeline's cursor). */
  id: number;
  /** How many people it reached (group members counted once, the actor left out). */
  recipients: number;
}

/**
 * The only way an app tells people something: the timeline of each recipient at once, their open tabs live
 * (every server process), and email as each recipient chose (immediately, daily or weekly digest, never),
 * outside their quiet hours.
 */
export interface NotifyService<Types extends string = string> {
  send(notification: NotificationInput<Types>): Promise<NotificationSent>;
  /**
   * Tells the open tabs of `users` (on every server process) that something changed, with no timeline item,
   * bell or email: a tracking view refreshes while a teacher watches it. Web code listens with
   * `onLiveSignal(app, handler)` from `@preau/sdk/web`.
   */
  signal(signal: LiveSignal): Promise<void>;
  /**
   * Marks read the notifications about `resource` (its app and id, as sent) for `users`, in the timeline and the
   * bell of every open tab: what the user just read in the app (a flash message dismissed, a message opened)
   * leaves nothing unread behind.
   */
  markRead(input: { users: readonly number[]; resource: Pick<NotificationResource, 'app' | 'id'> }): Promise<void>;
}

/** A live-only message to the open tabs of some users. */
export interface LiveSignal {
  app: string;
  /** What changed (`word-acknowledged`). */
  name: string;
  users: readonly number[];
  /** Small plain JSON (ids, counts), never personal data beyond what the users may already see. */
  data?: Readonly<Record<string, string | number | boolean | null>>;
}

/** Rich text on the server: every app stores only what this returns. */
export interface SanitizeService {
  /** Keeps only what `<preau-editor>` can produce (`RICH_TEXT_SCHEMA`); scripts, handlers and foreign URLs go. */
  richText(html: string): string;
  /** The plain text of rich text, shortened to `maxLength` (for notifications and emails). */
  plainText(html: string, maxLength?: number): string;
  /**
   * Rich text laid out for paper (a PDF): one line per paragraph or list item, items with "•" or their number,
   * links followed by their address, images by their description; shortened to `maxLength`.
   */
  printText(html: string, maxLength?: number): string;
}

/** The core services a plugin receives in `routes(app, services)`. */
export interface PluginServices<Notifications extends string = string> {
  /** knex bound to the plugin's own schema (search path: the plugin's schema, then `core` for its read-only views). */
  db: Knex;
  clock: Clock;
  log: FastifyBaseLogger;
  apps: AppEnablementService;
  rights: RightsService;
  /** Who may write to whom (rules, gateways). */
  communication: CommunicationService;
  /** Rich text sanitizing (the common editor's schema). */
  sanitize: SanitizeService;
  events: EventBus;
  notify: NotifyService<Notifications>;
  /** People, classes, pupils, relatives and class staff (read only). */
  structure: StructureService;
  /** Work done later or daily, once, on one process (scheduled sending, purges). */
  jobs: JobsService;
  /** The file store (attachments, documents, media) with per-user quotas. */
  storage: StorageService;
  /** Sharing of this plugin's resources with people and groups by role, down a tree (the types of `sharing` in the manifest). */
  sharing: SharingService;
  /** Files inserted in the plugin's texts, readable by the texts' readers (`/api/core/files/<id>`). */
  insertedFiles: InsertedFilesService;
  /** Files attached to the plugin's things (a word, an item), with names and order; the app's routes serve them. */
  attachments: AttachmentSetsService;
  /** ffmpeg (from the registry package or the machine), with a time limit per run; `available` null without it. */
  ffmpeg: FfmpegService;
  /** Files put in people's own space (Documents' folders) through the app that keeps it (manifest `personalFiles`). */
  personalFiles: PersonalFilesService;
  /** This plugin's settings, validated against its `settings` schema. */
  settings: Record<string, unknown>;
  /** The plugin's own name and Postgres schema. */
  plugin: { name: string; schema: string };
}
