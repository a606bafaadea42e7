import type { Knex } from 'knex';
import { frenchOrder, type SchoolRef } from '@preau/sdk';
import { SchoolExists } from '../errors.js';
import { ensureSchoolGroups } from './groups.js';

/** A school with its administrative fields. */
export interface School extends SchoolRef {
  city: string | null;
  academy: string | null;
}

const COLUMNS = ['id', 'uai', 'name', 'city', 'academy'] as const;

/** Every school, by name. */
export function listSchools(knex: Knex, onlyIds?: readonly number[]): Promise<School[]> {
  const query = knex('core.schools').select(COLUMNS).orderByRaw(`${frenchOrder('name')}, name`);
  if (onlyIds) query.whereIn('id', onlyIds);
  return query;
}

/** Creates a school with its derived groups ("Enseignants de l'école", …); a UAI code already taken is a 409. */
export async function createSchool(knex: Knex, input: { uai: string; name: string; city?: string; academy?: string }): Promise<School> {
  return knex.transaction(async (trx) => {
    const [school] = await trx('core.schools')
      .insert({ uai: input.uai.toUpperCase(), name: input.name, city: input.city ?? null, academy: input.academy ?? null })
      .onConflict('uai')
      .ignore()
      .returning(COLUMNS);
    if (!school) throw SchoolExists(input.uai.toUpperCase());
    await ensureSchoolGroups(trx, school.id);
    return school as School;
  });
}
