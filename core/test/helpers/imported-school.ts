import type { LightMyRequestResponse } from 'fastify';
import type { TestPlatform, TestUser } from '../../src/testing/index.js';
import type { School } from '../../src/structure/schools.js';
import { readOndeFiles, runOndeImport } from '../../src/onde/onde-import.js';
import { sampleFiles, SAMPLES } from './onde-upload.js';

/** A school filled from a sample ONDE export, with its director. */
export interface ImportedSchool {
  school: School;
  director: TestUser;
  classes: { id: number; label: string }[];
}

/** Creates a school, imports a sample into it (as the ONDE import does) and gives it a director. */
export async function importedSchool(platform: TestPlatform, sample: keyof typeof SAMPLES = 'tilleuls', name = 'École importée'): Promise<ImportedSchool> {
  const school = await platform.createSchool({ name });
  const director = await platform.createUser({ profile: 'Teacher', schools: [school], functions: [{ function: 'director', schoolId: school.id }] });
  await runOndeImport(platform.knex, {
    schoolId: school.id,
    files: readOndeFiles(await sampleFiles(SAMPLES[sample]), { maxBytes: 20 * 1024 * 1024 }),
    now: platform.clock.now(),
    activationKey: platform.platform.activationKey,
    codeDays: platform.platform.config.identity.activationCodeDays,
    actorId: director.id,
    dryRun: false,
  });
  const classes = await platform.knex('core.classes').where({ school_id: school.id }).orderBy('label').select('id', 'label');
  return { school, director, classes };
}

/** A browser's session: the cookie and the CSRF token it got at sign-in. */
export interface BrowserSession {
  cookie: string;
  csrfToken: string;
  inject(options: { method?: string; url: string; payload?: unknown; csrf?: boolean }): Promise<LightMyRequestResponse>;
}

/** Signs in through the API as a browser does and keeps the cookie. */
export async function signIn(platform: TestPlatform, login: string, password: string, ip = '127.0.0.1'): Promise<BrowserSession | LightMyRequestResponse> {
  const response = await platform.app.inject({ method: 'POST', url: '/api/core/session', payload: { login, password }, remoteAddress: ip });
  if (response.statusCode !== 200) return response;
  return sessionFrom(platform, response);
}

/** The session a sign-in or activation response opened. */
export function sessionFrom(platform: TestPlatform, response: LightMyRequestResponse): BrowserSession {
  const cookie = response.cookies.find((c) => c.name === 'preau_session')!.value;
  const { csrfToken } = response.json() as { csrfToken: string };
  return {
    cookie,
    csrfToken,
    inject: ({ method = 'GET', url, payload, csrf = true }) =>
      platform.app.inject({
        method: method as 'GET',
        url,
        ...(payload !== undefined ? { payload: payload as object } : {}),
        cookies: { preau_session: cookie },
        headers: csrf ? { 'x-csrf-token': csrfToken } : {},
      }),
  };
}

/** Issues slips for a class as its director and returns them (JSON). */
export async function slipsOf(platform: TestPlatform, imported: ImportedSchool, classId: number, only: 'pending' | 'all' = 'pending') {
  const response = await platform.as(imported.director).inject({
    method: 'POST',
    url: `/api/core/schools/${imported.school.id}/classes/${classId}/activation-slips`,
    payload: { only, format: 'json' },
  });
  return (response.json() as { slips: { userId: number; login: string; code: string; profile: string; displayName: string; children: string[] }[] }).slips;
}
