/** The JSON the documents API answers (see src/schemas.ts). */
export type Role = 'read' | 'contribute' | 'manage' | 'owner';

export interface Item {
  id: number;
  kind: 'folder' | 'file';
  name: string;
  parentId: number | null;
  size: number;
  mediaType: string | null;
  version: number | null;
  thumbnail: boolean;
  blobId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Page {
  items: Item[];
  nextCursor: string | null;
}

export interface NodeDetails {
  item: Item;
  role: Role;
  path: { id: number; name: string }[];
  following: boolean;
}

export interface Version {
  id: number;
  number: number;
  name: string;
  size: number;
  mediaType: string;
  author: { id: number; displayName: string } | null;
  createdAt: string;
  current: boolean;
}

export interface TrashItem extends Item {
  trashedAt: string;
  purgeAt: string;
}

export interface SharedPage {
  people: { sharedBy: { id: number; displayName: string } | null; items: (Item & { role: Role })[] }[];
  nextCursor: string | null;
}

const ORDER: Role[] = ['read', 'contribute', 'manage', 'owner'];
/** True when `role` includes `needed`. */
export const includes = (role: Role | undefined, needed: Role): boolean => role !== undefined && ORDER.indexOf(role) >= ORDER.indexOf(needed);
