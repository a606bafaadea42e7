// What the blog's API answers: the types of the routes' own schemas (src/schemas.ts), so a changed answer is a
// compile error here. Type-only imports: esbuild erases them, and nothing of the server enters the web bundle.
import type { Role } from '../src/schemas.js';

export type { Blog, Comment, Creatable, Post, Role } from '../src/schemas.js';

export const ROLES: readonly Role[] = ['read', 'contribute', 'manage', 'owner'];
export const roleIncludes = (role: Role | undefined, needed: Role) => role !== undefined && ROLES.indexOf(role) >= ROLES.indexOf(needed);
