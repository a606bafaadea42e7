import { Readable } from 'node:stream';
import type { DemoContext, PluginServices } from '@preau/sdk';
import { createFolder, placeFile } from './files.js';
import { textPdf } from './demo-pdf.js';

const RULES = [
  "1. L'école ouvre ses portes à 8 h 20 et à 13 h 20 ; les cours commencent à 8 h 30 et à 13 h 30.",
  '2. Toute absence est signalée le jour même par le carnet de liaison ou par téléphone.',
  '3. Les enfants viennent à l\'école dans une tenue adaptée aux activités, y compris le sport.',
  '4. Les objets de valeur, les jeux électroniques et les téléphones restent à la maison.',
  '5. Le respect de chacun, enfants et adultes, est la règle de la vie à l\'école.',
  '6. Les goûters sont pris à la récréation de 10 heures ; les sucreries ne sont pas admises.',
  '7. Les médicaments ne sont donnés que dans le cadre d\'un projet d\'accueil individualisé.',
  'Règlement adopté par le conseil d\'école.',
];

/**
 * The seed's advice, as the demo school follows it: the director's "Dossier parents", shared read-only with
 * "Parents de l'école" (a live group: future parents see it too), holding the school rules as a PDF.
 */
export async function demo(context: DemoContext, services: PluginServices): Promise<void> {
  const { db, sharing, storage } = services;
  const { schoolId, director } = context;
  if (await db('nodes').where({ owner_id: director, name: 'Dossier parents' }).first('id')) return;
  const { groups } = await services.communication.visibleRecipients(director, { schoolId, limit: 100 });
  const parents = groups.find((g) => g.schoolId === schoolId && g.kind === 'school' && g.name === "Parents de l'école");
  const pdf = textPdf("Règlement de l'école", RULES);
  const blob = await storage.put(Readable.from([pdf]), { owner: director, name: "Règlement de l'école.pdf", size: pdf.length });
  try {
    await db.transaction(async (trx) => {
      const at = { parentId: null, ownerId: director, by: director };
      const folderId = await createFolder(services, trx, at, 'Dossier parents');
      await placeFile(services, trx, { ...at, parentId: folderId }, blob);
      if (parents) await sharing.grant({ type: 'folder', id: folderId }, { role: 'read', groups: [parents.id] }, { by: null, notify: false, schoolId, transaction: trx });
    });
  } catch (error) {
    await storage.delete(blob.id);
    throw error;
  }
}
