import { parseArgs } from 'node:util';

const HELP = `Préau: l'ENT des écoles primaires.

Usage: npx preau <command> [options]

Commands:
  start [--workers N|auto]
                     start the server (PORT, HOST, DATABASE_URL, PREAU_DATA_DIR, PREAU_CONFIG); with PostgreSQL,
                     N processes on one port (PREAU_WORKERS)
  migrate [--down]   run pending migrations of the core and every plugin, then exit (--down reverts them all)
  plugins [--json]   list the configured plugins and their state
  doctor             check configuration, database, SMTP and storage, and say what is wrong
  build [folder…]    bundle the web side of these packages (the shell, plugins) into their dist/web-bundle;
                     without folders, the configured plugins and the shell whose source is here
  new plugin <name> [--dir <folder>]
                     write a new plugin's skeleton (routes, right, migration, web element, tests)
  new bundle <name> [--dir <folder>]
                     write a new bundle's skeleton (a named list of apps and their defaults)
  school create --uai <UAI> --name <name> [--city <city>] [--academy <academy>]
                     create a school
  import onde --school <UAI> --pupils <file> --guardians <file> [--dry-run] [--json] [--codes-out <file>]
                     import a school's pupils and guardians from its two ONDE exports
  demo [--force]     create a demo school with every profile and print their logins and passwords
`;

type Command = (args: string[]) => Promise<number>;

// Each command is imported when it runs: `preau --help` loads none of them, `preau new` no server code.
const COMMANDS: Record<string, () => Promise<Command>> = {
  start: async () => (await import('./start-command.js')).startCommand,
  migrate: async () => (await import('./migrate-command.js')).migrateCommand,
  plugins: async () => (await import('./plugins-command.js')).pluginsCommand,
  doctor: async () => (await import('./doctor-command.js')).doctorCommand,
  build: async () => (await import('./build-command.js')).buildCommand,
  new: async () => (await import('./new-command.js')).newCommand,
  import: async () => (await import('./import-command.js')).importCommand,
  school: async () => (await import('./school-command.js')).schoolCommand,
  demo: async () => (await import('./demo-command.js')).demoCommand,
};

/** Runs one CLI command; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const { positionals } = parseArgs({ args: argv, allowPositionals: true, strict: false });
  const name = positionals[0];
  if (!name || name === 'help' || argv.includes('--help')) {
    process.stdout.write(HELP);
    return name || argv.includes('--help') ? 0 : 1;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`Unknown command "${name}".\n\n${HELP}`);
    return 1;
  }
  try {
    return await (await command())(argv.slice(argv.indexOf(name) + 1));
  } catch (error) {
    const { isPreauError } = await import('@preau/sdk');
    const message = isPreauError(error) ? `${error.code} : ${error.messages.fr}` : (error as Error).stack ?? String(error);
    process.stderr.write(`preau ${name}: ${message}\n`);
    return 1;
  }
}
