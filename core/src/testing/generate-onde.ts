/**
 * Synthetic ONDE extractions for tests and benchmarks: invented families, written byte for byte the way
 * ONDE writes its CSV (Windows-1252, `;`, LF, the pupils and guardians layouts of the samples). The same
 * seed always gives the same bytes, so a failing benchmark or test can be replayed exactly.
 */
import { normalizeKey } from '../onde/onde-table.js';
import { encodeWindows1252 } from '../onde/windows-1252.js';

/** What to generate for one school. */
export interface GenerateOndeSchoolOptions {
  /** Any integer; it also makes INEs, class identifiers and e-mail addresses unique between schools. */
  seed: number;
  /** Number of classes; 5 by default. */
  classes?: number;
  /** Pupils in each class; 24 by default. */
  pupilsPerClass?: number;
}

/** The two extractions of one school, encoded as ONDE encodes them. */
export interface GeneratedOndeSchool {
  pupils: Uint8Array;
  guardians: Uint8Array;
}

/** One school of a generated academy. */
export interface GeneratedOndeAcademySchool extends GeneratedOndeSchool {
  index: number;
  /** The seed `generateOndeSchool` was called with, to regenerate this school alone. */
  seed: number;
  classes: number;
  pupilsPerClass: number;
}

const SURNAMES = (
  'MARTIN,BERNARD,THOMAS,PETIT,ROBERT,RICHARD,DURAND,DUBOIS,MOREAU,LAURENT,SIMON,MICHEL,LEFÈVRE,LEROY,' +
  'ROUX,DAVID,BERTRAND,MOREL,FOURNIER,GIRARD,BONNET,DUPONT,LAMBERT,FONTAINE,ROUSSEAU,VINCENT,MULLER,' +
  'LEFEBVRE,FAURE,ANDRÉ,MERCIER,BLANC,GUÉRIN,BOYER,GARNIER,CHEVALIER,FRANÇOIS,LEGRAND,GAUTHIER,GARCIA,' +
  'PERRIN,ROBIN,CLÉMENT,MORIN,NICOLAS,HENRY,ROUSSEL,MATHIEU,MASSON,MARCHAND,DUVAL,DENIS,DUMONT,LEMAIRE,' +
  'NOËL,MEYER,DUFOUR,MEUNIER,BRUN,BLANCHARD,GIRAUD,JOLY,RIVIÈRE,BRUNET,GAILLARD,BARBIER,ARNAUD,GÉRARD,' +
  'ROCHE,RENARD,SCHMITT,LEROUX,COLIN,VIDAL,CARON,PICARD,FABRE,AUBERT,LEMOINE,RENAUD,DUMAS,LACROIX,' +
  'BOURGEOIS,BENOÎT,LECLERC,PAYET,ROLLAND,LECOMTE,LOPEZ,DUPUY,HUBERT,BERGER,CARPENTIER,MOULIN,DESCHAMPS,' +
  'VASSEUR,BOUCHER,FLEURY,KLEIN,POIRIER,AUBRY,CARRÉ,MÉNARD,MAILLARD,BARON,BAILLY,HERVÉ,SCHNEIDER,LE GALL,' +
  'LÉGER,BOUVIER,PRÉVOST,PERROT,LE ROUX,BRETON,LANGLOIS,RÉMY,LE GOFF,PELLETIER,LÉVÊQUE,LEBRUN,WEBER,' +
  'HAMON,BOULANGER,MONNIER,GILLET,ÉTIENNE,GRONDIN,TESSIER,CHAUVIN,DA SILVA,LEMAÎTRE,BÉNARD,MARÉCHAL,' +
  'HOARAU,BARTHÉLEMY,CORDIER,LEJEUNE,DELAUNAY,N\'DIAYE,NGUYEN,O\'NEILL,MAALOUF,BÉRANGER,DIALLO,TRAORÉ,' +
  'BENALI,HADDAD,KOWALSKI,DOS SANTOS,YILMAZ,CŒUR'
).split(',');
const GIRLS = (
  'Emma,Jade,Louise,Alice,Chloé,Lina,Léa,Rose,Anna,Mila,Inès,Ambre,Julia,Mia,Léna,Manon,Juliette,Lou,Zoé,' +
  'Camille,Agathe,Jeanne,Lucie,Éva,Nina,Sarah,Romane,Léonie,Adèle,Iris,Clémence,Margaux,Héloïse,Éloïse,' +
  'Maëlle,Noémie,Anaïs,Océane,Célia,Maëlys,Capucine,Thaïs,Gabrielle,Apolline,Élise,Joséphine,Zoë,Aïcha'
).split(',');
const BOYS = (
  'Gabriel,Léo,Raphaël,Arthur,Louis,Jules,Adam,Maël,Lucas,Hugo,Noah,Liam,Gabin,Sacha,Paul,Nathan,Aaron,' +
  'Ethan,Tom,Éden,Léon,Noé,Tiago,Théo,Isaac,Marius,Victor,Martin,Mathéo,Timéo,Nolan,Aurélien,Loïc,Côme,' +
  'Célestin,Anatole,Éloi,Baptiste,Clément,Valentin,Axel,Enzo,Samuel,Benjamin,Mathis,Antoine,Évan,Rayan'
).split(',');
const MOTHERS = (
  'Émilie,Céline,Sandrine,Nathalie,Isabelle,Sophie,Aurélie,Hélène,Stéphanie,Julie,Camille,Élodie,Lætitia,' +
  'Virginie,Mélanie,Audrey,Caroline,Marion,Anne-Sophie,Karine,Séverine,Delphine,Claire,Laure,Amélie,' +
  'Pauline,Charlotte,Fatima,Yasmine,Élise,Anaïs,Bérénice'
).split(',');
const FATHERS = (
  'Frédéric,Sébastien,Jérôme,Stéphane,François,Benoît,Michaël,Eric,Nicolas,Julien,Thomas,Guillaume,' +
  'Mathieu,Cédric,Olivier,Christophe,Damien,Grégory,Laurent,Romain,Maxime,Jean-Baptiste,Pierre-Yves,Rémi,' +
  'Loïc,Yannick,Karim,Mehdi,Hervé,Arnaud,Antoine,Alexandre'
).split(',');
const STREETS = (
  'rue des Écoles,avenue de la République,rue Jean Jaurès,place de l\'Église,chemin des Prés,rue Victor Hugo,' +
  'allée des Tilleuls,rue du Général de Gaulle,impasse des Châtaigniers,boulevard Gambetta,rue de la Fontaine'
).split(',');
const TOWNS = [
  ['16000', 'Angoulême'], ['16100', 'Cognac'], ['16160', 'Gond-Pontouvre'], ['16710', 'Saint-Yrieix-sur-Charente'],
  ['16400', 'La Couronne'], ['16340', 'L\'Isle-d\'Espagnac'], ['16800', 'Soyaux'], ['16600', 'Ruelle-sur-Touvre'],
] as const;
const HOSTS = ['Centre de loisirs Les Castors;3 allée des Pins 16000 Angoulême', 'Accueil périscolaire Les Lutins;8 rue Fénelon 16100 Cognac'];
/** The level combinations classes are made of, as in a typical French primary school. */
const CLASS_LEVELS = [
  ['PS', 'MS'], ['GS'], ['CP'], ['CE1', 'CE2'], ['CM1'], ['CM2'], ['CP', 'CE1'], ['CE2', 'CM1'], ['CM1', 'CM2'],
  ['MS', 'GS'], ['TPS', 'PS'], ['CE1'], ['CE2'],
];
/** A pupil's age in the reference school year (2026-2027, the samples' year). */
const AGE: Record<string, number> = { TPS: 2, PS: 3, MS: 4, GS: 5, CP: 6, CE1: 7, CE2: 8, CM1: 9, CM2: 10 };
const SCHOOL_YEAR = 2026;
const PUPILS_HEADER =
  "Nom élève;Nom d'usage élève;Prénom élève;Date naissance;Sexe;INE;Adresse1;Cp1;Commune1;Pays1;Adresse2;Cp2;" +
  'Commune2;Pays2; Cycle;Niveau;Libellé classe;Identifiant classe;Attestation fournie;Autorisation associations;' +
  'Autorisation photo;Décision de passage';
