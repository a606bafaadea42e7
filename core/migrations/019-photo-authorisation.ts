import { defineMigration } from '@preau/sdk';

// Droit à l'image: ONDE's `Autorisation photo` per pupil (true: Oui, false: Non, null: not known, e.g. a pupil
// entered by hand or a file without the column). Apps read it through the structure service to remind their
// writers which pupils must not appear in pictures.
export default defineMigration({
  async up(db) {
    await db.raw('alter table users add column photo_authorisation boolean');
  },
  async down(db) {
    await db.raw('alter table users drop column photo_authorisation');
  },
});
