import type { CurrentUser, DatedItem, DatedItemsWindow, PluginServices } from '@preau/sdk';
import { holidaysOfSchools } from './school-holidays.js';

/**
 * The school holidays of the user's schools as dated items of kind `school-holidays`, so that other apps find
 * them without knowing the agenda: the liaison notebook offers to pause a class until they end.
 */
export async function holidayItems(_user: CurrentUser, window: DatedItemsWindow, services: PluginServices): Promise<DatedItem[]> {
  const holidays = await holidaysOfSchools(services.db, window.schools.map((s) => s.id), window.from, window.to);
  return holidays.map((holiday) => ({
    id: `${holiday.zone}-${holiday.firstDay}`,
    title: holiday.name,
    day: holiday.firstDay,
    lastDay: holiday.lastDay,
    kind: 'school-holidays' as const,
    url: `/apps/agenda?date=${holiday.firstDay}`,
  }));
}