const GUARDIANS_HEADER =
  'Civilité Responsable;Nom usage responsable;Nom responsable;Prénom responsable;Adresse responsable;' +
  'CP responsable;Commune responsable;Pays;Courriel;Téléphone domicile;Téléphone travail;Téléphone portable';
const CHILD_HEADER = ";Nom d'usage enfant;Nom de famille enfant;Prénom enfant;Classes enfants";

type Random = () => number;

/** mulberry32: a tiny, fast, well-spread 32-bit PRNG; plenty for invented names. */
function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: Random, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)] as T;
}

function digits(random: Random, count: number): string {
  let text = '';
  for (let i = 0; i < count; i++) text += String(Math.floor(random() * 10));
  return text;
}

function phone(random: Random, prefix: string): string {
  return `${prefix} ${digits(random, 2)} ${digits(random, 2)} ${digits(random, 2)} ${digits(random, 2)}`;
}

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

function cycleOf(level: string): string {
  return AGE[level] !== undefined && (AGE[level] as number) <= 5 ? 'MATERNELLE' : level === 'CM1' || level === 'CM2' ? 'CYCLE III' : 'CYCLE II';
}

interface Pupil {
  lastName: string;
  usageName: string;
  firstName: string;
  sex: 'M' | 'F';
  klass: number;
  level: string;
  row: string;
}

