import type { Knex } from 'knex';
import type { Clock } from '@preau/sdk';
import { hashToken, randomToken } from './secret-tokens.js';
import { checkPasswordPolicy, hashPassword } from './password.js';
import { SetupDone, SetupTokenInvalid } from '../errors.js';

const TOKEN_LIFETIME_MS = 24 * 3_600_000;

/** The first-start setup: until an academy administrator exists, only the setup page is open. */
export interface Setup {
  /** True once an academy administrator exists (cached: it never becomes false again). */
  isDone(): Promise<boolean>;
  /** When setup is not done, replaces any earlier token with a new one (valid 24 h) and returns it; else null. */
  issueToken(): Promise<string | null>;
  /** Creates the first academy administrator with a valid token; returns their user id. */
  complete(input: { token: string; login: string; displayName: string; password: string }): Promise<number>;
}

export function createSetup(deps: { knex: Knex; clock: Clock }): Setup {
  const { knex, clock } = deps;
  let done = false;

  const adminExists = async (db: Knex): Promise<boolean> => {
    const row = await db('core.user_functions').where({ function: 'academy-admin' }).first('user_id');
    return row !== undefined;
  };

  return {
    async isDone() {
      if (!done) done = await adminExists(knex);
      return done;
    },

    async issueToken() {
      if (await this.isDone()) return null;
      const token = randomToken();
      await knex.transaction(async (trx) => {
        await trx('core.setup_tokens').delete();
        await trx('core.setup_tokens').insert({
          token_hash: hashToken(token),
          expires_at: new Date(clock.now().getTime() + TOKEN_LIFETIME_MS),
        });
      });
      return token;
    },

    async complete(input) {
      checkPasswordPolicy(input.password);
      const passwordHash = await hashPassword(input.password);
      const userId = await knex.transaction(async (trx) => {
        // Two browsers submitting at once: the first one wins, the second sees "already set up".
        await trx.raw('select pg_advisory_xact_lock(hashtext(?))', ['preau-setup']);
        if (await adminExists(trx)) throw SetupDone();
        const deleted = await trx('core.setup_tokens')
          .delete()
          .where({ token_hash: hashToken(input.token) })
          .andWhere('expires_at', '>', clock.now());
        if (deleted === 0) throw SetupTokenInvalid();
        const [user] = await trx('core.users')
          .insert({
            login: input.login,
            display_name: input.displayName,
            profile: 'Personnel',
            password_hash: passwordHash,
            state: 'active',
          })
          .returning('id');
        await trx('core.user_functions').insert({ user_id: user.id, function: 'academy-admin', school_id: null });
        return user.id as number;
      });
      done = true;
      return userId;
    },
  };
}
