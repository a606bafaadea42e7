import type { FileHolderDeclaration } from './inserted-files.js';
import type { PersonalFilesDeclaration } from './personal-files.js';
import type { DatedItem, DatedItemsWindow } from './dated-items.js';
import type {
  FastifyBaseLogger,
  FastifyInstance,
  FastifySchema,
  FastifyTypeProvider,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
  RouteGenericInterface,
  RouteHandlerMethod,
  RouteShorthandOptions,
  RouteShorthandOptionsWithHandler,
} from 'fastify';
import type { Static, TSchema } from '@sinclair/typebox';
import type { LocalizedText } from './localized-text.js';
import type { Profile } from './profiles.js';
import type { CurrentUser, PluginServices } from './services.js';
import type { ShareTypeDeclaration } from './sharing.js';

/** Lets route schemas written with `Type` type the handler's params, query, body and reply. */
export interface TypeBoxTypeProvider extends FastifyTypeProvider {
  validator: this['schema'] extends TSchema ? Static<this['schema']> : unknown;
  serializer: this['schema'] extends TSchema ? Static<this['schema']> : unknown;
}

type RawRequest = RawRequestDefaultExpression<RawServerDefault>;
type RawReply = RawReplyDefaultExpression<RawServerDefault>;
type RouteMethod = 'get' | 'head' | 'post' | 'put' | 'delete' | 'options' | 'patch' | 'all';

/** What a plugin's route may put in `config`: the right it needs, one that its manifest declares. */
export interface PluginRouteConfig<Rights extends string = string> {
  right?: Rights;
  /** Marks a route of `publicRoutes`: it answers people who are not signed in. */
  public?: boolean;
}

/**
 * `app.get`, `app.post`… of a plugin: Fastify's shorthands, except that `config.right` must be one of the
 * manifest's rights (`right: 'wirte'` does not compile, where it used to answer 403 blaming the user).
 */
export interface RightCheckedRoute<Rights extends string> {
  <RouteGeneric extends RouteGenericInterface = RouteGenericInterface, ContextConfig extends PluginRouteConfig<Rights> = PluginRouteConfig<Rights>, const SchemaCompiler extends FastifySchema = FastifySchema>(
    path: string,
    opts: RouteShorthandOptions<RawServerDefault, RawRequest, RawReply, RouteGeneric, ContextConfig, SchemaCompiler, TypeBoxTypeProvider, FastifyBaseLogger>,
    handler: RouteHandlerMethod<RawServerDefault, RawRequest, RawReply, RouteGeneric, ContextConfig, SchemaCompiler, TypeBoxTypeProvider, FastifyBaseLogger>,
  ): PluginApp<Rights>;
  <RouteGeneric extends RouteGenericInterface = RouteGenericInterface, ContextConfig extends PluginRouteConfig<Rights> = PluginRouteConfig<Rights>, const SchemaCompiler extends FastifySchema = FastifySchema>(
    path: string,
    handler: RouteHandlerMethod<RawServerDefault, RawRequest, RawReply, RouteGeneric, ContextConfig, SchemaCompiler, TypeBoxTypeProvider, FastifyBaseLogger>,
  ): PluginApp<Rights>;
  <RouteGeneric extends RouteGenericInterface = RouteGenericInterface, ContextConfig extends PluginRouteConfig<Rights> = PluginRouteConfig<Rights>, const SchemaCompiler extends FastifySchema = FastifySchema>(
    path: string,
    opts: RouteShorthandOptionsWithHandler<RawServerDefault, RawRequest, RawReply, RouteGeneric, ContextConfig, SchemaCompiler, TypeBoxTypeProvider, FastifyBaseLogger>,
  ): PluginApp<Rights>;
}

/**
 * The encapsulated Fastify instance a plugin's routes are registered on, under `/api/<name>`. `Rights` are the
 * manifest's rights: `definePlugin` infers them for an inline `routes`, and a routes module names them
 * (`PluginApp<Right>`, with `type Right = 'read' | 'write'`) to have its `config.right` checked too.
 */
