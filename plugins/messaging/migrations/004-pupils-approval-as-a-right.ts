import { defineMigration } from '@preau/sdk';

// A school's « pupils' messages are approved » moves from messaging's own settings table to the core's
// per-school rights, where every app's workflow choices are made (Administration, or the app's page): the
// schools that moderated their pupils give nobody `sendWithoutApproval`; the others keep its default.
export default defineMigration({
  async up(db) {
    await db.raw(`insert into core.school_rights (school_id, app, "right", profiles)
                  select school_id, 'messaging', 'sendWithoutApproval', '{}' from school_settings where moderate_pupils
                  on conflict (school_id, app, "right") do nothing`);
    await db.raw('drop table school_settings');
  },
  async down(db) {
    await db.raw(`create table school_settings (
      school_id integer primary key references core.schools(id) on delete cascade,
      moderate_pupils boolean not null default false
      )`);
    await db.raw(`insert into school_settings (school_id, moderate_pupils)
                  select school_id, true from core.school_rights
                   where app = 'messaging' and "right" = 'sendWithoutApproval' and not ('Student' = any(profiles))`);
    await db.raw(`delete from core.school_rights where app = 'messaging' and "right" = 'sendWithoutApproval'`);
  },
});
