import type { AppBadge, CurrentUser, PluginServices } from '@preau/sdk';
import { familyPupils } from './access.js';
import { nextSchoolDay, parisDay, schoolDaysOf } from './dates.js';
import { untickedFor } from './family.js';

/** For a family: the homework due next school day not yet ticked "Fait", per child. */
export async function homeworkBadge(user: CurrentUser, services: PluginServices): Promise<AppBadge> {
  if (user.profile !== 'Relative' && user.profile !== 'Student') return { count: 0 };
  const schools = user.schools.filter((s) => services.apps.isEnabled(s.id, 'textbook'));
  const pupils = await familyPupils(services, user, schools);
  const counts = await untickedFor(services, pupils, nextSchoolDay(parisDay(services.clock.now()), schoolDaysOf(services.settings)));
  const byChild = Object.fromEntries(counts);
  const count = [...counts.values()].reduce((a, b) => a + b, 0);
  return user.profile === 'Relative' ? { count, byChild } : { count };
}
