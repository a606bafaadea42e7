import knexFactory, { type Knex } from 'knex';
import { testPostgresUrl } from '@preau/core/testing';
import type { LoadOptions } from './options.js';

/** Bump when the dataset's content changes, so that an older database is not reused as if it were this one. */
const DATASET_VERSION = 1;

/** The database of a dataset, named after its parameters so that the next run with the same ones reuses it. */
export function datasetDatabaseName(options: Pick<LoadOptions, 'schools' | 'classes' | 'pupilsPerClass'>): string {
  return `preau_load_v${DATASET_VERSION}_${options.schools}s_${options.classes}c_${options.pupilsPerClass}p`;
}

async function withAdmin<T>(work: (admin: Knex) => Promise<T>): Promise<T> {
  const admin = knexFactory({ client: 'pg', connection: testPostgresUrl(), pool: { min: 0, max: 1 } });
  try {
    return await work(admin);
  } finally {
    await admin.destroy();
  }
}

/** Whether the database exists and its build finished (the last step writes `load_dataset`). */
export async function datasetIsComplete(name: string): Promise<boolean> {
  const exists = await withAdmin(async (admin) => (await admin.raw('select 1 from pg_database where datname = ?', [name])).rows.length > 0);
  if (!exists) return false;
  const db = knexFactory({ client: 'pg', connection: testPostgresUrl(name), pool: { min: 0, max: 1 } });
  try {
    return (await db.raw("select to_regclass('public.load_dataset') as found")).rows[0].found !== null;
  } finally {
    await db.destroy();
  }
}

/** Drops the database if it exists (a half-built one, or at the end of a run asked to clean up). */
export async function dropDatasetDatabase(name: string): Promise<void> {
  await withAdmin((admin) => admin.raw(`drop database if exists "${name}" with (force)`));
}

/** Creates an empty database for a new build. */
export async function createDatasetDatabase(name: string): Promise<void> {
  await withAdmin((admin) => admin.raw(`create database "${name}"`));
}
