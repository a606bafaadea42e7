import type { Knex } from 'knex';
import type { LocalizedText } from './localized-text.js';
import type { Profile } from './profiles.js';

/** A role of the default list a resource is shared with: each includes the ones before it. */
export type ShareRole = 'read' | 'contribute' | 'manage';

/**
 * What a user may do on a resource: a shared role of its type's list (the default list unless the manifest
 * declares one), or `owner` (the person the app registered it for).
 */
export type AccessRole<R extends string = ShareRole> = R | 'owner';

/** The default list's roles, weakest first. */
export const SHARE_ROLES: readonly ShareRole[] = ['read', 'contribute', 'manage'];

/** Every access role of the default list, weakest first: `owner` includes `manage`. */
export const ACCESS_ROLES: readonly AccessRole[] = ['read', 'contribute', 'manage', 'owner'];

/**
 * A role of a resource type's list (`roles` of a `sharing` type in the manifest), as the share dialog shows it.
 * `name`: 1 to 40 letters, digits or `-`, starting with a lowercase letter; `owner` is not one.
 */
export interface ShareRoleDeclaration<R extends string = string> {
  name: R;
  /** Its name in the dialog's menu: `{ fr: 'Publication', en: 'Publishing' }`. */
  label: LocalizedText;
  /** What it allows, shown after its label under the menu (« Lecture : voir et télécharger »). */
  description: LocalizedText;
}

/** The roles of a type that declares none: lecture, contribution, gestion. */
export const DEFAULT_SHARE_ROLES: readonly ShareRoleDeclaration<ShareRole>[] = [
  {
    name: 'read',
    label: { fr: 'Lecture', en: 'Read' },
    description: { fr: 'voir et télécharger', en: 'see and download' },
  },
  {
    name: 'contribute',
    label: { fr: 'Contribution', en: 'Contribute' },
    description: { fr: 'voir, et ajouter du contenu', en: 'see, and add content' },
  },
  {
    name: 'manage',
    label: { fr: 'Gestion', en: 'Manage' },
    description: { fr: 'tout, y compris renommer, supprimer et partager', en: 'everything, including rename, delete and share' },
  },
];

/**
 * True when `role` includes `needed` (`manage` includes `read`; `null`, no access, includes nothing). A type
 * with its own role list passes the list's names, weakest first; `owner` includes every role.
 *
 * @example
 * if (!roleIncludes(await sharing.roleOf(user.id, folder), 'contribute')) throw FolderReadOnly();
 * if (!roleIncludes(role, 'publish', THREAD_ROLES)) throw RoleTooLow();
 */
export function roleIncludes(role: AccessRole | null | undefined, needed: AccessRole): boolean;
export function roleIncludes<R extends string>(role: AccessRole<R> | null | undefined, needed: AccessRole<R>, roles: readonly R[]): boolean;
export function roleIncludes(role: string | null | undefined, needed: string, roles: readonly string[] = SHARE_ROLES): boolean {
  if (role == null) return false;
  const order = [...roles, 'owner'];
  const wanted = order.indexOf(needed);
  return wanted >= 0 && order.indexOf(role) >= wanted;
}

/**
 * The app's sharing service typed with a type's own role list (the core checks every role against the type's
 * declared list at run time; this only gives the plugin's code the list's names).
 *
 * @example
 * const threads = sharingWithRoles(services.sharing, THREAD_ROLES); // SharingService<'read' | … | 'manage'>
 */
export function sharingWithRoles<R extends string>(sharing: SharingService, roles: readonly (R | ShareRoleDeclaration<R>)[]): SharingService<R> {
  void roles;
  return sharing as unknown as SharingService<R>;
}

/**
 * A resource of the plugin, as the sharing service knows it: a type declared in the manifest's `sharing` and
 * the plugin's own id for it (a number or a string of 1 to 64 letters, digits, `_` or `-`). The app is
 * always the plugin's own: a plugin never reads or changes another app's shares.
 */
export interface SharedResourceRef {
  type: string;
  id: string | number;
}

