// The script of /offline.html, the page the service worker shows when a page of Préau cannot be loaded. It
// reads only what the worker kept (offline-data.ts) and says what is missing. Plain DOM: it must run alone,
// without the shell, whose code may be newer than what is cached.
import { DATA_CACHE, SESSION_KEY } from './offline-data.js';

interface Word {
  id: number;
  pupilId: number;
  pupilName: string;
  author: { displayName: string };
  title: string;
  body: string;
  sentAt: string;
  requiresAck: boolean;
  mayAcknowledge: boolean;
  acknowledgement: { by: { displayName: string }; at: string } | null;
}
interface Homework {
  pupil: { id: number; displayName: string };
  homework: { id: number; subject: string; title: string; body: string; bucket: string }[];
}

const dateFormat = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' });

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/** The text of sanitized HTML, without running or showing any markup. */
function plainText(html: string): string {
  return new DOMParser().parseFromString(html, 'text/html').body.textContent?.trim() ?? '';
}

async function kept(): Promise<{ words: Map<string, Word[]>; homework: Homework[]; savedAt: Date | null; signedIn: boolean }> {
  const words = new Map<string, Word[]>();
  const homework: Homework[] = [];
  let savedAt: Date | null = null;
  if (!('caches' in window) || !(await caches.has(DATA_CACHE))) return { words, homework, savedAt, signedIn: false };
  const cache = await caches.open(DATA_CACHE);
  let signedIn = false;
  for (const request of await cache.keys()) {
    const path = new URL(request.url).pathname;
    const response = await cache.match(request);
    if (!response) continue;
    if (path === SESSION_KEY) {
      signedIn = true;
      continue;
    }
    const date = response.headers.get('date');
    if (date && (!savedAt || new Date(date) > savedAt)) savedAt = new Date(date);
    const body: unknown = await response.json();
    if (path.startsWith('/api/liaison/')) {
      for (const word of (body as { words: Word[] }).words) words.set(word.pupilName, [...(words.get(word.pupilName) ?? []), word]);
    } else if (path.startsWith('/api/textbook/')) homework.push(body as Homework);
  }
  return { words, homework, savedAt, signedIn };
}

async function confirm(word: Word, button: HTMLButtonElement, status: HTMLElement): Promise<void> {
  button.disabled = true;
  const session = await (await caches.open(DATA_CACHE)).match(SESSION_KEY);
  const csrf = session ? ((await session.json()) as { csrf: string | null }).csrf : null;
  try {
    // Through the service worker: offline, it keeps the confirmation and sends it when the network is back.
    const response = await fetch(`/api/liaison/words/${word.id}/pupils/${word.pupilId}/acknowledgement`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(csrf ? { 'x-csrf-token': csrf } : {}) },
      body: '{}',
    });
    const answer = (await response.json().catch(() => ({}))) as { message?: string };
    status.textContent = response.ok ? 'Lecture confirmée.' : answer.message ?? 'La confirmation a échoué.';
  } catch {
    status.textContent = "La confirmation n'a pas pu être gardée : réessayez une fois le réseau revenu.";
    button.disabled = false;
  }
}

function renderWord(word: Word): HTMLElement {
  const item = element('li', undefined, 'card');
  item.append(element('h3', word.title), element('p', `${word.author.displayName} — ${dateFormat.format(new Date(word.sentAt))}`, 'muted'), element('p', plainText(word.body)));
  if (word.acknowledgement) item.append(element('p', `Lecture confirmée par ${word.acknowledgement.by.displayName}.`, 'muted'));
  else if (word.requiresAck && word.mayAcknowledge) {
    const status = element('p', undefined, 'muted');
    status.setAttribute('role', 'status');
    const button = element('button', 'Confirmer la lecture');
    button.type = 'button';
    button.addEventListener('click', () => void confirm(word, button, status));
    item.append(button, status);
  }
  return item;
}

async function render(): Promise<void> {
  const main = document.querySelector('main')!;
  const { words, homework, savedAt, signedIn } = await kept();
  const readable = element('section');
  readable.setAttribute('aria-labelledby', 'readable');
  const title = element('h2', 'Ce qui reste lisible sur cet appareil');
  title.id = 'readable';
  readable.append(title);
  if (!signedIn || (words.size === 0 && homework.length === 0)) {
    readable.append(element('p', "Rien n'est gardé sur cet appareil pour le moment : une fois connecté, ouvrez le carnet de liaison de vos enfants, il restera lisible ici sans réseau."));
  } else {
    if (savedAt) readable.append(element('p', `Enregistré pour la dernière fois le ${dateFormat.format(savedAt)}.`, 'muted'));
    for (const [child, list] of [...words].sort(([a], [b]) => a.localeCompare(b, 'fr'))) {
      readable.append(element('h3', `Carnet de liaison — ${child}`));
      const ul = element('ul');
      ul.append(...list.map(renderWord));
      readable.append(ul);
    }
    for (const page of homework) {
      const tomorrow = page.homework.filter((h) => h.bucket === 'tomorrow');
      readable.append(element('h3', `Pour demain — ${page.pupil.displayName}`));
      if (tomorrow.length === 0) readable.append(element('p', 'Aucun devoir pour demain.'));
      const ul = element('ul');
      ul.append(...tomorrow.map((h) => {
        const li = element('li', undefined, 'card');
        li.append(element('h4', `${h.subject} : ${h.title}`), element('p', plainText(h.body)));
        return li;
      }));
      readable.append(ul);
    }
  }
  main.append(readable);
}

addEventListener('online', () => location.reload());
document.querySelector('#retry')?.addEventListener('click', () => location.reload());
void render();
