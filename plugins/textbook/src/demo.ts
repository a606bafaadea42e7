import type { DemoContext, PluginServices } from '@preau/sdk';
import { addDays, mondayOf, nextSchoolDay, parisDay, schoolDaysOf } from './dates.js';

// A week as a CE2/CM1 teacher fills it: two séances a day and homework for the next school day, Wednesday off.
const SESSIONS: readonly [string, string, string][] = [
  ['Français', 'Lecture : « Le Petit Prince », chapitre 2', '<p>Lecture à voix haute puis questions de compréhension. Travail sur le vocabulaire : <em>dessiner, apprivoiser, mouton</em>.</p>'],
  ['Mathématiques', 'Les fractions simples', '<p>Partage de bandes de papier en 2, 4 et 8. Nous avons écrit <strong>1/2, 1/4, 3/4</strong> et comparé les fractions.</p>'],
  ['Questionner le monde', "Le cycle de l'eau", "<p>Expérience : l'eau qui s'évapore d'une assiette au soleil. Schéma collé dans le cahier.</p>"],
  ['Français', 'Dictée préparée n° 7', '<p>Les mots invariables : <em>toujours, souvent, parfois, beaucoup</em>.</p>'],
  ['Mathématiques', 'Calcul mental : les doubles', '<p>Jeu du furet des doubles jusqu’à 100.</p>'],
  ['Éducation musicale', 'Chant pour la fête de l’école', '<p>Apprentissage du premier couplet.</p>'],
];
const HOMEWORK: readonly [string, string, string, number][] = [
  ['Français', 'Relire le chapitre 2', '<p>Relire le chapitre 2 du <em>Petit Prince</em> et savoir raconter l’histoire du mouton.</p>', 15],
  ['Mathématiques', 'Exercices 3 et 4 page 42', '<p>Faire les exercices <strong>3 et 4 page 42</strong> du fichier de mathématiques.</p>', 20],
  ['Français', 'Apprendre les mots de la dictée n° 7', '<ul><li>toujours</li><li>souvent</li><li>parfois</li><li>beaucoup</li></ul>', 10],
  ['Questionner le monde', 'Apporter une bouteille vide', "<p>Apporter une petite bouteille en plastique vide pour l'expérience de vendredi.</p>", 1],
];

/**
 * `preau demo`: this week's cahier of each class (séances every school day but Wednesday, homework for the
 * next school day), one pupil who already ticked tomorrow's homework (the teacher sees "1/27"), and the
 * director's visa of last week.
 */
export async function addDemoTextbook(context: DemoContext, services: PluginServices): Promise<void> {
  const { db, sanitize, structure } = services;
  if (await db('entries').where({ school_id: context.schoolId }).first('id')) return;
  const today = parisDay(context.now);
  const monday = mondayOf(today);
  const days = [0, 1, 3, 4].map((n) => addDays(monday, n));
  const people = new Map((await structure.people(context.teachers.map((t) => t.id))).map((p) => [p.id, p.displayName]));
  // Read before the transaction: PGlite has one connection, which the transaction holds.
  const directorClass = context.teachers.find((t) => t.id === context.director)?.classId ?? context.teachers[0]?.classId;
  const [firstPupil] = directorClass ? await structure.pupilsOf([directorClass]) : [];
  await db.transaction(async (trx) => {
    for (const { id: teacherId, classId } of context.teachers) {
      const author = { author_id: teacherId, author_name: people.get(teacherId) ?? 'Enseignant' };
      const base = { school_id: context.schoolId, class_id: classId, ...author, created_at: context.now, updated_at: context.now, visible_at: context.now, notified_at: context.now };
      for (const [index, day] of days.entries()) {
        for (const [subject, title, body] of [SESSIONS[(index * 2) % SESSIONS.length]!, SESSIONS[(index * 2 + 1) % SESSIONS.length]!]) {
          await trx('entries').insert({ ...base, kind: 'session', subject, title, body: sanitize.richText(body), day });
        }
        const [subject, title, body, minutes] = HOMEWORK[index % HOMEWORK.length]!;
        const due = nextSchoolDay(day, schoolDaysOf(services.settings));
        await trx('entries').insert({ ...base, kind: 'homework', subject, title, body: sanitize.richText(body), day, due_on: due, minutes });
      }
      // Prepared on Sunday for Monday 16:30: invisible to families until then.
      const nextMonday = addDays(monday, 7);
      const publishAt = new Date(`${nextMonday}T15:30:00Z`);
      await trx('entries').insert({
        ...base, kind: 'homework', subject: 'Mathématiques', title: 'Tables de multiplication de 7',
        body: sanitize.richText('<p>Réciter la table de 7 à l’endroit et à l’envers.</p>'), day: nextMonday, due_on: addDays(nextMonday, 1), minutes: 10,
        publish_at: publishAt, visible_at: publishAt, notified_at: null,
      });
    }
    // One pupil of the director's class ticked the next homework: "1/27 fait" on the teacher's side.
    if (directorClass) {
      const pupil = firstPupil;
      const next = await trx('entries').where({ class_id: directorClass, kind: 'homework' }).where('due_on', '>', today).whereNull('publish_at').orderBy('due_on').first('id');
      if (pupil && next) await trx('ticks').insert({ entry_id: next.id, pupil_id: pupil.id, by_id: pupil.id, by_name: pupil.displayName, at: context.now, late: false });
    }
  });
}
