/**
 * Web Push benchmark (PostgreSQL by default; PREAU_BENCH_DATABASE=pglite for the embedded engine). It prints
 * figures against baselines measured in the same run, and asserts only that every push arrived:
 *  a. a bare Fastify route, sequential (the floor of an HTTP round trip on this machine);
 *  b. web-push alone: N pushes encrypted and signed by web-push and posted with fetch, 20 at a time, to the
 *     local push service (which decrypts each, as in the tests);
 *  c. Préau: a teacher posts a word to a class of N pupils whose parents each subscribed one device; the time
 *     until the push service holds all N pushes (written, claimed by the job system, encrypted, posted,
 *     deleted), and the time the teacher's request took (it never waits for the pushes).
 */
import { availableParallelism, cpus } from 'node:os';
import webPush from 'web-push';
import { createTestPlatform, type TestDatabaseKind } from '@preau/core/testing';
import liaison from '@preau/plugin-liaison';
import { startPushService, type LocalDevice } from '../integration/push-service.js';
import { startBareFastify } from './targets/bare-fastify.js';
import { time } from './latency.js';

const database = (process.env.PREAU_BENCH_DATABASE ?? 'postgres') as TestDatabaseKind;
const PUSHES = Number(process.env.PREAU_BENCH_PUSHES ?? 500);
const CONCURRENCY = 20;
const progress = (message: string): void => void process.stderr.write(`${message}\n`);

const service = await startPushService();
const platform = await createTestPlatform({ plugins: [liaison], database, config: { notifications: { push: { endpointOrigins: [service.origin] } } } });
const bare = await startBareFastify();
try {
  console.log(`node ${process.version} · ${availableParallelism()} CPUs (${cpus()[0]?.model.trim() ?? 'unknown'}) · database ${database} · ${PUSHES} pushes\n`);
  progress(`creating a class of ${PUSHES} pupils, one parent each, one subscribed device each`);
  const school = await platform.createSchool({ name: 'École du banc d’essai' });
  const teacher = await platform.createUser({ profile: 'Teacher', schools: [school] });
  const created = await platform.createClass({ school, label: 'CM2', teachers: [teacher], pupils: PUSHES, relativesPerPupil: 1 });
  const devices: LocalDevice[] = [];
  for (const [index, family] of created.relatives.entries()) {
    const device = service.device(`parent-${index}`);
    // A device's subscription belongs to the session that made it.
    await platform.platform.sessions.create(family[0]!.id, {});
    const sessionId = (await platform.knex('core.sessions').where({ user_id: family[0]!.id }).first('id')).id as string;
    await platform.knex('core.push_subscriptions').insert({ user_id: family[0]!.id, session_id: sessionId, endpoint: device.subscription.endpoint, p256dh: device.subscription.keys.p256dh, auth: device.subscription.keys.auth, browser: 'Chrome sur Android' });
    devices.push(device);
  }
  const keys = await platform.knex('core.push_keys').first('public_key', 'private_key');

  // a. The floor.
  const floor = await time(300, () => fetch(bare.url).then((r) => r.arrayBuffer()));

  // b. web-push alone, the same payload size, the same concurrency as the job system.
  progress('web-push alone');
  const payload = JSON.stringify({ title: 'Nouveau mot dans le carnet', app: 'Carnet de liaison', url: '/apps/liaison/words/1', tag: 'notification-1' });
  const alone = async (): Promise<number> => {
    const started = performance.now();
    let next = 0;
    await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
      while (next < devices.length) {
        const device = devices[next++]!;
        const request = webPush.generateRequestDetails(device.subscription, payload, { vapidDetails: { subject: 'mailto:bench@preau.invalid', publicKey: keys.public_key, privateKey: keys.private_key }, TTL: 86400 });
        const response = await fetch(request.endpoint, { method: 'POST', headers: request.headers as Record<string, string>, body: new Uint8Array(request.body!) });
        await response.arrayBuffer();
        if (response.status !== 201) throw new Error(`push service answered ${response.status}`);
      }
    }));
    return performance.now() - started;
  };
  await alone(); // warm-up: connections, JIT
  const aloneMs = await alone();

  // c. Through Préau.
  progress('through the job system');
  const through = async (title: string): Promise<{ totalMs: number; requestMs: number }> => {
    const before = service.received.length;
    const started = performance.now();
    const posted = await platform.as(teacher).inject({ method: 'POST', url: '/api/liaison/words', payload: { title, body: '<p>Banc d’essai.</p>', category: 'sortie', requiresAck: false, classIds: [created.id] } });
    const requestMs = performance.now() - started;
    if (posted.statusCode !== 201) throw new Error(posted.body);
    await platform.platform.notifications.drain();
    const totalMs = performance.now() - started;
    if (service.received.length - before !== PUSHES) throw new Error(`${service.received.length - before} pushes received, ${PUSHES} expected`);
    return { totalMs, requestMs };
  };
  await through('Échauffement');
  const preau = await through('Mesure');
  if (service.errors.length) throw new Error(`push service errors: ${service.errors.slice(0, 3).join('; ')}`);

  const rate = (ms: number) => ((PUSHES * 1000) / ms).toFixed(0);
  console.log(`a  bare Fastify route, sequential           p50 ${floor.p50.toFixed(2)} ms · p99 ${floor.p99.toFixed(2)} ms`);
  console.log(`b  web-push alone (${CONCURRENCY} at a time)          ${aloneMs.toFixed(0)} ms for ${PUSHES} · ${rate(aloneMs)} pushes/s`);
  console.log(`c  Préau, word → ${PUSHES} devices (job system)   ${preau.totalMs.toFixed(0)} ms for ${PUSHES} · ${rate(preau.totalMs)} pushes/s`);
  console.log(`   the teacher's request                    ${preau.requestMs.toFixed(0)} ms (it does not wait for the pushes)`);
  console.log(`ratio c/b (pushes/s): ${(aloneMs / preau.totalMs).toFixed(2)}`);
} finally {
  await bare.close();
  await platform.close();
  await service.close();
}
