import type { LoadUser } from './load-users.js';
import type { Recorded } from './recorder.js';

/** What the harness tells a generator process. */
export type ToGenerator =
  | { type: 'sign-in'; origin: string; password: string; users: LoadUser[] }
  | { type: 'morning'; origin: string; password: string; users: LoadUser[]; arrivalsMs: number[]; startAt: number; endAt: number };

/** What a generator answers. */
export type FromGenerator =
  | { type: 'signed-in'; recorded: Recorded }
  | { type: 'morning-done'; recorded: Recorded; cpuMs: number; openSockets: number; socketMessages: number };

/** The request kind of the sign-ins measured apart, before the morning. */
export const SIGN_IN_KIND = 'POST /api/core/session (sign-in throughput)';
