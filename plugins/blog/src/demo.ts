import type { DemoContext, PluginServices } from '@preau/sdk';
import { createBlog } from './create-blog.js';

const DAY = 86_400_000;

/** A public address made of a name: « École Jules Ferry » → `ecole-jules-ferry`. */
export function slugOf(name: string): string {
  return name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'blog';
}

/**
 * The demo school's blogs in French: the CM2's trip to London (posts of the teacher, a pupil's post waiting for
 * validation, a parent's comment) and the school's public blog at /pub/blog/<school's name>.
 */
export async function demo(context: DemoContext, services: PluginServices): Promise<void> {
  const { db, sanitize } = services;
  const { schoolId, director, teachers, now } = context;
  if (await db('blogs').where({ school_id: schoolId }).first('id')) return;
  const classes = await services.structure.classes(teachers.map((t) => t.classId));
  const cm2 = classes.find((c) => /CM2/.test(c.label)) ?? classes.at(-1);
  const teacher = teachers.find((t) => t.classId === cm2?.id)?.id ?? director;
  const at = (days: number) => new Date(now.getTime() - days * DAY);

  const post = async (blogId: number, authorId: number, title: string, body: string, days: number | null) => {
    const clean = sanitize.richText(body);
    const [row] = await db('posts').insert({
      blog_id: blogId, author_id: authorId, title, body: clean, body_text: sanitize.plainText(clean, 2000),
      state: days === null ? 'submitted' : 'published', published_at: days === null ? null : at(days), has_images: false,
      created_at: at(days ?? 0), updated_at: at(days ?? 0),
    }).returning('id');
    return row.id as number;
  };

  if (cm2) {
    const london = await createBlog(services, {
      schoolId, classId: cm2.id, title: 'London, here we come !', coverBlobId: null, publication: 'restrained', comments: 'moderated', owner: teacher,
      description: 'Le voyage de la classe de CM2 à Londres : les préparatifs, puis chaque jour du séjour, racontés par les élèves.',
    });
    await post(london, teacher, 'Le voyage se prépare', "<p>Chers parents, notre voyage à Londres approche ! Les élèves préparent en classe un <strong>carnet de voyage</strong> et apprennent à se présenter en anglais.</p><ul><li>Réunion d'information : jeudi à 18 h</li><li>Documents : carte d'identité et autorisation de sortie du territoire</li></ul>", 12);
    await post(london, teacher, 'Nos questions pour les Londoniens', "<p>Chaque élève a écrit trois questions à poser aux élèves de notre école partenaire à Greenwich. <em>What is your favourite food?</em> est la plus demandée !</p>", 6);
    const pupils = await services.structure.pupilsOf([cm2.id]);
    const writer = pupils[0];
    if (writer) await post(london, writer.id, 'Ce que je veux voir à Londres', '<p>Moi je veux voir Big Ben, le bus rouge à deux étages et les gardes de la reine. Et manger des scones !</p>', null);
    const first = (await db('posts').where({ blog_id: london, state: 'published' }).orderBy('id').first('id')) as { id: number } | undefined;
    const relatives = writer ? await services.structure.relativesOf([writer.id]) : [];
    if (first && relatives[0]) {
      await db('comments').insert({ post_id: first.id, author_id: relatives[0].relative.id, body: 'Merci pour ces informations, ma fille est ravie !', state: 'published', created_at: at(11) });
    }
  }

  const school = (await db('schools').where({ id: schoolId }).first('name')) as { name: string } | undefined;
  let slug = slugOf(school?.name ?? 'ecole');
  if (await db('blogs').where({ slug }).first('id')) slug = `${slug}-${schoolId}`;
  const schoolBlog = await createBlog(services, {
    schoolId, classId: null, title: "Le blog de l'école", coverBlobId: null,
    publication: 'immediate', comments: 'none', owner: director,
    description: "Les nouvelles de l'école pour tous : projets, sorties, fêtes et informations pratiques.",
  });
  await db('blogs').where({ id: schoolBlog }).update({ slug });
  await post(schoolBlog, director, "Fête de l'école", "<p>La fête de l'école aura lieu le <strong>samedi 20 juin</strong> dans la cour : chants des élèves à 10 h, puis kermesse tenue par les parents au profit de la coopérative scolaire.</p>", 3);
  await post(schoolBlog, director, 'Semaine du goût', '<p>Cette semaine, les élèves ont goûté des fruits et légumes de saison préparés par la cantine. Bravo aux cuisiniers !</p>', 9);
}
