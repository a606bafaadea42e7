import type { DemoContext, PluginServices } from '@preau/sdk';

const DAY = 86_400_000;

/** Sample threads, items and a flash message for the demo school, in French, as a school would write them. */
export async function demo(context: DemoContext, services: PluginServices): Promise<void> {
  const { db, sanitize } = services;
  const { schoolId, director, now } = context;
  if (await db('threads').where({ school_id: schoolId }).first('id')) return;
  const { groups } = await services.communication.visibleRecipients(director, { schoolId, limit: 100 });
  const group = (name: string) => groups.find((g) => g.schoolId === schoolId && g.kind === 'school' && g.name === name);
  const parents = group("Parents de l'école");
  const teachers = group("Enseignants de l'école");
  const personnel = group("Personnels de l'école");
  const at = (days: number, hour = 7) => new Date(Math.floor(now.getTime() / DAY) * DAY + days * DAY + hour * 3_600_000);

  await db.transaction(async (trx) => {
    const thread = async (title: string, shares: { group: typeof parents; role: string }[]) => {
      const [row] = await trx('threads').insert({ school_id: schoolId, title, comments_enabled: true, created_by: director, created_at: at(-30) }).returning('id');
      const rows = shares.flatMap((s) => (s.group ? [{ thread_id: row.id, group_id: s.group.id, group_name: s.group.name, role: s.role }] : []));
      if (rows.length) await trx('thread_shares').insert(rows);
      return row.id as number;
    };
    const item = async (threadId: number, title: string, body: string, days: number, extra: { headline?: boolean; expiresInDays?: number } = {}) => {
      await trx('items').insert({
        thread_id: threadId, school_id: schoolId, title, body: sanitize.richText(body), status: 'published', publish_at: at(days),
        expires_at: extra.expiresInDays ? at(days + extra.expiresInDays) : null, headline: extra.headline ?? false,
        author_id: director, published_by: director, notified_at: at(days), created_at: at(days), updated_at: at(days),
      });
    };
    const life = await thread("Vie de l'école", [{ group: parents, role: 'read' }, { group: teachers, role: 'contribute' }]);
    const canteen = await thread('Restaurant scolaire', [{ group: parents, role: 'read' }, { group: teachers, role: 'read' }, { group: personnel, role: 'publish' }]);
    await item(life, 'Marché de Noël le vendredi 18 décembre',
      "<p>Le marché de Noël aura lieu dans la cour <strong>de 16 h 30 à 19 h</strong>. Les élèves vendront leurs créations au profit de la coopérative scolaire.</p><p>Nous cherchons des parents pour tenir la buvette : inscrivez-vous auprès de l'enseignant de votre enfant.</p>",
      -2, { headline: true, expiresInDays: 25 });
    await item(life, 'Rappel : photos de classe',
      '<p>Le photographe passe <strong>mardi matin</strong>. Pensez à une tenue adaptée ; les photos de fratrie auront lieu à 8 h 20 dans la salle polyvalente.</p>', -6);
    await item(life, 'Réunion parents-enseignants',
      "<p>Les rencontres individuelles du premier trimestre se tiennent du 7 au 11 décembre. Chaque enseignant communiquera ses créneaux dans le carnet de liaison.</p>", -9);
    await item(canteen, 'Menus de la semaine',
      "<ul><li><strong>Lundi</strong> : carottes râpées, poulet basquaise et riz, yaourt</li><li><strong>Mardi</strong> : hachis parmentier, salade verte, compote</li><li><strong>Jeudi</strong> : repas de Noël</li><li><strong>Vendredi</strong> : poisson pané, haricots verts, fruit de saison</li></ul>",
      -1);
    await item(canteen, 'Repas de Noël jeudi',
      '<p>Le repas de Noël sera servi jeudi. Les familles peuvent signaler une allergie ou un régime particulier au secrétariat avant lundi.</p>', -3);
    await trx('flash_messages').insert({
      school_ids: [schoolId], title: 'Sortie au musée reportée', colour: 'warning', signature: 'La directrice',
      body: sanitize.richText('<p>En raison de la météo, la sortie au musée des CM prévue vendredi est reportée au <strong>vendredi 11 décembre</strong>.</p>'),
      profiles: ['Relative', 'Teacher'], class_ids: [], starts_at: now, ends_at: at(5, 18), notify: false, author_id: director,
      created_at: now, started_at: now,
    });
  });
}