/**
 * A resource type a plugin shares through the core (`sharing` in the manifest). The core's share routes
 * (`/api/core/shares/<app>/<type>/<id>`) answer only for declared types.
 */
export interface ShareTypeDeclaration {
  /** The thing with its article, as a sentence names it: `{ fr: 'un dossier', en: 'a folder' }`. */
  title: LocalizedText;
  /** The shell address of one resource, `{id}` standing for its id: `'/apps/documents/folders/{id}'`. */
  url: string;
  /** A right of the manifest that the share routes ask for, in one of the user's schools (all users by default). */
  right?: string;
  /**
   * The type's roles, weakest first, each including the ones before it; the last one manages the sharing
   * (shares, changes roles, removes grants). 2 to 8 roles with distinct names. `DEFAULT_SHARE_ROLES` when absent.
   * The roles of a tree's types should be the same list: a grant inherited down the tree keeps its position.
   */
  roles?: readonly ShareRoleDeclaration[];
  /**
   * People who hold the last role on every resource of the type without a grant: `school-admins`, the
   * directors and local administrators of the school the resource is registered in (`register`'s `school`),
   * and the academy's administrators.
   */
  implicitManagers?: 'school-admins';
}

/** Options every write of the sharing service takes. */
export interface ShareWriteOptions {
  /** The transaction of the plugin's own write: both are kept, or neither. Notifications leave after its commit. */
  transaction?: Knex.Transaction;
}

/** People and groups to grant one role to. */
export interface GrantInput<R extends string = ShareRole> {
  /** A role of the type's list (\`PREAU_ERR_SHARE_ROLE_UNKNOWN\`, 400, otherwise). */
  role: R;
  users?: readonly number[];
  groups?: readonly number[];
}

/** Options of `grant`. */
export interface GrantOptions extends ShareWriteOptions {
  /**
   * Who shares: they must hold `manage` on the resource (or own it) and may reach every grantee under the
   * communication rules. `null` only for the plugin's own rules (a class folder shared with its class when it
   * is made): no check is made.
   */
  by: number | null;
  /**
   * Tells the people who gained access (the core's `shared-with-you` notification, in their timeline and by
   * email as they chose), if the app is on in one of their schools. `{ name }` adds the resource's name, as plain text. Default: true.
   */
  notify?: boolean | { name: string };
  /**
   * The school a grant to a person is made in (it stops applying when they leave that school). By default, the
   * first school the sharer and the person are both current members of, else the person's first school.
   */
  schoolId?: number;
}

/** Someone a resource is shared with, as the share dialog lists them. */
export type ShareGrantee =
  | { kind: 'user'; id: number; displayName: string; profile: Profile }
  | { kind: 'group'; id: number; name: string; schoolId: number };

/** One grant of a role on a resource or on one of its ancestors. */
export interface ShareGrant<R extends string = ShareRole> {
  grantee: ShareGrantee;
  role: R;
  /** The school it was made in: it applies only while the person (or the group's member) is a current member of it. */
  schoolId: number | null;
  grantedBy: { id: number; displayName: string } | null;
  grantedAt: Date;
  /** Null when granted on the resource itself; else the ancestor it is inherited from. */
  inheritedFrom: { type: string; id: string } | null;
  /** True when it gives nothing now: the person left the grant's school, or the group is last year's class. */
  lapsed: boolean;
}

/** The grants of one resource: its own, then those inherited from its ancestors (nearest first). */
export interface ResourceGrants<R extends string = ShareRole> {
  owner: { id: number; displayName: string } | null;
  grants: ShareGrant<R>[];
}

/** A resource shared with a user, as "Partagé avec moi" lists it. */
export interface SharedItem<R extends string = ShareRole> {
  type: string;
  id: string;
  role: R;
  sharedAt: Date;
}

