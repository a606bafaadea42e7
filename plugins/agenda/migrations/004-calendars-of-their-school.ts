import { defineMigration } from '@preau/sdk';

// The school's and the classes' calendars made before the core knew a resource's school are registered with
// theirs now, so that its director and local administrators manage them and their sharing (the share dialog
// included) like the calendars made from now on. Personal calendars stay their owner's.
export default defineMigration({
  async up(db) {
    await db.raw(`update core.shared_resources r set school_id = c.school_id
                    from calendars c
                   where r.app = 'agenda' and r.type = 'calendar' and r.key = c.id::text and c.kind <> 'personal'`);
  },
  async down(db) {
    await db.raw(`update core.shared_resources set school_id = null where app = 'agenda' and type = 'calendar'`);
  },
});
