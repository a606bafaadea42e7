import type { Knex } from 'knex';
import webPush from 'web-push';

/** The server's VAPID key pair (base64url, as browsers and web-push take them). */
export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

/**
 * The VAPID keys, made at first start and kept in the database: every process signs with the same pair, and a
 * new pair would void every device's subscription (browsers bind a subscription to the key it was made with).
 */
export async function vapidKeys(knex: Knex): Promise<VapidKeys> {
  const made = webPush.generateVAPIDKeys();
  await knex('core.push_keys').insert({ id: true, public_key: made.publicKey, private_key: made.privateKey }).onConflict('id').ignore();
  const row: { public_key: string; private_key: string } = await knex('core.push_keys').first('public_key', 'private_key');
  return { publicKey: row.public_key, privateKey: row.private_key };
}
