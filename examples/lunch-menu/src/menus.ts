import type { Knex } from '@preau/sdk';
import type { Menu, MenuDay } from './schemas.js';

interface MenuRow {
  school_id: number;
  week: string;
  days: MenuDay[];
  published_at: Date;
}

const DAY_ORDER = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'];

function toMenu(row: MenuRow): Menu {
  return { schoolId: row.school_id, week: row.week, days: row.days, publishedAt: new Date(row.published_at).toISOString() };
}

/** The menu of one school for one week (one primary-key read), or null. */
export async function findMenu(db: Knex, schoolId: number, week: string): Promise<Menu | null> {
  const row = await db<MenuRow>('menus').where({ school_id: schoolId, week }).first();
  return row ? toMenu(row) : null;
}

/** The menus of several schools for one week. */
export async function findMenus(db: Knex, schoolIds: readonly number[], week: string): Promise<Menu[]> {
  const rows = await db<MenuRow>('menus').whereIn('school_id', schoolIds).andWhere({ week }).orderBy('school_id');
  return rows.map(toMenu);
}

/** Publishes (or replaces) a week's menu, days in school-week order. */
export async function publishMenu(db: Knex, input: { schoolId: number; week: string; days: MenuDay[]; by: number; at: Date }): Promise<Menu> {
  const days = [...input.days].sort((a, b) => DAY_ORDER.indexOf(a.day) - DAY_ORDER.indexOf(b.day));
  const [row] = await db<MenuRow>('menus')
    .insert({ school_id: input.schoolId, week: input.week, days: JSON.stringify(days) as unknown as MenuDay[], published_by: input.by, published_at: input.at } as never)
    .onConflict(['school_id', 'week'])
    .merge()
    .returning(['school_id', 'week', 'days', 'published_at']);
  return toMenu(row as MenuRow);
}
