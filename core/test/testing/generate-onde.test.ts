import t from 'tap';
import { generateOndeAcademy, generateOndeSchool } from '../../src/testing/generate-onde.js';
import { matchFamilies } from '../../src/onde/match-families.js';
import { listOndeClasses } from '../../src/onde/onde-classes.js';
import { readGuardiansFile } from '../../src/onde/read-guardians.js';
import { readPupilsFile } from '../../src/onde/read-pupils.js';

t.test('the same seed gives the same bytes, another seed other files', async (t) => {
  const a = generateOndeSchool({ seed: 42 });
  const b = generateOndeSchool({ seed: 42 });
  t.ok(Buffer.from(a.pupils).equals(Buffer.from(b.pupils)), 'pupils identical');
  t.ok(Buffer.from(a.guardians).equals(Buffer.from(b.guardians)), 'guardians identical');
  const c = generateOndeSchool({ seed: 43 });
  t.notOk(Buffer.from(a.pupils).equals(Buffer.from(c.pupils)));
});

t.test('a generated school reads back with no problem, the pupils asked for and about 1.8 guardians a pupil', async (t) => {
  for (const options of [{ seed: 1 }, { seed: 7, classes: 12, pupilsPerClass: 28 }, { seed: 2024, classes: 1, pupilsPerClass: 3 }]) {
    const school = generateOndeSchool(options);
    const pupilsFile = readPupilsFile(school.pupils);
    const guardiansFile = readGuardiansFile(school.guardians);
    const match = matchFamilies(pupilsFile.pupils, guardiansFile.guardians);
    const classes = options.classes ?? 5;
    const perClass = options.pupilsPerClass ?? 24;
    const what = `seed ${options.seed}`;
    t.equal(pupilsFile.encoding, 'windows-1252', `${what}: encoded as ONDE does`);
    t.equal(pupilsFile.layout, 'onde');
    t.equal(guardiansFile.layout, 'onde');
    t.strictSame([...pupilsFile.problems, ...guardiansFile.problems, ...match.problems], [], `${what}: no problem`);
    t.equal(pupilsFile.pupils.length, classes * perClass, `${what}: ${classes * perClass} pupils`);
    const listed = listOndeClasses(pupilsFile.pupils);
    t.equal(listed.length, classes);
    t.ok(listed.every((c) => c.pupils.length === perClass), `${what}: ${perClass} pupils in each class`);
    t.equal(match.guardians.length, guardiansFile.guardians.length, `${what}: no guardian merged away`);
    t.equal(new Set(match.links.map((link) => link.pupil)).size, pupilsFile.pupils.length, `${what}: every pupil has a guardian`);
    if (pupilsFile.pupils.length >= 100) {
      const perPupil = match.links.length / pupilsFile.pupils.length;
      t.ok(perPupil > 1.65 && perPupil < 1.95, `${what}: ${perPupil.toFixed(2)} guardians a pupil`);
      t.ok(match.families < pupilsFile.pupils.length, `${what}: siblings share guardians`);
      t.ok(listed.some((c) => c.levels.length > 1), `${what}: some classes span two levels`);
    }
  }
});

t.test('generated files look like the samples: accents, single parents, several children per guardian', async (t) => {
  const school = generateOndeSchool({ seed: 5, classes: 8 });
  const text = new TextDecoder('latin1').decode(school.pupils);
  t.match(text, /^Nom élève;Nom d'usage élève;Prénom élève;Date naissance;Sexe;INE;.*; Cycle;Niveau;Libellé classe;Identifiant classe;/);
  t.ok(school.pupils.includes(0xe9), 'é written as the single Windows-1252 byte');
  const { pupils } = readPupilsFile(school.pupils);
  t.ok(pupils.every((p) => /^\d{10}[A-Z]$/.test(p.ine ?? '')), 'INEs of 10 digits and a letter');
  t.ok(pupils.every((p) => p.birthDate !== null && p.sex !== null && p.level !== null && p.classId !== null));
  const { guardians } = readGuardiansFile(school.guardians);
  const match = matchFamilies(pupils, guardians);
  const guardiansOf = new Map<number, number>();
  for (const link of match.links) guardiansOf.set(link.pupil, (guardiansOf.get(link.pupil) ?? 0) + 1);
  t.ok([...guardiansOf.values()].some((n) => n === 1), 'some pupils have a single guardian');
  t.ok(guardians.some((g) => g.children.length > 1), 'some guardians have several children');
});

t.test('an academy is generated one school at a time with INEs unique across schools', async (t) => {
  const academy = generateOndeAcademy({ schools: 30, seed: 9 });
  t.equal(typeof academy.next, 'function', 'a generator: nothing is made before it is asked for');
  const ines = new Set<string>();
  let pupils = 0;
  let schools = 0;
  for (const school of academy) {
    const { pupils: read, problems } = readPupilsFile(school.pupils);
    t.equal(read.length, school.classes * school.pupilsPerClass, `school ${school.index}`);
    t.strictSame(problems, []);
    for (const pupil of read) ines.add(pupil.ine ?? '');
    pupils += read.length;
    schools++;
  }
  t.equal(schools, 30);
  t.equal(ines.size, pupils, 'no INE twice in the academy');
  const again = generateOndeAcademy({ schools: 3, seed: 9 });
  again.next();
  const second = again.next().value;
  t.ok(second && Buffer.from(second.guardians).equals(Buffer.from(generateOndeSchool(second).guardians)), 'a school regenerates alone from its seed');
});
