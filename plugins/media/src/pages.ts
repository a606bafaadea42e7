import { INSERTED_FILE_PREFIX, insertedFileUrl, roleIncludes, type AccessRole, type CurrentUser, type Knex, type PluginServices } from '@preau/sdk';
import { BadLayout, WrongFileKind } from './errors.js';
import type { Page, PageInput, PageState, PageTemplate } from './book-schemas.js';

export interface PageRow {
  id: number;
  book_id: number;
  author_id: number | null;
  author_name: string | null;
  position: number;
  template: PageTemplate;
  text: string;
  picture_blob_id: string | null;
  second_picture_blob_id: string | null;
  video_blob_id: string | null;
  poster_blob_id: string | null;
  sound_blob_id: string | null;
  state: PageState;
  updated_at: Date | string;
}

/** The file holder a page is to the core (manifest `fileHolders.page`). */
export const pageHolder = (id: number) => ({ type: 'page', id });

/** Pages with their author's name (the core's read-only `users` view), in reading order. */
export const pageQuery = (db: Knex | Knex.Transaction) => db('pages as p').leftJoin('users as u', 'u.id', 'p.author_id')
  .select('p.id', 'p.book_id', 'p.author_id', 'u.display_name as author_name', 'p.position', 'p.template', 'p.text', 'p.picture_blob_id',
    'p.second_picture_blob_id', 'p.video_blob_id', 'p.poster_blob_id', 'p.sound_blob_id', 'p.state', 'p.updated_at')
  .orderBy([{ column: 'p.position' }, { column: 'p.id' }]);

export async function pageRow(db: Knex, id: number): Promise<PageRow | undefined> {
  return (await pageQuery(db).where('p.id', id).first()) as PageRow | undefined;
}

/** Who sees a page: every reader once published; before that, its author (while they contribute) and the managers. */
export function canSee(page: Pick<PageRow, 'state' | 'author_id'>, user: CurrentUser, role: AccessRole): boolean {
  if (page.state === 'published') return true;
  if (page.author_id === user.id && roleIncludes(role, 'contribute')) return true;
  return roleIncludes(role, 'manage');
}

/** Its author changes it while they contribute; a manager changes any page. */
export function canEdit(page: Pick<PageRow, 'author_id'>, user: CurrentUser, role: AccessRole): boolean {
  return roleIncludes(role, 'manage') || (page.author_id === user.id && roleIncludes(role, 'contribute'));
}

/** A page written by `user` waits for a manager when they are a pupil (as a pupil's blog post does). */
export const needsValidation = (user: CurrentUser, role: AccessRole): boolean => user.profile === 'Student' && !roleIncludes(role, 'manage');

export function toPage(row: PageRow, user: CurrentUser, role: AccessRole): Page {
  return {
    id: row.id,
    bookId: row.book_id,
    author: row.author_id ? { id: row.author_id, displayName: row.author_name ?? '' } : null,
    template: row.template,
    text: row.text,
    pictures: [row.picture_blob_id, row.second_picture_blob_id].filter((id): id is string => id !== null).map(insertedFileUrl),
    video: row.video_blob_id ? { src: insertedFileUrl(row.video_blob_id), poster: row.poster_blob_id ? insertedFileUrl(row.poster_blob_id) : null } : null,
    sound: row.sound_blob_id ? insertedFileUrl(row.sound_blob_id) : null,
    state: row.state,
    canEdit: canEdit(row, user, role),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

const blobOf = (src: string): string => src.slice(INSERTED_FILE_PREFIX.length);

/** What each template holds besides text and sound: its pictures and whether it has a video. */
const LAYOUTS: Record<PageTemplate, { pictures: number; video: boolean; expected: string }> = {
  picture: { pictures: 1, video: false, expected: 'une image' },
  'picture-text': { pictures: 1, video: false, expected: 'une image' },
  'two-pictures': { pictures: 2, video: false, expected: 'deux images' },
  'video-text': { pictures: 0, video: true, expected: 'une vidéo' },
};

/** Pictures a browser shows and every reader's machine opens (no SVG: it is never shown inline). */
const PICTURE = /^image\/(jpeg|png|gif|webp|avif)$/;

/** The page's files as columns, once the template and each file's kind (from its bytes) are checked. */
export async function pageFiles(services: Pick<PluginServices, 'storage'>, input: PageInput): Promise<Record<string, string | null>> {
  const layout = LAYOUTS[input.template];
  if (input.pictures.length !== layout.pictures || Boolean(input.video) !== layout.video) throw BadLayout(layout.expected);
  const columns = {
    picture_blob_id: input.pictures[0] ? blobOf(input.pictures[0]) : null,
    second_picture_blob_id: input.pictures[1] ? blobOf(input.pictures[1]) : null,
    video_blob_id: input.video ? blobOf(input.video.src) : null,
    poster_blob_id: input.video?.poster ? blobOf(input.video.poster) : null,
    sound_blob_id: input.sound ? blobOf(input.sound) : null,
  };
  const blobs = new Map((await services.storage.statMany(Object.values(columns).filter((id): id is string => id !== null))).map((b) => [b.id, b.mediaType]));
  const expect = (id: string | null, kind: RegExp, place: string) => {
    if (id !== null && !kind.test(blobs.get(id) ?? '')) throw WrongFileKind(place);
  };
  expect(columns.picture_blob_id, PICTURE, 'image');
  expect(columns.second_picture_blob_id, PICTURE, 'image');
  expect(columns.poster_blob_id, PICTURE, 'affiche de la vidéo');
  expect(columns.video_blob_id, /^video\//, 'vidéo');
  // A converted sound is AAC in an MP4 container, which the store may name video/mp4 from its bytes.
  expect(columns.sound_blob_id, /^(audio\/|video\/(mp4|webm)$)/, 'son');
  return columns;
}

/**
 * The HTML the core checks the page's files in (the author may insert each) and holds for the page's readers:
 * its text and each file of its layout as the element a text would use.
 */
export function pageHtml(text: string, files: Record<string, string | null>): string {
  const src = (id: string | null | undefined) => (id ? insertedFileUrl(id) : null);
  return [
    text,
    ...[files.picture_blob_id, files.second_picture_blob_id, files.poster_blob_id].map(src).filter(Boolean).map((s) => `<img src="${s}">`),
    ...[files.video_blob_id].map(src).filter(Boolean).map((s) => `<video src="${s}" controls></video>`),
    ...[files.sound_blob_id].map(src).filter(Boolean).map((s) => `<audio src="${s}" controls></audio>`),
  ].join('');
}
