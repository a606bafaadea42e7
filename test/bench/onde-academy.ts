/**
 * The academy import benchmark: N schools of synthetic ONDE exports (deterministic), imported one school after
 * the other as `preau import onde` does, on PostgreSQL and on PGlite. It prints figures and asserts nothing.
 *
 * Baseline, measured in the same run on the same database: writing the same number of account rows with the
 * fastest plain SQL we know (`insert … select from unnest(arrays)`, 10,000 rows per statement) into a table
 * shaped like `core.users`, without any of the import's reading, matching, planning, logins or codes.
 */
import { availableParallelism, cpus } from 'node:os';
import { createTestPlatform, generateOndeAcademy, type TestDatabaseKind } from '@preau/core/testing';
import { readOndeFiles, runOndeImport } from '@preau/core';

const progress = (message: string): void => void process.stderr.write(`${message}\n`);

function positive(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

const SCHOOLS = positive('PREAU_BENCH_SCHOOLS', 1000);
const PGLITE_SCHOOLS = positive('PREAU_BENCH_PGLITE_SCHOOLS', SCHOOLS);
const CLASSES = 4;
const PUPILS_PER_CLASS = 25;
const databases = (process.env.PREAU_BENCH_DATABASE ?? 'postgres,pglite').split(',') as TestDatabaseKind[];

interface Figures {
  database: TestDatabaseKind;
  schools: number;
  pupils: number;
  relatives: number;
  links: number;
  readSeconds: number;
  importSeconds: number;
  baselineRowsPerSecond: number;
}

async function baseline(knex: import('knex').Knex, rows: number): Promise<number> {
  await knex.raw(`create table bench_users (id integer generated always as identity primary key, login text unique, display_name text,
    profile text, first_name text, last_name text, birth_date date, ine text, email text)`);
  const started = performance.now();
  for (let offset = 0; offset < rows; offset += 10_000) {
    const count = Math.min(10_000, rows - offset);
    const index = Array.from({ length: count }, (_, i) => offset + i);
    await knex.raw(
      `insert into bench_users (login, display_name, profile, first_name, last_name, birth_date, ine, email)
       select * from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::date[], ?::text[], ?::text[])`,
      [
        index.map((i) => `prenom.nom${i}`), index.map((i) => `NOM${i} Prénom`), index.map(() => 'Student'), index.map(() => 'Prénom'),
        index.map((i) => `NOM${i}`), index.map(() => '2019-05-04'), index.map((i) => `${i}`.padStart(10, '0') + 'A'), index.map(() => null),
      ] as unknown as import('knex').Knex.RawBinding[],
    );
  }
  const seconds = (performance.now() - started) / 1000;
  await knex.raw('drop table bench_users');
  return rows / seconds;
}

async function run(database: TestDatabaseKind, schools: number): Promise<Figures> {
  const platform = await createTestPlatform({ database });
  try {
    const { knex } = platform;
    const ids: number[] = [];
    for (let i = 0; i < schools; i += 1000) {
      const batch = Array.from({ length: Math.min(1000, schools - i) }, (_, k) => ({
        uai: `${String(1_000_000 + i + k).padStart(7, '0')}B`,
        name: `École ${i + k + 1}`,
        city: 'Poitiers',
        academy: 'Poitiers',
      }));
      ids.push(...(await knex('core.schools').insert(batch).returning('id')).map((row: { id: number }) => row.id));
    }
    const figures: Figures = { database, schools, pupils: 0, relatives: 0, links: 0, readSeconds: 0, importSeconds: 0, baselineRowsPerSecond: 0 };
    const now = new Date();
    for (const school of generateOndeAcademy({ schools, seed: 2026, classes: CLASSES, pupilsPerClass: PUPILS_PER_CLASS })) {
      const readStarted = performance.now();
      const files = readOndeFiles({ pupils: school.pupils, guardians: school.guardians }, { maxBytes: 20 * 1024 * 1024 });
      const importStarted = performance.now();
      const result = await runOndeImport(knex, {
        schoolId: ids[school.index]!, files, now, activationKey: platform.platform.activationKey, codeDays: 90, actorId: null, dryRun: false,
      });
      const done = performance.now();
      figures.readSeconds += (importStarted - readStarted) / 1000;
      figures.importSeconds += (done - importStarted) / 1000;
      figures.pupils += result.plan.summary.pupils.created;
      figures.relatives += result.plan.summary.relatives.created;
      figures.links += result.plan.summary.links.created;
      if ((school.index + 1) % 100 === 0) progress(`${database}: ${school.index + 1}/${schools} schools, ${figures.pupils} pupils`);
    }
    progress(`${database}: baseline (plain multi-row insert of ${figures.pupils + figures.relatives} rows)`);
    figures.baselineRowsPerSecond = await baseline(knex, figures.pupils + figures.relatives);
    return figures;
  } finally {
    await platform.close();
  }
}

console.log(`node ${process.version} · ${availableParallelism()} CPUs (${cpus()[0]?.model.trim() ?? 'unknown'})`);
console.log(`academy import: ${SCHOOLS} schools (PGlite: ${PGLITE_SCHOOLS}) of ${CLASSES} classes × ${PUPILS_PER_CLASS} pupils, synthetic ONDE files (seed 2026)\n`);
const rows: Figures[] = [];
for (const database of databases) rows.push(await run(database, database === 'pglite' ? PGLITE_SCHOOLS : SCHOOLS));

const header = ['database', 'schools', 'pupils', 'relatives', 'links', 'read s', 'import s', 'total s', 'pupils/s', 'accounts/s', 'baseline rows/s', 'accounts/baseline'];
const lines = rows.map((f) => {
  const total = f.readSeconds + f.importSeconds;
  const accountsPerSecond = (f.pupils + f.relatives) / total;
  return [
    f.database, String(f.schools), String(f.pupils), String(f.relatives), String(f.links), f.readSeconds.toFixed(1), f.importSeconds.toFixed(1),
    total.toFixed(1), (f.pupils / total).toFixed(0), accountsPerSecond.toFixed(0), f.baselineRowsPerSecond.toFixed(0), (accountsPerSecond / f.baselineRowsPerSecond).toFixed(2),
  ];
});
const widths = header.map((title, i) => Math.max(title.length, ...lines.map((l) => l[i]!.length)));
console.log([header, ...lines].map((line) => line.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ')).join('\n'));
for (const f of rows) {
  const total = f.readSeconds + f.importSeconds;
  const scaled = (total * 1000) / f.schools;
  console.log(`${f.database}: ${f.schools === 1000 ? '' : `scaled to 1,000 schools: ~${scaled.toFixed(0)} s; `}target: the whole academy in under 60 s on PostgreSQL`);
}
