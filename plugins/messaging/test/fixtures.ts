import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestPlatform, type TestPlatform, type TestUser } from '@preau/core/testing';
import messaging from '../src/index.js';

/** A platform with messaging, its files in a temporary folder; two schools, a CM2 class with families. */
export async function messagingPlatform(t: { teardown(fn: () => unknown): void }, config: Record<string, unknown> = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'preau-messaging-'));
  const platform = await createTestPlatform({ plugins: [messaging], config: { storage: { dir }, ...config } });
  t.teardown(async () => {
    await platform.close();
    await rm(dir, { recursive: true, force: true });
  });
  const school = await platform.createSchool({ name: 'École Jules Ferry' });
  const otherSchool = await platform.createSchool({ name: 'École Victor Hugo' });
  const teacher = await platform.createUser({ profile: 'Teacher', schools: [school], displayName: 'MARTIN Claire' });
  const cm2 = await platform.createClass({ school, label: 'CM2', teachers: [teacher], pupils: 3, relativesPerPupil: 1 });
  const otherTeacher = await platform.createUser({ profile: 'Teacher', schools: [otherSchool] });
  const otherClass = await platform.createClass({ school: otherSchool, label: 'CE1', teachers: [otherTeacher], pupils: 1, relativesPerPupil: 1 });
  const parentsGroup = await platform.derivedGroupId({ classId: cm2.id }, 'Relative');
  return { platform, school, otherSchool, teacher, cm2, otherTeacher, otherClass, parentsGroup, parent: cm2.relatives[0]![0]!, pupil: cm2.pupils[0]! };
}

export type Fixture = Awaited<ReturnType<typeof messagingPlatform>>;

/** Sends a message as `user`; returns the response. */
export function send(platform: TestPlatform, user: TestUser, body: Record<string, unknown>) {
  return platform.as(user).inject({ method: 'POST', url: '/api/messaging/messages', payload: { subject: 'Bonjour', body: '<p>Texte</p>', ...body } });
}

