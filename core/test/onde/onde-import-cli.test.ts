import t, { type Test } from 'tap';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { testPostgresUrl } from '../../src/testing/index.js';
import { runCli } from '../cli/run-cli.js';
import { SAMPLES } from '../helpers/onde-upload.js';

/** A database of its own for the CLI: a PGlite folder in the test dir, or a new PostgreSQL database. */
async function cliDatabase(t: Test, dir: string): Promise<NodeJS.ProcessEnv> {
  if (process.env.PREAU_TEST_DATABASE !== 'postgres') return { DATABASE_URL: '', PREAU_DATA_DIR: join(dir, '.data') };
  const name = `preau_cli_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: testPostgresUrl() });
  await admin.connect();
  await admin.query(`create database ${name}`);
  t.teardown(async () => {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  });
  return { DATABASE_URL: testPostgresUrl(name) };
}

const files = (folder: URL) => ['--pupils', fileURLToPath(new URL('CSVExtraction-eleves.csv', folder)), '--guardians', fileURLToPath(new URL('CSVExtraction-responsables.csv', folder))];

t.test('each sample imports from the CLI to the counts of its expected.json, then again to no change', async (t) => {
  const dir = t.testdir({ 'preau.config.json': JSON.stringify({ plugins: [] }) });
  const env = await cliDatabase(t, dir);
  const run = (args: string[]) => runCli(args, { cwd: dir, env });

  const created = await run(['school', 'create', '--uai', '0160001A', '--name', 'École Jean Moulin', '--city', 'Angoulême']);
  t.equal(created.code, 0, created.stderr);
  t.match(created.stdout, /École créée : École Jean Moulin \(0160001A\)/);
  t.equal((await run(['school', 'create', '--uai', '0160001A', '--name', 'Doublon'])).code, 1, 'a UAI is unique');
  t.equal((await run(['school', 'create', '--uai', '0160002B', '--name', 'Les Tilleuls'])).code, 0);

  for (const [uai, folder] of [['0160001A', SAMPLES.jeanMoulin], ['0160002B', SAMPLES.tilleuls]] as const) {
    const expected = JSON.parse(await readFile(new URL('expected.json', folder), 'utf8'));
    const dry = await run(['import', 'onde', '--school', uai, ...files(folder), '--dry-run', '--json']);
    t.equal(dry.code, 0, dry.stderr);
    t.same(JSON.parse(dry.stdout).pupils.created, expected.pupils, 'the dry run announces the pupils');

    const codes = join(dir, `codes-${uai}.csv`);
    const imported = await run(['import', 'onde', '--school', uai, ...files(folder), '--json', '--codes-out', codes]);
    t.equal(imported.code, 0, imported.stderr);
    t.same(JSON.parse(imported.stdout), {
      classes: { created: expected.classes.length, updated: 0, unchanged: 0 },
      pupils: { created: expected.pupils, updated: 0, moved: 0, detached: 0, unchanged: 0 },
      relatives: { created: expected.guardians, updated: 0, unchanged: 0 },
      links: { created: expected.links, removed: 0, unchanged: 0 },
      problems: [],
    }, 'one JSON object with the counts of expected.json');
    const lines = (await readFile(codes, 'utf8')).trim().split('\n');
    t.equal(lines.length, 1 + expected.pupils + expected.guardians, 'one activation code per account created');

    const again = await run(['import', 'onde', '--school', uai, ...files(folder)]);
    t.match(again.stdout, /Aucun changement/);
    const againJson = JSON.parse((await run(['import', 'onde', '--school', uai, ...files(folder), '--json'])).stdout);
    t.same(againJson.pupils, { created: 0, updated: 0, moved: 0, detached: 0, unchanged: expected.pupils });
  }
});

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
  const again = await runCli(['demo'], { cwd: dir, env });
  t.equal(again.code, 1);
  t.match(again.stderr, /PREAU_ERR_DEMO_REFUSED/);
});
