import t from 'tap';
import { cm2School, PISCINE } from './helpers/cm2-school.js';

t.test('people outside the word are refused on every route, with a code', async (t) => {
  const s = await cm2School();
  t.teardown(() => s.platform.close());
  const { platform, teacher, families, otherParent, foreignTeacher, otherTeacher } = s;
  const word = (await platform.as(teacher).inject({ method: 'POST', url: '/api/liaison/words', payload: { ...PISCINE, classIds: [s.classId] } })).json();
  const pupil = families[3]!.pupil;
  const pupilOfOther = s.families[0]!.pupil;
  const staffRoutes = [
    ['GET', `/api/liaison/words/${word.id}`], ['GET', `/api/liaison/words/${word.id}/tracking`], ['POST', `/api/liaison/words/${word.id}/reminders`],
    ['GET', `/api/liaison/words/${word.id}/slips.pdf`], ['DELETE', `/api/liaison/words/${word.id}`],
  ] as const;
  const familyRoutes = [
    ['GET', `/api/liaison/words/${word.id}/family`], ['POST', `/api/liaison/words/${word.id}/pupils/${pupil.id}/read`],
    ['POST', `/api/liaison/words/${word.id}/pupils/${pupil.id}/acknowledgement`], ['GET', `/api/liaison/words/${word.id}/pupils/${pupil.id}/replies`],
  ] as const;

  for (const [who, user] of [['a parent of another class', otherParent], ['a teacher of another school', foreignTeacher], ['a teacher of another class', otherTeacher], ['a pupil', pupil]] as const) {
    for (const [method, url] of staffRoutes) {
      const response = await platform.as(user).inject({ method, url });
      t.ok([403, 404].includes(response.statusCode) && response.json().code, `${who}: ${method} ${url} → ${response.statusCode} ${response.json().code}`);
    }
  }
  for (const [who, user] of [['a parent of another class', otherParent], ['a teacher of another school', foreignTeacher], ['a parent of another pupil', families[20]!.relatives[0]!]] as const) {
    for (const [method, url] of familyRoutes) {
      // The parent of another pupil of the class has the word for their own child: only the other child's routes are refused.
      if (who === 'a parent of another pupil' && !url.includes('/pupils/')) continue;
      const response = await platform.as(user).inject({ method, url });
      t.ok([403, 404].includes(response.statusCode) && response.json().code, `${who}: ${method} ${url} → ${response.statusCode} ${response.json().code}`);
    }
  }
  const asPupil = await platform.as(pupil).inject({ method: 'POST', url: `/api/liaison/words/${word.id}/pupils/${pupil.id}/acknowledgement` });
  t.equal(asPupil.statusCode, 403, 'a pupil reads but does not acknowledge');
  t.equal(asPupil.json().code, 'LIAISON_ERR_FAMILY_ONLY');
  const pupilView = (await platform.as(pupil).inject('/api/liaison/me/words')).json().words[0];
  t.equal(pupilView.id, word.id, 'the pupil reads the word of their class');
  t.same([pupilView.mayAcknowledge, pupilView.mayReply], [false, false], 'and is told they do not sign or reply');
  const parentView = (await platform.as(families[3]!.relatives[0]!).inject(`/api/liaison/words/${word.id}/family`)).json()[0];
  t.same([parentView.mayAcknowledge, parentView.mayReply], [true, true], 'a parent does');
  const forOther = await platform.as(families[3]!.relatives[0]!).inject({ method: 'POST', url: `/api/liaison/words/${word.id}/pupils/${pupilOfOther.id}/acknowledgement` });
  t.equal(forOther.statusCode, 403, 'a relative acknowledges only for their own child');

  const write = (user: typeof teacher, classIds: number[]) => platform.as(user).inject({ method: 'POST', url: '/api/liaison/words', payload: { ...PISCINE, classIds } });
  t.equal((await write(otherTeacher, [s.classId])).json().code, 'LIAISON_ERR_AUDIENCE', 'a teacher writes only to classes they teach');
  t.equal((await write(families[3]!.relatives[0]!, [s.classId])).statusCode, 403, 'a parent does not write words');
  t.equal((await write(foreignTeacher, [s.classId])).statusCode, 403, "another school's teacher neither");
  t.equal((await write(s.director, [s.classId, s.otherClassId])).statusCode, 201, 'the director writes to every class of the school');

  const bad = await platform.as(teacher).inject({ method: 'POST', url: '/api/liaison/words', payload: { ...PISCINE, classIds: [s.classId], category: 'pique-nique' } });
  t.equal(bad.statusCode, 400, 'bad input is a 400 naming the field');
  const empty = await platform.as(teacher).inject({ method: 'POST', url: '/api/liaison/words', payload: { ...PISCINE } });
  t.equal(empty.json().code, 'LIAISON_ERR_AUDIENCE_EMPTY');

  // The app switched off for the school: nothing is reachable any more.
  await platform.as(platform.admin).inject({ method: 'PUT', url: `/api/core/schools/${s.schoolId}/apps/liaison`, payload: { enabled: false } });
  const off = await platform.as(families[3]!.relatives[0]!).inject(`/api/liaison/words/${word.id}/family`);
  t.equal(off.statusCode, 403, 'a disabled app refuses its users');
});

t.test('a teacher writes to chosen pupils of their class only, and only their families get it', async (t) => {
  const s = await cm2School();
  t.teardown(() => s.platform.close());
  const { platform, teacher, families } = s;
  const chosen = [families[8]!.pupil.id, families[9]!.pupil.id];
  const word = (await platform.as(teacher).inject({ method: 'POST', url: '/api/liaison/words', payload: { ...PISCINE, pupilIds: chosen } })).json();
  t.same(word.pupilIds, chosen);
  t.equal(word.counts.pupils, 2);
  t.equal((await platform.as(families[10]!.relatives[0]!).inject(`/api/liaison/words/${word.id}/family`)).statusCode, 404, 'another family of the class does not see it');
  t.equal((await platform.as(families[8]!.relatives[1]!).inject(`/api/liaison/words/${word.id}/family`)).statusCode, 200);
  const outside = await platform.as(teacher).inject({ method: 'POST', url: '/api/liaison/words', payload: { ...PISCINE, pupilIds: [s.otherParent.id] } });
  t.equal(outside.json().code, 'LIAISON_ERR_AUDIENCE', 'a pupil of a class the teacher does not teach is refused');
});
