import type { Question } from './schemas.js';

/** The columns of `words` that both the staff's and the families' views read. */
export interface WordColumns {
  school_id: number;
  author_id: number | null;
  author_name: string;
  title: string;
  body: string;
  category: string;
  requires_ack: boolean;
  replies_allowed: boolean;
  question: Question | null;
}
