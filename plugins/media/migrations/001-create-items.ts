import { defineMigration } from '@preau/sdk';

// The plugin's tables live in its own PostgreSQL schema; they may reference the core's (`core.schools`).
export default defineMigration({
  async up(db) {
    await db.schema.createTable('items', (table) => {
      table.increments('id');
      table.integer('school_id').notNullable().references('id').inTable('core.schools').onDelete('CASCADE');
      table.string('title', 200).notNullable();
      table.integer('created_by').references('id').inTable('core.users').onDelete('SET NULL');
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
      table.index(['school_id', 'created_at']);
    });
  },
  async down(db) {
    await db.schema.dropTable('items');
  },
});
