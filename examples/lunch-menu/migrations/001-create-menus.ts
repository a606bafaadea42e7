import { defineMigration } from '@preau/sdk';

// One menu per school and ISO week; the days are a small JSON document read and written whole.
export default defineMigration({
  async up(db) {
    await db.schema.createTable('menus', (table) => {
      table.integer('school_id').notNullable().references('id').inTable('core.schools').onDelete('CASCADE');
      table.string('week', 8).notNullable();
      table.jsonb('days').notNullable();
      table.integer('published_by').references('id').inTable('core.users').onDelete('SET NULL');
      table.timestamp('published_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
      table.primary(['school_id', 'week']);
    });
  },
  async down(db) {
    await db.schema.dropTable('menus');
  },
});
