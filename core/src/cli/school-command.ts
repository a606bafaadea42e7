import { parseArgs } from 'node:util';
import { openCore } from './open-core.js';
import { createSchool } from '../structure/schools.js';

/** `preau school create --uai <UAI> --name <name> [--city <city>] [--academy <academy>] [--json]`. */
export async function schoolCommand(args: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { uai: { type: 'string' }, name: { type: 'string' }, city: { type: 'string' }, academy: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  if (positionals[0] !== 'create' || !values.uai || !values.name) {
    process.stderr.write('Usage: npx preau school create --uai <UAI> --name <nom> [--city <commune>] [--academy <académie>] [--json]\n');
    return 1;
  }
  if (!/^[0-9]{7}[A-Za-z]$/.test(values.uai)) {
    process.stderr.write(`Code UAI invalide : « ${values.uai} » (7 chiffres puis une lettre, par exemple 0161234X).\n`);
    return 1;
  }
  const core = await openCore();
  try {
    const school = await createSchool(core.knex, { uai: values.uai, name: values.name, city: values.city, academy: values.academy });
    process.stdout.write(values.json ? `${JSON.stringify(school)}\n` : `École créée : ${school.name} (${school.uai}), n° ${school.id}\n`);
    return 0;
  } finally {
    await core.close();
  }
}
