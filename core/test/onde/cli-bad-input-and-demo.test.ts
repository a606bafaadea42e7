import t from 'tap';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cliDatabase, files } from '../helpers/cli-database.js';
import { runCli } from '../cli/run-cli.js';
import { SAMPLES } from '../helpers/onde-upload.js';

t.test('the CLI refuses bad input in French and writes nothing', async (t) => {
  const dir = t.testdir({
    'preau.config.json': JSON.stringify({ plugins: [] }),
    small: { 'preau.config.json': JSON.stringify({ plugins: [], imports: { maxFileMb: 0.005 } }) },
  });
  const env = await cliDatabase(t, dir);
  const run = (args: string[], cwd = dir) => runCli(args, { cwd, env });
  await run(['school', 'create', '--uai', '0160003C', '--name', 'École des Tests']);
  const [pupils, guardians] = [fileURLToPath(new URL('CSVExtraction-eleves.csv', SAMPLES.tilleuls)), fileURLToPath(new URL('CSVExtraction-responsables.csv', SAMPLES.tilleuls))];
  const swapped = await run(['import', 'onde', '--school', '0160003C', '--pupils', guardians, '--guardians', pupils]);
  t.equal(swapped.code, 1);
  t.match(swapped.stderr, /PREAU_ERR_ONDE_FILES_SWAPPED|inversés/);
  const tooLarge = await run(['import', 'onde', '--school', '0160003C', '--pupils', pupils, '--guardians', guardians], join(dir, 'small'));
  t.equal(tooLarge.code, 1);
  t.match(tooLarge.stderr, /PREAU_ERR_ONDE_FILE_TOO_LARGE/);
  const unknownSchool = await run(['import', 'onde', '--school', '0999999Z', ...files(SAMPLES.tilleuls)]);
  t.match(unknownSchool.stderr, /PREAU_ERR_SCHOOL_NOT_FOUND/);
  const usage = await run(['import', 'onde', '--school', '0160003C']);
  t.equal(usage.code, 1);
  t.match(usage.stderr, /Usage: npx preau import onde/);
  const json = JSON.parse((await run(['import', 'onde', '--school', '0160003C', ...files(SAMPLES.tilleuls), '--dry-run', '--json'])).stdout);
  t.equal(json.pupils.unchanged + json.pupils.updated + json.pupils.moved, 0, 'nothing was imported by the refused runs');
});

t.test('the demo creates a school with every profile once, and refuses a database that holds real schools', async (t) => {
  const dir = t.testdir({ 'preau.config.json': JSON.stringify({ plugins: [] }) });
  const env = await cliDatabase(t, dir);
  const demo = await runCli(['demo'], { cwd: dir, env });
  t.equal(demo.code, 0, demo.stderr);
  t.match(demo.stdout, /72 élèves et 108 responsables/);
  for (const role of ["Administrateur de l'académie", 'Directeur', 'Enseignant', 'Parent', 'Élève', "Parent à activer"]) t.match(demo.stdout, role);
  t.match(demo.stdout, 'Les comptes de démonstration ne reçoivent jamais de courriel', 'the demo says its accounts are never emailed');
  const again = await runCli(['demo'], { cwd: dir, env });
  t.equal(again.code, 1);
  t.match(again.stderr, /PREAU_ERR_DEMO_REFUSED/);
});
