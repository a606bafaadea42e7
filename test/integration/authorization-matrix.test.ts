import { appendFileSync } from 'node:fs';
import t from 'tap';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { RouteEntry } from '@preau/core';
import { createTestPlatform, fileUpload } from '@preau/core/testing';
import liaison from '@preau/plugin-liaison';
import messaging from '@preau/plugin-messaging';
import news from '@preau/plugin-news';
import agenda from '@preau/plugin-agenda';
import documents from '@preau/plugin-documents';
import media from '@preau/plugin-media';
import lunchMenu from '@preau/example-lunch-menu';
import textbook from '@preau/plugin-textbook';
import blog from '@preau/plugin-blog';
import folders from '../fixtures/plugins/folders/index.js';
import { buildWorld, type Caller, type World } from './authorization/world.js';
import { pathParams } from './authorization/resolve-params.js';
import { sampleValue, type FieldValues } from './authorization/sample-body.js';
import { mayAct, type Verdict } from './authorization/may-act.js';
import { snapshotTables } from './authorization/snapshot.js';

/**
 * Holes this matrix finds that other work in progress closes (see the security issue): each entry is
 * `caller | METHOD url`, as narrow as the finding. Remove an entry once its fix is merged; the test fails
 * when an entry no longer happens, so none outlives its fix.
 */
const KNOWN_GAPS = new Set<string>([]);

const UPLOADS = /\/(attachments|core\/files|imports\/onde|imports\/staff|documents\/uploads|documents\/nodes\/:nodeId\/versions)$/;

interface Call {
  route: RouteEntry;
  caller: Caller;
  variant: 'A' | 'own school' | 'A in the body';
  options: InjectOptions;
  verdict: Verdict;
  /** For `A in the body`: the field that names A's thing. */
  field?: string;
}

/** Which of school A's things each field of a body or query names (plugin by plugin where names differ). */
function fieldKinds(route: RouteEntry): Record<string, string> {
  const base: Record<string, string> = {
    schoolId: 'school', schoolIds: 'school', schoolA: 'school', classId: 'class', classIds: 'class',
    pupilIds: 'pupil', userIds: 'pupil', memberIds: 'pupil', users: 'person', groups: 'class1Parents', groupId: 'class1Parents', threadId: 'thread',
  };
  if (route.plugin === 'messaging') {
    return { ...base, ids: 'message', attachments: 'messageFile', forwardOf: 'message', parentId: route.url.startsWith('/api/messaging/folders') ? 'folder' : 'message' };
  }
  if (route.plugin === 'liaison') return { ...base, attachmentIds: 'wordFile' };
  if (route.plugin === 'news') return { ...base, attachmentIds: 'itemFile' };
  if (route.plugin === 'agenda') return { ...base, calendarId: 'calendar' };
  if (route.plugin === 'documents') return { ...base, folderId: 'documentFolder', parentId: 'documentFolder' };
  return { ...base, ids: 'notification' };
}

/** The values of those fields: school A's things (a gateway's other school is B). */
function fieldValues(world: World, kinds: Record<string, string>): FieldValues {
  return { ...Object.fromEntries(Object.entries(kinds).map(([field, kind]) => [field, world.resources[kind]!.value])), schoolB: world.B.school.id };
}

/** The fields of a body or query that name things (those `fieldKinds` knows). */
function namingFields(value: unknown, kinds: Record<string, string>): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => namingFields(item, kinds));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => [...(kinds[key] !== undefined ? [key] : []), ...namingFields(inner, kinds)]);
}

