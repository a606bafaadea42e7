import { html } from 'lit';
import type { StaffWordView } from './types.js';
import { format, formatInstant, type Language } from './i18n.js';

/** "7/27 lus · 8 réponses": what a teacher looks for first. */
export function countsLine(word: Pick<StaffWordView, 'counts' | 'sentAt' | 'sendAt'>, language: Language): string {
  if (!word.sentAt) return format('scheduledFor', language, { date: formatInstant(word.sendAt, language) });
  const replies = word.counts.replies === 1 ? format('oneReply', language, {}) : format('repliesCount', language, { count: word.counts.replies });
  return `${format('counts', language, { ack: word.counts.acknowledged, pupils: word.counts.pupils })} · ${replies}`;
}

/** The category tag of a word. */
export function categoryTag(label: string) {
  return html`<span class="tag">${label}</span>`;
}
