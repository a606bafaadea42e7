/** What the blog's API answers (see src/schemas.ts). */
export type Role = 'read' | 'contribute' | 'manage' | 'owner';
export const ROLES: readonly Role[] = ['read', 'contribute', 'manage', 'owner'];
export const roleIncludes = (role: Role | undefined, needed: Role) => role !== undefined && ROLES.indexOf(role) >= ROLES.indexOf(needed);

export interface Blog {
  id: number;
  schoolId: number;
  kind: 'class' | 'school';
  classId: number | null;
  title: string;
  description: string;
  cover: string | null;
  publication: 'immediate' | 'restrained';
  comments: 'none' | 'immediate' | 'moderated';
  slug: string | null;
  role: Role;
  following: boolean;
  waiting: number;
  canPublishPublic: boolean;
}

export interface Post {
  id: number;
  blogId: number;
  author: { id: number; displayName: string } | null;
  title: string;
  body: string;
  state: 'draft' | 'submitted' | 'scheduled' | 'published';
  publishAt: string | null;
  publishedAt: string | null;
  returnedComment: string | null;
  hasImages: boolean;
  updatedAt: string;
  canEdit: boolean;
  canManage: boolean;
}

export interface Comment {
  id: number;
  postId: number;
  author: { id: number; displayName: string } | null;
  body: string;
  state: 'pending' | 'published';
  createdAt: string;
  canDelete: boolean;
}

export interface Creatable {
  classes: { id: number; schoolId: number; label: string }[];
  schools: { id: number; name: string }[];
}
