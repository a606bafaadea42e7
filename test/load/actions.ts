import type { Me } from './home-page.js';
import type { LoadUser } from './load-users.js';
import type { UserClient } from './user-client.js';

/** What an action knows of the user acting. */
export interface Actor {
  user: LoadUser;
  me: Me;
  client: UserClient;
}

type Action = (actor: Actor) => Promise<void>;

interface FamilyWord { id: number; pupilId: number; requiresAck: boolean; mayAcknowledge: boolean; unread: boolean; acknowledgement: unknown }

const child = (actor: Actor): number | undefined => actor.me.children[Math.floor(Math.random() * actor.me.children.length)]?.id;

async function notebook(actor: Actor): Promise<FamilyWord[]> {
  const pupil = child(actor);
  if (pupil === undefined) return [];
  const page = await actor.client.request<{ words: FamilyWord[] }>('GET /api/liaison/children/:id/words', 'GET', `/api/liaison/children/${pupil}/words?limit=20`);
  return page.body?.words ?? [];
}

/** Opens the notebook, then a word still to confirm (as the word's page does: read, then acknowledge). */
async function confirmWord(actor: Actor): Promise<void> {
  const words = await notebook(actor);
  const word = words.find((w) => w.requiresAck && w.mayAcknowledge && !w.acknowledgement) ?? words[0];
  if (!word) return;
  const { client } = actor;
  await client.request('GET /api/liaison/words/:id/family', 'GET', `/api/liaison/words/${word.id}/family`);
  if (word.unread) await client.request('POST /api/liaison/words/:id/pupils/:id/read', 'POST', `/api/liaison/words/${word.id}/pupils/${word.pupilId}/read`, {});
  if (word.requiresAck && word.mayAcknowledge && !word.acknowledgement) {
    await client.request('POST /api/liaison/words/:id/pupils/:id/acknowledgement', 'POST', `/api/liaison/words/${word.id}/pupils/${word.pupilId}/acknowledgement`, {});
  }
}

/** The messaging app's first screen, then the newest message opened. */
async function readInbox(actor: Actor): Promise<void> {
  const { client } = actor;
  await client.request('GET /api/messaging/folders', 'GET', '/api/messaging/folders');
  const page = await client.request<{ items: { id: number }[] }>('GET /api/messaging/folders/inbox/messages', 'GET', '/api/messaging/folders/inbox/messages');
  const first = page.body?.items[0];
  if (first) await client.request('GET /api/messaging/messages/:id', 'GET', `/api/messaging/messages/${first.id}`);
}

/** The news app's list, then one of its items. */
async function openNewsItem(actor: Actor): Promise<void> {
  const { client } = actor;
  const page = await client.request<{ items: { id: number }[] }>('GET /api/news/items', 'GET', '/api/news/items?limit=20');
  const items = page.body?.items ?? [];
  const item = items[Math.floor(Math.random() * items.length)];
  if (item) await client.request('GET /api/news/items/:id', 'GET', `/api/news/items/${item.id}`);
}

/** A parent writes to their child's teacher. */
async function sendMessage(actor: Actor): Promise<void> {
  await actor.client.request('POST /api/messaging/messages', 'POST', '/api/messaging/messages', {
    to: { users: [actor.user.teacherId], groups: [] },
    subject: 'Absence demain matin',
    body: '<p>Bonjour, notre enfant aura un rendez-vous demain à 9 h et arrivera vers 10 h. Merci.</p>',
  });
}

/** A teacher writes a word to the whole class, to be confirmed by the families. */
async function postWord(actor: Actor): Promise<void> {
  await actor.client.request('POST /api/liaison/words', 'POST', '/api/liaison/words', {
    title: 'Sortie à la médiathèque jeudi', body: '<p>Merci de prévoir un sac et une gourde.</p>', category: 'sortie',
    classIds: [actor.user.classId], requiresAck: true,
  });
}

/** The teacher's notebook, then a word's tracking ("7/27 lus"), as the tracking page loads it. */
async function openTracking(actor: Actor): Promise<void> {
  const { client } = actor;
  const list = await client.request<{ id: number; sentAt: string | null }[]>('GET /api/liaison/words', 'GET', '/api/liaison/words?limit=20');
  const word = (list.body ?? []).find((w) => w.sentAt);
  if (!word) return;
  await client.request('GET /api/liaison/words/:id', 'GET', `/api/liaison/words/${word.id}`);
  await client.request('GET /api/liaison/words/:id/tracking', 'GET', `/api/liaison/words/${word.id}/tracking`);
}

/** A realistic mix per profile, as weights: parents mostly read, teachers mostly look at who has read. */
const MIX: Record<LoadUser['profile'], [Action, number][]> = {
  Relative: [[async (actor) => void (await notebook(actor)), 30], [confirmWord, 25], [readInbox, 20], [openNewsItem, 15], [sendMessage, 10]],
  Teacher: [[openTracking, 70], [postWord, 30]],
};

/** Draws one action of the user's profile's mix and does it. */
export async function doOneAction(actor: Actor): Promise<void> {
  const mix = MIX[actor.user.profile];
  let draw = Math.random() * mix.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [action, weight] of mix) {
    draw -= weight;
    if (draw < 0) return action(actor);
  }
}
