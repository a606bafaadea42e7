import type { Language, LocalizedText } from '@preau/sdk';
import type { DeclaredType } from './notification-types.js';

/** A notification as the timeline and the live socket show it. */
export interface TimelineItem {
  id: number;
  app: string;
  type: string;
  actor: { id: number; displayName: string } | null;
  resource: { app: string; id: string; url: string };
  params: Record<string, unknown>;
  /** The type's message with its placeholders filled, in the reader's language. */
  text: string;
  createdAt: string;
  read: boolean;
}

/** A notification row joined with its actor's name. */
export interface NotificationRow {
  id: number | string;
  app: string;
  type: string;
  actor_id: number | null;
  actor_name: string | null;
  resource: TimelineItem['resource'];
  params: Record<string, unknown> | null;
  created_at: Date | string;
  read_at?: Date | string | null;
}

/** Fills `{actor}` and `{param}` placeholders; unknown ones stay as they are. */
export function fillMessage(template: string, actorName: string | null, params: Record<string, unknown>): string {
  return template.replace(/\{([a-zA-Z0-9_-]+)\}/g, (whole, key: string) => {
    if (key === 'actor') return actorName ?? 'Préau';
    const value = params[key];
    return value === undefined || value === null ? whole : String(value);
  });
}

function pick(text: LocalizedText | undefined, language: Language): string | undefined {
  return text?.[language] ?? text?.fr;
}

/** The line that says what happened, in `language`: the type's message, else its title, else the app's. */
export function notificationText(declared: DeclaredType | undefined, row: Pick<NotificationRow, 'actor_name' | 'params' | 'app' | 'type'>, language: Language): string {
  const template = pick(declared?.declaration.message, language) ?? pick(declared?.declaration.title, language);
  if (!template) return `${pick(declared?.appTitle, language) ?? row.app} : ${row.type}`;
  return fillMessage(template, row.actor_name, row.params ?? {});
}

/** A row as a timeline item. */
export function toTimelineItem(row: NotificationRow, declared: DeclaredType | undefined, language: Language): TimelineItem {
  return {
    id: Number(row.id),
    app: row.app,
    type: row.type,
    actor: row.actor_id !== null && row.actor_name !== null ? { id: row.actor_id, displayName: row.actor_name } : null,
    resource: row.resource,
    params: row.params ?? {},
    text: notificationText(declared, row, language),
    createdAt: new Date(row.created_at).toISOString(),
    read: row.read_at !== undefined && row.read_at !== null,
  };
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
