import t from 'tap';
import { matchFamilies } from '../../src/onde/match-families.js';
import type { OndeChildRef, OndeGuardian } from '../../src/onde/read-guardians.js';
import { readGuardiansFile } from '../../src/onde/read-guardians.js';
import type { OndePupil } from '../../src/onde/read-pupils.js';
import { readPupilsFile } from '../../src/onde/read-pupils.js';
import { sampleBytes, sampleText, windows1252 } from './onde-samples.js';

function pupil(line: number, lastName: string, firstName: string, classLabel: string, usageName: string | null = null): OndePupil {
  return {
    line, lastName, usageName, firstName, birthDate: null, sex: null, ine: null, level: null,
    classLabel, classId: null, address: null, photoAuthorised: null,
  };
}

function guardian(line: number, lastName: string, firstName: string, children: OndeChildRef[], more: Partial<OndeGuardian> = {}): OndeGuardian {
  return {
    line, civility: null, lastName, usageName: null, firstName, email: null, phoneHome: null, phoneWork: null,
    mobile: null, address: null, children, ...more,
  };
}

const child = (lastName: string, firstName: string, classLabel: string | null, usageName: string | null = null): OndeChildRef =>
  ({ usageName, lastName, firstName, classLabel });

t.test('a guardian whose child is not in the pupils file gets CHILD_NOT_FOUND on its line', async (t) => {
  const pupilsFile = readPupilsFile(sampleBytes('ecole-jean-moulin', 'pupils'));
  const lines = sampleText('ecole-jean-moulin', 'guardians').split('\n');
  // Line 110: a mother of one known pupil and one who left the school; line 111: a parent of the leaver only.
  lines.splice(109, 0,
    'MME;;ROUX;Claire;;;;;claire.roux@example.org;;;;;SIMON;Zoé;CM2 - M. BÉRANGER;;DUPUIS;Zélie;CP - M. ROUX;;;;;;;;;;;;',
    'M.;;DUPUIS;Marc;;;;;;;;;;DUPUIS;Zélie;CP - M. ROUX;;;;;;;;;;;;;;;;');
  const guardiansFile = readGuardiansFile(windows1252(lines.join('\n')));
  const match = matchFamilies(pupilsFile.pupils, guardiansFile.guardians);
  t.strictSame(
    match.problems.map(({ file, line, code }) => ({ file, line, code })),
    [
      { file: 'guardians', line: 110, code: 'CHILD_NOT_FOUND' },
      { file: 'guardians', line: 111, code: 'CHILD_NOT_FOUND' },
      { file: 'guardians', line: 111, code: 'GUARDIAN_WITHOUT_PUPIL' },
    ],
  );
  t.match(match.problems[0]?.message, /Ligne 110 : l'enfant Zélie DUPUIS \(CP - M\. ROUX\) de Claire ROUX ne figure pas dans le fichier des élèves/);
  t.equal(match.guardians.length, 109, 'the mother is kept, the parent of no pupil is not');
  const claire = match.guardians.findIndex((g) => g.firstName === 'Claire');
  const zoe = pupilsFile.pupils.findIndex((p) => p.firstName === 'Zoé' && p.lastName === 'SIMON');
  t.strictSame(match.links.filter((link) => link.guardian === claire), [{ guardian: claire, pupil: zoe }]);
});

t.test('children are found whatever the accents and case, by family or usage name', async (t) => {
  const pupils = [pupil(2, 'LÉGER', 'Zoé', 'CP - Mme A'), pupil(3, 'MARTIN', 'Noé', 'CE1 - M. B', 'DURAND')];
  const guardians = [
    guardian(2, 'Léger', 'Anne', [child('leger', 'ZOE', 'cp - mme a')]),
    guardian(3, 'DURAND', 'Paul', [child('DURAND', 'Noé', 'CE1 - M. B')]),
    guardian(4, 'MARTIN', 'Julie', [child('MARTIN', 'Noé', 'CE1 - M. B', 'DURAND')]),
  ];
  const match = matchFamilies(pupils, guardians);
  t.strictSame(match.problems, []);
  t.strictSame(match.links, [{ guardian: 0, pupil: 0 }, { guardian: 1, pupil: 1 }, { guardian: 2, pupil: 1 }]);
  t.equal(match.families, 2);
});

t.test('homonyms are told apart by class, and a child named differently by class falls back to a unique name', async (t) => {
  const pupils = [
    pupil(2, 'BOYER', 'Anna', 'PS-MS'),
    pupil(3, 'BOYER', 'Anna', 'GS'),
    pupil(4, 'ROUX', 'Jade', 'CP'),
  ];
  const guardians = [
    guardian(2, 'BOYER', 'Céline', [child('BOYER', 'Anna', 'GS')]),
    guardian(3, 'ROUX', 'Émilie', [child('ROUX', 'Jade', 'CP A')]),
    guardian(4, 'BOYER', 'Jérôme', [child('BOYER', 'Anna', 'CM2')]),
  ];
  const match = matchFamilies(pupils, guardians);
  t.strictSame(match.links, [{ guardian: 0, pupil: 1 }, { guardian: 1, pupil: 2 }]);
  t.strictSame(
    match.problems.map(({ line, code }) => ({ line, code })),
    [{ line: 4, code: 'CHILD_AMBIGUOUS' }, { line: 4, code: 'GUARDIAN_WITHOUT_PUPIL' }],
  );
  t.match(match.problems[0]?.message, /2 élèves s'appellent Anna BOYER \(CM2\)/);
});

t.test('a guardian listed twice becomes one guardian with both lines and the contacts of both rows', async (t) => {
  const pupils = [pupil(2, 'PETIT', 'Léa', 'CP'), pupil(3, 'PETIT', 'Tom', 'CM1'), pupil(4, 'PETIT', 'Jules', 'CE2')];
  const guardians = [
    // Same person and children, once per child's class as some exports do: merged on name and children.
    guardian(2, 'PETIT', 'Marc', [child('PETIT', 'Léa', 'CP'), child('PETIT', 'Tom', 'CM1')], { mobile: '06 01 02 03 04' }),
    guardian(3, 'PETIT', 'Céline', [child('PETIT', 'Léa', 'CP')], { email: 'celine@example.org' }),
    guardian(4, 'Petit', 'Marc', [child('PETIT', 'Tom', 'CM1'), child('PETIT', 'Léa', 'CP')], { email: 'marc@example.org' }),
    // Same name and e-mail with another child (a child of a new union): merged on name and e-mail.
    guardian(5, 'PETIT', 'Céline', [child('PETIT', 'Jules', 'CE2')], { email: 'CELINE@example.org', phoneHome: '05 00 00 00 00' }),
    // A namesake with another child and no e-mail in common is another person.
    guardian(6, 'PETIT', 'Marc', [child('PETIT', 'Jules', 'CE2')], { email: 'autre.marc@example.org' }),
  ];
  const match = matchFamilies(pupils, guardians);
  t.strictSame(match.problems, []);
  t.strictSame(match.guardians.map((g) => g.lines), [[2, 4], [3, 5], [6]]);
  t.equal(match.guardians[0]?.mobile, '06 01 02 03 04');
  t.equal(match.guardians[0]?.email, 'marc@example.org', 'a contact missing from the first row comes from the next');
  t.equal(match.guardians[1]?.phoneHome, '05 00 00 00 00');
  t.equal(match.guardians[1]?.email, 'celine@example.org', 'the first row wins when both have one');
  t.strictSame(match.guardians[1]?.children.map((c) => c.firstName), ['Léa', 'Jules']);
  t.strictSame(match.links, [
    { guardian: 0, pupil: 0 }, { guardian: 0, pupil: 1 }, { guardian: 1, pupil: 0 }, { guardian: 1, pupil: 2 },
    { guardian: 2, pupil: 2 },
  ]);
  t.equal(match.families, 1, 'step-families joined by a shared child are one family');
});

t.test('families are the groups of guardians and pupils joined by links, pupils without guardians aside', async (t) => {
  const pupils = [pupil(2, 'A', 'Un', 'CP'), pupil(3, 'A', 'Deux', 'CP'), pupil(4, 'B', 'Trois', 'CP'), pupil(5, 'C', 'Quatre', 'CP')];
  const guardians = [
    guardian(2, 'A', 'Mère', [child('A', 'Un', 'CP')]),
    guardian(3, 'A', 'Père', [child('A', 'Un', 'CP'), child('A', 'Deux', 'CP')]),
    guardian(4, 'B', 'Mère', [child('B', 'Trois', 'CP')]),
  ];
  t.equal(matchFamilies(pupils, guardians).families, 2);
  t.equal(matchFamilies(pupils, []).families, 0);
});

t.test('100,000 pupils, each with a guardian of the same surname, make 100,000 families', async (t) => {
  const count = 100_000;
  const pupils = Array.from({ length: count }, (_, i) => pupil(i + 2, `NOM${i % 5000}`, `Prénom${Math.floor(i / 5000)}`, `Classe ${i % 4000}`));
  const guardians = pupils.map((p, i) => guardian(i + 2, p.lastName, `Parent${i}`, [child(p.lastName, p.firstName, p.classLabel)]));
  const match = matchFamilies(pupils, guardians);
  t.equal(match.links.length, count);
  t.equal(match.families, count);
});
