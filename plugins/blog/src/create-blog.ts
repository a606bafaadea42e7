import type { CheckedFiles, PluginServices } from '@preau/sdk';
import { blogRef } from './blogs.js';

export interface NewBlog {
  schoolId: number;
  classId: number | null;
  title: string;
  description: string;
  coverBlobId: string | null;
  publication: 'immediate' | 'restrained';
  comments: 'none' | 'immediate' | 'moderated';
  owner: number;
}

/**
 * Makes a blog, its creator its owner (they manage it), shared by default: a class blog is read by the
 * class's parents and pupils and its pupils write in it; a school blog is read by everyone in the school.
 * The groups are the structure's, so a pupil joining the class reads and writes at once.
 */
export async function createBlog(services: Pick<PluginServices, 'db' | 'structure' | 'sharing'>, input: NewBlog, cover?: CheckedFiles): Promise<number> {
  const { db, sharing, structure } = services;
  const groups = await structure.derivedGroups(input.classId ? { classId: input.classId } : { schoolId: input.schoolId });
  const roleFor = (profile: string): 'read' | 'contribute' | null => {
    if (!input.classId) return 'read';
    return profile === 'Student' ? 'contribute' : profile === 'Relative' ? 'read' : null;
  };
  return db.transaction(async (transaction) => {
    const [row] = await transaction('blogs').insert({
      school_id: input.schoolId, kind: input.classId ? 'class' : 'school', class_id: input.classId, title: input.title.trim(), description: input.description.trim(),
      cover_blob_id: input.coverBlobId, publication: input.publication, comments: input.comments, created_by: input.owner,
    }).returning('id');
    const blogId = row.id as number;
    await sharing.register(blogRef(blogId), { owner: input.owner, transaction });
    for (const role of ['read', 'contribute'] as const) {
      const ids = groups.filter((g) => roleFor(g.profile) === role).map((g) => g.id);
      if (ids.length) await sharing.grant(blogRef(blogId), { role, groups: ids }, { by: null, notify: false, transaction });
    }
    await cover?.holdIn({ type: 'blog', id: blogId }, { transaction });
    return blogId;
  });
}
