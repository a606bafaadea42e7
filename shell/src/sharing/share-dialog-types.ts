/** The answer of `GET/PUT /api/core/shares/:app/:type/:id`, as the share dialog reads it. */

/** A role of the resource type's list (`read`, `contribute`, `manage` unless the app declares its own). */
export type ShareRole = string;

/** One role of the type's list, in the user's language: the dialog's menus. */
export interface ShareRoleView {
  name: ShareRole;
  label: string;
  description: string;
}

export type ShareGrantee =
  | { kind: 'user'; id: number; displayName: string; profile: string }
  | { kind: 'group'; id: number; name: string; schoolId: number };

export interface ShareGrantView {
  grantee: ShareGrantee;
  role: ShareRole;
  schoolId: number | null;
  grantedBy: { id: number; displayName: string } | null;
  grantedAt: string;
  /** The ancestor it comes from: its type's title (« un dossier ») and its address in the app. */
  inheritedFrom: { type: string; id: string; title: string; url: string } | null;
  lapsed: boolean;
}

export interface ResourceShares {
  resource: { app: string; type: string; id: string };
  /** The caller's own role on it. */
  role: ShareRole | 'owner';
  /** The type's roles, weakest first; the last one manages the sharing. */
  roles: ShareRoleView[];
  owner: { id: number; displayName: string } | null;
  grants: ShareGrantView[];
}

/** A key that tells grantees apart across kinds (a user and a group may share an id). */
export function granteeKey(grantee: Pick<ShareGrantee, 'kind' | 'id'>): string {
  return `${grantee.kind}:${grantee.id}`;
}

export function granteeName(grantee: ShareGrantee): string {
  return grantee.kind === 'user' ? grantee.displayName : grantee.name;
}

/** Own grants first, then inherited ones in the server's order (nearest ancestor first). */
export function ownFirst(grants: readonly ShareGrantView[]): ShareGrantView[] {
  return [...grants.filter((grant) => !grant.inheritedFrom), ...grants.filter((grant) => grant.inheritedFrom)];
}
