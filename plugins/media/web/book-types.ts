/** The book API's answers, as the web components read them (the server's schemas are in src/book-schemas.ts). */
export type Role = 'read' | 'contribute' | 'manage' | 'owner';
export type PageTemplate = 'picture' | 'picture-text' | 'two-pictures' | 'video-text';

export interface Book {
  id: number;
  schoolId: number;
  classId: number | null;
  title: string;
  role: Role;
  pages: number;
  waiting: number;
  updatedAt: string;
}

export interface Page {
  id: number;
  bookId: number;
  author: { id: number; displayName: string } | null;
  template: PageTemplate;
  text: string;
  pictures: string[];
  video: { src: string; poster: string | null } | null;
  sound: string | null;
  state: 'submitted' | 'published';
  canEdit: boolean;
  updatedAt: string;
}

export interface BookWithPages {
  book: Book;
  pages: Page[];
}

const ROLES: Role[] = ['read', 'contribute', 'manage', 'owner'];
export const roleIncludes = (role: Role, needed: Role): boolean => ROLES.indexOf(role) >= ROLES.indexOf(needed);

/** How many pictures and whether a video each template holds (the server checks the same). */
export const LAYOUTS: Record<PageTemplate, { pictures: number; video: boolean }> = {
  picture: { pictures: 1, video: false },
  'picture-text': { pictures: 1, video: false },
  'two-pictures': { pictures: 2, video: false },
  'video-text': { pictures: 0, video: true },
};
