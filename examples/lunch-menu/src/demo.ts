import type { DemoContext, PluginServices } from '@preau/sdk';
import { isoWeek, shiftWeek } from '../web/iso-week.js';
import { findMenu, publishMenu } from './menus.js';
import type { MenuDay } from './schemas.js';

// Two weeks of a school canteen's lunches: the menus belong here, not in a news thread.
const THIS_WEEK: MenuDay[] = [
  { day: 'monday', starter: 'Carottes râpées', main: 'Poulet basquaise', side: 'Riz', dessert: 'Yaourt nature', notes: 'Poulet Label rouge' },
  { day: 'tuesday', starter: 'Salade verte', main: 'Hachis parmentier', dessert: 'Compote de pommes' },
  { day: 'thursday', starter: 'Taboulé', main: 'Repas « Tour du monde » : chili sin carne', side: 'Riz', dessert: 'Fruit exotique', notes: 'Végétarien' },
  { day: 'friday', starter: 'Betteraves', main: 'Poisson pané', side: 'Haricots verts', dessert: 'Fruit de saison', notes: 'Poisson MSC, haricots bio' },
];
const NEXT_WEEK: MenuDay[] = [
  { day: 'monday', starter: 'Céleri rémoulade', main: 'Sauté de porc (ou de dinde)', side: 'Lentilles', dessert: 'Fromage blanc' },
  { day: 'tuesday', starter: 'Potage de légumes', main: 'Omelette', side: 'Pommes de terre sautées', dessert: 'Clémentines', notes: 'Œufs bio' },
  { day: 'thursday', starter: 'Concombre à la crème', main: 'Bœuf bourguignon', side: 'Pâtes', dessert: 'Crème au chocolat', notes: 'Bœuf de la région' },
  { day: 'friday', starter: 'Salade de riz', main: 'Filet de colin', side: 'Épinards à la crème', dessert: 'Pomme', notes: 'Pommes du verger voisin' },
];

/** The date of `now` in Paris, as a local date at noon (what `isoWeek` reads). */
function parisDate(now: Date): Date {
  const [year, month, day] = now.toLocaleDateString('en-CA', { timeZone: 'Europe/Paris' }).split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, day, 12);
}

/** The demo school's menus of this week and the next, published by the director, unless some exist already. */
export async function demo(context: DemoContext, services: PluginServices): Promise<void> {
  const week = isoWeek(parisDate(context.now));
  if (await findMenu(services.db, context.schoolId, week)) return;
  await services.db.transaction(async (trx) => {
    await publishMenu(trx, { schoolId: context.schoolId, week, days: THIS_WEEK, by: context.director, at: context.now });
    await publishMenu(trx, { schoolId: context.schoolId, week: shiftWeek(week, 1), days: NEXT_WEEK, by: context.director, at: context.now });
  });
}
