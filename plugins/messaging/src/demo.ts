import type { DemoContext, PluginServices } from '@preau/sdk';
import { deliver } from './sending.js';

const SAMPLES = [
  { subject: 'Sortie au musée jeudi', body: '<p>Bonjour,</p><p>Je vous rappelle la sortie au musée des Beaux-Arts jeudi : départ à 9 h devant l’école, retour pour la cantine. Merci de prévoir un pique-nique pour le goûter.</p><p>Bonne journée,</p>' },
  { subject: 'Conseil des maîtres', body: '<p>Le conseil des maîtres aura lieu mardi à 16 h 45 en salle des maîtres. Ordre du jour : projet d’école, APC du deuxième trimestre.</p>' },
  { subject: 'Photos de classe', body: '<p>Le photographe passera le 12 ; les bons de commande seront distribués dans les cartables la semaine suivante.</p>' },
];

/** A few messages between the director and the teachers of the demo school, some read, some not. */
export async function addDemoMessages(context: DemoContext, services: PluginServices): Promise<void> {
  const staff = [context.director, ...context.teachers.map((t) => t.id).filter((id) => id !== context.director)];
  if (staff.length < 2) return;
  await services.db.transaction(async (trx) => {
    for (const [index, sample] of SAMPLES.entries()) {
      const author = staff[index % staff.length]!;
      const recipients = new Map(staff.filter((id) => id !== author).map((id) => [id, 'to' as const]));
      const at = new Date(context.now.getTime() - (SAMPLES.length - index) * 3_600_000 * 20);
      const [row] = await trx('messages').insert({
        author_id: author, school_id: context.schoolId, subject: sample.subject, body: services.sanitize.richText(sample.body),
        body_text: services.sanitize.plainText(sample.body, 20_000), state: 'draft', created_at: at, updated_at: at,
      }).returning('id');
      const id = Number(row.id);
      await trx('messages').where({ id }).update({ thread_id: id });
      await trx('recipients').insert([...recipients.keys()].map((user_id) => ({ message_id: id, kind: 'to', user_id })));
      await trx('mailbox').insert({ user_id: author, message_id: id, role: 'author', folder: 'sent', sort_at: at, read_at: at });
      await deliver(trx, id, recipients, at);
      if (index === 0) await trx('mailbox').where({ message_id: id }).update({ read_at: at });
    }
  });
}
