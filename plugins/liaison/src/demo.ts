import type { CurrentUser, DemoContext, PluginServices } from '@preau/sdk';
import { createWord } from './words.js';
import { acknowledge, answer } from './family-actions.js';
import { addReply } from './replies.js';

const DAY_MS = 86_400_000;

async function asUser(services: PluginServices, id: number, schoolId: number, director = false): Promise<CurrentUser> {
  const [person] = await services.structure.people([id]);
  return {
    id, login: '', displayName: person?.displayName ?? '', profile: person?.profile ?? 'Teacher', language: 'fr',
    schools: [{ id: schoolId, uai: '', name: '' }],
    functions: director ? [{ function: 'director', schoolId }] : [],
  };
}

/** `preau demo`: three words as a school writes them, a third of the families having signed the first. */
export async function addDemoWords(context: DemoContext, services: PluginServices): Promise<void> {
  const school = [{ id: context.schoolId, uai: '', name: '' }];
  const directorClass = context.teachers.find((t) => t.id === context.director);
  const others = context.teachers.filter((t) => t.id !== context.director);
  if (directorClass) {
    const director = await asUser(services, context.director, context.schoolId, true);
    const id = await createWord(services, director, school, {
      title: 'Sortie à la piscine',
      body: '<p>Bonjour,</p><p>La classe ira à la piscine municipale <strong>jeudi prochain</strong> de 9 h à 11 h. Merci de prévoir un maillot, une serviette et un bonnet de bain dans un sac marqué au nom de votre enfant.</p><p>Cordialement,</p>',
      category: 'sortie', classIds: [directorClass.classId], pupilIds: [], attachmentIds: [], requiresAck: true, repliesAllowed: true,
      question: { kind: 'yes-no', prompt: "J'autorise mon enfant à participer à la sortie", deadline: new Date(context.now.getTime() + 6 * DAY_MS).toISOString() },
    });
    const pupils = await services.structure.pupilsOf([directorClass.classId]);
    const relatives = await services.structure.relativesOf(pupils.map((p) => p.id));
    const word = { id, title: 'Sortie à la piscine', author_id: context.director, question: { kind: 'yes-no' as const, prompt: '', options: ['Oui', 'Non'], deadline: null } };
    for (const [index, pupil] of pupils.slice(0, Math.ceil(pupils.length / 3)).entries()) {
      const link = relatives.find((r) => r.pupilId === pupil.id);
      if (!link) continue;
      const relative = await asUser(services, link.relative.id, context.schoolId);
      await acknowledge(services, relative, word, pupil.id);
      await answer(services, relative, word, pupil.id, index % 5 === 4 ? 1 : 0);
      if (index === 1) await addReply(services, relative, word, pupil.id, '<p>Mon fils a une petite otite, il ne pourra pas se baigner : peut-il venir quand même ?</p>', false);
    }
  }
  const [first, second] = others;
  if (first) {
    const teacher = await asUser(services, first.id, context.schoolId);
    await createWord(services, teacher, school, {
      title: 'Rendez-vous parents-enseignant',
      body: '<p>Je vous propose de faire le point sur le premier trimestre. Choisissez le créneau qui vous convient.</p>',
      category: 'reunion', classIds: [first.classId], pupilIds: [], attachmentIds: [], requiresAck: false, repliesAllowed: true,
      question: { kind: 'choice', prompt: 'Créneau souhaité', options: ['Lundi 16 h 30', 'Mardi 17 h', 'Jeudi 16 h 45'], deadline: new Date(context.now.getTime() + 10 * DAY_MS).toISOString() },
    });
  }
  if (second) {
    const teacher = await asUser(services, second.id, context.schoolId);
    await createWord(services, teacher, school, {
      title: 'Photos de classe',
      body: '<p>Le photographe passera <em>mardi matin</em>. Les bons de commande seront distribués la semaine suivante.</p>',
      category: 'information', classIds: [second.classId], pupilIds: [], attachmentIds: [], requiresAck: true, repliesAllowed: false,
    });
  }
}
