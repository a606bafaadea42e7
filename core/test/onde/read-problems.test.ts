import t from 'tap';
import { readGuardiansFile } from '../../src/onde/read-guardians.js';
import { parseOndeDate, readPupilsFile } from '../../src/onde/read-pupils.js';
import { sampleText, utf8, windows1252 } from './onde-samples.js';

const PUPILS = sampleText('ecole-jean-moulin', 'pupils');
const GUARDIANS = sampleText('ecole-jean-moulin', 'guardians');

t.test('rows that cannot be read are reported with their line and the rest of the file is read', async (t) => {
  const lines = PUPILS.split('\n');
  lines[2] = 'SIMON;;;21/11/2020;M;1000018358J;;;;;;;;;CYCLE II;CP;CP - M. ROUX;41002;Non;Oui;Oui;';
  lines[3] = 'SIMON;;Raphaël;31/02/2020;M;1000023694H;;;;;;;;;CYCLE II;CP;CP - M. ROUX;41002;Non;Oui;Oui;';
  lines[4] = 'MULLER;;Alice;13/07/2020;F;1000004456A;;;;;;;;;CYCLE II;CP;CP - M. ROUX;41002;Non;Oui;Oui;';
  lines[5] = 'ROBERT;;Hugo;15/06/2020;M;1000043655E;;;;;;;;;CYCLE II;CP6;CP - M. ROUX;41002;Non;Oui;Oui;';
  lines[6] = 'MICHEL;;Arthur;18/01/2020;M;1000053548H;;;;;;;;;CYCLE II;CP;;;Non;Oui;Oui;';
  const { pupils, problems } = readPupilsFile(windows1252(lines.join('\n')));
  t.strictSame(
    problems.map(({ file, line, code }) => ({ file, line, code })),
    [
      { file: 'pupils', line: 3, code: 'PUPIL_MISSING_NAME' },
      { file: 'pupils', line: 4, code: 'PUPIL_BAD_DATE' },
      { file: 'pupils', line: 5, code: 'PUPIL_DUPLICATE' },
      { file: 'pupils', line: 6, code: 'PUPIL_BAD_LEVEL' },
      { file: 'pupils', line: 7, code: 'PUPIL_MISSING_CLASS' },
    ],
  );
  t.match(problems[1]?.message, /Ligne 4 : date de naissance illisible pour Raphaël SIMON \(« 31\/02\/2020 »\)/);
  t.match(problems[2]?.message, /figure déjà ligne 2 \(même INE 1000004456A\)/);
  t.equal(pupils.length, 72 - 3, 'the nameless, duplicate and classless rows are left out');
  const raphael = pupils.find((p) => p.firstName === 'Raphaël' && p.lastName === 'SIMON');
  t.equal(raphael?.birthDate, null, 'a pupil with an unreadable date is kept without it');
  t.equal(pupils.find((p) => p.firstName === 'Hugo' && p.lastName === 'ROBERT')?.level, null);
});

t.test('dates are read as ONDE and Base élèves write them and checked against the calendar', async (t) => {
  t.equal(parseOndeDate('28/01/2020'), '2020-01-28');
  t.equal(parseOndeDate('2020-01-28'), '2020-01-28');
  t.equal(parseOndeDate('1/2/2019'), '2019-02-01');
  t.equal(parseOndeDate('2019-02-01 00:00:00'), '2019-02-01');
  t.equal(parseOndeDate('29/02/2020'), '2020-02-29');
  t.equal(parseOndeDate('29/02/2021'), null);
  t.equal(parseOndeDate('13/13/2020'), null);
  t.equal(parseOndeDate('01-28-2020'), null);
  t.equal(parseOndeDate(''), null);
});

t.test('headers match whatever their accents, case and spacing, and unknown or empty columns are ignored', async (t) => {
  const text = [
    ';INE; NOM ELEVE ;Prénom  élève;Deuxième prénom;Date de naissance;Sexe;Libelle classe;Identifiant classe;Niveau;Etat;Colonne inconnue',
    ';1000004456A;Simon;Arthur;Jean;28/01/2020;M;CP - M. ROUX;41002;cp;Admis définitif;x',
  ].join('\n');
  const { pupils, layout, problems } = readPupilsFile(utf8(text));
  t.equal(layout, 'onde-v2', 'newer columns make it an onde-v2 export');
  t.strictSame(problems, []);
  t.strictSame(pupils, [{
    line: 2, lastName: 'Simon', usageName: null, firstName: 'Arthur', birthDate: '2020-01-28', sex: 'M',
    ine: '1000004456A', level: 'CP', classLabel: 'CP - M. ROUX', classId: '41002', address: null, photoAuthorised: null,
  }]);
});

t.test('guardian rows that cannot be read are reported and bad e-mail addresses are dropped', async (t) => {
  const lines = GUARDIANS.split('\n');
  lines[1] = 'MME;;SIMON;;12 rue des Écoles;16000;Angoulême;FRANCE;;;;;;SIMON;Arthur;CP - M. ROUX;;;;;;;;;;;;;;;;';
  lines[2] = 'M.;;SIMON;Frédéric;;;;;frederic.simon@;;;;;SIMON;Arthur;CP - M. ROUX;;;Loïc;CP - M. ROUX;;;;;;;;;;;;';
  const { guardians, problems } = readGuardiansFile(windows1252(lines.join('\n')));
  t.strictSame(
    problems.map(({ file, line, code }) => ({ file, line, code })),
    [
      { file: 'guardians', line: 2, code: 'GUARDIAN_MISSING_NAME' },
      { file: 'guardians', line: 3, code: 'GUARDIAN_BAD_EMAIL' },
      { file: 'guardians', line: 3, code: 'CHILD_INCOMPLETE' },
    ],
  );
  t.equal(guardians.length, 107);
  t.equal(guardians[0]?.email, null);
  t.strictSame(guardians[0]?.children.map((c) => c.firstName), ['Arthur']);
});

t.test('the newer élève child columns and Base élèves extension numbers are read', async (t) => {
  const text = [
    '"Civilité Responsable";"Nom usage responsable";"Nom responsable";"Prénom responsable";"Courriel";' +
      '"Téléphone domicile";"Téléphone travail";"Numéro de poste";"Téléphone portable";' +
      '"Nom d\'usage élève";"Nom de famille élève";"Prénom élève";"Classes élèves";' +
      '"Nom d\'usage élève";"Nom de famille élève";"Prénom élève";"Classes élèves"',
    '"MADAME";"DURAND";"MARTIN";"Claire";"claire@example.org";"";"05 45 00 00 00";"123";"";' +
      '"";"DURAND";"Léo";"CP";"DURAND-MARTIN";"DURAND";"Zoé";"CE1"',
  ].join('\r\n');
  const { guardians, layout, problems } = readGuardiansFile(utf8(text));
  t.equal(layout, 'be1d');
  t.strictSame(problems, []);
  t.strictSame(guardians, [{
    line: 2, civility: 'Mme', lastName: 'MARTIN', usageName: 'DURAND', firstName: 'Claire',
    email: 'claire@example.org', phoneHome: null, phoneWork: '05 45 00 00 00 poste 123', mobile: null, address: null,
    children: [
      { usageName: null, lastName: 'DURAND', firstName: 'Léo', classLabel: 'CP' },
      { usageName: 'DURAND-MARTIN', lastName: 'DURAND', firstName: 'Zoé', classLabel: 'CE1' },
    ],
  }]);
  const v2 = readGuardiansFile(utf8(text.replace('"Téléphone travail";"Numéro de poste";', '"Téléphone travail";"Autre";')));
  t.equal(v2.layout, 'onde-v2');
});
