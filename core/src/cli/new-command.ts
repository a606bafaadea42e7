import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeScaffold, type Scaffold } from '../scaffold/write-scaffold.js';
import { defaultPluginDir } from '../scaffold/preau-workspace.js';

const USAGE = `Usage: npx preau new plugin <nom> [--dir <dossier>] [--title <titre>] [--package <nom npm>]
       npx preau new bundle <nom> [--dir <dossier>] [--title <titre>] [--package <nom npm>]
`;

/**
 * `preau new plugin|bundle <name>`: writes the fixed skeleton every plugin (or bundle) follows, whose tests
 * pass at once, into `--dir`, else `plugins/<name>` at the Préau repository's root, else `./<name>`. Inside the
 * Préau repository it joins the workspace's conventions.
 */
export async function newCommand(args: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { dir: { type: 'string' }, title: { type: 'string' }, package: { type: 'string' } },
  });
  const [kind, name] = positionals;
  if ((kind !== 'plugin' && kind !== 'bundle') || !name || positionals.length > 2) {
    process.stderr.write(USAGE);
    return 1;
  }
  const dir = values.dir ? resolve(values.dir) : kind === 'plugin' ? defaultPluginDir(process.cwd(), name) : resolve(name);
  let scaffold: Scaffold;
  try {
    scaffold = writeScaffold({ kind, name, dir, title: values.title, packageName: values.package });
  } catch (error) {
    process.stderr.write(`preau new : ${(error as Error).message}\n`);
    return 1;
  }
  const where = relative(process.cwd(), dir) || '.';
  const say = (line: string): void => void process.stdout.write(`${line}\n`);
  say(`${kind === 'plugin' ? 'Plugin' : 'Bundle'} « ${name} » (${scaffold.packageName}) écrit dans ${where} :`);
  for (const file of scaffold.files) say(`  ${file}`);
  say('');
  if (scaffold.workspace) {
    if (scaffold.referenced) say('Ajouté aux références de tsconfig.json (npx tsc -b le vérifie).');
    say(`Ensuite : npm install (à la racine, pour lier le paquet), puis cd ${where} && npm test.`);
  } else {
    say(`Ensuite : cd ${where} && npm install && npm test, puis npm run build et ajoutez "./${where}" aux "${kind === 'plugin' ? 'plugins' : 'bundles'}" de preau.config.json.`);
  }
  return 0;
}
