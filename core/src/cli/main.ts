import { parseArgs } from 'node:util';
import { startCommand } from './start-command.js';
import { migrateCommand } from './migrate-command.js';
import { pluginsCommand } from './plugins-command.js';
import { doctorCommand } from './doctor-command.js';
import { buildCommand } from './build-command.js';
import { importCommand } from './import-command.js';
import { schoolCommand } from './school-command.js';
import { demoCommand } from './demo-command.js';
import { isPreauError } from '@preau/sdk';

const HELP = `Préau: l'ENT des écoles primaires.

Usage: npx preau <command> [options]

Commands:
  start              start the server (PORT, HOST, DATABASE_URL, PREAU_DATA_DIR, PREAU_CONFIG)
  migrate [--down]   run pending migrations of the core and every plugin, then exit (--down reverts them all)
  plugins [--json]   list the configured plugins and their state
  doctor             check configuration, database, SMTP and storage, and say what is wrong
  build              build the shell and the plugins' web bundles (skipped when nothing changed)
  school create --uai <UAI> --name <name> [--city <city>] [--academy <academy>]
                     create a school
  import onde --school <UAI> --pupils <file> --guardians <file> [--dry-run] [--json] [--codes-out <file>]
                     import a school's pupils and guardians from its two ONDE exports
  demo [--force]     create a demo school with every profile and print their logins and passwords
`;

type Command = (args: string[]) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  start: startCommand,
  migrate: migrateCommand,
  plugins: pluginsCommand,
  doctor: doctorCommand,
  build: buildCommand,
  import: importCommand,
  school: schoolCommand,
  demo: demoCommand,
};

/** Runs one CLI command; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const { positionals } = parseArgs({ args: argv, allowPositionals: true, strict: false });
  const name = positionals[0];
  if (!name || name === 'help' || argv.includes('--help')) {
    process.stdout.write(HELP);
    return name ? 0 : 1;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`Unknown command "${name}".\n\n${HELP}`);
    return 1;
  }
  try {
    return await command(argv.slice(argv.indexOf(name) + 1));
  } catch (error) {
    const message = isPreauError(error) ? `${error.code} : ${error.messages.fr}` : (error as Error).stack ?? String(error);
    process.stderr.write(`preau ${name}: ${message}\n`);
    return 1;
  }
}
