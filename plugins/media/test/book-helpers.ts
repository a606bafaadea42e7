import yauzl from 'yauzl';
import { fileUpload, type TestPlatform, type TestUser } from '@preau/core/testing';

export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

export interface PageAnswer { id: number; template: string; text: string; pictures: string[]; video: { src: string; poster: string | null } | null; sound: string | null; state: string; canEdit: boolean }
export interface BookAnswer { id: number; title: string; role: string; pages: number; waiting: number; classId: number | null }

/** A school with a CM2 (its teacher, two pupils, one parent each) and a CE1 with its own teacher and parent. */
export async function school(platform: TestPlatform) {
  const s = await platform.createSchool();
  const teacher = await platform.createUser({ profile: 'Teacher', schools: [s] });
  const cm2 = await platform.createClass({ school: s, label: 'CM2', teachers: [teacher], pupils: 2, relativesPerPupil: 1 });
  const other = await platform.createUser({ profile: 'Teacher', schools: [s] });
  const ce1 = await platform.createClass({ school: s, label: 'CE1', teachers: [other], pupils: 1, relativesPerPupil: 1 });
  return { s, teacher, cm2, other, ce1, parent: cm2.relatives[0]![0]!, pupil: cm2.pupils[0]!, otherParent: ce1.relatives[0]![0]! };
}

/** Uploads a file as a text would (`POST /api/core/files`); its `src` is what a page names. */
export async function upload(platform: TestPlatform, user: TestUser, name: string, bytes: Buffer, type: string): Promise<string> {
  const response = await platform.as(user).inject({ method: 'POST', url: '/api/core/files', ...fileUpload(name, bytes, type) });
  if (response.statusCode !== 201) throw new Error(response.body);
  return (response.json() as { src: string }).src;
}

export async function createBook(platform: TestPlatform, teacher: TestUser, classId: number, title = 'Notre classe de découverte'): Promise<BookAnswer> {
  const response = await platform.as(teacher).inject({ method: 'POST', url: '/api/media/books', payload: { classId, title } });
  if (response.statusCode !== 201) throw new Error(response.body);
  return (response.json() as { book: BookAnswer }).book;
}

export function addPage(platform: TestPlatform, user: TestUser, bookId: number, page: Record<string, unknown>) {
  return platform.as(user).inject({
    method: 'POST', url: `/api/media/books/${bookId}/pages`,
    payload: { template: 'picture-text', text: '<p>Une page</p>', pictures: [], video: null, sound: null, ...page },
  });
}

/** The entries of a ZIP: name → bytes. */
export function unzip(bytes: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error('no zip'));
      const entries = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (openError, stream) => {
          if (openError || !stream) return reject(openError ?? new Error('no stream'));
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            entries.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(entries));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}
