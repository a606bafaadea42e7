import type { CurrentUser, FileHolderDeclaration, PluginServices, SchoolRef } from '@preau/sdk';
import { classAccess, familyPupils } from './access.js';

const NUMBER = /^[1-9][0-9]{0,9}$/;

/** True when one of the user's family pupils sees the entry now (published, their class of today, for them). */
async function familyReads(services: PluginServices, user: CurrentUser, schools: readonly SchoolRef[], entryId: number): Promise<boolean> {
  const pupils = (await familyPupils(services, user, schools)).filter((p) => p.classId !== null);
  if (pupils.length === 0) return false;
  const { rows } = await services.db.raw<{ rows: unknown[] }>(
    `select 1 from entries e join unnest(:pupils::int[], :classes::int[]) as f(pupil_id, class_id) on f.class_id = e.class_id
      where e.id = :entryId and e.visible_at <= :now
        and (not exists (select 1 from entry_pupils c where c.entry_id = e.id)
             or exists (select 1 from entry_pupils c where c.entry_id = e.id and c.pupil_id = f.pupil_id))
      limit 1`,
    { entryId, pupils: pupils.map((p) => p.id), classes: pupils.map((p) => p.classId!), now: services.clock.now() },
  );
  return rows.length > 0;
}

/**
 * Who opens a file inserted in a séance or a homework (`/api/core/files/<id>`): whoever reads the entry, as the
 * routes decide: the class's teachers, replacement, direction and inspectors; the pupils it is for and their
 * families once it is published.
 */
export const fileHolders: Record<'entry', FileHolderDeclaration> = {
  entry: {
    async canRead(user, id, { schools, services }) {
      if (!NUMBER.test(id)) return false;
      const entry = await services.db('entries').where({ id: Number(id) }).first('class_id');
      if (!entry) return false;
      if (user.profile === 'Student' || user.profile === 'Relative') return familyReads(services, user, schools, Number(id));
      return classAccess(services, user, schools, entry.class_id).then(() => true, () => false);
    },
  },
};
