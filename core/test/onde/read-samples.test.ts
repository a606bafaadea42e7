import t from 'tap';
import { matchFamilies } from '../../src/onde/match-families.js';
import { listOndeClasses } from '../../src/onde/onde-classes.js';
import { readGuardiansFile } from '../../src/onde/read-guardians.js';
import { readPupilsFile } from '../../src/onde/read-pupils.js';
import { SAMPLES, be1dPupils, expectedOf, sampleBytes, sampleText, utf8 } from './onde-samples.js';

for (const sample of SAMPLES) {
  t.test(`the ${sample} sample reads to exactly its expected classes, pupils and families`, async (t) => {
    const expected = expectedOf(sample);
    const pupilsFile = readPupilsFile(sampleBytes(sample, 'pupils'));
    const guardiansFile = readGuardiansFile(sampleBytes(sample, 'guardians'));
    const match = matchFamilies(pupilsFile.pupils, guardiansFile.guardians);

    t.equal(expected.encoding, 'cp1252', 'the sample is a Windows-1252 export');
    t.equal(pupilsFile.encoding, 'windows-1252');
    t.equal(guardiansFile.encoding, 'windows-1252');
    t.equal(pupilsFile.layout, 'onde');
    t.equal(guardiansFile.layout, 'onde');
    t.strictSame(
      listOndeClasses(pupilsFile.pupils).map((c) => ({ label: c.label, id: c.id, levels: c.levels, pupils: c.pupils.length })),
      expected.classes,
    );
    t.equal(pupilsFile.pupils.length, expected.pupils);
    t.equal(match.guardians.length, expected.guardians);
    t.equal(match.links.length, expected.links);
    t.equal(match.families, expected.families);
    t.strictSame([...pupilsFile.problems, ...guardiansFile.problems, ...match.problems], [], 'nothing to report');
  });

  t.test(`the ${sample} sample saved as UTF-8, with or without a byte-order mark, reads the same`, async (t) => {
    const original = {
      pupils: readPupilsFile(sampleBytes(sample, 'pupils')),
      guardians: readGuardiansFile(sampleBytes(sample, 'guardians')),
    };
    for (const bom of [true, false]) {
      const pupils = readPupilsFile(utf8(sampleText(sample, 'pupils'), bom));
      const guardians = readGuardiansFile(utf8(sampleText(sample, 'guardians'), bom));
      t.equal(pupils.encoding, 'utf-8');
      t.equal(guardians.encoding, 'utf-8');
      t.strictSame(pupils.pupils, original.pupils.pupils, `pupils alike (${bom ? 'with' : 'without'} BOM)`);
      t.strictSame(guardians.guardians, original.guardians.guardians, `guardians alike (${bom ? 'with' : 'without'} BOM)`);
      t.strictSame(
        matchFamilies(pupils.pupils, guardians.guardians),
        matchFamilies(original.pupils.pupils, original.guardians.guardians),
      );
    }
  });

  t.test(`the ${sample} sample in the Base élèves layout reads the same pupils, keyed on class labels`, async (t) => {
    const onde = readPupilsFile(sampleBytes(sample, 'pupils'));
    const be1d = readPupilsFile(be1dPupils(sample));
    t.equal(be1d.layout, 'be1d');
    t.equal(be1d.encoding, 'windows-1252');
    t.strictSame(be1d.problems, []);
    t.strictSame(
      be1d.pupils,
      onde.pupils.map((pupil) => ({ ...pupil, ine: null, classId: null, photoAuthorised: null })),
      'same pupils, lines and yyyy-mm-dd dates; no INE, class identifier nor photo authorisation',
    );
    const expected = expectedOf(sample);
    t.strictSame(
      listOndeClasses(be1d.pupils).map((c) => ({ key: c.key, levels: c.levels, pupils: c.pupils.length })),
      expected.classes.map((c) => ({ key: `label:${c.label}`, levels: c.levels, pupils: c.pupils })),
    );
    const guardians = readGuardiansFile(sampleBytes(sample, 'guardians'));
    const match = matchFamilies(be1d.pupils, guardians.guardians);
    t.equal(match.links.length, expected.links, 'guardians still find their children');
    t.equal(match.families, expected.families);
  });
}

t.test('the host organisations section after the guardians is not read as guardians', async (t) => {
  const text = sampleText('ecole-jean-moulin', 'guardians');
  t.match(text, /\nIntitulé;Adresse Organisme\nCentre de loisirs Les Castors;/, 'the sample has the section');
  const { guardians, problems } = readGuardiansFile(sampleBytes('ecole-jean-moulin', 'guardians'));
  t.equal(guardians.length, 108);
  t.equal(guardians.at(-1)?.line, 109, 'the last guardian is the row before the section');
  t.notOk(guardians.some((g) => /Castors|Intitulé/.test(`${g.lastName} ${g.firstName}`)));
  t.strictSame(problems, []);
});

t.test('a sample pupil and guardian are read field by field', async (t) => {
  const { pupils } = readPupilsFile(sampleBytes('ecole-jean-moulin', 'pupils'));
  t.strictSame(pupils[0], {
    line: 2,
    lastName: 'SIMON',
    usageName: null,
    firstName: 'Arthur',
    birthDate: '2020-01-28',
    sex: 'M',
    ine: '1000004456A',
    level: 'CP',
    classLabel: 'CP - M. ROUX',
    classId: '41002',
    address: '12 rue des Écoles, 16000 Angoulême',
    photoAuthorised: true,
  });
  const { guardians } = readGuardiansFile(sampleBytes('ecole-jean-moulin', 'guardians'));
  t.strictSame(guardians[0], {
    line: 2,
    civility: 'Mme',
    lastName: 'SIMON',
    usageName: null,
    firstName: 'Émilie',
    email: 'parent0.0@example.org',
    phoneHome: null,
    phoneWork: null,
    mobile: '06 06 37 12 95',
    address: '12 rue des Écoles, 16000 Angoulême',
    children: ['Arthur', 'Loïc', 'Raphaël', 'Gabriel', 'Anaïs'].map((firstName, i) => ({
      usageName: null,
      lastName: 'SIMON',
      firstName,
      classLabel: i < 4 ? 'CP - M. ROUX' : 'CE1-CE2 - M. GUÉRIN',
    })),
  });
  t.equal(guardians[1]?.civility, 'M.');
});
