import type { PluginServices } from '@preau/sdk';
import { deleteWord } from './words.js';

/**
 * Deletes the words sent (or written, for those never sent) more than `purgeAfterMonths` months ago, 24 by
 * default: a notebook serves the school year, and families' signatures and replies are personal data that
 * is not kept for ever (RGPD). Each word goes with everything hanging on it and lets go of its files.
 */
export async function purgeOldWords(services: PluginServices, now: Date): Promise<number> {
  const months = Number(services.settings.purgeAfterMonths ?? 24);
  const limit = new Date(now);
  limit.setUTCMonth(limit.getUTCMonth() - months);
  const ids: number[] = await services.db('words').whereRaw('coalesce(sent_at, created_at) < ?', [limit]).pluck('id');
  for (const id of ids) await deleteWord(services, id);
  if (ids.length) services.log.info({ purged: ids.length, months }, 'liaison: old words purged');
  return ids.length;
}
