import t from 'tap';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cliDatabase, files } from '../helpers/cli-database.js';
import { runCli } from '../cli/run-cli.js';
import { SAMPLES } from '../helpers/onde-upload.js';

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