export type PluginApp<Rights extends string = string> = Omit<FastifyInstance<RawServerDefault, RawRequest, RawReply, FastifyBaseLogger, TypeBoxTypeProvider>, RouteMethod> & {
  [Method in RouteMethod]: RightCheckedRoute<Rights>;
};

/** A workflow right and the profiles that hold it unless a school changes it. */
export interface RightDeclaration {
  title?: LocalizedText;
  default: readonly Profile[];
}

/** How a notification reaches users who did not choose otherwise. */
export type Delivery = 'immediate' | 'daily' | 'weekly' | 'never';

/** A notification type the plugin sends. */
export interface NotificationTypeDeclaration {
  /** What users see in their notification preferences ("Nouveau mot dans le carnet"). */
  title?: LocalizedText;
  /**
   * The line shown in the timeline and in emails, with `{actor}` (who did it) and `{name}` for each of the
   * `params` given to `notify.send` ("{actor} a écrit un mot : {title}"). Without it, the title is shown.
   */
  message?: LocalizedText;
  /** How the email goes to users who chose nothing (academy administrators may change it). */
  defaultDelivery: Delivery;
  /** Per-profile defaults that replace `defaultDelivery` for those profiles (e.g. `{ Teacher: 'daily' }`). */
  deliveryByProfile?: Readonly<Partial<Record<Profile, Delivery>>>;
  /** Only for the timeline and the live bell: never emailed, whatever the preferences. */
  timelineOnly?: boolean;
  /**
   * Whether it is pushed to the devices of users who chose nothing (Web Push, at the end of their quiet hours):
   * what a family wants on their phone at once (a word from the teacher, a flash message). Not pushed when absent.
   */
  push?: boolean;
  /**
   * The profiles that may ever receive it (`['Teacher', 'Personnel']` for a news item to validate): only they
   * see it in their notification preferences. Every profile when absent.
   */
  profiles?: readonly Profile[];
}

/** The browser side of a plugin. */
export interface WebDeclaration {
  /** The web entry's source (TypeScript or JavaScript), usually `new URL('../web/index.ts', import.meta.url)`. */
  entry: URL | string;
  /** Shown in the launcher. */
  launcher?: { icon: string };
  /**
   * Custom elements of the web entry shown on the home page, for users whose school enables the app:
   * `top` above everything (the director's flash messages), `widget` beside the timeline (latest headlines).
   * Each element must be named after the plugin (`news-flash-messages`).
   */
  home?: readonly HomeContribution[];
  /**
   * Custom elements of the web entry shown as sections of *Mon compte* (a private calendar address to revoke),
   * for users whose school enables the app. Each must be named after the plugin and carry its own heading.
   */
  account?: readonly string[];
  /**
   * The web entry registers editor extensions (`registerEditorExtension`): the shell loads it as soon as the
   * user's apps are known, so that every app's `<preau-editor>` has its buttons, not only once the app is opened.
   */
  editor?: boolean;
}

/** A custom element of a plugin's web entry placed on the shell's home page. */
export interface HomeContribution {
  element: string;
  placement: 'top' | 'widget';
}

/** What needs the user's attention in an app: the launcher's badge, and per child for a relative. */
export interface AppBadge {
  count: number;
  /** For a relative: the count for each child (pupil id), shown in the child switcher. */
  byChild?: Readonly<Record<number, number>>;
}

/** What `preau demo` gives a plugin to add sample content to the demo school. */
export interface DemoContext {
  schoolId: number;
  /** The director (also a teacher). */
  director: number;
  /** Teachers with their class this year. */
  teachers: readonly { id: number; classId: number }[];
  now: Date;
}