/** The calls of one route: every caller with school A's things, and school B's callers naming their own school beside A's things. */
function callsOf(route: RouteEntry, world: World, now: Date, rightDefaults: Parameters<typeof mayAct>[4], unresolved: Set<string>): Call[] {
  const params = pathParams(route);
  for (const p of params) if (!p.kind) unresolved.add(`${route.method} ${route.url} :${p.name}`);
  const schema = (route.schema ?? {}) as { body?: object; querystring?: object };
  const kinds = fieldKinds(route);
  const values = fieldValues(world, kinds);
  const query = schema.querystring ? (sampleValue(schema.querystring, '', values, now) as Record<string, string>) : undefined;
  const payload = schema.body ? sampleValue(schema.body, '', values, now) : undefined;
  const upload = !schema.body && route.method === 'POST' && UPLOADS.test(route.url) ? fileUpload('note.txt', Buffer.from('Bonjour')) : undefined;
  const urlWith = (schoolIdOverride?: number) => route.url.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const kind = params.find((p) => p.name === name)?.kind;
    if (schoolIdOverride && kind === 'school') return String(schoolIdOverride);
    return kind ? encodeURIComponent(String(world.resources[kind]!.value)) : '999999';
  });
  const options = (url: string): InjectOptions => ({
    method: route.method as InjectOptions['method'],
    url,
    ...(query ? { query } : {}),
    ...(payload !== undefined ? { payload: payload as InjectOptions['payload'] } : {}),
    ...(upload ?? {}),
  });
  const named = params.flatMap((p) => (p.kind ? [p.kind] : []));
  const calls: Call[] = world.callers.map((caller) => ({
    route, caller, variant: 'A' as const, options: options(urlWith()), verdict: mayAct(route, caller, named, world, rightDefaults),
  }));
  // A school's own id beside another school's class, user or group: the checks must tie each thing to the school.
  if (named.includes('school') && named.some((kind) => kind !== 'school' && world.resources[kind]!.audience !== 'everyone')) {
    const others = named.filter((kind) => kind !== 'school');
    for (const caller of world.callers.filter((c) => c.school === 'B')) {
      calls.push({ route, caller, variant: 'own school', options: options(urlWith(world.B.school.id)), verdict: mayAct(route, caller, others, world, rightDefaults) });
    }
  }
  // A write the caller may make, naming in its body one of A's things they may not act on (school B's callers:
  // any; A's: one outside their reach), one field at a time so that each check is reached. Whatever it
  // answers, it must not act on the thing: checked by what it writes, since ignoring a foreign id is fine.
  if (route.method !== 'GET') {
    for (const field of new Set([...namingFields(payload, kinds), ...namingFields(query, kinds)])) {
      const resource = world.resources[kinds[field]!]!;
      const outside = (caller: Caller) => caller.school === 'B' || (resource.audience !== 'everyone' && !resource.audience.includes(caller.role!));
      const one = { [field]: values[field]! };
      const fieldQuery = schema.querystring ? (sampleValue(schema.querystring, '', one, now) as Record<string, string>) : undefined;
      const fieldPayload = schema.body ? sampleValue(schema.body, '', one, now) : undefined;
      for (const call of calls.filter((c) => c.caller.role && c.variant === 'A' && c.verdict.mayAct && outside(c.caller))) {
        calls.push({
          ...call,
          variant: 'A in the body',
          field,
          options: { ...call.options, ...(fieldQuery ? { query: fieldQuery } : {}), ...(fieldPayload !== undefined ? { payload: fieldPayload as InjectOptions['payload'] } : {}) },
        });
      }
    }
  }
  return calls;
}

