import { DEFAULT_SHARE_ROLES, type AccessRole, type ShareRoleDeclaration, type ShareTypeDeclaration } from '@preau/sdk';

/**
 * A type's roles as ranks. A grant stores its role's position in its type's list (1: the weakest), so the rank
 * functions (migration 020) compare grants without the manifests; the owner ranks above every list, and the
 * implicit managers (a resource's school administrators) just below, as the list's last role.
 */
export const OWNER_RANK = 1000;
export const SCHOOL_ADMIN_RANK = 999;

/** The roles of a declared type, weakest first: its own list, or lecture, contribution, gestion. */
export function rolesOf(declared: ShareTypeDeclaration | undefined): readonly ShareRoleDeclaration[] {
  return declared?.roles ?? DEFAULT_SHARE_ROLES;
}

/** The rank of the last role, the one that manages the sharing. */
export function managingRank(roles: readonly ShareRoleDeclaration[]): number {
  return roles.length;
}

/** The rank of a role of the list; undefined when it is not one. */
export function rankOfRole(roles: readonly ShareRoleDeclaration[], role: string): number | undefined {
  const index = roles.findIndex((declared) => declared.name === role);
  return index >= 0 ? index + 1 : undefined;
}

/**
 * The role of a rank in the list; null for none (0). A grant inherited from an ancestor of a type with a longer
 * list keeps its position, so a rank past the list's end is its last role.
 */
export function roleOfRank(rank: number, roles: readonly ShareRoleDeclaration[]): AccessRole<string> | null {
  if (rank <= 0) return null;
  if (rank >= OWNER_RANK) return 'owner';
  return roles[Math.min(rank, roles.length) - 1]!.name;
}