/** One page of "Partagé avec moi": resources grouped by the person who shared them. */
export interface SharedWithMePage<R extends string = ShareRole> {
  /**
   * By sharer (alphabetical), newest share first within each. A sharer may continue on the next page: append
   * the next page's first group to the last one when their `sharedBy.id` match.
   */
  people: { sharedBy: { id: number; displayName: string } | null; items: SharedItem<R>[] }[];
  /** Pass it back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

/**
 * Resource sharing, one service for every app (documents, blogs, agendas, books, news threads). The plugin
 * registers its resources in a tree (a file in a folder) with their owner; people are granted a role on a
 * resource (`read`, `contribute`, `manage`, or the roles its type declares), directly or through a group. A user's role on a resource is the
 * strongest of: `owner` when they own it or one of its ancestors, and every grant on it or an ancestor to
 * them or to a group they are in now, and the type's last role for its implicit managers (`implicitManagers`).
 * `R` is the type's role names (see `sharingWithRoles`).
 *
 * Grants follow the school as it is today: a group's members are its current ones (a parent added to the class
 * sees what was shared with its parents at once), a group grant applies only to members who are current members
 * of the group's school, a group of an earlier school year's class grants nothing, and a grant to a person
 * made in a school stops applying the moment they leave that school. The owner's access never lapses.
 *
 * The core stores only ids, the tree and the grants: names and content stay in the plugin.
 */
export interface SharingService<R extends string = ShareRole> {
  /**
   * Adds a resource (or updates its owner, and its parent when `parent` is given). `parent` must be registered
   * in this app; a parent inside the resource itself is refused (`PREAU_ERR_SHARE_CYCLE`). `school`: the school
   * whose administrators manage it, for a type that declares `implicitManagers` (and only then).
   */
  register(resource: SharedResourceRef, options: { owner: number | null; parent?: SharedResourceRef | null; school?: number | null } & ShareWriteOptions): Promise<void>;
  /** Moves a resource (and everything under it) under `parent`, or to the top with null. Refuses cycles. */
  setParent(resource: SharedResourceRef, parent: SharedResourceRef | null, options?: ShareWriteOptions): Promise<void>;
  /** Forgets a resource, everything registered under it, and all their grants (the plugin deleted them). */
  remove(resource: SharedResourceRef, options?: ShareWriteOptions): Promise<void>;
  /**
   * Grants `role` to these users and groups (a grant that exists is changed to `role`), all or none: a
   * grantee out of the sharer's reach refuses the whole call (`PREAU_ERR_SHARE_RECIPIENTS_REFUSED`, 403),
   * a sharer without the type's last role gets `PREAU_ERR_SHARE_MANAGE_REQUIRED` (403), or 404 when they cannot see it.
   */
  grant(resource: SharedResourceRef, grants: GrantInput<R>, options: GrantOptions): Promise<void>;
  /** Removes one grant; `by` must manage the resource (null: the plugin). True when there was one. */
  revoke(resource: SharedResourceRef, grantee: { user: number } | { group: number }, options: { by: number | null } & ShareWriteOptions): Promise<boolean>;
  /** The user's role on the resource (one indexed SQL query up the tree); null when none or not registered. */
  roleOf(userId: number, resource: SharedResourceRef, options?: ShareWriteOptions): Promise<AccessRole<R> | null>;
  /** The resources among `resources` the user may read, in the given order, each with the user's role. */
  filterReadable<T extends SharedResourceRef>(userId: number, resources: readonly T[], options?: ShareWriteOptions): Promise<(T & { role: AccessRole<R> })[]>;
  /** The owner and the grants of a resource with names, its own first, then inherited ones. */
  listGrants(resource: SharedResourceRef, options?: ShareWriteOptions): Promise<ResourceGrants<R>>;
  /**
   * The resources of this app shared with the user (directly or through a group they are in now), not their
   * own, leaving out those inside another one shared with them or owned by them (they are reached by opening it).
   * `limit`: 1 to 200 (50 by default). A malformed cursor is `PREAU_ERR_CURSOR` (400).
   */
  sharedWithMe(userId: number, options?: { type?: string; cursor?: string; limit?: number }): Promise<SharedWithMePage<R>>;
}