t.test('no caller gets a 2xx the rules do not allow, on any route of the core and of every loaded app', async (t) => {
  const started = Date.now();
  const platform = await createTestPlatform({ plugins: [liaison, messaging, news, agenda, lunchMenu, textbook, folders, documents, blog, media] });
  t.teardown(() => platform.close());
  const world = await buildWorld(platform);
  const built = Date.now();

  const rightDefaults = (plugin: string, right: string) => platform.platform.plugins.get(plugin)?.manifest?.rights?.[right]?.default ?? [];
  // The apps' public pages (/pub/<app>/…) are called too: anonymous callers get a 2xx from them by design.
  const routes = platform.platform.routes().filter((route) => route.url.startsWith('/api/') || route.url.startsWith('/pub/'));
  const apps = new Set(routes.map((route) => route.plugin ?? 'core'));
  t.same([...apps].sort(), ['agenda', 'blog', 'core', 'documents', 'folders', 'liaison', 'lunch-menu', 'media', 'messaging', 'news', 'textbook'], 'the routes of every loaded app are in the table');

  const unresolved = new Set<string>();
  const calls = routes.flatMap((route) => callsOf(route, world, platform.clock.now(), rightDefaults, unresolved));
  const send = (call: Call): Promise<LightMyRequestResponse> => (call.caller.user ? platform.as(call.caller.user).inject(call.options) : platform.inject(call.options));

  const holes: string[] = [];
  const seenGaps = new Set<string>();
  const errors: string[] = [];
  const statuses = new Map<number, number>();
  let tried = 0;
  let validated = 0;
  const ownersServed = new Map<string, boolean>();
  const run = async (call: Call) => {
    const response = await send(call);
    tried += 1;
    statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
    // PREAU_MATRIX_LOG=file writes one line per call, to read what each route answered to whom.
    if (process.env.PREAU_MATRIX_LOG) {
      appendFileSync(process.env.PREAU_MATRIX_LOG, `${response.statusCode}\t${call.caller.label}\t${call.variant}\t${call.route.method} ${call.options.url}\t${JSON.stringify(call.options.payload ?? null).slice(0, 200)}\t${response.body.slice(0, 120)}\n`);
    }
    const code = response.statusCode >= 400 && /json/.test(String(response.headers['content-type'])) ? (response.json() as { code?: string }).code : undefined;
    if (code === 'PREAU_ERR_VALIDATION') validated += 1;
    const key = `${call.route.method} ${call.route.url}`;
    if (response.statusCode >= 500) errors.push(`${call.caller.label} (${call.variant}) ${key} → ${response.statusCode} ${response.body.slice(0, 160)}`);
    if (call.variant === 'A in the body') return response;
    if (call.verdict.mayAct) {
      if (call.caller.school === 'A' && !call.route.public) ownersServed.set(key, (ownersServed.get(key) ?? false) || response.statusCode < 300);
      return response;
    }
    if (response.statusCode >= 200 && response.statusCode < 300) {
      const gap = `${call.caller.label} | ${key}`;
      if (KNOWN_GAPS.has(gap)) seenGaps.add(gap);
      else holes.push(`${call.caller.label} (${call.variant}) got ${response.statusCode} on ${key}: ${call.verdict.rule}`);
    }
    return response;
  };

  // Reads first, by everyone; then writes, only by those the rules refuse (the others would change A for real).
  const reads = calls.filter((call) => call.route.method === 'GET');
  const writes = calls.filter((call) => call.route.method !== 'GET' && !call.verdict.mayAct);
  const foreignBodies = calls.filter((call) => call.variant === 'A in the body');
  for (const call of reads) await run(call);
  const readsDone = Date.now();
  const before = await snapshotTables(platform.knex);
  for (const call of writes) await run(call);
  const after = await snapshotTables(platform.knex);
  // Each accepted one is checked alone: it may have ignored A's ids, not written with them.
  let last = after;
  for (const call of foreignBodies) {
    const response = await run(call);
    if (response.statusCode >= 300) continue;
    const now = await snapshotTables(platform.knex);
    const written = Object.keys(now).filter((table) => now[table] !== last[table]);
    const gap = `${call.caller.label} | ${call.route.method} ${call.route.url}`;
    if (written.length && KNOWN_GAPS.has(gap)) seenGaps.add(gap);
    else if (written.length) holes.push(`${call.caller.label} got ${response.statusCode} on ${call.route.method} ${call.route.url} naming one of school A's things ({${call.field}}) in its body, and wrote ${written.join(', ')}`);
    last = now;
  }
  const finished = Date.now();

  t.same(holes, [], 'no 2xx that the rules forbid');
  t.same(errors, [], 'no 5xx');
  t.same([...KNOWN_GAPS].filter((gap) => !seenGaps.has(gap)), [], 'every known gap still happens (remove those fixed)');
  const changed = Object.keys(before).filter((table) => before[table] !== after[table] || (after[table] !== last[table] && !holes.length));
  t.same(changed, [], 'refused writes changed nothing');
  const reached = tried - validated;
  t.ok(reached / tried > 0.95, 'almost every call passes schema validation and meets the route\'s own checks');
  const neverServed = [...ownersServed].filter(([, served]) => !served).map(([key]) => key);

  t.comment(`${routes.length} routes (${[...apps].join(', ')}) × ${world.callers.length} callers (+ school B naming its own school): ${tried} calls (${reads.length} reads, ${writes.length} refused writes, ${foreignBodies.length} allowed writes naming in the body one of A's things the caller may not act on)`);
  t.comment(`${reached} of ${tried} calls (${((100 * reached) / tried).toFixed(1)} %) reached the route's checks; ${validated} stopped at schema validation`);
  t.comment(`answers: ${[...statuses].sort(([a], [b]) => a - b).map(([status, n]) => `${n} × ${status}`).join(', ')}`);
  t.comment(`world built in ${built - started} ms, reads in ${readsDone - built} ms, writes in ${finished - readsDone} ms`);
  if (unresolved.size) t.comment(`path parameters naming nothing known (called with 999999): ${[...unresolved].join('; ')}`);
  if (neverServed.length) t.comment(`GET routes no allowed caller of A got a 2xx from: ${neverServed.join('; ')}`);
});
