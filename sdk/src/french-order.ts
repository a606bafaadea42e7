// Neither PGlite nor a PostgreSQL built without ICU has a French collation, and databases here use C: names
// sort on a key that drops case and accents ("BÉRANGER" between "BARON" and "BOYER", "BOYER Émilie" before
// "BOYER Sébastien"), computed alike in SQL and in the browser so that every list agrees.
const FOLD_FROM = 'àâäáãåçéèêëíìîïñóòôöõúùûüýÿÀÂÄÁÃÅÇÉÈÊËÍÌÎÏÑÓÒÔÖÕÚÙÛÜÝŸ';
const FOLD_TO = 'aaaaaaceeeeiiiinooooouuuuyyaaaaaaceeeeiiiinooooouuuuyy';
const FOLD = new Map([...FOLD_FROM].map((from, i) => [from, FOLD_TO[i]!]));

/**
 * A SQL expression to order `column` (a trusted column name, never user input) as French readers expect; add the
 * column itself after it to break ties.
 *
 * @example
 * knex.raw(`select display_name from core.users order by ${frenchOrder('display_name')}, display_name, id`)
 */
export function frenchOrder(column: string): string {
  return `translate(lower(${column}), '${FOLD_FROM}', '${FOLD_TO}')`;
}

/** The key {@link frenchOrder} sorts on, for a text: lower case ASCII letters, accents dropped. */
export function frenchSortKey(text: string): string {
  let key = '';
  for (const character of text) {
    const folded = FOLD.get(character) ?? character;
    key += folded >= 'A' && folded <= 'Z' ? folded.toLowerCase() : folded;
  }
  return key;
}

/** Compares two texts in the order {@link frenchOrder} gives in SQL: for `Array.prototype.sort`. */
export function compareFrench(a: string, b: string): number {
  const [x, y] = [frenchSortKey(a), frenchSortKey(b)];
  if (x !== y) return x < y ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
