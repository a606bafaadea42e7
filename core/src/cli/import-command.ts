import { parseArgs } from 'node:util';
import { readFile, writeFile } from 'node:fs/promises';
import { openCore, schoolIdByUai } from './open-core.js';
import { readOndeFiles, runOndeImport } from '../onde/onde-import.js';
import type { ImportSummary } from '../onde/plan-onde-import.js';
import { importStaff, readStaffFile } from '../structure/staff-import.js';

const USAGE = 'Usage: npx preau import onde --school <UAI> --pupils <fichier> --guardians <fichier> [--dry-run] [--json] [--codes-out <fichier.csv>]\n       npx preau import staff --school <UAI> --file <fichier.csv> [--dry-run] [--json]\n';

function describe(summary: ImportSummary, dryRun: boolean, unchanged: boolean): string {
  const { classes, pupils, relatives, links, problems } = summary;
  const lines = [
    unchanged ? "Aucun changement : l'école est déjà à jour avec ces fichiers." : dryRun ? 'Aperçu (rien n’a été écrit) :' : 'Import terminé :',
    `  classes : ${classes.created} créée(s), ${classes.updated} modifiée(s), ${classes.unchanged} inchangée(s)`,
    `  élèves : ${pupils.created} créé(s), ${pupils.updated} modifié(s), ${pupils.moved} changé(s) de classe, ${pupils.detached} parti(s), ${pupils.unchanged} inchangé(s)`,
    `  responsables : ${relatives.created} créé(s), ${relatives.updated} modifié(s), ${relatives.unchanged} inchangé(s)`,
    `  liens responsable-élève : ${links.created} créé(s), ${links.removed} supprimé(s), ${links.unchanged} inchangé(s)`,
    `  problèmes : ${problems.length}`,
    ...problems.map((p) => `    ${p.file === 'pupils' ? 'élèves' : 'responsables'}, ligne ${p.line} : ${p.message}`),
  ];
  return `${lines.join('\n')}\n`;
}

const csvCell = (value: string) => (/[;"\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/**
 * `preau import onde …`: the same import as the director's page, for academies and scripts. `--codes-out`
 * writes the first activation codes of the accounts created (for a mail merge); they are stored nowhere else.
 */
export async function importCommand(args: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      school: { type: 'string' }, pupils: { type: 'string' }, guardians: { type: 'string' },
      'dry-run': { type: 'boolean', default: false }, json: { type: 'boolean', default: false }, 'codes-out': { type: 'string' },
      file: { type: 'string' },
    },
  });
  if (positionals[0] === 'staff' && values.school && values.file) return importStaffCommand(values.school, values.file, values['dry-run'], values.json);
  if (positionals[0] !== 'onde' || !values.school || !values.pupils || !values.guardians) {
    process.stderr.write(USAGE);
    return 1;
  }
  const [pupils, guardians] = await Promise.all([readFile(values.pupils), readFile(values.guardians)]);
  const core = await openCore();
  try {
    const maxBytes = Math.floor(core.config.imports.maxFileMb * 1024 * 1024);
    const files = readOndeFiles({ pupils, guardians }, { maxBytes });
    const schoolId = await schoolIdByUai(core.knex, values.school);
    const result = await runOndeImport(core.knex, {
      schoolId, files, now: new Date(), activationKey: core.activationKey, codeDays: core.config.identity.activationCodeDays,
      actorId: null, dryRun: values['dry-run'], fileNames: { pupils: values.pupils, guardians: values.guardians },
    });
    if (values['codes-out'] && result.applied) {
      const lines = ['profil;nom;identifiant;code', ...result.applied.codes.map((c) => [c.profile === 'Student' ? 'élève' : 'responsable', c.displayName, c.login, c.code].map(csvCell).join(';'))];
      await writeFile(values['codes-out'], `${lines.join('\n')}\n`, { mode: 0o600 });
    }
    process.stdout.write(values.json ? `${JSON.stringify(result.plan.summary)}\n` : describe(result.plan.summary, values['dry-run'], result.plan.unchanged));
    return 0;
  } finally {
    await core.close();
  }
}

/** `preau import staff`: teachers and staff from the simple CSV (civilité; nom; prénom; courriel; classes; directeur). */
async function importStaffCommand(uai: string, file: string, dryRun: boolean, json: boolean): Promise<number> {
  const rows = readStaffFile(await readFile(file));
  const core = await openCore();
  try {
    const schoolId = await schoolIdByUai(core.knex, uai);
    const result = await importStaff(core.knex, {
      schoolId, rows, now: new Date(), activationKey: core.activationKey, codeDays: core.config.identity.activationCodeDays, actorId: null, dryRun,
    });
    if (json) {
      process.stdout.write(`${JSON.stringify(result)}\n`);
    } else {
      process.stdout.write(`${dryRun ? 'Aperçu' : 'Import terminé'} : ${result.created} créé(s), ${result.unchanged} déjà présent(s), ${result.classAssignments} affectation(s) de classe, ${result.directors} directeur(s), ${result.problems.length} problème(s)\n`);
      for (const p of result.problems) process.stdout.write(`  ${p.message}\n`);
      for (const c of result.codes) process.stdout.write(`  ${c.displayName} : identifiant ${c.login}, code d'activation ${c.code}\n`);
    }
    return 0;
  } finally {
    await core.close();
  }
}
