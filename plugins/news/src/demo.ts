import type { DemoContext, PluginServices } from '@preau/sdk';
import { threadRef, threadSharing, type ThreadRole } from './access.js';

const DAY = 86_400_000;
const frenchDay = new Intl.DateTimeFormat('fr-FR', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'Europe/Paris' });

/**
 * Sample threads, items and a flash message for the demo school, in French, as a school would write them. Dates
 * in the texts follow the day the demo is made ("vendredi 12 juin"), so they never read as last year's.
 */
export async function demo(context: DemoContext, services: PluginServices): Promise<void> {
  const { db, sanitize } = services;
  const { schoolId, director, teachers, now } = context;
  if (await db('threads').where({ school_id: schoolId }).first('id')) return;
  const { groups } = await services.communication.visibleRecipients(director, { schoolId, limit: 100 });
  const group = (name: string) => groups.find((g) => g.schoolId === schoolId && g.kind === 'school' && g.name === name);
  const parents = group("Parents de l'école");
  const teachersGroup = group("Enseignants de l'école");
  const pupils = group("Élèves de l'école");
  const today = Math.floor(now.getTime() / DAY) * DAY;
  const at = (days: number, hour = 7) => new Date(today + days * DAY + hour * 3_600_000);
  // 1970-01-01 was a Thursday: days since then + 3, modulo 7, is 0 on Mondays.
  const weekday = (Math.floor(now.getTime() / DAY) + 3) % 7;
  const nextFriday = weekday < 4 ? 4 - weekday + 7 : 11 - weekday;
  const day = (days: number) => frenchDay.format(at(days, 12));

  await db.transaction(async (trx) => {
    const thread = async (title: string, shares: { group: typeof parents; role: ThreadRole }[]) => {
      const [row] = await trx('threads').insert({ school_id: schoolId, title, comments_enabled: true, created_by: director, created_at: at(-30) }).returning('id');
      const sharing = threadSharing(services);
      await sharing.register(threadRef(row.id), { owner: director, school: schoolId, transaction: trx });
      for (const share of shares) {
        if (share.group) await sharing.grant(threadRef(row.id), { role: share.role, groups: [share.group.id] }, { by: null, notify: false, transaction: trx });
      }
      return row.id as number;
    };
    const item = async (threadId: number, title: string, body: string, days: number, extra: { headline?: boolean; expiresInDays?: number; author?: number; submitted?: boolean } = {}) => {
      const author = extra.author ?? director;
      await trx('items').insert({
        thread_id: threadId, school_id: schoolId, title, body: sanitize.richText(body), status: extra.submitted ? 'submitted' : 'published',
        publish_at: extra.submitted ? null : at(days), expires_at: extra.expiresInDays ? at(days + extra.expiresInDays) : null,
        headline: extra.headline ?? false, author_id: author, published_by: extra.submitted ? null : author,
        notified_at: extra.submitted ? null : at(days), created_at: at(days), updated_at: at(days),
      });
    };
    const life = await thread("Vie de l'école", [
      { group: parents, role: 'read' }, { group: pupils, role: 'read' }, { group: teachersGroup, role: 'contribute' },
    ]);
    await item(life, `Fête de l'école le ${day(nextFriday)}`,
      `<p>La fête de l'école aura lieu dans la cour <strong>de 16 h 30 à 19 h</strong>. Les élèves présenteront leurs chants et vendront leurs créations au profit de la coopérative scolaire.</p><p>Nous cherchons des parents pour tenir la buvette : inscrivez-vous auprès de l'enseignant de votre enfant.</p>`,
      -2, { headline: true, expiresInDays: nextFriday + 3 });
    await item(life, 'Rappel : photos de classe mardi',
      '<p>Le photographe passe <strong>mardi matin</strong>. Pensez à une tenue adaptée ; les photos de fratrie auront lieu à 8 h 20 dans la salle polyvalente.</p>', -6);
    await item(life, 'Réunion parents-enseignants',
      "<p>Les rencontres individuelles du trimestre se tiennent sur deux semaines. Chaque enseignant communiquera ses créneaux dans le carnet de liaison.</p>", -9);
    // The week's menus are in the lunch-menu app (its own demo), not in a news thread competing with it.
    await item(life, 'Cantine : allergies et régimes particuliers',
      '<p>Les familles peuvent signaler une allergie ou un régime particulier au secrétariat : un projet d\'accueil individualisé (PAI) sera établi avec le médecin scolaire.</p>', -12);
    // A teacher's proposal waits for the director's validation: the queue is not empty on the first visit.
    const teacher = teachers[0]?.id;
    if (teacher) {
      await item(life, 'Sortie à la médiathèque',
        '<p>Les élèves de CP iront à la médiathèque municipale jeudi matin. Prévoir un sac pour rapporter les livres empruntés.</p>', 0, { author: teacher, submitted: true });
    }
    await trx('flash_messages').insert({
      school_ids: [schoolId], title: 'Sortie au musée reportée', colour: 'warning', signature: 'La direction',
      body: sanitize.richText(`<p>En raison de la météo, la sortie au musée des CM prévue cette semaine est reportée au <strong>${day(nextFriday)}</strong>.</p>`),
      profiles: ['Relative', 'Teacher'], class_ids: [], starts_at: now, ends_at: at(5, 18), notify: false, author_id: director,
      created_at: now, started_at: now,
    });
  });
}