/**
 * Generates one school's two extractions. Families have one to four children spread over the classes,
 * about one family in five has a single guardian (≈ 1.8 guardians per pupil), some mothers have a usage
 * name, a few children a double usage name. No two pupils of a class share a name, so every child of the
 * guardians file matches exactly one pupil. INEs are the seed on 5 digits, the pupil's index on 5 digits
 * and a key letter (10 digits and a letter, like real ones, for seeds below 100,000): unique across seeds
 * for up to 100,000 pupils per school. Seeds are non-negative integers.
 */
export function generateOndeSchool(options: GenerateOndeSchoolOptions): GeneratedOndeSchool {
  const { seed } = options;
  const classCount = Math.max(1, options.classes ?? 5);
  const perClass = Math.max(1, options.pupilsPerClass ?? 24);
  const random = mulberry32(seed);

  const offset = Math.floor(random() * CLASS_LEVELS.length);
  const labels = new Set<string>();
  const classes = Array.from({ length: classCount }, (_, k) => {
    const levels = CLASS_LEVELS[(offset + k) % CLASS_LEVELS.length] as string[];
    let label = '';
    for (let attempt = 0; label === '' || labels.has(label); attempt++) {
      const teacher = `${random() < 0.7 ? 'Mme' : 'M.'} ${pick(random, SURNAMES)}`;
      label = `${levels.join('-')} - ${teacher}${attempt > 5 ? ` ${attempt}` : ''}`;
    }
    labels.add(label);
    // `4<seed><3-digit class>` reads back to one (seed, class): unique between schools of an academy.
    return { levels, label, id: `4${seed}${pad(k, 3)}` };
  });

  // Pupils fill shuffled class seats family by family, so siblings usually sit in different classes.
  const seats = Array.from({ length: classCount * perClass }, (_, i) => i % classCount);
  for (let i = seats.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [seats[i], seats[j]] = [seats[j] as number, seats[i] as number];
  }

  const taken = new Set<string>();
  const pupilsByClass: Pupil[][] = classes.map(() => []);
  const guardianRows: { cells: string; children: Pupil[] }[] = [];
  let seat = 0;
  let family = 0;
  let pupilCount = 0;
  while (seat < seats.length) {
    const roll = random();
    const size = Math.min(roll < 0.55 ? 1 : roll < 0.88 ? 2 : roll < 0.98 ? 3 : 4, seats.length - seat);
    const surname = pick(random, SURNAMES);
    const [postcode, town] = pick(random, TOWNS);
    const street = `${1 + Math.floor(random() * 120)} ${pick(random, STREETS)}`;
    const children: Pupil[] = [];
    for (let c = 0; c < size; c++) {
      const klass = seats[seat++] as number;
      const { levels, label, id } = classes[klass] as (typeof classes)[number];
      const level = pick(random, levels);
      const usageName = random() < 0.03 ? `${surname}-${pick(random, SURNAMES)}` : '';
      const sex = random() < 0.5 ? 'F' : 'M';
      const firstName = uniqueFirstName(random, sex, [surname, usageName], label, taken);
      const year = SCHOOL_YEAR - (AGE[level] as number);
      const ine = `${pad(seed, 5)}${pad(pupilCount++, 5)}`;
      const key = 'ABCDEFGHJK'[Number(ine.slice(-6)) % 10];
      const row = [
        surname, usageName, firstName, `${pad(1 + Math.floor(random() * 28), 2)}/${pad(1 + Math.floor(random() * 12), 2)}/${year}`,
        sex, `${ine}${key}`, street, postcode, town, 'FRANCE', '', '', '', '', cycleOf(level), level, label, id,
        random() < 0.9 ? 'Non' : 'Oui', 'Oui', random() < 0.92 ? 'Oui' : 'Non', '',
      ].join(';');
      const pupil: Pupil = { lastName: surname, usageName, firstName, sex, klass, level, row };
      pupilsByClass[klass]?.push(pupil);
      children.push(pupil);
    }

    const single = random() < 0.18;
    const parents: { civility: string; usage: string; last: string; first: string }[] = [];
    const motherSurname = random() < 0.7 ? surname : pick(random, SURNAMES);
    const mother = {
      civility: pick(random, ['MME', 'Mme']),
      usage: motherSurname !== surname && random() < 0.3 ? surname : '',
      last: motherSurname,
      first: pick(random, MOTHERS),
    };
    const father = { civility: 'M.', usage: '', last: random() < 0.85 ? surname : pick(random, SURNAMES), first: pick(random, FATHERS) };
    if (single) parents.push(random() < 0.75 ? mother : father);
    else parents.push(mother, father);
    parents.forEach((parent, p) => {
      const email = random() < 0.9 ? `parent${family}.${p}.s${seed}@example.org` : '';
      const cells = [
        parent.civility, parent.usage, parent.last, parent.first, street, postcode, town, 'FRANCE', email,
        random() < 0.2 ? phone(random, '05') : '', random() < 0.1 ? phone(random, '05') : '',
        random() < 0.88 ? phone(random, random() < 0.8 ? '06' : '07') : '',
      ].join(';');
      guardianRows.push({ cells, children });
    });
    family++;
  }

  const pupilLines = [PUPILS_HEADER, ...pupilsByClass.flat().map((pupil) => pupil.row)];
  const groups = Math.max(1, ...guardianRows.map((row) => row.children.length));
  const guardianLines = [GUARDIANS_HEADER + CHILD_HEADER.repeat(groups)];
  for (const { cells, children } of guardianRows) {
    const refs = Array.from({ length: groups }, (_, g) => {
      const child = children[g];
      return child === undefined
        ? ';;;;'
        : `;${child.usageName};${child.lastName};${child.firstName};${(classes[child.klass] as (typeof classes)[number]).label}`;
    });
    guardianLines.push(cells + refs.join(''));
  }
  // Some exports end with the host organisations section; readers must stop there.
  if (random() < 0.5) guardianLines.push('Intitulé;Adresse Organisme', pick(random, HOSTS));

  return {
    pupils: encodeWindows1252(`${pupilLines.join('\n')}\n`),
    guardians: encodeWindows1252(`${guardianLines.join('\n')}\n`),
  };
}

