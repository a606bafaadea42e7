import { definePlugin, type Profile, type SharingService } from '@preau/sdk';
import { createTestPlatform, type School, type TestClass, type TestPlatform, type TestUser } from '../../src/testing/index.js';

/** The smallest app that shares: folders and files, declared in its manifest, and nothing else. */
export const foldersApp = definePlugin({
  name: 'folders',
  version: '1.0.0',
  sdk: '^1.0.0',
  title: { fr: 'Dossiers', en: 'Folders' },
  rights: { shareAlbums: { default: ['Teacher'] } },
  sharing: {
    folder: { title: { fr: 'un dossier', en: 'a folder' }, url: '/apps/folders/{id}' },
    file: { title: { fr: 'un fichier', en: 'a file' }, url: '/apps/folders/files/{id}' },
    // Only people holding the right may open the share dialog of an album.
    album: { title: { fr: 'un album', en: 'an album' }, url: '/apps/folders/albums/{id}', right: 'shareAlbums' },
  },
});

/** A school A with two classes and their families, a school B with one teacher, and the folders app. */
export interface SharingSchool {
  platform: TestPlatform;
  sharing: SharingService;
  a: School;
  b: School;
  cm2: TestClass;
  ce1: TestClass;
  teacher: TestUser;
  otherTeacher: TestUser;
  teacherB: TestUser;
  /** The id of a derived group: a class's (`cm2`, `ce1`) or the school's, by profile. */
  group(of: 'cm2' | 'ce1' | School, profile: Profile): Promise<number>;
}

export async function sharingSchool(): Promise<SharingSchool> {
  const platform = await createTestPlatform({ plugins: [foldersApp] });
  const a = await platform.createSchool({ name: 'École A' });
  const b = await platform.createSchool({ name: 'École B' });
  const teacher = await platform.createUser({ profile: 'Teacher', schools: [a], displayName: 'MARTIN Sophie' });
  const otherTeacher = await platform.createUser({ profile: 'Teacher', schools: [a], displayName: 'PETIT Louis' });
  const teacherB = await platform.createUser({ profile: 'Teacher', schools: [b], displayName: 'DURAND Anne' });
  const cm2 = await platform.createClass({ school: a, label: 'CM2 - Mme MARTIN', teachers: [teacher], pupils: 2, relativesPerPupil: 1 });
  const ce1 = await platform.createClass({ school: a, label: 'CE1 - M. PETIT', teachers: [otherTeacher], pupils: 1, relativesPerPupil: 1 });
  const group = async (of: 'cm2' | 'ce1' | School, profile: Profile) => {
    const where = typeof of === 'string' ? { class_id: (of === 'cm2' ? cm2 : ce1).id, profile } : { school_id: of.id, kind: 'school', profile };
    return Number((await platform.knex('core.groups').where(where).first('id')).id);
  };
  return { platform, sharing: platform.platform.sharing.forApp('folders'), a, b, cm2, ce1, teacher, otherTeacher, teacherB, group };
}

/** A folder or a file of the folders app. */
export const folder = (id: number | string) => ({ type: 'folder', id });
export const file = (id: number | string) => ({ type: 'file', id });
