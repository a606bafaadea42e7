import type { Knex } from 'knex';

const MAX_PART = 30;

/** Lower case, accents removed, letters only: "Éloïse-Marie" → "eloisemarie". */
export function loginPart(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '')
    .slice(0, MAX_PART);
}

/** The login a person would get without collisions: `prenom.nom`. */
export function loginBase(firstName: string, lastName: string): string {
  const first = loginPart(firstName);
  const last = loginPart(lastName);
  if (first && last) return `${first}.${last}`;
  return first || last || 'utilisateur';
}

/** How French schools write a name on lists: `NOM Prénom`. */
export function displayNameOf(firstName: string, lastName: string): string {
  return `${lastName.trim().toLocaleUpperCase('fr-FR')} ${firstName.trim()}`.trim();
}

/**
 * Allocates one free login per requested base, in order, with a numeric suffix on collision (`marie.martin`,
 * `marie.martin2`, …). One read for the whole batch (an index on the login without its digits), so an import
 * of 100,000 pupils does not make 100,000 round trips. Call it in the transaction that inserts the users: it
 * holds a lock until that transaction ends, so two administrators creating a namesake at the same moment do not
 * both pick `marie.martin` (the second insert failed on the unique login, a 500).
 */
export async function allocateLogins(knex: Knex, bases: readonly string[]): Promise<string[]> {
  if (bases.length === 0) return [];
  await knex.raw(`select pg_advisory_xact_lock(hashtext('preau.core.logins'))`);
  const distinct = [...new Set(bases)];
  const { rows } = await knex.raw<{ rows: { login: string }[] }>(
    `select login from core.users where regexp_replace(login, '[0-9]+$', '') = any(?::text[])`,
    [distinct],
  );
  const taken = new Set(rows.map((row) => row.login));
  const next = new Map<string, number>();
  return bases.map((base) => {
    let suffix = next.get(base) ?? 1;
    let login = suffix === 1 ? base : `${base}${suffix}`;
    while (taken.has(login)) {
      suffix += 1;
      login = `${base}${suffix}`;
    }
    taken.add(login);
    next.set(base, suffix);
    return login;
  });
}