/** A first name no pupil of the class has with any of these surnames; compound names when one runs out. */
function uniqueFirstName(random: Random, sex: 'M' | 'F', surnames: string[], label: string, taken: Set<string>): string {
  const names = sex === 'F' ? GIRLS : BOYS;
  for (let attempt = 0; ; attempt++) {
    const first = attempt < 20 ? pick(random, names) : `${pick(random, names)}-${pick(random, names)}`;
    // Compared as the matcher compares them: `Zoé` and `Zoë` are the same child to it.
    const keys = surnames.filter((name) => name !== '').map((name) => normalizeKey(`${name}|${first}|${label}`));
    if (keys.some((key) => taken.has(key))) continue;
    for (const key of keys) taken.add(key);
    return first;
  }
}

/**
 * Generates the schools of an academy one at a time, so a thousand schools never sit in memory together.
 * School `i` is `generateOndeSchool({ seed: seed * 10_000 + i, … })`; without `classes` or `pupilsPerClass`
 * each school gets its own size (2 to 12 classes of 18 to 28 pupils), drawn from that seed.
 */
export function* generateOndeAcademy(options: {
  schools: number;
  seed: number;
  classes?: number;
  pupilsPerClass?: number;
}): Generator<GeneratedOndeAcademySchool, void, undefined> {
  for (let index = 0; index < options.schools; index++) {
    const seed = options.seed * 10_000 + index;
    const size = mulberry32(seed ^ 0x5bd1e995);
    const classes = options.classes ?? 2 + Math.floor(size() * 11);
    const pupilsPerClass = options.pupilsPerClass ?? 18 + Math.floor(size() * 11);
    yield { index, seed, classes, pupilsPerClass, ...generateOndeSchool({ seed, classes, pupilsPerClass }) };
  }
}
