import type { DemoContext, PluginServices } from '@preau/sdk';
import { ensureCalendars } from './calendars.js';
import { ruleOf, timesOf } from './events.js';
import { toWall } from './paris-time.js';
import { insertEvent } from './series-edits.js';
import { addDemoMeetings } from './demo-meetings.js';

const DAY = 86_400_000;

/**
 * The demo school's calendars in French: the CM2's London trip and its pool every Thursday, the school's
 * council and party, and the CM2's parent–teacher meetings with two families booked. Dates follow the day the demo is made, so they are never last year's.
 */
export async function demo(context: DemoContext, services: PluginServices): Promise<void> {
  const { db, sanitize } = services;
  const { schoolId, director, teachers, now } = context;
  const classes = await services.structure.classes(teachers.map((t) => t.classId));
  await ensureCalendars(services, [schoolId], classes);
  const calendars = await db('calendars').where({ school_id: schoolId }).whereNot({ kind: 'personal' }).select('id', 'kind', 'class_id');
  if (await db('events').whereIn('calendar_id', calendars.map((c) => c.id as number)).first('id')) return;
  const cm2 = classes.find((c) => /CM2/.test(c.label)) ?? classes.at(-1);
  const classCalendar = calendars.find((c) => c.class_id === cm2?.id);
  const schoolCalendar = calendars.find((c) => c.kind === 'school');
  const day = (days: number) => toWall(new Date(now.getTime() + days * DAY)).slice(0, 10);
  // The next Thursday (0 = Sunday in getUTCDay; Paris and UTC agree at noon).
  const noon = new Date(`${day(0)}T12:00:00Z`);
  const toThursday = (4 - noon.getUTCDay() + 7) % 7 || 7;
  const teacher = teachers.find((t) => t.classId === cm2?.id)?.id ?? director;

  await db.transaction(async (trx) => {
    const add = async (calendarId: number | undefined, by: number, input: { title: string; description?: string; place?: string; allDay?: boolean; start: string; end: string; recurrence?: Parameters<typeof ruleOf>[0] }) => {
      if (calendarId === undefined) return;
      const times = timesOf({ allDay: input.allDay ?? false, start: input.start, end: input.end }, ruleOf(input.recurrence, input.start));
      const description = sanitize.richText(input.description ?? '');
      await insertEvent(trx, calendarId, { title: input.title, description, descriptionText: sanitize.plainText(description, 2000), place: input.place ?? '', times, reminderMinutes: null }, by);
    };
    await add(classCalendar?.id, teacher, {
      title: 'Voyage à Londres', allDay: true, start: day(toThursday + 35), end: day(toThursday + 37), place: 'Londres (départ en car devant l\'école)',
      description: '<p>Départ à <strong>6 h 30</strong> devant l\'école, retour vers 22 h le troisième jour. Pensez à la <strong>carte d\'identité</strong> et à l\'autorisation de sortie du territoire.</p>',
    });
    await add(classCalendar?.id, teacher, {
      title: 'Piscine', start: `${day(toThursday)}T09:00`, end: `${day(toThursday)}T10:00`, place: 'Piscine municipale',
      description: '<p>Maillot, bonnet et serviette dans un sac marqué au nom de l\'enfant.</p>',
      recurrence: { frequency: 'weekly', interval: 1, weekdays: ['TH'], count: 10 },
    });
    await add(schoolCalendar?.id, director, {
      title: "Conseil d'école", start: `${day(toThursday + 12)}T18:00`, end: `${day(toThursday + 12)}T20:00`, place: 'Salle polyvalente',
      description: "<p>Ordre du jour : projet d'école, sorties du trimestre, sécurité aux abords de l'école.</p>",
    });
    await add(schoolCalendar?.id, director, {
      title: "Fête de l'école", start: `${day(toThursday + 22)}T16:30`, end: `${day(toThursday + 22)}T19:00`, place: "Cour de l'école",
      description: '<p>Chants des élèves, buvette tenue par les parents au profit de la coopérative scolaire.</p>',
    });
  });
  if (cm2) await addDemoMeetings(services, { schoolId, classId: cm2.id, teacher, now });
}
