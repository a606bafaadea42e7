// The JSON the documents API answers: the types of the routes' own schemas (src/schemas.ts), so a changed answer
// is a compile error here. Type-only imports: esbuild erases them, and nothing of the server enters the web bundle.
import type { Role } from '../src/schemas.js';

export type { Item, NodeDetails, Page, Role, SharedPage, TrashItem, Version } from '../src/schemas.js';

const ORDER: Role[] = ['read', 'contribute', 'manage', 'owner'];
/** True when `role` includes `needed`. */
export const includes = (role: Role | undefined, needed: Role): boolean => role !== undefined && ORDER.indexOf(role) >= ORDER.indexOf(needed);
