import t from 'tap';
import { cm2School, PISCINE } from './helpers/cm2-school.js';

const DAY = 86_400_000;
const parisDay = (instant: Date) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Paris' }).format(instant);

t.test("a question's deadline is a dated item for the families it went to and the staff who follow it, and for nobody else", async (t) => {
  const s = await cm2School();
  t.teardown(() => s.platform.close());
  const { platform, teacher, director, otherTeacher, families, otherParent, foreignTeacher } = s;
  const deadline = new Date(platform.clock.now().getTime() + 3 * DAY);
  const posted = await platform.as(teacher).inject({
    method: 'POST', url: '/api/liaison/words',
    payload: { ...PISCINE, classIds: [s.classId], question: { kind: 'yes-no', prompt: 'Autorisez-vous la sortie ?', deadline: deadline.toISOString() } },
  });
  t.equal(posted.statusCode, 201);
  const word = posted.json();
  const later = await platform.as(teacher).inject({
    method: 'POST', url: '/api/liaison/words',
    payload: { ...PISCINE, title: 'Mot prévu pour plus tard', classIds: [s.classId], sendAt: new Date(platform.clock.now().getTime() + DAY).toISOString(), question: { kind: 'yes-no', prompt: 'Oui ?', deadline: deadline.toISOString() } },
  });
  t.equal(later.statusCode, 201);

  const from = parisDay(platform.clock.now());
  const to = parisDay(new Date(platform.clock.now().getTime() + 10 * DAY));
  const itemsOf = async (user: Parameters<typeof platform.as>[0], kind = '') => {
    const answer = await platform.as(user).inject(`/api/core/dated-items?from=${from}&to=${to}${kind}`);
    t.equal(answer.statusCode, 200);
    return (answer.json() as { app: string; items: { id: string; title: string; day: string; time?: string; kind?: string; url: string }[] }[])
      .filter((a) => a.app === 'liaison').flatMap((a) => a.items);
  };
  const time = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(deadline);

  t.same(await itemsOf(families[8]!.relatives[0]!), [{
    id: `${word.id}-${families[8]!.pupil.id}`, title: 'Réponse attendue : Sortie à la piscine', day: parisDay(deadline), time, kind: 'deadline', url: `/apps/liaison/words/${word.id}`,
  }], 'a parent sees the deadline on its Paris day and time, and not the word that is not sent yet');
  const siblings = await itemsOf(families[0]!.relatives[0]!);
  t.equal(siblings.length, 2, 'the parents of two pupils of the class see it once per child');
  t.match(siblings.map((item) => item.title), [new RegExp(`\\(${families[0]!.pupil.displayName}\\)$`), new RegExp(`\\(${families[1]!.pupil.displayName}\\)$`)], 'naming the child');
  t.equal((await itemsOf(teacher)).length, 1, 'its author follows it');
  t.equal((await itemsOf(director)).length, 1, 'so does the direction');
  t.same(await itemsOf(otherParent), [], "another class's parent does not see it");
  t.same(await itemsOf(otherTeacher), [], "nor another class's teacher");
  t.same(await itemsOf(foreignTeacher), [], 'nor a teacher of another school');
  t.same(await itemsOf(families[8]!.relatives[0]!, '&kind=school-holidays'), [], 'asked by kind, deadlines are not holidays');
  t.equal((await itemsOf(families[8]!.relatives[0]!, '&kind=deadline')).length, 1);
  t.equal((await platform.as(teacher).inject(`/api/core/dated-items?from=${from}&to=${to}&kind=vacances`)).statusCode, 400, 'an unknown kind is refused');
});