/** A plugin manifest: data the core reads as it is, plus the `routes` function. */
export interface PluginManifest<Rights extends string = string, Notifications extends string = string> {
  /** Lower case letters, digits and dashes; also the URL prefix `/api/<name>` and the Postgres schema. */
  name: string;
  version: string;
  /** The semver range of `@preau/sdk` this plugin was written for. */
  sdk: string;
  title: LocalizedText;
  description?: LocalizedText;
  /**
   * The launcher's icon: a name of the shell's set (`messaging`, `notebook`, `news`, `lunch`, `documents`, `blog`, `agenda`,
   * `textbook`, `media`: see `APP_ICON_NAMES` of `@preau/sdk/web`), the plugin's own SVG (`<svg …>…</svg>`, up to 16 KB,
   * shown as an image) or an emoji (older plugins; emoji fonts are missing on some school computers).
   */
  icon?: string;
  /** Plugins that must be loaded (and migrated) before this one. */
  dependsOn?: readonly string[];
  rights?: Readonly<Record<Rights, RightDeclaration>>;
  notifications?: Readonly<Record<Notifications, NotificationTypeDeclaration>>;
  /**
   * The resource types the plugin shares with people and groups through the core's sharing service (`folder`,
   * `file`): the shell's share dialog and `/api/core/shares/<app>/<type>/<id>` serve only these.
   */
  sharing?: Readonly<Record<string, ShareTypeDeclaration>>;
  /**
   * The things of the plugin that hold files inserted in texts (`word`, `post`, `version`): the core asks each
   * who may read one when a file of it is opened at `/api/core/files/<id>` (see `services.insertedFiles`).
   */
  fileHolders?: Readonly<Record<string, FileHolderDeclaration>>;
  /**
   * The plugin keeps people's own files (Documents): other apps file what a person made into a folder of their
   * space through `services.personalFiles`. One app of the platform at most declares it.
   */
  personalFiles?: PersonalFilesDeclaration;
  /** JSON schema of the plugin's settings in the platform configuration. */
  settings?: TSchema | Readonly<Record<string, unknown>>;
  /** The folder of numbered migrations (`001-name.ts` exporting `up` and `down`). */
  migrations?: URL | string;
  /** Registers the plugin's HTTP routes. */
  routes?: (app: PluginApp<Rights>, services: PluginServices<Notifications>) => Promise<void> | void;
  /**
   * Registers routes that answer people who are not signed in (an iCal feed reached by a secret token), also
   * under `/api/<name>`, without the sign-in gate nor `currentUser`: each must say `config: { public: true }`,
   * and checks by itself whatever proves the caller's right (the token) and the app's enablement.
   */
  publicRoutes?: (app: PluginApp<Rights>, services: PluginServices<Notifications>) => Promise<void> | void;
  /**
   * Registers pages for people who are not signed in under `/pub/<name>` (a school's public blog, server-rendered
   * HTML), on the same terms as `publicRoutes`: no sign-in gate nor `currentUser`, each route says
   * `config: { public: true }` and checks by itself what makes the page public and the app's enablement.
   */
  publicPages?: (app: PluginApp<Rights>, services: PluginServices<Notifications>) => Promise<void> | void;
  web?: WebDeclaration;
  /**
   * The plugin's part of a user's personal data export (`GET /api/core/me/export`, RGPD art. 15 and 20): return
   * plain JSON of what the plugin holds about `userId` (what they wrote, what was addressed to them).
   */
  exportPersonalData?: (userId: number, services: PluginServices) => Promise<unknown>;
  /** The launcher's badge for `user` (unread words, unread messages); absent when nothing is waiting. */
  badge?: (user: CurrentUser, services: PluginServices) => Promise<AppBadge>;
  /**
   * The app's dated things that `user` may see over a window of days (homework due, deadlines), which calendars
   * show beside their events through `GET /api/core/dated-items` without knowing the app. Only what the user
   * may open in the app: the core asks, the app decides.
   */
  datedItems?: (user: CurrentUser, window: DatedItemsWindow, services: PluginServices) => Promise<DatedItem[]>;
  /** Adds a few realistic items in French to the demo school (`preau demo`), through the plugin's own tables. */
  demo?: (context: DemoContext, services: PluginServices) => Promise<void>;
}

/** What a migration receives: knex inside the plugin's migration transaction, search path set to its schema. */
export type { Knex as MigrationDb } from 'knex';
